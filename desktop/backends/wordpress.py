"""WordPress over its REST API, signed in with an Application Password."""

import email.utils
import html
import ipaddress
import json
import logging
import math
import time
from datetime import datetime, timezone
import re
from typing import Any
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import requests

from desktop.backends.base import (
    OutgoingPost, ProgressCallback, RemoteMedia, RemotePost, UploadFile,
)
from desktop.errors import InputError, NetworkError, RejectedError, SignInError
from desktop.http import HttpClient
from desktop.models import Site
from desktop.text import nfc, slugify

log = logging.getLogger(__name__)

_RETRYABLE_STATUSES = {408, 425, 429, 500, 502, 503, 504}
CATEGORY_CHECK_S = 3600.0
# The slowest uplink an upload is given time for: 32 kbit/s, an assumed floor
# at half the slowest link TinXa's tests run on (64 kbit/s).
UPLOAD_MIN_BYTES_PER_S = 4000
_MAX_MESSAGE = 300


def normalise_site_url(url: str) -> str:
    """Clean a typed site address; raise InputError if it cannot be used.

    Plain http is accepted only for loopback addresses, because the
    Application Password travels in every request.
    """
    text = url.strip()
    if not text:
        raise InputError("site_url_missing")
    if "://" not in text:
        # A loopback address has no certificate: a test server is plain http.
        host = urlsplit("//" + text).hostname or ""
        text = ("http://" if _is_loopback(host) else "https://") + text
    parts = urlsplit(text)
    try:
        parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise InputError("site_url_invalid", url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname \
            or any(char.isspace() for char in text):
        raise InputError("site_url_invalid", url)
    if parts.username or parts.password:
        # A password in the address would be stored and logged with it.
        raise InputError("site_url_invalid", parts.hostname)
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InputError("insecure_http", url)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class WordPressBackend:
    def __init__(self, site: Site, password: str, http: HttpClient,
                 category_checks: dict[int, float] | None = None) -> None:
        self.site = site
        # Site id -> time.monotonic() of the last check that its cached
        # category ids still exist, shared by the backends of one Accounts.
        self._category_checks = {} if category_checks is None else category_checks
        # Bytes, because requests encodes text as Latin-1 and a Vietnamese
        # letter in a user name would raise instead of reaching the site.
        self._auth = (site.username.encode("utf-8"), password.encode("utf-8"))
        self._http = http

    # Account

    def check_account(self) -> Site:
        self.site.url = normalise_site_url(self.site.url)
        index = self._discover()
        methods = index.get("authentication") or {}
        if "application-passwords" not in methods:
            raise InputError("no_app_passwords", self.site.url)

        self.site.has_companion = "tinxa/v1" in (index.get("namespaces") or [])
        try:
            me = self._call("GET", "wp/v2/users/me", params={"context": "edit"})
        except SignInError:
            if self.site.has_companion and not self._auth_header_arrives():
                raise InputError("auth_header_dropped", self.site.url) from None
            raise
        self.site.user_id = int(me.get("id") or 0)
        self.site.display_name = nfc(me.get("name") or self.site.username)
        self.site.roles = list(me.get("roles") or [])
        caps = me.get("capabilities") or {}
        self.site.capabilities = sorted(name for name, on in caps.items() if on)
        self.site.categories = self.fetch_categories()
        log.info("signed in to %s as %s (roles %s, companion plugin %s)",
                 self.site.url, self.site.username, self.site.roles,
                 self.site.has_companion)
        return self.site

    def _discover(self) -> dict:
        """Find the REST root: pretty permalinks first, then the query form."""
        for root, marker in ((f"{self.site.url}/wp-json/", "/wp-json/"),
                             (f"{self.site.url}/?rest_route=/", "/?rest_route=/")):
            response = self._http.request("GET", root, allow_redirects=True)
            index = _json_or_none(response)
            if response.ok and isinstance(index, dict) and "namespaces" in index:
                if response.url != root and marker in response.url:
                    self._follow_move(response.url, marker)
                else:
                    self.site.api_root = root
                return index
        raise InputError("not_wordpress", self.site.url)

    def _follow_move(self, final_root: str, marker: str) -> None:
        """Adopt the address a site redirects to (xa.vn to www.xa.vn), so the
        password goes straight there: requests drops it on a redirect to
        another host, and WordPress would then respond as to a wrong one."""
        moved = normalise_site_url(final_root.split(marker)[0])
        log.info("site %s moved to %s", self.site.url, moved)
        self.site.url = moved
        self.site.api_root = moved + marker

    def _auth_header_arrives(self) -> bool:
        """Ask the companion plugin whether our Authorization header reached
        PHP. Some proxies and web server set-ups drop it, and WordPress then
        responds with 401 exactly as to a wrong password."""
        response = self._http.request("GET", self._url("tinxa/v1/info"),
                                      auth=self._auth)
        info = _json_or_none(response)
        if not isinstance(info, dict) or "auth_header_received" not in info:
            return True  # an older plugin: no evidence of a dropped header
        return bool(info["auth_header_received"])

    def ping(self) -> None:
        response = self._http.request("GET", self._root(), params={"_fields": "name"})
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise _error_for(response, "GET")

    def fetch_categories(self) -> dict[str, int]:
        """Return the site's categories by name, without WordPress's default
        "Uncategorized", which no commune article should be filed under."""
        found = {}
        for term in self._get_all("wp/v2/categories"):
            if term.get("slug") != "uncategorized":
                found[_term_name(term)] = int(term["id"])
        return found

    # Posts

    def find_post(self, uuid: str, title: str) -> RemotePost | None:
        if self.site.has_companion:
            params = {"client_uuid": uuid, "status": "any", "context": "edit"}
            posts = _expect_list(self._call("GET", "wp/v2/posts", params=params))
            return _remote_post(posts[0]) if posts else None
        # TODO(sync): without the companion plugin this matches on title and
        # author only, so two articles with one title by one clerk could merge.
        params = {"search": title, "author": self.site.user_id, "status": "any",
                  "context": "edit", "per_page": 20}
        for post in _expect_list(self._call("GET", "wp/v2/posts", params=params)):
            if nfc(post.get("title", {}).get("raw", "")) == nfc(title):
                return _remote_post(post)
        return None

    def create_post(self, post: OutgoingPost) -> RemotePost:
        body = self._post_body(post)
        try:
            created = self._call("POST", "wp/v2/posts", json=body)
        except RejectedError as error:
            existing = _duplicate_of(error)
            if existing is None:
                raise
            # An earlier create of this article reached the site after all.
            log.info("post for %s exists as %d; updating it", post.uuid, existing)
            return self.update_post(existing, post)
        return self._with_terms_checked(created, body, post)

    def update_post(self, post_id: int, post: OutgoingPost) -> RemotePost:
        body = self._post_body(post)
        updated = self._call("POST", f"wp/v2/posts/{post_id}", json=body)
        return self._with_terms_checked(updated, body, post)

    def _with_terms_checked(self, stored: dict, sent: dict,
                            post: OutgoingPost) -> RemotePost:
        """WordPress drops unknown category ids without an error. If it did,
        the category list is read again and the post updated once more; if a
        category is still missing, the post is returned flagged."""
        remote = _remote_post(stored)
        if sorted(remote.categories) == sorted(sent["categories"]):
            return remote
        log.warning("site dropped categories of post %d: sent %s, stored %s",
                    remote.id, sent["categories"], remote.categories)
        self.site.categories = self.fetch_categories()
        try:
            categories = self._category_ids(post.category_names)
        except RejectedError:
            remote.terms_dropped = True
            return remote
        body = dict(sent, categories=categories)
        body.pop("status", None)
        again = _remote_post(self._call("POST", f"wp/v2/posts/{remote.id}",
                                        json=body))
        again.terms_dropped = sorted(again.categories) != sorted(body["categories"])
        return again

    def get_post(self, post_id: int) -> RemotePost:
        data = self._call("GET", f"wp/v2/posts/{post_id}",
                          params={"context": "edit"})
        return _remote_post(data)

    def list_posts(self, post_ids: list[int]) -> list[RemotePost]:
        posts = []
        for start in range(0, len(post_ids), 100):
            batch = post_ids[start:start + 100]
            # The view context: a contributor may no longer edit a post the
            # board published, and the edit context would leave it out.
            params = {"include": ",".join(map(str, batch)), "status": "any",
                      "per_page": 100,
                      "_fields": "id,status,link,modified_gmt,title,author"}
            found = _expect_list(self._call("GET", "wp/v2/posts", params=params))
            posts += [_remote_post(data) for data in found]
        return posts

    def _post_body(self, post: OutgoingPost) -> dict[str, Any]:
        body = {
            "title": post.title,
            "content": post.content_html,
            "excerpt": post.excerpt,
            "categories": self._category_ids(post.category_names),
            "tags": [self._tag_id(name) for name in post.tag_names],
            "featured_media": post.featured_media,
            "meta": {"tinxa_uuid": post.uuid} if self.site.has_companion else {},
        }
        if post.status is not None:
            body["status"] = post.status
        if post.slug:
            body["slug"] = post.slug
        return body

    # Media

    def find_media(self, uuid: str) -> RemoteMedia | None:
        if not self.site.has_companion:
            # TODO(sync): without the companion plugin an upload whose response
            # was lost cannot be found again, so it may be uploaded twice.
            return None
        found = _expect_list(self._call(
            "GET", "wp/v2/media", params={"client_uuid": uuid, "context": "edit"}))
        return _remote_media(found[0]) if found else None

    def upload_media(self, upload: UploadFile,
                     progress: ProgressCallback | None = None) -> RemoteMedia:
        """Send the file as the raw request body. Alt text, caption and the
        UUID go as query parameters, so they are stored with the file in the
        same request and a lost response can be looked up by UUID."""
        params = {"alt_text": upload.alt_text, "caption": upload.caption}
        if self.site.has_companion:
            params["meta[tinxa_uuid]"] = upload.uuid
        headers = {
            "Content-Type": upload.mime_type or "application/octet-stream",
            "Content-Disposition": _content_disposition(upload.file_name),
        }
        with _ProgressReader(upload.path, progress) as body:
            # The socket buffers take the whole file at once, so the response
            # comes only after it has crossed the slow link: allow for that.
            connect, read = self._http.timeout
            timeout = (connect, read + len(body) / UPLOAD_MIN_BYTES_PER_S)
            try:
                data = self._call("POST", "wp/v2/media", params=params,
                                  headers=headers, data=body, timeout=timeout)
            except RejectedError as error:
                existing = _duplicate_of(error)
                if existing is None:
                    raise
                log.info("media %s exists as %d", upload.uuid, existing)
                data = self._call("GET", f"wp/v2/media/{existing}",
                                  params={"context": "edit"})
        return _remote_media(data)

    def _category_ids(self, names: list[str]) -> list[int]:
        """Map category names to the site's ids, reading the list again when
        a name is unknown or a known id is gone, so that no post is filed
        under a deleted category (WordPress would make it Uncategorized)."""
        missing = [name for name in names if name not in self.site.categories]
        if missing or self._category_check_due() and \
                not self._category_ids_exist(names):
            self.site.categories = self.fetch_categories()
        ids = []
        for name in names:
            if name not in self.site.categories:
                if not self.site.can("manage_categories"):
                    raise RejectedError("category_missing", name, name=name)
                self.site.categories[name] = self._create_term(
                    "wp/v2/categories", name)
            ids.append(self.site.categories[name])
        return ids

    def _category_check_due(self) -> bool:
        """Check cached ids at most once per CATEGORY_CHECK_S: the check costs
        a round trip per send, and categories are rarely deleted. A deletion
        in between is still caught after the create, by _with_terms_checked."""
        last = self._category_checks.get(self.site.id)
        now = time.monotonic()
        if last is not None and now - last < CATEGORY_CHECK_S:
            return False
        self._category_checks[self.site.id] = now
        return True

    def _category_ids_exist(self, names: list[str]) -> bool:
        ids = sorted({self.site.categories[name] for name in names})
        if not ids:
            return True
        found = self._call("GET", "wp/v2/categories", params={
            "include": ",".join(map(str, ids)), "per_page": 100, "_fields": "id"})
        return sorted(term["id"] for term in found) == ids

    def _tag_id(self, name: str) -> int:
        # WordPress stores "&" and "<" as entities, and searches the stored form.
        search = html.escape(name, quote=False)
        for term in self._call("GET", "wp/v2/tags",
                               params={"search": search, "per_page": 100}):
            if _term_name(term).casefold() == name.casefold():
                return int(term["id"])
        return self._create_term("wp/v2/tags", name)

    def _create_term(self, route: str, name: str) -> int:
        try:
            return int(self._call("POST", route, json={"name": name})["id"])
        except RejectedError as error:
            if error.params.get("server_code") == "term_exists" and \
                    error.params.get("existing_id"):
                return int(error.params["existing_id"])
            raise

    # Transport

    def _root(self) -> str:
        return self.site.api_root or f"{self.site.url}/wp-json/"

    def _url(self, route: str) -> str:
        # Both root forms end in "/", so the route appends to either.
        return self._root() + route

    def _call(self, method: str, route: str, **kwargs: Any) -> Any:
        if "json" in kwargs:
            # requests escapes every Vietnamese letter as \uXXXX, which makes
            # an article's JSON about half as large again: send UTF-8.
            kwargs["data"] = json.dumps(kwargs.pop("json"),
                                        ensure_ascii=False).encode("utf-8")
            kwargs["headers"] = {**kwargs.get("headers", {}),
                                 "Content-Type": "application/json; charset=utf-8"}
        # A redirect would turn a POST into a GET, or drop the password on
        # the way to another host: it is reported, never followed.
        response = self._http.request(method, self._url(route), auth=self._auth,
                                      allow_redirects=False, **kwargs)
        if not 200 <= response.status_code < 300:
            raise _error_for(response, method)
        data = _json_or_none(response)
        if data is None:
            # A captive portal or a broken proxy responds 200 with a web page.
            raise NetworkError("bad_response", _message_of(response),
                               uncertain=method != "GET")
        return data

    def _get_all(self, route: str) -> list[dict]:
        items, page = [], 1
        while True:
            response = self._http.request(
                "GET", self._url(route), auth=self._auth,
                params={"per_page": 100, "page": page, "context": "view"})
            if not response.ok:
                raise _error_for(response, "GET")
            batch = _json_or_none(response)
            if not isinstance(batch, list):
                raise NetworkError("bad_response", _message_of(response))
            items.extend(batch)
            total_pages = int(response.headers.get("X-WP-TotalPages") or 1)
            if page >= total_pages or not batch:
                return items
            page += 1


def _term_name(term: dict) -> str:
    """A term's name as typed: WordPress returns "&" as "&amp;"."""
    return nfc(html.unescape(term.get("name") or ""))


def _duplicate_of(error: RejectedError) -> int | None:
    """Return the existing item's id if the companion plugin refused a create
    because its client UUID is taken, else None."""
    if error.params.get("server_code") != "tinxa_duplicate":
        return None
    existing = error.params.get("existing_id")
    return int(existing) if existing else None


def _expect_item(data: Any) -> dict:
    """Check a response is one WordPress item; a proxy or a broken plugin may
    respond 200 with a list, a string or an empty object."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        raise NetworkError("bad_response", repr(data)[:_MAX_MESSAGE],
                           uncertain=True)
    return data


def _expect_list(data: Any) -> list:
    if not isinstance(data, list) or not all(isinstance(item, dict)
                                             for item in data):
        raise NetworkError("bad_response", repr(data)[:_MAX_MESSAGE])
    return data


def _remote_post(data: Any) -> RemotePost:
    data = _expect_item(data)
    lock = data.get("tinxa_edit_lock") or {}
    if not isinstance(lock, dict):
        lock = {}
    return RemotePost(
        id=int(data["id"]), status=data.get("status", ""),
        link=data.get("link", ""), modified_gmt=data.get("modified_gmt", ""),
        title=_raw_text(data, "title"), author_id=int(data.get("author") or 0),
        excerpt=_raw_text(data, "excerpt"), content_html=_raw_text(data, "content"),
        lock_holder=nfc(lock.get("name") or "") if lock else "",
        categories=list(data.get("categories") or []),
        tags=list(data.get("tags") or []),
        featured_media=int(data.get("featured_media") or 0))


def _raw_text(data: dict, name: str) -> str:
    """Return the raw field of the edit context, else the rendered one."""
    value = data.get(name) or {}
    return nfc(value.get("raw") or value.get("rendered") or "")


def _remote_media(data: Any) -> RemoteMedia:
    data = _expect_item(data)
    return RemoteMedia(id=int(data["id"]), url=data.get("source_url", ""),
                       mime_type=data.get("mime_type", ""))


def _content_disposition(file_name: str) -> str:
    """Name the upload: "Hội trường.jpg" goes up as "hoi-truong.jpg", the
    form WordPress would make of it anyway, and as the UTF-8 original."""
    path = Path(file_name)
    ascii_name = (slugify(path.stem) or "file") + path.suffix.lower()
    return f'attachment; filename="{ascii_name}"; ' \
           f"filename*=UTF-8''{quote(ascii_name)}"


class _ProgressReader:
    """A file opened for upload that reports each chunk requests reads."""

    def __init__(self, path: Path, progress: ProgressCallback | None) -> None:
        self._file = open(path, "rb")
        self._total = path.stat().st_size
        self._sent = 0
        self._progress = progress

    def __len__(self) -> int:
        return self._total

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        self._sent += len(chunk)
        if self._progress is not None and chunk:
            self._progress(self._sent, self._total)
        return chunk

    def __enter__(self) -> "_ProgressReader":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._file.close()


def _json_or_none(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _message_of(response: requests.Response) -> str:
    """Return the server's own message: the JSON message, or the text of an
    HTML page."""
    data = _json_or_none(response)
    if isinstance(data, dict) and data.get("message"):
        return str(data["message"])[:_MAX_MESSAGE]
    text = re.sub(r"<[^>]+>", " ", response.text or "")
    return " ".join(text.split())[:_MAX_MESSAGE]


def _error_for(response: requests.Response, method: str) -> Exception:
    """Classify a non-2xx response into the core's error kinds."""
    status = response.status_code
    message = _message_of(response)
    data = _json_or_none(response)
    code = data.get("code", "") if isinstance(data, dict) else ""
    extra = data.get("data") if isinstance(data, dict) else None
    existing_id = None
    if isinstance(extra, dict):
        existing_id = extra.get("id") or extra.get("term_id")
    log.info("%s %s returned %d %s", method, response.url, status, code or message)
    if 300 <= status < 400:
        # Sending waits until the clerk signs in at the new address.
        return SignInError("site_moved", response.headers.get("Location", ""),
                           status=status)
    if status in _RETRYABLE_STATUSES:
        retry_after = _retry_after(response)
        kind = "server_busy" if status in (429, 503) else "server_error"
        return NetworkError(kind, message, retry_after=retry_after,
                            uncertain=method != "GET", status=status)
    if status == 401:
        return SignInError("wrong_password", message, status=status)
    if status == 403:
        return RejectedError("forbidden", message, status=status, server_code=code)
    if status == 413:
        return RejectedError("too_large", message, status=status)
    return RejectedError("rejected", message, status=status, server_code=code,
                         existing_id=existing_id)


def _retry_after(response: requests.Response) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as a date."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)

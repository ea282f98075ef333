"""The checks an article must pass before it is queued for the site.

check_article returns problem codes with parameters, and the UI turns them into
sentences. A blocking problem stops the send because the law or the site needs
the missing part: title, category, author, source, image descriptions, photo
files and working links. A warning lets the clerk send anyway.
"""

import dataclasses
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from PIL import Image

from desktop.models import MEDIA_SCHEME, Article, Media, MediaKind
from desktop.text import find_lookalike_eth, search_fold

# The editor field a problem points to, in the order the form shows them.
# "media" is a photo or file record, which the clerk fixes where the body
# refers to it.
FieldName = Literal["title", "lead", "categories", "author", "source", "body",
                    "media"]
FIELD_ORDER: tuple[FieldName, ...] = (
    "title", "lead", "categories", "author", "source", "body", "media")

# A practice limit, not a rule: WordPress stores longer titles, but they read
# badly in article lists and search results, so a longer title only warns.
MAX_TITLE_LENGTH = 200
# Sources above either limit only get a warning, because sending uses a copy
# resized to the image_max_side setting. Phone photos are typically 12 MP and
# 5-12 MB, so mainly full-resolution 48 MP photos and large scans warn.
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_BYTES = 20_000_000

BLOCKING_CODES = frozenset((
    "title_missing", "category_missing", "author_missing", "source_missing",
    "image_alt_missing", "media_alt_missing", "media_unknown",
    "media_file_missing", "image_target_invalid", "link_target_missing",
    "link_target_invalid", "link_scheme_missing", "link_unclosed",
))
WARNING_CODES = frozenset((
    "title_too_long", "lead_missing", "lookalike_eth", "not_nfc",
    "image_alt_file_name", "image_oversized", "bracket_unmatched",
    "link_reference_undefined", "link_text_missing", "link_text_vague",
    "link_text_url",
))
# Every code check_article can return, for the UI to have a sentence for each.
PROBLEM_CODES = BLOCKING_CODES | WARNING_CODES

# Schemes a published link may use. render.py also keeps tel: links, and a
# commune page lists officials' phone numbers, so tel: is accepted too.
LINK_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
IMAGE_SCHEMES = frozenset(("http", "https"))

# Link texts that do not describe the link's destination. They are compared
# after search_fold, so "Tại đây" and "tai day" both match.
VAGUE_LINK_TEXTS = frozenset(search_fold(text) for text in (
    "ở đây", "tại đây", "đây", "bấm vào đây", "nhấn vào đây", "bấm đây",
    "nhấn đây", "xem", "xem thêm", "xem tiếp", "xem chi tiết", "chi tiết",
    "tải về", "tải xuống", "link", "liên kết", "đường dẫn", "click",
    "click here", "click vào đây", "here", "more", "read more", "download",
))

_IMAGE_FILE_NAME = re.compile(
    r"^\S[^/\\]*\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?)$", re.IGNORECASE)
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# Endings that make "bao-cao.pdf" a file name rather than a domain name.
_FILE_EXTENSIONS = frozenset((
    "pdf doc docx xls xlsx odt ods ppt pptx txt zip rar jpg jpeg png gif "
    "webp heic heif bmp tif tiff").split())


@dataclasses.dataclass(frozen=True)
class Problem:
    """Something the clerk should fix before the article goes to the site.

    params contains the values the message needs: "position" is an index into
    the field's text, "file_name", "target", "text" and others as each code
    uses them.
    """

    code: str
    field: FieldName
    params: dict[str, str | int] = dataclasses.field(default_factory=dict)
    blocking: bool = False


def _problem(code: str, field: FieldName, **params: str | int) -> Problem:
    """Make a Problem whose blocking flag follows BLOCKING_CODES."""
    return Problem(code, field, params, code in BLOCKING_CODES)


def check_article(article: Article, media: list[Media], *,
                  max_image_bytes: int = MAX_IMAGE_BYTES,
                  max_pixels: int = MAX_IMAGE_PIXELS,
                  max_title_length: int = MAX_TITLE_LENGTH) -> list[Problem]:
    """Check an article and its media records before sending.

    media is the article's list from Store.list_media. The result puts
    blocking problems first, then follows the order of the form and, within
    a field, the position in the text. An empty list means the article is
    ready.
    """
    problems = _check_fields(article, max_title_length)
    problems += _check_text_forms(article)
    scan = scan_markdown(article.body)
    by_uuid = {item.uuid: item for item in media}
    problems += _check_links(scan, by_uuid)
    problems += _check_media(article.body, media, max_image_bytes, max_pixels)
    return sorted(problems, key=_sort_key)


def _sort_key(item: Problem) -> tuple[bool, int, int]:
    position = item.params.get("position", -1)
    return (not item.blocking, FIELD_ORDER.index(item.field),
            position if isinstance(position, int) else -1)


# --- Required fields ----------------------------------------------------------

def _check_fields(article: Article, max_title_length: int) -> list[Problem]:
    problems = []
    title = article.title.strip()
    if not title:
        problems.append(_problem("title_missing", "title"))
    elif len(title) > max_title_length:
        problems.append(_problem("title_too_long", "title", length=len(title),
                                 max_length=max_title_length))
    if not article.lead.strip():
        problems.append(_problem("lead_missing", "lead"))
    if not any(name.strip() for name in article.categories):
        problems.append(_problem("category_missing", "categories"))
    if not article.author.strip():
        problems.append(_problem("author_missing", "author"))
    if not article.source.strip():
        problems.append(_problem("source_missing", "source"))
    return problems


def _check_text_forms(article: Article) -> list[Problem]:
    """Report the look-alike eth and text that is not in NFC, once per field."""
    problems = []
    for field in ("title", "lead", "author", "source", "body"):
        text = getattr(article, field)
        eth = find_lookalike_eth(text)
        if eth:
            problems.append(_problem("lookalike_eth", field, count=len(eth),
                                     position=eth[0]))
        if not unicodedata.is_normalized("NFC", text):
            problems.append(_not_nfc(field, text))
    return problems


def _not_nfc(field: FieldName, text: str) -> Problem:
    # A combining mark is the usual sign of NFD text pasted from macOS.
    first = next((i for i, c in enumerate(text) if unicodedata.combining(c)), None)
    if first is None:
        return _problem("not_nfc", field)
    return _problem("not_nfc", field, position=first)


# --- Links and images in the body ----------------------------------------------

@dataclasses.dataclass
class MarkdownLink:
    """An inline, reference or automatic link or image found in Markdown."""

    text: str  # between the brackets as written; the alt text of an image
    target: str  # the destination as written, "" when empty
    position: int  # index of "[", "!" or "<" in the text
    is_image: bool = False


@dataclasses.dataclass
class MarkdownScan:
    """The links and images of a Markdown text, and its bracket problems."""

    links: list[MarkdownLink]
    problems: list[Problem]  # syntax problems: brackets, unclosed targets


def scan_markdown(text: str) -> MarkdownScan:
    """Find the links and images of a Markdown body as Python-Markdown reads it.

    Fenced code blocks and code spans are skipped, and backslash escapes are
    honoured. Brackets are matched within a paragraph, as in Markdown.
    """
    # NOTE: indented code blocks and raw HTML (<a>, <img>) are neither skipped
    # nor checked. The toolbar and the paste converter never write them.
    masked = _mask_code_and_escapes(text)
    definitions = _reference_definitions(masked, text)
    masked = _REFERENCE_DEFINITION.sub(lambda m: _blank(m.group()), masked)
    scanner = _Scanner(text, masked, definitions)
    for paragraph in _PARAGRAPH.finditer(masked):
        scanner.scan(paragraph.start(), paragraph.end())
    for match in _AUTOLINK.finditer(masked):
        if match.start() in scanner.angle_targets:
            continue  # the <target> of an inline link
        url = text[match.start(1):match.end(1)]
        scanner.links.append(MarkdownLink(url, url, match.start()))
    return MarkdownScan(scanner.links, scanner.problems)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>\"']")
_REFERENCE_DEFINITION = re.compile(
    r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*<?([^\s<>]*)>?"
    r"(?:[ \t]+(?:\"[^\n]*\"|'[^\n]*'|\([^\n]*\)))?[ \t]*$",
    re.MULTILINE)
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_BRACKET = re.compile(r"[\[\]]")
_PARENTHESIS = re.compile(r"[()]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>", re.IGNORECASE)


def _blank(text: str) -> str:
    """Replace every character but line breaks with a neutral letter.

    The masked copy keeps the length of the original, so positions found in it
    are positions in the text.
    """
    return re.sub(r"[^\n]", "x", text)


def _mask_code_and_escapes(text: str) -> str:
    masked = _mask_fences(text)
    masked = _CODE_SPAN.sub(lambda m: _blank(m.group()), masked)
    return _ESCAPE.sub("xx", masked)


def _mask_fences(text: str) -> str:
    """Blank out fenced code blocks that have a closing fence."""
    # Python-Markdown leaves an unclosed fence as text, and so does this.
    parts = []
    done = 0
    search_from = 0
    while (opening := _FENCE.search(text, search_from)) is not None:
        fence = opening.group(1)
        closing = re.compile(
            rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$",
            re.MULTILINE)
        line_end = text.find("\n", opening.end())
        found = closing.search(text, line_end + 1) if line_end >= 0 else None
        if found is None:
            search_from = opening.end()
            continue
        parts.append(text[done:opening.start()])
        parts.append(_blank(text[opening.start():found.end()]))
        done = search_from = found.end()
    parts.append(text[done:])
    return "".join(parts)


def _reference_definitions(masked: str, text: str) -> dict[str, str]:
    """Map each [label]: target definition's folded label to its target."""
    return {
        _label_key(match.group(1)): text[match.start(2):match.end(2)]
        for match in _REFERENCE_DEFINITION.finditer(masked)
    }


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


class _Scanner:
    """Matches brackets in the masked text and records what they form."""

    def __init__(self, text: str, masked: str,
                 definitions: dict[str, str]) -> None:
        self.text = text
        self.masked = masked
        self.definitions = definitions
        self.links: list[MarkdownLink] = []
        self.problems: list[Problem] = []
        self.angle_targets: set[int] = set()  # where "(<" targets open

    def scan(self, start: int, end: int) -> None:
        """Scan one paragraph, text[start:end]."""
        openers: list[int] = []
        index = start
        while (bracket := _BRACKET.search(self.masked, index, end)) is not None:
            index = bracket.start()
            if bracket.group() == "[":
                openers.append(index)
                index += 1
            elif openers:
                index = self._close(openers.pop(), index, end)
            else:
                self._unmatched(index)
                index += 1
        for opener in openers:
            self._unmatched(opener)

    def _unmatched(self, position: int) -> None:
        self.problems.append(_problem("bracket_unmatched", "body",
                                      excerpt=_excerpt(self.text, position),
                                      position=position))

    def _close(self, opener: int, closer: int, end: int) -> int:
        """Record the link or image that the brackets form, and return the
        index where scanning goes on."""
        is_image = opener > 0 and self.masked[opener - 1] == "!"
        position = opener - 1 if is_image else opener
        label = self.text[opener + 1:closer]
        following = self.masked[closer + 1:closer + 2]
        if following == "(":
            return self._inline(label, position, is_image, closer + 2, end)
        if following == "[":
            return self._full_reference(label, position, is_image, closer + 1, end)

        # A shortcut reference, [label], is a link only when label is defined.
        target = self.definitions.get(_label_key(label))
        if target is not None:
            self.links.append(MarkdownLink(label, target, position, is_image))
        return closer + 1

    def _inline(self, label: str, position: int, is_image: bool,
                start: int, end: int) -> int:
        """Record an inline link or image whose destination starts at start."""
        parsed = _parse_destination(self.masked, start, end)
        if parsed is not None:
            target_start, target_end, after = parsed
            if self.masked[target_start - 1] == "<":
                self.angle_targets.add(target_start - 1)
            target = self.text[target_start:target_end]
            self.links.append(MarkdownLink(label, target, position, is_image))
            return after

        closing = _balanced_close(self.masked, start, end)
        if closing < 0:
            self.problems.append(_problem("link_unclosed", "body",
                                          excerpt=_excerpt(self.text, position),
                                          position=position))
            return start
        # Python-Markdown links "[x](http://a b)" to "http://a b", spaces
        # included, which no browser can open.
        target = self.text[start:closing].strip()
        self.links.append(MarkdownLink(label, target, position, is_image))
        return closing + 1

    def _full_reference(self, label: str, position: int, is_image: bool,
                        start: int, end: int) -> int:
        """Record [text][label], or [text][] which uses text as the label."""
        closing = self.masked.find("]", start + 1, end)
        if closing < 0:
            return start
        reference = self.text[start + 1:closing] or label
        target = self.definitions.get(_label_key(reference))
        if target is None:
            self.problems.append(_problem("link_reference_undefined", "body",
                                          text=label, label=reference,
                                          position=position))
        else:
            self.links.append(MarkdownLink(label, target, position, is_image))
        return closing + 1


def _parse_destination(masked: str, start: int,
                       end: int) -> tuple[int, int, int] | None:
    """Parse "target" or "<target>", an optional title, and the closing ")".

    Returns the target's start and end and the index after ")", or None when
    the text there is not a well-formed destination.
    """
    index = _skip_space(masked, start, end)
    if index < end and masked[index] == "<":
        closing = masked.find(">", index + 1, end)
        if closing < 0 or "\n" in masked[index:closing]:
            return None
        target_start, target_end = index + 1, closing
        index = closing + 1
    else:
        target_start = index
        index = _destination_end(masked, index, end)
        target_end = index

    after_target = index
    index = _skip_space(masked, index, end)
    if index < end and index > after_target and masked[index] in "\"'(":
        closing = masked.find(")" if masked[index] == "(" else masked[index],
                              index + 1, end)
        if closing < 0:
            return None
        index = _skip_space(masked, closing + 1, end)
    if index < end and masked[index] == ")":
        return target_start, target_end, index + 1
    return None


def _destination_end(masked: str, index: int, end: int) -> int:
    """Find the end of a bare destination, which may contain balanced ()."""
    depth = 0
    while index < end and not masked[index].isspace():
        if masked[index] == "(":
            depth += 1
        elif masked[index] == ")":
            if depth == 0:
                break
            depth -= 1
        index += 1
    return index


def _balanced_close(masked: str, start: int, end: int) -> int:
    """Find the ")" that closes the "(" before start, or return -1.

    Python-Markdown reads a destination up to that ")" even when it contains
    spaces or line breaks, and leaves the link as text when there is none.
    """
    depth = 0
    for match in _PARENTHESIS.finditer(masked, start, end):
        if match.group() == "(":
            depth += 1
        elif depth == 0:
            return match.start()
        else:
            depth -= 1
    return -1


def _skip_space(text: str, index: int, end: int) -> int:
    while index < end and text[index].isspace():
        index += 1
    return index


def _excerpt(text: str, position: int, length: int = 40) -> str:
    """Return the text from position to the end of its line, at most length
    characters, for the clerk to find the spot."""
    line_end = text.find("\n", position)
    if line_end < 0:
        line_end = len(text)
    return text[position:min(line_end, position + length)]


def _check_links(scan: MarkdownScan,
                 by_uuid: dict[str, Media]) -> list[Problem]:
    problems = list(scan.problems)
    for link in scan.links:
        if link.is_image:
            problems += _check_image(link, by_uuid)
        else:
            problems += _check_link(link, by_uuid)
    return problems


def _check_image(image: MarkdownLink, by_uuid: dict[str, Media]) -> list[Problem]:
    target = image.target.strip()
    alt = _visible_text(image.text)
    problems = []
    if target.startswith(MEDIA_SCHEME):
        item = by_uuid.get(target[len(MEDIA_SCHEME):])
        if item is None:
            problems.append(_problem("media_unknown", "body", target=target,
                                     position=image.position))
        name = item.file_name if item else target
    else:
        if _scheme(target) not in IMAGE_SCHEMES or not _host(target):
            problems.append(_problem("image_target_invalid", "body",
                                     target=target, position=image.position))
        name = target

    if not alt:
        problems.append(_problem("image_alt_missing", "body", file_name=name,
                                 position=image.position))
    elif _IMAGE_FILE_NAME.match(alt):
        problems.append(_problem("image_alt_file_name", "body", text=alt,
                                 position=image.position))
    return problems


def _check_link(link: MarkdownLink, by_uuid: dict[str, Media]) -> list[Problem]:
    problems = _check_link_target(link, by_uuid)
    text = _visible_text(link.text)
    target = link.target.strip()
    if not text:
        problems.append(_problem("link_text_missing", "body", target=target,
                                 position=link.position))
    elif " ".join(re.findall(r"\w+", search_fold(text))) in VAGUE_LINK_TEXTS:
        problems.append(_problem("link_text_vague", "body", text=text,
                                 target=target, position=link.position))
    elif _BARE_URL.match(text) or text == target:
        problems.append(_problem("link_text_url", "body", text=text,
                                 position=link.position))
    return problems


def _check_link_target(link: MarkdownLink,
                       by_uuid: dict[str, Media]) -> list[Problem]:
    target = link.target.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1].strip()
    text = _visible_text(link.text)
    params = {"text": text, "target": target, "position": link.position}
    scheme = _scheme(target)

    if target.startswith(MEDIA_SCHEME):
        if target[len(MEDIA_SCHEME):] not in by_uuid:
            return [_problem("media_unknown", "body", target=target,
                             position=link.position)]
        return []
    # "https://" alone is what the Link button inserts for the clerk to fill.
    if not target.removeprefix(scheme + ":" if scheme else "").strip("/"):
        return [_problem("link_target_missing", "body", text=text,
                         position=link.position)]
    if not scheme and _looks_like_domain(target):
        return [_problem("link_scheme_missing", "body", **params)]
    if scheme not in LINK_SCHEMES or re.search(r"\s", target) \
            or (scheme in ("http", "https") and not _host(target)):
        return [_problem("link_target_invalid", "body", **params)]
    return []


def _scheme(target: str) -> str:
    """Return the URL scheme in lower case, or "" if there is none."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", target)
    return match.group(1).lower() if match else ""


def _looks_like_domain(target: str) -> bool:
    """Tell whether a target without a scheme starts with a domain name, as
    in "www.xa.gov.vn" or "xa.gov.vn/thong-bao"."""
    labels = re.split(r"[/?#:]", target, maxsplit=1)[0].split(".")
    if len(labels) < 2 or not all(re.fullmatch(r"[\w-]+", label)
                                  for label in labels):
        return False
    top = labels[-1].lower()
    return top.isalpha() and len(top) >= 2 and top not in _FILE_EXTENSIONS


def _host(target: str) -> str:
    try:
        return urlsplit(target).hostname or ""
    except ValueError:  # an invalid port or IPv6 address
        return ""


def _visible_text(markdown_text: str) -> str:
    """Return the text a reader sees or hears for a link or image label.

    Images inside the label count by their alt text, and emphasis marks and
    escapes are dropped.
    """
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"(\*+|(?<!\w)_+|_+(?!\w)|`+|~~)", "", text)
    return " ".join(text.split())


# --- Photos and files ----------------------------------------------------------

def _check_media(body: str, media: list[Media], max_image_bytes: int,
                 max_pixels: int) -> list[Problem]:
    problems = []
    for item in media:
        if not _is_sent(item, body):
            continue
        params: dict[str, str | int] = {"file_name": item.file_name,
                                        "uuid": item.uuid}
        position = body.find(item.reference)
        if position >= 0:
            params["position"] = position
        if item.kind is MediaKind.IMAGE and not item.alt_text.strip():
            problems.append(_problem("media_alt_missing", "media", **params))
        if item.server_id is not None:
            continue  # already on the site, so its file is no longer needed
        if not _file_available(item):
            problems.append(_problem("media_file_missing", "media", **params))
        elif item.kind is MediaKind.IMAGE:
            problems += _check_image_size(item, params, max_image_bytes,
                                          max_pixels)
    return problems


def _is_sent(item: Media, body: str) -> bool:
    """Tell whether sending uploads item, by the rule the sync engine uses:
    attachments and the cover always, other photos when the body shows them."""
    return item.kind is MediaKind.ATTACHMENT or item.is_cover or \
        item.reference in body


def _file_available(item: Media) -> bool:
    # A photo's web copy is made again from the original when it is missing.
    paths = [item.source_path]
    if item.kind is MediaKind.IMAGE and item.prepared_path:
        paths.append(item.prepared_path)
    return any(path and Path(path).is_file() for path in paths)


def _check_image_size(item: Media, params: dict[str, str | int],
                      max_image_bytes: int, max_pixels: int) -> list[Problem]:
    source = Path(item.source_path)
    try:
        size_bytes = source.stat().st_size
    except OSError:
        return []  # only the web copy is left, which is small enough
    pixels = _pixel_count(source)
    if size_bytes <= max_image_bytes and pixels <= max_pixels:
        return []
    params = dict(params, megabytes=round(size_bytes / 1_000_000))
    if pixels:
        params["megapixels"] = round(pixels / 1_000_000)
    return [_problem("image_oversized", "media", **params)]


def _pixel_count(path: Path) -> int:
    """Return width times height from the image header, or 0 if the file
    cannot be read."""
    # NOTE: HEIC files read as 0 pixels unless desktop.images has registered
    # pillow-heif's opener in this process; their byte size is still checked.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        # Pillow raises above twice its limit, so that is a lower bound.
        return 2 * Image.MAX_IMAGE_PIXELS
    except (OSError, ValueError):
        return 0
    return width * height

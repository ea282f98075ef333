"""The interface every publishing server implements, and the records it uses."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from desktop.models import Site


@dataclass
class OutgoingPost:
    """An article as the server receives it: HTML content, resolved terms."""

    uuid: str
    title: str
    excerpt: str
    content_html: str
    status: str | None  # None on updates that must keep the site's status
    category_names: list[str] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)
    featured_media: int = 0  # server id of the cover image, 0 for none
    slug: str = ""


@dataclass
class RemotePost:
    id: int
    status: str
    link: str
    modified_gmt: str
    title: str = ""
    author_id: int = 0
    excerpt: str = ""
    content_html: str = ""
    lock_holder: str = ""  # who edits it in wp-admin right now, if anybody
    categories: list[int] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)
    featured_media: int = 0
    terms_dropped: bool = False  # a chosen category is missing on the site

    def fingerprint(self) -> str:
        """Hash of what an edit on the web could change, apart from status."""
        parts = [self.title, self.excerpt, self.content_html,
                 sorted(self.categories), sorted(self.tags), self.featured_media]
        text = json.dumps(parts, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class UploadFile:
    """A file going up as a media item, tagged with its client UUID."""

    uuid: str
    path: Path
    file_name: str
    mime_type: str
    alt_text: str = ""
    caption: str = ""


@dataclass
class RemoteMedia:
    id: int
    url: str
    mime_type: str = ""


# Called with bytes sent and bytes in total while a file uploads.
ProgressCallback = Callable[[int, int], None]


class Backend(Protocol):
    """A publishing server, reached with one site account."""

    site: Site

    def check_account(self) -> Site:
        """Sign in, read the account's rights and the site's categories."""

    def ping(self) -> None:
        """Raise NetworkError unless the server responds; one cheap request."""

    def find_post(self, uuid: str, title: str) -> RemotePost | None:
        """Find a post this client created, after an uncertain failure."""

    def create_post(self, post: OutgoingPost) -> RemotePost:
        """Create a post and return what the server stored."""

    def update_post(self, post_id: int, post: OutgoingPost) -> RemotePost:
        """Replace an existing post's content and terms."""

    def get_post(self, post_id: int) -> RemotePost:
        """Read a post as it is now, with its content and edit lock."""

    def list_posts(self, post_ids: list[int]) -> list[RemotePost]:
        """Read several posts at once; posts deleted for good are missing."""

    def find_media(self, uuid: str) -> RemoteMedia | None:
        """Find a media item this client uploaded, after an uncertain failure."""

    def upload_media(self, upload: UploadFile,
                     progress: ProgressCallback | None = None) -> RemoteMedia:
        """Upload a file; the server stores the UUID with it in the same request."""

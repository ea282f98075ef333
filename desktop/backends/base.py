"""The interface every publishing server implements, and the records it uses."""

from dataclasses import dataclass, field
from typing import Protocol

from desktop.models import Site


@dataclass
class OutgoingPost:
    """An article as the server receives it: HTML content, resolved terms."""

    uuid: str
    title: str
    excerpt: str
    content_html: str
    status: str
    category_names: list[str] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)


@dataclass
class RemotePost:
    id: int
    status: str
    link: str
    modified_gmt: str
    title: str = ""
    author_id: int = 0


class Backend(Protocol):
    """A publishing server, reached with one site account."""

    site: Site

    def check_account(self) -> Site:
        """Sign in, read the account's rights and the site's categories."""

    def ping(self) -> None:
        """Raise NetworkError unless the server answers, cheaply."""

    def find_post(self, uuid: str, title: str) -> RemotePost | None:
        """Find a post this client created, after an uncertain failure."""

    def create_post(self, post: OutgoingPost) -> RemotePost:
        """Create a post and return what the server stored."""

    def update_post(self, post_id: int, post: OutgoingPost) -> RemotePost:
        """Replace an existing post's content and terms."""

"""Records shared by the store, the sync engine and the UI."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum


class LocalStatus(str, Enum):
    DRAFT = "draft"  # being written, only on this PC
    QUEUED = "queued"  # marked ready, waiting in the outbox
    SENT = "sent"  # the server has it
    CHANGED = "changed"  # the server has it, and it was edited here since
    CONFLICT = "conflict"  # changed here and on the site: the clerk chooses
    REJECTED = "rejected"  # the server refused it; the clerk must act


class MediaKind(str, Enum):
    IMAGE = "image"  # shown in the article; resized before upload
    ATTACHMENT = "attachment"  # PDF, DOCX, XLSX: uploaded as is, linked

# Markdown link target of a photo or file before it has a URL on the site,
# for example ![Hội trường](media:6f1c...). Sending replaces it with the URL.
MEDIA_SCHEME = "media:"


class SendAs(str, Enum):
    """The WordPress status a queued article is created with."""

    REVIEW = "pending"  # lands for the editorial board to review
    SERVER_DRAFT = "draft"  # kept on the server only, not submitted


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def new_uuid() -> str:
    return str(uuid.uuid4())


@dataclass
class Article:
    uuid: str = field(default_factory=new_uuid)
    title: str = ""
    slug: str = ""  # the post's address part; made from the title when empty
    lead: str = ""
    body: str = ""  # Markdown
    categories: list[str] = field(default_factory=list)  # names, as the clerk chose
    tags: list[str] = field(default_factory=list)
    author: str = ""  # a pen name is allowed
    source: str = ""
    local_status: LocalStatus = LocalStatus.DRAFT
    send_as: SendAs = SendAs.REVIEW
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    server_id: int | None = None
    server_status: str = ""  # WordPress's own status: pending, draft, publish...
    server_link: str = ""
    server_modified: str = ""  # modified_gmt as the server returned it
    # Hash of the post's text and terms as the site stored them at the last
    # sync. modified_gmt has one-second resolution, so it alone can miss an
    # edit made on the web within a second of TinXa's own.
    server_fingerprint: str = ""
    last_error: str = ""  # message code of the last failed send, empty if none
    conflict: "ServerCopy | None" = None  # the site's copy, when both changed
    revision: int = 0  # counts saves, so a send can check it sent the latest


@dataclass
class ServerCopy:
    """A post as the site has it, kept when it changed there and here."""

    title: str
    excerpt: str
    content_html: str
    status: str
    modified_gmt: str
    fingerprint: str = ""


@dataclass
class Media:
    """A photo or attached file of an article, with its upload state."""

    article_uuid: str
    source_path: str  # the original on this PC, never modified
    file_name: str
    kind: MediaKind = MediaKind.IMAGE
    uuid: str = field(default_factory=new_uuid)
    prepared_path: str = ""  # the web-sized copy that is uploaded
    mime_type: str = ""
    alt_text: str = ""
    caption: str = ""
    is_cover: bool = False
    upload_started: bool = False  # an upload may have reached the server
    shrunk: bool = False  # re-encoded smaller after the site refused its size
    server_id: int | None = None
    server_url: str = ""
    created_at: datetime = field(default_factory=utc_now)

    @property
    def reference(self) -> str:
        return MEDIA_SCHEME + self.uuid


@dataclass
class Site:
    """A WordPress site and the account TinXa uses on it."""

    url: str
    username: str
    id: int = 0
    api_root: str = ""
    display_name: str = ""
    user_id: int = 0
    roles: list[str] = field(default_factory=list)
    capabilities: list[str] = field(default_factory=list)
    has_companion: bool = False
    categories: dict[str, int] = field(default_factory=dict)  # name -> term id

    def can(self, capability: str) -> bool:
        return capability in self.capabilities

"""Records shared by the store, the sync engine and the UI."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum


class LocalStatus(str, Enum):
    DRAFT = "draft"  # being written, only on this PC
    QUEUED = "queued"  # marked ready, waiting in the outbox
    SENT = "sent"  # the server has it
    REJECTED = "rejected"  # the server refused it; the clerk must act


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
    last_error: str = ""  # message code of the last failed send, empty if none


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

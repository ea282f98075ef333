"""One exception tree for everything that can go wrong in the core.

Each error has a kind, which decides what the sync engine does next, and a code
with parameters, which the UI turns into a translated sentence for the clerk.
The core never builds user-facing sentences itself because it has no access to
the UI language.
"""

from enum import Enum


class ErrorKind(Enum):
    RETRYABLE = "retryable"  # offline, timeout, 5xx, 429: try again later
    NEEDS_SIGN_IN = "needs_sign_in"  # the clerk must enter the password again
    REJECTED = "rejected"  # the server refused this content: retrying won't help
    INVALID_INPUT = "invalid_input"  # a file or setting the clerk must fix
    CONFLICT = "conflict"  # changed here and on the site: the clerk chooses
    BUG = "bug"  # a defect in TinXa: logged with its trace


class TinXaError(Exception):
    """Base class: a failure with a kind, a code and parameters for the message."""

    kind = ErrorKind.BUG

    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.params = params


class NetworkError(TinXaError):
    """The server could not be reached, or the exchange broke off."""

    kind = ErrorKind.RETRYABLE

    def __init__(self, code: str, detail: str = "", *,
                 retry_after: float | None = None, uncertain: bool = False,
                 **params: object) -> None:
        super().__init__(code, detail, **params)
        self.retry_after = retry_after
        # True when the request may have reached the server before the failure,
        # so a create must be looked up before it is sent again.
        self.uncertain = uncertain


class SignInError(TinXaError):
    """The account's credentials were refused or are missing."""

    kind = ErrorKind.NEEDS_SIGN_IN


class RejectedError(TinXaError):
    """The server refused the request for a reason retrying cannot fix."""

    kind = ErrorKind.REJECTED


class LockedError(TinXaError):
    """Another user is editing the post on the site, so retry later."""

    kind = ErrorKind.RETRYABLE

    def __init__(self, holder: str, retry_after: float = 60.0) -> None:
        super().__init__("post_locked", holder, holder=holder)
        self.retry_after = retry_after
        self.uncertain = False


class ConflictError(TinXaError):
    """The post changed on the site since the last sync; ``copy`` is the
    site's version (a ``desktop.models.ServerCopy``)."""

    kind = ErrorKind.CONFLICT

    def __init__(self, copy: object) -> None:
        super().__init__("conflict")
        self.copy = copy


class InputError(TinXaError):
    """A file, address or setting given by the clerk is not usable."""

    kind = ErrorKind.INVALID_INPUT

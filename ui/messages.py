"""Sentences for the clerk: error codes from the core and article states.

The texts are marked with QT_TRANSLATE_NOOP so lupdate collects them, and are
translated when shown, in the language loaded at start-up.
"""

import time
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.errors import TinXaError
from desktop.models import LocalStatus
from desktop.store import ArticleSummary

_ERROR_TEXTS = {
    "offline": QT_TRANSLATE_NOOP(
        "Messages",
        "The site cannot be reached. The article stays queued and is sent "
        "when the connection is back."),
    "timeout": QT_TRANSLATE_NOOP(
        "Messages",
        "The site did not answer in time. TinXa will try again by itself."),
    "connection_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "The connection broke off during sending. TinXa will try again by "
        "itself."),
    "tls_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The site's security certificate could not be checked. Check the "
        "computer's date and the site address."),
    "bad_response": QT_TRANSLATE_NOOP(
        "Messages",
        "The site answered with something that is not WordPress data (a "
        "network login page?). TinXa will try again later."),
    "server_error": QT_TRANSLATE_NOOP(
        "Messages",
        "The site had an internal error. TinXa will try again later."),
    "server_busy": QT_TRANSLATE_NOOP(
        "Messages", "The site is busy. TinXa will try again later."),
    "wrong_password": QT_TRANSLATE_NOOP(
        "Messages",
        "The site refused the user name or application password. Open Site "
        "account and sign in again; queued articles wait."),
    "password_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "TinXa has no password for this site (it was kept only until the app "
        "closed). Open Site account and sign in again."),
    "forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "Your account may not do this on the site. Ask the site's "
        "administrator for the right role."),
    "too_large": QT_TRANSLATE_NOOP(
        "Messages", "The site refused the article because it is too large."),
    "rejected": QT_TRANSLATE_NOOP("Messages", "The site refused the article."),
    "category_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "A chosen category does not exist on the site and your account may "
        "not create it. Choose another category or ask the editor."),
    "category_dropped": QT_TRANSLATE_NOOP(
        "Messages",
        "The site did not file the article under the chosen category."),
    "site_url_missing": QT_TRANSLATE_NOOP("Messages", "Enter the site address."),
    "site_url_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This is not a valid site address."),
    "insecure_http": QT_TRANSLATE_NOOP(
        "Messages",
        "The address starts with http://, which would send your password "
        "unprotected. Use the https:// address of the site."),
    "not_wordpress": QT_TRANSLATE_NOOP(
        "Messages",
        "No WordPress site answered at this address. Check the address."),
    "no_app_passwords": QT_TRANSLATE_NOOP(
        "Messages",
        "This site does not accept application passwords. Ask the "
        "administrator to enable them (they need HTTPS)."),
    "auth_header_dropped": QT_TRANSLATE_NOOP(
        "Messages",
        "The site never receives the password: a proxy or the web server drops "
        "the Authorization header. Ask the site's administrator to pass it "
        "through to WordPress (for Apache: CGIPassAuth On)."),
    "cannot_upload": QT_TRANSLATE_NOOP(
        "Messages",
        "Your account may not upload photos or files to the site. Remove them "
        "from the article, or ask the administrator for the Author role."),
    "media_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "The site refused a photo or file as too large, even after TinXa made "
        "it smaller. Remove it or use a smaller file."),
    "post_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "%1 is editing this article on the site right now. TinXa will send "
        "your changes when they have finished."),
    "conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "This article was changed on the site after you last sent it. Choose "
        "which version to keep."),
    "image_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The photo file is no longer on this computer."),
    "image_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a photo TinXa can read."),
    "image_damaged": QT_TRANSLATE_NOOP(
        "Messages", "The photo file is damaged and cannot be opened."),
    "image_heic_unsupported": QT_TRANSLATE_NOOP(
        "Messages",
        "iPhone HEIC photos cannot be read on this computer. Save the photo as "
        "JPEG first."),
    "image_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The photo has too many pixels to process safely."),
    "image_exceeds_max_bytes": QT_TRANSLATE_NOOP(
        "Messages", "The photo cannot be made small enough for the site."),
    "site_moved": QT_TRANSLATE_NOOP(
        "Messages",
        "The site answers at another address now (%1). Open Site account and "
        "sign in with the new address; queued articles wait."),
    "docx_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The Word file is no longer there."),
    "docx_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The Word file cannot be read."),
    "docx_empty": QT_TRANSLATE_NOOP("Messages", "The Word file is empty."),
    "docx_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The Word file is too large to import."),
    "docx_is_old_word": QT_TRANSLATE_NOOP(
        "Messages",
        "This is an old Word file (.doc). Open it in Word and save it as "
        ".docx, then import that."),
    "docx_encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "The Word file is protected by a password. Remove the password in "
        "Word, then import it."),
    "docx_not_word": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a Word document (.docx)."),
    "docx_damaged": QT_TRANSLATE_NOOP(
        "Messages", "The Word file is damaged and cannot be imported."),
    "media_write_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The photos of the document could not be saved on this computer; the "
        "disk may be full."),
    "checklist_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The article was changed after it was queued and now misses something "
        "it needs (%1). Press Send for review to see the list and fix it."),
    "save_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "TinXa could not save this article on the computer; the disk may be "
        "full. Your text is still here: free some disk space, and TinXa saves "
        "it at your next keystroke. Do not close TinXa before that."),
    "bug": QT_TRANSLATE_NOOP(
        "Messages",
        "TinXa hit an internal error. The article is kept and will be tried "
        "again; the log has the details."),
}

# Codes whose server message helps the clerk, so it is shown after the text.
_SHOW_SERVER_MESSAGE = {"forbidden", "rejected", "too_large", "category_missing",
                        "media_too_large"}

# Held on this computer, never seen by the site: not "refused by the site".
_LOCAL_CODES = {"checklist_failed", "media_write_failed", "image_not_found"}

_SERVER_STATUS_TEXTS = {
    "pending": QT_TRANSLATE_NOOP("Messages", "Sent, awaiting review"),
    "draft": QT_TRANSLATE_NOOP("Messages", "Saved on the site as draft"),
    "future": QT_TRANSLATE_NOOP("Messages", "Scheduled"),
    "publish": QT_TRANSLATE_NOOP("Messages", "Published"),
    "private": QT_TRANSLATE_NOOP("Messages", "Published privately"),
    "trash": QT_TRANSLATE_NOOP("Messages", "Deleted on the site"),
}


def _translate(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_text(code: str, detail: str = "") -> str:
    """Return what went wrong and what to do next, for a core error code."""
    if code in _ERROR_TEXTS:
        # A text with %1 names the value the error is about, such as a user.
        text = _translate(_ERROR_TEXTS[code]).replace("%1", detail)
    else:
        text = _translate(QT_TRANSLATE_NOOP("Messages", "Sending failed (%1)."))
        text = text.replace("%1", code)
    if detail and code in _SHOW_SERVER_MESSAGE:
        said = _translate(QT_TRANSLATE_NOOP("Messages", "The site said: %1"))
        text += "\n" + said.replace("%1", detail)
    return text


def exception_text(error: TinXaError) -> str:
    return error_text(error.code, error.detail)


def retry_text(next_attempt_at: float) -> str:
    """"Will retry at 16:45" in the clerk's local time."""
    moment = datetime.fromtimestamp(next_attempt_at).strftime("%H:%M")
    return _translate(QT_TRANSLATE_NOOP("Messages", "Will retry at %1")).replace(
        "%1", moment)


def status_text(summary: ArticleSummary) -> str:
    """Return the article's state for the list, including the site's status."""
    if summary.local_status is LocalStatus.DRAFT:
        return _translate(QT_TRANSLATE_NOOP("Messages", "Draft"))
    if summary.local_status is LocalStatus.QUEUED:
        if summary.send_state == "in_flight":
            return _translate(QT_TRANSLATE_NOOP("Messages", "Sending…"))
        if summary.last_error and summary.next_attempt_at > time.time():
            return retry_text(summary.next_attempt_at)
        return _translate(QT_TRANSLATE_NOOP("Messages", "Waiting to send"))
    if summary.local_status is LocalStatus.REJECTED:
        if summary.last_error in _LOCAL_CODES or \
                summary.last_error.startswith("image_"):
            return _translate(QT_TRANSLATE_NOOP("Messages", "Needs fixing"))
        return _translate(QT_TRANSLATE_NOOP("Messages", "Refused by the site"))
    if summary.local_status is LocalStatus.CHANGED:
        return _translate(QT_TRANSLATE_NOOP("Messages", "Changed, not sent again"))
    if summary.local_status is LocalStatus.CONFLICT:
        return _translate(QT_TRANSLATE_NOOP(
            "Messages", "Changed on the site too: choose a version"))
    text = _SERVER_STATUS_TEXTS.get(summary.server_status)
    return _translate(text or QT_TRANSLATE_NOOP("Messages", "Sent"))

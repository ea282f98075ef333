"""Sentences for the clerk: error codes from the core and article states."""

from PySide6.QtCore import QCoreApplication

from desktop.errors import TinXaError
from desktop.store import ArticleSummary
from desktop.models import LocalStatus


def error_text(code: str, detail: str = "") -> str:
    """What went wrong and what to do next, for an error code of the core."""
    tr = QCoreApplication.translate
    texts = {
        "offline": tr("Messages", "The site cannot be reached. The article stays "
                      "queued and is sent when the connection is back."),
        "timeout": tr("Messages", "The site did not answer in time. TinXa will "
                      "try again by itself."),
        "connection_broken": tr("Messages", "The connection broke off during "
                                "sending. TinXa will try again by itself."),
        "tls_failed": tr("Messages", "The site's security certificate could not "
                         "be checked. Check the computer's date and the site "
                         "address."),
        "bad_response": tr("Messages", "The site answered with something that is "
                           "not WordPress data (a network login page?). TinXa "
                           "will try again later."),
        "server_error": tr("Messages", "The site had an internal error. TinXa "
                           "will try again later."),
        "server_busy": tr("Messages", "The site is busy. TinXa will try again "
                          "later."),
        "wrong_password": tr("Messages", "The site refused the user name or "
                             "application password. Open Account and sign in "
                             "again; queued articles wait."),
        "password_missing": tr("Messages", "TinXa has no password for this site "
                               "(it was kept only until the app closed). Open "
                               "Account and sign in again."),
        "forbidden": tr("Messages", "Your account may not do this on the site. "
                        "Ask the site's administrator for the right role."),
        "too_large": tr("Messages", "The site refused the article because it is "
                        "too large."),
        "rejected": tr("Messages", "The site refused the article."),
        "category_missing": tr("Messages", "A chosen category does not exist on "
                               "the site and your account may not create it. "
                               "Choose another category or ask the editor."),
        "category_dropped": tr("Messages", "The site did not file the article "
                               "under the chosen category."),
        "site_url_missing": tr("Messages", "Enter the site address."),
        "site_url_invalid": tr("Messages", "This is not a valid site address."),
        "insecure_http": tr("Messages", "The address starts with http://, which "
                            "would send your password unprotected. Use the "
                            "https:// address of the site."),
        "not_wordpress": tr("Messages", "No WordPress site answered at this "
                            "address. Check the address."),
        "no_app_passwords": tr("Messages", "This site does not accept "
                               "application passwords. Ask the administrator to "
                               "enable them (they need HTTPS)."),
        "bug": tr("Messages", "TinXa hit an internal error. The article is kept "
                  "and will be tried again; the log has the details."),
    }
    text = texts.get(code) or tr("Messages", "Sending failed (%1).").replace(
        "%1", code)
    if detail and code in ("forbidden", "rejected", "too_large",
                           "category_missing"):
        text += "\n" + tr("Messages", "The site said: %1").replace("%1", detail)
    return text


def exception_text(error: TinXaError) -> str:
    return error_text(error.code, error.detail)


def status_text(summary: ArticleSummary) -> str:
    """The article's state in the list, including where the site has it."""
    tr = QCoreApplication.translate
    if summary.local_status is LocalStatus.DRAFT:
        return tr("Messages", "Draft")
    if summary.local_status is LocalStatus.QUEUED:
        if summary.last_error:
            return tr("Messages", "Waiting to send (will retry)")
        return tr("Messages", "Waiting to send")
    if summary.local_status is LocalStatus.REJECTED:
        return tr("Messages", "Refused by the site")
    server = {
        "pending": tr("Messages", "Sent, awaiting review"),
        "draft": tr("Messages", "Saved on the site as draft"),
        "future": tr("Messages", "Scheduled"),
        "publish": tr("Messages", "Published"),
        "private": tr("Messages", "Published privately"),
        "trash": tr("Messages", "Deleted on the site"),
    }
    return server.get(summary.server_status, tr("Messages", "Sent"))

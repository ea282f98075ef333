"""The site account dialog: address, user name and Application Password."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from desktop.errors import TinXaError
from desktop.models import Site
from ui.messages import exception_text
from ui.sync_service import SyncService


class AccountDialog(QDialog):
    """Checks the account on the network lane; closes when the site accepts it."""

    signed_in = Signal(object)  # the Site, as stored

    def __init__(self, sync: SyncService, site: Site | None, vault_is_secure: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self.setWindowTitle(self.tr("Site account"))
        self.setMinimumWidth(520)

        self.url = QLineEdit(site.url if site else "", objectName="url")
        self.url.setPlaceholderText("https://xahoathang.gov.vn")
        self.username = QLineEdit(site.username if site else "",
                                  objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("xxxx xxxx xxxx xxxx xxxx xxxx")
        help_text = QLabel(self.tr(
            "Create an application password on the site: Users → Profile → "
            "Application Passwords. It is not your login password."), wordWrap=True)
        self.result = QLabel(objectName="result", wordWrap=True)

        form = QFormLayout()
        form.addRow(self.tr("Site &address"), self.url)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("Application &password"), self.password)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Check and save"))
        # Qt ships no Vietnamese catalogue for its standard buttons.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Cancel"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_text)
        if not vault_is_secure:
            layout.addWidget(_warning_label(self.tr(
                "This computer has no secure password store. TinXa keeps the "
                "password only until it closes and will ask for it again."),
                "vault_warning"))
        if site is not None and site.id and not site.has_companion:
            layout.addWidget(_warning_label(plugin_missing_text(),
                                            "plugin_warning"))
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        sync.sign_in_finished.connect(self._on_finished)

    def _check(self) -> None:
        self.buttons.setEnabled(False)
        self.result.setText(self.tr("Checking the account with the site…"))
        self._sync.sign_in(self.url.text(), self.username.text(),
                           self.password.text())

    def _on_finished(self, site: Site | None, error: TinXaError | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            self.result.setText(_sign_in_text(error))
            return
        self.password.clear()
        self.signed_in.emit(site)
        self.accept()

    def done(self, result: int) -> None:
        self._sync.sign_in_finished.disconnect(self._on_finished)
        super().done(result)


def plugin_missing_text() -> str:
    return QCoreApplication.translate(
        "AccountDialog", "The site has no TinXa Companion plugin. Sending works, "
        "but on a bad connection an article or photo may arrive twice. Ask the "
        "site's administrator to install the plugin that comes with TinXa.")


def _warning_label(text: str, name: str) -> QLabel:
    label = QLabel(text, wordWrap=True, objectName=name)
    label.setStyleSheet("color: #8a4b00;")
    return label


def _sign_in_text(error: TinXaError) -> str:
    """Explain a failed sign-in; the general texts speak of queued articles."""
    if error.code in ("offline", "timeout", "connection_broken"):
        return QCoreApplication.translate(
            "AccountDialog", "The site cannot be reached. Check the address and "
            "the network connection, then try again.")
    if error.code == "wrong_password":
        return QCoreApplication.translate(
            "AccountDialog", "The site refused this user name or application "
            "password. Check both and try again.")
    return exception_text(error)

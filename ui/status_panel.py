"""Status bar widgets: whether the site responds, and how many articles wait."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.icons import icon


class StatusPanel(QWidget):
    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection_icon = QLabel()
        self.connection = QLabel(objectName="connection")
        self.waiting_icon = QLabel()
        self.waiting_icon.setPixmap(icon("waiting").pixmap(16, 16))
        self.waiting = QLabel(objectName="waiting")
        self.sign_in = QPushButton(icon("warning"), self.tr("Sign in again"),
                                   objectName="sign_in")
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.sign_in.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.sign_in, self.connection_icon, self.connection,
                       self.waiting_icon, self.waiting):
            layout.addWidget(widget)
        self.set_connection(None, has_site=False)
        self.set_waiting(0)

    def set_connection(self, online: bool | None, has_site: bool) -> None:
        if self.sign_in.isVisibleTo(self):
            text, name = self.tr("Sending is on hold until you sign in"), "warning"
        elif not has_site:
            text, name = self.tr("No site account yet"), "offline"
        elif online is None:
            text, name = self.tr("Checking the connection…"), "offline"
        elif online:
            text, name = self.tr("Online"), "online"
        else:
            text, name = self.tr("Offline: articles wait on this computer"), "offline"
        self.connection.setText(text)
        self.connection_icon.setPixmap(icon(name).pixmap(16, 16))

    def set_waiting(self, count: int) -> None:
        self.waiting.setText(self.tr("%n article(s) waiting to send", "", count))

    def set_sign_in_needed(self, needed: bool) -> None:
        self.sign_in.setVisible(needed)
        if needed:
            self.set_connection(None, has_site=True)

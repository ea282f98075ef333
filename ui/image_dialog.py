"""Asks for a photo's alternative text, caption and whether it is the cover."""

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QVBoxLayout, QWidget,
)


class ImageDetailsDialog(QDialog):
    """OK stays disabled until the alternative text is filled in, because the
    law requires it on every image of a government page."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo details"))
        self.setMinimumWidth(460)
        self.alt_text = QLineEdit(objectName="alt_text")
        self.alt_text.setPlaceholderText(self.tr("What the photo shows, for "
                                                 "readers who cannot see it"))
        self.caption = QLineEdit(objectName="caption")
        self.cover = QCheckBox(self.tr("Use as the article's cover photo"),
                               objectName="cover")
        form = QFormLayout()
        form.addRow(self.tr("&Description (required)"), self.alt_text)
        form.addRow(self.tr("&Caption"), self.caption)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Insert"))
        self.ok.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.alt_text.textChanged.connect(
            lambda text: self.ok.setEnabled(bool(text.strip())))

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(file_name, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.cover)
        layout.addWidget(buttons)

"""The article editor: title, lead, terms, attribution, Markdown body and preview."""

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QToolBar, QVBoxLayout,
    QWidget,
)

from desktop.models import MEDIA_SCHEME, Article
from desktop.dates import format_long
from desktop.render import markdown_to_html
from desktop.text import (
    find_lookalike_eth, reading_minutes, replace_lookalike_eth, slugify, word_count,
)
from ui.conflict_panel import ConflictPanel
from ui.markdown_edit import MarkdownEdit
from ui.icons import icon

PREVIEW_DELAY_MS = 300
# Bodies longer than this render off the GUI thread: about 10 ms per 5,000
# words here, and seconds for a 400,000-character import.
BACKGROUND_RENDER_CHARS = 40_000
TABLE_TEMPLATE = ("\n\n| Cột 1 | Cột 2 |\n| --- | --- |\n"
                  "| ... | ... |\n\n")


class ArticleEditor(QWidget):
    """Edits one article at a time; ``edited`` fires on every change."""

    edited = Signal()
    insert_image_requested = Signal()
    attach_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._choices: list[str] = []
        self._media_paths: dict[str, str] = {}  # media uuid -> file on this PC
        self.background = None  # a ui.background.BackgroundTasks, when set
        self._render_generation = 0
        self._slug_is_own = False
        self._loading = False
        self._preview_timer = QTimer(self, singleShot=True,
                                     interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render_preview)
        self._build()
        self.setEnabled(False)

    def _build(self) -> None:
        self.title = QLineEdit(objectName="title")
        self.title.setPlaceholderText(self.tr("Article title"))
        self.slug = QLineEdit(objectName="slug")
        self.slug.setPlaceholderText(self.tr("Made from the title"))
        self.slug.setToolTip(self.tr("The last part of the article's web "
                                     "address, without accents"))
        self.lead = QPlainTextEdit(objectName="lead")
        self.lead.setPlaceholderText(self.tr("Lead: one or two sentences shown in "
                                             "bold under the title"))
        self.lead.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.categories = QListWidget(objectName="categories")
        self.categories.setFlow(QListWidget.Flow.LeftToRight)
        self.categories.setWrapping(True)
        self.categories.setFixedHeight(int(self.fontMetrics().lineSpacing() * 3.2))
        self.tags = QLineEdit(objectName="tags")
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.author = QLineEdit(objectName="author")
        self.author.setPlaceholderText(self.tr("Name or pen name"))
        self.source = QLineEdit(objectName="source")
        self.source.setPlaceholderText(self.tr("Where the news comes from"))
        self.body = MarkdownEdit(objectName="body")
        self.body.setPlaceholderText(self.tr("Write the article here. Markdown: "
                                             "**bold**, *italic*, # heading"))
        self.preview = QTextBrowser(objectName="preview")
        self.preview.setOpenExternalLinks(False)
        self.problem = QLabel(objectName="problem", wordWrap=True)
        self.problem.setStyleSheet("background: #fff3cd; color: #664d03; "
                                   "padding: 6px; border-radius: 4px;")
        self.problem.hide()
        self.eth_notice = self._build_eth_notice()
        self.word_count = QLabel(objectName="word_count")
        self.spelling = None

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Web add&ress"), self.slug)
        form.addRow(self.tr("&Lead"), self.lead)
        form.addRow(self.tr("&Categories"), self.categories)
        form.addRow(self.tr("Ta&gs"), self.tags)
        author_label = QLabel(self.tr("&Author"))
        author_label.setBuddy(self.author)
        source_label = QLabel(self.tr("&Source"))
        source_label.setBuddy(self.source)
        attribution = QHBoxLayout()
        attribution.addWidget(self.author)
        attribution.addWidget(source_label)
        attribution.addWidget(self.source)
        form.addRow(author_label, attribution)

        self.conflict = ConflictPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        body_box = _titled(self.tr("&Body"), self.body)
        body_box.layout().insertWidget(1, self._build_toolbar())
        split.addWidget(body_box)
        split.addWidget(_titled(self.tr("Preview"), self.preview))
        split.setSizes([1, 1])

        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.eth_notice)
        layout.addWidget(self.conflict)
        layout.addLayout(form)
        layout.addWidget(split, stretch=1)
        layout.addWidget(self.word_count)

        for field in (self.title, self.slug, self.tags, self.author, self.source):
            field.textChanged.connect(self._on_change)
        self.title.textChanged.connect(self._follow_title)
        self.slug.textEdited.connect(self._slug_edited)
        self.body.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.body.customContextMenuRequested.connect(self._body_menu)
        self.lead.textChanged.connect(self._on_change)
        for field in (self.title, self.author, self.source):
            field.textChanged.connect(self._preview_timer.start)
        self.lead.textChanged.connect(self._preview_timer.start)
        self.body.textChanged.connect(self._on_change)
        self.body.textChanged.connect(self._preview_timer.start)
        self.categories.itemChanged.connect(self._on_change)

    def _build_toolbar(self) -> QToolBar:
        """Photo and file buttons, then formatting buttons that wrap the
        selection in Markdown."""
        bar = QToolBar(objectName="format_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # The two file actions come first and keep their words: clerks look
        # for them, and the formatting icons may fold away on a small screen.
        image = bar.addAction(icon("image"), self.tr("Insert photo…"))
        image.triggered.connect(self.insert_image_requested)
        attach = bar.addAction(icon("attach"), self.tr("Attach file…"))
        attach.triggered.connect(self.attach_file_requested)
        for action in (image, attach):
            bar.widgetForAction(action).setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addSeparator()
        formats = (
            ("bold", self.tr("Bold"), "Ctrl+B", "**", "**"),
            ("italic", self.tr("Italic"), "Ctrl+I", "*", "*"),
            ("heading", self.tr("Heading"), "Ctrl+Alt+2", "\n\n## ", "\n\n"),
            ("list", self.tr("List"), "Ctrl+Shift+8", "\n- ", ""),
            ("quote", self.tr("Quote"), "", "\n\n> ", "\n\n"),
            ("link", self.tr("Link"), "Ctrl+K", "[", "](https://)"),
            ("table", self.tr("Table"), "", TABLE_TEMPLATE, ""),
        )
        for name, text, keys, before, after in formats:
            action = bar.addAction(icon(name), text)
            action.setToolTip(f"{text} ({keys})" if keys else text)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(
                lambda checked=False, b=before, a=after: self.wrap_selection(b, a))
        return bar

    def _build_eth_notice(self) -> QWidget:
        """Offers to replace the Icelandic Ð, which pasted text brings in
        and which looks like the Vietnamese Đ but is not found by search."""
        notice = QWidget(objectName="eth_notice")
        label = QLabel(self.tr("The text contains the letter Ð from another "
                               "alphabet, which looks like Đ but is not found "
                               "by searches."), wordWrap=True)
        fix = QPushButton(self.tr("Replace with Đ"), objectName="fix_eth")
        fix.clicked.connect(self.replace_lookalike_eth)
        layout = QHBoxLayout(notice)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, stretch=1)
        layout.addWidget(fix)
        notice.hide()
        return notice

    def replace_lookalike_eth(self) -> None:
        for field in (self.title, self.author, self.source):
            field.setText(replace_lookalike_eth(field.text()))
        for field in (self.lead, self.body):
            text = replace_lookalike_eth(field.toPlainText())
            if text != field.toPlainText():
                cursor = field.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(text)  # one undo step, unlike setPlainText
        self.eth_notice.hide()

    def set_spell_checker(self, checker) -> None:
        """Underline misspelled words in the body with this checker."""
        from ui.spell_highlighter import SpellHighlighter

        self.spelling = SpellHighlighter(self.body.document(), checker)

    def _body_menu(self, position) -> None:
        menu = self.body.createStandardContextMenu(position)
        if self.spelling is not None:
            self.spelling.add_context_actions(menu, self.body, position)
        menu.exec(self.body.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _follow_title(self, title: str) -> None:
        if not self._slug_is_own:
            self.slug.setText(slugify(title))

    def _slug_edited(self, text: str) -> None:
        self._slug_is_own = bool(text.strip())

    def wrap_selection(self, before: str, after: str) -> None:
        """Put Markdown around the selected text, or at the cursor."""
        cursor = self.body.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n")
        cursor.insertText(before + selected + after)
        self.body.setFocus()

    def insert_markdown(self, text: str) -> None:
        """Insert a Markdown block at the body's cursor, as a paragraph of its
        own: blank lines around it unless it starts or ends the text."""
        cursor = self.body.textCursor()
        before = self.body.toPlainText()[:cursor.position()]
        after = self.body.toPlainText()[cursor.position():]
        if before and not before.endswith("\n\n"):
            text = ("\n" if before.endswith("\n") else "\n\n") + text
        if not after.startswith("\n\n"):
            text += "\n" if after.startswith("\n") else "\n\n"
        cursor.insertText(text)
        self.body.setFocus()

    def set_media_paths(self, paths: dict[str, str]) -> None:
        """Tell the preview where each media reference's file is on this PC."""
        self._media_paths = dict(paths)
        self._preview_timer.start()

    # Loading and reading back

    def set_category_choices(self, names: list[str]) -> None:
        """Offer these categories, keeping the current article's own choices."""
        self._choices = list(names)
        self._set_categories(names, self.chosen_categories())

    def load(self, article: Article | None) -> None:
        self._loading = True
        self._article = article
        self.setEnabled(article is not None)
        article = article or Article()
        # A slug that differs from the title's is the clerk's own choice.
        self._slug_is_own = bool(article.slug) and \
            article.slug != slugify(article.title)
        self.title.setText(article.title)
        self.slug.setText(article.slug or slugify(article.title))
        self.lead.setPlainText(article.lead)
        self.tags.setText(", ".join(article.tags))
        self.author.setText(article.author)
        self.source.setText(article.source)
        self.body.setPlainText(article.body)
        self._loading = False
        self._set_categories(self._choices, article.categories)
        self.conflict.show_for(self._article)
        self._render_preview()

    def _set_categories(self, names: list[str], chosen: list[str]) -> None:
        self._loading = True
        self.categories.clear()
        for name in dict.fromkeys(names + chosen):
            item = QListWidgetItem(name, self.categories)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen
                               else Qt.CheckState.Unchecked)
        self._loading = False

    def chosen_categories(self) -> list[str]:
        return [self.categories.item(i).text()
                for i in range(self.categories.count())
                if self.categories.item(i).checkState() == Qt.CheckState.Checked]

    def article(self) -> Article | None:
        """Return the loaded article with the fields as currently typed."""
        if self._article is None:
            return None
        self._article.title = self.title.text()
        self._article.slug = self.slug.text()
        self._article.lead = self.lead.toPlainText()
        self._article.body = self.body.toPlainText()
        self._article.tags = [tag.strip() for tag in self.tags.text().split(",")
                              if tag.strip()]
        self._article.author = self.author.text()
        self._article.source = self.source.text()
        self._article.categories = self.chosen_categories()
        return self._article

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _on_change(self, *args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _update_counts(self) -> None:
        words = word_count(self.body.toPlainText())
        self.word_count.setText(self.tr("%n word(s)", "", words) + " · " +
                                self.tr("about %n minute(s) to read", "",
                                        reading_minutes(words)))
        texts = (self.title.text(), self.lead.toPlainText(),
                 self.body.toPlainText(), self.author.text(), self.source.text())
        self.eth_notice.setVisible(any(find_lookalike_eth(text) for text in texts))

    def _render_preview(self) -> None:
        article = self._article
        lead = f"<p><b>{_escape(self.lead.toPlainText())}</b></p>" if article else ""
        title = f"<h1>{_escape(self.title.text())}</h1>" if article else ""
        if article:
            # Dated as a commune page shows it: "Thứ Sáu, ngày 4 tháng 12 năm 2026".
            day = format_long(article.updated_at.astimezone().date())
            title = f'<p style="color:#666">{day}</p>' + title
        self._update_counts()
        body = self.body.toPlainText()
        for uuid, path in self._media_paths.items():
            local = QUrl.fromLocalFile(path).toString()
            body = body.replace(MEDIA_SCHEME + uuid, local)
        # QTextBrowser shows images at full size: fit them to the pane.
        width = max(120, self.preview.viewport().width() - 24)
        header = title + lead
        if self.background is None or len(body) < BACKGROUND_RENDER_CHARS:
            self._show_preview(header, markdown_to_html(body, local_files=True),
                               width)
            return
        # A long article renders on the background lane; a render that a
        # newer one has overtaken is dropped when it arrives.
        self._render_generation += 1
        generation = self._render_generation
        self.background.run(
            lambda: markdown_to_html(body, local_files=True),
            lambda html: generation == self._render_generation and
            self._show_preview(header, html, width),
            lambda error: None)

    def _show_preview(self, header: str, html: str, width: int) -> None:
        html = html.replace("<img ", f'<img width="{width}" ')
        self.preview.setHtml(header + html)


def _titled(title: str, widget: QWidget) -> QWidget:
    """Put a small heading above a widget; an & in the title marks its shortcut."""
    box = QWidget()
    label = QLabel(title)
    label.setBuddy(widget)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget)
    return box


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

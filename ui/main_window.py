"""The main window: article list on the left, editor on the right."""

import json
import logging
import re
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFileDialog, QHeaderView, QLabel,
    QMainWindow, QMenu,
    QMessageBox,
    QPushButton, QSplitter, QStackedWidget, QTableView, QToolButton, QVBoxLayout,
    QWidget,
)

from desktop.checklist import check_article
from desktop.errors import TinXaError
from desktop.models import Article, LocalStatus, Media, MediaKind, SendAs, Site
from desktop.library import Library, LibraryQuery
from desktop.revisions import Revisions
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Store
from resources import resource_path
from ui.account_dialog import AccountDialog, plugin_missing_text
from ui.article_list import ArticleListModel
from ui.background import BackgroundTasks
from ui.checklist_dialog import ChecklistDialog, focus_problem_field
from ui.editor import ArticleEditor
from ui.icons import icon
from ui.image_dialog import ImageDetailsDialog
from ui.library_panel import LibraryPanel
from ui.messages import error_text, exception_text, retry_text
from ui.revisions_dialog import RevisionsDialog
from ui.status_panel import StatusPanel
from ui.sync_service import SyncService

if TYPE_CHECKING:
    from desktop.images import PreparedImage

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1000
SPELLING_DELAY_MS = 1500
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp *.heic *.heif *.bmp *.tif *.tiff"
ATTACHMENT_FILTER = "*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods *.ppt *.pptx"


def default_categories() -> list[str]:
    data = json.loads(resource_path("categories", "commune.json").read_text("utf-8"))
    return [entry["name"] for entry in data["categories"]]


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        super().__init__()
        self._closed = False
        self._save_failed = False
        self.settings = settings
        self.store = Store(paths.database)
        self.revisions = Revisions(self.store)
        self.paths = paths
        self.sync = SyncService(paths.database,
                                interval_s=settings.get("sync_interval_s"),
                                media_dir=paths.media_dir,
                                image_max_side=settings.get("image_max_side"))
        self.background = BackgroundTasks(self)
        self.setWindowTitle("TinXa")
        self.resize(1200, 760)

        self.list_model = ArticleListModel(self.store, self)
        self.list = QTableView(objectName="article_list")
        self.library_panel = LibraryPanel()
        self.library_panel.refresh_choices(Library(self.store))
        self.editor = ArticleEditor()
        self.editor.body.background = self.background
        self.editor.background = self.background
        self.status_panel = StatusPanel()
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._build_list()
        self._build_actions()
        self._build_layout()
        self._connect()
        self._refresh_categories()
        self._refresh_status()
        self._on_row_changed(self.list.currentIndex(), None)
        # Work that is not needed for the first paint starts after it, so its
        # imports and dictionary loading do not hold the GUI thread back.
        QTimer.singleShot(0, lambda: self.sync.start(self._site_id()))
        QTimer.singleShot(0, self.sync.watch_network)
        QTimer.singleShot(SPELLING_DELAY_MS, self._start_spelling)
        if self.list_model.rowCount():
            self.list.selectRow(0)

    # Building

    def _build_list(self) -> None:
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        # The title gets the room; a long status is cut and shown whole in
        # its tooltip.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, self.list.fontMetrics().horizontalAdvance("M") * 11)

    def _build_actions(self) -> None:
        self.new_action = QAction(icon("new"), self.tr("&New article"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.send_action = QAction(icon("send"), self.tr("Send for &review"), self)
        self.send_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_action.setToolTip(self.tr(
            "Queue the article; it goes to the site for the board's review as "
            "soon as there is a connection"))
        self.draft_action = QAction(self.tr("Save on the site as draft only"), self)
        self.import_action = QAction(icon("import"), self.tr("&Import from Word…"),
                                     self)
        self.revisions_action = QAction(icon("history"),
                                        self.tr("Earlier &versions…"), self)
        self.sync_action = QAction(icon("sync"), self.tr("S&ync now"), self)
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.account_action = QAction(icon("account"), self.tr("Site &account…"),
                                      self)
        self.quit_action = QAction(icon("quit"), self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        file_menu = self.menuBar().addMenu(self.tr("&Article"))
        for action in (self.new_action, self.import_action, self.send_action,
                       self.draft_action, self.revisions_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        site_menu = self.menuBar().addMenu(self.tr("&Site"))
        site_menu.addAction(self.sync_action)
        site_menu.addAction(self.account_action)
        self._build_language_menu()

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        send_button = QToolButton(objectName="send_button")
        send_button.setDefaultAction(self.send_action)
        send_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        send_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        send_menu = QMenu(send_button)
        send_menu.addAction(self.draft_action)
        send_button.setMenu(send_menu)
        toolbar.addWidget(send_button)
        toolbar.addAction(self.sync_action)
        toolbar.addAction(self.account_action)

    def _build_language_menu(self) -> None:
        # A menu bar entry with an icon shows the icon alone, so the icon goes
        # on the entries instead.
        menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = menu.addAction(icon("language"), name)
            action.setCheckable(True)
            action.setChecked(self.settings.get("language") == code)
            action.triggered.connect(lambda checked, c=code: self._set_language(c))

    def _build_welcome(self) -> QWidget:
        page = QWidget(objectName="welcome")
        text = QLabel(self.tr(
            "<h2>No article open</h2><p>Choose an article on the left, or start "
            "a new one. Everything you type is saved on this computer at once, "
            "with or without a connection.</p>"), wordWrap=True)
        start = QPushButton(icon("new"), self.tr("Write a new article"))
        start.clicked.connect(self.new_article)
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(text)
        layout.addWidget(start, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        return page

    def _build_layout(self) -> None:
        self.right = QStackedWidget()
        self.right.addWidget(self._build_welcome())
        self.right.addWidget(self.editor)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.library_panel)
        column.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.right)
        split.setStretchFactor(1, 2)
        split.setSizes([470, 730])
        self.setCentralWidget(split)
        self.statusBar().addPermanentWidget(self.status_panel)

    def _connect(self) -> None:
        self.new_action.triggered.connect(self.new_article)
        self.send_action.triggered.connect(lambda: self.queue_current(SendAs.REVIEW))
        self.draft_action.triggered.connect(
            lambda: self.queue_current(SendAs.SERVER_DRAFT))
        self.sync_action.triggered.connect(self.sync.sync_now)
        self.account_action.triggered.connect(self.open_account)
        self.quit_action.triggered.connect(self.close)
        self.list.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.editor.edited.connect(self._autosave.start)
        self._autosave.timeout.connect(self.save_current)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.sync.article_changed.connect(self._on_article_changed)
        self.sync.online_changed.connect(self._refresh_status)
        self.sync.sign_in_needed.connect(self._on_sign_in_needed)
        self.sync.upload_progress.connect(self._on_upload_progress)
        self.status_panel.sign_in_requested.connect(self.open_account)
        self.import_action.triggered.connect(self.choose_document)
        self.library_panel.query_changed.connect(self._on_query_changed)
        self.revisions_action.triggered.connect(self.open_revisions)
        self.editor.insert_image_requested.connect(self.choose_image)
        self.editor.body.image_files_dropped.connect(self.ask_image_details)
        self.editor.body.image_pasted.connect(self.add_pasted_image)
        self.editor.body.documents_dropped.connect(self._on_documents_dropped)
        self.editor.attach_file_requested.connect(self.choose_attachment)
        self.editor.conflict.keep_mine.connect(self.keep_mine)
        self.editor.conflict.take_theirs.connect(self.take_theirs)

    # Articles

    def new_article(self) -> None:
        self.save_current()
        article = Article(categories=[])
        self.store.save_article(article)
        self.list_model.reload()
        self._select(article.uuid)
        self.editor.title.setFocus()

    def save_current(self) -> bool:
        """Write the editor's article to the store, if anything changed.

        Return False when the store refused the write (a full disk, a
        damaged file): the text stays in the editor and a banner explains it.
        """
        self._autosave.stop()
        article = self.editor.article()
        if article is None:
            return True
        try:
            stored = self.store.get_article(article.uuid)
            if stored is not None and _same_content(stored, article):
                return True
            self.store.save_article(article)
            self.revisions.record(article)
            # Reading the filter choices costs ~50 ms at 20,000 articles.
            if stored is None or (stored.author, stored.categories) != (
                    article.author, article.categories):
                self.library_panel.refresh_choices(Library(self.store))
        except (sqlite3.Error, OSError) as error:
            log.error("saving article %s failed: %s", article.uuid, error)
            self.editor.show_problem(error_text("save_failed"))
            self._save_failed = True
            return False
        if self._save_failed:
            self._save_failed = False
            self._show_article_problem(article)
        self.list_model.refresh(article.uuid)
        return True

    def queue_current(self, send_as: SendAs) -> ChecklistDialog | None:
        """Check the article, then queue it; return the checklist dialog if
        it found anything, which queues only when nothing blocks."""
        if not self.save_current():
            return None
        article = self.editor.article()
        if article is None:
            return None
        media = self._adopt_body_alt_texts(article)
        problems = check_article(article, media)
        if not problems:
            self._queue_article(article, send_as)
            return None
        dialog = ChecklistDialog(problems, self)
        dialog.fix_requested.connect(
            lambda field, params: focus_problem_field(self.editor, field, params))
        dialog.accepted.connect(lambda: self._queue_article(article, send_as))
        dialog.open()
        return dialog

    def _adopt_body_alt_texts(self, article: Article) -> list[Media]:
        """Give photos without a description the one typed in the body's
        ![description](media:…), so it goes to the site's media library."""
        media = self.store.list_media(article.uuid)
        for item in media:
            match = re.search(r"!\[([^\]]*)\]\(" + re.escape(item.reference),
                              article.body)
            if match and match.group(1).strip() and not item.alt_text.strip():
                item.alt_text = match.group(1).strip()
                self.store.update_media(item)
        return media

    def _queue_article(self, article: Article, send_as: SendAs) -> None:
        site_id = self._site_id()
        self.revisions.record(article, force=True)
        self.store.queue_article(article.uuid, site_id, send_as)
        article.local_status = LocalStatus.QUEUED
        self.editor.show_problem("")
        self.list_model.refresh(article.uuid)
        self._refresh_status()
        if site_id:
            self.statusBar().showMessage(self.tr(
                "The article is queued and will be sent when the site answers."),
                8000)
            self.sync.sync_now()
        else:
            self.statusBar().showMessage(self.tr(
                "The article is queued. Set up the site account to send it."), 8000)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Save when the clerk leaves the editor, not only after a pause."""
        if self._closed or old is None or not self._autosave.isActive():
            return
        if self.editor.isAncestorOf(old) and \
                (new is None or not self.editor.isAncestorOf(new)):
            self.save_current()

    def confirm_close_unsaved(self) -> bool:
        """Ask whether to close although the last changes are not saved."""
        answer = QMessageBox.warning(
            self, "TinXa", self.tr(
                "Your last changes could not be saved on this computer (the "
                "disk may be full). If you close TinXa now they are lost. "
                "Close anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_query_changed(self, query: LibraryQuery) -> None:
        """Show what the query finds; the editor keeps its article even if
        the list no longer contains it."""
        shown = self.editor.article()
        self.list_model.set_query(query)
        if shown is not None:
            self._select(shown.uuid)

    def _on_row_changed(self, current, previous) -> None:
        shown = self.editor.article()
        if shown is not None and current.isValid() and \
                self.list_model.uuid_at(current.row()) == shown.uuid:
            return  # the list was read again around the open article
        if not self.save_current():
            # Stay on the article whose text is not saved yet.
            self._select(self.editor.article().uuid)
            return
        article = self.store.get_article(self.list_model.uuid_at(current.row())) \
            if current.isValid() else None
        self._load_media_paths(article)
        self.editor.load(article)
        for action in (self.send_action, self.draft_action, self.revisions_action):
            action.setEnabled(article is not None)
        self.right.setCurrentWidget(self.editor if article else self.right.widget(0))
        self._show_article_problem(article)

    def _on_article_changed(self, uuid: str) -> None:
        if self._closed:
            return
        self.statusBar().clearMessage()  # "queued" is no longer true
        self.list_model.refresh(uuid)
        self._refresh_status()
        shown = self.editor.article()
        if shown is not None and shown.uuid == uuid:
            stored = self.store.get_article(uuid)
            if stored is not None:
                self._adopt_server_fields(shown, stored)
                self._show_article_problem(stored)
                self.editor.conflict.show_for(stored)

    def _on_upload_progress(self, uuid: str, sent: int, total: int) -> None:
        if self._closed:
            return
        self.statusBar().showMessage(self.tr("Uploading a photo: %1 of %2 KB")
                                     .replace("%1", str(sent // 1024))
                                     .replace("%2", str(total // 1024)), 5000)

    def _start_spelling(self) -> None:
        from desktop.spelling import SpellChecker

        if self._closed or self.editor.spelling is not None:
            return
        try:
            checker = SpellChecker(self.paths.data_dir / "personal_words.txt")
        except TinXaError as error:
            log.warning("spell-checking is off: %s %s", error.code, error.detail)
            return
        self.editor.set_spell_checker(checker)

    # Photos and files

    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Insert photo"), str(Path.home()),
            self.tr("Photos") + f" ({IMAGE_FILTER})")
        if path:
            self.ask_image_details([Path(path)])

    def ask_image_details(self, paths: list[Path]) -> None:
        """Ask the description of each photo in turn, then add it."""
        if not paths:
            return
        path, rest = paths[0], paths[1:]
        dialog = ImageDetailsDialog(path.name, self)
        dialog.accepted.connect(lambda: self.add_image(
            path, dialog.alt_text.text(), dialog.caption.text(),
            dialog.cover.isChecked()))
        dialog.finished.connect(lambda result: self.ask_image_details(rest))
        dialog.open()

    def add_pasted_image(self, image: QImage) -> None:
        """Keep a photo pasted from the clipboard as a PNG file, then add it."""
        folder = self.paths.media_dir / "pasted"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{id(image)}.png"
        if image.isNull() or not image.save(str(path), "PNG"):
            self.editor.show_problem(error_text("image_unreadable"))
            return
        self.ask_image_details([path])

    # Word documents

    def choose_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import from Word"), str(Path.home()),
            self.tr("Word documents") + " (*.docx *.doc)")
        if path:
            self.import_document(Path(path))

    def import_document(self, path: Path) -> None:
        """Read a Word file in the background into a new article."""
        from desktop.importers import import_docx

        self.statusBar().showMessage(self.tr("Reading %1…").replace("%1", path.name))
        folder = self.paths.media_dir / "imported"
        self.background.run(lambda: import_docx(path, folder),
                            lambda document: self._document_ready(path, document),
                            self._media_failed)

    def _on_documents_dropped(self, paths: list[Path]) -> None:
        """Word files become articles; other documents are attached."""
        for path in paths:
            if path.suffix.lower() in (".docx", ".doc"):
                self.import_document(path)
            else:
                self.add_attachment(path)

    def _document_ready(self, path: Path, document) -> None:
        if self._closed:
            return
        self.save_current()
        article = Article(title=document.title or path.stem,
                          body=document.markdown)
        self.store.save_article(article)
        for image in document.images:
            media = self.store.add_media(Media(
                article_uuid=article.uuid, source_path=str(image.path),
                file_name=image.path.name, alt_text=image.alt))
            article.body = article.body.replace(f"]({image.path.name})",
                                                f"]({media.reference})")
        self.store.save_article(article)
        self._prepare_in_background(self.store.list_media(article.uuid))
        self.list_model.reload()
        self._select(article.uuid)
        self.statusBar().showMessage(self.tr(
            "Imported %1. Check the text, the photos' descriptions and the "
            "category before sending.").replace("%1", path.name), 15000)

    def add_image(self, path: Path, alt_text: str, caption: str,
                  cover: bool) -> None:
        """Prepare the photo in the background, then put it in the article."""
        article = self.editor.article()
        if article is None:
            return
        self.statusBar().showMessage(self.tr("Preparing the photo…"))
        from desktop.images import prepare_image

        max_side = self.settings.get("image_max_side")
        self.background.run(
            lambda: prepare_image(path, self.paths.media_dir, max_side=max_side),
            lambda prepared: self._image_ready(article.uuid, path, prepared,
                                               alt_text, caption, cover),
            self._media_failed)

    def _image_ready(self, uuid: str, path: Path, prepared: "PreparedImage",
                     alt_text: str, caption: str, cover: bool) -> None:
        if self._closed:
            return
        media = self.store.add_media(Media(
            article_uuid=uuid, source_path=str(path), file_name=path.name,
            alt_text=alt_text.strip(), caption=caption.strip(), is_cover=cover))
        media.prepared_path = str(prepared.path)
        media.mime_type = prepared.mime_type
        self.store.update_media(media)
        self.statusBar().clearMessage()
        title = f' "{_markdown_escape(caption)}"' if caption.strip() else ""
        markdown = f"![{_markdown_escape(alt_text)}]({media.reference}{title})"
        shown = self.editor.article()
        if shown is None or shown.uuid != uuid:
            # The clerk opened another article meanwhile: the photo goes at
            # the end of the one it was added to.
            owner = self.store.get_article(uuid)
            if owner is not None:
                owner.body = owner.body.rstrip() + "\n\n" + markdown + "\n"
                self.store.save_article(owner)
                self.list_model.refresh(uuid)
            return
        self.editor.insert_markdown(markdown)
        self._load_media_paths(shown)

    def _prepare_in_background(self, media: list[Media]) -> None:
        """Make the web copies of imported photos, so the preview shows small
        files and sending does not wait for them."""
        from desktop.images import prepare_image

        max_side = self.settings.get("image_max_side")
        for item in media:
            def prepared(result, item=item) -> None:
                if self._closed:
                    return
                item.prepared_path = str(result.path)
                item.mime_type = result.mime_type
                self.store.update_media(item)
                shown = self.editor.article()
                if shown is not None and shown.uuid == item.article_uuid:
                    self._load_media_paths(shown)

            self.background.run(
                lambda item=item: prepare_image(Path(item.source_path),
                                                self.paths.media_dir,
                                                max_side=max_side),
                prepared, self._media_failed)

    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach file"), str(Path.home()),
            self.tr("Documents") + f" ({ATTACHMENT_FILTER})")
        if path:
            self.add_attachment(Path(path))

    def add_attachment(self, path: Path) -> None:
        article = self.editor.article()
        if article is None:
            return
        if not path.is_file():
            self.editor.show_problem(error_text("image_not_found"))
            return
        media = self.store.add_media(Media(
            article_uuid=article.uuid, source_path=str(path), file_name=path.name,
            kind=MediaKind.ATTACHMENT))
        self.editor.insert_markdown(
            f"[{_markdown_escape(path.name)}]({media.reference})")

    def _media_failed(self, error: TinXaError) -> None:
        if self._closed:
            return
        # The editor's banner is hidden when no article is open.
        self.statusBar().showMessage(exception_text(error), 20000)
        if self.editor.article() is not None:
            self.editor.show_problem(exception_text(error))

    def _load_media_paths(self, article: Article | None) -> None:
        if article is None:
            return
        self.editor.set_media_paths({
            item.uuid: item.prepared_path or item.source_path
            for item in self.store.list_media(article.uuid)})

    # Earlier versions

    def open_revisions(self) -> RevisionsDialog | None:
        if not self.save_current():
            return None
        article = self.editor.article()
        if article is None:
            return None
        dialog = RevisionsDialog(self.revisions, article, self)
        dialog.restore_requested.connect(
            lambda revision_id, uuid=article.uuid:
            self.restore_revision(uuid, revision_id))
        dialog.open()
        return dialog

    def restore_revision(self, uuid: str, revision_id: int) -> None:
        """Put an earlier version back; the current text is kept as a version
        first, so the restore itself can be undone the same way."""
        if not self.save_current():
            return
        restored = self.revisions.restore(uuid, revision_id)
        self.store.save_article(restored)
        self.editor.load(restored)
        self.list_model.refresh(uuid)

    # Conflicts

    def keep_mine(self) -> None:
        self.save_current()
        article = self.editor.article()
        if article is None:
            return
        self.store.keep_local_version(article.uuid)
        self._after_resolution(article.uuid)
        self.sync.sync_now()

    def take_theirs(self) -> None:
        from desktop.html_markdown import html_to_markdown

        if not self.save_current():
            return
        article = self.editor.article()
        if article is None or article.conflict is None:
            return
        self.revisions.record(article, force=True)
        copy = article.conflict
        self.store.take_site_version(article.uuid, copy.title, copy.excerpt,
                                     html_to_markdown(copy.content_html))
        self._after_resolution(article.uuid)

    def _after_resolution(self, uuid: str) -> None:
        self.list_model.refresh(uuid)
        self._refresh_status()
        article = self.store.get_article(uuid)
        self.editor.load(article)
        self._show_article_problem(article)

    @staticmethod
    def _adopt_server_fields(shown: Article, stored: Article) -> None:
        """Take the sync results into the editor's copy without touching text."""
        for name in ("local_status", "server_id", "server_status", "server_link",
                     "server_modified", "server_fingerprint", "last_error",
                     "conflict"):
            setattr(shown, name, getattr(stored, name))

    def _show_article_problem(self, article: Article | None) -> None:
        # A conflict has its own panel with the choices.
        if article is None or not article.last_error or \
                article.local_status is LocalStatus.CONFLICT:
            self.editor.show_problem("")
            return
        detail = self.store.error_detail(article.uuid)
        text = error_text(article.last_error, detail)
        summary = self.store.get_summary(article.uuid)
        if summary and summary.send_state == "ready" and \
                summary.next_attempt_at > time.time():
            text += "\n" + retry_text(summary.next_attempt_at)
        self.editor.show_problem(text)

    def _select(self, uuid: str) -> None:
        row = self.list_model.row_of(uuid)
        if row is not None:
            self.list.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    # Site and status

    def _site_id(self) -> int:
        return self.settings.get("active_site_id")

    def open_account(self) -> AccountDialog:
        """Open the account dialog without blocking; return it."""
        site = self.store.get_site(self._site_id())
        dialog = AccountDialog(self.sync, site, self.sync.vault_is_secure, self)
        dialog.signed_in.connect(self._on_signed_in)
        dialog.open()
        return dialog

    def _on_signed_in(self, site: Site) -> None:
        if not site.has_companion:
            self.statusBar().showMessage(plugin_missing_text(), 30000)
        self.settings.set("active_site_id", site.id)
        self.status_panel.set_sign_in_needed(False)
        self._refresh_categories()
        self._refresh_status()

    def _on_sign_in_needed(self, code: str) -> None:
        if self._closed:
            return
        self.status_panel.set_sign_in_needed(True)
        self.statusBar().showMessage(error_text(code), 15000)

    def _refresh_categories(self) -> None:
        site = self.store.get_site(self._site_id())
        names = sorted(site.categories) if site and site.categories \
            else default_categories()
        self.editor.set_category_choices(names)

    def _refresh_status(self) -> None:
        if self._closed:
            return  # a signal the lane queued before it stopped
        self.status_panel.set_connection(self.sync.online,
                                         has_site=bool(self._site_id()))
        self.status_panel.set_waiting(self.store.count_waiting())

    def _set_language(self, code: str) -> None:
        self.settings.set("language", code)
        self.statusBar().showMessage(self.tr(
            "The language changes the next time TinXa starts."), 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_current() and not self.confirm_close_unsaved():
            event.ignore()
            return
        self.sync.shutdown()
        self.background.shutdown()
        self.sync.blockSignals(True)
        self._closed = True
        QApplication.instance().focusChanged.disconnect(self._on_focus_changed)
        self.store.close()
        super().closeEvent(event)


def _markdown_escape(text: str) -> str:
    """Keep a description or caption from closing the Markdown around it."""
    return text.replace("\\", "\\\\").replace("]", "\\]").replace('"', "'")


def _same_content(a: Article, b: Article) -> bool:
    fields = ("title", "slug", "lead", "body", "author", "source", "categories",
              "tags")
    return all(getattr(a, name) == getattr(b, name) for name in fields)

"""Help inside the program: the guides, the keyboard shortcuts, and F1 on every screen.

*Aide › Guide de l’infirmier(ère)*, *Guide de l’administrateur* and *Raccourcis
clavier* open one help window (offline): the Markdown guides of ``docs/``
shown by a :class:`QTextBrowser`, a table of contents made of their headings,
and a search box (next, previous, every match highlighted, « aucun résultat »).
The shortcut sheet is generated from the main window's actions (their text and
keys, in French), so it is always true.

F1 opens the guide at the section of the screen in use: the current tab of the
main window (list, patient zéro, contact), or the dialog in front (settings,
upcoming deletions, journal, first-run wizard page, lock screen…). Each screen
maps to a heading of a guide (:data:`TOPICS`); a test checks that every heading
exists. A window-modal dialog blocks the main window's shortcut, so F1 is also
caught by an application event filter (:func:`install_context_help`).

The guides are found next to the program: ``docs/`` of the sources (a
development set-up, an editable install) or of the PyInstaller bundle
(``packaging/tracing-desk.spec`` ships ``docs/*.md`` and ``docs/screenshots``).
A screenshot that is missing is replaced by its caption.

The guides' Markdown, headings and search pattern are in :mod:`app.ui.help_guides`,
the shortcut sheet in :mod:`app.ui.help_shortcuts`; this module is the window,
F1 and the *Aide* menu.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.ui.help_guides import Heading, guide_markdown, guides_dir, headings, search_pattern, slug
from app.ui.help_shortcuts import shortcut_sheet

NURSE_GUIDE = "guide-infirmier.md"
ADMIN_GUIDE = "guide-admin.md"
SHORTCUTS = "raccourcis"
#: Widest an illustration is shown (design pixels), whatever its file's size.
IMAGE_MAX_WIDTH = 720
MAX_MATCHES = 2_000

# -- where the screens lead ---------------------------------------------------------
#: A screen (class name, or object name) → (guide, heading anchor). Anchors are
#: :func:`slug` of the heading without its number.
TOPICS: dict[str, tuple[str, str]] = {
    # main window
    "FicheListPanel": (NURSE_GUIDE, "la-fenêtre-principale"),
    "PatientZeroForm": (NURSE_GUIDE, "enregistrer-un-patient-zéro"),
    "ContactForm": (NURSE_GUIDE, "enregistrer-les-personnes-contact"),
    "ContactFinderDialog": (NURSE_GUIDE, "construire-la-liste-des-contacts"),
    "ContactGridDialog": (NURSE_GUIDE, "coller-des-contacts-depuis-un-tableur"),
    "LockScreen": (NURSE_GUIDE, "quitter-son-poste-verrouiller"),
    "SignInDialog": (NURSE_GUIDE, "ouvrir-le-programme"),
    "SignInForm": (NURSE_GUIDE, "ouvrir-le-programme"),
    "PurgeBanner": (NURSE_GUIDE, "suppression-à-3-mois"),
    "UpcomingDialog": (NURSE_GUIDE, "suppression-à-3-mois"),
    "SyncStatusWidget": (NURSE_GUIDE, "transmettre-au-service-central"),
    "RefusedFichesDialog": (NURSE_GUIDE, "transmettre-au-service-central"),
    "crash_box": (NURSE_GUIDE, "si-le-programme-affiche-une-erreur-interne-est-survenue"),
    "demo_banner": (NURSE_GUIDE, "mode-démonstration-formation"),
    # the référent's screens
    "JournalViewer": (ADMIN_GUIDE, "le-journal-des-accès"),
    "AccountsDialog": (ADMIN_GUIDE, "comptes-des-agents"),
    "NewAccountDialog": (ADMIN_GUIDE, "comptes-des-agents"),
    "PasswordDialog": (ADMIN_GUIDE, "comptes-des-agents"),
    "EstablishmentDialog": (ADMIN_GUIDE, "mise-en-service-premier-démarrage"),
    "SyncSettingsDialog": (ADMIN_GUIDE, "service-central"),
    "TokenDialog": (ADMIN_GUIDE, "service-central"),
    "PassphraseDialog": (ADMIN_GUIDE, "mode-phrase-secrète"),
    "forget_box": (ADMIN_GUIDE, "oublier-ce-poste"),
    "purge_task_box": (ADMIN_GUIDE, "la-tâche-de-purge-quotidienne-du-système"),
    # the first-run wizard, page by page
    "page_welcome": (ADMIN_GUIDE, "mise-en-service-premier-démarrage"),
    "page_establishment": (ADMIN_GUIDE, "mise-en-service-premier-démarrage"),
    "page_account": (ADMIN_GUIDE, "mise-en-service-premier-démarrage"),
    "page_recovery": (ADMIN_GUIDE, "clé-de-chiffrement-trousseau-et-code-de-récupération"),
    "page_central": (ADMIN_GUIDE, "service-central"),
    "page_summary": (ADMIN_GUIDE, "la-tâche-de-purge-quotidienne-du-système"),
}
#: The settings dialog, tab by tab (Établissement, Conservation, Sécurité, Synchronisation).
SETTINGS_TOPICS: tuple[tuple[str, str], ...] = (
    (ADMIN_GUIDE, "mise-en-service-premier-démarrage"),
    (ADMIN_GUIDE, "conservation-des-données-réglages"),
    (ADMIN_GUIDE, "conservation-des-données-réglages"),
    (ADMIN_GUIDE, "service-central"),
)
DEFAULT_TOPIC = (NURSE_GUIDE, "")


def topic_for(widget: QWidget | None) -> tuple[str, str]:
    """The guide and heading anchor for the screen *widget* belongs to."""
    w = widget
    while w is not None:
        if isinstance(w, QWizard):
            page = w.currentPage()
            if page is not None and page.objectName() in TOPICS:
                return TOPICS[page.objectName()]
        name = type(w).__name__
        if name == "SettingsDialog":
            tabs = getattr(w, "tabs", None)
            index = tabs.currentIndex() if tabs is not None else 0
            return SETTINGS_TOPICS[index] if 0 <= index < len(SETTINGS_TOPICS) else DEFAULT_TOPIC
        if name in TOPICS:
            return TOPICS[name]
        if w.objectName() in TOPICS:
            return TOPICS[w.objectName()]
        if isinstance(w, QMainWindow):
            workspace = getattr(w, "workspace", None)
            current = workspace.currentWidget() if workspace is not None else None
            if current is not None and current is not widget:
                return topic_for(current)
        w = w.parentWidget()
    return DEFAULT_TOPIC


# -- the window ----------------------------------------------------------------------------
class GuideBrowser(QTextBrowser):
    """A text browser that finds the guides' illustrations and fits them to the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = guides_dir()

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        name = QUrl(name) if isinstance(name, str) else name
        if kind == int(QTextDocument.ResourceType.ImageResource.value) and not name.scheme():
            image = QImage(str(self.folder / name.toString()))
            if image.isNull():
                return QImage()
            if image.width() > IMAGE_MAX_WIDTH:
                image = image.scaledToWidth(
                    IMAGE_MAX_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            return image
        return super().loadResource(kind, name)


class HelpWindow(QWidget):
    """The guides and the shortcut sheet, with a table of contents and a search box."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(self.tr("Tracing Desk — aide"))
        self.folder = folder or guides_dir()
        self.sheet_source: QWidget | None = None
        self.document_name = ""
        self.current_anchor = ""
        self.heading_list: list[Heading] = []

        self.chooser = QComboBox(self)
        self.chooser.setObjectName("help_document")
        self.chooser.addItem(self.tr("Guide de l’infirmier(ère)"), NURSE_GUIDE)
        self.chooser.addItem(self.tr("Guide de l’administrateur"), ADMIN_GUIDE)
        self.chooser.addItem(self.tr("Raccourcis clavier"), SHORTCUTS)
        self.chooser.activated.connect(lambda i: self.show_document(self.chooser.itemData(i)))
        chooser_label = QLabel(self.tr("&Document\u00a0:"), self)
        chooser_label.setBuddy(self.chooser)

        self.search = QLineEdit(self)
        self.search.setObjectName("help_search")
        self.search.setPlaceholderText(self.tr("Rechercher dans ce document"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Rechercher dans ce document"))
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._search_changed)
        self.previous_button = QPushButton(self.tr("&Précédent"), self)
        self.previous_button.setObjectName("help_previous")
        self.previous_button.setAutoDefault(False)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton(self.tr("&Suivant"), self)
        self.next_button.setObjectName("help_next")
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.find_next)
        self.result = QLabel(self)
        self.result.setObjectName("help_result")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setMinimumWidth(140)
        find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find_shortcut.activated.connect(self._focus_search)
        previous_shortcut = QShortcut(QKeySequence("Shift+Return"), self.search)
        previous_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous_shortcut.activated.connect(self.find_previous)
        for sequence in (QKeySequence.StandardKey.FindNext, QKeySequence.StandardKey.FindPrevious):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(
                self.find_next
                if sequence is QKeySequence.StandardKey.FindNext
                else self.find_previous
            )

        self.contents = QTreeWidget(self)
        self.contents.setObjectName("help_contents")
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Sommaire"))
        self.contents.itemActivated.connect(self._heading_chosen)
        self.contents.itemClicked.connect(self._heading_chosen)

        self.browser = GuideBrowser(self)
        self.browser.setObjectName("help_browser")
        self.browser.folder = self.folder
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)

        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addWidget(self.result)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(1080, 760)

    # -- documents -------------------------------------------------------------------------
    def show_document(self, name: str) -> bool:
        """Load a guide (or the shortcut sheet); False (and a message) when it is absent."""
        if name == SHORTCUTS:
            markdown: str | None = shortcut_sheet(self.sheet_source)
        else:
            markdown = guide_markdown(name, self.folder)
        self.document_name = name
        self.current_anchor = ""
        index = self.chooser.findData(name)
        if index < 0:
            self.chooser.addItem(name, name)
            index = self.chooser.count() - 1
        self.chooser.setCurrentIndex(index)
        if markdown is None:
            self.browser.setMarkdown(
                self.tr(
                    "# Document introuvable\n\nLe fichier «\u202f{name}\u202f» n’est pas "
                    "installé avec le programme ({folder})."
                ).format(name=name, folder=self.folder)
            )
        else:
            self.browser.setMarkdown(markdown)
        self._fill_contents()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)
        self._search_changed(self.search.text())
        return markdown is not None

    def _fill_contents(self) -> None:
        self.heading_list = headings(self.browser.document())
        self.contents.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading in self.heading_list:
            item = QTreeWidgetItem([heading.text])
            item.setData(0, Qt.ItemDataRole.UserRole, heading.position)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.contents.addTopLevelItem(item)
            parents.append((heading.level, item))
        self.contents.expandAll()

    def show_section(self, name: str, anchor: str) -> bool:
        """Load *name* and scroll to the heading *anchor* (False: no such heading)."""
        if name != self.document_name:
            self.show_document(name)
        for heading in self.heading_list:
            if heading.anchor == anchor:
                self._scroll_to(heading.position)
                self.current_anchor = anchor
                return True
        return False

    def _heading_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        position = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(position, int):
            self._scroll_to(position)
            self.current_anchor = slug(item.text(0))

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        block = cursor.block()

        def scroll() -> None:
            top = self.browser.document().documentLayout().blockBoundingRect(block).top()
            self.browser.verticalScrollBar().setValue(int(top))

        scroll()
        QTimer.singleShot(0, self, scroll)  # again once the browser has its final size

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        path = url.path()
        if path.endswith(".md"):
            self.show_document(Path(path).name)
        if url.fragment():
            self.show_section(self.document_name, slug(url.fragment()))

    # -- search ------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        """Highlight every match and say how many; the first one after the cursor is selected."""
        if not text.strip():
            self.browser.setExtraSelections([])
            self.result.clear()
            return
        matches = self._matches(text)
        highlight = QTextCharFormat()
        highlight.setBackground(QColor("#ffe066"))
        selections = []
        for cursor in matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = highlight
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if not matches:
            self.result.setText(
                self.tr("Aucun résultat pour «\u202f{text}\u202f»").format(text=text.strip())
            )
            self.result.setStyleSheet("color: #a40000;")
            return
        self.result.setStyleSheet("")
        self.result.setText(self.tr("%n résultat(s)", "", len(matches)))

    def _matches(self, text: str) -> list[QTextCursor]:
        from PySide6.QtCore import QRegularExpression

        expression = QRegularExpression(
            search_pattern(text.strip()), QRegularExpression.PatternOption.CaseInsensitiveOption
        )
        document = self.browser.document()
        found: list[QTextCursor] = []
        cursor = document.find(expression, 0)
        while not cursor.isNull() and len(found) < MAX_MATCHES:
            if not cursor.hasSelection():
                break
            found.append(cursor)
            cursor = document.find(expression, cursor)
        return found

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, *, backward: bool) -> bool:
        """Select the next (previous) match, going round the document; False: none."""
        text = self.search.text().strip()
        if not text:
            return False
        matches = self._matches(text)
        if not matches:
            self._search_changed(text)
            return False
        here = self.browser.textCursor()
        if backward:
            start = here.selectionStart()
            before = [m for m in matches if m.selectionStart() < start]
            chosen = before[-1] if before else matches[-1]
        else:
            end = here.selectionEnd() if here.hasSelection() else here.position()
            after = [m for m in matches if m.selectionStart() >= end]
            chosen = after[0] if after else matches[0]
        self.browser.setTextCursor(chosen)
        self.browser.ensureCursorVisible()
        number = matches.index(chosen) + 1
        self.result.setStyleSheet("")
        self.result.setText(self.tr("{n} sur {total}").format(n=number, total=len(matches)))
        return True


# -- opening it --------------------------------------------------------------------------------
class _ContextHelp(QObject):
    """The one help window of the program, and F1 wherever the focus is."""

    def __init__(self) -> None:
        super().__init__()
        self.window: HelpWindow | None = None
        self.sheet_source: QWidget | None = None

    def help_window(self) -> HelpWindow:
        if self.window is None:
            self.window = HelpWindow()
            self.window.destroyed.connect(self._gone)
        self.window.sheet_source = self.sheet_source
        return self.window

    def _gone(self) -> None:
        self.window = None

    def open(self, name: str, anchor: str = "") -> HelpWindow:
        window = self.help_window()
        window.show()  # laid out first, so that the jump to the section scrolls
        window.raise_()
        window.activateWindow()
        window.show_document(name)
        if anchor:
            window.show_section(name, anchor)
        return window

    def open_for(self, widget: QWidget | None) -> HelpWindow:
        name, anchor = topic_for(widget)
        return self.open(name, anchor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_F1 and modifiers == Qt.KeyboardModifier.NoModifier:
                if isinstance(watched, QWidget) and watched.window() is self.window:
                    return False
                # The key goes to the focused widget: its screen is the one in use.
                target = watched if isinstance(watched, QWidget) else QApplication.focusWidget()
                self.open_for(target)
                return True
        return False


_context: _ContextHelp | None = None


def context_help() -> _ContextHelp:
    """The program's help (created on first use, F1 caught everywhere)."""
    global _context
    if _context is None:
        _context = _ContextHelp()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(_context)
    return _context


def install_context_help() -> None:
    """F1 opens the guide at the current screen's section, in every window of the program."""
    context_help()


class HelpMenu(QObject):
    """The entries of the main window's *Aide* menu (before « À propos »)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        help_ = context_help()
        help_.sheet_source = window
        self.context_action = QAction(self.tr("&Aide sur cet écran"), window)
        self.context_action.setObjectName("help_context")
        self.context_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.context_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.context_action.triggered.connect(self.open_context)
        self.nurse_action = QAction(self.tr("Guide de l’&infirmier(ère)"), window)
        self.nurse_action.setObjectName("help_nurse_guide")
        self.nurse_action.triggered.connect(lambda: self.open(NURSE_GUIDE))
        self.admin_action = QAction(self.tr("Guide de l’a&dministrateur"), window)
        self.admin_action.setObjectName("help_admin_guide")
        self.admin_action.triggered.connect(lambda: self.open(ADMIN_GUIDE))
        self.shortcuts_action = QAction(self.tr("&Raccourcis clavier"), window)
        self.shortcuts_action.setObjectName("help_shortcuts")
        self.shortcuts_action.triggered.connect(lambda: self.open(SHORTCUTS))

    def install(self, menu: QMenu) -> None:
        for action in (
            self.context_action,
            self.nurse_action,
            self.admin_action,
            self.shortcuts_action,
        ):
            menu.addAction(action)
            self._window.addAction(action)
        menu.addSeparator()

    def open(self, name: str) -> HelpWindow:
        help_ = context_help()
        help_.sheet_source = self._window
        return help_.open(name)

    def open_context(self) -> HelpWindow:
        help_ = context_help()
        help_.sheet_source = self._window
        return help_.open_for(QApplication.focusWidget() or self._window)

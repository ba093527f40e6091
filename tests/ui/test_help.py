"""Help inside the program: the Aide menu, the guides, the search, the shortcut sheet, F1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.ui import help as H
from app.ui import help_guides as HG
from app.ui import help_shortcuts as HS
from app.ui.application import install_translators
from app.ui.forms.contact import ContactForm
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_raise(monkeypatch) -> None:
    """The offscreen platform warns on raise() (a warning fails a test): not ours to test."""
    monkeypatch.setattr(H.HelpWindow, "raise_", lambda self: None)


@pytest.fixture(autouse=True)
def french(qapp) -> Iterator[None]:
    install_translators("fr")
    yield
    install_translators("fr")


@pytest.fixture
def help_window(qtbot) -> H.HelpWindow:
    window = H.HelpWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def empty_store(make_store) -> Path:
    return make_store(0)


@pytest.fixture
def window(qtbot, empty_store: Path, open_thread) -> Iterator[MainWindow]:
    w = MainWindow(open_thread, empty_store, "test:ui")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
    yield w
    for form in w.workspace.forms():
        form._autosave_timer.stop()
    help_ = H.context_help()
    if help_.window is not None:
        help_.window.close()
        help_.window.deleteLater()
        help_.window = None
    help_.sheet_source = None


def test_aide_menu_has_the_guides_the_shortcuts_and_about(window):
    aide = next(
        a.menu()
        for a in window.menuBar().actions()
        if a.menu() is not None and window.help_menu.context_action in a.menu().actions()
    )
    assert HS.action_label(aide.title()) == "Aide"
    texts = [HS.action_label(a.text()) for a in aide.actions() if not a.isSeparator()]
    assert texts == [
        "Aide sur cet écran",
        "Guide de l’infirmier(ère)",
        "Guide de l’administrateur",
        "Raccourcis clavier",
        "À propos de Tracing Desk",
    ]
    assert window.help_menu.context_action.shortcut() == QKeySequence(Qt.Key.Key_F1)


def test_nurse_guide_loads_with_its_headings(help_window):
    assert help_window.show_document(H.NURSE_GUIDE)
    titles = [h.text for h in help_window.heading_list]
    assert titles[0].startswith("Tracing Desk — guide de")
    for expected in (
        "2. La fenêtre principale",
        "3. Enregistrer un patient zéro",
        "4. Enregistrer les personnes contact",
        "10. L’aide dans le programme",
    ):
        assert expected in titles
    # The table of contents holds every heading, nested under the title.
    top = help_window.contents.topLevelItem(0)
    assert top.text(0) == titles[0] and top.childCount() >= 10
    # A jump lands on the heading.
    assert help_window.show_section(H.NURSE_GUIDE, "suppression-à-3-mois")
    assert help_window.browser.textCursor().block().text() == "6. Suppression à 3 mois"


def test_every_screen_leads_to_an_existing_heading(help_window):
    wanted = [*H.TOPICS.values(), *H.SETTINGS_TOPICS]
    for guide, anchor in wanted:
        assert help_window.show_section(guide, anchor), (guide, anchor)


def test_search_finds_a_word_and_says_when_there_is_none(help_window):
    help_window.show_document(H.NURSE_GUIDE)
    help_window.search.setText("verrouiller")
    assert help_window.find_next()
    cursor = help_window.browser.textCursor()
    assert cursor.selectedText().casefold() == "verrouiller"
    first = cursor.selectionStart()
    assert help_window.result.text().startswith("1 sur ")
    assert help_window.find_next()
    assert help_window.browser.textCursor().selectionStart() > first
    assert help_window.find_previous()
    assert help_window.browser.textCursor().selectionStart() == first
    assert len(help_window.browser.extraSelections()) >= 2  # every match highlighted

    help_window.search.setText("demonstration")  # accents are not needed
    assert help_window.find_next()
    assert help_window.browser.textCursor().selectedText().casefold() == "démonstration"

    help_window.search.setText("xqzwvkj")
    assert not help_window.find_next()
    assert help_window.result.text() == "Aucun résultat pour «\u202fxqzwvkj\u202f»"
    assert help_window.browser.extraSelections() == []


def test_a_missing_illustration_is_replaced_by_its_caption(tmp_path: Path, qtbot):
    (tmp_path / "guide.md").write_text(
        "# Titre\n\n![Fenêtre principale](screenshots/absente.png)\n\nTexte.\n", encoding="utf-8"
    )
    markdown = HG.guide_markdown("guide.md", tmp_path)
    assert markdown is not None
    assert "absente.png" not in markdown
    assert "*[Fenêtre principale — illustration absente]*" in markdown
    window = H.HelpWindow(tmp_path)
    qtbot.addWidget(window)
    assert window.show_document("guide.md")
    assert "Fenêtre principale — illustration absente" in window.browser.toPlainText()
    assert not window.show_document("introuvable.md")
    assert "Document introuvable" in window.browser.toPlainText()


def test_present_illustrations_are_fitted(help_window):
    help_window.show_document(H.NURSE_GUIDE)
    image = help_window.browser.loadResource(
        int(H.QTextDocument.ResourceType.ImageResource.value),
        H.QUrl("screenshots/main-window.png"),
    )
    assert not image.isNull() and image.width() <= H.IMAGE_MAX_WIDTH


def test_shortcut_sheet_lists_every_action_with_a_shortcut(window):
    entries = HS.collect_shortcuts(window)
    listed = {(e.action, e.keys) for e in entries}
    actions = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(actions) >= 7
    for action in actions:
        assert (HS.action_label(action.text()), HS._keys_of(action)) in listed, action.text()
    by_action = {e.action: e.keys for e in entries}
    # In the French format, as on the keyboard.
    assert by_action["Nouvelle personne contact"] == "Ctrl+Maj+N"
    assert by_action["Valider"] == "Ctrl+Entrée"
    assert by_action["Aide sur cet écran"] == "F1"
    assert by_action["Rechercher dans la liste"] == "Ctrl+F"  # written in its text
    sheet = HS.shortcut_sheet(window)
    assert "| Ctrl+Maj+N | Nouvelle personne contact |" in sheet
    assert "## Fiche" in sheet

    window.help_menu.shortcuts_action.trigger()
    shown = H.context_help().window
    assert shown is not None and shown.document_name == H.SHORTCUTS
    assert "Ctrl+Maj+N" in shown.browser.toPlainText()


def _press_f1(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def test_f1_on_the_contact_form_lands_on_the_contact_section(qtbot, window):
    window.workspace.new_contact()
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_form(), ContactForm))
    form = window.workspace.current_form()
    field = form.findChild(QLineEdit)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClick(field, Qt.Key.Key_F1)
    shown = H.context_help().window
    assert shown is not None and shown.isVisible()
    assert shown.document_name == H.NURSE_GUIDE
    assert shown.current_anchor == "enregistrer-les-personnes-contact"
    assert shown.browser.textCursor().block().text() == "4. Enregistrer les personnes contact"
    bar = shown.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)  # scrolled down to the section

    # From the list: the main window section.
    window.workspace.setCurrentIndex(0)
    assert H.topic_for(window.fiches.search) == (H.NURSE_GUIDE, "la-fenêtre-principale")


def test_f1_in_a_dialog_in_front_of_the_window(qtbot, window):
    """A window-modal dialog blocks the window's F1: the application filter answers."""

    class JournalViewer(QDialog):  # the same name as the référent's journal
        pass

    dialog = JournalViewer(window)
    qtbot.addWidget(dialog)
    edit = QLineEdit(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    _press_f1(edit)
    shown = H.context_help().window
    assert shown is not None
    assert (shown.document_name, shown.current_anchor) == (H.ADMIN_GUIDE, "le-journal-des-accès")
    dialog.close()


def test_french_keys():
    assert HS.french_keys(QKeySequence("Ctrl+Shift+N")) == "Ctrl+Maj+N"
    assert HS.french_keys(QKeySequence("Ctrl+Return")) == "Ctrl+Entrée"
    assert HS.french_keys(QKeySequence("Ctrl++")) == "Ctrl++"
    assert HS.action_label("&Fermer l’onglet") == "Fermer l’onglet"
    assert HS.action_label("&Paramètres…") == "Paramètres"

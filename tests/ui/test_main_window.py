from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.ui.application import install_translators
from app.ui.main_window import MainWindow
from tests.support.ui_store import synthetic_rows
from tests.ui.helpers import press_key, type_text

N = 5_000


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")
    yield
    install_translators("fr")


@pytest.fixture
def window(qtbot, filled_store, data_dir, open_thread):
    """The main window on a store of N fiches (filled before the thread opens it)."""
    w = MainWindow(open_thread, data_dir, "test:ui")
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.fiches.model.count_changed, timeout=10_000):
        w.refresh()
    qtbot.waitUntil(lambda: w.summary_label.text() != "", timeout=10_000)
    return w


@pytest.fixture
def filled_store(make_store):
    return make_store(N)


def shown_count(w: MainWindow) -> int:
    return w.fiches.model.rowCount()


def test_status_bar_counts(window):
    # synthetic rows: every 4th a patient zéro (pending fiches: the sync widget's count)
    assert window.summary_label.text() == (
        "5\u202f000 fiches · 1\u202f250 patients zéro · 3\u202f750 contacts"
    )
    assert window.fiches.count_label.text() == "5\u202f000 fiches affichées"


def test_search_as_you_type(qtbot, window):
    search = window.fiches.search
    search.setFocus()
    counts: list[int] = []
    window.fiches.model.count_changed.connect(counts.append)
    type_text(search, "lefèv")
    assert search.text() == "lefèv"
    # debounced: one query after the last key, not one per key
    qtbot.waitUntil(lambda: counts == [N // 8], timeout=5_000)
    with qtbot.assertNotEmitted(window.fiches.model.count_changed, wait=400):
        pass  # no late query for an intermediate text
    assert window.fiches.model.data(window.fiches.model.index(0, 1)) == "LEFÈVRE Élodie"

    type_text(search, "re élo")  # two words, accents and case ignored
    qtbot.waitUntil(lambda: len(counts) == 2, timeout=5_000)
    assert 0 < counts[-1] < N // 8
    for _ in range(len("lefèvre élo")):
        press_key(search, Qt.Key.Key_Backspace)
    assert search.text() == ""
    qtbot.waitUntil(lambda: counts[-1] == N, timeout=5_000)


def test_search_by_birth_date(qtbot, window):
    with qtbot.waitSignal(window.fiches.model.count_changed, timeout=5_000) as blocker:
        type_text(window.fiches.search, "01/01/1940")
    assert blocker.args[0] > 0
    assert window.fiches.model.data(window.fiches.model.index(0, 2)) == "01/01/1940"


def test_no_result_message(qtbot, window):
    with qtbot.waitSignal(window.fiches.model.count_changed, timeout=5_000):
        type_text(window.fiches.search, "zzzz")
    assert shown_count(window) == 0
    assert window.fiches.count_label.text() == "Aucune fiche ne correspond à la recherche"


def test_filters(qtbot, window):
    panel = window.fiches
    with qtbot.waitSignal(panel.model.count_changed, timeout=5_000) as blocker:
        panel.kind_filter.setCurrentIndex(1)  # patient zéro
    assert blocker.args == [N // 4]
    assert panel.kind_filter.currentText() == "Patient zéro"
    with qtbot.waitSignal(panel.model.count_changed, timeout=5_000) as blocker:
        panel.sync_filter.setCurrentIndex(panel.sync_filter.findText("En attente d’envoi"))
    assert blocker.args == [len([i for i in range(N) if i % 4 == 0 and i % 3 == 0])]
    with qtbot.waitSignal(panel.model.count_changed, timeout=5_000) as blocker:
        panel.kind_filter.setCurrentIndex(0)
        panel.sync_filter.setCurrentIndex(0)
        panel.due_filter.setChecked(True)
    # the synthetic fiches are created around 2026-11-24 and kept 90 days
    assert blocker.args[0] in (0, N)
    assert [panel.state_filter.itemText(i) for i in range(panel.state_filter.count())] == [
        "Tous les états",
        "Initialisée",
        "Validée",
        "Transmise",
        "Clôturée",
    ]


def test_table_is_read_only_and_scrolls(qtbot, window):
    table = window.fiches.table
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    table.scrollToBottom()
    last = shown_count(window) - 1
    qtbot.waitUntil(
        lambda: window.fiches.model.data(window.fiches.model.index(last, 1)) != "…",
        timeout=5_000,
    )


def test_menus_and_about(qtbot, window, data_dir):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "&Fichier" and titles[-1] == "A&ide"
    assert window.quit_action.text() == "&Quitter"
    window.about_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "about_box", None) is not None, timeout=5_000)
    box = window.about_box
    text = box.informativeText()
    assert "Version du programme : 0.1.0" in text
    assert "Version de SQLCipher : 4." in text
    assert str(data_dir) in text
    assert "MemoryKeyring" in text
    assert "Dernière synchronisation réussie : aucune" in text
    # The oldest synthetic fiche's deadline, on the establishment's clock (Paris).
    oldest = min(str(r[6]) for r in synthetic_rows(N))
    expected = datetime.fromisoformat(oldest).astimezone(ZoneInfo("Europe/Paris"))
    assert f"Prochaine suppression programmée : {expected:%d/%m/%Y %H:%M}" in text
    box.accept()


def test_english_headers(qtbot, window):
    install_translators("en")
    from app.db.fiche_queries import FicheQuery
    from app.ui.fiche_model import FicheListModel

    model = FicheListModel(window._db_thread, lambda db: None, FicheQuery())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[0] == "Type"
    assert headers[1] == "Name"
    assert headers[2] == "Date of birth"
    assert headers[6] == "Deletion scheduled on"


def test_validate_shortcut_reads_ctrl_entree_in_the_menu(window):
    """The menu names the validate shortcut as the README and the guide do (« Ctrl+Entrée »)."""
    from PySide6.QtGui import QKeySequence

    action = window.workspace.actions_by_name["validate"]
    assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+Entrée"
    assert QKeySequence("Ctrl+Return") in action.shortcuts()  # the main key works too

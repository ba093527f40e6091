"""« Saisie en tableau »: 50 rows pasted from a spreadsheet, bad rows flagged, created once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTableWidgetSelectionRange

from app.core.contact_rows import COLUMNS
from app.core.enums import FicheKind
from app.core.models import PatientZero
from app.db.store import open_store
from app.services.fiches import FicheQuery, FicheService
from app.ui.forms.contact_grid import BAD_BRUSH, RESULT_COLUMN, ContactGridDialog
from app.workers.db_thread import DbThread
from tests.ui.helpers import press_key, type_text

SURNAMES = ["Lefèvre", "Martin", "Œuvray", "Dubois", "Girard", "N’Diaye", "Moreau", "Laurent"]
FIRST = ["Élodie", "Jean", "Chloé", "Loïc", "Inès", "Hervé", "Zoé", "Mathéo"]
BAD = {5: "date_naissance", 17: "telephone", 33: "statut"}  # data lines (header = line 0)


pytestmark = pytest.mark.usefixtures("french")  # tests/support/ui_store.py


def _rows_text() -> str:
    lines = ["Nom\tPrénom\tDate de naissance\tTéléphone\tDate du dernier contact\tUnité"]
    for i in range(1, 51):
        birth = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1930 + i}"
        phone = f"06 12 34 {i:02d} {i:02d}"
        status = "résident"
        if BAD.get(i) == "date_naissance":
            birth = "31/02/1950"
        if BAD.get(i) == "telephone":
            phone = "12 34"
        if BAD.get(i) == "statut":
            status = "chef de service"
        cells = [SURNAMES[i % 8], FIRST[i // 8 % 8], birth, phone, "20/11/2026", "Tilleuls"]
        lines.append("\t".join(cells) + "\t\t" + status)
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture
def pz_uuid(make_store: Any, data_dir: Path, fake_clock: Any) -> str:
    make_store(0)
    db = open_store(data_dir)
    try:
        pz = PatientZero(birth_name="Dupont", first_names="Marie", birth_date=date(1930, 5, 5))
        FicheService(db, "test:ui").save(pz)
    finally:
        db.close()
    return pz.uuid


def _ctrl_v(widget: Any) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier, "\x16")
        QCoreApplication.sendEvent(widget, event)


def _plain(dialog: ContactGridDialog) -> str:
    """The summary with Qt's optional plurals « (s) » read as either form."""
    return dialog.summary.text().replace("(s)", "s")


def _contact_count(qtbot: Any, thread: DbThread) -> int:
    ticket = thread.submit(
        lambda db: FicheService(db, "test:ui").count(FicheQuery(kind=FicheKind.CONTACT))
    )
    with qtbot.waitSignal(ticket.finished, timeout=10_000) as blocker:
        pass
    return int(blocker.args[0])


def _paste_and_fix(qtbot: Any, dialog: ContactGridDialog) -> None:
    QGuiApplication.clipboard().setText(_rows_text())
    dialog.table.setCurrentCell(0, 0)
    _ctrl_v(dialog.table)
    assert dialog.table.rowCount() >= 50
    assert dialog.cell_text(0, 0) == SURNAMES[1]
    assert dialog.cell_text(49, 0) == SURNAMES[50 % 8]
    assert dialog.bad_lines == sorted(BAD)
    for line, column in BAD.items():
        item = dialog.table.item(line - 1, COLUMNS.index(column))
        assert item is not None and item.background() == BAD_BRUSH
        assert item.toolTip(), column
        good = dialog.table.item(line - 1, COLUMNS.index("nom"))
        assert good is not None and good.background() != BAD_BRUSH
    assert dialog.summary.text().startswith("3 lignes à corriger")
    assert not dialog.create_button.isEnabled()
    # fix two rows in their cells, remove the third: the typed text of the others stays
    dialog.set_cell(4, COLUMNS.index("date_naissance"), "28/02/1950")
    dialog.set_cell(32, COLUMNS.index("statut"), "Résident")
    assert dialog.bad_lines == [17]
    assert not dialog.create_button.isEnabled()
    dialog.table.clearSelection()
    dialog.table.setRangeSelected(QTableWidgetSelectionRange(16, 0, 16, RESULT_COLUMN), True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.bad_lines == []
    assert dialog.cell_text(16, 0) == SURNAMES[18 % 8]
    assert dialog.create_button.isEnabled()
    assert dialog.summary.text() == "49 personnes prêtes à créer."


def test_paste_50_rows_flag_fix_create_then_paste_again_creates_nothing(
    qtbot: Any, pz_uuid: str, open_thread: DbThread
) -> None:
    dialog = ContactGridDialog(open_thread, "test:ui", pz_uuid)
    qtbot.addWidget(dialog)
    _paste_and_fix(qtbot, dialog)
    with qtbot.waitSignal(dialog.contacts_created, timeout=20_000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert created.args == [49]
    assert re.fullmatch(r"49 fiches? créées?, 0 liées?, 0 déjà liées?\.", _plain(dialog))
    assert dialog.cell_text(0, 0) == ""  # the grid is ready for the next ones
    assert _contact_count(qtbot, open_thread) == 49

    _paste_and_fix(qtbot, dialog)
    qtbot.waitUntil(
        lambda: dialog.cell_text(0, RESULT_COLUMN) == "déjà contact de ce patient zéro",
        timeout=10_000,
    )
    with qtbot.waitSignal(dialog.contacts_created, timeout=20_000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert created.args == [0]
    assert re.fullmatch(r"0 fiches? créées?, 0 liées?, 49 déjà liées?\.", _plain(dialog))
    assert _contact_count(qtbot, open_thread) == 49


def test_failure_keeps_what_was_typed(qtbot: Any, pz_uuid: str, open_thread: DbThread) -> None:
    dialog = ContactGridDialog(open_thread, "test:ui", "00000000-0000-4000-8000-000000000000")
    qtbot.addWidget(dialog)
    dialog.set_cell(0, COLUMNS.index("nom"), "Lefèvre")
    dialog.set_cell(0, COLUMNS.index("prenom"), "Éloïse")
    dialog.set_cell(0, COLUMNS.index("date_naissance"), "02/03/1941")
    assert dialog.create_button.isEnabled()
    dialog.preview_timer.stop()
    ticket_done = dialog.summary
    dialog.create_fiches()
    qtbot.waitUntil(lambda: "Aucune fiche créée" in ticket_done.text(), timeout=10_000)
    assert "n’existe plus" in dialog.summary.text()
    assert dialog.cell_text(0, 0) == "Lefèvre"
    assert dialog.cell_text(0, 1) == "Éloïse"
    assert dialog.table.isEnabled() and dialog.create_button.isEnabled()
    assert _contact_count(qtbot, open_thread) == 0


def test_typed_row_grows_the_grid_and_enter_moves_down(
    qtbot: Any, pz_uuid: str, open_thread: DbThread
) -> None:
    dialog = ContactGridDialog(open_thread, "test:ui", pz_uuid)
    qtbot.addWidget(dialog)
    rows = dialog.table.rowCount()
    dialog.set_cell(rows - 1, 0, "Martin")
    assert dialog.table.rowCount() == rows + 1
    dialog.table.setCurrentCell(2, 1)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            dialog.table, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        )
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (3, 1)
    assert dialog.summary.text() == "1 personne prête à créer."


def test_accented_text_typed_in_a_cell_then_enter_goes_down(
    qtbot: Any, pz_uuid: str, open_thread: DbThread
) -> None:
    dialog = ContactGridDialog(open_thread, "test:ui", pz_uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setCurrentCell(0, 0)
    dialog.table.edit(dialog.table.currentIndex())
    editor = dialog.table.findChild(QLineEdit)
    assert editor is not None
    type_text(editor, "Lefèvre")
    press_key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.cell_text(0, 0) == "Lefèvre")  # Qt commits queued
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (1, 0)
    assert dialog.summary.text() == "1 personne prête à créer."

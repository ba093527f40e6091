"""The Impression menu and the establishment dialog, driven offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from app.db.repositories import journal_rows
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.print.render import DocumentKind, PaperFormat
from app.ui.establishment_dialog import EstablishmentDialog
from app.ui.print_menu import Job, PrintMenu, Target
from app.workers.db_thread import DbThread
from tests.print.test_documents import COMPLETE, NAME, page_size, text_of
from tests.ui.helpers import type_text

USER = "test:print"

# The offscreen platform (tests only) warns when a top-level window with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def thread(qtbot, data_dir: Path) -> Iterator[DbThread]:
    init_store(data_dir)
    db_thread = DbThread()
    db_thread.start()
    ticket = db_thread.open(lambda: (open_store(data_dir), None))
    with qtbot.waitSignal(ticket.finished, timeout=10_000):
        pass
    yield db_thread
    assert db_thread.shutdown()


def on_db(qtbot, db_thread: DbThread, fn):  # type: ignore[no-untyped-def]
    ticket = db_thread.submit(fn)
    with qtbot.waitSignal(ticket.finished, timeout=10_000) as blocker:
        pass
    return blocker.args[0]


def exports(qtbot, db_thread: DbThread) -> list[tuple[str, str]]:
    rows = on_db(qtbot, db_thread, journal_rows)
    return [(r[3], r[5]) for r in rows if r[3] in ("export", "impression")]


@pytest.fixture
def menu(qtbot, thread: DbThread) -> PrintMenu:
    window = QMainWindow()
    qtbot.addWidget(window)
    print_menu = PrintMenu(window, thread, USER)
    print_menu.build(window.menuBar())
    return print_menu


def configure(qtbot, db_thread: DbThread, values: dict[str, str]) -> None:
    on_db(qtbot, db_thread, lambda db: SettingsStore(db, USER).set_many(values))


def test_menu_lists_every_document_and_target(menu: PrintMenu) -> None:
    assert set(menu.actions) == {
        (kind, paper, target)
        for kind, paper in (
            (DocumentKind.POSTER, PaperFormat.A4),
            (DocumentKind.POSTER, PaperFormat.A3),
            (DocumentKind.NOTICE, None),
        )
        for target in (Target.PREVIEW, Target.PRINTER, Target.PDF)
    }


def test_pdf_export_from_the_menu_is_written_and_journaled(
    qtbot, menu: PrintMenu, thread: DbThread, tmp_path: Path
) -> None:
    configure(qtbot, thread, COMPLETE)
    menu.actions[(DocumentKind.POSTER, PaperFormat.A3, Target.PDF)].trigger()
    qtbot.waitUntil(lambda: isinstance(menu.dialog, QFileDialog) and menu.dialog.isVisible())
    target = tmp_path / "affiche-A3.pdf"
    with qtbot.waitSignal(menu.done, timeout=10_000) as done:
        menu.dialog.selectFile(str(target))
        menu.dialog.accept()
    assert done.args == [f"Document enregistré : {target}"]
    assert page_size(target) == ("842x1191", 1)
    assert NAME in text_of(target)
    qtbot.waitUntil(lambda: exports(qtbot, thread) == [("export", "affiche A3 fr pdf")])


def test_print_dialog_prints_the_notice(
    qtbot, menu: PrintMenu, thread: DbThread, tmp_path: Path
) -> None:
    configure(qtbot, thread, COMPLETE)
    menu.start(Job(DocumentKind.NOTICE, None, Target.PRINTER))
    qtbot.waitUntil(lambda: isinstance(menu.dialog, QPrintDialog) and menu.dialog.isVisible())
    assert menu.printer is not None
    out = tmp_path / "printed.pdf"
    menu.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    menu.printer.setOutputFileName(str(out))
    # done(), not accept(): accept() would first copy the dialog's printer choice
    # (none offscreen) over the PDF output set above.
    menu.dialog.done(QDialog.DialogCode.Accepted)
    assert page_size(out) == ("842x595", 1)
    assert text_of(out).count("38663") == 2
    # Printing to a file is an export.
    qtbot.waitUntil(lambda: exports(qtbot, thread) == [("export", "notice fr pdf")])


def test_preview_paints_one_page_and_a_print_is_journaled(
    qtbot, menu: PrintMenu, thread: DbThread
) -> None:
    configure(qtbot, thread, COMPLETE)
    menu.start(Job(DocumentKind.POSTER, PaperFormat.A4, Target.PREVIEW))
    qtbot.waitUntil(
        lambda: isinstance(menu.dialog, QPrintPreviewDialog) and menu.dialog.isVisible()
    )
    preview = menu.dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1)
    assert exports(qtbot, thread) == []  # looking is not printing
    menu.dialog.done(QDialog.DialogCode.Accepted)  # what the preview does after printing
    # Without any printer (CI), Qt prints to a PDF file: that is an export.
    to_file = menu.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    expected = (
        ("export", "affiche A4 fr pdf") if to_file else ("impression", "affiche A4 fr imprimante")
    )
    qtbot.waitUntil(lambda: exports(qtbot, thread) == [expected])


def test_missing_settings_are_flagged_before_printing(
    qtbot, menu: PrintMenu, thread: DbThread
) -> None:
    configure(qtbot, thread, {"establishment.name": NAME})
    menu.start(Job(DocumentKind.POSTER, PaperFormat.A4, Target.PREVIEW))
    qtbot.waitUntil(lambda: menu.box is not None and menu.box.isVisible())
    text = menu.box.text()
    assert "N° FINESS" in text and "Référent ou DPO à contacter" in text
    assert "Nom de l’établissement" not in text
    menu.box.button(QMessageBox.StandardButton.Cancel).click()
    assert menu.dialog is None
    # "Imprimer quand même" goes on to the preview.
    menu.start(Job(DocumentKind.POSTER, PaperFormat.A4, Target.PREVIEW))
    qtbot.waitUntil(lambda: menu.box is not None and menu.box.isVisible())
    anyway = next(b for b in menu.box.buttons() if b.text() == "Imprimer quand même")
    anyway.click()
    qtbot.waitUntil(lambda: isinstance(menu.dialog, QPrintPreviewDialog))
    menu.dialog.reject()
    # "Renseigner l'établissement…" opens the dialog.
    menu.start(Job(DocumentKind.NOTICE, None, Target.PDF))
    qtbot.waitUntil(lambda: menu.box is not None and menu.box.isVisible())
    fill = next(b for b in menu.box.buttons() if b.text().startswith("Renseigner"))
    fill.click()
    qtbot.waitUntil(lambda: isinstance(menu.dialog, EstablishmentDialog))
    menu.dialog.reject()
    assert exports(qtbot, thread) == []


# ---------------------------------------------------------- establishment dialog


def test_establishment_dialog_saves_checked_values(qtbot, thread: DbThread) -> None:
    configure(qtbot, thread, {"establishment.name": "Ancien nom"})
    dialog = EstablishmentDialog(thread, USER)
    qtbot.addWidget(dialog)
    name = dialog.edits["establishment.name"]
    qtbot.waitUntil(lambda: name.isEnabled() and name.text() == "Ancien nom")

    name.clear()
    type_text(name, "EHPAD Les Tilleuls & <Sud>")
    type_text(dialog.edits["establishment.finess"], "750712185")  # wrong check digit
    assert dialog.editor.warnings["establishment.finess"].isVisibleTo(dialog)
    type_text(dialog.edits["establishment.contact_name"], "Référente Covid")
    type_text(dialog.edits["establishment.contact_phone"], "0145678912")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    stored = on_db(qtbot, thread, lambda db: SettingsStore(db, USER).all())
    assert stored["establishment.name"] == "EHPAD Les Tilleuls & <Sud>"
    assert stored["establishment.finess"] == "750712185"  # a warning, not a refusal
    assert stored["establishment.contact_phone"] == "+33145678912"
    keys = [r[5] for r in on_db(qtbot, thread, journal_rows) if r[2] == USER]
    assert "setting establishment.contact_phone" in keys
    assert not any("Tilleuls" in k or "0145" in k for k in keys)


def test_establishment_dialog_refuses_bad_values_and_keeps_them(
    qtbot, thread: DbThread, tmp_path: Path
) -> None:
    dialog = EstablishmentDialog(thread, USER)
    qtbot.addWidget(dialog)
    finess = dialog.edits["establishment.finess"]
    qtbot.waitUntil(finess.isEnabled)
    type_text(finess, "1234")
    dialog.save()
    assert dialog.problem.isVisibleTo(dialog)
    assert "rien n’a été enregistré" in dialog.problem.text()
    message = dialog.editor.messages  # each under its field
    assert "9 caractères" in message["establishment.finess"].text()
    assert message["establishment.finess"].isVisibleTo(dialog)
    assert finess.text() == "1234"

    finess.clear()
    type_text(dialog.edits["establishment.contact_email"], "dpo@")
    dialog.save()
    assert "e-mail" in message["establishment.contact_email"].text()
    assert message["establishment.finess"].isHidden()  # corrected

    dialog.edits["establishment.contact_email"].clear()
    bad_logo = tmp_path / "logo.png"
    bad_logo.write_bytes(b"not an image")
    dialog.edits["establishment.logo_path"].setText(str(bad_logo))
    dialog.save()
    assert "logo" in message["establishment.logo_path"].text()
    assert dialog.edits["establishment.logo_path"].text() == str(bad_logo)
    assert (
        on_db(qtbot, thread, lambda db: SettingsStore(db, USER).all())["establishment.finess"] == ""
    )


def test_main_window_has_the_print_menu(qtbot, thread: DbThread, data_dir: Path) -> None:
    from app.ui.main_window import MainWindow

    window = MainWindow(thread, data_dir, USER)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Fichier") < titles.index("&Impression") < titles.index("A&ide")
    assert window.print_menu.actions

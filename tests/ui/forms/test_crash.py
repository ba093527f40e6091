"""An uncaught exception: a French dialog with a reference, a report without personal data, the
draft kept."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app import logging_setup, paths
from app.db.drafts import DraftStore
from app.db.store import open_store
from app.ui.application import install_translators
from app.ui.crash import CrashHandler
from app.ui.forms.patient_zero import PatientZeroForm
from tests.support.markers import MARKERS, NIR, PHONE, SURNAME
from tests.ui.forms.conftest import USER
from tests.ui.helpers import type_text


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture
def logs() -> Iterator[Path]:
    path = logging_setup.setup_logging(logging.DEBUG)
    assert path is not None
    yield path
    logging_setup.shutdown_logging()


def _flush_db(qtbot, window) -> None:
    """Wait until every job queued so far on the database thread has run."""
    ticket = window._db_thread.submit(lambda db: None)
    qtbot.waitSignal(ticket.finished, timeout=10_000).wait()


def test_crash_keeps_the_draft_and_reports_no_personal_data(qtbot, window, store, logs):
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_form(), PatientZeroForm))
    form = window.workspace.current_form()
    binding = next(b for b in form.bindings if b.path == "nom_naissance")
    type_text(binding.focus_widget(), SURNAME)
    form._autosave_timer.stop()  # the crash comes before the autosave delay

    handler = CrashHandler(window.workspace.flush_drafts, lambda: window)
    handler.install()
    try:
        try:
            raise ValueError(f"nom {SURNAME}, NIR {NIR}, téléphone {PHONE}")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # as Qt does for an exception in a slot
        qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    finally:
        handler.uninstall()

    box = handler.box
    assert box.objectName() == "crash_box"
    reference = handler.references[0]
    assert "Une erreur interne est survenue" in box.text()
    assert "conservé en brouillon" in box.text()
    assert f"Référence de l’incident : {reference[:8]}" in box.informativeText()
    texts = box.text() + box.informativeText()
    assert not any(marker in texts for marker in MARKERS)

    # The report: a log record and a crash file, with the reference, without the markers.
    report_file = paths.logs_dir() / f"crash-{reference}.json"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["reference"] == reference and report["exception"]["type"] == "ValueError"
    assert report["exception"]["frames"][-1]["file"] == "test_crash.py"
    log_text = logs.read_text(encoding="utf-8")
    assert reference in log_text and "ValueError" in log_text
    for text in (log_text, report_file.read_text(encoding="utf-8")):
        assert not [m for m in MARKERS if m in text]

    # The typed name was written as an (encrypted) draft right away.
    _flush_db(qtbot, window)
    with open_store(store) as db:
        drafts = DraftStore(db, owner=USER).all()
    assert [d.uuid for d in drafts] == [form.fiche.uuid]
    assert SURNAME in json.dumps(drafts[0].data, ensure_ascii=False)

    # « Continuer »: the window and the form stay as they were.
    box.findChild(QPushButton, "continue").click()
    assert not box.isVisible() and window.isVisible()
    assert binding.raw() == SURNAME


def test_crash_on_another_thread_reaches_the_window(qtbot, window, logs):
    import threading

    handler = CrashHandler(window.workspace.flush_drafts, lambda: window)
    handler.install()
    try:

        def fail() -> None:
            raise RuntimeError(f"pool thread with {SURNAME}")

        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    finally:
        handler.uninstall()
    assert isinstance(handler.box, QMessageBox)
    assert handler.references[0][:8] in handler.box.informativeText()
    assert SURNAME not in logs.read_text(encoding="utf-8")
    handler.box.findChild(QPushButton, "continue").click()

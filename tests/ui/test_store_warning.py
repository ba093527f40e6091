"""The window warns when the store opened read-only (data missing, damaged): box, banner, status
bar; a save attempted meanwhile is refused with the French reason and the typing stays."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QToolBar

from app.core.models import PatientZero
from app.db import store, watermark
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.services.fiches import FicheService
from app.services.retention import SuspendedPurge
from app.ui.application import EXIT_OK, StartupFlow, install_translators
from app.ui.login import SignInDialog
from app.ui.store_warning import BANNER_NAME, BOX_NAME, STATUS_NAME
from app.workers.db_thread import DbThread
from tests.support.accounts import cheap_hasher  # noqa: F401  (autouse fixture)
from tests.ui.helpers import press_key, type_text

REFERENT = "mlefevre"
PASSWORD = "Référente du 3e étage"


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")


@pytest.fixture
def thread(qtbot) -> Iterator[DbThread]:
    db_thread = DbThread()
    db_thread.start()
    yield db_thread
    assert db_thread.shutdown()


def _fill(db: Database, count: int) -> None:
    service = FicheService(db, REFERENT)
    for i in range(count):
        service.save(PatientZero(birth_name=f"Essai{i}", first_names="Zoé"))


def _head(db: Database) -> int:
    head = watermark.read_head(db)
    assert head is not None
    return head.last_id


def _fiches(data_dir: Path) -> int:
    with store.open_store(data_dir, quick_check=False) as db:
        row = db.query_one("SELECT count(*) FROM fiches")
    assert row is not None
    return int(row[0])


@pytest.fixture
def station(data_dir: Path) -> Path:
    """A store with a référent and two fiches."""
    store.init_store(data_dir)
    with store.open_store(data_dir) as db:
        AccountStore(db).create_first_referent(REFERENT, PASSWORD)
        _fill(db, 2)
    return data_dir


@pytest.fixture
def rolled_back(station: Path, tmp_path: Path) -> int:
    """The database file of before three more fiches put back: the journal entries missing."""
    backup = tmp_path / "copie.db"
    with store.open_store(station) as db:
        old = _head(db)
    shutil.copy2(station / "tracing.db", backup)
    with store.open_store(station) as db:
        _fill(db, 3)
        new = _head(db)
    shutil.copy2(backup, station / "tracing.db")
    return new - old


@pytest.fixture
def flow(qtbot, thread, station) -> Iterator[StartupFlow]:
    f = StartupFlow(thread, station, "os-user")
    yield f
    if f.window is not None:
        for form in f.window.workspace.forms():
            form._autosave_timer.stop()
    for w in (f.window, f.dialog):
        if w is not None:
            w.close()
            w.deleteLater()


def _sign_in(qtbot, flow: StartupFlow) -> None:
    flow.start()
    qtbot.waitUntil(
        lambda: isinstance(flow.dialog, SignInDialog) and flow.dialog.isVisible(), timeout=10_000
    )
    dialog = flow.dialog
    type_text(dialog.form.login, REFERENT)
    type_text(dialog.form.password, PASSWORD)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as blocker:
        press_key(dialog.form.password, Qt.Key.Key_Return)
    assert blocker.args == [EXIT_OK]


def _checked(qtbot, flow: StartupFlow) -> watermark.StoreState:
    warning = flow.store_warning
    if warning.state is None:
        with qtbot.waitSignal(warning.checked, timeout=10_000):
            pass
    assert warning.state is not None
    return warning.state


def test_rolled_back_store_warns_and_refuses_a_save_keeping_the_typing(
    qtbot, flow, rolled_back: int, data_dir: Path
) -> None:
    _sign_in(qtbot, flow)
    state = _checked(qtbot, flow)
    assert state.rollback_detected and state.missing_entries == rolled_back
    window = flow.window
    box = flow.store_warning.box
    assert box is not None and box.objectName() == BOX_NAME
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Base en lecture seule"
    assert "lecture seule" in box.text()
    assert f"dernier état connu\u00a0: {rolled_back} (" in box.informativeText()
    assert "accept-restore" in box.informativeText()
    banner = window.findChild(QToolBar, BANNER_NAME)
    assert banner is not None and banner.isVisible()
    assert not banner.toggleViewAction().isVisible()  # cannot be hidden from the menu
    assert "Base en lecture seule" in banner.findChild(QLabel).text()
    status = window.findChild(QLabel, STATUS_NAME)
    assert status is not None and status.text() == "Base en lecture seule"
    box.accept()

    form = window.workspace.new_patient_zero()
    name = form.findChild(QLineEdit, "nom_naissance")
    name.setFocus()
    type_text(name, "Lefèvre")
    assert form.save()
    qtbot.waitUntil(
        lambda: window._error_box is not None and window._error_box.isVisible(), timeout=10_000
    )
    message = window._error_box.text()
    assert message.startswith("Modification refusée, rien n’a été enregistré.")
    assert f"dernier état connu\u00a0: {rolled_back} (" in message
    qtbot.waitUntil(lambda: not form.busy, timeout=10_000)
    assert name.text() == "Lefèvre" and form.has_unsaved()  # the typing stays on screen
    assert "Modification refusée" in form.status.text()
    assert _fiches(data_dir) == 2  # nothing written


def test_failed_integrity_check_is_told_in_the_window(
    qtbot, flow, station: Path, data_dir: Path
) -> None:
    watermark.record_integrity_failure(data_dir, store.store_id(data_dir), 1)
    _sign_in(qtbot, flow)
    state = _checked(qtbot, flow)
    assert state.integrity_failed and not state.rollback_detected
    box = flow.store_warning.box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "vérification d’intégrité de la base a échoué" in box.informativeText()
    assert "export, recréation de la base, import" in box.informativeText()
    assert flow.window.findChild(QToolBar, BANNER_NAME).isVisible()


def test_clean_store_shows_no_warning(qtbot, flow, station: Path) -> None:
    _sign_in(qtbot, flow)
    assert _checked(qtbot, flow).clean
    assert flow.store_warning.box is None
    assert flow.window.findChild(QToolBar, BANNER_NAME) is None
    assert flow.window.findChild(QLabel, STATUS_NAME) is None


@pytest.fixture
def overdue(station: Path) -> None:
    """One fiche past its deadline (so that a purge would delete it)."""
    with store.open_store(station) as db:
        db.execute(
            "UPDATE fiches SET deadline = ? WHERE id = (SELECT min(id) FROM fiches)",
            ("2000-01-01T00:00:00.000000Z",),
        )


def _written(data_dir: Path) -> tuple[int, int, int, int]:
    """What background work could write: drafts, sync runs, purge state, fiches."""
    with store.open_store(data_dir, quick_check=False) as db:
        counts = [
            db.query_one(f"SELECT count(*) FROM {table}")
            for table in ("drafts", "sync_runs", "purge_state", "fiches")
        ]
    return tuple(int(c[0]) for c in counts if c is not None)  # type: ignore[return-value]


def _no_error_box(window) -> bool:
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    modal = QApplication.activeModalWidget()
    return (
        not boxes
        and not isinstance(modal, QMessageBox)
        and (window._error_box is None or not window._error_box.isVisible())
    )


def test_read_only_background_work_skips_quietly(
    qtbot, flow, overdue, rolled_back: int, data_dir: Path
) -> None:
    """Autosave, sync and purge on a read-only store: no box, nothing written, said once."""
    before = _written(data_dir)
    _sign_in(qtbot, flow)
    assert not _checked(qtbot, flow).clean
    window = flow.window
    flow.store_warning.box.accept()
    qtbot.waitUntil(lambda: _no_error_box(window), timeout=10_000)

    # Typing: the autosave (drafts) skips quietly; the form says why, no box.
    form = window.workspace.new_patient_zero()
    name = form.findChild(QLineEdit, "nom_naissance")
    name.setFocus()
    type_text(name, "Lefèvre")
    qtbot.waitUntil(
        lambda: form.status.text() == "Brouillon non enregistré\u00a0: base en lecture seule",
        timeout=10_000,
    )
    assert name.text() == "Lefèvre" and form.has_unsaved()

    # A sync: nothing sent nor recorded, no box; the status bar says it is suspended.
    worker = window.sync_menu.worker
    qtbot.waitUntil(lambda: not worker.running, timeout=10_000)
    with (
        qtbot.assertNotEmitted(worker.failed, wait=0),
        qtbot.waitSignal(worker.finished, timeout=10_000) as synced,
    ):
        assert worker.sync_now()
    assert synced.args[0].outcome == "read_only"
    assert window.sync_menu.widget.online_label.text() == "envoi suspendu (lecture seule)"

    # A purge: suspended, said in the purge's place in the status bar.
    purge = window.purge
    with qtbot.waitSignal(purge.purged, timeout=15_000) as purged:
        purge.job.request("demande")
    report = purged.args[0]
    assert isinstance(report, SuspendedPurge) and report.fiches == 0 and report.overdue == 1
    assert purge.status.text() == "Purge suspendue\u00a0: base en lecture seule"
    assert "Fiches arrivées à échéance et gardées en attente\u00a0: 1." in purge.status.toolTip()
    assert "réparation de la base" in purge.status.toolTip()

    form.autosave()  # and once more, after the others
    qtbot.wait(50)
    assert _no_error_box(window)
    window.workspace.flush_drafts()
    form._autosave_timer.stop()
    assert _written(data_dir) == before  # no draft, no sync run, no purge mark, no deletion


def test_read_only_purge_is_told_by_doctor_and_the_purge_command(
    overdue, rolled_back: int, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.cli.store import doctor_report

    report = doctor_report()
    assert report["read_only"] and report["purge_suspended"] and report["purge_overdue"] == 1
    assert report["purge_warning"].startswith("Purge suspendue\u00a0: base en lecture seule.")
    before = _written(data_dir)
    assert main(["purge"]) == 0
    err = capsys.readouterr().err
    assert "Purge suspendue\u00a0: base en lecture seule." in err
    assert "gardées en attente\u00a0: 1." in err
    assert _written(data_dir) == before  # the overdue fiche stays, as found

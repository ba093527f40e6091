"""« En attente »: one count (the service's) for the status bar, the list and ``doctor``.

And « Synchroniser maintenant » with no central service configured says so,
and the status bar does not stay on « connexion… ».
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.clock import get_clock
from app.core.enums import LifecycleState, SyncState
from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.db.store import StoreOpener, init_store, open_store
from app.services.fiches import PENDING_QUERY, FicheQuery, FicheService, pending_sync_count
from app.sync import outbox
from app.sync.transport import FicheOutcome
from app.workers.sync_worker import SyncWorker, read_status
from tests.support.central_service import complete_patient_zero

USER = "test:ui"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    init_store()
    database = open_store()
    yield database
    database.close()


def _fiches_in_every_state(db: Database) -> None:
    """A draft, two validated unsent, one sent, one refused by the central service."""
    today = get_clock().now().date()
    repo = FicheRepository(db, USER)
    draft = complete_patient_zero(today, birth_name="Brouillon", state=LifecycleState.DRAFT)
    waiting = [complete_patient_zero(today, birth_name=f"Attente {i}") for i in range(2)]
    sent = complete_patient_zero(today, birth_name="Transmise")
    refused = complete_patient_zero(today, birth_name="Refusée")
    repo.save_many([draft, *waiting, sent, refused])
    versions = {f.uuid: f.version for f in (sent, refused)}
    outbox.apply_outcomes(
        db,
        [
            FicheOutcome(sent.uuid, sent.version, "accepted", reference="C-1"),
            FicheOutcome(refused.uuid, refused.version, "rejected", code="x", message="Refusée."),
        ],
        versions,
        get_clock().now() + timedelta(seconds=1),
        USER,
    )


def test_status_bar_list_and_doctor_agree(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.store import doctor_report

    _fiches_in_every_state(db)
    service = FicheService(db, USER)
    rows = service.list_rows(PENDING_QUERY, 0, 100)
    labels = [r.sync_state for r in service.list_rows(FicheQuery(), 0, 100)]
    assert labels.count(SyncState.PENDING) == 2  # what the list shows « en attente d'envoi »
    assert [r.sync_state for r in rows] == [SyncState.PENDING] * 2
    assert pending_sync_count(db) == 2
    assert read_status(db).pending == 2  # the status bar
    assert service.summary()["pending_sync"] == 2
    assert read_status(db).rejected == 1
    assert doctor_report()["pending_sync"] == 2  # doctor --json


def test_status_bar_follows_a_save_without_a_sync(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    """No server: the start-up drain says 0; a fiche validated afterwards shows at once."""
    from PySide6.QtWidgets import QMainWindow

    from app.ui.sync_menu import SyncMenu
    from app.workers.db_thread import DbThread

    thread = DbThread()
    thread.start()
    with qtbot.waitSignal(thread.open(lambda: (open_store(), None)).finished, timeout=10_000):
        pass
    window = QMainWindow()
    qtbot.addWidget(window)
    from PySide6.QtCore import QObject, Signal

    class Workspace(QObject):
        data_changed = Signal()

    window.workspace = Workspace(window)  # type: ignore[attr-defined]
    menu = SyncMenu(window, thread, data_dir, USER)
    try:
        with qtbot.waitSignal(menu.worker.finished, timeout=10_000):
            menu.build(window.menuBar())
        qtbot.waitUntil(lambda: menu.widget.pending_label.text() == "0 en attente")
        today = get_clock().now().date()
        FicheRepository(db, USER).save_many([complete_patient_zero(today)])
        window.workspace.data_changed.emit()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: menu.widget.pending_label.text() == "1 en attente")
    finally:
        menu.worker.shutdown()
        thread.shutdown()


def test_sync_now_without_a_server_says_how_to_configure(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from app.ui.sync_menu import SyncMenu
    from app.workers.db_thread import DbThread

    thread = DbThread()
    thread.start()
    with qtbot.waitSignal(thread.open(lambda: (open_store(), None)).finished, timeout=10_000):
        pass
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = SyncMenu(window, thread, data_dir, USER)
    worker = menu.worker
    try:
        # The start-up drain stays quiet: sync is simply off.
        with (
            qtbot.assertNotEmitted(menu.failed, wait=0),
            qtbot.waitSignal(worker.finished, timeout=10_000),
        ):
            menu.build(window.menuBar())
        assert menu.widget.online_label.text() == "service central à configurer"
        # « Synchroniser maintenant »: a clear message, then a truthful status.
        with qtbot.waitSignal(menu.failed, timeout=10_000) as said:
            menu.widget.action.trigger()
        message = said.args[0]
        assert message.startswith("Aucun service central n’est configuré\u00a0:")
        assert "Paramètres de synchronisation" in message
        assert "Jeton du compte partenaire" in message
        assert menu.widget.online_label.text() == "service central à configurer"
        assert menu.widget.action.isEnabled()
    finally:
        worker.shutdown()
        thread.shutdown()


def test_worker_alone_signals_not_configured_only_when_asked(qtbot: QtBot, db: Database) -> None:
    worker = SyncWorker(StoreOpener(), USER)
    try:
        with (
            qtbot.assertNotEmitted(worker.not_configured, wait=0),
            qtbot.waitSignal(worker.finished, timeout=10_000),
        ):
            worker.sync_now()  # the interval, the network coming back…
        with qtbot.waitSignal(worker.not_configured, timeout=10_000):
            worker.request_sync()
    finally:
        worker.shutdown()

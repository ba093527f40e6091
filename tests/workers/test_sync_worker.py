"""The sync worker and the status-bar widget, against the real central service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import Database
from app.db.store import open_store
from app.sync.config import SyncConfig
from app.ui.sync_status import SyncStatusWidget, TokenDialog
from app.workers.sync_worker import SyncWorker
from tests.support.central_service import FAST, TOKEN, USER, Central, make_fiches, start_central


def _worker(config: SyncConfig, **kw: float) -> SyncWorker:
    return SyncWorker(open_store, USER, config=config, policy=FAST, **kw)


@pytest.fixture
def worker(central: Central) -> Iterator[SyncWorker]:
    w = _worker(central.config())
    yield w
    w.shutdown()


def test_sync_now_reports_and_the_widget_shows_it(
    qtbot: QtBot, db: Database, central: Central, token_for: str, worker: SyncWorker
) -> None:
    make_fiches(db, 150)
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)
    totals: list[int] = []
    worker.progress.connect(lambda _done, total: totals.append(total))
    with qtbot.waitSignal(worker.finished, timeout=20_000) as blocker:
        worker.start()
    report = blocker.args[0]
    assert report.ok and report.accepted == 150
    assert totals and totals[-1] == 150
    assert widget.progress.maximum() == 150 and widget.progress.isHidden()
    qtbot.waitUntil(lambda: widget.pending_label.text() == "0 en attente")
    assert widget.online_label.text() == "en ligne"
    assert widget.last_label.text().startswith("dernière synchronisation : ")
    assert worker.interval.isActive() and worker.interval.interval() == 15 * 60_000


def test_one_sync_at_a_time_and_a_request_meanwhile_runs_after(
    qtbot: QtBot, db: Database, central: Central, token_for: str, worker: SyncWorker
) -> None:
    make_fiches(db, 60)
    central.faults.latency = 0.2
    reports = []
    worker.finished.connect(reports.append)
    assert worker.sync_now() is True
    assert worker.sync_now() is False and worker.sync_now() is False  # coalesced
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=20_000)
    assert reports[0].accepted == 60 and reports[1].accepted == 0
    assert not worker.running


def test_offline_then_the_probe_finds_the_service_back(
    qtbot: QtBot, db: Database, tmp_path: Path, central: Central, token_for: str
) -> None:
    make_fiches(db, 5)
    port = central.server.port
    config = central.config()
    central.server.stop()
    worker = _worker(config, probe_seconds=0.2)
    widget = SyncStatusWidget(worker)
    qtbot.addWidget(widget)
    try:
        with qtbot.waitSignal(worker.finished, timeout=20_000) as blocker:
            worker.sync_now()
        assert blocker.args[0].outcome == "offline"
        assert widget.online_label.text() == "hors ligne"
        assert widget.pending_label.text() == "5 en attente"
        assert worker.probe_timer.isActive()
        back = start_central(tmp_path / "central", port=port)
        try:
            with qtbot.waitSignal(worker.finished, timeout=20_000, check_params_cb=lambda r: r.ok):
                pass
            assert widget.online_label.text() == "en ligne"
            qtbot.waitUntil(lambda: widget.pending_label.text() == "0 en attente")
            assert not worker.probe_timer.isActive()
            assert len(back.server.storage.fiches()) == 5
        finally:
            back.server.stop()
    finally:
        worker.shutdown()


def test_network_back_triggers_a_sync(
    qtbot: QtBot, db: Database, central: Central, token_for: str, worker: SyncWorker
) -> None:
    from PySide6.QtNetwork import QNetworkInformation

    make_fiches(db, 2)
    with qtbot.waitSignal(worker.finished, timeout=20_000) as blocker:
        worker.on_reachability(QNetworkInformation.Reachability.Online)
    assert blocker.args[0].accepted == 2
    with qtbot.assertNotEmitted(worker.running_changed, wait=50):
        worker.on_reachability(QNetworkInformation.Reachability.Disconnected)


def test_refused_token_is_asked_for_then_saved_in_the_keyring(
    qtbot: QtBot, db: Database, central: Central, worker: SyncWorker
) -> None:
    from app.sync.config import get_token

    make_fiches(db, 3)
    with qtbot.waitSignal(worker.token_required, timeout=20_000) as blocker:
        worker.sync_now()
    dialog = TokenDialog(blocker.args[0])
    qtbot.addWidget(dialog)
    dialog.field.setText("court")
    dialog._accept()
    assert dialog.error.isVisible() is False or dialog.error.text()
    assert "16 caractères" in dialog.error.text() and dialog.field.text() == "court"
    dialog.token_entered.connect(worker.save_token)
    dialog.field.setText(TOKEN)
    with qtbot.waitSignal(worker.finished, timeout=20_000) as done:
        dialog._accept()
    assert done.args[0].accepted == 3
    assert get_token(central.url) == TOKEN


def test_a_known_problem_is_said_and_a_bug_stays_internal(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Any UserError (here a refused setting, not a store error) is said in French; anything
    else is a bug: « Erreur interne », logged by its type only."""
    from app.core.settings import SettingError

    def refused() -> Database:
        raise SettingError("Intervalle de synchronisation refusé.")

    def bug() -> Database:
        raise RuntimeError("patient Dupont")  # a bug's text may quote personal data

    known = SyncWorker(refused, USER, config=SyncConfig(server_url=""))
    try:
        with qtbot.waitSignal(known.failed, timeout=5000) as said:
            known.sync_now()
        assert said.args == ["Intervalle de synchronisation refusé."]
    finally:
        known.shutdown()
    assert "sync job failed" not in caplog.text

    broken = SyncWorker(bug, USER, config=SyncConfig(server_url=""))
    try:
        with qtbot.waitSignal(broken.finished, timeout=5000) as done:
            broken.sync_now()
        assert done.args[0].message == "Erreur interne de la synchronisation."
    finally:
        broken.shutdown()
    assert "sync job failed with RuntimeError" in caplog.text
    assert "Dupont" not in caplog.text

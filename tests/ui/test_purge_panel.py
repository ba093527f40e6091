"""The purge in the window: banner for untransmitted fiches, "Suppressions à venir", report."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from app.core.clock import FakeClock
from app.core.settings import RETENTION_MONTHS
from app.db.purge import next_due
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.services.fiches import FicheService
from app.ui.application import install_translators
from app.ui.purge_panel import PurgeBanner, PurgeControls, UpcomingDialog
from app.workers.db_thread import DbThread
from app.workers.purge_job import PurgeJob
from tests.support.purge import patient_zero, save_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)


@pytest.fixture(autouse=True)
def french(qapp: object) -> Iterator[None]:
    """The French translation (its plural forms) installed, as the program does."""
    assert install_translators("fr")
    yield


def _repo(db: object) -> FicheService:
    return FicheService(db, "test:ui")  # type: ignore[arg-type]


@pytest.fixture
def filled(fake_clock: FakeClock, data_dir: Path) -> dict[str, str]:
    """Fiches due in 3 days (one transmitted), 20 days and 60 days from NOW."""
    init_store(data_dir)
    db = open_store(data_dir)
    uuids = {}
    try:
        for name, days_left in (("3a", 3), ("3b", 3), ("20", 20), ("60", 60)):
            pz = patient_zero(f"Échéance{name}", len(uuids) + 1)
            # Created so that the deadline (3 months later) falls days_left after NOW.
            save_at(db, fake_clock, NOW + timedelta(days=days_left) - timedelta(days=91), pz)
            uuids[name] = pz.uuid
        db.execute("UPDATE fiches SET sync_state = 'sent' WHERE uuid = ?", (uuids["3b"],))
    finally:
        db.close()
    fake_clock.set(NOW)
    return uuids


@pytest.fixture
def db_thread(qtbot: QtBot, data_dir: Path, filled: dict[str, str]) -> Iterator[DbThread]:
    thread = DbThread()
    thread.start()
    ticket = thread.open(lambda: (open_store(data_dir), None))
    with qtbot.waitSignal(ticket.finished, timeout=10_000):
        pass
    yield thread
    assert thread.shutdown()


def test_banner_warns_about_untransmitted_fiches_near_their_deadline(
    qtbot: QtBot, db_thread: DbThread
) -> None:
    banner = PurgeBanner(db_thread, "test:ui")
    qtbot.addWidget(banner)
    banner.refresh()
    qtbot.waitUntil(lambda: bool(banner.facts))
    assert not banner.isHidden()
    text = banner.text.text()
    # One untransmitted fiche within 7 days; the transmitted one is not counted.
    assert text == (
        "1 fiche non transmise sera supprimée d’ici le 28/11/2026 11:00 "
        "(délai de conservation) : transmettez-la maintenant."
    )
    with qtbot.waitSignal(banner.show_upcoming):
        banner.view.click()


def test_banner_hidden_when_nothing_is_at_risk(
    qtbot: QtBot, db_thread: DbThread, fake_clock: FakeClock
) -> None:
    fake_clock.set(NOW - timedelta(days=30))
    banner = PurgeBanner(db_thread, "test:ui")
    qtbot.addWidget(banner)
    banner.refresh()
    qtbot.waitUntil(lambda: bool(banner.facts))
    assert banner.isHidden()


def test_upcoming_dialog_lists_7_and_30_days_earliest_first(
    qtbot: QtBot, db_thread: DbThread
) -> None:
    dialog = UpcomingDialog(db_thread, _repo)
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert "2 fiches seront supprimées dans les 7 prochains jours." in dialog.summary.text()
    dialog.days_30.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    names = [dialog.model.index(r, 1).data() for r in range(3)]
    assert names == ["ÉCHÉANCE3A Hélène", "ÉCHÉANCE3B Hélène", "ÉCHÉANCE20 Hélène"]
    dates = [dialog.model.index(r, 0).data() for r in range(3)]
    assert dates[0] <= dates[1] and dates[0].endswith(":00") and dates[2].startswith("14/12/2026")
    header = dialog.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Suppression le"


def test_purge_report_in_status_bar_and_list_refreshed(
    qtbot: QtBot, db_thread: DbThread, data_dir: Path, fake_clock: FakeClock
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("liste"))
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.start(paused=True)
    job = PurgeJob(lambda: open_store(data_dir), scheduler=scheduler)
    refreshed: list[bool] = []
    controls = PurgeControls(
        window,
        db_thread,
        data_dir,
        "test:ui",
        _repo,
        job=job,
        on_purged=lambda: refreshed.append(True),
    )
    controls.install(window.menuBar())
    assert [a.text() for a in window.menuBar().actions()] == ["&Conservation"]
    assert window.centralWidget().layout().itemAt(0).widget() is controls.banner

    fake_clock.set(NOW + timedelta(days=4))
    with qtbot.waitSignal(controls.purged, timeout=10_000) as blocker:
        threading.Thread(target=job._run, args=["echeance"]).start()  # as a pool thread would
    assert blocker.args[0].fiches == 2
    assert controls.status.text() == "2 fiches supprimées le 28/11/2026 11:00"
    assert refreshed == [True]
    qtbot.waitUntil(lambda: controls.status.toolTip().startswith("Prochaine suppression : "))

    # A change made elsewhere (here: a shorter retention setting) is noticed and armed for.
    db = open_store(data_dir)
    try:
        SettingsStore(db, "test:ui").set(RETENTION_MONTHS, 1)
        earliest = next_due(db)
    finally:
        db.close()
    assert earliest is not None and (job.armed_at is None or earliest < job.armed_at)
    controls.check_next_deadline()
    qtbot.waitUntil(lambda: job.armed_at == earliest)
    window.close()
    scheduler.shutdown(wait=False)

"""The sync menu in the main window: quiet until configured, settings dialog, then a sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.connection import Database
from app.db.store import open_store
from app.workers.db_thread import DbThread
from tests.support.central_service import Central, make_fiches

USER = "test:ui"
# The offscreen platform's notice when a dialog is shown: not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def thread(qtbot: QtBot, db: Database) -> Iterator[DbThread]:
    t = DbThread()
    t.start()
    with qtbot.waitSignal(t.open(lambda: (open_store(), None)).finished, timeout=10_000):
        pass
    yield t
    t.shutdown()


def test_menu_settings_then_sync(
    qtbot: QtBot, db: Database, thread: DbThread, data_dir: Path, central: Central, token_for: str
) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.sync_menu import SyncSettingsDialog

    make_fiches(db, 4)
    window = MainWindow(thread, data_dir, USER)
    qtbot.addWidget(window)
    menu = window.sync_menu
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Synchronisation" in titles
    worker = menu.worker
    # Not configured yet: the first drain is quiet (no error shown).
    with (
        qtbot.assertNotEmitted(menu.failed, wait=0),
        qtbot.waitSignal(worker.finished, timeout=10_000) as first,
    ):
        pass
    assert first.args[0].outcome == "config" and not worker.configured
    assert menu.widget.pending_label.text() == "4 en attente"

    dialog = SyncSettingsDialog(thread, USER, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.interval.value() == 15)
    dialog.server.setText("ftp://central.exemple.fr")
    dialog.save()
    assert not dialog.error.isHidden()
    assert "https://" in dialog.editor.messages["sync.server_url"].text()
    assert dialog.server.text() == "ftp://central.exemple.fr"  # kept for correction
    dialog.server.setText("http://central.exemple.fr")  # the one URL rule: not to a remote
    dialog.save()
    assert "refusée" in dialog.editor.messages["sync.server_url"].text()
    dialog.server.setText(central.url)
    dialog.ca_bundle.setText(central.ca)
    dialog.saved.connect(worker.sync_now)
    with qtbot.waitSignal(worker.finished, timeout=20_000) as done:
        dialog.save()
    assert done.args[0].ok and done.args[0].accepted == 4
    qtbot.waitUntil(lambda: menu.widget.pending_label.text() == "0 en attente")
    assert menu.widget.online_label.text() == "en ligne"
    window.close()


def test_refused_fiche_shows_the_server_message(
    qtbot: QtBot, db: Database, thread: DbThread, data_dir: Path, central: Central, token_for: str
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from app.core.models import InformationGiven
    from app.db.repositories import FicheRepository
    from app.sync.engine import drain_once
    from app.ui.sync_menu import SyncMenu
    from tests.support.central_service import FAST

    fiches = make_fiches(db, 50)
    # Validated by an older version, before the information became required.
    fiches[16].information = InformationGiven()
    FicheRepository(db, USER).save(fiches[16])
    assert drain_once(db, USER, config=central.config(), policy=FAST).rejected == 1
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = SyncMenu(window, thread, data_dir, USER)
    menu.show_refused()
    qtbot.waitUntil(lambda: hasattr(menu, "refused_dialog"))
    table = menu.refused_dialog.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "FICHE 16 Élise"
    assert table.item(0, 1).text() == "refusée"
    assert table.item(0, 2).text().startswith("Fiche refusée par le service central : ")
    window.close()

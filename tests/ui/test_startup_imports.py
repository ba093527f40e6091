"""Start-up loads only what the first screen needs (issue 16, item 1).

A fresh interpreter imports the graphical entry's modules up to the main window
(what ``tracing-desk`` loads before its first window) and must not have loaded
the central service, the spreadsheet library, the scheduler, the HTTP client,
the print stack nor the phone-number metadata: each of them is loaded when
first used. The background jobs (purge, sync) start once the window is drawn
with its list, never before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

#: Never loaded before the first window (each one loads when first used).
NOT_AT_START = (
    "fastapi",
    "uvicorn",
    "starlette",
    "central",
    "openpyxl",
    "apscheduler",
    "httpx",
    "phonenumbers",
    "stdnum",
    "PySide6.QtPrintSupport",
    "app.print.render",
    "app.print.output",
    "app.sync.transport",
    "app.sync.engine",
    "app.ui.settings_dialog",
    "app.ui.first_run",
)

PROBE = """
import json, sys
import app.launcher
import app.ui.application
import app.ui.main_window
print(json.dumps(sorted(name for name in sys.modules)))
"""


def loaded_at_start() -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_the_first_window_loads_none_of_the_heavy_libraries() -> None:
    loaded = loaded_at_start()
    assert "app.ui.main_window" in loaded  # the probe did import the window
    found = sorted(
        name
        for name in loaded
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START)
    )
    assert found == [], f"loaded before the first window: {found}"


@pytest.fixture
def store(make_store):
    return make_store(300)


def test_background_jobs_start_once_the_list_is_on_screen(
    qtbot, store: Path, data_dir: Path, open_thread
) -> None:
    window = MainWindow(open_thread, data_dir, "test:ui")
    qtbot.addWidget(window)
    assert not window.background_started
    assert not window.purge.job.scheduler.running
    window.show()
    qtbot.waitExposed(window)
    assert not window.background_started  # drawn, but the list is not in yet
    with qtbot.waitSignal(window.fiches.model.count_changed, timeout=10_000):
        window.refresh()
    qtbot.waitUntil(lambda: window.background_started, timeout=5_000)
    assert window.purge.job.scheduler.running
    qtbot.waitUntil(lambda: window.purge.job.last_report is not None, timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_menu.worker.last_report is not None, timeout=10_000)
    window.close()


def test_a_window_never_shown_starts_its_jobs_all_the_same(
    qtbot, store: Path, data_dir: Path, open_thread
) -> None:
    window = MainWindow(open_thread, data_dir, "test:ui")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sync_menu.worker.finished, timeout=10_000):
        pass
    assert window.background_started and window.purge.job.scheduler.running
    window.close()


def test_a_window_closed_before_its_first_screen_starts_nothing(
    qtbot, store: Path, data_dir: Path, open_thread
) -> None:
    window = MainWindow(open_thread, data_dir, "test:ui")
    qtbot.addWidget(window)
    window.close()
    with (
        qtbot.assertNotEmitted(window.sync_menu.worker.running_changed, wait=2_500),
        qtbot.assertNotEmitted(window.purge.job.started, wait=0),
    ):
        pass
    assert window.purge.job.last_report is None

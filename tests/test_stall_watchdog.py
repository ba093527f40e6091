"""The stall watchdog (tests/support/stall_watchdog.py) measures UI-thread stalls."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from stall_watchdog import RECORDER


def test_a_blocked_ui_thread_is_recorded_as_a_stall(qtbot) -> None:
    blocked = []

    def block_ui_thread() -> None:  # a slot doing 60 ms of work on the UI thread
        end = time.perf_counter() + 0.060
        while time.perf_counter() < end:
            pass
        blocked.append(RECORDER.ticks)

    qtbot.waitUntil(lambda: RECORDER.ticks >= 2, timeout=5_000)  # the watchdog ticks
    QTimer.singleShot(0, block_ui_thread)
    qtbot.waitUntil(lambda: bool(blocked) and RECORDER.ticks >= blocked[0] + 1, timeout=5_000)

    assert RECORDER.current_ms >= 50

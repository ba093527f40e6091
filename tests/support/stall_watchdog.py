"""Stall watchdog for the UI tests: the longest UI-thread stall of each test, printed.

While a test that uses ``qtbot`` runs (its call phase), a 5 ms ``QTimer`` ticks
on the UI thread and the longest gap between two consecutive ticks is kept:
the longest time the event loop did not turn, in the program's slots or in the
test's own code between two waits. At the end of the session the 10 tests with
the longest stalls are listed in the terminal summary, so that a regression
shows where it comes from. Nothing is asserted here: test outcomes never change.

Registered from ``tests/conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

TICK_MS = 5
SHOWN = 10


class StallRecorder:
    """Ticks a 5 ms timer on the UI thread and keeps the longest gap between ticks."""

    def __init__(self) -> None:
        self.results: dict[str, float] = {}  # test node id -> longest gap (ms)
        self.current_ms = 0.0  # longest gap so far in the running test
        self.ticks = 0  # ticks so far in the running test
        self._timer: Any = None
        self._clock: Any = None
        self._last_ns: int | None = None

    def start(self) -> bool:
        """Start ticking if a QApplication exists; return whether it started."""
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            return False
        self.current_ms = 0.0
        self.ticks = 0
        self._last_ns = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        return True

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        if self._last_ns is not None:
            self.current_ms = max(self.current_ms, (now - self._last_ns) / 1e6)
        self._last_ns = now
        self.ticks += 1

    def stop(self, nodeid: str) -> None:
        """Stop the timer and record the test's longest gap."""
        if self._timer is not None:
            self._timer.stop()
            self._timer.timeout.disconnect(self._tick)
            self._timer.deleteLater()
            self._timer = None
        self._clock = None
        self.results[nodeid] = self.current_ms

    def worst(self, count: int = SHOWN) -> list[tuple[str, float]]:
        """The *count* tests with the longest stalls, longest first.

        Tests whose event loop never turned twice while the watchdog ran (0 ms)
        are left out: nothing was measured for them.
        """
        measured = [(nodeid, ms) for nodeid, ms in self.results.items() if ms > 0]
        return sorted(measured, key=lambda kv: kv[1], reverse=True)[:count]


RECORDER = StallRecorder()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    watched = "qtbot" in getattr(item, "fixturenames", ()) and RECORDER.start()
    try:
        yield
    finally:
        if watched:
            RECORDER.stop(item.nodeid)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    worst = RECORDER.worst()
    if not worst:
        return
    terminalreporter.write_sep(
        "-", f"longest UI-thread stalls ({TICK_MS} ms watchdog, not asserted)"
    )
    for nodeid, ms in worst:
        terminalreporter.write_line(f"{ms:8.1f} ms  {nodeid}")

"""Emit Qt signals from Python without tripping a PySide6 reference-count bug.

In PySide6 6.12, ``SignalInstance.emit()`` returns ``True`` without taking a
reference to it: every emit from Python drops one reference to ``True``, and
after a few hundred emits Python 3.11 aborts with "bool_dealloc: deallocating
True or False". :func:`emit` gives the reference back when (and only when)
the bug is present, detected once at import by a probe. Every signal emitted
from our Python code goes through it.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBES = 8


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    results = [probe.ping.emit() for _ in range(_PROBES)]
    lost = before + sum(r is True for r in results) - sys.getrefcount(True)
    for result in results:  # repair the probe's own damage
        if lost >= _PROBES // 2 and isinstance(result, bool):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
    return lost >= _PROBES // 2


EMIT_STEALS_A_REFERENCE = _emit_steals_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping Python's ``True``/``False`` alive."""
    result = signal.emit(*args)
    if EMIT_STEALS_A_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))

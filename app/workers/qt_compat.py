"""Work around reference-count bugs of PySide6 6.12 on Python 3.11.

Measured in this PySide6 build: every call of a C++ method that returns
nothing (``setText``, ``update``, ``processEvents``, ``QTimer.start``…)
returns ``None`` without taking a reference to it, and ``SignalInstance.emit``
does the same with ``True``. Each call thus drops one reference to a
singleton that Python 3.11 still counts; after enough calls (minutes of real
use, a few thousand signal emits) the count reaches zero and Python aborts
with "none_dealloc: deallocating None" or "bool_dealloc: deallocating True".

Python 3.12 makes these singletons immortal. :func:`install` does the same
here, once, if (and only if) a probe shows the bug: it gives ``None``,
``True`` and ``False`` so many references (2**60) that no run can exhaust
them. Import this module before using Qt (``app.ui`` and the database thread
do); calling :func:`install` again is harmless.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBES = 16
_HEADROOM = 1 << 60
_installed = False


class _Probe(QObject):
    ping = Signal()


def _refcount_cell(obj: object) -> ctypes.c_ssize_t | None:
    """The object's reference count field, if this interpreter's layout is the usual one."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return None  # immortal singletons already, or a debug build's different layout
    cell = ctypes.c_ssize_t.from_address(id(obj))
    for _ in range(10):  # another thread may move the count between the two reads
        # getrefcount() counts its own argument: the field must read one less.
        if cell.value == sys.getrefcount(obj) - 1:
            return cell
    return None


def _drops_references() -> bool:
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")  # a method returning nothing
    # The stubs say emit() returns None; at run time it returns True (and drops it).
    emit: Any = probe.ping.emit
    results = [emit() for _ in range(_PROBES)]
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before + sum(r is True for r in results) - sys.getrefcount(True)
    return lost_none >= _PROBES // 2 or lost_true >= _PROBES // 2


def install() -> bool:
    """Make ``None``/``True``/``False`` unkillable if PySide drops references to them.

    Returns whether the fix is in place.
    """
    global _installed
    if _installed:
        return True
    if not _drops_references():
        return False
    cells = [_refcount_cell(obj) for obj in (None, True, False)]
    if any(cell is None for cell in cells):
        return False
    for cell in cells:
        assert cell is not None
        cell.value += _HEADROOM
    _installed = True
    return True


BUG_PRESENT_AND_FIXED = install()

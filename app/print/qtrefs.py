"""Give back the references to ``None`` that PySide6 6.12 drops on Python 3.11.

With PySide6 6.12 under Python 3.11, each call of a Qt method that returns
nothing (``setHtml``, ``setTextWidth``, ``QPainter.scale``…) takes one
reference away from ``None`` (3.12 made ``None`` immortal, which hides it).
Laying out and painting a poster makes a few hundred such calls: after a
dozen documents ``None``'s count reaches zero and Python aborts with
"none_dealloc: deallocating None".

:func:`none_refs_repaired` measures ``None``'s count around a block and adds
back what went missing, only where a probe at import saw the bug. Other
threads may move the count meanwhile; the repair can then be slightly too
generous, which is harmless (``None`` lives for the whole process anyway).
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QRectF

_PROBES = 16
P = ParamSpec("P")
R = TypeVar("R")


def _void_calls_steal_none() -> bool:
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        rect.setWidth(1.0)
    lost = before - sys.getrefcount(None)
    _give_back(max(lost, 0))
    return lost >= _PROBES // 2


def _give_back(count: int) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


VOID_CALLS_STEAL_NONE = _void_calls_steal_none()


@contextmanager
def none_refs_repaired() -> Iterator[None]:
    """Run the block, then give ``None`` back the references Qt calls took from it."""
    if not VOID_CALLS_STEAL_NONE:
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        _give_back(max(before - sys.getrefcount(None), 0))


def repairs_none_refs(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`none_refs_repaired`."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with none_refs_repaired():
            return fn(*args, **kwargs)

    return wrapper

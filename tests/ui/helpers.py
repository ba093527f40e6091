"""Helpers shared by the UI tests."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type *text* into *widget* with real key events, one character at a time.

    ``qtbot.keyClicks`` aborts PySide6 6.12 on accented text, so each character
    is sent as a KeyPress/KeyRelease pair that carries the character itself.
    """
    for char in text:
        key = _key_for(char)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.sendEvent(widget, event)


def press_key(widget: QWidget, key: Qt.Key) -> None:
    """Press and release a non-text key (Backspace, Return, ...)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def _key_for(char: str) -> int:
    if char.isascii() and (char.isalnum() or char in " /-.+"):
        return ord(char.upper())
    return int(Qt.Key.Key_unknown)

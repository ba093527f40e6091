"""Translation markers for the Qt-free layers.

``QT_TRANSLATE_NOOP("core", "…")`` returns its text unchanged; ``pyside6-lupdate``
finds the call by name and puts the string in the ``.ts`` files, and the UI
translates it with ``QCoreApplication.translate("core", text)`` *before*
formatting any ``{placeholder}``. Source strings are French.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text

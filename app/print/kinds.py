"""What can be printed, in which paper format: Qt-free, so the menu can name them
without loading the print stack (``app.print.render`` re-exports both)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    POSTER = "affiche"
    NOTICE = "notice"


class PaperFormat(StrEnum):
    A4 = "A4"
    A3 = "A3"

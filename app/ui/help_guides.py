"""The guides of the help window: finding them, their Markdown, headings and search.

The Markdown guides of ``docs/`` (of the sources, or of the PyInstaller
bundle), each missing illustration replaced by its caption; a heading's anchor
(:func:`slug`); the table of contents of a rendered document
(:func:`headings`); the accent- and apostrophe-blind search pattern
(:func:`search_pattern`). The window itself is :class:`app.ui.help.HelpWindow`.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication


def slug(text: str) -> str:
    """A heading's anchor: lower case, without its number and punctuation, dashes."""
    value = text.strip().casefold()
    value = re.sub(r"^\d+(\.\d+)*\.?\s+", "", value)
    value = re.sub(r"[^\w\s-]", "", value)
    return re.sub(r"[\s_]+", "-", value).strip("-")


# -- the guides ------------------------------------------------------------------------
def guides_dir() -> Path:
    """``docs/`` of the bundle (PyInstaller) or of the sources."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "docs"
    return Path(__file__).resolve().parents[2] / "docs"


_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def guide_markdown(name: str, folder: Path | None = None) -> str | None:
    """The guide's Markdown, each missing illustration replaced by its caption (None: absent)."""
    folder = folder or guides_dir()
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None

    def image(match: re.Match[str]) -> str:
        if (folder / match[2]).is_file():
            return match[0]
        caption = match[1].strip()
        missing = QApplication.translate("HelpWindow", "illustration absente")
        return f"*[{caption} — {missing}]*" if caption else f"*[{missing}]*"

    return _IMAGE.sub(image, text)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    anchor: str
    position: int


def headings(document: QTextDocument) -> list[Heading]:
    """The document's headings, in order (the table of contents)."""
    found: list[Heading] = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0 and block.text().strip():
            text = block.text().strip()
            found.append(Heading(level, text, slug(text), block.position()))
        block = block.next()
    return found


# -- the search ------------------------------------------------------------------------
_FOLDS = {
    "a": "aàâäáã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïí",
    "o": "oôöóõ",
    "u": "uùûüú",
    "y": "yÿ",
    "n": "nñ",
}


def search_pattern(text: str) -> str:
    """A regular expression for *text* that ignores accents, apostrophes and space kinds."""
    parts = []
    for char in text:
        base = unicodedata.normalize("NFD", char.casefold())[0]
        if base in _FOLDS:
            letters = _FOLDS[base]
            parts.append(f"[{letters}{letters.upper()}]")
        elif char in "'’":
            parts.append("['’]")
        elif char.isspace():
            parts.append("[\\s\u00a0\u202f]+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)

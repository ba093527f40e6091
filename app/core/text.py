"""Text helpers for search and display of names and phones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.core.enums import Sex
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import Fiche

_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        # apostrophes and hyphens separate words
        "'": " ",
        "’": " ",
        "‘": " ",
        "ʼ": " ",
        "`": " ",
        "´": " ",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "‒": " ",
        "–": " ",
        "—": " ",
        "_": " ",
    }
)
_WS = re.compile(r"\s+")
_NON_DIGIT = re.compile(r"\D+")

NO_NAME = QT_TRANSLATE_NOOP("core", "(sans nom)")


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form for searching.

    ``fold("  Lætitia  D'Orléans-Œuvre ") == "laetitia d orleans oeuvre"``.
    """
    if text.isascii():
        # The same result for ASCII text (nothing to decompose, casefold is
        # lower): a bulk save folds three names per fiche.
        return _WS.sub(" ", text.translate(_LIGATURES).lower()).strip()
    # decompose, then case-fold, then decompose again: casefold may recompose
    # ("İ" → "i̇") and NFKD may produce an apostrophe or a hyphen (fullwidth forms)
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).casefold()
    text = unicodedata.normalize("NFKD", text).translate(_LIGATURES)
    stripped = text.translate(_NO_MARKS)
    return _WS.sub(" ", stripped).strip()


class _Marks(dict[int, int | None]):
    """``str.translate`` table dropping combining marks: code point → itself, or
    ``None`` for a mark (``unicodedata.combining``), filled as characters are met."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_NO_MARKS = _Marks()


def search_name(fiche: Fiche) -> str:
    """The database's ``search_name`` column: folded birth name, usage name and first names."""
    parts: list[str] = []
    for value in (fiche.birth_name, fiche.usage_name, fiche.first_names):
        folded = fold(value)
        if folded and folded not in parts:
            parts.append(folded)
    return " ".join(parts)


def display_name(fiche: Fiche) -> str:
    """``"DURAND née MARTIN Marie"``: usage name (or birth name) in capitals, then first names.

    The birth name follows "né"/"née"/"né(e)" when it differs from the usage name.
    """
    return display_name_of(fiche.birth_name, fiche.usage_name, fiche.first_names, fiche.sex)


def display_name_of(birth_name: str, usage_name: str, first_names: str, sex: Sex | None) -> str:
    """:func:`display_name` from the four fields (a list row, without building a fiche)."""
    birth = " ".join(birth_name.split())
    usage = " ".join(usage_name.split())
    first = " ".join(first_names.split())
    parts: list[str] = []
    if usage:
        parts.append(usage.upper())
        if birth and fold(birth) != fold(usage):
            if sex is Sex.MALE:
                born = "né"
            elif sex is Sex.FEMALE:
                born = "née"
            else:
                born = "né(e)"
            parts.extend([born, birth.upper()])
    elif birth:
        parts.append(birth.upper())
    if first:
        parts.append(first)
    return " ".join(parts) if parts else NO_NAME


def phones_column(fiche: Fiche) -> str:
    """The database's ``phones`` column: E.164 numbers separated by spaces."""
    return " ".join(p.strip() for p in fiche.phones if p.strip())


def phones_digits(phones: Iterable[str]) -> str:
    """Digit strings to search phones by: each number international and, for +33, national.

    ``phones_digits(["+33612345678"]) == "33612345678 0612345678"``; search with
    ``query_digits(user_text)`` as a substring.
    """
    out: list[str] = []
    for phone in phones:
        digits = _NON_DIGIT.sub("", phone)
        if not digits:
            continue
        out.append(digits)
        if phone.strip().startswith("+33"):
            out.append("0" + digits[2:])
    return " ".join(out)


def query_digits(text: str) -> str:
    """The digits of a typed phone query (``"06 12-34"`` → ``"061234"``; ``+``/``00`` dropped)."""
    digits = _NON_DIGIT.sub("", text)
    if text.strip().startswith("00"):
        digits = digits[2:]
    return digits

"""Turning records into spreadsheet cells: French labels, French values, no formulas.

Columns are the leaf paths of ``app.core.labels.field_paths`` (one source of
truth for the headers). A value is read by walking the record's dataclass
fields by their French keys; a list gives its items joined by `` ; ``.

Every text cell goes through :func:`neutralise`: a value that a spreadsheet
would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe, so it opens as text (OWASP's
advice against CSV/formula injection). Characters a spreadsheet file cannot
hold (C0 controls but tab and line breaks, which openpyxl refuses; lone
surrogates; U+FFFE, U+FFFF) become U+FFFD first: a value stored by an older
version, or by an import before control characters were refused, still exports.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.core.dates import format_date, format_datetime
from app.core.enums import label_of
from app.core.identifiers import format_phone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " ; "
#: What XML 1.0 (so an .xlsx) cannot hold: ``openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE``
#: plus lone surrogates and the two non-characters U+FFFE, U+FFFF.
UNWRITABLE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def neutralise(text: str) -> str:
    """*text* such that a spreadsheet file can hold it and no spreadsheet reads it as a formula."""
    text = UNWRITABLE_RE.sub(REPLACEMENT, text)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _field_by_key(record: Any, key: str) -> Any:
    for f in dataclasses.fields(record):
        if f.metadata.get("key") == key:
            return getattr(record, f.name)
    raise KeyError(key)


def values_at(record: Any, path: str) -> list[Any]:
    """Every value at *path* (``"structures[].adresse.lignes[]"``) in *record*."""
    current: list[Any] = [record]
    for part in path.split("."):
        key = part.removesuffix("[]")
        found: list[Any] = []
        for item in current:
            if item is None:
                continue
            value = _field_by_key(item, key)
            if part.endswith("[]"):
                found.extend(value)
            else:
                found.append(value)
        current = found
    return current


def format_value(value: Any, path: str = "") -> str:
    """One value as the French text a person reads (dates jj/mm/aaaa)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, StrEnum):
        try:
            return label_of(value)
        except KeyError:
            return value.value
    if isinstance(value, datetime):
        return format_datetime(value)  # the establishment's clock
    if isinstance(value, date):
        return format_date(value)
    text = str(value)
    if text and path.rsplit(".", 1)[-1].removesuffix("[]") in ("telephone", "telephones"):
        return format_phone(text)
    return text


def cell_text(record: Any, path: str) -> str:
    """The neutralised text of the cell for *path* in *record*."""
    parts = [format_value(v, path) for v in values_at(record, path)]
    return neutralise(LIST_SEPARATOR.join(p for p in parts if p))


def neutralise_row(values: Iterable[str]) -> list[str]:
    return [neutralise(v) for v in values]

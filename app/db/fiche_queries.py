"""The list's queries: filters, the search text read as a date, digits or a name, one row.

A search text is a **date** only when written with separators (``jj/mm/aaaa``,
``j.m.aaaa``, ``aaaa-mm-jj``): eight digits typed together are a phone number
or a NIR, searched through the trigram index of digits (``schema``), never a
scan of every row. A name is matched word by word on the folded
``search_name`` column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, overload

from app.core import text
from app.core.enums import FicheKind, LifecycleState, Sex, SyncState
from app.db.timefmt import from_db, to_db

_DATE_FR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")

#: The columns :func:`row_from` reads (a page of the list).
ROW_COLUMNS = (
    "SELECT uuid, kind, state, birth_date, unit, created_at, deadline, sync_state,"
    " json_extract(data, '$.nom_naissance'), json_extract(data, '$.nom_usage'),"
    " json_extract(data, '$.prenoms'), json_extract(data, '$.sexe')"
    " FROM fiches"
)


@dataclass(frozen=True, slots=True)
class FicheQuery:
    """What the list shows: free-text search plus filters (all optional)."""

    text: str = ""
    kind: FicheKind | None = None
    state: LifecycleState | None = None
    sync_state: SyncState | None = None
    unit: str | None = None
    due_within_days: int | None = None


@dataclass(frozen=True, slots=True)
class FicheRow:
    """One line of the list of fiches."""

    uuid: str
    kind: FicheKind
    state: LifecycleState
    display_name: str
    birth_date: date | None
    unit: str
    created_at: datetime
    deadline: datetime
    sync_state: SyncState


@dataclass(slots=True)
class SearchClause:
    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.sql.append(sql)
        self.params.extend(params)

    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.sql)) if self.sql else ""


_DIGITS_MATCH = "id IN (SELECT rowid FROM fiche_digits WHERE fiche_digits MATCH ?)"


def _fts_phrase(value: str) -> str:
    """*value* as one FTS5 phrase (a substring for the trigram tokenizer)."""
    return '"' + value.replace('"', '""') + '"'


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _parse_search_date(value: str) -> date | None:
    match = _DATE_FR.match(value)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        match = _DATE_ISO.match(value)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return None


def query_text_kind(needle: str) -> str:
    """What a search text is read as (``date``, ``téléphone ou NIR``, ``NIR``, ``nom``).

    The journal records this kind of a consultation, never the text itself.
    """
    needle = needle.strip()
    if not needle:
        return ""
    if _parse_search_date(needle) is not None:
        return "date"
    compact = re.sub(r"[\s.\-/()]", "", needle)
    if compact.lstrip("+").isdigit() and len(compact) >= 4:
        return "téléphone ou NIR"
    upper = compact.upper()
    if len(upper) >= 7 and upper[:1] in "12" and upper[5:7] in ("2A", "2B"):
        return "NIR"
    return "nom"


def search_clause(query: FicheQuery, now: datetime) -> SearchClause:
    """The ``WHERE`` of *query* (filters, then the search text through its index)."""
    clause = SearchClause()
    if query.kind is not None:
        clause.add("kind = ?", query.kind.value)
    if query.state is not None:
        clause.add("state = ?", query.state.value)
    if query.sync_state is not None:
        clause.add("sync_state = ?", query.sync_state.value)
    if query.unit:
        clause.add("unit = ?", query.unit)
    if query.due_within_days is not None:
        limit = now + timedelta(days=query.due_within_days)
        clause.add("deadline <= ?", to_db(limit))
    needle = query.text.strip()
    if needle:
        _add_text(clause, needle)
    return clause


def _add_text(clause: SearchClause, needle: str) -> None:
    as_date = _parse_search_date(needle)
    if as_date is not None:
        clause.add("birth_date = ?", as_date.isoformat())
        return
    compact = re.sub(r"[\s.\-/()]", "", needle)
    if compact.lstrip("+").isdigit() and len(compact) >= 4:
        # NIR prefix, or any part of a phone number (national or international),
        # through the trigram index (``schema._DIGITS``), never a scan of every row.
        clause.add(
            _DIGITS_MATCH,
            f"phones:{_fts_phrase(text.query_digits(needle))}"
            f" OR nir:^{_fts_phrase(compact.lstrip('+'))}",
        )
        return
    upper = compact.upper()
    if len(upper) >= 7 and upper[:1] in "12" and upper[5:7] in ("2A", "2B"):
        clause.add(_DIGITS_MATCH, f"nir:^{_fts_phrase(upper)}")
        return
    for word in text.fold(needle).split():
        clause.add("search_name LIKE ? ESCAPE '\\'", "%" + _like_escape(word) + "%")


_KINDS = {m.value: m for m in FicheKind}
_STATES = {m.value: m for m in LifecycleState}
_SEXES = {m.value: m for m in Sex}
_SYNC_STATES = {m.value: m for m in SyncState}


def row_from(r: Sequence[Any]) -> FicheRow:
    """A :class:`FicheRow` from a row of :data:`ROW_COLUMNS`."""
    # No fiche is built for a row: a page of 200 is read on every search.
    # (Dictionaries rather than ``Enum(value)``: a quarter of the time; a value
    # outside the enumeration still fails, with KeyError.)
    return FicheRow(
        uuid=r[0],
        kind=_KINDS[r[1]],
        state=_STATES[r[2]],
        display_name=text.display_name_of(
            r[8] or "", r[9] or "", r[10] or "", _SEXES[r[11]] if r[11] else None
        ),
        birth_date=date.fromisoformat(r[3]) if r[3] else None,
        unit=r[4],
        created_at=from_db(r[5]),
        deadline=from_db(r[6]),
        sync_state=_SYNC_STATES[r[7]],
    )


class RowPage(Sequence[FicheRow]):
    """A page of the list whose rows become :class:`FicheRow` when first read.

    The database thread hands the page over as soon as SQLite has returned it;
    the list then converts only the rows it shows (about 30 of a page of 200),
    which took most of the time between the query and the first page on screen.
    Each row is converted once; a bad row fails when read, as before.
    """

    __slots__ = ("_made", "_raw")

    def __init__(self, raw: Sequence[Sequence[Any]]) -> None:
        self._raw = raw
        self._made: list[FicheRow | None] = [None] * len(raw)

    def __len__(self) -> int:
        return len(self._raw)

    @overload
    def __getitem__(self, index: int) -> FicheRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[FicheRow]: ...

    def __getitem__(self, index: int | slice) -> FicheRow | list[FicheRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._raw)))]
        made = self._made[index]
        if made is None:
            made = self._made[index] = row_from(self._raw[index])
        return made

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowPage | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RowPage({len(self._raw)} rows)"

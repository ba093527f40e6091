"""The establishment's own lists, read for the contact finder: residents' stays and the rota.

Both come as bytes (a CSV or the first sheet of an ``.xlsx``, read by
:func:`app.core.sheets.read_sheet`) and are never written anywhere. A bad
line does not stop the reading: every problem of the file is collected and
raised together as :class:`RosterError`, each with its line number and the
column, never the name of a person (the messages may be logged); a date the
nurse typed is quoted, since she needs it to find the mistake.

- residents: ``nom;prenom;date_naissance;unite;chambre;table;arrivee;depart``
  (``table`` optional and may be empty; ``arrivee``/``depart`` empty = open);
- rota: ``nom;prenom;date_naissance;unite;debut;fin`` with ``jj/mm/aaaa hh:mm``
  instants, naive wall times of the establishment's time zone (a shift may
  end the next day).

Qt-free; mypy strict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TypeVar

from app.core import dates
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.sheets import SheetRow, read_sheet
from app.core.text import fold

ROSTER_REQUIRED = ("nom", "prenom", "date_naissance", "unite", "chambre", "arrivee", "depart")
ROSTER_OPTIONAL = ("table",)
ROTA_REQUIRED = ("nom", "prenom", "date_naissance", "unite", "debut", "fin")

#: How each column is named in a message (French, as the nurse knows the file).
COLUMN_LABELS: dict[str, str] = {
    "nom": QT_TRANSLATE_NOOP("core", "nom"),
    "prenom": QT_TRANSLATE_NOOP("core", "prénom"),
    "date_naissance": QT_TRANSLATE_NOOP("core", "date de naissance"),
    "unite": QT_TRANSLATE_NOOP("core", "unité"),
    "chambre": QT_TRANSLATE_NOOP("core", "chambre"),
    "arrivee": QT_TRANSLATE_NOOP("core", "date d’arrivée"),
    "depart": QT_TRANSLATE_NOOP("core", "date de départ"),
    "debut": QT_TRANSLATE_NOOP("core", "début du service"),
    "fin": QT_TRANSLATE_NOOP("core", "fin du service"),
}

T_MISSING = QT_TRANSLATE_NOOP("core", "{column}\u00a0: à renseigner")
T_BAD_DATE = QT_TRANSLATE_NOOP("core", "{column} illisible «\u202f{value}\u202f» (jj/mm/aaaa)")
T_BAD_INSTANT = QT_TRANSLATE_NOOP(
    "core", "{column} illisible «\u202f{value}\u202f» (jj/mm/aaaa hh:mm)"
)
T_LEAVES_BEFORE = QT_TRANSLATE_NOOP(
    "core", "date de départ ({departure}) antérieure à la date d’arrivée ({arrival})"
)
T_ENDS_BEFORE = QT_TRANSLATE_NOOP("core", "fin du service ({end}) avant ou à son début ({start})")
T_LINE = QT_TRANSLATE_NOOP("core", "ligne {line}\u00a0: {message}")

#: :func:`app.core.text.fold` with a memory: a rota repeats the same names and units on
#: thousands of rows, and folding is the finder's main cost.
folded = lru_cache(maxsize=1 << 16)(fold)


@dataclass(frozen=True, slots=True)
class Person:
    """A person as written in a file (the name is never put in a message)."""

    last_name: str
    first_name: str
    birth_date: date

    def key(self) -> tuple[str, str, date]:
        """Same person ⇔ same key: name and first name folded (case, accents, Œ→OE), birth date."""
        return (folded(self.last_name), folded(self.first_name), self.birth_date)


@dataclass(frozen=True, slots=True)
class Stay:
    """One row of the residents' file: a stay in one room (a change of room is a new row)."""

    line: int
    person: Person
    unit: str
    room: str
    table: str
    arrival: date | None
    departure: date | None


@dataclass(frozen=True, slots=True)
class Shift:
    """One row of the rota: naive wall times of the establishment; ``end`` > ``start``."""

    line: int
    person: Person
    unit: str
    start: datetime
    end: datetime


class RosterError(UserError, ValueError):
    """Every bad line of a file: ``problems`` are (line, French message without the line)."""

    code = "roster"

    def __init__(self, problems: Sequence[tuple[int, str]]) -> None:
        self.problems: list[tuple[int, str]] = sorted(problems, key=lambda p: p[0])
        super().__init__(
            "\n".join(T_LINE.format(line=line, message=msg) for line, msg in self.problems)
        )


@lru_cache(maxsize=1 << 14)
def parse_day(value: str) -> date | None:
    """A day as ``app.core.dates`` reads it (a spreadsheet's time dropped); ``None`` when
    unreadable."""
    try:
        return dates.parse_date(value, time_ignored=True)
    except ValueError:
        return None


@lru_cache(maxsize=1 << 14)
def parse_instant(value: str) -> datetime | None:
    """``jj/mm/aaaa hh:mm`` (``app.core.dates``; a bare date is midnight); ``None`` when
    unreadable."""
    try:
        return dates.parse_datetime(value)
    except ValueError:
        return None


@lru_cache(maxsize=1 << 14)
def _person(last: str, first: str, born: date) -> Person:
    """One object per person of a file (a rota names each person on many rows)."""
    return Person(last, first, born)


def clear_caches() -> None:
    """Forget the memories of :func:`folded`, the date parsers and the persons (benchmarks)."""
    for cached in (folded, parse_day, parse_instant, _person):
        cached.cache_clear()


_T = TypeVar("_T", date, datetime)


class _Line:
    """The problems of one row, collected while its cells are read."""

    def __init__(self, row: SheetRow, problems: list[tuple[int, str]]) -> None:
        self.row = row
        self.problems = problems
        self.ok = True

    def problem(self, message: str) -> None:
        self.ok = False
        self.problems.append((self.row.line, message))

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.row.values.get(column, "").strip()
        if required and not value:
            self.problem(T_MISSING.format(column=COLUMN_LABELS[column]))
        return value

    def when(
        self,
        column: str,
        parse: Callable[[str], _T | None],
        template: str,
        *,
        required: bool = True,
    ) -> _T | None:
        value = self.text(column, required=required)
        if not value:
            return None
        parsed = parse(value)
        if parsed is None:
            self.problem(template.format(column=COLUMN_LABELS[column], value=value))
        return parsed

    def person(self) -> Person | None:
        last = self.text("nom")
        first = self.text("prenom")
        born = self.when("date_naissance", parse_day, T_BAD_DATE)
        if not (last and first and born):
            return None
        return Person(last, first, born)


def read_roster(data: bytes, filename: str) -> list[Stay]:
    """The residents' stays of a file; :class:`RosterError` lists every bad line."""
    rows = read_sheet(data, filename, ROSTER_REQUIRED, ROSTER_OPTIONAL)
    problems: list[tuple[int, str]] = []
    stays: list[Stay] = []
    for row in rows:
        v = row.values  # cells come stripped
        last, first, unit, room = v.get("nom"), v.get("prenom"), v.get("unite"), v.get("chambre")
        born = parse_day(v.get("date_naissance", ""))
        came_text, left_text = v.get("arrivee", ""), v.get("depart", "")
        came = parse_day(came_text) if came_text else None
        left = parse_day(left_text) if left_text else None
        if (
            last
            and first
            and born
            and unit
            and room
            and (came or not came_text)
            and (left or not left_text)
            and not (came and left and left < came)
        ):
            who = _person(last, first, born)
            stays.append(Stay(row.line, who, unit, room, v.get("table", ""), came, left))
            continue
        # a bad line: every problem of it, in words
        line = _Line(row, problems)
        person = line.person()
        unit = line.text("unite")
        room = line.text("chambre")
        table = line.text("table", required=False)
        arrival = line.when("arrivee", parse_day, T_BAD_DATE, required=False)
        departure = line.when("depart", parse_day, T_BAD_DATE, required=False)
        if arrival is not None and departure is not None and departure < arrival:
            line.problem(
                T_LEAVES_BEFORE.format(
                    departure=dates.format_date(departure), arrival=dates.format_date(arrival)
                )
            )
        if line.ok and person is not None:
            stays.append(Stay(row.line, person, unit, room, table, arrival, departure))
    if problems:
        raise RosterError(problems)
    return stays


def read_rota(data: bytes, filename: str) -> list[Shift]:
    """The shifts of a rota file; :class:`RosterError` lists every bad line."""
    rows = read_sheet(data, filename, ROTA_REQUIRED)
    problems: list[tuple[int, str]] = []
    shifts: list[Shift] = []
    for row in rows:
        v = row.values  # cells come stripped
        last, first, unit = v.get("nom"), v.get("prenom"), v.get("unite")
        born = parse_day(v.get("date_naissance", ""))
        begins = parse_instant(v.get("debut", ""))
        ends = parse_instant(v.get("fin", ""))
        if last and first and born and unit and begins and ends and begins < ends:
            shifts.append(Shift(row.line, _person(last, first, born), unit, begins, ends))
            continue
        # a bad line: every problem of it, in words
        line = _Line(row, problems)
        person = line.person()
        unit = line.text("unite")
        start = line.when("debut", parse_instant, T_BAD_INSTANT)
        end = line.when("fin", parse_instant, T_BAD_INSTANT)
        if start is not None and end is not None and end <= start:
            line.problem(
                T_ENDS_BEFORE.format(
                    end=dates.format_wall_clock(end), start=dates.format_wall_clock(start)
                )
            )
        if line.ok and person is not None and start is not None and end is not None:
            shifts.append(Shift(row.line, person, unit, start, end))
    if problems:
        raise RosterError(problems)
    return shifts

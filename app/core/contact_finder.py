"""The contact finder: who shared a room, a table, a unit or a shift with a patient zéro.

The rules (the nurse's guide states them in the same words):

- The patient zéro is found in the files by name (birth or usage name),
  first name and birth date, compared without case and accents; otherwise
  they are taken as a resident of the fiche's unit and room.
- The **contagious window** runs, by local day, from 2 days before the date
  of first symptoms — or, when the fiche says asymptomatic or has no symptom
  date, from 7 days before the sample date — to the end of the *until* day,
  both inclusive.
- A resident is present in a stay's unit on every day from ``arrivee`` to
  ``depart``. A shift *touches* every local day it intersects (21:00 → 07:00
  touches two days; a shift ending at midnight does not touch the next day).
- For a **resident** patient zéro, on a day of the window when both were
  present in the same unit: the same room → ``chambre`` (rank 1); otherwise
  the same non-empty table → ``table`` (rank 2); otherwise → ``unite``
  (rank 4). A staff member with a shift in that unit touching a day of the
  window on which the patient zéro was present there → ``personnel`` (rank 3).
- For a **staff** patient zéro, over their shifts that intersect the window:
  another staff member whose shift in the same unit overlaps one of them in
  time or meets it at a handover (one ends at the minute the other starts),
  the overlap or handover falling at least partly inside the window →
  ``equipe`` (rank 1); a resident present in that unit on a day of the window
  that one of the patient zéro's shifts there touches → ``unite`` (rank 2).
- Each person appears once, with their best rank. The patient zéro is never
  their own candidate. A person already recorded as a contact of this
  patient zéro is flagged.
- Persons are the same when name, first name and birth date match without
  case or accents (Œ as OE); the same name with another birth date is
  another person.

Units, rooms and tables are compared folded too (« Unité A » = « unite a »).
Shifts are naive wall times of the establishment's time zone: overlaps and
handovers compare wall times, so on the night clocks change a shift keeps
the length its times say (an hour more or less than elapsed), which moves no
day and no handover.

Qt-free; mypy strict. Linear in the size of the files: stays and shifts are
indexed by (day, unit) once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal

from app.core.dates import format_date
from app.core.enums import Circumstance, EstablishmentStatus
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import InfectionEvidence, PatientZero
from app.core.rosters import Person, Shift, Stay, folded
from app.core.text import fold

__all__ = [
    "Candidate",
    "FinderError",
    "FinderResult",
    "Motive",
    "Subject",
    "Window",
    "circumstance_for",
    "contagious_window",
    "find_candidates",
    "person_keys",
]

ONE_DAY = timedelta(days=1)
DAYS_BEFORE_SYMPTOMS = 2
DAYS_BEFORE_SAMPLE = 7

#: The « autre circonstance » text of a contact found by the unit rule (stored in the fiche).
SAME_UNIT = "Même unité"

T_NO_DATE = QT_TRANSLATE_NOOP(
    "core",
    "La fiche du patient zéro n’indique ni date des premiers symptômes ni date de "
    "prélèvement\u00a0: la fenêtre de contagiosité ne peut pas être calculée. "
    "Renseignez l’une de ces dates, ou saisissez la fenêtre.",
)
T_NO_SAMPLE = QT_TRANSLATE_NOOP(
    "core",
    "Le patient zéro est asymptomatique et sa fiche n’indique pas de date de "
    "prélèvement\u00a0: la fenêtre de contagiosité ne peut pas être calculée. "
    "Renseignez-la, ou saisissez la fenêtre.",
)
T_WINDOW_REVERSED = QT_TRANSLATE_NOOP(
    "core", "La fenêtre finit le {end}, avant son début le {start}\u00a0: corrigez ses dates."
)
T_NO_UNIT = QT_TRANSLATE_NOOP(
    "core",
    "Le patient zéro ne figure pas dans les fichiers (nom, prénom et date de naissance) et "
    "sa fiche n’indique pas d’unité\u00a0: renseignez son unité et sa chambre, ou vérifiez "
    "son identité dans les fichiers.",
)


class FinderError(UserError, ValueError):
    """The finder cannot work from this fiche or window (French message)."""

    code = "finder"


class Motive(StrEnum):
    """Why a person is a candidate (the values are the JSON's ``motif``)."""

    ROOM = "chambre"
    TABLE = "table"
    STAFF = "personnel"
    UNIT = "unite"
    TEAM = "equipe"


#: Ranks when the patient zéro is a resident, and when they are staff.
RESIDENT_RANKS: dict[Motive, int] = {
    Motive.ROOM: 1,
    Motive.TABLE: 2,
    Motive.STAFF: 3,
    Motive.UNIT: 4,
}
STAFF_RANKS: dict[Motive, int] = {Motive.TEAM: 1, Motive.UNIT: 2}


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive local days."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise FinderError(
                T_WINDOW_REVERSED.format(start=format_date(self.start), end=format_date(self.end))
            )

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += ONE_DAY

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def contagious_window(infection: InfectionEvidence, until: date) -> Window:
    """From 2 days before the first symptoms (7 before the sample when asymptomatic or no
    symptom date) to *until*, both inclusive; :class:`FinderError` without a usable date."""
    if infection.symptom_onset is not None and not infection.asymptomatic:
        start = infection.symptom_onset - timedelta(days=DAYS_BEFORE_SYMPTOMS)
    elif infection.sample_date is not None:
        start = infection.sample_date - timedelta(days=DAYS_BEFORE_SAMPLE)
    elif infection.asymptomatic:
        raise FinderError(T_NO_SAMPLE)
    else:
        raise FinderError(T_NO_DATE)
    return Window(start, until)


_FIRST_NAME_SEP = re.compile(r"[,\s]+")


def first_name_forms(first_names: str) -> set[str]:
    """The folded forms a file's ``prenom`` may take: the first first-name, or them all."""
    whole = fold(first_names)
    parts = [p for p in _FIRST_NAME_SEP.split(first_names.strip()) if p]
    return {f for f in (whole, fold(parts[0]) if parts else "") if f}


def person_keys(
    names: Iterable[str], first_names: str, birth: date | None
) -> set[tuple[str, str, date]]:
    """Every :meth:`Person.key` a fiche with these names matches (the first rule)."""
    if birth is None:
        return set()
    last_names = {fold(n) for n in names} - {""}
    return {(n, f, birth) for n in last_names for f in first_name_forms(first_names)}


@dataclass(frozen=True, slots=True)
class Subject:
    """The patient zéro as the finder sees it."""

    names: tuple[str, ...]
    first_name: str
    birth_date: date | None
    unit: str
    room: str
    status: EstablishmentStatus | None

    @classmethod
    def of(cls, pz: PatientZero) -> Subject:
        names = tuple(n for n in (pz.birth_name, pz.usage_name) if n.strip())
        place = pz.establishment
        return cls(names, pz.first_names, pz.birth_date, place.unit, place.room, place.status)

    def match_keys(self) -> set[tuple[str, str, date]]:
        return person_keys(self.names, self.first_name, self.birth_date)


@dataclass(frozen=True, slots=True)
class Candidate:
    person: Person
    status: Literal["resident", "personnel"]
    motive: Motive
    rank: int
    #: Every day of the window on which any rule links them (sorted).
    days: tuple[date, ...]
    unit: str
    #: The resident's room on the last shared day; ``""`` for staff.
    room: str
    already_contact: bool

    @property
    def last_day(self) -> date:
        return self.days[-1]


@dataclass(frozen=True, slots=True)
class FinderResult:
    window: Window
    subject_found: Literal["resident", "personnel", "fiche"]
    #: Sorted by rank, then folded name, first name, birth date.
    candidates: tuple[Candidate, ...]


def circumstance_for(motive: Motive) -> tuple[list[Circumstance], str]:
    """The exposition's circumstances (and « autre » text) preset from a motive."""
    if motive is Motive.ROOM:
        return [Circumstance.SAME_HOUSEHOLD], ""
    if motive is Motive.TABLE:
        return [Circumstance.FACE_TO_FACE], ""
    if motive is Motive.STAFF:
        return [Circumstance.CARE], ""
    if motive is Motive.TEAM:
        return [Circumstance.CONFINED_SPACE], ""
    return [Circumstance.OTHER], SAME_UNIT


# ---------------------------------------------------------------- days


def _stay_days(stay: Stay, window: Window) -> Iterator[date]:
    """The days of the window the stay covers (open ends run to the window's)."""
    first = max(window.start, stay.arrival) if stay.arrival else window.start
    last = min(window.end, stay.departure) if stay.departure else window.end
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def _last_touched(end: datetime) -> date:
    """The last local day an interval ending at *end* intersects (midnight: the day before)."""
    return end.date() - ONE_DAY if end.time() == time(0, 0) else end.date()


def _touched(start: datetime, end: datetime, window: Window) -> Iterator[date]:
    """The days of the window that [start, end] touches (a point touches its own day)."""
    first = max(start.date(), window.start)
    last = min(end.date() if end == start else _last_touched(end), window.end)
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


# ---------------------------------------------------------------- links


@dataclass(slots=True)
class _Links:
    """What the rules found for one person: per motive, the days and where."""

    person: Person
    #: motive → day → (status, unit, room) of that link on that day
    by_motive: dict[Motive, dict[date, tuple[str, str, str]]]

    def add(self, motive: Motive, day: date, status: str, unit: str, room: str) -> None:
        self.by_motive.setdefault(motive, {}).setdefault(day, (status, unit, room))


class _Collector:
    def __init__(self, excluded: set[tuple[str, str, date]], ranks: dict[Motive, int]) -> None:
        self.excluded = excluded
        self.ranks = ranks
        self.links: dict[tuple[str, str, date], _Links] = {}

    def add(
        self, person: Person, motive: Motive, day: date, status: str, unit: str, room: str
    ) -> None:
        key = person.key()
        if key in self.excluded:
            return
        links = self.links.get(key)
        if links is None:
            links = self.links[key] = _Links(person, {})
        links.add(motive, day, status, unit, room)

    def candidates(self, known: Collection[tuple[str, str, date]]) -> tuple[Candidate, ...]:
        out: list[Candidate] = []
        for key, links in self.links.items():
            best = min(links.by_motive, key=lambda m: self.ranks[m])
            days = sorted({d for per_day in links.by_motive.values() for d in per_day})
            last = days[-1]
            # where, on the last shared day: the best-ranked link of that day
            _m, (_s, unit, room) = min(
                ((m, per_day[last]) for m, per_day in links.by_motive.items() if last in per_day),
                key=lambda item: self.ranks[item[0]],
            )
            status_of_best = next(iter(links.by_motive[best].values()))[0]
            status: Literal["resident", "personnel"] = (
                "personnel" if status_of_best == "personnel" else "resident"
            )
            out.append(
                Candidate(
                    person=links.person,
                    status=status,
                    motive=best,
                    rank=self.ranks[best],
                    days=tuple(days),
                    unit=unit,
                    room=room if status == "resident" else "",
                    already_contact=key in known,
                )
            )
        out.sort(key=lambda c: (c.rank, c.person.key(), c.person.last_name, c.person.first_name))
        return tuple(out)


def _resident_subject(
    collect: _Collector,
    presence: dict[tuple[date, str], list[tuple[str, str]]],
    stays: Sequence[Stay],
    shifts: Sequence[Shift],
    window: Window,
) -> None:
    """Resident patient zéro; *presence*: (day, folded unit) → [(folded room, folded table)]."""
    for stay in stays:
        unit = folded(stay.unit)
        room = folded(stay.room)
        table = folded(stay.table)
        for day in _stay_days(stay, window):
            places = presence.get((day, unit))
            if not places:
                continue
            if room and any(room == r for r, _t in places):
                motive = Motive.ROOM
            elif table and any(table == t for _r, t in places):
                motive = Motive.TABLE
            else:
                motive = Motive.UNIT
            collect.add(stay.person, motive, day, "resident", stay.unit, stay.room)
    for shift in shifts:
        unit = folded(shift.unit)
        for day in _touched(shift.start, shift.end, window):
            if (day, unit) in presence:
                collect.add(shift.person, Motive.STAFF, day, "personnel", shift.unit, "")


def _staff_subject(
    collect: _Collector,
    own: Sequence[Shift],
    stays: Sequence[Stay],
    shifts: Sequence[Shift],
    window: Window,
) -> None:
    """Staff patient zéro whose shifts are *own* (those touching the window)."""
    lo = datetime.combine(window.start, time(0, 0))
    hi = datetime.combine(window.end + ONE_DAY, time(0, 0))
    # (calendar day, folded unit) → own shifts having an instant that day, ends included:
    # two shifts that overlap or meet share such a day
    by_day: dict[tuple[date, str], list[Shift]] = defaultdict(list)
    unit_days: set[tuple[date, str]] = set()
    for shift in own:
        unit = folded(shift.unit)
        day = shift.start.date()
        while day <= shift.end.date():
            by_day[(day, unit)].append(shift)
            day += ONE_DAY
        unit_days.update((day, unit) for day in _touched(shift.start, shift.end, window))
    for other in shifts:
        unit = folded(other.unit)
        mine: list[Shift] = []
        day = other.start.date()
        while day <= other.end.date():
            mine.extend(s for s in by_day.get((day, unit), ()) if s not in mine)
            day += ONE_DAY
        for shift in mine:
            start = max(shift.start, other.start)
            end = min(shift.end, other.end)
            if end < start:
                continue  # neither overlap nor handover
            if start == end:  # a handover: one ends at the minute the other starts
                if not lo <= start < hi:
                    continue
            elif not (start < hi and end > lo):
                continue
            for day in _touched(start, end, window):
                collect.add(other.person, Motive.TEAM, day, "personnel", other.unit, "")
    for stay in stays:
        unit = folded(stay.unit)
        for day in _stay_days(stay, window):
            if (day, unit) in unit_days:
                collect.add(stay.person, Motive.UNIT, day, "resident", stay.unit, stay.room)


def _matches(person: Person, keys: set[tuple[str, str, date]]) -> bool:
    return person.key() in keys


def find_candidates(
    subject: Subject,
    stays: Sequence[Stay],
    shifts: Sequence[Shift],
    window: Window,
    known_contacts: Collection[tuple[str, str, date]] = (),
) -> FinderResult:
    """The ranked candidates of *subject* over *window* (see the module's rules).

    *known_contacts*: :meth:`Person.key` of every person already recorded as a
    contact of this patient zéro (:func:`person_keys` of each contact fiche).
    """
    keys = subject.match_keys()
    own_stays = [s for s in stays if _matches(s.person, keys)]
    own_shifts = [s for s in shifts if _matches(s.person, keys)]
    excluded = {s.person.key() for s in own_stays} | {s.person.key() for s in own_shifts} | keys
    known = known_contacts if isinstance(known_contacts, (set, frozenset)) else set(known_contacts)
    found: Literal["resident", "personnel", "fiche"]
    if own_shifts and (not own_stays or subject.status is EstablishmentStatus.STAFF):
        found = "personnel"
        collect = _Collector(excluded, STAFF_RANKS)
        touching = [s for s in own_shifts if next(_touched(s.start, s.end, window), None)]
        others = [s for s in shifts if s.person.key() not in excluded]
        _staff_subject(collect, touching, stays, others, window)
        return FinderResult(window, found, collect.candidates(known))
    presence: dict[tuple[date, str], list[tuple[str, str]]] = defaultdict(list)
    if own_stays:
        found = "resident"
        for stay in own_stays:
            place = (folded(stay.room), folded(stay.table))
            for day in _stay_days(stay, window):
                presence[(day, folded(stay.unit))].append(place)
    else:
        found = "fiche"
        if not subject.unit.strip():
            raise FinderError(T_NO_UNIT)
        place = (folded(subject.room), "")
        for day in window.days():
            presence[(day, folded(subject.unit))].append(place)
    collect = _Collector(excluded, RESIDENT_RANKS)
    _resident_subject(collect, presence, stays, shifts, window)
    return FinderResult(window, found, collect.candidates(known))

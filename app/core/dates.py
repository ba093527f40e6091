"""Dates and times, the one module: reading ``jj/mm/aaaa``, the establishment's clock, showing.

**Reading.** Every date typed or imported (forms, command line, rosters,
spreadsheets of contacts) goes through :func:`parse_date`: ``jj/mm/aaaa``, also
with ``.``, ``-`` or a space between the parts, ``jjmmaaaa`` and ``aaaa-mm-jj``.
A spreadsheet's cell may carry a time after its date (``jj/mm/aaaa 00:00``):
``time_ignored=True`` reads the day and drops it. :func:`parse_datetime` reads
``jj/mm/aaaa hh:mm`` (``hh:mm:ss``, ``hhhmm``; a bare date is midnight) as a
wall-clock time. Text that is no date raises :class:`DateError`, a
``ValueError`` whose ``str()`` is a French message.

**The establishment's clock.** Every date and time shown or printed (forms,
list, purge panel, status bar, journal viewer, command line, print) is on the
establishment's time zone (setting ``establishment.timezone``, Europe/Paris by
default, an overseas zone for an establishment there). The session sets it once
the database is open (:func:`set_display_zone`), and again when the setting
changes; the same instant then reads the same everywhere. Where the OS has no
time zone database (Windows), :mod:`zoneinfo` reads the ``tzdata`` package, a
dependency of the program.

**Showing.** Instants are stored in UTC (``app.db.timefmt``); a naive datetime
is read as UTC. Dates are ``jj/mm/aaaa``, times ``hh:mm`` (``hh:mm:ss`` for
the journal).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP

DEFAULT_ZONE = "Europe/Paris"

#: The zones an establishment may choose: (IANA name, French label).
ZONES: tuple[tuple[str, str], ...] = (
    (DEFAULT_ZONE, QT_TRANSLATE_NOOP("core", "France métropolitaine et Corse (Europe/Paris)")),
    ("America/Martinique", QT_TRANSLATE_NOOP("core", "Guadeloupe, Martinique")),
    ("America/Cayenne", QT_TRANSLATE_NOOP("core", "Guyane")),
    ("Indian/Reunion", QT_TRANSLATE_NOOP("core", "La Réunion")),
    ("Indian/Mayotte", QT_TRANSLATE_NOOP("core", "Mayotte")),
    ("America/Miquelon", QT_TRANSLATE_NOOP("core", "Saint-Pierre-et-Miquelon")),
    ("Pacific/Tahiti", QT_TRANSLATE_NOOP("core", "Polynésie française")),
    ("Pacific/Noumea", QT_TRANSLATE_NOOP("core", "Nouvelle-Calédonie")),
    ("Pacific/Wallis", QT_TRANSLATE_NOOP("core", "Wallis-et-Futuna")),
)
ZONE_NAMES = frozenset(name for name, _label in ZONES)

DATE_FORMAT = "%d/%m/%Y"
TIME_FORMAT = "%H:%M"

# ------------------------------------------------------------------------- reading

T_BAD_DATE = QT_TRANSLATE_NOOP(
    "core", "Date non reconnue «\u202f{text}\u202f»\u00a0: attendu jj/mm/aaaa."
)
T_BAD_DATETIME = QT_TRANSLATE_NOOP(
    "core", "Date et heure non reconnues «\u202f{text}\u202f»\u00a0: attendu jj/mm/aaaa hh:mm."
)

_DAY = (
    r"(?P<d>\d{1,2})[/.\-\s](?P<m>\d{1,2})[/.\-\s](?P<y>\d{4})"
    r"|(?P<d2>\d{2})(?P<m2>\d{2})(?P<y2>\d{4})"
)
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
_CLOCK = r"(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
_DATE = re.compile(rf"(?:{_DAY}|{_ISO})")
_DATE_THEN_TIME = re.compile(rf"(?:{_DAY}|{_ISO})(?:[\sT]+{_CLOCK})?")


class DateError(UserError, ValueError):
    """Text that is no date; ``str()`` is French, ``template``/``params`` translate it."""

    code = "date_unreadable"


def _day(match: re.Match[str]) -> tuple[int, int, int]:
    if match["iy"] is not None:
        return int(match["iy"]), int(match["im"]), int(match["id"])
    if match["y"] is not None:
        return int(match["y"]), int(match["m"]), int(match["d"])
    return int(match["y2"]), int(match["m2"]), int(match["d2"])


def parse_date(text: str, *, time_ignored: bool = False) -> date | None:
    """The day *text* names; ``""`` (or blanks) is None; :class:`DateError` otherwise.

    ``jj/mm/aaaa`` (``j/m/aaaa``, ``.``, ``-`` or a space between the parts),
    ``jjmmaaaa``, ``aaaa-mm-jj``. With *time_ignored*, a time after the date
    (a spreadsheet's ``jj/mm/aaaa 00:00``, ISO's ``aaaa-mm-jjT00:00:00``) is
    dropped; without it, such text is refused.
    """
    value = text.strip()
    if not value:
        return None
    match = (_DATE_THEN_TIME if time_ignored else _DATE).fullmatch(value)
    if match is not None:
        try:
            return date(*_day(match))
        except ValueError:
            pass  # 31/02: no such day
    raise DateError(T_BAD_DATE, text=value)


def parse_datetime(text: str) -> datetime | None:
    """``jj/mm/aaaa hh:mm`` as a naive wall-clock time; a bare date is midnight.

    The date is read as :func:`parse_date` reads it; the time is ``hh:mm``,
    ``hh:mm:ss`` or ``hhhmm``. ``""`` is None; :class:`DateError` otherwise.
    """
    value = text.strip()
    if not value:
        return None
    match = _DATE_THEN_TIME.fullmatch(value)
    if match is not None:
        hour, minute, second = (int(match[g] or 0) for g in ("H", "M", "S"))
        try:
            return datetime(*_day(match), hour, minute, second)
        except ValueError:
            pass  # 31/02, 25:00
    raise DateError(T_BAD_DATETIME, text=value)


# --------------------------------------------------------- the establishment's clock


def zone_info(name: str) -> tzinfo:
    """The time zone *name*; an unknown name (or no tz database) reads as Europe/Paris,
    and without any tz database as the workstation's zone."""
    for candidate in (name, DEFAULT_ZONE):
        try:
            return ZoneInfo(candidate)
        except (ValueError, ZoneInfoNotFoundError):
            continue
    return datetime.now(UTC).astimezone().tzinfo or UTC  # pragma: no cover - no tz database


_zone_name = DEFAULT_ZONE
_zone: tzinfo = zone_info(DEFAULT_ZONE)


def set_display_zone(name: str) -> None:
    """Show every instant in *name* from now on (the establishment's setting)."""
    global _zone_name, _zone
    name = name if name in ZONE_NAMES else DEFAULT_ZONE
    _zone, _zone_name = zone_info(name), name


def display_zone_name() -> str:
    return _zone_name


def display_zone() -> tzinfo:
    return _zone


def local(instant: datetime, zone: str | None = None) -> datetime:
    """*instant* on the establishment's clock (or in *zone*); a naive datetime is UTC."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(_zone if zone is None else zone_info(zone))


def local_today(now: datetime | None = None) -> date:
    """Today on the establishment's calendar (*now*: the program's clock by default)."""
    if now is None:
        from app.core.clock import utcnow

        now = utcnow()
    return local(now).date()


# ------------------------------------------------------------------------- showing


def format_date(value: date | datetime | None) -> str:
    """``jj/mm/aaaa``; an instant is shown as its date on the establishment's calendar."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return value.strftime(DATE_FORMAT)


def format_time(value: datetime, *, seconds: bool = False) -> str:
    """``hh:mm`` (``hh:mm:ss``) on the establishment's clock."""
    return local(value).strftime(TIME_FORMAT + (":%S" if seconds else ""))


def format_datetime(
    value: datetime | None, *, seconds: bool = False, zone: str | None = None, joiner: str = " "
) -> str:
    """``jj/mm/aaaa hh:mm`` (``hh:mm:ss``) on the establishment's clock (or in *zone*);
    ``""`` for None. *joiner* goes between the date and the time (`` à `` in a sentence)."""
    if value is None:
        return ""
    fmt = DATE_FORMAT + joiner.replace("%", "%%") + TIME_FORMAT + (":%S" if seconds else "")
    return local(value, zone).strftime(fmt)


def format_wall_clock(value: datetime) -> str:
    """``jj/mm/aaaa hh:mm`` of a wall-clock time as written (a rota's shift, a
    spreadsheet's cell): no zone, no conversion (an instant goes to :func:`format_datetime`)."""
    return value.strftime(DATE_FORMAT + " " + TIME_FORMAT)

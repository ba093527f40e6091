"""How the program shows an instant: one display time zone, one format.

Every date and time shown or printed (forms, list, purge panel, status bar,
journal viewer, command line, print) goes through this module, in the
establishment's time zone (setting ``establishment.timezone``, Europe/Paris by
default, an overseas zone for an establishment there). The session sets it
once the database is open (:func:`set_display_zone`), and again when the
setting changes; the same instant then reads the same everywhere.

Instants are stored in UTC (``app.db.timefmt``); a naive datetime is read as
UTC. Dates are ``jj/mm/aaaa``, times ``hh:mm`` (``hh:mm:ss`` for the journal).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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

"""How instants are written in the database: UTC, ISO 8601, fixed width.

A fixed width (microseconds always present, ``Z`` suffix) keeps text order
equal to time order, so indexes on ``created_at`` and ``deadline`` sort and
compare correctly as strings.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db.connection import Database


def to_db(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("naive datetime: instants must be timezone-aware")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str) -> datetime:
    # fromisoformat reads the fixed-width form about ten times faster than
    # strptime (a page of the list reads two instants per row); same form checked.
    if len(text) != 27 or text[10] != "T" or text[-1] != "Z":
        raise ValueError("not an instant as the database stores it")
    return datetime.fromisoformat(text).astimezone(UTC)


def use_establishment_zone(db: Database) -> str:
    """Show every instant in the establishment's time zone from now on (its setting).

    Called once the database is open (window, command line) and after the
    setting changes; returns the zone's name.
    """
    from app.core import dates
    from app.core.settings import ESTABLISHMENT_TIMEZONE
    from app.db.settings_values import SettingsReader

    name = SettingsReader(db).get(ESTABLISHMENT_TIMEZONE)
    dates.set_display_zone(name)
    return dates.display_zone_name()

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
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def use_establishment_zone(db: Database) -> str:
    """Show every instant in the establishment's time zone from now on (its setting).

    Called once the database is open (window, command line) and after the
    setting changes; returns the zone's name.
    """
    from app.core import timefmt
    from app.core.settings import ESTABLISHMENT_TIMEZONE
    from app.db.settings_store import SettingsStore

    name = SettingsStore(db, "").get(ESTABLISHMENT_TIMEZONE)
    timefmt.set_display_zone(name)
    return timefmt.display_zone_name()

"""How instants are written in the database: UTC, ISO 8601, fixed width.

A fixed width (microseconds always present, ``Z`` suffix) keeps text order
equal to time order, so indexes on ``created_at`` and ``deadline`` sort and
compare correctly as strings.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("naive datetime: instants must be timezone-aware")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)

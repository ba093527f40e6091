"""Instants as the central service stores them: UTC, ISO 8601, fixed width (sortable as text)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.clock import get_clock


def now() -> datetime:
    return get_clock().now()


def to_text(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("naive datetime")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with an offset (``Z`` accepted); ``ValueError`` otherwise."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("instant without a time zone")
    return value.astimezone(UTC)

"""Instants as the central service stores them: UTC, ISO 8601, fixed width (sortable as text)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.clock import get_clock
from app.core.serialize import MAX_YEAR, MIN_YEAR


def now() -> datetime:
    return get_clock().now()


def to_text(instant: datetime) -> str:
    if instant.tzinfo is None:
        raise ValueError("naive datetime")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with an offset (``Z`` accepted); ``ValueError`` otherwise.

    The instant must fall in the years the client accepts (``MIN_YEAR``–``MAX_YEAR``
    in UTC): ``0001-01-01T00:00:00+05:00`` or ``9999-12-31T23:59:59-05:00`` are
    refused instead of overflowing.
    """
    if len(text) > 64:
        raise ValueError("instant too long")
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("instant without a time zone")
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("instant out of range") from None
    if not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise ValueError("instant out of range")
    return utc

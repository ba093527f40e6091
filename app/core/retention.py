"""Retention deadlines (art. 5 I, MARS 109): never more than 3 calendar months.

A fiche is deleted no later than N calendar months (N ≤ 3) after its creation,
counted both on the establishment's local calendar and on the UTC calendar; the
earlier deadline applies. A day missing from the target month is clipped to the
month's last day; the deadline keeps the creation's wall-clock time.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from app.core.dates import DEFAULT_ZONE

MAX_MONTHS = 3
DEFAULT_TZ = DEFAULT_ZONE


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clipped to the end of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def _check_aware(instant: datetime, name: str) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _shift_on_calendar(created_at: datetime, zone: tzinfo, months: int) -> datetime:
    """Same wall time, N months later, on ``zone``'s calendar; as UTC.

    A wall time that does not exist (spring DST gap) or exists twice (autumn)
    resolves to its earliest instant.
    """
    local = created_at.astimezone(zone)
    target = datetime.combine(add_months(local.date(), months), local.time().replace(tzinfo=None))
    candidates = (target.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
    return min(candidates)


def _check_months(months: int) -> None:
    if isinstance(months, bool) or not isinstance(months, int):
        raise TypeError("months must be an int")
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"retention must be between 1 and {MAX_MONTHS} months, not {months}")


def deadline(created_at: datetime, tz: str = DEFAULT_TZ, months: int = MAX_MONTHS) -> datetime:
    """The instant (UTC) by which a fiche created at ``created_at`` must be deleted.

    The earlier of: N months on the ``tz`` calendar, N months on the UTC calendar.
    ``months`` must be 1–3 (``ValueError`` otherwise).
    """
    _check_aware(created_at, "created_at")
    _check_months(months)
    local = _shift_on_calendar(created_at, ZoneInfo(tz), months)
    utc = _shift_on_calendar(created_at, UTC, months)
    return min(local, utc)


def effective_deadline(
    created_at: datetime,
    *,
    tz: str = DEFAULT_TZ,
    months: int = MAX_MONTHS,
    transmitted_at: datetime | None = None,
    after_transmission_days: int | None = None,
) -> datetime:
    """The earliest of the establishment's rules, never later than the 3-month limit.

    - ``months``: the establishment's period after creation (1–3);
    - ``after_transmission_days``: delete that many days after an acknowledged
      transmission (``transmitted_at``); 0 means at once.
    """
    result = deadline(created_at, tz, months)
    if after_transmission_days is not None:
        if after_transmission_days < 0:
            raise ValueError("after_transmission_days must not be negative")
        if transmitted_at is not None:
            _check_aware(transmitted_at, "transmitted_at")
            after = transmitted_at.astimezone(UTC) + timedelta(days=after_transmission_days)
            result = min(result, after)
    return min(result, deadline(created_at, tz, MAX_MONTHS))


def is_expired(deadline_at: datetime, now: datetime) -> bool:
    """True once ``now`` has reached the deadline."""
    _check_aware(now, "now")
    return now >= deadline_at


def days_left(deadline_at: datetime, now: datetime) -> int:
    """Whole days left before the deadline (0 on the last day, negative once past)."""
    _check_aware(now, "now")
    return (deadline_at - now) // timedelta(days=1)

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.retention import (
    add_months,
    days_left,
    deadline,
    effective_deadline,
    is_expired,
)

PARIS = ZoneInfo("Europe/Paris")


def z(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2020, 11, 30), 3, date(2021, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2020, 12, 31), 2, date(2021, 2, 28)),
        (date(2020, 10, 31), 1, date(2020, 11, 30)),
        (date(2020, 11, 15), 3, date(2021, 2, 15)),
        (date(2021, 1, 31), 1, date(2021, 2, 28)),
    ],
)
def test_add_months_clips_to_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("created", "tz", "expected"),
    [
        # FIELDS.md: created 2020-11-30 → deleted by 2021-02-28
        (paris(2020, 11, 30, 10, 0), "Europe/Paris", z(2021, 2, 28, 9, 0)),
        # just before midnight in UTC+1 (22:30Z): same day on both calendars
        (paris(2020, 11, 30, 23, 30), "Europe/Paris", z(2021, 2, 28, 22, 30)),
        # leap year
        (paris(2023, 11, 30, 12, 0), "Europe/Paris", z(2024, 2, 29, 11, 0)),
        # 2020-11-29T23:30Z is already the 30th in Paris: the local calendar is earlier
        (z(2020, 11, 29, 23, 30), "Europe/Paris", z(2021, 2, 27, 23, 30)),
        # 2020-11-30T23:30Z is 1 December in Paris: both give 28 February 23:30Z
        (z(2020, 11, 30, 23, 30), "Europe/Paris", z(2021, 2, 28, 23, 30)),
        # west of UTC (Guadeloupe, UTC-4): the UTC calendar is earlier
        (z(2020, 11, 30, 2, 0), "America/Guadeloupe", z(2021, 2, 28, 2, 0)),
        # DST starts on 2021-03-28: same wall time, one hour less of UTC
        (paris(2020, 12, 31, 0, 30), "Europe/Paris", z(2021, 3, 30, 22, 30)),
        # wall time 02:30 missing on 2021-03-28: its earliest reading
        (paris(2020, 12, 28, 2, 30), "Europe/Paris", z(2021, 3, 28, 0, 30)),
        # wall time 02:30 twice on 2021-10-31: the first one
        (paris(2021, 7, 31, 2, 30), "Europe/Paris", z(2021, 10, 31, 0, 30)),
        # overseas time zone, east of UTC (La Réunion, UTC+4): 30 Nov 01:00 local
        (z(2020, 11, 29, 21, 0), "Indian/Reunion", z(2021, 2, 27, 21, 0)),
        (z(2020, 11, 30, 21, 0), "Indian/Reunion", z(2021, 2, 28, 21, 0)),
    ],
)
def test_deadline_examples(created: datetime, tz: str, expected: datetime) -> None:
    result = deadline(created, tz)
    assert result == expected
    assert result.tzinfo is UTC


def test_deadline_respects_fields_example_as_local_date() -> None:
    for hour in range(24):
        created = paris(2020, 11, 30, hour, 0)
        assert deadline(created).astimezone(PARIS).date() <= date(2021, 2, 28)


def test_shorter_period() -> None:
    assert deadline(paris(2020, 11, 30, 10), months=1) == z(2020, 12, 30, 9)
    assert deadline(paris(2020, 11, 30, 10), months=2) == z(2021, 1, 30, 9)


@pytest.mark.parametrize("months", [0, 4, -1, 12])
def test_months_out_of_range(months: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 3"):
        deadline(z(2020, 11, 30), months=months)


def test_naive_datetime_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        deadline(datetime(2020, 11, 30))


aware_instants = st.datetimes(datetime(2000, 1, 1), datetime(2040, 12, 31), timezones=st.just(UTC))
zones = st.sampled_from(
    ["Europe/Paris", "America/Cayenne", "Indian/Reunion", "Pacific/Tahiti", "Pacific/Noumea"]
)


@given(aware_instants, zones, st.integers(1, 3))
def test_deadline_properties(created: datetime, tz: str, months: int) -> None:
    result = deadline(created, tz, months)
    # never later than N months on either calendar
    utc_limit = datetime.combine(add_months(created.date(), months), created.timetz())
    assert result <= utc_limit
    local = created.astimezone(ZoneInfo(tz))
    local_limit = datetime.combine(
        add_months(local.date(), months), local.time(), tzinfo=ZoneInfo(tz)
    )
    assert result <= local_limit + timedelta(hours=1)  # DST gap reading
    # and not absurdly early: at least 28 days per month minus a day of calendar shift
    assert result - created >= timedelta(days=28 * months - 2)
    # a shorter period never gives a later deadline
    if months > 1:
        assert deadline(created, tz, months - 1) < result


def test_effective_deadline_after_transmission() -> None:
    created = paris(2020, 11, 2, 9)
    limit = deadline(created)
    sent = z(2020, 11, 10, 12)
    assert effective_deadline(created) == limit
    assert effective_deadline(created, transmitted_at=sent, after_transmission_days=0) == sent
    assert effective_deadline(
        created, transmitted_at=sent, after_transmission_days=7
    ) == sent + timedelta(days=7)
    # a long period after transmission never lengthens the 3-month limit
    assert effective_deadline(created, transmitted_at=sent, after_transmission_days=400) == limit
    # not transmitted yet: the creation rule alone
    assert effective_deadline(created, after_transmission_days=7) == limit
    assert effective_deadline(created, months=1) == deadline(created, months=1)
    with pytest.raises(ValueError):
        effective_deadline(created, months=4)
    with pytest.raises(ValueError):
        effective_deadline(created, transmitted_at=sent, after_transmission_days=-1)


def test_expiry_helpers() -> None:
    limit = z(2021, 2, 28, 9)
    assert not is_expired(limit, limit - timedelta(seconds=1))
    assert is_expired(limit, limit)
    assert days_left(limit, limit - timedelta(days=10, hours=1)) == 10
    assert days_left(limit, limit - timedelta(hours=1)) == 0
    assert days_left(limit, limit + timedelta(hours=1)) == -1

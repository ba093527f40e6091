"""``app.core.dates``: one reader of ``jj/mm/aaaa`` for every entry point, and the zones.

The form's date fields, the journal command's ``--since``/``--until``, the
rosters of the contact finder and the spreadsheet of contacts all read a date
the same way; the establishment's overseas zones are found even where the OS
has no time zone database (Windows), through the ``tzdata`` package.
"""

from __future__ import annotations

import importlib.util
import zoneinfo
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from app.core import contact_rows, dates, rosters
from app.core.dates import DateError, parse_date, parse_datetime
from app.core.errors import UserError

ACCEPTED = {
    "12/03/2026": date(2026, 3, 12),
    "1/3/2026": date(2026, 3, 1),
    " 12/03/2026 ": date(2026, 3, 12),
    "12.03.2026": date(2026, 3, 12),
    "12-03-2026": date(2026, 3, 12),
    "12 03 2026": date(2026, 3, 12),
    "12032026": date(2026, 3, 12),
    "2026-03-12": date(2026, 3, 12),
    "29/02/2028": date(2028, 2, 29),
}
REFUSED = ["31/02/2026", "29/02/2027", "12/13/2026", "00/03/2026", "12/03/26", "mardi", "12/03"]


@pytest.mark.parametrize(("text", "day"), ACCEPTED.items())
def test_accepted_forms(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", REFUSED)
def test_refused_text_gets_the_french_message(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert str(info.value) == f"Date non reconnue «\u202f{text}\u202f»\u00a0: attendu jj/mm/aaaa."
    assert isinstance(info.value, ValueError) and isinstance(info.value, UserError)
    assert info.value.template == dates.T_BAD_DATE and info.value.params == {"text": text}


def test_nothing_typed_is_no_date() -> None:
    assert parse_date("") is None and parse_date("   ") is None
    assert parse_datetime("") is None


def test_a_time_after_the_date_only_where_a_spreadsheet_may_add_one() -> None:
    for text in ("12/03/2026 00:00", "12/03/2026 00:00:00", "2026-03-12T00:00:00"):
        assert parse_date(text, time_ignored=True) == date(2026, 3, 12), text
        with pytest.raises(DateError):
            parse_date(text)  # a form's date field: a time there is a typing mistake
    with pytest.raises(DateError):
        parse_date("12/03/2026 midi", time_ignored=True)


def test_date_and_time() -> None:
    assert parse_datetime("09/11/2026 21:00") == datetime(2026, 11, 9, 21, 0)
    assert parse_datetime("09/11/2026 7h05") == datetime(2026, 11, 9, 7, 5)
    assert parse_datetime("09/11/2026 07:05:30") == datetime(2026, 11, 9, 7, 5, 30)
    assert parse_datetime("09/11/2026") == datetime(2026, 11, 9)  # midnight
    for text in ("09/11/2026 25:00", "09/11/2026 12:60", "31/11/2026 10:00", "21:00"):
        with pytest.raises(DateError) as info:
            parse_datetime(text)
        assert "attendu jj/mm/aaaa hh:mm" in str(info.value)


def test_every_entry_point_reads_dates_alike() -> None:
    """The form, the journal command, the rosters and the contacts' spreadsheet."""
    from app.cli.access import _parse_day as journal_day
    from app.ui.forms.fields import parse_date as form_date

    assert form_date is parse_date
    for text, day in ACCEPTED.items():
        assert journal_day(text) == day, text
        assert rosters.parse_day(text) == day, text
        assert contact_rows.parse_day(text) == day, text
    for text in REFUSED:
        assert rosters.parse_day(text) is None, text  # the roster names the column itself
        for reader in (journal_day, contact_rows.parse_day):
            with pytest.raises(ValueError):
                reader(text)
    assert journal_day(None) is None
    assert rosters.parse_instant("09/11/2026 21:00") == datetime(2026, 11, 9, 21, 0)
    assert rosters.parse_instant("09/11/2026 25:00") is None


def test_formatting() -> None:
    assert dates.format_date(date(2026, 3, 1)) == "01/03/2026"
    assert dates.format_date(None) == ""


# ------------------------------------------------------------------- time zones


@pytest.fixture
def no_system_tz_database() -> Iterator[None]:
    """As on Windows: zoneinfo finds no system database and must read ``tzdata``."""
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    yield
    zoneinfo.reset_tzpath()
    zoneinfo.ZoneInfo.clear_cache()


def test_tzdata_is_installed_and_serves_the_zones(no_system_tz_database: None) -> None:
    assert importlib.util.find_spec("tzdata") is not None  # a dependency (pyproject.toml)
    assert zoneinfo.TZPATH == ()
    for name in ("Europe/Paris", "Indian/Reunion"):
        zone = zoneinfo.ZoneInfo(name)
        assert zone.key == name
    instant = datetime(2026, 11, 24, 9, 58, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert dates.format_datetime(instant, zone="Indian/Reunion") == "24/11/2026 13:58"
    assert dates.format_datetime(instant, zone="Europe/Paris") == "24/11/2026 10:58"


def test_every_offered_zone_exists_in_tzdata(no_system_tz_database: None) -> None:
    for name, _label in dates.ZONES:
        assert zoneinfo.ZoneInfo(name).key == name

"""One display time zone, the establishment's: the same instant reads the same everywhere.

Forms, list, purge panel, status bar, journal viewer, command line: all go
through ``app.core.dates``; no other module names a zone or asks the
workstation's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core import dates
from app.core import settings as S
from app.core.settings import SettingError
from app.db.repositories import journal_rows
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.db.timefmt import from_db, use_establishment_zone
from app.ui import fiche_model, purge_panel, sync_status
from app.ui.forms import fiche_form

APP = Path(__file__).resolve().parents[2] / "app"
INSTANT = datetime(2026, 11, 24, 9, 58, 30, tzinfo=UTC)
OVERSEAS = {
    "America/Martinique": "24/11/2026 05:58",  # Guadeloupe, Martinique (UTC−4)
    "America/Cayenne": "24/11/2026 06:58",
    "Indian/Reunion": "24/11/2026 13:58",
    "Indian/Mayotte": "24/11/2026 12:58",
    "America/Miquelon": "24/11/2026 06:58",
    "Pacific/Tahiti": "23/11/2026 23:58",
    "Pacific/Noumea": "24/11/2026 20:58",
    "Pacific/Wallis": "24/11/2026 21:58",
}


@pytest.fixture(autouse=True)
def paris_afterwards() -> Iterator[None]:
    yield
    dates.set_display_zone(dates.DEFAULT_ZONE)


def test_default_is_paris_and_every_overseas_zone_is_offered():
    assert S.ESTABLISHMENT_TIMEZONE.default == "Europe/Paris"
    assert dates.format_datetime(INSTANT) == "24/11/2026 10:58"
    assert {name for name, _ in dates.ZONES} == {"Europe/Paris", *OVERSEAS}
    for name, shown in OVERSEAS.items():
        dates.set_display_zone(name)
        assert dates.format_datetime(INSTANT) == shown, name
    assert dates.format_date(INSTANT) == "24/11/2026"  # Wallis, the last one
    with pytest.raises(SettingError):
        S.ESTABLISHMENT_TIMEZONE.validate("Mars/Olympus")


def test_the_same_instant_reads_the_same_everywhere():
    dates.set_display_zone("Indian/Reunion")
    expected = "24/11/2026 13:58"
    assert fiche_model.format_datetime(INSTANT) == expected  # list, forms
    assert purge_panel.local_text(INSTANT) == expected  # purge panel, « À propos »
    assert sync_status.local_stamp(INSTANT) == expected  # status bar
    assert dates.format_datetime(INSTANT, seconds=True) == expected + ":30"  # journal
    assert fiche_model.format_date(datetime(2026, 11, 24, 21, 0, tzinfo=UTC)) == "25/11/2026"
    with_clock = datetime(2026, 11, 30, 21, 30, tzinfo=UTC)
    assert dates.local_today(with_clock).isoformat() == "2026-12-01"


def test_forms_today_is_the_establishments(fake_clock):
    fake_clock.set(datetime(2026, 11, 30, 21, 30, tzinfo=UTC))
    assert fiche_form.today().isoformat() == "2026-11-30"  # Paris: 22:30
    dates.set_display_zone("Indian/Reunion")
    assert fiche_form.today().isoformat() == "2026-12-01"  # Réunion: 01:30


def test_the_session_takes_the_setting(data_dir: Path):
    init_store(data_dir)
    with open_store(data_dir) as db:
        SettingsStore(db, "referent").set(S.ESTABLISHMENT_TIMEZONE, "Pacific/Noumea")
        assert use_establishment_zone(db) == "Pacific/Noumea"
    assert dates.format_datetime(INSTANT) == "24/11/2026 20:58"


def test_cli_journal_prints_on_the_establishments_clock(data_dir: Path, capsys):
    assert main(["init"]) == 0
    with open_store(data_dir) as db:
        SettingsStore(db, "referent").set(S.ESTABLISHMENT_TIMEZONE, "America/Cayenne")
        instants = [from_db(r[1]) for r in journal_rows(db)]
    capsys.readouterr()
    assert main(["journal"]) == 0
    out = capsys.readouterr().out
    dates.set_display_zone("America/Cayenne")
    shown = re.findall(r"^(\d\d/\d\d/\d{4} \d\d:\d\d:\d\d)", out, re.MULTILINE)
    assert shown and set(shown) <= {dates.format_datetime(i, seconds=True) for i in instants}


def _sources() -> Iterator[tuple[Path, str]]:
    for path in sorted(APP.rglob("*.py")):
        if path == APP / "core" / "dates.py":
            continue
        yield path, path.read_text(encoding="utf-8")


def test_no_module_names_a_zone_or_asks_the_workstations():
    """Only ``app.core.dates`` knows the default zone; nothing shows the OS zone."""
    offenders = []
    for path, text in _sources():
        for n, line in enumerate(text.splitlines(), 1):
            code = line.split("#", 1)[0]
            if '"Europe/Paris"' in code or "'Europe/Paris'" in code:
                offenders.append(f"{path.relative_to(APP)}:{n} Europe/Paris")
            if ".astimezone()" in code:
                offenders.append(f"{path.relative_to(APP)}:{n} astimezone() without a zone")
            if "strftime(" in code and "%d/%m" in code and "%H" in code:
                offenders.append(f"{path.relative_to(APP)}:{n} its own date format")
    assert offenders == []

"""The purge as of an instant: boundaries, what is deleted, journal, clock safety, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from complete import complete

from app.core import settings as s
from app.core.clock import FakeClock
from app.core.enums import FicheKind, LifecycleState
from app.db import purge
from app.db.connection import Database
from app.db.drafts import DraftStore
from app.db.journal import chain_ok
from app.db.repositories import RetentionPolicy, journal_rows
from app.db.settings_store import SettingsStore
from app.db.timefmt import from_db, to_db
from tests.support.purge import (
    USER,
    contact,
    deadline_of,
    patient_zero,
    repo,
    save_at,
)

PARIS = ZoneInfo("Europe/Paris")
US = timedelta(microseconds=1)


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        # End of month: 30 November + 3 months is clipped to 28 February.
        (datetime(2020, 11, 30, 10, 0, tzinfo=PARIS), z(2021, 2, 28, 9, 0)),
        # Leap year: 30 November 2023 -> 29 February 2024.
        (datetime(2023, 11, 30, 10, 0, tzinfo=PARIS), z(2024, 2, 29, 9, 0)),
        # 29 February itself -> 29 May; 13:00 Paris winter time is 11:00 UTC in May,
        # earlier than the UTC calendar's 12:00.
        (datetime(2024, 2, 29, 12, 0, tzinfo=UTC), z(2024, 5, 29, 11, 0)),
        # 31 March -> 30 June (month end), summer time at the deadline.
        (datetime(2021, 3, 31, 8, 0, tzinfo=UTC), z(2021, 6, 30, 8, 0)),
        # Spring-forward: 02:30 on 27 March 2022 does not exist in Paris;
        # the earliest reading (00:30 UTC) wins over the UTC calendar (01:30).
        (datetime(2021, 12, 27, 2, 30, tzinfo=PARIS), z(2022, 3, 27, 0, 30)),
        # Fall-back: 02:30 on 30 October 2022 exists twice; the earlier one (00:30 UTC).
        (datetime(2022, 7, 30, 2, 30, tzinfo=PARIS), z(2022, 10, 30, 0, 30)),
        # Just before midnight in UTC+1: already 31 January in Paris, still the 31st
        # in UTC; the deadline is 23:30 Paris summer time on 30 April = 21:30 UTC.
        (datetime(2021, 1, 31, 23, 30, tzinfo=PARIS), z(2021, 4, 30, 21, 30)),
        # Just after midnight in UTC+1: 1 December in Paris but 30 November in UTC.
        # UTC calendar: 28 February 23:30 UTC; Paris: 1 March 00:30 = 23:30 UTC too.
        (datetime(2021, 12, 1, 0, 30, tzinfo=PARIS), z(2022, 2, 28, 23, 30)),
    ],
)
def test_fiche_is_kept_until_its_deadline_and_deleted_at_it(
    store: Database, fake_clock: FakeClock, created: datetime, expected: datetime
) -> None:
    pz = patient_zero()
    save_at(store, fake_clock, created, pz)
    assert from_db(deadline_of(store, pz.uuid)) == expected
    assert expected <= created + timedelta(days=92)

    fake_clock.set(expected - US)
    assert purge.purge(store).fiches == 0
    assert repo(store).exists(pz.uuid)

    fake_clock.set(expected)
    report = purge.purge(store)
    assert report.fiches == 1 and report.patients_zero == 1
    assert not repo(store).exists(pz.uuid)


def _count(db: Database, sql: str, *params: object) -> int:
    row = db.query_one(sql, params)
    assert row is not None
    return int(row[0])


def test_purge_deletes_fiche_expositions_outbox_receipt_and_drafts(
    store: Database, fake_clock: FakeClock, data_dir: object
) -> None:
    t0 = z(2026, 1, 10, 9)
    pz = complete(patient_zero("Abélard", 1), t0.date())
    pz.state = LifecycleState.VALIDATED  # queued for the sync: the purge drops its entry
    save_at(store, fake_clock, t0, pz)
    c = contact("Brisemoutier", pz, n=2)
    save_at(store, fake_clock, t0 + timedelta(days=20), c)
    store.execute(
        "INSERT INTO sync_receipts (fiche_uuid, version, reference, acknowledged_at)"
        " VALUES (?, 1, 'REF-1', ?)",
        (pz.uuid, to_db(t0)),
    )
    drafts = DraftStore(store)
    drafts.put(pz.uuid, FicheKind.PATIENT_ZERO, 1, {"nom_naissance": "Abélard-modifié"})
    drafts.put(c.uuid, FicheKind.CONTACT, 1, {"nom_naissance": "Brisemoutier"})
    fake_clock.set(t0 + timedelta(days=30))
    never_saved = "0f0f0f0f-0000-4000-8000-000000000001"
    drafts.put(never_saved, FicheKind.CONTACT, 0, {"nom_naissance": "Jamaisenregistré"})

    pz_deadline = from_db(deadline_of(store, pz.uuid))
    fake_clock.set(pz_deadline)
    report = purge.purge(store, USER)

    assert (report.fiches, report.patients_zero, report.contacts) == (1, 1, 0)
    assert report.expositions == 1 and report.outbox == 1
    assert _count(store, "SELECT count(*) FROM fiches WHERE uuid = ?", pz.uuid) == 0
    assert _count(store, "SELECT count(*) FROM outbox WHERE fiche_uuid = ?", pz.uuid) == 0
    assert _count(store, "SELECT count(*) FROM sync_receipts") == 0
    assert _count(store, "SELECT count(*) FROM expositions") == 0
    assert drafts.get(pz.uuid) is None  # gone with its fiche
    # The contact keeps its own deadline, from its own creation, and its draft.
    assert drafts.get(c.uuid) is not None
    assert repo(store).exists(c.uuid)
    assert from_db(deadline_of(store, c.uuid)) > pz_deadline
    assert report.next_deadline == from_db(deadline_of(store, c.uuid))

    # A draft of a fiche never saved goes at its own deadline (3 months after its first
    # write), and the purge is armed for it.
    assert purge.next_due(store, after=from_db(deadline_of(store, c.uuid))) is not None
    row = store.query_one("SELECT deadline FROM drafts WHERE uuid = ?", (never_saved,))
    assert row is not None
    draft_deadline = from_db(str(row[0]))
    fake_clock.set(draft_deadline)
    report = purge.purge(store)
    assert report.drafts == 1
    assert store.query_one("SELECT 1 FROM drafts WHERE uuid = ?", (never_saved,)) is None


def test_contact_of_two_patients_zero_keeps_its_own_deadline(
    store: Database, fake_clock: FakeClock
) -> None:
    t0 = z(2026, 1, 5, 9)
    first, second = patient_zero("Premier", 1), patient_zero("Second", 2)
    save_at(store, fake_clock, t0, first)
    save_at(store, fake_clock, t0 + timedelta(days=30), second)
    c = contact("Commun", first, second, n=3)
    save_at(store, fake_clock, t0 + timedelta(days=40), c)

    fake_clock.set(from_db(deadline_of(store, first.uuid)))
    assert purge.purge(store).fiches == 1
    linked = repo(store).patients_zero_of(c.uuid)
    assert [p.uuid for p in linked] == [second.uuid]

    fake_clock.set(from_db(deadline_of(store, second.uuid)))
    assert purge.purge(store).fiches == 1
    assert repo(store).exists(c.uuid)
    assert repo(store).get(c.uuid, journal_consultation=False).expositions == []

    fake_clock.set(from_db(deadline_of(store, c.uuid)))
    assert purge.purge(store).fiches == 1
    assert repo(store).summary()["total"] == 0


def test_journal_has_one_purge_entry_per_fiche_by_uuid_only(
    store: Database, fake_clock: FakeClock
) -> None:
    t0 = z(2026, 2, 1, 9)
    fiches = [patient_zero(f"Nomdefamille{i}", i) for i in range(5)]
    save_at(store, fake_clock, t0, *fiches)
    fake_clock.set(t0 + timedelta(days=100))
    purge.purge(store, "cli:testeur", batch=2)

    rows = store.query("SELECT user, fiche_uuid, detail FROM journal WHERE action = ?", ("purge",))
    assert sorted(str(r[1]) for r in rows) == sorted(f.uuid for f in fiches)
    assert {str(r[0]) for r in rows} == {"cli:testeur"}
    dump = " ".join(str(v) for row in store.query("SELECT * FROM journal") for v in row)
    assert "Nomdefamille" not in dump and fiches[0].nir not in dump
    assert chain_ok(journal_rows(store))


def test_second_run_deletes_nothing(store: Database, fake_clock: FakeClock) -> None:
    t0 = z(2026, 1, 1, 9)
    save_at(store, fake_clock, t0, *(patient_zero(n=i) for i in range(10)))
    save_at(store, fake_clock, t0 + timedelta(days=60), patient_zero(n=99))
    fake_clock.set(t0 + timedelta(days=95))
    assert purge.purge(store).fiches == 10
    assert purge.purge(store).fiches == 0
    assert repo(store).summary()["total"] == 1


def test_clock_set_backwards_does_not_postpone_a_deletion(
    store: Database, fake_clock: FakeClock
) -> None:
    late = z(2026, 6, 1, 12)
    fake_clock.set(late)
    purge.purge(store)  # the purge has now seen 1 June
    assert purge.high_water(store) == late

    fake_clock.set(z(2026, 5, 1, 12))  # the system clock is put back a month
    imported = patient_zero("Rétrograde", 7)
    imported.created_at = z(2026, 2, 15, 12)  # due 15 May: after the clock, before 1 June
    repo(store).save_many([imported], keep_created_at=True)
    assert purge.preview(store, fake_clock.now()).fiches == 0  # a naive purge would wait

    report = purge.purge(store)
    assert report.fiches == 1 and report.as_of == late
    assert purge.high_water(store) == late


def test_repositories_follow_the_retention_settings(store: Database, fake_clock: FakeClock) -> None:
    t0 = z(2026, 1, 31, 9)
    SettingsStore(store, USER).set(s.RETENTION_MONTHS, 1)
    pz = patient_zero()
    save_at(store, fake_clock, t0, pz)
    assert deadline_of(store, pz.uuid) == to_db(z(2026, 2, 28, 9))
    assert repo(store).retention == RetentionPolicy("Europe/Paris", 1, None)


def test_changing_the_settings_recomputes_every_deadline_at_once(
    store: Database, fake_clock: FakeClock
) -> None:
    t0 = z(2026, 5, 10, 9)  # summer time from creation to deadlines
    fiches = [patient_zero(n=i) for i in range(4)]
    save_at(store, fake_clock, t0, *fiches)
    settings = SettingsStore(store, USER)

    settings.set(s.RETENTION_MONTHS, 2)
    assert {deadline_of(store, f.uuid) for f in fiches} == {to_db(z(2026, 7, 10, 9))}

    settings.set(s.ESTABLISHMENT_TIMEZONE, "America/Cayenne")  # UTC-3: same instant
    settings.set(s.RETENTION_MONTHS, 3)
    assert {deadline_of(store, f.uuid) for f in fiches} == {to_db(z(2026, 8, 10, 9))}

    # Acknowledged transmission + 5 days comes first for the acknowledged fiche.
    store.execute(
        "INSERT INTO sync_receipts (fiche_uuid, version, reference, acknowledged_at)"
        " VALUES (?, 1, 'R', ?)",
        (fiches[0].uuid, to_db(t0 + timedelta(days=1))),
    )
    settings.set_many(
        {s.RETENTION_AFTER_TRANSMISSION.key: True, s.RETENTION_AFTER_TRANSMISSION_DAYS.key: 5}
    )
    assert deadline_of(store, fiches[0].uuid) == to_db(t0 + timedelta(days=6))
    assert deadline_of(store, fiches[1].uuid) == to_db(z(2026, 8, 10, 9))

    # An acknowledgement arriving later is applied by the next run, and armed for.
    store.execute(
        "INSERT INTO sync_receipts (fiche_uuid, version, reference, acknowledged_at)"
        " VALUES (?, 1, 'R2', ?)",
        (fiches[1].uuid, to_db(t0 + timedelta(days=2))),
    )
    assert purge.next_due(store) == t0 + timedelta(days=6)
    fake_clock.set(t0 + timedelta(days=6))
    report = purge.purge(store)
    assert report.fiches == 1 and report.deadlines_recomputed == 1
    assert deadline_of(store, fiches[1].uuid) == to_db(t0 + timedelta(days=7))
    assert report.next_deadline == t0 + timedelta(days=7)


def test_no_setting_can_push_a_deadline_past_three_months(
    store: Database, fake_clock: FakeClock
) -> None:
    settings = SettingsStore(store, USER)
    with pytest.raises(s.SettingError):
        settings.set(s.RETENTION_MONTHS, 4)
    with pytest.raises(s.SettingError):
        settings.set(s.RETENTION_AFTER_TRANSMISSION_DAYS, 200)
    settings.set_many(
        {s.RETENTION_AFTER_TRANSMISSION.key: True, s.RETENTION_AFTER_TRANSMISSION_DAYS.key: 92}
    )
    t0 = z(2026, 11, 30, 9)
    pz = patient_zero()
    save_at(store, fake_clock, t0, pz)
    store.execute(
        "INSERT INTO sync_receipts (fiche_uuid, version, reference, acknowledged_at)"
        " VALUES (?, 1, 'R', ?)",
        (pz.uuid, to_db(t0)),
    )
    purge.refresh_deadlines(store)
    assert deadline_of(store, pz.uuid) == to_db(z(2027, 2, 28, 9))


def test_preview_counts_without_deleting(store: Database, fake_clock: FakeClock) -> None:
    t0 = z(2026, 1, 1, 9)
    pz = complete(patient_zero(n=1), t0.date())
    neighbour = contact("Voisin", pz, n=2)
    neighbour.phones = ["+33612345679"]
    complete(neighbour, t0.date())
    pz.state = neighbour.state = LifecycleState.VALIDATED  # both queued for the sync
    save_at(store, fake_clock, t0, pz, neighbour)
    before = store.query("SELECT count(*) FROM journal")
    report = purge.preview(store, t0 + timedelta(days=120))
    assert (report.fiches, report.patients_zero, report.contacts) == (2, 1, 1)
    assert report.expositions == 1 and report.outbox == 2 and report.dry_run
    assert repo(store).summary()["total"] == 2
    assert store.query("SELECT count(*) FROM journal") == before

"""The drain against a real central service over loopback TLS, with faults injected."""

from __future__ import annotations

import json
import random
import threading
from datetime import timedelta
from pathlib import Path

from app.core.clock import FakeClock, get_clock
from app.core.enums import JournalAction, SyncState
from app.core.models import InformationGiven
from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.db.store import open_store
from app.services.fiches import FicheService
from app.sync import outbox
from app.sync.config import SyncConfig
from app.sync.engine import drain_once
from tests.support.central_service import FAST, USER, Central, make_fiches, start_central
from tests.support.checks import assert_in_step


def drain(db: Database, central: Central, **kw: object) -> object:
    return drain_once(db, USER, config=central.config(), policy=FAST, rng=random.Random(4), **kw)  # type: ignore[arg-type]


def test_plain_drain_sends_everything_once(db: Database, central: Central, token_for: str) -> None:
    fiches = make_fiches(db, 120)
    report = drain(db, central)
    assert (report.outcome, report.accepted, report.remaining) == ("ok", 120, 0)
    assert central.faults.requests == 3  # batches of 50
    assert_in_step(db, central.server.storage)
    detail = outbox.fiche_detail(db, fiches[0].uuid)
    assert detail is not None and detail.state is SyncState.SENT
    assert detail.reference and detail.reference.startswith("CC-")
    actions = [
        r[0] for r in db.query("SELECT action FROM journal WHERE fiche_uuid = ?", (fiches[0].uuid,))
    ]
    assert actions[-1] == JournalAction.TRANSMIT.value
    # Nothing pending: a second drain sends nothing.
    again = drain(db, central)
    assert (again.outcome, again.accepted, central.faults.requests) == ("ok", 0, 3)
    last = outbox.status(db, central_now())
    assert last.pending == 0 and last.last_success is not None


def central_now():
    from app.core.clock import get_clock

    return get_clock().now()


def test_payload_carries_identity_version_creation_anonymity_and_every_field(
    db: Database, central: Central, token_for: str
) -> None:
    (fiche,) = make_fiches(db, 1)
    item = outbox.next_batch(db, central_now(), 10)[0].payload()
    assert item["uuid"] == fiche.uuid and item["version"] == 1
    assert item["created_at"] == fiche.created_at.isoformat()  # type: ignore[union-attr]
    assert item["identity_disclosure"] == "oui" and item["type"] == "patient_zero"
    assert item["document"]["nom_naissance"] == "Fiche 0"
    assert item["document"]["divulgation_identite"] == "oui"


def test_server_down_then_back(
    db: Database, tmp_path: Path, token_for: str, central: Central
) -> None:
    make_fiches(db, 30)
    port = central.server.port
    central.server.stop()
    report = drain(db, central)
    assert report.outcome == "offline" and report.remaining == 30 and report.accepted == 0
    assert "injoignable" in report.message
    back = start_central(tmp_path / "central", port=port)
    try:
        report = drain(db, central)
        assert (report.outcome, report.accepted, report.remaining) == ("ok", 30, 0)
        assert_in_step(db, back.server.storage)
    finally:
        back.server.stop()


def test_5xx_bursts_hangs_and_drops_after_commit(
    db: Database, central: Central, token_for: str
) -> None:
    make_fiches(db, 200)
    f = central.faults
    f.add(
        ("status", 503, 0),
        ("status", 500, None),
        ("status", 503, None),
        ("drop_after_commit",),  # batch 1 committed, answer lost
        ("hang", 3.0),  # read timeout is 2 s
        ("drop_after_commit",),
        ("status", 502, None),
    )
    report = drain(db, central)
    assert (report.outcome, report.accepted, report.remaining) == ("ok", 200, 0), report
    assert f.statuses.count(-1) == 2 and 503 in f.statuses
    # Duplicate deliveries reached the server, yet it holds each fiche once.
    assert len(f.seen) > 200
    assert_in_step(db, central.server.storage)


def test_too_many_failures_leave_fiches_pending_for_later(
    db: Database, central: Central, token_for: str
) -> None:
    make_fiches(db, 10)
    central.faults.add(*[("status", 503, None)] * FAST.max_attempts)
    report = drain(db, central)
    assert report.outcome == "offline" and report.remaining == 10
    assert "indisponible" in report.message
    assert central.server.storage.fiches() == []
    report = drain(db, central)
    assert report.ok and report.remaining == 0
    assert_in_step(db, central.server.storage)


def test_long_retry_after_ends_the_sync_without_waiting(
    db: Database, central: Central, token_for: str
) -> None:
    make_fiches(db, 3)
    central.faults.add(("status", 503, 3600))
    report = drain(db, central)
    assert report.outcome == "offline" and report.retry_after == 3600
    assert central.faults.requests == 1


def test_batch_of_50_with_fiche_17_rejected(db: Database, central: Central, token_for: str) -> None:
    fiches = make_fiches(db, 50)
    bad = fiches[16]
    # Validated by an older version of the program, before the information became
    # required: stored as it is (the repository stores what it is given), refused
    # by the central service's own checks.
    good_information = bad.information
    bad.information = InformationGiven()
    FicheRepository(db, USER).save(bad)
    report = drain_once(db, USER, config=central.config(batch_size=50), policy=FAST)
    assert (report.accepted, report.rejected, report.remaining) == (49, 1, 0)
    assert central.faults.requests == 1
    # Fiche 17 keeps the server's French message; the others are acknowledged.
    detail = outbox.fiche_detail(db, bad.uuid)
    assert detail is not None and detail.state is SyncState.REJECTED
    assert detail.message and detail.message.startswith("Fiche refusée par le service central")
    assert detail.reference is None
    server = {f.uuid for f in central.server.storage.fiches()}
    assert server == {f.uuid for f in fiches} - {bad.uuid}
    # A later sync does not send the batch again, nor the rejected fiche.
    again = drain_once(db, USER, config=central.config(batch_size=50), policy=FAST)
    assert again.accepted == again.rejected == 0 and central.faults.requests == 1
    # Reopened for correction: nothing of it is pending; validated again, it goes (and only it).
    service = FicheService(db, USER)
    service.reopen(bad.uuid)
    assert outbox.count_sendable(db, get_clock().now()) == 0
    fixed = service.peek(bad.uuid)
    fixed.information = good_information
    service.validate(fixed)
    again = drain_once(db, USER, config=central.config(batch_size=50), policy=FAST)
    assert again.accepted == 1 and central.faults.seen[-1] == (bad.uuid, 4)
    assert_in_step(db, central.server.storage)


def test_edit_during_upload_is_not_lost(db: Database, central: Central, token_for: str) -> None:
    fiches = make_fiches(db, 5)
    target = fiches[2]

    def edit_in_flight() -> None:
        other = open_store()  # another connection, as the UI's database thread
        try:
            repo = FicheRepository(other, "test:ui")
            fiche = repo.get(target.uuid, journal_consultation=False)
            fiche.first_names = "Élodie"
            repo.save(fiche)
        finally:
            other.close()

    central.faults.add(("callback", edit_in_flight))
    report = drain(db, central)
    assert report.ok and report.remaining == 0
    # Version 1 went with the batch; version 2, saved while it was in flight, went next.
    assert (target.uuid, 1) in central.faults.seen and central.faults.seen[-1] == (target.uuid, 2)
    stored = {f.uuid: f for f in central.server.storage.fiches()}[target.uuid]
    assert stored.version == 2 and json.loads(stored.document)["prenoms"] == "Élodie"
    assert_in_step(db, central.server.storage)


def test_expired_fiche_is_never_sent(
    db: Database, central: Central, token_for: str, fake_clock: FakeClock
) -> None:
    (old,) = make_fiches(db, 1, "Ancienne")
    fake_clock.advance(timedelta(days=60))
    (young,) = make_fiches(db, 1, "Récente")
    fake_clock.advance(timedelta(days=35))  # the first one is past its 3 months
    report = drain(db, central)
    assert (report.accepted, report.remaining, report.expired) == (1, 0, 1)
    assert [u for u, _v in central.faults.seen] == [young.uuid]
    detail = outbox.fiche_detail(db, old.uuid)  # left for the purge, never sent
    assert detail is not None and detail.state is SyncState.PENDING
    assert_in_step(db, central.server.storage, expected={young.uuid})


def test_fiche_reaching_its_deadline_during_retries_is_left_out(
    db: Database, central: Central, token_for: str, fake_clock: FakeClock
) -> None:
    (old,) = make_fiches(db, 1, "Ancienne")
    fake_clock.advance(timedelta(days=40))
    (young,) = make_fiches(db, 1, "Récente")
    assert old.created_at is not None
    deadline = FicheRepository(db, USER).retention.deadline(old.created_at)
    fake_clock.set(deadline - timedelta(seconds=1))

    def time_passes() -> None:
        fake_clock.set(deadline + timedelta(seconds=1))

    # Attempt 1 carries both fiches and fails while the deadline passes;
    # attempt 2 is rebuilt without the expired one.
    central.faults.add(("status", 503, None, time_passes))
    report = drain(db, central)
    assert report.accepted == 1 and report.expired == 1
    assert central.faults.seen == [(old.uuid, 1), (young.uuid, 1), (young.uuid, 1)]
    assert [f.uuid for f in central.server.storage.fiches()] == [young.uuid]


def test_only_one_sync_at_a_time(db: Database, central: Central, token_for: str) -> None:
    from app import paths
    from app.sync.lock import SyncLock

    make_fiches(db, 2)
    with SyncLock(paths.data_dir()):
        report = drain(db, central)
    assert report.outcome == "busy" and report.remaining == 2 and central.faults.requests == 0
    assert drain(db, central).ok


def test_cancel_cuts_a_retry_wait_short(db: Database, central: Central, token_for: str) -> None:
    make_fiches(db, 3)
    cancel = threading.Event()
    central.faults.add(("status", 503, 30, cancel.set))  # would wait 30 s
    report = drain(db, central, cancel=cancel)
    assert report.outcome == "offline" and report.remaining == 3
    assert central.faults.requests == 1


def test_refused_token_asks_for_a_new_one(db: Database, central: Central) -> None:
    from app.sync.config import set_token

    make_fiches(db, 2)
    set_token(central.url, "tdk_not-the-right-token-0000")
    report = drain(db, central)
    assert report.outcome == "auth" and "nouveau jeton" in report.message
    assert report.remaining == 2 and central.faults.requests == 1


def test_missing_token(db: Database, central: Central) -> None:
    make_fiches(db, 1)
    report = drain(db, central)
    assert report.outcome == "auth" and "jeton" in report.message
    assert central.faults.requests == 0


def test_untrusted_certificate_is_refused(db: Database, central: Central, token_for: str) -> None:
    make_fiches(db, 1)
    report = drain_once(db, USER, config=central.config(ca_bundle=""), policy=FAST)
    assert report.outcome == "tls" and "certificat" in report.message
    assert central.faults.requests == 0


def test_4xx_is_not_retried(db: Database, central: Central, token_for: str) -> None:
    make_fiches(db, 1)
    central.faults.add(("status", 422, None))
    report = drain(db, central)
    assert report.outcome == "refused" and central.faults.requests == 1
    # 429 is retried after its Retry-After: tests/sync/test_central_client.py.
    assert drain(db, central).ok


def test_plain_http_refused_except_loopback_in_development_mode(
    db: Database, tmp_path: Path, token_for: str
) -> None:
    from app.sync.config import set_token
    from central.clock import now
    from central.server import BackgroundServer
    from tests.support.central_service import TOKEN

    make_fiches(db, 1)
    with BackgroundServer(tmp_path / "plain", tls=False) as server:
        server.storage.add_account(TOKEN, "test", now())
        set_token(server.url, TOKEN)
        config = SyncConfig(server_url=server.url)
        report = drain_once(db, USER, config=config, policy=FAST)
        assert report.outcome == "config" and "http://" in report.message
        dev = SyncConfig(server_url=server.url, dev_mode=True)
        assert drain_once(db, USER, config=dev, policy=FAST).ok
    remote = SyncConfig(server_url="http://192.0.2.1:8080", dev_mode=True)
    assert drain_once(db, USER, config=remote, policy=FAST).outcome == "config"


def test_overlapping_batches_send_each_version_once_in_queue_order(
    db: Database, central: Central, token_for: str
) -> None:
    """The next batch is read while the previous one is in flight: a fiche queued in both
    (saved again after its first entry) goes once, and every POST keeps queue order."""
    fiches = make_fiches(db, 3)
    repo = FicheRepository(db, USER)
    again = repo.get(fiches[0].uuid, journal_consultation=False)
    again.first_names = "Noémie"
    repo.save(again)  # a second pending entry, read with the second batch
    report = drain_once(db, USER, config=central.config(batch_size=2), policy=FAST)
    assert report.ok and (report.accepted, report.remaining) == (3, 0)
    seen = central.faults.seen
    assert len(seen) == len(set(seen)) == 3  # no (uuid, version) twice
    assert (fiches[0].uuid, 2) in seen and (fiches[0].uuid, 1) not in seen
    assert [u for u, _ in seen] == [f.uuid for f in fiches]  # queue order
    assert_in_step(db, central.server.storage)


def test_next_batch_stops_before_a_fiche_in_flight(db: Database) -> None:
    fiches = make_fiches(db, 4)
    now = get_clock().now()
    first = outbox.next_batch(db, now, 2)
    assert [i.uuid for i in first] == [f.uuid for f in fiches[:2]]
    repo = FicheRepository(db, USER)
    edited = repo.get(fiches[1].uuid, journal_consultation=False)
    edited.first_names = "Inès"
    repo.save(edited)  # queued after fiches 3 and 4
    flying = {i.uuid for i in first}
    later = outbox.next_batch(db, now, 10, first[-1].position, stop_at=flying)
    assert [i.uuid for i in later] == [f.uuid for f in fiches[2:]]  # halted before fiche 2
    assert outbox.next_batch(db, now, 10, later[-1].position, stop_at=flying) == []


def test_the_batch_behind_a_failed_one_does_not_spend_its_own_retries(
    db: Database, central: Central, token_for: str
) -> None:
    """The service goes down mid-drain: the batch in flight spends its retries, the one
    posted behind it gives up at once, so « hors ligne » is said no later than before."""
    make_fiches(db, 6)
    central.faults.add(*[("status", 503, None)] * (3 * FAST.max_attempts))
    report = drain_once(db, USER, config=central.config(batch_size=2), policy=FAST)
    assert report.outcome == "offline" and report.remaining == 6
    # The first batch's attempts, and at most one of the batch read behind it.
    assert FAST.max_attempts <= central.faults.requests <= FAST.max_attempts + 1
    assert central.server.storage.fiches() == []

"""The desktop client against the multi-establishment service: 413 splits the batch, 429 waits
for its Retry-After, a fiche owned by another partner is rejected with the service's message."""

from __future__ import annotations

from pathlib import Path

from app.db.connection import Database
from app.sync.config import set_token
from app.sync.engine import drain_once
from central.clock import now, to_text
from central.rules import MESSAGE_NOT_YOURS
from central.server import BackgroundServer
from tests.support.central_service import FAST, TOKEN, USER, Central, make_fiches
from tests.support.faults import FaultInjector


def _central(directory: Path, **kw: object) -> Central:
    holder: list[FaultInjector] = []

    def wrap(app: object) -> FaultInjector:
        holder.append(FaultInjector(app))
        return holder[0]

    server = BackgroundServer(directory, asgi_wrapper=wrap, **kw).start()  # type: ignore[arg-type]
    server.storage.add_account(TOKEN, "poste", now(), partner="ehpad")
    set_token(server.url, TOKEN)
    return Central(server, holder[0])


def test_a_batch_too_large_for_the_service_is_sent_in_halves(db: Database, tmp_path: Path) -> None:
    central = _central(tmp_path / "central", max_body=40_000)
    try:
        make_fiches(db, 60)
        report = drain_once(db, USER, config=central.config(batch_size=60), policy=FAST)
        assert (report.outcome, report.accepted, report.remaining) == ("ok", 60, 0)
        assert len(central.faults.statuses) > 2  # the 60 went in several smaller batches
        assert central.server.storage.counts()["fiches"] == 60
    finally:
        central.server.stop()


def test_429_is_retried_after_its_retry_after(db: Database, tmp_path: Path) -> None:
    central = _central(tmp_path / "central")
    try:
        make_fiches(db, 5)
        central.faults.add(("status", 429, 0))
        report = drain_once(db, USER, config=central.config(), policy=FAST)
        assert (report.outcome, report.accepted) == ("ok", 5)
        central.faults.add(("status", 429, 3600))  # longer than the policy allows: later
        make_fiches(db, 1, prefix="Suite")
        report = drain_once(db, USER, config=central.config(), policy=FAST)
        assert (report.outcome, report.remaining, report.retry_after) == ("offline", 1, 3600.0)
    finally:
        central.server.stop()


def test_a_uuid_of_another_partner_is_rejected_with_a_french_message(
    db: Database, tmp_path: Path
) -> None:
    central = _central(tmp_path / "central")
    try:
        (fiche,) = make_fiches(db, 1)
        with central.server.storage.transaction() as tx:  # another establishment got it first
            tx.execute(
                "INSERT INTO owners (uuid, account, created_at, deadline) VALUES (?, ?, ?, ?)",
                (fiche.uuid, "autre", to_text(now()), "2999-01-01T00:00:00.000000Z"),
            )
        report = drain_once(db, USER, config=central.config(), policy=FAST)
        assert (report.outcome, report.rejected, report.accepted) == ("ok", 1, 0)
        (error,) = db.query("SELECT last_error FROM outbox WHERE fiche_uuid = ?", (fiche.uuid,))
        assert error[0] == MESSAGE_NOT_YOURS
    finally:
        central.server.stop()

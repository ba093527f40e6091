"""The central service on a real PostgreSQL server (started by the tests)."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.db.connection import Database
from central.clock import now
from central.rules import Checked, check_item, store_item
from central.storage import Storage, month_of
from tests.central.test_central import make_item
from tests.support.central_service import FAST, USER, make_fiches, start_central
from tests.support.checks import assert_in_step


def test_exactly_once_under_concurrent_deliveries(pg_url: str) -> None:
    storage = Storage(pg_url)
    try:
        assert storage.kind == "postgresql"
        items = [make_item() for _ in range(5)]
        checked = [check_item(i, now()) for i in items]
        assert all(isinstance(c, Checked) for c in checked)
        storage.ensure_partitions([("test", month_of(now()))])
        results: list[tuple[str, str, bool]] = []
        barrier = threading.Barrier(8)
        lock = threading.Lock()

        def deliver() -> None:
            barrier.wait()
            for c in checked:
                assert isinstance(c, Checked)
                with storage.transaction() as tx:
                    r = store_item(tx, "test", c, now())
                with lock:
                    results.append((r.uuid, r.reference or "", r.replayed))

        threads = [threading.Thread(target=deliver) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # 8 deliveries of each fiche: one first reception, 7 replays, one reference.
        first = Counter(uuid for uuid, _ref, replayed in results if not replayed)
        assert first == Counter({i["uuid"]: 1 for i in items})
        refs = {uuid: {ref for u, ref, _ in results if u == uuid} for uuid, *_ in results}
        assert all(len(r) == 1 for r in refs.values())
        assert storage.counts()["fiches"] == 5 and len(storage.receipts()) == 5
    finally:
        storage.close()


def test_sync_with_faults_against_postgresql(db: Database, tmp_path: Path, pg_url: str) -> None:
    from app.sync.config import set_token
    from app.sync.engine import drain_once
    from tests.support.central_service import TOKEN

    central = start_central(tmp_path / "central", database_url=pg_url)
    try:
        assert central.server.storage.kind == "postgresql"
        set_token(central.url, TOKEN)
        make_fiches(db, 120)
        central.faults.add(("drop_after_commit",), ("status", 503, 0), ("drop_after_commit",))
        report = drain_once(db, USER, config=central.config(), policy=FAST)
        assert (report.outcome, report.accepted, report.remaining) == ("ok", 120, 0)
        assert_in_step(db, central.server.storage)
    finally:
        central.server.stop()


def test_one_idempotency_key_stores_one_body_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    from central.server import BackgroundServer
    from tests.central.test_central_security import race_one_key
    from tests.support.central_service import TOKEN

    with BackgroundServer(tmp_path / "central", tls=False, database_url=pg_url) as server:
        server.storage.add_account(TOKEN, "poste-a", now(), partner="ehpad-a")
        for round_ in range(5):
            bodies = [[make_item()] for _ in range(6)]
            assert race_one_key(server, f"pg-race-{round_:04d}", bodies) == [200] + [422] * 5
        assert server.storage.counts()["fiches"] == 5


def test_fiches_are_partitioned_by_partner_and_month(tmp_path: Path, pg_url: str) -> None:
    """A month is dropped as a whole once every fiche of it is past its deadline."""
    import psycopg

    from app.core.clock import FakeClock, get_clock, set_clock
    from central.server import BackgroundServer
    from tests.central.test_central import batch
    from tests.central.test_central_security import TOKEN_B, _http
    from tests.support.central_service import TOKEN

    previous = get_clock()
    clock = FakeClock(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    set_clock(clock)
    try:
        with BackgroundServer(tmp_path / "c", tls=False, database_url=pg_url) as server:
            server.storage.add_account(TOKEN, "poste-a", now(), partner="ehpad-a")
            server.storage.add_account(TOKEN_B, "poste-b", now(), partner="ehpad-b")
            with _http(server) as a, _http(server, TOKEN_B) as b:
                assert batch(a, [make_item()], "pa-000001").status_code == 200
                assert batch(b, [make_item()], "pb-000001").status_code == 200
                clock.set(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
                assert batch(a, [make_item()], "pa-000002").status_code == 200
            with psycopg.connect(pg_url) as conn:
                leaves = conn.execute(
                    "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    " WHERE c.relname LIKE 'fiches_p%\\_2026__' ESCAPE '\\'"
                ).fetchone()
                assert leaves is not None and leaves[0] == 3  # (a, nov), (b, nov), (a, dec)
                plan = "\n".join(
                    str(r[0])
                    for r in conn.execute(
                        "EXPLAIN SELECT * FROM fiches WHERE account = 'ehpad-a'"
                        " AND month = '2026-11' AND uuid = 'x'"
                    )
                )
                assert plan.count("Scan") == 1  # pruned to one partition
            # 2027-03-01: November's fiches are all past their deadline: dropped.
            assert server.storage.purge(datetime(2027, 3, 1, tzinfo=UTC)) == 2
            assert [f.account for f in server.storage.fiches()] == ["ehpad-a"]
            with psycopg.connect(pg_url) as conn:
                names = [
                    str(r[0])
                    for r in conn.execute(
                        "SELECT relname FROM pg_class WHERE relname LIKE 'fiches_p%'"
                    )
                ]
                assert not any(n.endswith("_202611") for n in names)
    finally:
        set_clock(previous)


@pytest.mark.parametrize("scheme", ["ftp", "mysql"])
def test_unknown_database_url_is_refused(scheme: str) -> None:
    with pytest.raises(ValueError):
        Storage(f"{scheme}://somewhere/db")

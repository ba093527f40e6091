"""The central service on a real PostgreSQL server (started by the tests)."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from app.db.connection import Database
from central.clock import now
from central.rules import Checked, check_item, store_item
from central.storage import Storage
from tests.sync.checks import assert_in_step
from tests.sync.conftest import FAST, USER, make_fiches, start_central
from tests.sync.test_central import make_item


def test_exactly_once_under_concurrent_deliveries(pg_url: str) -> None:
    storage = Storage(pg_url)
    try:
        assert storage.kind == "postgresql"
        items = [make_item() for _ in range(5)]
        checked = [check_item(i, now()) for i in items]
        assert all(isinstance(c, Checked) for c in checked)
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
    from tests.sync.conftest import TOKEN

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


@pytest.mark.parametrize("scheme", ["ftp", "mysql"])
def test_unknown_database_url_is_refused(scheme: str) -> None:
    with pytest.raises(ValueError):
        Storage(f"{scheme}://somewhere/db")

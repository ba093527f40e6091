"""Soak: kill -9 the sync command at random moments, restart, and count what was lost or duplicated.

Each iteration adds 15 fiches and edits 5, starts ``tracing-desk sync`` against
the local central service (batches of 5, 20 ms of server latency per batch)
and kills it with SIGKILL a random moment after its first request reached the
server. After the last iteration one normal sync runs, then:

- lost = local fiches missing on the server, or held there at another version
  or with another content;
- duplicated = fiches on the server that are not local, plus extra central
  references for one fiche (a fiche created twice), plus local fiches still
  pending after the final sync.

Usage: ``.venv/bin/python bench/soak_sync.py [--iterations 200] [--seed S]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import keyring  # noqa: E402
from memkeyring import FileTestKeyring  # noqa: E402

from app import paths  # noqa: E402
from app.db.store import init_store, open_store  # noqa: E402
from app.sync.config import set_token  # noqa: E402
from app.sync.engine import drain_once  # noqa: E402
from tests.e2e.test_sync_kill import _env, kill_and_restart  # noqa: E402
from tests.support.central_service import FAST, TOKEN, start_central  # noqa: E402
from tests.support.checks import local_documents  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**9)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        os.environ["TRACING_DESK_TEST_KEYRING"] = str(base / "keyring.json")
        keyring.set_keyring(FileTestKeyring())
        data = base / "data"
        paths.set_data_dir_override(data)
        central = start_central(base / "central")
        central.faults.latency = 0.02
        try:
            init_store()
            db = open_store()
            try:
                set_token(central.url, TOKEN)
                env = _env(base / "keyring.json", data)
                start = time.monotonic()
                mid = kill_and_restart(db, central, env, args.iterations, random.Random(seed))
                final = drain_once(db, "soak", config=central.config(), policy=FAST)
                local = local_documents(db)
                pending = db.query_one(
                    "SELECT count(DISTINCT fiche_uuid) FROM outbox WHERE state = 'pending'"
                )
            finally:
                db.close()
            server = {f.uuid: f for f in central.server.storage.fiches()}
            refs: dict[str, set[str]] = defaultdict(set)
            for uuid, _version, ref in central.server.storage.receipts():
                refs[uuid].add(ref)
        finally:
            central.server.stop()
    lost = sum(
        1
        for uuid, doc in local.items()
        if uuid not in server or json.loads(server[uuid].document) != doc
    )
    duplicated = (
        len(set(server) - set(local))
        + sum(len(r) - 1 for r in refs.values())
        + (int(pending[0]) if pending else 0)
    )
    print(f"seed {seed}: {args.iterations} kill-and-restart iterations in "
          f"{time.monotonic() - start:.0f} s, {mid} kills during a sync")  # fmt: skip
    print(f"final sync: {final.outcome}, {final.accepted} accepted, {final.remaining} remaining")
    print(f"local fiches: {len(local)}, on the central service: {len(server)}")
    print(f"deliveries seen by the server: {len(central.faults.seen)}")
    print(f"lost: {lost}")
    print(f"duplicated: {duplicated}")
    return 0 if lost == 0 and duplicated == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

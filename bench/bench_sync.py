"""Sync benchmark: the outbox drained to the local central service vs raw httpx POSTs.

Both sides send exactly the same batches (200 fiches each, the same JSON bytes)
to the same central service software, each time started fresh in its own
process with an empty database (a second delivery would only be a replay):

- raw: ``httpx.Client.post`` of the pre-encoded batches, nothing else;
- sync: ``drain_once``: reading the outbox and the fiches from the encrypted
  store, encoding, posting, recording every answer (outbox, fiche state,
  receipt, journal) in one transaction per batch.

The ratio printed is raw time / sync time (1.0 = the sync costs nothing
beyond the HTTP round trips; target ≥ 0.9, issue 16). Usage:
``.venv/bin/python bench/bench_sync.py [--fiches 10000] [--rounds 2]``.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import httpx  # noqa: E402
import keyring  # noqa: E402
from complete import complete  # noqa: E402
from memkeyring import MemoryKeyring  # noqa: E402

from app import paths  # noqa: E402
from app.core.clock import get_clock  # noqa: E402
from app.core.enums import Consent, LifecycleState  # noqa: E402
from app.core.models import Contact, Exposition, PatientZero  # noqa: E402
from app.db.connection import Database  # noqa: E402
from app.db.store import init_store, open_store, store_id  # noqa: E402
from app.db.watermark import KEYRING_PREFIX  # noqa: E402
from app.services.fiches import FicheService  # noqa: E402
from app.sync import outbox  # noqa: E402
from app.sync.config import SyncConfig, set_token  # noqa: E402
from app.sync.engine import drain_once, encode_batch, idempotency_key  # noqa: E402
from app.sync.transport import BATCH_PATH, HEALTH_PATH, ssl_context  # noqa: E402
from central.server import free_port  # noqa: E402

BATCH = 200


class CentralProcess:
    """``python -m central`` on a free loopback port with a fresh data directory."""

    def __init__(self, directory: Path) -> None:
        self.token = "tdk_" + secrets.token_urlsafe(24)
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.ca = directory / "tls" / "dev-ca.pem"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "central",
                "--port",
                str(self.port),
                "--data-dir",
                str(directory),
                "--token-stdin",
                "--purge-interval",
                "0",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        assert self.proc.stdin is not None
        self.proc.stdin.write((self.token + "\n").encode())
        self.proc.stdin.close()
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.ca.exists():
                    r = httpx.get(self.url + HEALTH_PATH, verify=ssl_context(str(self.ca)))
                    if r.status_code == 200:
                        return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("central service did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(20)


def make_store(n: int) -> None:
    """n validated fiches (only those leave): patients zéro with 0–4 contacts each."""
    init_store()
    db = open_store()
    today = get_clock().now().date()
    try:
        repo = FicheService(db, "bench")
        made = 0
        chunk: list[PatientZero | Contact] = []
        i = 0
        while made < n:
            pz = PatientZero(
                birth_name=f"Lefèvre {i}",
                first_names="Élise",
                identity_disclosure=Consent.YES,
                phones=["+33612345678"],
                state=LifecycleState.VALIDATED,
            )
            chunk.append(complete(pz, today))
            made += 1
            for j in range(min(i % 5, n - made)):
                contact = Contact(
                    birth_name=f"Moreau {i}-{j}",
                    first_names="Hélène",
                    expositions=[Exposition(patient_zero_uuid=pz.uuid)],
                    state=LifecycleState.VALIDATED,
                )
                chunk.append(complete(contact, today))
                made += 1
            i += 1
            if len(chunk) >= 1000:
                repo.save_many(chunk)
                chunk = []
        if chunk:
            repo.save_many(chunk)
    finally:
        db.close()


def batches(db: Database) -> list[bytes]:
    out = []
    after = 0
    while True:
        items = outbox.next_batch(db, get_clock().now(), BATCH, after)
        if not items:
            return out
        after = items[-1].position
        out.append(encode_batch(items))


def run_raw(bodies: list[bytes], work: Path) -> float:
    central = CentralProcess(work)
    try:
        with httpx.Client(
            base_url=central.url,
            verify=ssl_context(str(central.ca)),
            headers={"Authorization": f"Bearer {central.token}"},
            timeout=60,
        ) as client:
            start = time.perf_counter()
            for body in bodies:
                r = client.post(
                    BATCH_PATH,
                    content=body,
                    headers={
                        "Idempotency-Key": idempotency_key(body),
                        "Content-Type": "application/json",
                    },
                )
                r.raise_for_status()
            return time.perf_counter() - start
    finally:
        central.stop()


def run_sync(store_copy: Path, work: Path) -> tuple[float, int]:
    paths.set_data_dir_override(store_copy)
    central = CentralProcess(work)
    try:
        set_token(central.url, central.token)
        db = open_store()
        try:
            config = SyncConfig(server_url=central.url, ca_bundle=str(central.ca), read_timeout=60)
            start = time.perf_counter()
            report = drain_once(db, "bench", config=config)
            elapsed = time.perf_counter() - start
            assert report.ok and report.remaining == 0, report
            return elapsed, report.accepted
        finally:
            db.close()
    finally:
        central.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fiches", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        source = base / "store"
        paths.set_data_dir_override(source)
        t0 = time.perf_counter()
        make_store(args.fiches)
        print(f"store: {args.fiches} fiches created in {time.perf_counter() - t0:.1f} s")
        db = open_store()
        try:
            bodies = batches(db)
        finally:
            db.close()
        size = sum(len(b) for b in bodies)
        print(f"{len(bodies)} batches of up to {BATCH} fiches, {size / 1e6:.1f} MB of JSON")
        # Each round drains a copy of the same store: its high-water mark in
        # the keyring (app.db.watermark) must be the copy's, not the one the
        # previous round's drain left, or the copy opens read-only.
        mark_name = KEYRING_PREFIX + store_id(source)
        mark = keyring.get_password("tracing-desk", mark_name)
        raw_times, sync_times = [], []
        for r in range(args.rounds):
            copy = base / f"sync-{r}"
            subprocess.run(["cp", "-a", str(source), str(copy)], check=True)
            if mark is not None:
                keyring.set_password("tracing-desk", mark_name, mark)
            elif keyring.get_password("tracing-desk", mark_name) is not None:
                keyring.delete_password("tracing-desk", mark_name)
            raw_times.append(run_raw(bodies, base / f"central-raw-{r}"))
            elapsed, accepted = run_sync(copy, base / f"central-sync-{r}")
            sync_times.append(elapsed)
            print(
                f"round {r + 1}: raw {raw_times[-1]:.2f} s, sync {elapsed:.2f} s "
                f"({accepted} accepted)"
            )
        raw, sync = min(raw_times), min(sync_times)
        print(f"raw httpx POSTs : {raw:.2f} s ({args.fiches / raw:,.0f} fiches/s)")
        print(f"sync (drain)    : {sync:.2f} s ({args.fiches / sync:,.0f} fiches/s)")
        print(f"ratio raw/sync  : {raw / sync:.2f} (target >= 0.9)")
    os.environ.pop("TRACING_DESK_DATA_DIR", None)


if __name__ == "__main__":
    main()

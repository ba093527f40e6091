"""Load test of the central service on loopback: concurrent partners posting batches.

Each client is its own partner (its own token) and posts ``--batches`` batches
of ``--size`` new, valid fiches, one after the other, all clients at once. The
service runs in its own process (``python -m central --no-tls``) over
PostgreSQL (a private cluster started here, as the tests do, or
``--database-url``) or SQLite (``--sqlite``).

Printed: fiches/s and batch latency (p50, p95, max) of the service, and a raw
baseline measured in the same run on the same database: the same number of
clients inserting the same rows (UUID, document) with plain ``INSERT``s, one
transaction per batch, no HTTP, no checks. Usage:

    .venv/bin/python bench/bench_central_load.py [--clients 20] [--batches 50] [--size 200]
        [--database-url URL | --sqlite]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid as uuid_mod
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from app.core.enums import Consent  # noqa: E402
from app.core.serialize import fiche_to_dict  # noqa: E402
from central.clock import now  # noqa: E402
from central.server import free_port  # noqa: E402
from central.storage import Storage, sqlite_url  # noqa: E402
from tests.support.central_service import complete_patient_zero  # noqa: E402


def template_item() -> dict[str, Any]:
    fiche = complete_patient_zero(
        now().date(), birth_name="Charge", first_names="Test", identity_disclosure=Consent.NO
    )
    fiche.version = 1
    fiche.created_at = fiche.updated_at = now()
    return {
        "uuid": fiche.uuid,
        "version": 1,
        "created_at": fiche.created_at.isoformat(),
        "type": "patient_zero",
        "identity_disclosure": "non",
        "document": fiche_to_dict(fiche),
    }


def new_items(template: dict[str, Any], count: int) -> list[dict[str, Any]]:
    out = []
    for _ in range(count):
        item = copy.deepcopy(template)
        item["uuid"] = item["document"]["uuid"] = str(uuid_mod.uuid4())
        out.append(item)
    return out


def run_clients(clients: int, work: Callable[[int], list[float]]) -> tuple[float, list[float]]:
    """Run *work(i)* in *clients* threads started together; (wall seconds, every latency)."""
    barrier = threading.Barrier(clients + 1)
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def body(i: int) -> None:
        barrier.wait()
        try:
            mine = work(i)
        except BaseException as exc:  # reported after the run
            errors.append(exc)
            return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    if errors:
        raise errors[0]
    return wall, latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def service_load(
    url: str, tokens: list[str], args: argparse.Namespace
) -> tuple[float, list[float]]:
    template = template_item()

    def work(i: int) -> list[float]:
        latencies = []
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {tokens[i]}"}, timeout=120
        ) as http:
            for b in range(args.batches):
                items = new_items(template, args.size)
                body = json.dumps({"protocol": 1, "fiches": items}).encode()
                started = time.perf_counter()
                reply = http.post(
                    "/v1/fiches/batch",
                    content=body,
                    headers={
                        "Idempotency-Key": f"load-{i}-{b}",
                        "Content-Type": "application/json",
                    },
                )
                latencies.append(time.perf_counter() - started)
                reply.raise_for_status()
                statuses = {r["status"] for r in reply.json()["results"]}
                if statuses != {"accepted"}:
                    raise RuntimeError(f"unexpected results: {statuses}")
        return latencies

    return run_clients(args.clients, work)


def raw_inserts(storage: Storage, args: argparse.Namespace) -> tuple[float, list[float]]:
    """The baseline: plain INSERTs of the same rows, one transaction per batch."""
    with storage.transaction() as tx:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS bench_raw (uuid TEXT PRIMARY KEY, account TEXT NOT NULL,"
            " document TEXT NOT NULL)"
        )
    template = template_item()

    def work(i: int) -> list[float]:
        latencies = []
        for _ in range(args.batches):
            rows = [
                (item["uuid"], f"raw-{i}", json.dumps(item["document"]))
                for item in new_items(template, args.size)
            ]
            started = time.perf_counter()
            with storage.transaction() as tx:
                if tx.postgres:
                    tx._conn.cursor().executemany("INSERT INTO bench_raw VALUES (%s, %s, %s)", rows)
                else:
                    tx._conn.executemany("INSERT INTO bench_raw VALUES (?, ?, ?)", rows)
            latencies.append(time.perf_counter() - started)
        return latencies

    return run_clients(args.clients, work)


def report(name: str, fiches: int, wall: float, latencies: list[float]) -> float:
    rate = fiches / wall
    print(
        f"{name:<28} {fiches:>8} fiches in {wall:7.2f} s = {rate:8.0f} fiches/s;"
        f" batch latency p50 {statistics.median(latencies) * 1000:7.1f} ms,"
        f" p95 {percentile(latencies, 95) * 1000:7.1f} ms, max {max(latencies) * 1000:7.1f} ms"
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()

    cluster = None
    with tempfile.TemporaryDirectory(prefix="td-load-") as tmp:
        data = Path(tmp)
        if args.sqlite:
            url = sqlite_url(data / "central.db")
        elif args.database_url:
            url = args.database_url
        else:
            from tests.support.pgcluster import PgCluster

            cluster = PgCluster().start()
            url = cluster.create_database("load")
        storage = Storage(url, pool_size=max(8, args.clients))
        tokens = []
        for i in range(args.clients):
            token = f"tdk_load-{i:04d}-" + uuid_mod.uuid4().hex
            storage.add_account(token, f"poste-{i}", now(), partner=f"etab-{i:05d}")
            tokens.append(token)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "central",
                "--no-tls",
                "--port",
                str(port),
                "--data-dir",
                str(data),
                "--database-url",
                url,
                "--purge-interval",
                "0",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=open(os.environ.get("CENTRAL_LOAD_LOG", os.devnull), "w"),  # noqa: SIM115
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            total = args.clients * args.batches * args.size
            print(
                f"central service ({storage.kind}), {args.clients} clients × {args.batches}"
                f" batches × {args.size} fiches, loopback, {os.cpu_count()} CPU"
            )
            service = report("service (HTTP + checks)", total, *service_load(base, tokens, args))
            raw = report("baseline (raw INSERTs)", total, *raw_inserts(storage, args))
            print(f"service / raw INSERT throughput: {service / raw:.2f}")
            counts = storage.counts()
            assert counts["fiches"] == total, counts
        finally:
            server.terminate()
            server.wait(20)
            storage.close()
            if cluster is not None:
                cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Purge benchmark: the retention purge against a raw SQLCipher DELETE of the same rows.

A store of N fiches (patients zéro with 0–4 contacts, the rows the repository
writes, inserted raw in creation order: see :func:`build`) is built once; the
oldest 20 % are due. Each
variant then runs on a fresh copy of it, with the same page cache size:

1. raw SQLCipher ``DELETE FROM fiches WHERE deadline <= ?`` (one transaction,
   foreign keys on so expositions cascade as in the program; secure_delete off);
2. the same with ``secure_delete = ON`` (for information);
3. ``app.db.purge.purge`` without the secure clean-up (secure_delete off, no
   checkpoint, no vacuum): batches, outbox, receipts, one journal entry per fiche;
4. ``purge`` as the program runs it: secure_delete on, then
   ``incremental_vacuum`` and ``wal_checkpoint(TRUNCATE)``. The one-time
   switch to incremental auto-vacuum (a full VACUUM, done by the program's
   first purge) is timed separately, before the variants.

While (4) runs, a reader on its own connection keeps fetching the first page
of the list (what the UI's database thread does): its latencies show whether
the UI would stay responsive.

Usage: ``.venv/bin/python bench/bench_purge.py [--fiches N] [--cache-mb M]``.
The issue's figure is N = 1,000,000 (a few minutes to build; each variant
copies the store and deletes 200,000 fiches); the default is 200,000.
Nothing is asserted: read the ratios.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import keyring  # noqa: E402
import sqlcipher3  # noqa: E402
from memkeyring import MemoryKeyring  # noqa: E402

from app.core import text  # noqa: E402
from app.core.clock import FakeClock, set_clock  # noqa: E402
from app.core.enums import LifecycleState, SyncState  # noqa: E402
from app.core.models import AnyFiche, Contact  # noqa: E402
from app.core.serialize import exposition_to_json, fiche_to_json  # noqa: E402
from app.db import purge  # noqa: E402
from app.db.demo import _contact, _patient_zero  # noqa: E402
from app.db.retention import RetentionPolicy  # noqa: E402
from app.db.store import init_store, open_store, store_id  # noqa: E402
from app.db.timefmt import to_db  # noqa: E402
from app.db.watermark import KEYRING_PREFIX  # noqa: E402

START = datetime(2026, 1, 1, 8, tzinfo=UTC)
SPAN_DAYS = 100
CHUNK = 10_000


def build(data: Path, n: int, seed: int = 7) -> datetime:
    """N fiches created over SPAN_DAYS in creation order; returns the instant 20 % are due at.

    The rows are the ones the repository writes (the same columns, documents,
    search and digit columns, deadlines, expositions; one outbox entry per
    validated fiche, already sent), inserted with raw ``executemany`` into a
    new store opened with its raw key: the schema's triggers (journal head,
    digit index) run as for any insert. Minutes for 1,000,000 fiches, where
    saving them one batch at a time through the repository took about an hour.
    """
    init_store(data)
    key = keyring.get_password("tracing-desk", store_id(data))
    con = sqlcipher3.connect(str(data / "tracing.db"), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{key}'\"")
    con.execute("PRAGMA cipher_compatibility = 4")
    con.execute("PRAGMA journal_mode = WAL").fetchall()
    con.execute("PRAGMA synchronous = OFF")  # a bench file: rebuilt if the machine stops
    con.execute("PRAGMA cache_size = -262144")
    rng = random.Random(seed)
    policy = RetentionPolicy()
    step = timedelta(days=SPAN_DAYS) / n
    made = 0
    fiches: list[tuple[object, ...]] = []
    expositions: list[tuple[object, ...]] = []
    queued: list[tuple[object, ...]] = []
    deadlines: dict[datetime, tuple[str, str]] = {}

    def flush() -> None:
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO fiches (uuid, kind, state, version, created_at, updated_at, deadline,"
            " sync_state, search_name, birth_date, nir, phones, unit, data, demo)"
            " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            fiches,
        )
        con.executemany(
            "INSERT INTO expositions (uuid, contact_uuid, patient_zero_uuid, data)"
            " VALUES (?, ?, ?, ?)",
            expositions,
        )
        con.executemany(
            "INSERT INTO outbox (fiche_uuid, version, op, queued_at, state, attempts)"
            " VALUES (?, 1, 'upsert', ?, 'sent', 1)",
            queued,
        )
        con.execute("COMMIT")
        fiches.clear()
        expositions.clear()
        queued.clear()

    while made < n:
        created = START + step * made
        stamps = deadlines.get(created)
        if stamps is None:
            stamps = deadlines[created] = (to_db(created), to_db(policy.deadline(created)))
        pz = _patient_zero(rng, created)
        group: list[AnyFiche] = [pz]
        group += [_contact(rng, pz, created) for _ in range(rng.randint(0, 4))]
        for f in group[: n - made]:
            f.created_at = f.updated_at = created
            f.version = 1
            draft = f.state is LifecycleState.DRAFT
            fiches.append(
                (
                    f.uuid,
                    f.kind.value,
                    f.state.value,
                    stamps[0],
                    stamps[0],
                    stamps[1],
                    (SyncState.LOCAL if draft else SyncState.SENT).value,
                    text.search_name(f),
                    f.birth_date.isoformat() if f.birth_date else None,
                    f.nir or None,
                    text.phones_digits(f.phones),
                    f.establishment.unit,
                    fiche_to_json(f, expositions=False),
                )
            )
            if isinstance(f, Contact):
                expositions.extend(
                    (e.uuid, f.uuid, e.patient_zero_uuid, exposition_to_json(e))
                    for e in f.expositions
                )
            if not draft:
                queued.append((f.uuid, stamps[0]))
        made += len(group[: n - made])
        if len(fiches) >= CHUNK or made >= n:
            flush()
            print(f"\r  built {made}/{n}", end="", flush=True)
    print()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    db = open_store(data)
    stamps_sorted = [str(r[0]) for r in db.query("SELECT deadline FROM fiches ORDER BY deadline")]
    db.checkpoint_truncate()
    db.close()
    cut = stamps_sorted[len(stamps_sorted) // 5 - 1]
    return datetime.strptime(cut, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


_MARKS: dict[str, str | None] = {}


def _copy(src: Path, dest: Path) -> Path:
    """A fresh copy of the store *src*, its high-water mark in the keyring put back too.

    Every copy has the same store id, so the keyring's mark (app.db.watermark)
    is shared: after a variant appended journal entries, the next copy would
    look rolled back and open read-only.
    """
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    name = KEYRING_PREFIX + store_id(src)
    if name not in _MARKS:
        _MARKS[name] = keyring.get_password("tracing-desk", name)
    mark = _MARKS[name]
    if mark is not None:
        keyring.set_password("tracing-desk", name, mark)
    elif keyring.get_password("tracing-desk", name) is not None:
        keyring.delete_password("tracing-desk", name)
    return dest


def raw_delete(data: Path, as_of: datetime, cache_kib: int, secure: bool) -> tuple[float, int]:
    key = keyring.get_password("tracing-desk", store_id(data))
    con = sqlcipher3.connect(str(data / "tracing.db"), isolation_level=None)
    con.execute(f"PRAGMA key = \"x'{key}'\"")
    con.execute("PRAGMA cipher_compatibility = 4")
    con.execute("PRAGMA journal_mode = WAL").fetchall()
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute(f"PRAGMA secure_delete = {'ON' if secure else 'OFF'}")
    con.execute(f"PRAGMA cache_size = -{cache_kib}")
    con.execute("SELECT count(*) FROM sqlite_master").fetchall()
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    cur = con.execute("DELETE FROM fiches WHERE deadline <= ?", (to_db(as_of),))
    deleted = cur.rowcount
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, deleted


def run_purge(
    data: Path, as_of: datetime, cache_kib: int, secure: bool, reader: bool = False
) -> tuple[float, purge.PurgeReport, list[float]]:
    set_clock(FakeClock(as_of))
    db = open_store(data)
    db.execute(f"PRAGMA secure_delete = {'ON' if secure else 'OFF'}")
    db.execute(f"PRAGMA cache_size = -{cache_kib}")
    latencies: list[float] = []
    stop = threading.Event()

    def read_pages() -> None:
        other = open_store(data)
        other.execute(f"PRAGMA cache_size = -{cache_kib}")
        while not stop.is_set():
            t = time.perf_counter()
            other.query(
                "SELECT uuid, kind, state, created_at, deadline FROM fiches"
                " ORDER BY created_at DESC, id DESC LIMIT 100"
            )
            latencies.append((time.perf_counter() - t) * 1000)
            stop.wait(0.05)
        other.close()

    thread = threading.Thread(target=read_pages) if reader else None
    if thread:
        thread.start()
    try:
        start = time.perf_counter()
        report = purge.purge(db, "bench", secure_cleanup=secure)
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        if thread:
            thread.join()
        db.close()
    return elapsed, report, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fiches", type=int, default=200_000)
    parser.add_argument("--cache-mb", type=int, default=8)
    parser.add_argument("--dir", type=Path, default=None, help="work directory (default: temp)")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    cache_kib = args.cache_mb * 1024
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp_name:
        tmp = Path(tmp_name)
        print(f"building {args.fiches} fiches ...")
        t = time.perf_counter()
        as_of = build(tmp / "template", args.fiches)
        size = (tmp / "template" / "tracing.db").stat().st_size / 2**20
        print(f"  built in {time.perf_counter() - t:.1f} s, {size:.0f} MiB")
        # The program switches a store to incremental auto-vacuum at its first
        # purge (one full VACUUM, usually while it is young and small); measured
        # here once on the full store, then every variant starts from that file.
        set_clock(FakeClock(START))
        db = open_store(tmp / "template")
        db.execute(f"PRAGMA cache_size = -{cache_kib}")
        t = time.perf_counter()
        purge._ensure_incremental_vacuum(db)
        print(f"  one-time switch to incremental auto-vacuum: {time.perf_counter() - t:.1f} s")
        db.close()
        print(f"purge 20 % of {args.fiches} fiches, cache {args.cache_mb} MiB on every connection")

        raw_s, deleted = raw_delete(_copy(tmp / "template", tmp / "w"), as_of, cache_kib, False)
        print(f"  raw SQLCipher DELETE                  {raw_s:8.2f} s  ({deleted} fiches)")
        raw_sec, _ = raw_delete(_copy(tmp / "template", tmp / "w"), as_of, cache_kib, True)
        print(
            f"  raw DELETE, secure_delete on          {raw_sec:8.2f} s  {raw_sec / raw_s:5.2f}x raw"
        )
        plain_s, report, _ = run_purge(_copy(tmp / "template", tmp / "w"), as_of, cache_kib, False)
        assert report.fiches == deleted
        print(
            f"  purge, no secure clean-up             {plain_s:8.2f} s  {plain_s / raw_s:5.2f}x raw"
            "   (target <= 1.2x)"
        )
        full_s, report, lat = run_purge(
            _copy(tmp / "template", tmp / "w"), as_of, cache_kib, True, reader=True
        )
        assert report.fiches == deleted and report.vacuumed
        print(
            f"  purge + secure delete, TRUNCATE, vacuum {full_s:6.2f} s  {full_s / raw_s:5.2f}x raw"
            "   (target <= 2x)"
        )
        if lat:
            lat.sort()
            print(
                f"  list page read meanwhile (own connection): {len(lat)} reads, median "
                f"{statistics.median(lat):.1f} ms, p95 {lat[int(len(lat) * 0.95)]:.1f} ms, "
                f"max {lat[-1]:.1f} ms"
            )
        shutil.rmtree(tmp / "w")


if __name__ == "__main__":
    main()

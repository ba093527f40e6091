"""Store benchmarks, printed as ratios against raw baselines measured in the same run.

1. Opening the database with the raw key (all checks included) against opening
   a plain SQLite file and reading its schema.
2. Saving fiches through the repository (serialisation, search columns,
   outbox and journal entries, one transaction) against raw SQLCipher
   ``executemany`` inserts of exactly the same rows into the same schema, and
   against plain SQLite.

Usage: ``.venv/bin/python bench/bench_store.py [--fiches N] [--opens N] [--rounds N]
[--no-open]``.
Nothing is asserted: these machines are noisy, read the ratios.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

import keyring  # noqa: E402
import sqlcipher3  # noqa: E402
from memkeyring import MemoryKeyring  # noqa: E402

from app.core.models import AnyFiche  # noqa: E402
from app.db.connection import Database  # noqa: E402
from app.db.demo import _contact, _patient_zero  # noqa: E402
from app.db.repositories import FicheRepository  # noqa: E402
from app.db.store import init_store, open_store, store_id  # noqa: E402


def median_ms(fn: Callable[[], object], n: int) -> float:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def make_fiches(n: int, seed: int = 7) -> list[AnyFiche]:
    from datetime import UTC, datetime

    rng = random.Random(seed)
    now = datetime.now(UTC)
    out: list[AnyFiche] = []
    while len(out) < n:
        pz = _patient_zero(rng, now)
        out.append(pz)
        for _ in range(rng.randint(0, 4)):
            out.append(_contact(rng, pz, now))
    for f in out[:n]:
        f.created_at = None
    return out[:n]


def bench_open(tmp: Path, opens: int) -> None:
    data = tmp / "open"
    init_store(data)
    key = keyring.get_password("tracing-desk", store_id(data))
    assert key is not None
    raw = bytes.fromhex(key)
    db_path = data / "tracing.db"

    plain = tmp / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()

    def open_plain() -> None:
        c = sqlite3.connect(plain)
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
        c.close()

    def open_bare_cipher() -> None:
        c = sqlcipher3.connect(str(db_path))
        c.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
        c.close()

    def open_raw_key() -> None:
        Database.open(db_path, raw_key=raw).close()

    def open_full() -> None:
        open_store(data).close()

    base = median_ms(open_plain, opens)
    bare = median_ms(open_bare_cipher, opens)
    ours = median_ms(open_raw_key, opens)
    full = median_ms(open_full, opens)
    print(f"open  plain SQLite                      {base:8.3f} ms")
    print(f"open  SQLCipher raw key, no checks      {bare:8.3f} ms   ratio {bare / base:5.2f}x")
    print(f"open  SQLCipher raw key + checks        {ours:8.3f} ms   ratio {ours / base:5.2f}x")
    print(f"open  open_store (keyring, id, schema)  {full:8.3f} ms   ratio {full / base:5.2f}x")


def _rows_for(fiches: list[AnyFiche], tmp: Path) -> dict[str, list[tuple[object, ...]]]:
    """Save through the repository once, then read back exactly the rows it wrote."""
    data = tmp / "rows"
    init_store(data)
    db = open_store(data)
    FicheRepository(db, "bench").save_many([f for f in fiches])
    tables = {}
    for table in ("fiches", "expositions", "outbox", "journal"):
        tables[table] = db.query(f"SELECT * FROM {table} ORDER BY id")
    db.close()
    for f in fiches:
        f.version = 0
        f.created_at = None
    return tables


def _raw_insert(con: object, rows: dict[str, list[tuple[object, ...]]]) -> None:
    cur = con.cursor()  # type: ignore[attr-defined]
    cur.execute("BEGIN IMMEDIATE")
    for table, table_rows in rows.items():
        if table_rows:
            marks = ",".join("?" * len(table_rows[0]))
            cur.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
    cur.execute("COMMIT")


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, this process's CPU seconds) of one call of *fn*."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_save(tmp: Path, n: int, rounds: int) -> None:
    """Best of *rounds* for each side, each round on fresh files.

    Wall time is what the target is about; CPU time (the process's, SQLCipher
    included) is printed too, since it moves less on a machine shared with
    other work. Both sides run in this one process, alternately.
    """
    fiches = make_fiches(n)
    rows = _rows_for(fiches, tmp)
    total_rows = sum(len(r) for r in rows.values())
    ref = tmp / "rows" / "tracing.db"
    raw: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    repo_times: list[tuple[float, float]] = []
    for r in range(rounds):
        # raw SQLCipher, same schema, same pragmas
        # (a new store, opened with its raw key: the very schema, settings and triggers)
        raw_dir = tmp / f"raw-cipher-{r}"
        init_store(raw_dir)
        key = keyring.get_password("tracing-desk", store_id(raw_dir))
        con = sqlcipher3.connect(str(raw_dir / "tracing.db"), isolation_level=None)
        con.execute(f"PRAGMA key = \"x'{key}'\"")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA secure_delete=ON")
        raw.append(_timed(lambda c=con: _raw_insert(c, rows)))  # type: ignore[misc]
        con.close()

        pcon = sqlite3.connect(str(tmp / f"raw-plain-{r}.db"), isolation_level=None)
        pcon.execute("PRAGMA journal_mode=WAL")
        pcon.execute("PRAGMA synchronous=NORMAL")
        _copy_schema(ref, pcon)
        plain.append(_timed(lambda c=pcon: _raw_insert(c, rows)))  # type: ignore[misc]
        pcon.close()

        data = tmp / f"repo-{r}"
        init_store(data)
        db = open_store(data)
        repo = FicheRepository(db, "bench")
        batch = [f for f in fiches]
        repo_times.append(_timed(lambda r=repo, b=batch: r.save_many(b)))  # type: ignore[misc]
        db.close()
        for f in fiches:
            f.version = 0
            f.created_at = None
            f.updated_at = None

    raw_s, raw_cpu = min(t[0] for t in raw), min(t[1] for t in raw)
    plain_s = min(t[0] for t in plain)
    repo_s, repo_cpu = min(t[0] for t in repo_times), min(t[1] for t in repo_times)
    print(
        f"save  {n} fiches = {total_rows} rows (fiches, expositions, outbox, journal),"
        f" best of {rounds}"
    )
    print(f"save  plain SQLite executemany          {total_rows / plain_s:10.0f} rows/s")
    print(f"save  raw SQLCipher executemany         {total_rows / raw_s:10.0f} rows/s")
    print(
        f"save  repository save_many              {total_rows / repo_s:10.0f} rows/s"
        f"   {raw_s / repo_s:5.2f}x raw SQLCipher (target >= 0.6x)"
    )
    print(
        f"save  CPU time: raw {raw_cpu:.2f} s, repository {repo_cpu:.2f} s"
        f"   {raw_cpu / repo_cpu:5.2f}x"
    )


def _copy_schema(ref: Path, con: object) -> None:
    """The schema of the store *ref* (triggers, indexes, virtual tables) into *con*.

    A virtual table makes its own shadow tables (skipped), whose settings
    (``<name>_config``, e.g. FTS5's ``secure-delete``) are copied.
    """
    key = keyring.get_password("tracing-desk", store_id(ref.parent))
    src = sqlcipher3.connect(str(ref))
    src.execute(f"PRAGMA key = \"x'{key}'\"")
    entries = src.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [n for _, n, sql in entries if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    configs = {v: src.execute(f"SELECT * FROM {v}_config").fetchall() for v in virtual}
    src.close()
    for kind, name, stmt in entries:
        if kind == "table" and any(name.startswith(v + "_") for v in virtual):
            continue
        con.execute(stmt)  # type: ignore[attr-defined]
    for v, rows in configs.items():
        con.executemany(f"INSERT OR REPLACE INTO {v}_config VALUES (?, ?)", rows)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fiches", type=int, default=20_000)
    parser.add_argument("--opens", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="save rounds (best is kept)")
    parser.add_argument("--no-open", action="store_true", help="only the save benchmark")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_open:
            bench_open(Path(tmp), args.opens)
        bench_save(Path(tmp), args.fiches, args.rounds)


if __name__ == "__main__":
    main()

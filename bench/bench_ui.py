"""UI benchmarks, printed as ratios against raw baselines measured in the same run.

1. Start-up to a usable main window on a store of 10,000 fiches (process start,
   keyring, SQLCipher open, window shown, first page and counts in) against a
   bare PySide6 window showing a 10,000-row table (process start to first
   paint). Each in a fresh process, median of a few runs, after one untimed run
   of each: the children compile their modules once into a bytecode cache of
   the bench's folder (``PYTHONPYCACHEPREFIX``), as an installed program has
   its ``.pyc`` files, even where ``PYTHONDONTWRITEBYTECODE`` is set.
2. Search latency for the first page at 200,000 and 1,000,000 fiches: the list
   model's query through the database thread and the service, as the window
   does (first page, journaled consultation; the count follows) against the
   raw indexed query on a raw SQLCipher connection (the same first page, no
   count). Both sides run another search just before each timed one, so the
   SQLite cache is in the same state. « 0612 » (phone digits) is also
   compared with the raw name query « lefèv » at the same size.
3. The longest UI-thread stall while typing a search (a key every 120 ms) in
   the main window at 1,000,000 fiches: the largest gap between ticks of a
   5 ms timer, from the first key until the results are shown (after letting
   the window's start-up settle for 3 s).

Usage (needs a display or ``QT_QPA_PLATFORM=offscreen``, set by default here)::

    .venv/bin/python bench/bench_ui.py [--medium 200000] [--large 1000000] [--runs 3]
    .venv/bin/python bench/bench_ui.py --fiches 2000 --json   # quick try, one size
    .venv/bin/python bench/bench_ui.py --startup-only [--runs 5]   # the start-up ratio only

``--fiches N`` runs the search and typing benchmarks at N fiches only (and the
start-up one at min(N, 10,000)). ``--json`` prints only one JSON object on
stdout (progress goes to stderr)::

    {"startup_ratio": float,
     "search": [{"query", "fiches", "raw_ms", "first_page_ms", "ratio"}, ...],
     "typing_stall_ms": float}

Nothing is asserted: read the numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = ["Lefèvre", "Martin", "Bernard", "Dubois", "Œuvray", "Girard", "Moreau", "Laurent"]
FIRST = ["Élodie", "Jean", "Chloé", "Loïc", "Inès", "Hervé", "Zoé", "Mathéo", "Anaïs", "Noël"]
SETTLE_MS = 3000
QUERIES = ["lefèv", "martin zoé", "01/01/1940", "0612"]


def rows(start: int, n: int, now: datetime) -> Iterator[tuple[object, ...]]:
    from app.core import text

    for i in range(start, start + n):
        surname = SURNAMES[i % len(SURNAMES)]
        first = FIRST[(i // 7) % len(FIRST)]
        created = now - timedelta(seconds=i * 7)
        data = {"nom_naissance": surname, "nom_usage": "", "prenoms": first, "sexe": "feminin"}
        phone = f"+336{i % 100_000_000:08d}"
        yield (
            f"00000000-0000-4000-8000-{i:012d}",
            "patient_zero" if i % 5 == 0 else "contact",
            "validee",
            1,
            created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            (created + timedelta(days=90)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "pending",
            text.fold(f"{surname} {first}"),
            date(1940 + i % 60, 1 + i % 12, 1 + i % 28).isoformat(),
            None,
            text.phones_digits([phone]),
            "Gériatrie",
            json.dumps(data, ensure_ascii=False),
        )


def make_store(directory: Path, n: int) -> Path:
    """A store with *n* synthetic fiches (direct inserts; the keyring file is beside it)."""
    from app.db.store import init_store, open_store

    data = directory / f"store-{n}"
    if (data / "tracing.db").exists():
        return data
    init_store(data)
    db = open_store(data)
    now = datetime.now(UTC)
    try:
        for start in range(0, n, 50_000):
            with db.transaction() as cur:
                cur.executemany(
                    "INSERT INTO fiches (uuid, kind, state, version, created_at, updated_at,"
                    " deadline, sync_state, search_name, birth_date, nir, phones, unit, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows(start, min(50_000, n - start), now),
                )
        db.execute("ANALYZE")
    finally:
        db.close()
    return data


# -- children (fresh processes) ---------------------------------------------------------
def child_bare(n: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

    app = QApplication([])
    window = QMainWindow()
    table = QTableWidget(n, 8)
    for r in range(n):
        for c in range(8):
            table.setItem(r, c, QTableWidgetItem(f"{SURNAMES[r % 8]} {r}:{c}"))
    window.setCentralWidget(table)
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()


def child_app(data_dir: str) -> None:
    import keyring
    from memkeyring import FileTestKeyring

    keyring.set_keyring(FileTestKeyring())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.db.store import open_store
    from app.ui.main_window import MainWindow
    from app.workers.db_thread import DbThread

    app = QApplication([])
    thread = DbThread()
    thread.start()
    opened = thread.open(lambda: (open_store(Path(data_dir)), None))
    window = MainWindow(thread, Path(data_dir), "bench")
    window.resize(1366, 768)

    def poll() -> None:
        if window.fiches.model.is_loaded() and window.summary_label.text():
            print("READY", flush=True)
            app.quit()
        else:
            QTimer.singleShot(1, poll)

    opened.finished.connect(lambda _i: (window.show(), window.refresh(), poll()))
    app.exec()
    thread.shutdown()


def timed_child(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(60)
    if line.strip() != "READY":
        raise RuntimeError(f"child failed: {args}")
    return elapsed


# -- the benchmarks ----------------------------------------------------------------------
def bench_startup(tmp: Path, env: dict[str, str], runs: int, n: int = 10_000) -> float:
    """Return the start-up ratio (main window / bare window)."""
    data = make_store(tmp, n)
    env = dict(env, PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_args, app_args = ["--child-bare", str(n)], ["--child-app", str(data)]
    timed_child(bare_args, env)  # untimed: fills the bytecode cache
    timed_child(app_args, env)
    bare = statistics.median(timed_child(bare_args, env) for _ in range(runs))
    ours = statistics.median(timed_child(app_args, env) for _ in range(runs))
    print(f"start-up  bare PySide6 window, {n:,}-row table   {bare * 1000:8.0f} ms")
    print(f"start-up  Tracing Desk main window, {n:,} fiches {ours * 1000:8.0f} ms")
    print(
        f"start-up  ratio                                    {ours / bare:8.2f} x  (target ≤ 1.5)"
    )
    return ours / bare


def bench_search(tmp: Path, n: int, runs: int) -> list[dict[str, object]]:
    """Return one entry per query: raw and list-model first page (median ms), ratio."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.db.fiche_queries import ROW_COLUMNS, FicheQuery, search_clause
    from app.db.repositories import FicheRepository
    from app.db.store import open_store
    from app.services.fiches import FicheService
    from app.ui.fiche_model import PAGE_SIZE, FicheListModel
    from app.workers.db_thread import DbThread

    data = make_store(tmp, n)
    raw = open_store(data)
    repo = FicheRepository(raw, "bench")
    thread = DbThread()
    thread.start()
    ticket = thread.open(lambda: (open_store(data), None))
    loop = QEventLoop()
    ticket.finished.connect(loop.quit)
    loop.exec()
    # The window's path: the list reads through the service, which journals each page.
    model = FicheListModel(thread, lambda db: FicheService(db, "bench"), FicheQuery())
    reset = FicheQuery(text="\x00reset")
    reset_clause = search_clause(reset, repo.now())
    reset_sql = ROW_COLUMNS + reset_clause.where() + " ORDER BY created_at DESC, id DESC LIMIT ?"
    results: list[dict[str, object]] = []
    raw_name_ms: float | None = None
    for text in QUERIES:
        query = FicheQuery(text=text)
        clause = search_clause(query, repo.now())
        sql = ROW_COLUMNS + clause.where() + " ORDER BY created_at DESC, id DESC LIMIT ?"
        raw_ms = []
        for _ in range(runs):
            # The same query before, on both sides: the model's runs follow another search
            # (which leaves other pages in SQLite's cache), so the raw ones do too.
            raw.query(reset_sql, [*reset_clause.params, PAGE_SIZE])
            start = time.perf_counter()
            raw.query(sql, [*clause.params, PAGE_SIZE])
            raw_ms.append((time.perf_counter() - start) * 1000)
        ours_ms: list[float] = []
        total_ms: list[float] = []
        for _ in range(runs):
            model.set_query(reset)  # a different query every time
            loop = QEventLoop()
            model.count_changed.connect(loop.quit)
            QTimer.singleShot(0, loop.quit) if model.is_loaded() else None
            loop.exec()
            model.count_changed.disconnect(loop.quit)
            loop = QEventLoop()
            model.modelReset.connect(loop.quit)  # the first page is on screen
            start = time.perf_counter()
            model.set_query(query)
            loop.exec()
            ours_ms.append((time.perf_counter() - start) * 1000)
            model.modelReset.disconnect(loop.quit)
            if not model.is_loaded():  # let the count finish before the next run
                loop = QEventLoop()
                model.count_changed.connect(loop.quit)
                loop.exec()
                model.count_changed.disconnect(loop.quit)
            total_ms.append((time.perf_counter() - start) * 1000)
        r, o = statistics.median(raw_ms), statistics.median(ours_ms)
        t = statistics.median(total_ms)
        print(
            f"search {n:>9,} « {text} »: raw first page {r:8.1f} ms, list model first page"
            f" {o:8.1f} ms, ratio {o / max(r, 0.01):7.1f} x  (target ≤ 3);"
            f" with the count {t:8.1f} ms"
        )
        if text == "lefèv":
            raw_name_ms = r
        elif text == "0612" and raw_name_ms is not None:
            print(
                f"search {n:>9,} « {text} » (phone digits): list model first page vs raw name"
                f" query « lefèv » {o / max(raw_name_ms, 0.01):7.1f} x  (target ≤ 10)"
            )
        results.append(
            {
                "query": text,
                "fiches": n,
                "raw_ms": round(r, 3),
                "first_page_ms": round(o, 3),
                "ratio": round(o / max(r, 0.01), 3),
            }
        )
    thread.shutdown()
    raw.close()
    return results


def bench_typing(tmp: Path, n: int) -> float:
    """Return the longest UI-thread stall (ms) while typing a search."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from app.db.store import open_store
    from app.ui.main_window import MainWindow
    from app.workers.db_thread import DbThread
    from tests.ui.helpers import type_text

    data = make_store(tmp, n)
    thread = DbThread()
    thread.start()
    ticket = thread.open(lambda: (open_store(data), None))
    loop = QEventLoop()
    ticket.finished.connect(loop.quit)
    loop.exec()
    window = MainWindow(thread, data, "bench")
    window.resize(1366, 768)
    window.show()
    window.refresh()
    loop = QEventLoop()
    window.fiches.model.count_changed.connect(loop.quit)
    loop.exec()
    # Let start-up settle (first paints, the purge's and the sync's start-up jobs):
    # the stall measured is the one of typing.
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    stamps: list[float] = []

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        stamps.append(now / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)
    word = "lefèvre élo"
    keys = list(word)
    done = QEventLoop()
    window.fiches.model.count_changed.connect(
        lambda _n: done.quit() if not keys and window.fiches.search.text() == word else None
    )

    def next_key() -> None:
        if keys:
            type_text(window.fiches.search, keys.pop(0))
            QTimer.singleShot(120, next_key)

    last[0] = clock.nsecsElapsed()
    heartbeat.start()
    start = time.perf_counter()
    next_key()
    QTimer.singleShot(120_000, done.quit)
    done.exec()
    total = time.perf_counter() - start
    heartbeat.stop()
    worst = max(gaps) if gaps else 0.0
    if os.environ.get("BENCH_UI_VERBOSE"):
        top = sorted(zip(gaps, stamps, strict=True), reverse=True)[:6]
        print("  longest gaps (ms, at ms):", [(round(g), round(t - stamps[0])) for g, t in top])
    print(
        f"typing {n:>9,} « {word} » ({len(word)} keys, 120 ms apart): longest UI-thread stall"
        f" {worst:6.1f} ms (target < 50), results after {total * 1000:6.0f} ms"
    )
    window.close()
    thread.shutdown()
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description="UI benchmarks (ratios against raw baselines).")
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--medium", type=int, default=200_000)
    parser.add_argument(
        "--fiches",
        type=int,
        default=None,
        help="one size for search and typing (start-up at min(N, 10000)): a quick try",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object on stdout, progress on stderr"
    )
    parser.add_argument("--dir", type=Path, default=None, help="keep the stores here")
    parser.add_argument(
        "--startup-only", action="store_true", help="only the start-up ratio (quick)"
    )
    parser.add_argument("--child-bare", type=int)
    parser.add_argument("--child-app")
    args = parser.parse_args()
    if args.child_bare:
        child_bare(args.child_bare)
        return
    if args.child_app:
        child_app(args.child_app)
        return

    out = sys.stdout
    if args.json:
        with contextlib.redirect_stdout(sys.stderr):
            result = run(args)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    else:
        run(args)


def run(args: argparse.Namespace) -> dict[str, object]:
    """Run the three benchmarks (printing as they go) and return the figures."""
    tmp = args.dir or Path(tempfile.mkdtemp(prefix="bench-ui-"))
    tmp.mkdir(parents=True, exist_ok=True)
    keyring_file = tmp / "keyring.json"
    os.environ["TRACING_DESK_TEST_KEYRING"] = str(keyring_file)
    import keyring
    from memkeyring import FileTestKeyring

    keyring.set_keyring(FileTestKeyring())
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests" / "support")])

    from PySide6.QtWidgets import QApplication

    sizes = [args.fiches] if args.fiches else [args.medium, args.large]
    qapp = QApplication([])
    startup_ratio = bench_startup(tmp, env, args.runs, min(sizes[0], 10_000))
    if args.startup_only:
        return {"startup_ratio": round(startup_ratio, 3)}
    search: list[dict[str, object]] = []
    for n in sizes:
        t0 = time.perf_counter()
        make_store(tmp, n)
        print(f"(store of {n:,} fiches ready in {time.perf_counter() - t0:.0f} s)")
        search += bench_search(tmp, n, args.runs)
    stall = bench_typing(tmp, sizes[-1])
    del qapp
    return {
        "startup_ratio": round(startup_ratio, 3),
        "search": search,
        "typing_stall_ms": round(stall, 3),
    }


if __name__ == "__main__":
    main()

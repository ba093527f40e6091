"""Where the central service keeps what it received: SQLite by default, PostgreSQL by URL.

``open_storage("sqlite:///path/central.db")`` or
``open_storage("postgresql://user@host:port/db")``. Both speak the same SQL
(written with ``?`` placeholders, turned into ``%s`` for PostgreSQL).

Exactly-once is the ``receipts`` primary key (fiche UUID, version): the first
delivery of a version inserts its receipt; any later delivery finds it and is
compared by payload hash. Per fiche, work is serialised by the transaction
(SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-level advisory lock on
the UUID), so two concurrent deliveries cannot both create a fiche.
"""

from __future__ import annotations

import hashlib
import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from central.clock import to_text

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS accounts (
    token_hash TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS fiches (
    uuid        TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reference   TEXT NOT NULL UNIQUE,
    document    TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS fiches_deadline ON fiches(deadline)",
    """CREATE TABLE IF NOT EXISTS receipts (
    uuid         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    payload_hash TEXT NOT NULL,
    reference    TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    PRIMARY KEY (uuid, version)
)""",
    "CREATE INDEX IF NOT EXISTS receipts_deadline ON receipts(deadline)",
    """CREATE TABLE IF NOT EXISTS idempotency (
    account      TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (account, key)
)""",
]

#: How long a batch response is kept for replays of its Idempotency-Key.
IDEMPOTENCY_TTL = timedelta(hours=24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredFiche:
    uuid: str
    version: int
    kind: str
    created_at: str
    deadline: str
    reference: str
    document: str


class Tx:
    """One open transaction: ``execute`` with ``?`` placeholders."""

    def __init__(self, conn: Any, postgres: bool) -> None:
        self._conn = conn
        self.postgres = postgres

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.postgres:
            sql = sql.replace("?", "%s")
        cur = self._conn.cursor()
        cur.execute(sql, tuple(params))
        return cur

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def lock_fiche(self, uuid: str) -> None:
        """Serialise the work on one fiche (PostgreSQL; SQLite already serialises writers)."""
        if self.postgres:
            self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (uuid,))


class Storage:
    """A small pool of connections to one database."""

    def __init__(self, url: str, *, pool_size: int = 8) -> None:
        parsed = urlparse(url)
        self.url = url
        if parsed.scheme == "sqlite":
            self.postgres = False
            # sqlite:///relative or sqlite:////absolute, as SQLAlchemy writes them.
            self._sqlite_path = url[len("sqlite:///") :]
            if not self._sqlite_path:
                raise ValueError("sqlite URL without a path")
            Path(self._sqlite_path).parent.mkdir(parents=True, exist_ok=True)
        elif parsed.scheme in ("postgresql", "postgres"):
            self.postgres = True
        else:
            raise ValueError(f"unsupported database URL scheme: {parsed.scheme!r}")
        self._pool: queue.LifoQueue[Any] = queue.LifoQueue()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._pool_size = pool_size
        self._slots = threading.BoundedSemaphore(pool_size)
        with self.transaction() as tx:
            for sql in SCHEMA:
                tx.execute(sql)

    @property
    def kind(self) -> str:
        return "postgresql" if self.postgres else "sqlite"

    def _connect(self) -> Any:
        if self.postgres:
            import psycopg

            return psycopg.connect(self.url, autocommit=True)
        conn = sqlite3.connect(
            self._sqlite_path, isolation_level=None, check_same_thread=False, timeout=30
        )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A transaction on a pooled connection; rolled back on any exception."""
        self._slots.acquire()
        try:
            try:
                conn = self._pool.get_nowait()
            except queue.Empty:
                conn = self._connect()
                with self._lock:
                    self._all.append(conn)
            broken = False
            try:
                conn.execute("BEGIN" if self.postgres else "BEGIN IMMEDIATE")
                try:
                    yield Tx(conn, self.postgres)
                except BaseException:
                    try:
                        conn.execute("ROLLBACK")
                    except Exception:
                        broken = True
                    raise
                conn.execute("COMMIT")
            except BaseException:
                if self.postgres and getattr(conn, "closed", False):
                    broken = True
                raise
            finally:
                if broken:
                    with self._lock:
                        self._all.remove(conn)
                else:
                    self._pool.put(conn)
        finally:
            self._slots.release()

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            with suppress(Exception):
                conn.close()
        while not self._pool.empty():
            self._pool.get_nowait()

    # ------------------------------------------------------------ accounts

    def add_account(self, token: str, label: str, at: datetime) -> None:
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO accounts (token_hash, label, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (token_hash) DO UPDATE SET label = excluded.label",
                (token_hash(token), label, to_text(at)),
            )

    def account_for(self, token: str) -> str | None:
        """The label of the partner account owning *token*, or ``None``."""
        with self.transaction() as tx:
            row = tx.one("SELECT label FROM accounts WHERE token_hash = ?", (token_hash(token),))
        return None if row is None else str(row[0])

    # -------------------------------------------------------------- reading

    def fiches(self) -> list[StoredFiche]:
        """Every stored fiche (tests, demonstrations, the benchmark)."""
        with self.transaction() as tx:
            rows = tx.all(
                "SELECT uuid, version, kind, created_at, deadline, reference, document"
                " FROM fiches ORDER BY uuid"
            )
        return [StoredFiche(str(r[0]), int(r[1]), *(str(x) for x in r[2:])) for r in rows]

    def receipts(self) -> list[tuple[str, int, str]]:
        """Every (UUID, version, reference) received."""
        with self.transaction() as tx:
            rows = tx.all("SELECT uuid, version, reference FROM receipts ORDER BY uuid, version")
        return [(str(r[0]), int(r[1]), str(r[2])) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.transaction() as tx:
            out = {}
            for table in ("fiches", "receipts", "idempotency", "accounts"):
                row = tx.one(f"SELECT count(*) FROM {table}")
                out[table] = int(row[0]) if row else 0
        return out

    # ----------------------------------------------------------------- purge

    def purge(self, now: datetime) -> int:
        """Delete what is past its deadline (3 months) and old idempotency records."""
        stamp = to_text(now)
        with self.transaction() as tx:
            deleted = tx.execute("DELETE FROM fiches WHERE deadline <= ?", (stamp,)).rowcount
            tx.execute("DELETE FROM receipts WHERE deadline <= ?", (stamp,))
            tx.execute(
                "DELETE FROM idempotency WHERE created_at <= ?",
                (to_text(now - IDEMPOTENCY_TTL),),
            )
        return int(deleted or 0)


def open_storage(url: str) -> Storage:
    return Storage(url)


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path.absolute())

"""Where the central service keeps what it received: SQLite by default, PostgreSQL by URL.

``open_storage("sqlite:///path/central.db")`` or
``open_storage("postgresql://user@host:port/db")``. Both speak the same SQL
(written with ``?`` placeholders, turned into ``%s`` for PostgreSQL).

Partners and tokens: a *partner* is an establishment (label, FINESS, time zone);
it has one or more tokens (``accounts``: one per workstation), each revocable.
Only the SHA-256 of a token is kept.

Ownership: ``owners`` maps every fiche UUID to the partner that first delivered
it (and its creation instant and deadline); another partner can neither change
nor learn about it.

Exactly-once is the ``receipts`` key (partner, month, fiche UUID, version): the
first delivery of a version inserts its receipt; any later delivery finds it
and is compared by payload hash. A batch runs in one transaction together with
its ``idempotency`` record. SQLite: ``BEGIN IMMEDIATE`` serialises writers.
PostgreSQL (READ COMMITTED): a transaction-level advisory lock on the partner's
Idempotency-Key, then one per fiche UUID in a fixed order, is taken before any
read, so that what is read next is what the previous holder committed.

PostgreSQL keeps ``fiches`` and ``receipts`` partitioned by partner (LIST), then
by creation month in UTC (LIST on ``month``, ``YYYY-MM``): a month whose every
fiche is past its deadline is dropped as a whole (``DROP TABLE``), and a new
partition is created, outside the batch's transaction, the first time a
partner delivers in a month (the purge creates next month's ahead).
"""

from __future__ import annotations

import hashlib
import queue
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from central.clock import to_text

DEFAULT_TIMEZONE = "Europe/Paris"

_COMMON = [
    """CREATE TABLE IF NOT EXISTS partners (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    finess     TEXT NOT NULL DEFAULT '',
    timezone   TEXT NOT NULL DEFAULT 'Europe/Paris',
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS accounts (
    token_hash   TEXT PRIMARY KEY,
    label        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    partner      TEXT,
    revoked_at   TEXT,
    last_used_at TEXT
)""",
    """CREATE TABLE IF NOT EXISTS owners (
    uuid       TEXT PRIMARY KEY,
    account    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deadline   TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS owners_deadline ON owners(deadline)",
    """CREATE TABLE IF NOT EXISTS idempotency (
    account      TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (account, key)
)""",
    "CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency(created_at)",
]

_FICHES = """CREATE TABLE IF NOT EXISTS fiches (
    account     TEXT NOT NULL,
    month       TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reference   TEXT NOT NULL,
    document    TEXT NOT NULL,
    PRIMARY KEY (account, month, uuid)
){partitioned}"""

_RECEIPTS = """CREATE TABLE IF NOT EXISTS receipts (
    account      TEXT NOT NULL,
    month        TEXT NOT NULL,
    uuid         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    payload_hash TEXT NOT NULL,
    reference    TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    PRIMARY KEY (account, month, uuid, version)
){partitioned}"""

#: In the order a batch writes them (receipts, then fiches): creating partitions
#: locks the parents in that same order, so it cannot deadlock with a batch.
_PARTITIONED_TABLES = ("receipts", "fiches")

#: How long a batch response is kept for replays of its Idempotency-Key.
IDEMPOTENCY_TTL = timedelta(hours=24)
#: ``last_used_at`` of a token is refreshed at most this often (not a write per request).
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def month_of(created_at: datetime) -> str:
    """The UTC creation month (``YYYY-MM``): the second partition key."""
    return created_at.astimezone(UTC).strftime("%Y-%m")


def _next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def month_droppable_at(month: str) -> datetime:
    """When every fiche created in *month* (UTC) is past its 3-month deadline.

    A deadline is never later than 3 months on the UTC calendar, so a fiche
    created in month M is gone by the first day of M + 4.
    """
    target = month
    for _ in range(4):
        target = _next_month(target)
    return datetime(int(target[:4]), int(target[5:7]), 1, tzinfo=UTC)


@dataclass(frozen=True)
class StoredFiche:
    uuid: str
    version: int
    kind: str
    created_at: str
    deadline: str
    reference: str
    document: str
    account: str = ""


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's partner and its time zone."""

    partner: str
    timezone: str
    label: str


@dataclass(frozen=True)
class TokenInfo:
    label: str
    partner: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


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
            self.execute("SELECT pg_advisory_xact_lock(2, hashtext(?))", (uuid,))

    def lock_key(self, partner: str, key: str) -> None:
        """Serialise the requests of one partner carrying one Idempotency-Key (PostgreSQL)."""
        if self.postgres:
            self.execute("SELECT pg_advisory_xact_lock(1, hashtext(?))", (partner + "\n" + key,))


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _partition_name(table: str, partner: str, month: str | None = None) -> str:
    digest = hashlib.sha256(partner.encode("utf-8")).hexdigest()[:16]
    name = f"{table}_p{digest}"
    return name if month is None else f"{name}_{month.replace('-', '')}"


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
        self._partitions: set[tuple[str, str]] = set()
        with self.transaction() as tx:
            if self.postgres:
                tx.execute("SELECT pg_advisory_xact_lock(0, 0)")  # one migration at a time
            self._migrate(tx)

    # ------------------------------------------------------------- schema

    def _columns(self, tx: Tx, table: str) -> list[str]:
        if self.postgres:
            rows = tx.all(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ?",
                (table,),
            )
        else:
            rows = [(r[1],) for r in tx.all(f"PRAGMA table_info({table})")]
        return [str(r[0]) for r in rows]

    def _migrate(self, tx: Tx) -> None:
        """Create the schema; bring a database of the first schema up to this one."""
        old_fiches = self._columns(tx, "fiches")
        legacy = bool(old_fiches) and "month" not in old_fiches
        if legacy:  # fiches/receipts keyed by UUID alone: moved into the new tables below
            tx.execute("ALTER TABLE fiches RENAME TO fiches_v1")
            tx.execute("ALTER TABLE receipts RENAME TO receipts_v1")
            for index in ("fiches_deadline", "receipts_deadline"):
                tx.execute(f"DROP INDEX IF EXISTS {index}")
        for sql in _COMMON:
            tx.execute(sql)
        accounts = self._columns(tx, "accounts")
        for column in ("partner", "revoked_at", "last_used_at"):
            if column not in accounts:
                tx.execute(f"ALTER TABLE accounts ADD COLUMN {column} TEXT")
        # Tokens of the first schema: each label becomes its own partner.
        tx.execute("UPDATE accounts SET partner = label WHERE partner IS NULL")
        tx.execute(
            "INSERT INTO partners (id, label, created_at)"
            " SELECT partner, partner, min(created_at) FROM accounts"
            " WHERE partner NOT IN (SELECT id FROM partners) GROUP BY partner"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS accounts_partner ON accounts(partner)")
        tx.execute("CREATE INDEX IF NOT EXISTS accounts_label ON accounts(label)")
        partitioned = " PARTITION BY LIST (account)" if self.postgres else ""
        tx.execute(_FICHES.format(partitioned=partitioned))
        tx.execute(_RECEIPTS.format(partitioned=partitioned))
        # Purge: by deadline; look-ups by UUID for the tests and tools.
        tx.execute("CREATE INDEX IF NOT EXISTS fiches_deadline ON fiches(deadline)")
        tx.execute("CREATE INDEX IF NOT EXISTS receipts_deadline ON receipts(deadline)")
        if legacy:
            self._migrate_v1(tx)

    def _migrate_v1(self, tx: Tx) -> None:
        for account, month in tx.all(
            "SELECT DISTINCT account, substr(created_at, 1, 7) FROM fiches_v1"
        ):
            self._create_partitions(tx, str(account), str(month))
        tx.execute(
            "INSERT INTO owners (uuid, account, created_at, deadline)"
            " SELECT uuid, account, created_at, deadline FROM fiches_v1"
        )
        tx.execute(
            "INSERT INTO fiches (account, month, uuid, kind, version, created_at, deadline,"
            " received_at, reference, document) SELECT account, substr(created_at, 1, 7), uuid,"
            " kind, version, created_at, deadline, received_at, reference, document"
            " FROM fiches_v1"
        )
        tx.execute(
            "INSERT INTO receipts (account, month, uuid, version, payload_hash, reference,"
            " received_at, deadline) SELECT o.account, substr(o.created_at, 1, 7), r.uuid,"
            " r.version, r.payload_hash, r.reference, r.received_at, r.deadline"
            " FROM receipts_v1 r JOIN owners o ON o.uuid = r.uuid"
        )
        tx.execute("DROP TABLE fiches_v1")
        tx.execute("DROP TABLE receipts_v1")

    def _create_partitions(self, tx: Tx, partner: str, month: str) -> None:
        """The partitions of (*partner*, *month*) of every partitioned table (PostgreSQL)."""
        if not self.postgres:
            return
        for table in _PARTITIONED_TABLES:
            parent = _partition_name(table, partner)
            leaf = _partition_name(table, partner, month)
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {parent} PARTITION OF {table}"
                f" FOR VALUES IN ({_quote_literal(partner)}) PARTITION BY LIST (month)"
            )
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {leaf} PARTITION OF {parent}"
                f" FOR VALUES IN ({_quote_literal(month)})"
            )

    def ensure_partitions(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Create the missing (partner, month) partitions, each in its own short transaction.

        Attaching a partition locks the parent table: never done inside a
        batch's transaction (which holds row locks), so it cannot deadlock.
        """
        if not self.postgres:
            return
        for pair in sorted(set(pairs) - self._partitions):
            with self.transaction() as tx:
                tx.execute("SELECT pg_advisory_xact_lock(3, hashtext(?))", ("\n".join(pair),))
                exists = tx.one(
                    "SELECT 1 FROM pg_class WHERE relname = ?",
                    (_partition_name("receipts", *pair),),
                )
                if exists is None:
                    self._create_partitions(tx, *pair)
            self._partitions.add(pair)

    @property
    def kind(self) -> str:
        return "postgresql" if self.postgres else "sqlite"

    # --------------------------------------------------------- connections

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
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        """A transaction on a pooled connection; rolled back on any exception.

        SQLite: a writing transaction starts with ``BEGIN IMMEDIATE`` (it holds
        the write lock from its first statement, so a read-then-write is never
        overtaken); a reading one with a plain ``BEGIN``.
        """
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
                conn.execute("BEGIN" if self.postgres or not write else "BEGIN IMMEDIATE")
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

    # ---------------------------------------------------- partners, tokens

    def add_partner(
        self,
        partner: str,
        at: datetime,
        *,
        label: str | None = None,
        finess: str | None = None,
        timezone: str | None = None,
    ) -> None:
        """Create *partner* if unknown; update the values given."""
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO partners (id, label, finess, timezone, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (
                    partner,
                    label or partner,
                    finess or "",
                    timezone or DEFAULT_TIMEZONE,
                    to_text(at),
                ),
            )
            for column, value in (("label", label), ("finess", finess), ("timezone", timezone)):
                if value is not None:
                    tx.execute(f"UPDATE partners SET {column} = ? WHERE id = ?", (value, partner))

    def add_account(
        self, token: str, label: str, at: datetime, *, partner: str | None = None
    ) -> None:
        """Register *token* for a workstation *label* of *partner* (default: the label)."""
        owner = partner or label
        self.add_partner(owner, at)
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO accounts (token_hash, label, created_at, partner)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO UPDATE SET"
                " label = excluded.label, partner = excluded.partner, revoked_at = NULL",
                (token_hash(token), label, to_text(at), owner),
            )

    def revoke_tokens(self, label: str, at: datetime) -> int:
        """Revoke every live token labelled *label*; how many were revoked."""
        with self.transaction() as tx:
            cur = tx.execute(
                "UPDATE accounts SET revoked_at = ? WHERE label = ? AND revoked_at IS NULL",
                (to_text(at), label),
            )
            return int(cur.rowcount or 0)

    def tokens(self) -> list[TokenInfo]:
        """Every token's label, partner, creation, last use and revocation (never the token)."""
        with self.transaction(write=False) as tx:
            rows = tx.all(
                "SELECT label, partner, created_at, last_used_at, revoked_at FROM accounts"
                " ORDER BY partner, label, created_at"
            )
        return [
            TokenInfo(str(r[0]), str(r[1]), str(r[2]), r[3] and str(r[3]), r[4] and str(r[4]))
            for r in rows
        ]

    def authenticate(self, token: str, at: datetime) -> Principal | None:
        """The partner of a live *token*, or ``None``; notes its last use (once a minute)."""
        digest = token_hash(token)
        with self.transaction(write=False) as tx:
            row = tx.one(
                "SELECT a.partner, p.timezone, a.label, a.last_used_at FROM accounts a"
                " JOIN partners p ON p.id = a.partner"
                " WHERE a.token_hash = ? AND a.revoked_at IS NULL",
                (digest,),
            )
        if row is None:
            return None
        stamp = to_text(at)
        if row[3] is None or str(row[3]) < to_text(at - LAST_USED_RESOLUTION):
            with self.transaction() as tx:
                tx.execute(
                    "UPDATE accounts SET last_used_at = ? WHERE token_hash = ?", (stamp, digest)
                )
        return Principal(str(row[0]), str(row[1]), str(row[2]))

    def account_for(self, token: str) -> str | None:
        """The partner owning a live *token*, or ``None`` (without noting a use)."""
        with self.transaction(write=False) as tx:
            row = tx.one(
                "SELECT partner FROM accounts WHERE token_hash = ? AND revoked_at IS NULL",
                (token_hash(token),),
            )
        return None if row is None else str(row[0])

    def partner_ids(self) -> list[str]:
        with self.transaction(write=False) as tx:
            return [str(r[0]) for r in tx.all("SELECT id FROM partners ORDER BY id")]

    # -------------------------------------------------------------- reading

    def fiches(self) -> list[StoredFiche]:
        """Every stored fiche (tests, demonstrations, the benchmark)."""
        with self.transaction(write=False) as tx:
            rows = tx.all(
                "SELECT uuid, version, kind, created_at, deadline, reference, document, account"
                " FROM fiches ORDER BY uuid"
            )
        return [StoredFiche(str(r[0]), int(r[1]), *(str(x) for x in r[2:])) for r in rows]

    def receipts(self) -> list[tuple[str, int, str]]:
        """Every (UUID, version, reference) received."""
        with self.transaction(write=False) as tx:
            rows = tx.all("SELECT uuid, version, reference FROM receipts ORDER BY uuid, version")
        return [(str(r[0]), int(r[1]), str(r[2])) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.transaction(write=False) as tx:
            out = {}
            for table in ("fiches", "receipts", "idempotency", "accounts"):
                row = tx.one(f"SELECT count(*) FROM {table}")
                out[table] = int(row[0]) if row else 0
        return out

    # ----------------------------------------------------------------- purge

    def purge(self, now: datetime) -> int:
        """Delete what is past its deadline (3 months) and old idempotency records.

        PostgreSQL: a creation month whose every fiche is past its deadline is
        dropped as a whole; next month's partitions are created ahead.
        """
        stamp = to_text(now)
        dropped = self._drop_old_months(now) if self.postgres else 0
        with self.transaction() as tx:
            deleted = tx.execute("DELETE FROM fiches WHERE deadline <= ?", (stamp,)).rowcount
            tx.execute("DELETE FROM receipts WHERE deadline <= ?", (stamp,))
            tx.execute("DELETE FROM owners WHERE deadline <= ?", (stamp,))
            tx.execute(
                "DELETE FROM idempotency WHERE created_at <= ?",
                (to_text(now - IDEMPOTENCY_TTL),),
            )
        if self.postgres:
            ahead = _next_month(month_of(now))
            self.ensure_partitions(
                [(p, m) for p in self.partner_ids() for m in (month_of(now), ahead)]
            )
        return dropped + int(deleted or 0)

    def _drop_old_months(self, now: datetime) -> int:
        """Drop the month partitions whose fiches are all past their deadline; fiches dropped."""
        with self.transaction(write=False) as tx:
            leaves = tx.all(
                "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
                " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                " JOIN pg_inherits i2 ON i2.inhrelid = p.oid"
                " JOIN pg_class root ON root.oid = i2.inhparent WHERE root.relname = 'fiches'"
            )
        dropped = 0
        for name, bound in leaves:
            month = str(bound).split("'")[1] if "'" in str(bound) else ""
            if len(month) != 7 or now < month_droppable_at(month):
                continue
            receipts_leaf = "receipts" + str(name)[len("fiches") :]
            with self.transaction() as tx:
                row = tx.one(f"SELECT count(*) FROM {name}")
                dropped += int(row[0]) if row else 0
                tx.execute(f"DROP TABLE IF EXISTS {name}")
                tx.execute(f"DROP TABLE IF EXISTS {receipts_leaf}")
            with self._lock:
                self._partitions = {p for p in self._partitions if p[1] != month}
        return dropped


def open_storage(url: str) -> Storage:
    return Storage(url)


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path.absolute())

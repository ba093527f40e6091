"""One SQLCipher connection, keyed, verified and with its errors sorted.

A :class:`Database` belongs to the thread that opened it (sqlcipher3's
``check_same_thread`` stays on): each worker opens its own. The key is applied
before anything else, then the first read tells a wrong key from a damaged
file, and the cipher settings in use are checked against the storage contract
(docs/storage.md). Known conditions (wrong key, disk full, locked, read-only,
damaged file) become :class:`~app.db.errors.StoreError` subclasses with a
French message; programming errors (bad SQL, constraint violations) propagate
unchanged so that they fail loudly.

No failure path deletes, recreates or writes the database file.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal

from sqlcipher3 import dbapi2 as sqlcipher

from app.db.errors import (
    PASSPHRASE_WRONG_MESSAGE,
    CannotOpenError,
    CipherSettingsError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    ReadOnlyError,
    StoreError,
    StoreExistsError,
    StoreNotInitialisedError,
    TamperedError,
    WritesRefusedError,
    WrongKeyError,
)

log = logging.getLogger(__name__)

Params = Sequence[Any] | Mapping[str, Any]
Row = tuple[Any, ...]
KeyMode = Literal["raw-key", "passphrase"]

BUSY_TIMEOUT_MS = 5000
RAW_KEY_BYTES = 32
PASSPHRASE_KDF_ITER = 256_000
EXPECTED_KDF = "PBKDF2_HMAC_SHA512"
EXPECTED_HMAC = "HMAC_SHA512"
_PLAINTEXT_HEADER = b"SQLite format 3\x00"
_KEY_CHECK_PREFIX = b"tracing-desk key check"

# SQLite primary result codes (extended codes carry them in the low byte).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_AUTH = 23
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

_KNOWN: dict[int, type[StoreError]] = {
    _SQLITE_FULL: DiskFullError,
    _SQLITE_BUSY: DatabaseLockedError,
    _SQLITE_LOCKED: DatabaseLockedError,
    _SQLITE_READONLY: ReadOnlyError,
    _SQLITE_PERM: ReadOnlyError,
    _SQLITE_CORRUPT: TamperedError,
    _SQLITE_NOTADB: TamperedError,
    _SQLITE_IOERR: DiskIOError,
    _SQLITE_CANTOPEN: CannotOpenError,
    _SQLITE_AUTH: WritesRefusedError,
}

# What a store opened read-only (see app.db.watermark) may still change: the
# journal (who consulted, exported, signed in), sign-in bookkeeping and the
# register of export files (so that the purge still deletes them in time).
_AUDIT_TABLES = frozenset({"journal", "journal_head", "sqlite_sequence", "login_throttle"})
_EXPORT_TABLES = frozenset({"exported_files", "exported_file_fiches"})
_AUDIT_ACCOUNT_COLUMNS = frozenset({"failed_attempts", "last_failed_at", "password_hash"})
_AUTH_INSERT, _AUTH_UPDATE, _AUTH_DELETE = 18, 23, 9  # authorizer action codes
_AUTH_DDL = frozenset({*range(1, 18), 26, 27, 29, 30}) - {_AUTH_DELETE}


def _audit_only(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
    """SQLite authorizer of a read-only store: deny every change but the audit trail's."""
    if action in (_AUTH_INSERT, _AUTH_DELETE, _AUTH_UPDATE) and arg1 in _EXPORT_TABLES:
        return 0
    if action in (_AUTH_INSERT, _AUTH_DELETE):
        return 0 if action == _AUTH_INSERT and arg1 in _AUDIT_TABLES else 1
    if action == _AUTH_UPDATE:
        if arg1 in _AUDIT_TABLES or (arg1 == "accounts" and arg2 in _AUDIT_ACCOUNT_COLUMNS):
            return 0
        return 1
    return 1 if action in _AUTH_DDL else 0


def key_check_value(raw_key: bytes) -> str:
    """``sha256("tracing-desk key check" + key)`` in hex, kept in the store's id file.

    It tells, after a failed first read, whether the key in use is the store's
    own (then the file was altered) or another one (wrong key). Safe to store
    because the key is 256 random bits.
    """
    return hashlib.sha256(_KEY_CHECK_PREFIX + raw_key).hexdigest()


def normalise_passphrase(passphrase: str) -> str:
    """NFC form, so the same words typed on Windows, macOS or Linux give the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def translate_error(exc: BaseException) -> StoreError | None:
    """The :class:`StoreError` for a known SQLite condition, ``None`` for anything else."""
    if not isinstance(exc, sqlcipher.Error):
        return None
    code = _sqlite_code(exc)
    cls = _KNOWN.get(code) if code is not None else None
    if cls is None:
        return None
    name = getattr(exc, "sqlite_errorname", None)
    return cls(detail=name if isinstance(name, str) else f"SQLITE {code}")


@contextmanager
def _mapped() -> Iterator[None]:
    try:
        yield
    except sqlcipher.Error as exc:
        known = translate_error(exc)
        if known is None:
            raise
        raise known from exc


class Cursor:
    """A typed cursor whose known SQLite errors become :class:`StoreError`."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        with _mapped():
            self._raw.execute(sql, params)
        return self

    def executemany(self, sql: str, seq: Iterable[Params]) -> Cursor:
        with _mapped():
            self._raw.executemany(sql, seq)
        return self

    def fetchone(self) -> Row | None:
        with _mapped():
            row = self._raw.fetchone()
        return None if row is None else tuple(row)

    def fetchall(self) -> list[Row]:
        with _mapped():
            return [tuple(r) for r in self._raw.fetchall()]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())

    @property
    def lastrowid(self) -> int | None:
        value = self._raw.lastrowid
        return value if isinstance(value, int) else None

    @property
    def rowcount(self) -> int:
        return int(self._raw.rowcount)

    def close(self) -> None:
        self._raw.close()


class Database:
    """One keyed SQLCipher connection (autocommit; explicit :meth:`transaction`)."""

    def __init__(self, conn: Any, path: Path, mode: KeyMode) -> None:
        self._conn_or_none: Any = conn
        self._path = path
        self._mode: KeyMode = mode
        self._in_transaction = False
        self._after_commit: list[Callable[[], None]] = []
        self._before_close: list[Callable[[], None]] = []
        self._write_refusal: str | None = None
        self._deferred: list[Callable[[Cursor], None]] = []
        self._busy_timeout_ms = BUSY_TIMEOUT_MS

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        raw_key: bytes | None = None,
        passphrase: str | None = None,
        key_check: str | None = None,
        create: bool = False,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Database:
        """Open (or with *create*, create) the database at *path* with one key.

        *raw_key* is the 32-byte key of the normal mode, *passphrase* the
        passphrase mode's secret; give exactly one. *key_check* (from the id
        file) lets a failed first read be told apart: :class:`TamperedError`
        when the key is the store's own, :class:`WrongKeyError` otherwise.
        Without *create* a missing file is :class:`StoreNotInitialisedError`
        (SQLite would otherwise create an empty database); with it an existing
        one is :class:`StoreExistsError`.
        """
        if (raw_key is None) == (passphrase is None):
            raise ValueError("give exactly one of raw_key and passphrase")
        if raw_key is not None and len(raw_key) != RAW_KEY_BYTES:
            raise ValueError("raw_key must be 32 bytes")
        if passphrase is not None:
            passphrase = normalise_passphrase(passphrase)
            if not passphrase or "\x00" in passphrase:
                raise ValueError("the passphrase must be non-empty and contain no NUL")
        db_path = Path(path)
        if create:
            _create_empty_private(db_path)
        else:
            _check_existing_file(db_path)

        with _mapped():
            conn = sqlcipher.connect(
                str(db_path), isolation_level=None, timeout=busy_timeout_ms / 1000
            )
        try:
            _apply_key(conn, raw_key, passphrase)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            except sqlcipher.DatabaseError as exc:
                if _sqlite_code(exc) not in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
                    raise
                conn.close()
                raise _diagnose_unreadable(db_path, raw_key, passphrase, key_check) from None
            db = cls(conn, db_path, "raw-key" if raw_key is not None else "passphrase")
            db._check_cipher_settings()
            db._configure(busy_timeout_ms)
            return db
        except BaseException as exc:
            conn.close()
            known = translate_error(exc)
            if known is not None:
                raise known from exc
            raise

    def _check_cipher_settings(self) -> None:
        info = self.cipher_info()
        problems = []
        if not info["cipher_version"].startswith("4."):
            problems.append(f"cipher_version={info['cipher_version']}")
        if info["kdf_algorithm"] != EXPECTED_KDF:
            problems.append(f"kdf={info['kdf_algorithm']}")
        if info["hmac_algorithm"] != EXPECTED_HMAC:
            problems.append(f"hmac={info['hmac_algorithm']}")
        if info["use_hmac"] != "1":
            problems.append(f"use_hmac={info['use_hmac']}")
        if info["plaintext_header_size"] != "0":
            problems.append(f"plaintext_header_size={info['plaintext_header_size']}")
        if self._mode == "passphrase" and int(info["kdf_iter"] or 0) < PASSPHRASE_KDF_ITER:
            problems.append(f"kdf_iter={info['kdf_iter']}")
        if problems:
            raise CipherSettingsError(detail=", ".join(problems))

    def _configure(self, busy_timeout_ms: int) -> None:
        conn = self._conn
        self._busy_timeout_ms = int(busy_timeout_ms)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        # Temporary tables and sort spills stay in memory: SQLCipher only
        # encrypts the database and its journals, not SQLite's temp files. The
        # bundled build already defaults to memory (TEMP_STORE=2); say it anyway.
        conn.execute("PRAGMA temp_store = MEMORY")

    # -- properties ------------------------------------------------------

    @property
    def _conn(self) -> Any:
        if self._conn_or_none is None:
            raise RuntimeError("database is closed")
        return self._conn_or_none

    @property
    def path(self) -> Path:
        return self._path

    @property
    def mode(self) -> KeyMode:
        """``"raw-key"`` (keyring mode) or ``"passphrase"``."""
        return self._mode

    @property
    def closed(self) -> bool:
        return self._conn_or_none is None

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    @property
    def schema_version(self) -> int:
        """``PRAGMA user_version``."""
        row = self.query_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    # -- statements ------------------------------------------------------

    def cursor(self) -> Cursor:
        if self._deferred and not self._in_transaction:
            self.flush_deferred(wait=False)
        return Cursor(self._conn.cursor())

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        """Run one statement (autocommit outside :meth:`transaction`)."""
        return self.cursor().execute(sql, params)

    def executemany(self, sql: str, seq: Iterable[Params]) -> Cursor:
        return self.cursor().executemany(sql, seq)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        return self.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Params = ()) -> Row | None:
        return self.execute(sql, params).fetchone()

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception.

        Yields a :class:`Cursor`. Not re-entrant: nesting raises ``RuntimeError``
        (a programming error), as does opening one while another is open on
        this connection.
        """
        conn = self._conn
        if self._in_transaction or conn.in_transaction:
            raise RuntimeError("a transaction is already open on this connection")
        if self._deferred:
            self.flush_deferred()
        with _mapped():
            conn.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        cur = self.cursor()
        try:
            try:
                yield cur
            except BaseException as exc:
                self._rollback_quietly()
                known = translate_error(exc)
                if self._write_refusal is not None and isinstance(known or exc, WritesRefusedError):
                    raise WritesRefusedError(self._write_refusal) from exc
                if known is not None:
                    raise known from exc
                raise
            try:
                with _mapped():
                    conn.execute("COMMIT")
            except BaseException:
                self._rollback_quietly()
                raise
        finally:
            self._in_transaction = False
            cur.close()
        for hook in self._after_commit:
            hook()

    # -- writes that may wait for the reader's answer ---------------------

    def defer_write(self, write: Callable[[Cursor], None]) -> None:
        """Run ``write(cursor)`` in a transaction of its own, soon, on this connection.

        For a record that must not delay an answer already read, such as the
        journal's consultation of a page of the list (issue 16): the database
        thread runs it right after handing the job's result over
        (:meth:`flush_deferred`), and every statement, transaction or closing
        of this connection runs it first, so nothing done here sees the
        database without it. Only while another connection holds the write
        lock (a purge, a vacuum) do reads go on without it; it is then tried
        again (the database thread every second) and written once the lock is
        released, before any write of this connection.
        """
        self._deferred.append(write)

    @property
    def has_deferred(self) -> bool:
        return bool(self._deferred)

    def flush_deferred(self, *, wait: bool = True) -> bool:
        """Run the deferred writes, in order, in one transaction; true once none is left.

        With *wait* false, a store another connection is writing to (a purge, a
        migration's vacuum) does not hold the caller up: the writes stay queued
        for the next try (the next statement, the database thread's retry, a
        transaction, the closing) and false is returned. Any other failure loses
        them and is raised.
        """
        if not self._deferred:
            return True
        writes, self._deferred = self._deferred, []
        conn = self._conn
        try:
            if not wait:
                conn.execute("PRAGMA busy_timeout = 0")
            try:
                with self.transaction() as cur:
                    for write in writes:
                        write(cur)
            finally:
                if not wait:
                    conn.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
        except DatabaseLockedError:
            self._deferred[:0] = writes
            if wait:
                raise
            return False
        return True

    # -- hooks and read-only mode (see app.db.watermark) --------------------

    def on_commit(self, hook: Callable[[], None]) -> None:
        """Call *hook* after each committed :meth:`transaction` (it must be cheap)."""
        self._after_commit.append(hook)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Call *hook* once, just before the connection closes."""
        self._before_close.append(hook)

    def restrict_writes(self, message: str) -> None:
        """Refuse every change but the journal's appends and sign-in bookkeeping.

        SQLite's authorizer denies the statements themselves, so no path
        around the repositories can write; a refused transaction raises
        :class:`WritesRefusedError` with *message* (French, says why).
        """
        self._write_refusal = message
        self._conn.set_authorizer(_audit_only)

    @property
    def write_refusal(self) -> str | None:
        """Why changes are refused (``None``: the store accepts them)."""
        return self._write_refusal

    def _rollback_quietly(self) -> None:
        conn = self._conn
        if conn.in_transaction:  # SQLite may already have rolled back (FULL, IOERR)
            with suppress(sqlcipher.Error):
                conn.execute("ROLLBACK")

    # -- maintenance -----------------------------------------------------

    def cipher_info(self) -> dict[str, str]:
        """The cipher settings in use (no key material)."""

        def one(pragma: str) -> str:
            row = self.query_one(f"PRAGMA {pragma}")
            return "" if row is None or row[0] is None else str(row[0])

        return {
            "cipher_version": one("cipher_version"),
            "provider": one("cipher_provider"),
            "provider_version": one("cipher_provider_version"),
            "kdf_algorithm": one("cipher_kdf_algorithm"),
            "kdf_iter": one("kdf_iter"),
            "hmac_algorithm": one("cipher_hmac_algorithm"),
            "use_hmac": one("cipher_use_hmac"),
            "plaintext_header_size": one("cipher_plaintext_header_size"),
            "page_size": one("cipher_page_size"),
            "sqlite_version": str(sqlcipher.sqlite_version),
            "key_mode": self._mode,
        }

    def integrity_problems(self, *, quick: bool = False) -> list[str]:
        """Problems found by ``cipher_integrity_check`` then ``integrity_check``; [] if none.

        ``cipher_integrity_check`` reads the file's pages beside the page cache.
        SQLite's own check (``quick_check`` if *quick*) only runs when every page
        authenticates: a page failing its HMAC while read through the cache
        leaves SQLCipher's codec in error for the rest of this connection (each
        page not cached yet then fails to read), and a damaged store must stay
        readable for consultation and export (app.db.watermark).
        """
        try:
            problems = [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
            if problems:
                return problems
            check = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            rows = [str(r[0]) for r in self.query(check)]
        except TamperedError as exc:
            return [str(exc.detail or "corrupt")]
        return [r for r in rows if r != "ok"]

    def integrity_ok(self) -> bool:
        """Every page authenticates (HMAC) and SQLite's own check says ``ok``."""
        return not self.integrity_problems()

    def checkpoint_truncate(self) -> bool:
        """Copy the WAL into the database and truncate it; False if readers kept it busy."""
        row = self.query_one("PRAGMA wal_checkpoint(TRUNCATE)")
        return row is not None and row[0] == 0

    def backup_to(self, dest: Path) -> None:
        """Write an encrypted copy (same key) to *dest*, atomically, mode 0600.

        ``VACUUM INTO`` keeps the connection's key and cipher settings, so the
        copy opens exactly like the original. *dest* must not exist.
        """
        if dest.exists():
            raise FileExistsError(dest)
        tmp = dest.with_name(dest.name + ".part")
        _create_empty_private(tmp, replace_stale=True)
        try:
            self.execute("VACUUM INTO ?", (str(tmp),))
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, dest)
            _fsync_dir(dest.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def close(self) -> None:
        """Close the connection (idempotent). An open transaction is rolled back; deferred
        writes are done first (if they fail, the failure is logged by type and the
        connection closed all the same)."""
        if self._conn_or_none is not None and self._deferred and not self._in_transaction:
            try:
                self.flush_deferred()
            except Exception as exc:
                log.error("deferred writes lost at closing: %s", type(exc).__qualname__)
        if self._conn_or_none is not None:
            hooks, self._before_close = self._before_close, []
            for hook in hooks:
                hook()
        conn, self._conn_or_none = self._conn_or_none, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# -- helpers -----------------------------------------------------------------


def _key_statement(raw_key: bytes | None, passphrase: str | None) -> str:
    """``PRAGMA key`` for a raw key (no KDF) or a passphrase (PBKDF2 in SQLCipher)."""
    if raw_key is not None:
        return f"PRAGMA key = \"x'{raw_key.hex()}'\""
    assert passphrase is not None
    quoted = passphrase.replace("'", "''")
    return f"PRAGMA key = '{quoted}'"


def _apply_key(conn: Any, raw_key: bytes | None, passphrase: str | None) -> None:
    # SQLCipher logs decryption failures to stderr; we report them ourselves.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(_key_statement(raw_key, passphrase))
    # Pin SQLCipher 4 defaults for this connection whatever the process defaults.
    conn.execute("PRAGMA cipher_compatibility = 4")


def _check_existing_file(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_PLAINTEXT_HEADER))
    except FileNotFoundError:
        raise StoreNotInitialisedError(detail=path.name) from None
    except (PermissionError, IsADirectoryError) as exc:
        raise CannotOpenError(detail=type(exc).__name__) from None
    except OSError as exc:
        raise DiskIOError(detail=type(exc).__name__) from None
    if not head:
        raise TamperedError(
            "Le fichier de base de données est vide : il a été tronqué ou remplacé. "
            "Il n’a pas été modifié ; ne le supprimez pas et contactez le service "
            "informatique, qui pourra repartir d’une sauvegarde."
        )
    if head == _PLAINTEXT_HEADER:
        raise CipherSettingsError(
            "Le fichier de base de données n’est pas chiffré (en-tête SQLite en clair). "
            "Il n’a pas été créé par Tracing Desk ou a été remplacé ; il n’a pas été "
            "modifié. Contactez le service informatique.",
            detail="plaintext header",
        )


def _create_empty_private(path: Path, *, replace_stale: bool = False) -> None:
    """Create *path* empty with mode 0600; :class:`StoreExistsError` if it exists."""
    if replace_stale:
        path.unlink(missing_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise StoreExistsError(detail=path.name) from None
    os.close(fd)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _diagnose_unreadable(
    path: Path, raw_key: bytes | None, passphrase: str | None, key_check: str | None
) -> StoreError:
    """Why the first read failed: other cipher settings, a wrong key, or an altered file."""
    legacy = _legacy_cipher_version(path, raw_key, passphrase)
    if legacy is not None:
        return CipherSettingsError(detail=f"SQLCipher {legacy} compatibility")
    if raw_key is None:
        return WrongKeyError(PASSPHRASE_WRONG_MESSAGE)
    if key_check is None:
        return WrongKeyError(
            "La clé ne permet pas de lire la base : soit ce n’est pas la bonne clé, "
            "soit le fichier est endommagé. La base n’a pas été modifiée."
        )
    if hmac.compare_digest(key_check_value(raw_key), key_check.strip().lower()):
        return TamperedError()
    return WrongKeyError()


def _legacy_cipher_version(path: Path, raw_key: bytes | None, passphrase: str | None) -> int | None:
    """The SQLCipher 1–3 compatibility level that reads *path* with this key, if any.

    Probed through an immutable, read-only URI: no lock, no -wal/-shm, no write.
    """
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    for level in (3, 2, 1):
        try:
            conn = sqlcipher.connect(uri, uri=True, isolation_level=None)
        except sqlcipher.Error:
            return None
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(_key_statement(raw_key, passphrase))
            conn.execute(f"PRAGMA cipher_compatibility = {level}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            return level
        except sqlcipher.Error:
            continue
        finally:
            conn.close()
    return None

"""Schema versions (``PRAGMA user_version``) and the migrations between them.

``MIGRATIONS[n]`` takes a database at version ``n - 1`` to version ``n``; a new
store runs them all from 0. Each step runs in its own transaction together
with the ``user_version`` update, so a crash leaves the database at a version
boundary. Before migrating an existing database, an encrypted copy (same key)
is written to the backups directory. A database from a newer program is
refused, never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import files
from app.core.clock import utcnow
from app.db.connection import Cursor, Database
from app.db.errors import NewerSchemaError
from app.db.journalhash import GENESIS_HASH, journal_hash

CURRENT_VERSION = 11

_FICHES = [
    """CREATE TABLE fiches (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    sync_state  TEXT NOT NULL,
    search_name TEXT NOT NULL DEFAULT '',
    birth_date  TEXT,
    nir         TEXT,
    phones      TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL
)""",
    "CREATE INDEX fiches_created ON fiches(created_at)",
    "CREATE INDEX fiches_deadline ON fiches(deadline)",
    "CREATE INDEX fiches_search_name ON fiches(search_name)",
    "CREATE INDEX fiches_nir ON fiches(nir) WHERE nir IS NOT NULL",
]

_EXPOSITIONS = [
    """CREATE TABLE expositions (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    contact_uuid      TEXT NOT NULL REFERENCES fiches(uuid) ON DELETE CASCADE,
    patient_zero_uuid TEXT NOT NULL REFERENCES fiches(uuid) ON DELETE CASCADE,
    data              TEXT NOT NULL,
    UNIQUE (contact_uuid, patient_zero_uuid)
)""",
    "CREATE INDEX expositions_pz ON expositions(patient_zero_uuid)",
]

_OUTBOX = [
    """CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    fiche_uuid TEXT NOT NULL,
    version    INTEGER NOT NULL,
    op         TEXT NOT NULL,
    queued_at  TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending',
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
)""",
    "CREATE INDEX outbox_pending ON outbox(state, id)",
    "CREATE INDEX outbox_fiche ON outbox(fiche_uuid)",
]

_JOURNAL_V1 = """CREATE TABLE journal (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    action     TEXT NOT NULL,
    fiche_uuid TEXT,
    detail     TEXT NOT NULL DEFAULT ''
)"""

_JOURNAL_V2 = """CREATE TABLE journal (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    action     TEXT NOT NULL,
    fiche_uuid TEXT,
    detail     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
)"""

_SETTINGS = [
    """CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
]


def _to_v1(cur: Cursor) -> None:
    for sql in [*_FICHES, *_EXPOSITIONS, *_OUTBOX, _JOURNAL_V1, *_SETTINGS]:
        cur.execute(sql)


def _to_v2(cur: Cursor) -> None:
    """Rebuild ``journal`` with ``prev_hash``/``hash`` and chain the existing entries.

    Rebuilt rather than ``ALTER TABLE … ADD COLUMN`` so that the columns are
    ``NOT NULL`` without a default and the table is the same as in a new store.
    """
    cur.execute("ALTER TABLE journal RENAME TO journal_v1")
    cur.execute(_JOURNAL_V2)
    rows = cur.execute(
        "SELECT id, at, user, action, fiche_uuid, detail FROM journal_v1 ORDER BY id"
    ).fetchall()
    prev = GENESIS_HASH
    for entry_id, at, user, action, fiche_uuid, detail in rows:
        digest = journal_hash(prev, at, user, action, fiche_uuid, detail)
        cur.execute(
            "INSERT INTO journal (id, at, user, action, fiche_uuid, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_id, at, user, action, fiche_uuid, detail, prev, digest),
        )
        prev = digest
    cur.execute("DROP TABLE journal_v1")


_SYNC = [
    # The central service's acknowledgement of a fiche: its reference, and the
    # version it acknowledged. Deleted with the fiche (purge, deletion).
    """CREATE TABLE sync_receipts (
    fiche_uuid      TEXT PRIMARY KEY REFERENCES fiches(uuid) ON DELETE CASCADE,
    version         INTEGER NOT NULL,
    reference       TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
)""",
    # One line per sync run (counts only, no personal data): "dernière synchronisation".
    """CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    accepted    INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    conflicts   INTEGER NOT NULL DEFAULT 0,
    remaining   INTEGER NOT NULL DEFAULT 0
)""",
]


def _to_v3(cur: Cursor) -> None:
    """Sync acknowledgements (central reference per fiche) and the log of sync runs."""
    for sql in _SYNC:
        cur.execute(sql)


_PURGE = [
    # Every file the program wrote with personal data in it (Excel, PDF,
    # JSON lines…), to be deleted by the earliest deadline of its fiches.
    """CREATE TABLE exported_files (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    path       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deadline   TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'present',
    last_error TEXT
)""",
    "CREATE INDEX exported_files_deadline ON exported_files(state, deadline)",
    # Which fiches a file holds, so that a shorter retention setting brings
    # the file's deadline forward too. Removed with the fiche.
    """CREATE TABLE exported_file_fiches (
    file_id    INTEGER NOT NULL REFERENCES exported_files(id) ON DELETE CASCADE,
    fiche_uuid TEXT NOT NULL,
    PRIMARY KEY (file_id, fiche_uuid)
) WITHOUT ROWID""",
    "CREATE INDEX exported_file_fiches_fiche ON exported_file_fiches(fiche_uuid)",
    # Small key-value state of the purge: high-water mark of the clock, the
    # retention policy the deadlines were computed with.
    """CREATE TABLE purge_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    # One line per purge run that deleted something (counts only).
    """CREATE TABLE purge_runs (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    as_of         TEXT NOT NULL,
    fiches        INTEGER NOT NULL DEFAULT 0,
    files_deleted INTEGER NOT NULL DEFAULT 0,
    files_missing INTEGER NOT NULL DEFAULT 0
)""",
]


def _to_v4(cur: Cursor) -> None:
    """The registry of exported files and the purge's own state and run log."""
    for sql in _PURGE:
        cur.execute(sql)


_ACCESS = [
    # Individual local accounts (issue 6). ``password_hash`` is an Argon2id
    # PHC string; ``failed_attempts``/``last_failed_at`` drive the delay after
    # repeated failures. ``login`` is a staff identifier, never a patient's.
    """CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    login            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name     TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL,
    password_hash    TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    password_set_at  TEXT NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    last_failed_at   TEXT
)""",
    # Failed sign-ins under a name that has no account: one shared counter,
    # so that the typed name (perhaps a password typed in the wrong field)
    # is never stored.
    """CREATE TABLE login_throttle (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT
)""",
    # A stable random pseudonym per person for the pseudonymised export
    # (décret art. 3 VI): a random UUID, not derived from the identity, that
    # only this database links back to the fiche. Deleted with the fiche.
    """CREATE TABLE pseudonyms (
    fiche_uuid TEXT PRIMARY KEY REFERENCES fiches(uuid) ON DELETE CASCADE,
    pseudonym  TEXT NOT NULL UNIQUE
)""",
    # The journal's head: how many entries were ever appended (``last_id``:
    # the id the newest entry must have) and the newest hash, so that removing
    # the newest entries is detected even after new ones were appended; and
    # the point up to which the journal's own retention removed old entries
    # (the chain then starts from ``trimmed_hash``).
    """CREATE TABLE journal_head (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    trimmed_upto INTEGER NOT NULL DEFAULT 0,
    trimmed_hash TEXT NOT NULL,
    last_id      INTEGER NOT NULL DEFAULT 0,
    last_hash    TEXT NOT NULL
)""",
    """CREATE TRIGGER journal_head_follows AFTER INSERT ON journal BEGIN
    UPDATE journal_head SET last_id = last_id + 1, last_hash = new.hash WHERE id = 1;
END""",
    # Append-only at the SQL level: no UPDATE, no DELETE except the journal's
    # retention, which first moves ``trimmed_upto`` (see app.db.journal).
    """CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN
    SELECT RAISE(ABORT, 'journal en ajout seul');
END""",
    """CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
WHEN old.id > (SELECT trimmed_upto FROM journal_head WHERE id = 1) BEGIN
    SELECT RAISE(ABORT, 'journal en ajout seul');
END""",
]


def _to_v5(cur: Cursor) -> None:
    """Accounts, sign-in throttling, pseudonyms and the journal's head (access control)."""
    for sql in _ACCESS:
        cur.execute(sql)
    row = cur.execute("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    last_id, last_hash = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
    cur.execute(
        "INSERT INTO journal_head (id, trimmed_upto, trimmed_hash, last_id, last_hash)"
        " VALUES (1, 0, ?, ?, ?)",
        (GENESIS_HASH, last_id, last_hash),
    )
    cur.execute("INSERT INTO login_throttle (id, failed_attempts) VALUES (1, 0)")


_DRAFTS = [
    # What a form holds while it is being typed (app.db.drafts), keyed by the
    # UUID of the fiche it edits (which may not be saved yet). Deleted when the
    # fiche is saved, discarded, deleted or purged, and by its own deadline.
    """CREATE TABLE drafts (
    uuid         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    data         TEXT NOT NULL
)""",
    "CREATE INDEX drafts_deadline ON drafts(deadline)",
    """CREATE TRIGGER drafts_follow_fiche AFTER DELETE ON fiches BEGIN
    DELETE FROM drafts WHERE uuid = old.uuid;
END""",
    # Duplicate detection and search by birth date look fiches up by it.
    "CREATE INDEX fiches_birth_date ON fiches(birth_date) WHERE birth_date IS NOT NULL",
]


def _to_v6(cur: Cursor) -> None:
    """Form drafts (autosave), and an index on the birth date (duplicates, search)."""
    for sql in _DRAFTS:
        cur.execute(sql)


_DRAFTS_V7 = [
    # Drafts belong to the person who typed them (issue 6: on a shared
    # workstation, another user signing in never sees them): keyed by fiche
    # UUID *and* owner (the account login), so two people editing the same
    # fiche keep a draft each.
    """CREATE TABLE drafts_v7 (
    uuid         TEXT NOT NULL,
    owner        TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (uuid, owner)
)""",
    "INSERT INTO drafts_v7 (uuid, owner, kind, base_version, created_at, updated_at, deadline,"
    " data) SELECT uuid, '', kind, base_version, created_at, updated_at, deadline, data"
    " FROM drafts",
    "DROP TRIGGER drafts_follow_fiche",
    "DROP TABLE drafts",
    "ALTER TABLE drafts_v7 RENAME TO drafts",
    "CREATE INDEX drafts_deadline ON drafts(deadline)",
    "CREATE INDEX drafts_owner ON drafts(owner)",
    """CREATE TRIGGER drafts_follow_fiche AFTER DELETE ON fiches BEGIN
    DELETE FROM drafts WHERE uuid = old.uuid;
END""",
]


def _to_v7(cur: Cursor) -> None:
    """Drafts keyed by fiche and owner (a draft is never shown to another user)."""
    for sql in _DRAFTS_V7:
        cur.execute(sql)


def _to_v8(cur: Cursor) -> None:
    """An index on the unit: the list's unit filter and its list of distinct units."""
    cur.execute("CREATE INDEX fiches_unit ON fiches(unit)")


def _to_v9(cur: Cursor) -> None:
    """Demonstration rows marked; drafts withdrawn from the outbox (a draft never leaves)."""
    cur.execute("ALTER TABLE fiches ADD COLUMN demo INTEGER NOT NULL DEFAULT 0")
    cur.execute(
        "DELETE FROM outbox WHERE state = 'pending'"
        " AND fiche_uuid IN (SELECT uuid FROM fiches WHERE state = 'brouillon')"
    )
    cur.execute(
        "UPDATE fiches SET sync_state = 'local'"
        " WHERE state = 'brouillon' AND sync_state = 'pending'"
    )


# Phone and NIR digits searched through an index (issue 16). Measured on
# 100,000-200,000 fiches of a SQLCipher store, against the LIKE scan of the
# ``phones``/``nir`` columns (a « 0612 » first page: 250-450 ms):
#
#   FTS5 trigram, external content     « 0612 » 2-3 ms, « 06123 » 1-2 ms; +9 µs per
#   (this one)                          insert, index ~9 MB per 200,000 fiches
#   table of digit suffixes            « 0612 » 2 ms, « 06123 » 0.3 ms; +125 µs per
#   (term, fiche) WITHOUT ROWID         insert, ~70 MB per 200,000, deletes 3x slower
#
# The trigram index reads nothing twice: its columns are the ``fiches`` row's
# own ``phones`` (digit forms, ``app.core.text.phones_digits``) and ``nir``,
# which the triggers below keep in step on every write (the repository's
# saves and deletions, the purge, the reopening of orphaned contacts, a raw
# import), so no code path can forget it. ``secure-delete`` removes a deleted
# or changed row's digits from the index at once instead of leaving them in
# older index segments until a merge: nothing of a purged fiche stays. It
# costs about 1 ms per deleted fiche (about 50 µs without it), measured on
# 100,000 fiches with 20 % deleted at once.
_DIGITS = [
    "CREATE VIRTUAL TABLE fiche_digits USING fts5(phones, nir, content='fiches',"
    " content_rowid='id', tokenize='trigram')",
    "INSERT INTO fiche_digits (fiche_digits, rank) VALUES ('secure-delete', 1)",
    """CREATE TRIGGER fiche_digits_insert AFTER INSERT ON fiches BEGIN
    INSERT INTO fiche_digits (rowid, phones, nir) VALUES (new.id, new.phones, new.nir);
END""",
    """CREATE TRIGGER fiche_digits_delete AFTER DELETE ON fiches BEGIN
    INSERT INTO fiche_digits (fiche_digits, rowid, phones, nir)
    VALUES ('delete', old.id, old.phones, old.nir);
END""",
    """CREATE TRIGGER fiche_digits_update AFTER UPDATE OF id, phones, nir ON fiches
WHEN old.id IS NOT new.id OR old.phones IS NOT new.phones OR old.nir IS NOT new.nir BEGIN
    INSERT INTO fiche_digits (fiche_digits, rowid, phones, nir)
    VALUES ('delete', old.id, old.phones, old.nir);
    INSERT INTO fiche_digits (rowid, phones, nir) VALUES (new.id, new.phones, new.nir);
END""",
    # The fiches already stored.
    "INSERT INTO fiche_digits (fiche_digits) VALUES ('rebuild')",
]


def _to_v10(cur: Cursor) -> None:
    """Phone and NIR digits through an FTS5 trigram index kept in step by triggers."""
    for sql in _DIGITS:
        cur.execute(sql)


def _to_v11(cur: Cursor) -> None:
    """The list's index carries the folded name (issue 16).

    The list is read newest first (``ORDER BY created_at DESC, id DESC``) and a
    name search filters it with ``search_name LIKE``. With ``search_name`` in
    the index the filter runs on the index's small entries and only the page's
    matches are read from the table, instead of decrypting every row scanned.
    Measured on 200,000 fiches: « martin zoé » first page 9.6 -> 4.1 ms, a name
    that matches nothing (every row scanned) 322 -> 56 ms, a name count
    25 -> 14 ms. It replaces ``fiches_created`` (same leading column).
    """
    cur.execute("CREATE INDEX fiches_list ON fiches(created_at, id, search_name)")
    cur.execute("DROP INDEX fiches_created")


MIGRATIONS: dict[int, Callable[[Cursor], None]] = {
    1: _to_v1,
    2: _to_v2,
    3: _to_v3,
    4: _to_v4,
    5: _to_v5,
    6: _to_v6,
    7: _to_v7,
    8: _to_v8,
    9: _to_v9,
    10: _to_v10,
    11: _to_v11,
}
"""Target version -> step taking the database from the version before it."""


@dataclass(frozen=True)
class MigrationReport:
    from_version: int
    to_version: int
    backup: Path | None
    """The encrypted copy written before migrating, if any."""


def check_not_newer(db: Database) -> int:
    """The database's version; :class:`NewerSchemaError` if this program is too old for it."""
    version = db.schema_version
    if version > CURRENT_VERSION:
        raise NewerSchemaError(detail=f"version {version} > {CURRENT_VERSION}")
    return version


def backup_name(version: int) -> str:
    """``tracing-<UTC timestamp>-v<N>.db``: no personal data in the name."""
    return f"tracing-{utcnow().strftime('%Y%m%dT%H%M%SZ')}-v{version}.db"


def write_backup(db: Database, backup_dir: Path) -> Path:
    """An encrypted copy of *db* (same key) in *backup_dir*, never overwriting one.

    *backup_dir* is made a real folder of ours, mode 0700 (a link planted in its
    place is removed, never followed: ``app.files.private_dir``); a name taken
    by anything, even a dangling link, is skipped.
    """
    files.private_dir(backup_dir, role="backups")
    version = db.schema_version
    name = backup_name(version)
    dest = backup_dir / name
    n = 1
    while files.inspect(dest) is not files.PathKind.ABSENT:
        n += 1
        dest = backup_dir / name.replace(".db", f"-{n}.db")
    db.backup_to(dest)
    return dest


def migrate(db: Database, backup_dir: Path) -> MigrationReport:
    """Bring *db* to :data:`CURRENT_VERSION`.

    Refuses a newer database (:class:`NewerSchemaError`), backs up an older
    non-empty one first, then applies each step in its own transaction.
    Version 0 is a brand-new store: no backup.
    """
    start = check_not_newer(db)
    if start == CURRENT_VERSION:
        return MigrationReport(start, start, None)
    backup = write_backup(db, backup_dir) if start > 0 else None
    for target in range(start + 1, CURRENT_VERSION + 1):
        with db.transaction() as cur:
            row = cur.execute("PRAGMA user_version").fetchone()
            current = int(row[0]) if row else 0
            if current >= target:  # another process migrated meanwhile
                continue
            MIGRATIONS[target](cur)
            cur.execute(f"PRAGMA user_version = {int(target)}")
    return MigrationReport(start, db.schema_version, backup)

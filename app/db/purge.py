"""The retention purge (décret 2020-551 art. 5 I): delete what has reached its deadline.

:func:`purge` deletes, as of one instant, every fiche whose deadline has come,
with everything derived from it: its expositions (both sides), outbox
entries, sync receipt, links to exported files, draft files named after it;
then the exported files and migration backups due by then. Each batch of
fiches is one transaction together with one journal entry per fiche (action
``purge``, the fiche's UUID only), so a crash at any instant leaves whole
fiches, never half of one, and the next run finishes the work. Afterwards the
WAL is checkpointed with ``TRUNCATE`` and the free pages are vacuumed, so that
with ``secure_delete`` the deleted text is in no page of any file.

Clock safety: the purge keeps the latest instant it has seen (``high_water``
in ``purge_state``) and never compares deadlines with an earlier one, so a
clock set backwards does not postpone a deletion.

Deadlines are stored in ``fiches.deadline`` at every save; :func:`refresh_deadlines`
recomputes them when the retention settings changed and applies the "after
acknowledged transmission" rule to acknowledged fiches.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.clock import Clock, get_clock
from app.core.enums import FicheKind, JournalAction, SyncState
from app.db import exported_files, journal
from app.db.connection import Cursor, Database
from app.db.drafts import delete_expired as delete_expired_drafts
from app.db.fiche_queries import ROW_COLUMNS, FicheRow, row_from
from app.db.orphans import reopen_orphaned_contacts
from app.db.repositories import FicheRepository
from app.db.retention import RetentionPolicy
from app.db.settings_values import SettingsReader as SettingsStore  # reading only
from app.db.timefmt import from_db, to_db

log = logging.getLogger(__name__)

PURGE_USER = "programme:purge"
BACKUP_KIND = "backup"
"""The journal's user for the automatic purge (the CLI uses ``cli:<os user>``)."""

BATCH = 10_000
_HIGH_WATER = "high_water"
_POLICY = "policy"
_BACKUP_NAME = re.compile(r"^tracing-(\d{8}T\d{6}Z)-v\d+(?:-\d+)?\.db$")
ProgressFn = Callable[[int, int], None]


@dataclass(slots=True)
class PurgeReport:
    """What a purge did (or, with ``dry_run``, would do). Counts only: no personal data."""

    as_of: datetime
    dry_run: bool = False
    fiches: int = 0
    patients_zero: int = 0
    contacts: int = 0
    expositions: int = 0
    outbox: int = 0
    drafts: int = 0
    files_deleted: int = 0
    backups_deleted: int = 0
    problem_files: list[exported_files.ExportedFile] = field(default_factory=list)
    next_deadline: datetime | None = None
    deadlines_recomputed: int = 0
    checkpointed: bool = False
    vacuumed: bool = False
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``purge --json`` document (file paths included: they stay on this machine)."""
        doc = asdict(self)
        for key in ("as_of", "next_deadline", "started_at", "finished_at"):
            value = getattr(self, key)
            doc[key] = value.isoformat() if value else None
        doc["problem_files"] = [
            {
                "uuid": f.uuid,
                "path": str(f.path),
                "state": f.state,
                "deadline": f.deadline.isoformat(),
                "error": f.last_error,
            }
            for f in self.problem_files
        ]
        return doc


# ------------------------------------------------------------------ state


def _state(db: Database, key: str) -> str | None:
    row = db.query_one("SELECT value FROM purge_state WHERE key = ?", (key,))
    return None if row is None else str(row[0])


def _set_state(cur: Cursor, key: str, value: str) -> None:
    cur.execute(
        "INSERT INTO purge_state (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def high_water(db: Database) -> datetime | None:
    """The latest instant the purge has seen, if any."""
    value = _state(db, _HIGH_WATER)
    return from_db(value) if value else None


def observe(db: Database, now: datetime) -> datetime:
    """Record *now* as seen; returns the instant to compare deadlines with.

    That is the later of *now* and the high-water mark: time never goes
    backwards for the purge.
    """
    with db.transaction() as cur:
        row = cur.execute("SELECT value FROM purge_state WHERE key = ?", (_HIGH_WATER,)).fetchone()
        seen = from_db(str(row[0])) if row else None
        if seen is None or now > seen:
            _set_state(cur, _HIGH_WATER, to_db(now))
            return now
        return seen


def policy_for(db: Database) -> RetentionPolicy:
    return RetentionPolicy.from_settings(SettingsStore(db, PURGE_USER))


# -------------------------------------------------------------- deadlines


def recompute_all_deadlines(cur: Cursor, policy: RetentionPolicy) -> int:
    """Recompute every fiche's deadline with *policy*, inside the caller's transaction.

    Returns how many deadlines changed. Files' deadlines follow (only ever
    earlier). Never later than 3 months after creation: the policy cannot say
    otherwise.
    """
    receipts = _acknowledgements(cur)
    changed: list[tuple[str, int]] = []
    rows = cur.execute("SELECT id, uuid, created_at, deadline FROM fiches").fetchall()
    for fiche_id, uuid, created, current in rows:
        new = to_db(policy.deadline(from_db(str(created)), receipts.get(str(uuid))))
        if new != current:
            changed.append((new, int(fiche_id)))
    cur.executemany("UPDATE fiches SET deadline = ? WHERE id = ?", changed)
    _set_state(cur, _POLICY, policy.fingerprint())
    exported_files.refresh_file_deadlines(cur)
    return len(changed)


def _acknowledgements(cur: Cursor) -> dict[str, datetime]:
    """Fiches whose latest version the central service acknowledged, and when."""
    rows = cur.execute(
        "SELECT r.fiche_uuid, r.acknowledged_at FROM sync_receipts r"
        " JOIN fiches f ON f.uuid = r.fiche_uuid WHERE r.version = f.version"
    ).fetchall()
    return {str(u): _parse_instant(str(at)) for u, at in rows}


def _parse_instant(text: str) -> datetime:
    try:
        return from_db(text)
    except ValueError:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return value if value.tzinfo else value.replace(tzinfo=UTC)


def refresh_deadlines(db: Database, policy: RetentionPolicy | None = None) -> int:
    """Make ``fiches.deadline`` agree with the settings; returns how many changed.

    A full recomputation (one transaction) when the policy differs from the
    one the deadlines were computed with; otherwise only the acknowledged
    fiches are looked at when the "after transmission" rule is on.
    """
    policy = policy or policy_for(db)
    # No fingerprint yet: every deadline so far was computed with the defaults.
    stored = _state(db, _POLICY) or RetentionPolicy().fingerprint()
    if stored != policy.fingerprint():
        with db.transaction() as cur:
            return recompute_all_deadlines(cur, policy)
    if policy.after_transmission_days is None:
        return 0
    with db.transaction() as cur:
        changed: list[tuple[str, str, str]] = []
        rows = cur.execute(
            "SELECT f.uuid, f.created_at, f.deadline, r.acknowledged_at FROM sync_receipts r"
            " JOIN fiches f ON f.uuid = r.fiche_uuid WHERE r.version = f.version"
        ).fetchall()
        for uuid, created, current, acked in rows:
            new = to_db(policy.deadline(from_db(str(created)), _parse_instant(str(acked))))
            if new < str(current):
                changed.append((new, str(uuid), str(current)))
        cur.executemany("UPDATE fiches SET deadline = ? WHERE uuid = ? AND deadline = ?", changed)
        if changed:
            exported_files.refresh_file_deadlines(cur)
        return len(changed)


def on_settings_changed(cur: Cursor, keys: set[str], settings: SettingsStore) -> None:
    """Called by the settings store inside the transaction that changed *keys*."""
    from app.core.settings import RETENTION_KEYS

    if keys & RETENTION_KEYS:
        recompute_all_deadlines(cur, RetentionPolicy.from_settings(settings))


# --------------------------------------------------------------- next due


def next_due(db: Database, after: datetime | None = None) -> datetime | None:
    """The earliest instant at which the purge has something to do.

    With *after*, only what falls due later than it (a run just done at
    *after* leaves overdue only what it could not do, retried by the safety
    nets rather than in a loop).
    """
    candidates: list[datetime] = []
    floor = to_db(after) if after is not None else ""
    row = db.query_one("SELECT min(deadline) FROM fiches WHERE deadline > ?", (floor,))
    if row and row[0]:
        candidates.append(from_db(str(row[0])))
    policy = policy_for(db)
    if policy.after_transmission_days is not None:
        rows = db.query(
            "SELECT f.created_at, r.acknowledged_at FROM sync_receipts r"
            " JOIN fiches f ON f.uuid = r.fiche_uuid WHERE r.version = f.version"
        )
        candidates.extend(
            policy.deadline(from_db(str(created)), _parse_instant(str(acked)))
            for created, acked in rows
        )
    row = db.query_one("SELECT min(deadline) FROM drafts WHERE deadline > ?", (floor,))
    if row and row[0]:
        candidates.append(from_db(str(row[0])))
    file_due = exported_files.next_file_deadline(db, after)
    if file_due is not None:
        candidates.append(file_due)
    if after is not None:
        candidates = [c for c in candidates if c > after]
    return min(candidates) if candidates else None


# ------------------------------------------------------------------ purge


def preview(db: Database, as_of: datetime) -> PurgeReport:
    """What a purge as of *as_of* would delete (nothing is written)."""
    stamp = to_db(as_of)
    report = PurgeReport(as_of=as_of, dry_run=True)
    row = db.query_one(
        "SELECT count(*), coalesce(sum(kind = ?), 0), coalesce(sum(kind = ?), 0)"
        " FROM fiches WHERE deadline <= ?",
        (FicheKind.PATIENT_ZERO.value, FicheKind.CONTACT.value, stamp),
    )
    assert row is not None
    report.fiches, report.patients_zero, report.contacts = (int(v) for v in row)
    row = db.query_one(
        "SELECT count(*) FROM expositions WHERE contact_uuid IN"
        " (SELECT uuid FROM fiches WHERE deadline <= ?) OR patient_zero_uuid IN"
        " (SELECT uuid FROM fiches WHERE deadline <= ?)",
        (stamp, stamp),
    )
    report.expositions = int(row[0]) if row else 0
    row = db.query_one(
        "SELECT count(*) FROM outbox WHERE fiche_uuid IN"
        " (SELECT uuid FROM fiches WHERE deadline <= ?)",
        (stamp,),
    )
    report.outbox = int(row[0]) if row else 0
    sweep = exported_files.sweep_files(db, as_of, PURGE_USER, dry_run=True)
    report.files_deleted = len(sweep.deleted)
    report.problem_files = exported_files.problem_files(db)
    report.next_deadline = _next_after(db, stamp)
    return report


def _next_after(db: Database, stamp: str) -> datetime | None:
    row = db.query_one("SELECT min(deadline) FROM fiches WHERE deadline > ?", (stamp,))
    return from_db(str(row[0])) if row and row[0] else None


def purge(
    db: Database,
    user: str = PURGE_USER,
    *,
    as_of: datetime | None = None,
    clock: Clock | None = None,
    batch: int = BATCH,
    secure_cleanup: bool = True,
    progress: ProgressFn | None = None,
) -> PurgeReport:
    """Delete everything due; returns the report.

    The instant used is the latest of the clock's now, the high-water mark
    and *as_of* (a later *as_of* deletes ahead of time, an earlier one cannot
    bring anything back). *progress* is called with (done, total) after each batch.
    """
    now = (clock or get_clock()).now()
    instant = observe(db, now)
    if as_of is not None and as_of > instant:
        instant = as_of
    report = PurgeReport(as_of=instant, started_at=now)
    if secure_cleanup:
        _ensure_incremental_vacuum(db)
    report.deadlines_recomputed = refresh_deadlines(db)
    stamp = to_db(instant)
    _register_backups(db, instant)
    total_row = db.query_one("SELECT count(*) FROM fiches WHERE deadline <= ?", (stamp,))
    total = int(total_row[0]) if total_row else 0
    while True:
        uuids = _purge_batch(db, stamp, batch, instant, user, report)
        if not uuids:
            break
        if progress is not None:
            progress(report.fiches, total)
    sweep = exported_files.sweep_files(db, instant, user)
    report.backups_deleted = sum(1 for f in sweep.deleted if f.kind == BACKUP_KIND)
    report.files_deleted = len(sweep.deleted) - report.backups_deleted
    report.problem_files = sweep.problems
    # Drafts of purged fiches went with them (trigger); a draft of a fiche
    # never saved goes at its own deadline.
    with db.transaction() as cur:
        report.drafts = delete_expired_drafts(cur, instant)
    # The journal's own retention (journal.retention_months).
    journal.apply_retention(db, instant, user)
    report.next_deadline = next_due(db, after=instant)
    report.finished_at = (clock or get_clock()).now()
    deleted_files = report.files_deleted + report.backups_deleted
    if report.fiches or deleted_files:
        db.execute(
            "INSERT INTO purge_runs (started_at, finished_at, as_of, fiches, files_deleted,"
            " files_missing) VALUES (?, ?, ?, ?, ?, ?)",
            (
                to_db(now),
                to_db(report.finished_at),
                stamp,
                report.fiches,
                deleted_files,
                len(report.problem_files),
            ),
        )
        if secure_cleanup:
            report.checkpointed, report.vacuumed = clean_up(db)
    return report


def _purge_batch(
    db: Database, stamp: str, batch: int, instant: datetime, user: str, report: PurgeReport
) -> list[str]:
    """Delete up to *batch* due fiches and what hangs on them, in one transaction.

    The rows are chosen inside the write transaction, so that two purges (the
    program's and the command's) never delete or journal the same fiche twice.
    """
    at = to_db(instant)
    with db.transaction() as cur:
        rows = cur.execute(
            "SELECT id, uuid, kind FROM fiches WHERE deadline <= ? ORDER BY deadline LIMIT ?",
            (stamp, batch),
        ).fetchall()
        if not rows:
            return []
        uuids = [(str(r[1]),) for r in rows]
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS purge_batch (uuid TEXT PRIMARY KEY)")
        cur.execute("DELETE FROM purge_batch")
        cur.executemany("INSERT INTO purge_batch (uuid) VALUES (?)", uuids)
        # Expositions (either side) and sync receipts go by ON DELETE CASCADE
        # with the fiche rows; counted first for the report.
        counted = cur.execute(
            "SELECT count(*) FROM expositions WHERE contact_uuid IN (SELECT uuid FROM purge_batch)"
            " OR patient_zero_uuid IN (SELECT uuid FROM purge_batch)"
        ).fetchone()
        expositions = int(counted[0]) if counted else 0
        # Contacts of purged patients zéro that stay (most go in the same batch).
        linked = [
            str(r[0])
            for r in cur.execute(
                "SELECT contact_uuid FROM expositions"
                " WHERE patient_zero_uuid IN (SELECT uuid FROM purge_batch)"
                " AND contact_uuid NOT IN (SELECT uuid FROM purge_batch)"
            ).fetchall()
        ]
        cur.execute("DELETE FROM outbox WHERE fiche_uuid IN (SELECT uuid FROM purge_batch)")
        outbox = cur.rowcount
        cur.execute(
            "DELETE FROM exported_file_fiches WHERE fiche_uuid IN (SELECT uuid FROM purge_batch)"
        )
        cur.execute("DELETE FROM fiches WHERE uuid IN (SELECT uuid FROM purge_batch)")
        journal.append_many(
            cur,
            [journal.JournalEntry(at, user, JournalAction.PURGE, uuid, "") for (uuid,) in uuids],
        )
        # A validated contact whose only patient zéro was purged no longer validates.
        reopen_orphaned_contacts(cur, linked, at, user)
        cur.execute("DELETE FROM purge_batch")
    report.expositions += expositions
    report.outbox += outbox
    report.fiches += len(rows)
    report.patients_zero += sum(1 for r in rows if r[2] == FicheKind.PATIENT_ZERO.value)
    report.contacts += sum(1 for r in rows if r[2] == FicheKind.CONTACT.value)
    return [u for (u,) in uuids]


def _register_backups(db: Database, instant: datetime) -> None:
    """Put migration backups in the registry with the earliest deadline they hold.

    A backup written at T holds the fiches that existed at T, all created at
    or before T: its deadline is the earliest deadline among those still
    here (any already purged were due earlier still, and were purged after
    the backup was registered). With none left, it is due at once.
    """
    directory = db.path.parent / "backups"
    if not directory.is_dir():
        return
    known = {
        str(r[0])
        for r in db.query("SELECT path FROM exported_files WHERE kind = ?", (BACKUP_KIND,))
    }
    for entry in sorted(directory.iterdir()):
        match = _BACKUP_NAME.match(entry.name)
        if not match or str(entry.absolute()) in known:
            continue
        written = datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        row = db.query_one(
            "SELECT min(deadline) FROM fiches WHERE created_at <= ?", (to_db(written),)
        )
        due = from_db(str(row[0])) if row and row[0] else instant
        exported_files.register_export(
            db, entry, [], kind=BACKUP_KIND, user=PURGE_USER, deadline=due
        )


def _ensure_incremental_vacuum(db: Database) -> None:
    """Switch the file to incremental auto-vacuum (one full ``VACUUM``), once.

    Done at the first run, usually on a young, small store, so that later
    purges only run the cheap ``incremental_vacuum``.
    """
    row = db.query_one("PRAGMA auto_vacuum")
    if row is not None and int(row[0]) != 2:
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("VACUUM")
        _checkpoint(db)


def clean_up(db: Database) -> tuple[bool, bool]:
    """Vacuum the free pages and checkpoint the WAL (TRUNCATE); returns (checkpointed, vacuumed).

    ``incremental_vacuum`` once the file is in incremental auto-vacuum mode
    (see :func:`_ensure_incremental_vacuum`), a full ``VACUUM`` otherwise.
    """
    row = db.query_one("PRAGMA auto_vacuum")
    if row is not None and int(row[0]) == 2:
        db.query("PRAGMA incremental_vacuum")
    else:
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("VACUUM")
    return _checkpoint(db), True


def _checkpoint(db: Database, attempts: int = 20) -> bool:
    """``wal_checkpoint(TRUNCATE)``, retried while another connection holds a read."""
    for _ in range(attempts):
        if db.checkpoint_truncate():
            return True
        time.sleep(0.05)
    log.warning("WAL checkpoint still busy after %d attempts", attempts)
    return False


def last_run(db: Database) -> tuple[datetime, int] | None:
    """When the last purge that deleted fiches finished, and how many it deleted."""
    row = db.query_one(
        "SELECT finished_at, fiches FROM purge_runs WHERE fiches > 0 ORDER BY id DESC LIMIT 1"
    )
    return (from_db(str(row[0])), int(row[1])) if row else None


def database_files(db: Database) -> list[Path]:
    """The database and its ``-wal``/``-shm`` files (those that exist)."""
    base = db.path
    return [p for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")) if os.path.exists(p)]


# ---------------------------------------------------------------- for the UI


@dataclass(frozen=True, slots=True)
class Upcoming:
    """Fiches due by some instant, earliest deadline first (at most ``limit`` of them)."""

    rows: list[FicheRow]
    total: int


def upcoming(repo: FicheRepository, until: datetime, limit: int = 1000) -> Upcoming:
    """The fiches the purge will delete by *until* ("Suppressions à venir")."""
    stamp = to_db(until)
    row = repo.db.query_one("SELECT count(*) FROM fiches WHERE deadline <= ?", (stamp,))
    rows = repo.db.query(
        ROW_COLUMNS + " WHERE deadline <= ? ORDER BY deadline, id LIMIT ?", (stamp, limit)
    )
    return Upcoming([row_from(r) for r in rows], int(row[0]) if row else 0)


def untransmitted_due(db: Database, until: datetime) -> tuple[int, datetime | None]:
    """How many fiches not yet acknowledged by the central service are due by *until*,
    and the earliest of their deadlines (the banner)."""
    row = db.query_one(
        "SELECT count(*), min(deadline) FROM fiches WHERE deadline <= ? AND sync_state != ?",
        (to_db(until), SyncState.SENT.value),
    )
    if row is None or not row[0]:
        return 0, None
    return int(row[0]), from_db(str(row[1]))

"""The registry of files the program wrote with personal data in them.

Every export or print-to-file (Excel, PDF lists, JSON lines, pseudonymised
exports) calls :func:`register_export` right after writing its file. The file
gets the earliest deadline of the fiches it holds, and the purge deletes it
at that deadline (:func:`sweep_files`). A registered file that was moved,
renamed or cannot be deleted is kept in the registry with the state
``missing`` or ``failed`` and reported until someone dismisses the warning:
the program cannot delete a copy it cannot find, so it says so.

Paths are kept in the encrypted database only; the journal names a file by
its registry UUID.
"""

from __future__ import annotations

import errno
import uuid as uuid_mod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.db import journal
from app.db.connection import Cursor, Database
from app.db.timefmt import from_db, to_db
from app.files import Removal, remove

PRESENT = "present"
DELETING = "deleting"  # deletion started: a missing file then means it is done
MISSING = "missing"  # not at its path (moved, renamed, removed by hand, drive absent)
FAILED = "failed"  # deletion refused (permissions, file in use)

_OVERWRITE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExportedFile:
    uuid: str
    path: Path
    kind: str
    created_at: datetime
    deadline: datetime
    state: str
    last_error: str | None


@dataclass(frozen=True, slots=True)
class SweepResult:
    deleted: list[ExportedFile]
    """The files deleted in this sweep (with ``dry_run``: that would be)."""
    problems: list[ExportedFile]
    """Files that could not be deleted or are no longer at their path (all of them)."""


def _row(r: Sequence[object]) -> ExportedFile:
    return ExportedFile(
        uuid=str(r[0]),
        path=Path(str(r[1])),
        kind=str(r[2]),
        created_at=from_db(str(r[3])),
        deadline=from_db(str(r[4])),
        state=str(r[5]),
        last_error=None if r[6] is None else str(r[6]),
    )


_COLUMNS = "uuid, path, kind, created_at, deadline, state, last_error"


def register_export(
    db: Database,
    path: Path,
    fiche_uuids: Iterable[str],
    *,
    kind: str = "",
    user: str = "",
    deadline: datetime | None = None,
) -> str | None:
    """Register *path*, just written from *fiche_uuids*; returns the file's UUID.

    Its deadline is the earliest deadline of those fiches (or *deadline* if
    that is earlier). A file holding no stored fiche and no explicit deadline
    carries no record and is not registered (``None``). Registering the same
    path again (an export overwritten in place) replaces the earlier entry.
    """
    uuids = sorted(set(fiche_uuids))
    now = get_clock().now()
    resolved = str(Path(path).expanduser().absolute())
    with db.transaction() as cur:
        earliest = _earliest_deadline(cur, uuids)
        if deadline is not None:
            earliest = min(earliest, to_db(deadline)) if earliest else to_db(deadline)
        if earliest is None:
            return None
        file_uuid = str(uuid_mod.uuid4())
        cur.execute(
            "DELETE FROM exported_files WHERE path = ? AND state IN (?, ?)",
            (resolved, PRESENT, MISSING),
        )
        cur.execute(
            "INSERT INTO exported_files (uuid, path, kind, created_at, deadline, state)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (file_uuid, resolved, kind, to_db(now), earliest, PRESENT),
        )
        file_id = cur.lastrowid
        cur.executemany(
            "INSERT OR IGNORE INTO exported_file_fiches (file_id, fiche_uuid) VALUES (?, ?)",
            [(file_id, u) for u in uuids],
        )
        journal.append(
            cur,
            now,
            user or "programme",
            JournalAction.EXPORT,
            None,
            f"fichier {file_uuid} {kind} {len(uuids)} fiches".replace("  ", " "),
        )
    return file_uuid


def _earliest_deadline(cur: Cursor, uuids: list[str]) -> str | None:
    earliest: str | None = None
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        row = cur.execute(
            f"SELECT min(deadline) FROM fiches WHERE uuid IN ({marks})", chunk
        ).fetchone()
        if row and row[0] is not None and (earliest is None or str(row[0]) < earliest):
            earliest = str(row[0])
    return earliest


def refresh_file_deadlines(cur: Cursor) -> None:
    """Bring each file's deadline forward to its fiches' current earliest (never later)."""
    cur.execute(
        "UPDATE exported_files SET deadline = ("
        " SELECT min(f.deadline) FROM exported_file_fiches l"
        " JOIN fiches f ON f.uuid = l.fiche_uuid WHERE l.file_id = exported_files.id)"
        " WHERE state != ? AND deadline > ("
        " SELECT min(f.deadline) FROM exported_file_fiches l"
        " JOIN fiches f ON f.uuid = l.fiche_uuid WHERE l.file_id = exported_files.id)",
        (DELETING,),
    )


def registered_files(db: Database) -> list[ExportedFile]:
    """Every registered file still to delete or to report, earliest deadline first."""
    return [
        _row(r) for r in db.query(f"SELECT {_COLUMNS} FROM exported_files ORDER BY deadline, id")
    ]


def problem_files(db: Database) -> list[ExportedFile]:
    """Files the program could not delete or no longer finds: to show to the user."""
    return [
        _row(r)
        for r in db.query(
            f"SELECT {_COLUMNS} FROM exported_files WHERE state IN (?, ?) ORDER BY deadline, id",
            (MISSING, FAILED),
        )
    ]


def next_file_deadline(db: Database, after: datetime | None = None) -> datetime | None:
    """The earliest deadline of a file still to delete (later than *after* if given)."""
    row = db.query_one(
        "SELECT min(deadline) FROM exported_files WHERE state IN (?, ?, ?) AND deadline > ?",
        (PRESENT, DELETING, FAILED, to_db(after) if after is not None else ""),
    )
    return from_db(str(row[0])) if row and row[0] else None


def dismiss(db: Database, file_uuid: str, user: str) -> bool:
    """Forget a missing file once the user has dealt with it (journaled by UUID)."""
    now = get_clock().now()
    with db.transaction() as cur:
        cur.execute(
            "DELETE FROM exported_files WHERE uuid = ? AND state IN (?, ?)",
            (file_uuid, MISSING, FAILED),
        )
        if cur.rowcount == 0:
            return False
        journal.append(
            cur, now, user, JournalAction.PURGE, None, f"fichier {file_uuid} signalement clos"
        )
    return True


def _shred(path: Path, file_uuid: str) -> Removal:
    """Overwrite our own regular file with zeros, then delete it; a planted link or
    another account's file is only unlinked, never written (``app.files.remove``)."""
    return remove(path, role="export", ref=file_uuid, limit=_OVERWRITE_LIMIT)


#: Journal note when the file at an export's place was not ours (UUID only, no path).
PLANTED_NOTE = "fichier {uuid}\u00a0: lien ou fichier d’un autre compte supprimé sans y écrire"
#: The same when an export replaced it (``app.files.AtomicFile``): *kind*, file UUID.
PLANTED_EXPORT_NOTE = (
    "{kind} fichier {uuid}\u00a0: lien ou fichier d’un autre compte remplacé, jamais écrit"
)


def journal_planted_export(db: Database, user: str, kind: str, file_uuid: str | None) -> None:
    """Journal that an export replaced a link or another account's file (never the path:
    the user-chosen folder may be personal)."""
    with db.transaction() as cur:
        journal.append(
            cur,
            get_clock().now(),
            user,
            JournalAction.EXPORT,
            None,
            PLANTED_EXPORT_NOTE.format(kind=kind, uuid=file_uuid or "-"),
        )


def _error_name(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def sweep_files(
    db: Database, instant: datetime, user: str, *, dry_run: bool = False
) -> SweepResult:
    """Delete every registered file due at *instant*; check the others are still there.

    A file whose deletion starts is marked ``deleting`` first (committed), so
    that after a crash a vanished file is known to be the program's doing.
    """
    stamp = to_db(instant)
    deleted: list[ExportedFile] = []
    for f in registered_files(db):
        if f.state == MISSING:
            if f.path.exists() and not dry_run:  # it came back (a drive plugged in again)
                db.execute("UPDATE exported_files SET state = ? WHERE uuid = ?", (PRESENT, f.uuid))
            continue
        due = to_db(f.deadline) <= stamp
        if not due:
            if not f.path.exists() and not dry_run:
                db.execute(
                    "UPDATE exported_files SET state = ?, last_error = ? WHERE uuid = ?",
                    (MISSING, "ENOENT", f.uuid),
                )
            continue
        if dry_run:
            deleted.append(f)
            continue
        db.execute("UPDATE exported_files SET state = ? WHERE uuid = ?", (DELETING, f.uuid))
        removal: Removal | None = None
        try:
            removal = _shred(f.path, f.uuid)
        except FileNotFoundError:
            if f.state != DELETING:
                db.execute(
                    "UPDATE exported_files SET state = ?, last_error = ? WHERE uuid = ?",
                    (MISSING, "ENOENT", f.uuid),
                )
                continue
        except OSError as exc:
            db.execute(
                "UPDATE exported_files SET state = ?, last_error = ? WHERE uuid = ?",
                (FAILED, _error_name(exc), f.uuid),
            )
            continue
        with db.transaction() as cur:
            cur.execute("DELETE FROM exported_files WHERE uuid = ?", (f.uuid,))
            journal.append(cur, instant, user, JournalAction.PURGE, None, f"fichier {f.uuid}")
            if removal is not None and removal.found.planted:
                journal.append(
                    cur, instant, user, JournalAction.PURGE, None, PLANTED_NOTE.format(uuid=f.uuid)
                )
        deleted.append(f)
    return SweepResult(deleted, [] if dry_run else problem_files(db))

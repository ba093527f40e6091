"""« Oublier ce poste »: delete the key from the keyring and every data file of the station.

A référent action (the window asks for confirmation after saying how many
fiches were not transmitted yet and that the recovery code will no longer
open anything), and what the uninstaller offers (``tracing-desk forget
--yes``: whoever may delete the data folder may run it, the command adds the
removal of the keyring entries).

Two steps, so that the database can be closed in between:
:func:`plan_forget` (database open: checks the right, lists the registered
export files and counts what would be lost) and :func:`forget_station`
(database closed: removes the keyring entries, overwrites then deletes the
database files, the recovery file, backups, logs, exports and drafts). Only
the program's own files are removed, never anything else that may share the
folder.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.core.accounts import Permission
from app.db import keystore
from app.db.connection import Database
from app.db.permissions import Session, require
from app.files import shred

log = logging.getLogger(__name__)

_DB_SUFFIXES = ("", "-wal", "-shm", "-journal")
_SIDE_FILES = (
    paths.DB_FILENAME + ".id",
    paths.RECOVERY_FILENAME,
    paths.KEYRING_ENTRIES_FILENAME,
    paths.SYNC_LOCK_FILENAME,
)
_SUBDIRS = ("backups", "logs", "exports", "drafts")
_OVERWRITE_LIMIT = 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ForgetPlan:
    fiches: int
    not_transmitted: int
    export_files: list[Path] = field(default_factory=list)
    extra_secrets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ForgetReport:
    removed: int
    keyring_entry_removed: bool
    failures: list[str]
    """File names (never paths with personal data: the program's own names) left behind."""


def plan_forget(
    db: Database, user: str | Session, extra_secrets: list[str] | None = None
) -> ForgetPlan:
    """What forgetting would delete; :class:`PermissionDenied` unless référent."""
    require(db, user, Permission.FORGET_STATION)
    return collect_plan(db, extra_secrets)


def collect_plan(db: Database, extra_secrets: list[str] | None = None) -> ForgetPlan:
    """The plan without a rights check (``tracing-desk forget --yes``, see the module)."""
    row = db.query_one("SELECT count(*), coalesce(sum(sync_state = 'pending'), 0) FROM fiches")
    files = [
        Path(str(r[0]))
        for r in db.query("SELECT path FROM exported_files WHERE state IN ('present', 'failed')")
    ]
    fiches, pending = (int(row[0]), int(row[1])) if row else (0, 0)
    return ForgetPlan(fiches, pending, files, list(extra_secrets or []))


def _shred(path: Path) -> None:
    """Our own regular file overwritten then deleted; a planted link only unlinked."""
    shred(path, limit=_OVERWRITE_LIMIT)


def forget_station(data_dir: Path, plan: ForgetPlan | None = None) -> ForgetReport:
    """Delete the keyring entries and the program's files in *data_dir* (database closed)."""
    removed = 0
    failures: list[str] = []
    key_removed = False
    id_file = data_dir / _SIDE_FILES[0]
    store = None
    with contextlib.suppress(OSError, ValueError):
        store = json.loads(id_file.read_text(encoding="utf-8")).get("store_id")
    secrets = [str(store)] if store else []
    if plan is not None:
        secrets += plan.extra_secrets
    # Every entry the program created for this store (tokens for other server
    # addresses too), read from its list: it works when the database cannot open.
    secrets += keystore.remembered_entries(data_dir)
    for name in dict.fromkeys(secrets):
        try:
            keystore.delete_key(name)
            key_removed = key_removed or name == store
        except Exception as exc:  # a keyring that cannot be reached: say so, go on
            failures.append(f"trousseau ({type(exc).__name__})")

    targets: list[Path] = []
    if plan is not None:
        targets += plan.export_files
    targets += [data_dir / (paths.DB_FILENAME + s) for s in _DB_SUFFIXES]
    targets += [data_dir / name for name in _SIDE_FILES]
    targets += sorted(data_dir.glob(paths.DB_FILENAME + "*.replaced-*"))
    for target in targets:
        if not target.exists():
            continue
        try:
            _shred(target)
            removed += 1
        except OSError as exc:
            failures.append(f"{target.name} ({type(exc).__name__})")
    for sub in _SUBDIRS:
        folder = data_dir / sub
        if folder.is_dir():
            for child in sorted(folder.rglob("*"), reverse=True):
                try:
                    if child.is_file() or child.is_symlink():
                        _shred(child)
                        removed += 1
                    else:
                        child.rmdir()
                except OSError as exc:
                    failures.append(f"{sub}/{child.name} ({type(exc).__name__})")
            with contextlib.suppress(OSError):
                folder.rmdir()
    with contextlib.suppress(OSError):
        data_dir.rmdir()  # only if nothing else is in it
    log.warning(
        "station forgotten",
        extra={"event": "forget", "removed": removed, "failures": len(failures)},
    )
    return ForgetReport(removed, key_removed, failures)

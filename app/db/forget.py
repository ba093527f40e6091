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
folder. Every deletion goes through ``app.files``: a link, or another
account's file, found at one of these paths is only unlinked, never written
(a folder replaced by a link is not entered). ``docs/files.md`` lists them.
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
from app.files import remove, remove_tree

log = logging.getLogger(__name__)

_DB_SUFFIXES = ("", "-wal", "-shm", "-journal")
_SIDE_FILES = (
    paths.DB_FILENAME + ".id",
    paths.RECOVERY_FILENAME,
    paths.RECOVERY_FILENAME + ".pending",  # a passphrase change cut short (app.db.store)
    paths.KEYRING_ENTRIES_FILENAME,
    paths.SYNC_LOCK_FILENAME,
    paths.DB_FILENAME + ".mark",  # the watermark (app.db.watermark, docs/storage.md)
    paths.DB_FILENAME + ".integrity",
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


def _shred(path: Path, role: str) -> None:
    """Our own regular file overwritten then deleted; a planted link or another
    account's file only unlinked, its target never written (``app.files.remove``)."""
    remove(path, role=role, limit=_OVERWRITE_LIMIT)


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
    targets += sorted(data_dir.glob(".tracing-desk-*.part"))  # a write cut short (app.files)
    exports = len(plan.export_files) if plan is not None else 0
    for n, target in enumerate(targets):
        try:
            _shred(target, "export" if n < exports else "data")
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as exc:
            failures.append(f"{target.name} ({type(exc).__name__})")
    for sub in _SUBDIRS:
        # A link in place of the folder, or inside it, is only unlinked: the
        # folder it points to is never listed nor emptied.
        count, more = remove_tree(data_dir / sub, role=sub)
        removed += count
        failures += more
    with contextlib.suppress(OSError):
        data_dir.rmdir()  # only if nothing else is in it
    log.warning(
        "station forgotten",
        extra={"event": "forget", "removed": removed, "failures": len(failures)},
    )
    return ForgetReport(removed, key_removed, failures)

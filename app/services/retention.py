"""The retention purge as a service: the unattended purge, and an early purge (référent).

The purge at the deadline needs no account: it is the operating system's
daily task and the program's scheduler, and it only applies the law. A purge
*ahead* of the deadline (``--as-of`` later than now) deletes fiches that
could still be transmitted: once accounts exist, only a référent may ask it.

A store opened read-only (a detected rollback or a failed integrity check,
see :mod:`app.db.watermark`) keeps its evidence as found: the purge is then
*suspended* — no fiche, draft or journal entry is deleted, nothing is written
but the register of exported files, whose files past their deadline are still
deleted from the disk (they hold personal data outside the store, and the
database's authorizer lets their register change for that reason). The report
says so (:class:`SuspendedPurge`, :data:`SUSPENDED_MESSAGE`) with the number
of fiches past their deadline, for the window's status bar, ``purge`` and
``doctor``: the 3-month deletion is a legal obligation, so the référent must
repair the store quickly (docs/guide-admin.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.core.accounts import Permission
from app.core.clock import Clock, get_clock
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.settings import PURGE_WARN_DAYS
from app.db import exported_files
from app.db.connection import Database
from app.db.permissions import Session
from app.db.purge import (
    BACKUP_KIND,
    PurgeReport,
    Upcoming,
    high_water,
    last_run,
    next_due,
    preview,
    purge,
    untransmitted_due,
)
from app.db.settings_store import SettingsStore
from app.db.timefmt import to_db
from app.services.access import check, user_name

__all__ = [
    "MISSING_FILE",
    "SUSPENDED_LABEL",
    "SUSPENDED_MESSAGE",
    "PurgeReport",
    "SuspendedPurge",
    "Upcoming",
    "banner_facts",
    "last_purge",
    "next_purge",
    "overdue_fiches",
    "preview_purge",
    "purge_suspended",
    "run_purge",
]

log = logging.getLogger(__name__)

SUSPENDED_LABEL = QT_TRANSLATE_NOOP("services", "Purge suspendue\u00a0: base en lecture seule")
"""The status bar's short form of :data:`SUSPENDED_MESSAGE`."""
SUSPENDED_MESSAGE = QT_TRANSLATE_NOOP(
    "services",
    "Purge suspendue\u00a0: base en lecture seule. Fiches arrivées à échéance et gardées "
    "en attente\u00a0: {overdue}. La suppression à 3\u00a0mois est une obligation légale\u00a0: "
    "la réparation de la base par le référent doit être faite rapidement.",
)
"""Said by the status bar, ``purge`` and ``doctor`` (translate, then ``format(overdue=…)``)."""


@dataclass(slots=True)
class SuspendedPurge(PurgeReport):
    """A purge not done because the store is read-only (``fiches`` stays 0).

    ``overdue``: fiches past their deadline, left in place until the repair.
    Exported files past their deadline were still deleted (``files_deleted``).
    """

    suspended: bool = True
    overdue: int = 0


def purge_suspended(db: Database) -> bool:
    """The store refuses changes (read-only): the purge cannot delete fiches."""
    return db.write_refusal is not None


def overdue_fiches(db: Database, clock: Clock | None = None) -> int:
    """Fiches whose deadline has passed (still there: the purge has not run, or is suspended)."""
    now = (clock or get_clock()).now()
    seen = high_water(db)
    row = db.query_one(
        "SELECT count(*) FROM fiches WHERE deadline <= ?", (to_db(max(now, seen or now)),)
    )
    return int(row[0]) if row else 0


def run_purge(
    db: Database,
    user: str | Session,
    *,
    as_of: datetime | None = None,
    clock: Clock | None = None,
    **options: Any,
) -> PurgeReport:
    """Delete what is due now; with *as_of* in the future, an early purge (référent).

    On a read-only store: a :class:`SuspendedPurge` (see the module's docstring).
    """
    now = (clock or get_clock()).now()
    seen = high_water(db)
    if as_of is not None and as_of > max(now, seen or now):
        check(db, user, Permission.EARLY_PURGE)
    if purge_suspended(db):
        return _suspended(db, user_name(user), now, max(now, seen or now), clock)
    return purge(db, user_name(user), as_of=as_of, clock=clock, **options)


def _suspended(
    db: Database, user: str, now: datetime, instant: datetime, clock: Clock | None
) -> SuspendedPurge:
    report = SuspendedPurge(as_of=instant, started_at=now, overdue=overdue_fiches(db, clock))
    sweep = exported_files.sweep_files(db, instant, user)
    report.backups_deleted = sum(1 for f in sweep.deleted if f.kind == BACKUP_KIND)
    report.files_deleted = len(sweep.deleted) - report.backups_deleted
    report.problem_files = sweep.problems
    report.next_deadline = next_due(db, after=instant)
    report.finished_at = (clock or get_clock()).now()
    log.warning("purge suspended: store read-only, %d fiche(s) past their deadline", report.overdue)
    return report


def preview_purge(db: Database, as_of: datetime | None = None) -> PurgeReport:
    """What a purge would delete (counts only: no name, nothing deleted)."""
    now = get_clock().now()
    seen = high_water(db)
    return preview(db, as_of or max(now, seen or now))


# -- what the window shows of the purge (database thread) --------------------------

MISSING_FILE = exported_files.MISSING
"""The state of an exported file no longer at its path (moved, renamed, drive absent)."""


def banner_facts(db: Database, user: str) -> dict[str, Any]:
    """What the purge banner says: ``warn_days`` (setting ``purge.warn_days``), ``count``
    fiches not yet transmitted due within them and the ``earliest`` deadline, and the
    exported files the purge could not delete (``problems``)."""
    warn_days = SettingsStore(db, user).get(PURGE_WARN_DAYS)
    count, earliest = untransmitted_due(db, get_clock().now() + timedelta(days=warn_days))
    return {
        "warn_days": warn_days,
        "count": count,
        "earliest": earliest,
        "problems": exported_files.problem_files(db),
    }


def last_purge(db: Database) -> tuple[datetime, int] | None:
    """When the last purge that deleted fiches finished, and how many it deleted."""
    return last_run(db)


def next_purge(db: Database) -> datetime | None:
    """The earliest instant at which the purge has something to do."""
    return next_due(db)

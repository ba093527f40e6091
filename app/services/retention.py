"""The retention purge as a service: the unattended purge, and an early purge (référent).

The purge at the deadline needs no account: it is the operating system's
daily task and the program's scheduler, and it only applies the law. A purge
*ahead* of the deadline (``--as-of`` later than now) deletes fiches that
could still be transmitted: once accounts exist, only a référent may ask it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core.accounts import Permission
from app.core.clock import Clock, get_clock
from app.db.connection import Database
from app.db.permissions import Session
from app.db.purge import PurgeReport, high_water, preview, purge
from app.services.access import check, user_name

__all__ = ["PurgeReport", "preview_purge", "run_purge"]


def run_purge(
    db: Database,
    user: str | Session,
    *,
    as_of: datetime | None = None,
    clock: Clock | None = None,
    **options: Any,
) -> PurgeReport:
    """Delete what is due now; with *as_of* in the future, an early purge (référent)."""
    now = (clock or get_clock()).now()
    seen = high_water(db)
    if as_of is not None and as_of > max(now, seen or now):
        check(db, user, Permission.EARLY_PURGE)
    return purge(db, user_name(user), as_of=as_of, clock=clock, **options)


def preview_purge(db: Database, as_of: datetime | None = None) -> PurgeReport:
    """What a purge would delete (counts only: no name, nothing deleted)."""
    now = get_clock().now()
    seen = high_water(db)
    return preview(db, as_of or max(now, seen or now))

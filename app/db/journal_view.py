"""Reading the journal: référent only, filtered by user, action and date.

The viewer (``app.ui.journal_viewer``) and any other reader go through
:func:`query_journal`, which checks the right first. Dates are days of the
establishment's calendar (Europe/Paris by default), converted to UTC bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.core.accounts import Permission
from app.core.enums import JournalAction
from app.core.retention import DEFAULT_TZ
from app.db.connection import Database
from app.db.permissions import Session, require
from app.db.timefmt import from_db, to_db


@dataclass(frozen=True, slots=True)
class JournalFilter:
    user: str = ""
    action: JournalAction | None = None
    since: date | None = None
    until: date | None = None
    """Inclusive: the whole of that day."""


@dataclass(frozen=True, slots=True)
class JournalLine:
    id: int
    at: datetime
    user: str
    action: JournalAction | None
    action_value: str
    fiche_uuid: str | None
    detail: str


def _where(flt: JournalFilter, tz: str) -> tuple[str, list[Any]]:
    zone = ZoneInfo(tz)
    sql: list[str] = []
    params: list[Any] = []
    if flt.user:
        sql.append("user = ?")
        params.append(flt.user)
    if flt.action is not None:
        sql.append("action = ?")
        params.append(flt.action.value)
    if flt.since is not None:
        sql.append("at >= ?")
        params.append(to_db(datetime.combine(flt.since, time(0), zone)))
    if flt.until is not None:
        sql.append("at < ?")
        params.append(to_db(datetime.combine(flt.until + timedelta(days=1), time(0), zone)))
    return (" WHERE " + " AND ".join(sql)) if sql else "", params


def query_journal(
    db: Database,
    user: str | Session,
    flt: JournalFilter,
    *,
    offset: int = 0,
    limit: int = 200,
    tz: str = DEFAULT_TZ,
) -> tuple[int, list[JournalLine]]:
    """(matching count, one page newest first); :class:`PermissionDenied` for an agent."""
    require(db, user, Permission.READ_JOURNAL)
    where, params = _where(flt, tz)
    count_row = db.query_one("SELECT count(*) FROM journal" + where, params)
    rows = db.query(
        "SELECT id, at, user, action, fiche_uuid, detail FROM journal"
        + where
        + " ORDER BY id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    lines = []
    for r in rows:
        try:
            action: JournalAction | None = JournalAction(str(r[3]))
        except ValueError:
            action = None
        lines.append(
            JournalLine(
                int(r[0]), from_db(str(r[1])), str(r[2]), action, str(r[3]), r[4], str(r[5])
            )
        )
    return (int(count_row[0]) if count_row else 0), lines


def journal_users(db: Database, user: str | Session) -> list[str]:
    """The names found in the journal (for the viewer's user filter)."""
    require(db, user, Permission.READ_JOURNAL)
    return [str(r[0]) for r in db.query("SELECT DISTINCT user FROM journal ORDER BY user")]

"""The journal viewer's reads (référent only): one page of entries, and the chain's state.

Called with the open :class:`~app.db.connection.Database` in the database
thread. ``app.db.journal_view`` refuses an agent whatever the window shows;
the chain is checked by ``app.db.journal.verify``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.dates import display_zone_name
from app.db.connection import Database
from app.db.journal import verify
from app.db.journal_view import JournalFilter, JournalLine, journal_users, query_journal
from app.db.permissions import Session

__all__ = ["JournalFilter", "JournalLine", "JournalPage", "journal_page", "journal_users"]


@dataclass(frozen=True, slots=True)
class JournalPage:
    """*lines* (newest first) of the *total* entries matching the filter."""

    total: int
    lines: list[JournalLine]
    chain_ok: bool
    """The whole journal matches its chain and its head."""


def journal_page(
    db: Database,
    user: str | Session,
    flt: JournalFilter,
    *,
    limit: int,
    tz: str | None = None,
) -> JournalPage:
    """The first *limit* entries matching *flt*, days counted in *tz* (the establishment's
    time zone by default); :class:`~app.db.permissions.PermissionDenied` unless référent."""
    total, lines = query_journal(db, user, flt, limit=limit, tz=tz or display_zone_name())
    return JournalPage(total, lines, verify(db).ok)

"""The audit journal (décret 2020-551 art. 5 II): append-only, hash-chained.

Entries name the user, the UTC instant, the action and the fiche by UUID;
``detail`` holds non-personal facts only (a count, a file UUID, a version).
Writers call :func:`append` inside the transaction of the change they record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.core.enums import JournalAction
from app.db.connection import Cursor
from app.db.journalhash import GENESIS_HASH, first_broken_entry, journal_hash
from app.db.timefmt import to_db


@dataclass(frozen=True, slots=True)
class JournalEntry:
    at: str
    user: str
    action: JournalAction
    fiche_uuid: str | None
    detail: str


def _last_hash(cur: Cursor) -> str:
    cur.execute("SELECT hash FROM journal ORDER BY id DESC LIMIT 1")
    row = cur.fetchone()
    return str(row[0]) if row else GENESIS_HASH


def append(
    cur: Cursor,
    at: datetime,
    user: str,
    action: JournalAction,
    fiche_uuid: str | None = None,
    detail: str = "",
) -> None:
    """Append one entry chained to the last one, inside the caller's transaction."""
    append_many(cur, [JournalEntry(to_db(at), user, action, fiche_uuid, detail)])


def append_many(cur: Cursor, entries: Iterable[JournalEntry]) -> None:
    """Append several entries in order (one hash lookup for the whole batch)."""
    prev = _last_hash(cur)
    rows = []
    for entry in entries:
        digest = journal_hash(
            prev, entry.at, entry.user, entry.action.value, entry.fiche_uuid, entry.detail
        )
        rows.append(
            (entry.at, entry.user, entry.action.value, entry.fiche_uuid, entry.detail, prev, digest)
        )
        prev = digest
    cur.executemany(
        "INSERT INTO journal (at, user, action, fiche_uuid, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def chain_ok(rows: Iterable[tuple[int, str, str, str, str | None, str, str, str]]) -> bool:
    """True when every entry links to the one before it (see ``journalhash``)."""
    return first_broken_entry(rows) is None

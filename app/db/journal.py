"""The audit journal (décret 2020-551 art. 5 II): append-only, hash-chained.

Entries name the user, the UTC instant, the action and the fiche by UUID;
``detail`` holds non-personal facts only (a count, a file UUID, a version).
Writers call :func:`append` inside the transaction of the change they record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.db.connection import Cursor, Database
from app.db.journalhash import GENESIS_HASH, chain, first_broken_entry, journal_hash
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


Fields = tuple[str, str, str, str | None, str]
"""An entry as stored: ``(at, user, action value, fiche_uuid, detail)``."""


def append_many(cur: Cursor, entries: Iterable[JournalEntry]) -> None:
    """Append several entries in order: one head lookup and one hash pass for the batch."""
    append_fields(cur, [(e.at, e.user, e.action.value, e.fiche_uuid, e.detail) for e in entries])


def append_fields(cur: Cursor, fields: Sequence[Fields]) -> None:
    """:func:`append_many` for entries already in their stored form (a bulk save)."""
    if not fields:
        return
    prev = _last_hash(cur)
    digests = chain(prev, fields)
    cur.executemany(
        "INSERT INTO journal (at, user, action, fiche_uuid, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (*entry, before, digest)
            for entry, before, digest in zip(fields, [prev, *digests[:-1]], digests, strict=True)
        ),
    )


def chain_ok(rows: Iterable[tuple[int, str, str, str, str | None, str, str, str]]) -> bool:
    """True when every entry links to the one before it (see ``journalhash``)."""
    return first_broken_entry(rows) is None


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The result of :func:`verify`: ``ok``, and where the chain first breaks."""

    ok: bool
    broken_at: int | None = None
    """The id of the first wrong entry (``None``: the head or the count is wrong)."""
    reason: str = ""


def verify(db: Database) -> ChainReport:
    """Check the whole journal against its chain and its head (schema version 5).

    The chain starts from the hash of the last entry the journal's retention
    removed (or the genesis hash); entry ids follow each other with no gap; the
    newest entry is the one the head recorded when it was appended. So an
    edited, removed, inserted or reordered entry, and the removal of the
    newest entries (even followed by new ones), all make it fail.
    """
    head = db.query_one(
        "SELECT trimmed_upto, trimmed_hash, last_id, last_hash FROM journal_head WHERE id = 1"
    )
    if head is None:
        return ChainReport(False, None, "tête du journal absente")
    trimmed_upto, expected_prev = int(head[0]), str(head[1])
    last_id, last_hash = int(head[2]), str(head[3])
    expected_id = trimmed_upto + 1
    after = -1
    while True:
        batch = db.query(
            "SELECT id, at, user, action, fiche_uuid, detail, prev_hash, hash FROM journal"
            " WHERE id > ? ORDER BY id LIMIT 5000",
            (after,),
        )
        if not batch:
            break
        for entry_id, at, user, action, fiche_uuid, detail, prev_hash, digest in batch:
            if entry_id != expected_id:
                return ChainReport(False, int(entry_id), "entrée manquante ou ajoutée")
            if prev_hash != expected_prev:
                return ChainReport(False, int(entry_id), "chaînage rompu")
            if journal_hash(prev_hash, at, user, action, fiche_uuid, detail) != digest:
                return ChainReport(False, int(entry_id), "entrée modifiée")
            expected_prev = str(digest)
            expected_id += 1
            after = int(entry_id)
    if expected_id - 1 != last_id or expected_prev != last_hash:
        return ChainReport(False, None, "dernières entrées supprimées")
    return ChainReport(True)


def trim_before(db: Database, cutoff: datetime, user: str) -> int:
    """The journal's own retention: remove entries older than *cutoff*; returns how many.

    One transaction: the head first records the last removed entry's hash
    (the chain's new start), which is what lets the append-only trigger allow
    the deletion, then a ``purge`` entry records the count.
    """
    stamp = to_db(cutoff)
    with db.transaction() as cur:
        row = cur.execute(
            "SELECT id, hash FROM journal WHERE at < ? ORDER BY id DESC LIMIT 1", (stamp,)
        ).fetchone()
        if row is None:
            return 0
        upto, upto_hash = int(row[0]), str(row[1])
        cur.execute(
            "UPDATE journal_head SET trimmed_upto = ?, trimmed_hash = ? WHERE id = 1",
            (upto, upto_hash),
        )
        cur.execute("DELETE FROM journal WHERE id <= ?", (upto,))
        removed = cur.rowcount
        append(
            cur,
            get_clock().now(),
            user,
            JournalAction.PURGE,
            None,
            f"journal {removed} entrées antérieures au {cutoff.date().isoformat()}",
        )
    return removed


def _months_before(instant: datetime, months: int) -> datetime:
    """*instant* moved back by calendar months (a missing day becomes the month's last)."""
    import calendar

    month_index = instant.year * 12 + instant.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(instant.day, calendar.monthrange(year, month + 1)[1])
    return instant.replace(year=year, month=month + 1, day=day)


def apply_retention(db: Database, instant: datetime, user: str) -> int:
    """Remove the entries older than the ``journal.retention_months`` setting (purge run)."""
    from app.core.settings import JOURNAL_RETENTION_MONTHS
    from app.db.settings_values import SettingsReader as SettingsStore  # reading only

    months = SettingsStore(db, user).get(JOURNAL_RETENTION_MONTHS)
    return trim_before(db, _months_before(instant, months), user)

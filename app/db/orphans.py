"""Contacts left with no patient zéro after a deletion or the purge: back to a draft."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.core.enums import FicheKind, JournalAction, LifecycleState, SyncState
from app.db import journal
from app.db.timefmt import from_db

ORPHAN_DETAIL = "patient zéro supprimé\u00a0: plus aucune exposition"


def reopen_orphaned_contacts(cur: Any, candidates: Iterable[str], at: str, user: str) -> list[str]:
    """Back to *initialisée* every validated contact of *candidates* left with no exposition.

    Called inside the transaction that deleted patients zéro (a deletion, the
    purge): their expositions went with them (``ON DELETE CASCADE``), and a
    contact with no patient zéro no longer passes validation. So that a
    stored *validée* fiche always does, it is reopened as the nurse would
    (new version, pending transmission withdrawn, ``reouverture`` journaled);
    it is kept until its own deadline.
    """
    reopened: list[str] = []
    iso = from_db(at).isoformat()  # the document's own form of an instant
    for uuid in dict.fromkeys(candidates):
        row = cur.execute(
            "SELECT version FROM fiches WHERE uuid = ? AND kind = ? AND state != ?"
            " AND NOT EXISTS (SELECT 1 FROM expositions WHERE contact_uuid = ?)",
            (uuid, FicheKind.CONTACT.value, LifecycleState.DRAFT.value, uuid),
        ).fetchone()
        if row is None:
            continue
        version = int(row[0]) + 1
        cur.execute(
            "UPDATE fiches SET state = ?, version = ?, updated_at = ?, sync_state = ?,"
            " data = json_set(data, '$.etat', ?, '$.version', ?, '$.modifie_le', ?)"
            " WHERE uuid = ?",
            (
                LifecycleState.DRAFT.value,
                version,
                at,
                SyncState.LOCAL.value,
                LifecycleState.DRAFT.value,
                version,
                iso,
                uuid,
            ),
        )
        cur.execute("DELETE FROM outbox WHERE fiche_uuid = ? AND state = 'pending'", (uuid,))
        reopened.append(uuid)
    if reopened:
        journal.append_many(
            cur,
            [
                journal.JournalEntry(at, user, JournalAction.REOPEN, u, ORPHAN_DETAIL)
                for u in reopened
            ],
        )
    return reopened

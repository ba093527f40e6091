"""The outbox as the sync sees it: what to send next, and what the central service answered.

Only the latest version of a fiche is ever sent: a batch reads the fiche row
as it is *now*, and an acknowledgement of version *v* closes every pending
entry of that fiche up to *v*. A fiche edited while version *v* was in flight
keeps its newer entry pending, so it goes next. A fiche past its deletion
deadline is never selected (purge wins), and neither is a draft: only a
validated fiche is queued (``app.services``), and this reader checks the
state again so that a draft cannot leave the station whatever queued it.
Everything here runs on the caller's connection (a worker's or the
command's), never on the UI thread.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.core.enums import FicheKind, JournalAction, LifecycleState, SyncState
from app.db import journal
from app.db.connection import Database
from app.db.pending import pending_sync_count
from app.db.timefmt import from_db, to_db
from app.sync.transport import FicheOutcome

EXPOSITIONS_KEY = "expositions"
IDENTITY_KEY = "divulgation_identite"
_KEEP_RUNS = 500


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_string = json.encoder.encode_basestring


def _json_value(value: Any) -> str:
    if value is None:
        return "null"
    return _string(value) if type(value) is str else _COMPACT(value)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One fiche to send: its current version and document.

    The document is kept as the compact JSON text the database holds (with
    the contact's expositions after its other fields), so that a batch is
    written by joining texts, never decoded and encoded again.
    """

    position: int  # the id of its oldest pending outbox entry (queue order)
    uuid: str
    version: int
    kind: str
    created_at: datetime
    deadline: datetime
    document_json: str
    declared_created_at: Any = None  # the document's ``cree_le``
    disclosure: Any = None  # the document's ``divulgation_identite`` (patient zéro)

    @property
    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = json.loads(self.document_json)
        return doc

    def payload(self) -> dict[str, Any]:
        """The protocol's item: identity, version, creation instant, anonymity choice, fields."""
        return json.loads(self.payload_json())  # type: ignore[no-any-return]

    def payload_json(self) -> str:
        """:meth:`payload` as compact JSON text (what a batch carries)."""
        disclosure = self.disclosure if self.kind == FicheKind.PATIENT_ZERO.value else None
        return (
            f'{{"uuid":{_string(self.uuid)},"version":{int(self.version)!r},'
            f'"created_at":{_json_value(self.declared_created_at)},"type":{_string(self.kind)},'
            f'"identity_disclosure":{_json_value(disclosure)},"document":{self.document_json}}}'
        )


_PENDING = (
    "SELECT fiche_uuid, min(id) AS position FROM outbox"
    " WHERE state = 'pending' AND op = 'upsert' GROUP BY fiche_uuid"
)


def next_batch(
    db: Database,
    now: datetime,
    limit: int,
    after: int = 0,
    stop_at: Collection[str] = (),
) -> list[OutboxItem]:
    """Up to *limit* fiches with a pending entry queued after entry *after*, in queue order.

    Walks the pending entries by id (index ``outbox_pending``) rather than
    grouping the whole queue, so each batch costs the same however long the
    queue is. Fiches past their deadline, or deleted, are skipped. The batch
    ends before the first entry of a fiche in *stop_at* (a batch in flight
    whose answer is not recorded yet): read again once it is, that entry is
    closed by the answer or goes next, as if the batches had not overlapped.
    """
    items: list[OutboxItem] = []
    seen: set[str] = set()
    cursor = after
    stamp = to_db(now)
    halted = False
    while len(items) < limit and not halted:
        rows = db.query(
            "SELECT id, fiche_uuid FROM outbox WHERE state = 'pending' AND op = 'upsert'"
            " AND id > ? ORDER BY id LIMIT ?",
            (cursor, 2 * limit),
        )
        if stop_at:
            for n, (_, uuid) in enumerate(rows):
                if uuid in stop_at:
                    rows, halted = rows[:n], True
                    break
        if not rows:
            break
        cursor = int(rows[-1][0])
        first: dict[str, int] = {}
        for entry_id, uuid in rows:
            if uuid not in seen and uuid not in first:
                first[str(uuid)] = int(entry_id)
        seen.update(first)
        if not first:
            continue
        marks = ",".join("?" * len(first))
        found = {
            str(r[0]): r
            for r in db.query(
                "SELECT uuid, version, kind, created_at, deadline, data,"
                " json_extract(data, '$.cree_le'), json_extract(data, '$." + IDENTITY_KEY + "')"
                f" FROM fiches WHERE uuid IN ({marks}) AND deadline > ? AND state != ?",
                [*first, stamp, LifecycleState.DRAFT.value],
            )
        }
        for uuid, position in first.items():
            row = found.get(uuid)
            if row is None:
                continue
            items.append(
                OutboxItem(
                    position=position,
                    uuid=uuid,
                    version=int(row[1]),
                    kind=str(row[2]),
                    created_at=from_db(str(row[3])),
                    deadline=from_db(str(row[4])),
                    document_json=str(row[5]),
                    declared_created_at=row[6],
                    disclosure=row[7],
                )
            )
            if len(items) == limit:
                break
    contacts = [i for i in items if i.kind == FicheKind.CONTACT.value]
    if contacts:
        by_uuid: dict[str, list[str]] = {i.uuid: [] for i in contacts}
        marks = ",".join("?" * len(contacts))
        for contact_uuid, data in db.query(
            f"SELECT contact_uuid, data FROM expositions WHERE contact_uuid IN ({marks})"
            " ORDER BY id",
            [i.uuid for i in contacts],
        ):
            # stored with spaces after separators: written again compact
            by_uuid[str(contact_uuid)].append(_COMPACT(json.loads(str(data))))
        items = [_with_expositions(i, by_uuid[i.uuid]) if i.uuid in by_uuid else i for i in items]
    return items


def _with_expositions(item: OutboxItem, expositions: list[str]) -> OutboxItem:
    """*item* whose document ends with its ``expositions`` (compact JSON texts)."""
    body = item.document_json.rstrip()
    assert body.endswith("}") and body != "{}"  # a document always has format and type
    joined = ",".join(expositions)
    document = f'{body[:-1]},"{EXPOSITIONS_KEY}":[{joined}]}}'
    return replace(item, document_json=document)


@dataclass(slots=True)
class Applied:
    accepted: int = 0
    rejected: int = 0
    conflicts: int = 0


def apply_outcomes(
    db: Database, outcomes: Sequence[FicheOutcome], sent: dict[str, int], now: datetime, user: str
) -> Applied:
    """Record the central service's answers in one transaction (outbox, fiche, receipt, journal).

    *sent* maps each UUID sent to the version sent; answers about anything else
    are ignored. A fiche whose row moved on to a newer version meanwhile stays
    ``pending`` (its newer entry goes next).
    """
    counts = Applied()
    stamp = to_db(now)
    entries: list[journal.Fields] = []
    # Each statement runs once per batch (executemany), in the answers' order:
    # every statement touches only its own fiche's rows, so this is the same
    # as running the statements fiche by fiche.
    closed: list[tuple[str, str | None, str, int]] = []  # outbox: state, error, uuid, version
    states: list[tuple[str, str, int]] = []  # fiches: sync state, uuid, version
    receipts: list[tuple[int, str, str, str]] = []
    for o in outcomes:
        if sent.get(o.uuid) != o.version:
            continue
        if o.status == "accepted":
            counts.accepted += 1
            closed.append(("sent", None, o.uuid, o.version))
            states.append((SyncState.SENT.value, o.uuid, o.version))
            receipts.append((o.version, o.reference, stamp, o.uuid))
            detail = f"v{o.version} reçue : {o.reference}"
        elif o.status in ("rejected", "conflict"):
            state = SyncState.REJECTED if o.status == "rejected" else SyncState.CONFLICT
            if o.status == "rejected":
                counts.rejected += 1
            else:
                counts.conflicts += 1
            closed.append((state.value, o.message or o.code, o.uuid, o.version))
            states.append((state.value, o.uuid, o.version))
            detail = f"v{o.version} {'refusée' if o.status == 'rejected' else 'conflit'}"
            detail += f" : {o.code}" if o.code else ""
        else:
            continue
        entries.append((stamp, user, JournalAction.TRANSMIT.value, o.uuid, detail))
    answered = {o.uuid for o in outcomes}
    missing = [(u, v) for u, v in sent.items() if u not in answered]
    with db.transaction() as cur:
        if closed:
            cur.executemany(
                "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?"
                " WHERE fiche_uuid = ? AND state = 'pending' AND version <= ?",
                closed,
            )
            cur.executemany(
                "UPDATE fiches SET sync_state = ? WHERE uuid = ? AND version = ?", states
            )
        if receipts:
            cur.executemany(
                "INSERT INTO sync_receipts (fiche_uuid, version, reference, acknowledged_at)"
                " SELECT uuid, ?, ?, ? FROM fiches WHERE uuid = ?"
                " ON CONFLICT (fiche_uuid) DO UPDATE SET version = excluded.version,"
                " reference = excluded.reference, acknowledged_at = excluded.acknowledged_at",
                receipts,
            )
        if missing:
            cur.executemany(
                "UPDATE outbox SET attempts = attempts + 1 WHERE fiche_uuid = ? AND version <= ?"
                " AND state = 'pending'",
                missing,
            )
        journal.append_fields(cur, entries)
    return counts


def count_sendable(db: Database, now: datetime) -> int:
    """Fiches with a pending entry that may still be sent (before their deadline)."""
    row = db.query_one(
        f"SELECT count(*) FROM ({_PENDING}) p JOIN fiches f ON f.uuid = p.fiche_uuid"
        " WHERE f.deadline > ? AND f.state != ?",
        (to_db(now), LifecycleState.DRAFT.value),
    )
    return int(row[0]) if row else 0


def count_expired_unsent(db: Database, now: datetime) -> int:
    """Fiches still pending but past their deadline: never sent, awaiting the purge."""
    row = db.query_one(
        f"SELECT count(*) FROM ({_PENDING}) p JOIN fiches f ON f.uuid = p.fiche_uuid"
        " WHERE f.deadline <= ?",
        (to_db(now),),
    )
    return int(row[0]) if row else 0


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows (``pending``: fiches « en attente », see :func:`status`)."""

    pending: int
    rejected: int
    conflicts: int
    expired_unsent: int
    last_success: datetime | None
    last_outcome: str | None


def status(db: Database, now: datetime) -> SyncStatus:
    """What the status bar shows; ``pending`` is the one count of « en attente »
    (:func:`app.services.fiches.pending_sync_count`, as the list and ``doctor``)."""
    row = db.query_one(
        "SELECT coalesce(sum(sync_state = ?), 0), coalesce(sum(sync_state = ?), 0) FROM fiches",
        (SyncState.REJECTED.value, SyncState.CONFLICT.value),
    )
    last_ok = db.query_one("SELECT max(finished_at) FROM sync_runs WHERE outcome = 'ok'")
    last = db.query_one("SELECT outcome FROM sync_runs ORDER BY id DESC LIMIT 1")
    return SyncStatus(
        pending=pending_sync_count(db),
        rejected=int(row[0]) if row else 0,
        conflicts=int(row[1]) if row else 0,
        expired_unsent=count_expired_unsent(db, now),
        last_success=from_db(str(last_ok[0])) if last_ok and last_ok[0] else None,
        last_outcome=str(last[0]) if last else None,
    )


@dataclass(frozen=True, slots=True)
class FicheSyncDetail:
    """A fiche's sync state, the central reference, and the server's message if refused."""

    state: SyncState
    reference: str | None
    acknowledged_version: int | None
    message: str | None


def fiche_detail(db: Database, uuid: str) -> FicheSyncDetail | None:
    row = db.query_one(
        "SELECT f.sync_state, r.reference, r.version FROM fiches f"
        " LEFT JOIN sync_receipts r ON r.fiche_uuid = f.uuid WHERE f.uuid = ?",
        (uuid,),
    )
    if row is None:
        return None
    state = SyncState(str(row[0]))
    message = None
    if state in (SyncState.REJECTED, SyncState.CONFLICT):
        found = db.query_one(
            "SELECT last_error FROM outbox WHERE fiche_uuid = ? AND state IN ('rejected',"
            " 'conflict') ORDER BY id DESC LIMIT 1",
            (uuid,),
        )
        message = str(found[0]) if found and found[0] else None
    return FicheSyncDetail(
        state,
        str(row[1]) if row[1] else None,
        int(row[2]) if row[2] is not None else None,
        message,
    )


def record_run(
    db: Database,
    started: datetime,
    finished: datetime,
    outcome: str,
    accepted: int,
    rejected: int,
    conflicts: int,
    remaining: int,
) -> None:
    with db.transaction() as cur:
        cur.execute(
            "INSERT INTO sync_runs (started_at, finished_at, outcome, accepted, rejected,"
            " conflicts, remaining) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (to_db(started), to_db(finished), outcome, accepted, rejected, conflicts, remaining),
        )
        cur.execute(
            "DELETE FROM sync_runs WHERE id <= (SELECT max(id) FROM sync_runs) - ?", (_KEEP_RUNS,)
        )


@dataclass(frozen=True, slots=True)
class RefusedFiche:
    """A fiche the central service refused (or found in conflict), with its message."""

    uuid: str
    kind: str
    state: SyncState
    version: int
    message: str
    birth_name: str
    usage_name: str
    first_names: str


def refused_fiches(db: Database, limit: int = 500) -> list[RefusedFiche]:
    """Fiches whose latest version was refused or in conflict, newest refusal first."""
    rows = db.query(
        "SELECT f.uuid, f.kind, f.sync_state, f.version,"
        " (SELECT last_error FROM outbox o WHERE o.fiche_uuid = f.uuid"
        "  AND o.state IN ('rejected', 'conflict') ORDER BY o.id DESC LIMIT 1),"
        " json_extract(f.data, '$.nom_naissance'), json_extract(f.data, '$.nom_usage'),"
        " json_extract(f.data, '$.prenoms')"
        " FROM fiches f WHERE f.sync_state IN (?, ?) ORDER BY f.updated_at DESC LIMIT ?",
        (SyncState.REJECTED.value, SyncState.CONFLICT.value, limit),
    )
    return [
        RefusedFiche(
            str(r[0]),
            str(r[1]),
            SyncState(str(r[2])),
            int(r[3]),
            str(r[4] or ""),
            str(r[5] or ""),
            str(r[6] or ""),
            str(r[7] or ""),
        )
        for r in rows
    ]

"""Repositories: the only place that reads and writes fiches.

They take and return ``app.core`` records. Every write is one transaction that
writes the record, appends its outbox entry (for the sync) and its journal
entry (user, UTC instant, action, fiche UUID: never personal data), or none of
them. The UI reaches them through the database thread and never runs SQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from app.core import text
from app.core.clock import Clock, get_clock
from app.core.enums import FicheKind, JournalAction, LifecycleState, SyncState
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import AnyFiche, Contact, Exposition, PatientZero
from app.core.serialize import (
    exposition_from_dict,
    exposition_to_json,
    fiche_from_dict,
    fiche_to_json,
)
from app.db import journal
from app.db.connection import Database
from app.db.errors import StoreError
from app.db.fiche_queries import (
    ROW_COLUMNS,
    FicheQuery,
    RowPage,
    search_clause,
)
from app.db.orphans import reopen_orphaned_contacts
from app.db.retention import RetentionPolicy
from app.db.settings_values import SettingsReader as SettingsStore  # reading only
from app.db.timefmt import from_db, to_db

EXPOSITIONS_KEY = "expositions"


class FicheNotFoundError(StoreError, LookupError):
    """No fiche with that UUID (never existed, deleted, or purged at its deadline).

    A known condition, not a bug: a fiche open in a form can be purged or
    deleted elsewhere before it is saved. ``uuid`` names the fiche; the French
    message names nothing.
    """

    code: ClassVar[str] = "fiche_not_found"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Cette fiche n’existe plus : elle a été supprimée (échéance de conservation "
        "atteinte, ou suppression depuis un autre poste ou un autre onglet).",
    )

    def __init__(self, uuid: str = "") -> None:
        super().__init__()
        self.uuid = uuid


class StaleVersionError(StoreError, RuntimeError):
    """The fiche changed since it was read: the caller must reload before saving.

    A known condition, not a bug (another tab, another station, a promotion…).
    """

    code: ClassVar[str] = "stale_version"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db",
        "Cette fiche a été modifiée entre-temps (autre onglet ou autre poste) : "
        "rechargez-la avant d’enregistrer.",
    )

    def __init__(self, uuid: str = "") -> None:
        super().__init__()
        self.uuid = uuid


def repositories_for(db: Database, user: str) -> FicheRepository:
    """A :class:`FicheRepository` using the establishment's retention settings."""
    return FicheRepository(
        db, user, retention=RetentionPolicy.from_settings(SettingsStore(db, user))
    )


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """An existing fiche that may be the same person (no personal data in it)."""

    uuid: str
    kind: FicheKind
    state: LifecycleState
    created_at: datetime
    same_nir: bool
    same_identity: bool


@dataclass(frozen=True, slots=True)
class LinkedContact:
    """A contact seen from one patient zéro, with the exposition that links them."""

    contact: Contact
    exposition: Exposition


def _rows_for(cur: Any, sql: str, uuids: list[str], chunk: int = 500) -> list[Any]:
    """The rows of *sql* (``… IN ({marks})``) for *uuids*, asked by chunks of *chunk*."""
    rows: list[Any] = []
    for start in range(0, len(uuids), chunk):
        part = uuids[start : start + chunk]
        cur.execute(sql.format(marks=",".join("?" * len(part))), part)
        rows.extend(cur.fetchall())
    return rows


class FicheRepository:
    """Fiches, their expositions, the outbox and the journal, for one user.

    *user* is what the journal records: an account name, or ``cli:<os user>``.
    """

    def __init__(
        self,
        db: Database,
        user: str,
        *,
        clock: Clock | None = None,
        retention: RetentionPolicy | None = None,
    ) -> None:
        self.db = db
        self.user = user
        self._clock = clock
        # Without an explicit policy, the establishment's settings (a few reads).
        self.retention = retention or RetentionPolicy.from_settings(SettingsStore(db, user))

    def now(self) -> datetime:
        return (self._clock or get_clock()).now()

    # ------------------------------------------------------------------ writes

    def save(self, fiche: AnyFiche, action: JournalAction | None = None) -> AnyFiche:
        """Create or update *fiche* (one transaction); returns it with version/times set.

        The creation instant is fixed at the first save and never changes. An
        update whose ``version`` is not the stored one raises ``StaleVersionError``.
        """
        self.save_many([fiche], action)
        return fiche

    def save_many(
        self,
        fiches: Sequence[AnyFiche],
        action: JournalAction | None = None,
        *,
        keep_created_at: bool = False,
        demo: bool = False,
    ) -> None:
        """Save several fiches in one transaction (demo data, import, bulk entry).

        Patients zéro are written before contacts so that expositions can link
        to a patient zéro saved in the same batch. With *keep_created_at*, a new
        fiche that already carries a creation instant (an import, demo data)
        keeps it, so that its retention deadline is never pushed later; an
        instant in the future is brought back to now. A new fiche whose draft
        was stored earlier takes the draft's first write as its creation
        instant (the 3 months run from the first byte stored).

        Only a fiche that is not a draft enters the outbox; saving a fiche as
        a draft (a reopening) withdraws its pending transmission. Whether a
        state may be stored is the services' decision (``app.services``):
        this method stores what they decided. *demo* marks the new rows as
        demonstration data.

        The records' ``version``, ``created_at`` and ``updated_at`` are set
        only if the transaction commits: after a failure they are as they
        were, so the same objects can be saved again.
        """
        # (no reference to the fiches in these tuples: the garbage collector
        # can stop tracking them, which keeps a bulk save from triggering a
        # full collection of everything in memory)
        before = [(f.version, f.created_at, f.updated_at) for f in fiches]
        try:
            self._save_many(fiches, action, keep_created_at, demo)
        except BaseException:
            for fiche, (version, created_at, updated_at) in zip(fiches, before, strict=True):
                fiche.version, fiche.created_at, fiche.updated_at = version, created_at, updated_at
            raise

    def _save_many(
        self,
        fiches: Sequence[AnyFiche],
        action: JournalAction | None,
        keep_created_at: bool,
        demo: bool,
    ) -> None:
        now = self.now()
        ordered = sorted(fiches, key=lambda f: f.kind is FicheKind.CONTACT)
        entries: list[journal.Fields] = []
        with self.db.transaction() as cur:
            uuids = [f.uuid for f in ordered]
            stored = self._stored_versions(cur, uuids)
            first_drafts = self._first_drafts(cur, [u for u in uuids if u not in stored])
            fiche_rows: list[tuple[Any, ...]] = []
            updates: list[tuple[Any, ...]] = []
            expo_rows: list[tuple[Any, ...]] = []
            outbox_rows: list[tuple[Any, ...]] = []
            contacts_replaced: list[tuple[str]] = []
            withdrawn: list[tuple[str]] = []
            stamp = to_db(now)
            instants: dict[datetime, tuple[str, str]] = {}
            created_action = (action or JournalAction.CREATE).value
            updated_action = (action or JournalAction.UPDATE).value
            user = self.user
            for fiche in ordered:
                previous = stored.get(fiche.uuid)
                if previous is None:
                    if fiche.version != 0:
                        raise FicheNotFoundError(fiche.uuid)
                    if not (keep_created_at and fiche.created_at is not None):
                        fiche.created_at = now
                    fiche.created_at = min(fiche.created_at, first_drafts.get(fiche.uuid, now), now)
                    kind_of_action = created_action
                else:
                    if previous[0] != fiche.version:
                        raise StaleVersionError(fiche.uuid)
                    fiche.created_at = previous[1]
                    kind_of_action = updated_action
                fiche.version += 1
                fiche.updated_at = now
                columns = self._columns(fiche, instants, stamp)
                if previous is None:
                    fiche_rows.append(columns)
                else:
                    updates.append((*columns[1:], fiche.uuid))
                if isinstance(fiche, Contact):
                    if previous is not None:
                        contacts_replaced.append((fiche.uuid,))
                    for exp in fiche.expositions:
                        expo_rows.append(
                            (
                                exp.uuid,
                                fiche.uuid,
                                exp.patient_zero_uuid,
                                exposition_to_json(exp),
                            )
                        )
                if fiche.state is LifecycleState.DRAFT:
                    if previous is not None:
                        withdrawn.append((fiche.uuid,))
                else:
                    outbox_rows.append((fiche.uuid, fiche.version, "upsert", stamp))
                entries.append((stamp, user, kind_of_action, fiche.uuid, f"v{fiche.version}"))
            if fiche_rows:
                cur.executemany(
                    "INSERT INTO fiches (uuid, kind, state, version, created_at, updated_at,"
                    " deadline, sync_state, search_name, birth_date, nir, phones, unit, data,"
                    f" demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {int(demo)})",
                    fiche_rows,
                )
            if updates:
                cur.executemany(
                    "UPDATE fiches SET kind = ?, state = ?, version = ?, created_at = ?,"
                    " updated_at = ?, deadline = ?, sync_state = ?, search_name = ?,"
                    " birth_date = ?, nir = ?, phones = ?, unit = ?, data = ? WHERE uuid = ?",
                    updates,
                )
            if contacts_replaced:
                cur.executemany("DELETE FROM expositions WHERE contact_uuid = ?", contacts_replaced)
            if expo_rows:
                cur.executemany(
                    "INSERT INTO expositions (uuid, contact_uuid, patient_zero_uuid, data)"
                    " VALUES (?, ?, ?, ?)",
                    expo_rows,
                )
            if withdrawn:
                # A reopened fiche: its pending version is withdrawn until validated again.
                cur.executemany(
                    "DELETE FROM outbox WHERE fiche_uuid = ? AND state = 'pending'", withdrawn
                )
            if outbox_rows:
                cur.executemany(
                    "INSERT INTO outbox (fiche_uuid, version, op, queued_at) VALUES (?, ?, ?, ?)",
                    outbox_rows,
                )
            journal.append_fields(cur, entries)

    def _stored_versions(self, cur: Any, uuids: list[str]) -> dict[str, tuple[int, datetime]]:
        return {
            str(uuid): (int(version), from_db(created))
            for uuid, version, created in _rows_for(
                cur, "SELECT uuid, version, created_at FROM fiches WHERE uuid IN ({marks})", uuids
            )
        }

    def _first_drafts(self, cur: Any, uuids: list[str]) -> dict[str, datetime]:
        """The first write of any draft of each new fiche (its creation instant)."""
        sql = "SELECT uuid, min(created_at) FROM drafts WHERE uuid IN ({marks}) GROUP BY uuid"
        return {str(uuid): from_db(created) for uuid, created in _rows_for(cur, sql, uuids)}

    def _columns(
        self, fiche: AnyFiche, instants: dict[datetime, tuple[str, str]], stamp: str
    ) -> tuple[Any, ...]:
        """The row of *fiche* saved at *stamp* (the save's "now", as stored text).

        *instants* memoises creation instant → (its text, its deadline's text).

        In a batch most fiches share their creation instant (the save's "now"),
        so the deadline arithmetic runs once per distinct instant.
        """
        assert fiche.created_at is not None and fiche.updated_at is not None
        created = instants.get(fiche.created_at)
        if created is None:
            created = (
                to_db(fiche.created_at),
                to_db(self.retention.deadline(fiche.created_at)),
            )
            instants[fiche.created_at] = created
        return (
            fiche.uuid,
            fiche.kind.value,
            fiche.state.value,
            fiche.version,
            created[0],
            stamp,
            created[1],
            (SyncState.LOCAL if fiche.state is LifecycleState.DRAFT else SyncState.PENDING).value,
            text.search_name(fiche),
            fiche.birth_date.isoformat() if fiche.birth_date else None,
            fiche.nir or None,
            text.phones_digits(fiche.phones),
            fiche.establishment.unit,
            fiche_to_json(fiche, expositions=False),
        )

    def delete(self, uuid: str) -> None:
        """Delete a fiche and everything derived from it (expositions, outbox)."""
        now = self.now()
        with self.db.transaction() as cur:
            linked = [
                str(r[0])
                for r in cur.execute(
                    "SELECT contact_uuid FROM expositions WHERE patient_zero_uuid = ?", (uuid,)
                ).fetchall()
            ]
            cur.execute("DELETE FROM fiches WHERE uuid = ?", (uuid,))
            if cur.rowcount == 0:
                raise FicheNotFoundError(uuid)
            cur.execute("DELETE FROM outbox WHERE fiche_uuid = ?", (uuid,))
            journal.append(cur, now, self.user, JournalAction.DELETE, uuid)
            reopen_orphaned_contacts(cur, linked, to_db(now), self.user)

    # ------------------------------------------------------------------- reads

    def get(self, uuid: str, *, journal_consultation: bool = True) -> AnyFiche:
        """The full fiche. A consultation by a person is journaled (art. 5 II)."""
        row = self.db.query_one("SELECT kind, data FROM fiches WHERE uuid = ?", (uuid,))
        if row is None:
            raise FicheNotFoundError(uuid)
        fiche = self._decode(str(row[0]), str(row[1]))
        if journal_consultation:
            with self.db.transaction() as cur:
                journal.append(cur, self.now(), self.user, JournalAction.VIEW, uuid)
        return fiche

    def _decode(self, kind: str, data: str) -> AnyFiche:
        doc = json.loads(data)
        if kind == FicheKind.CONTACT.value:
            doc[EXPOSITIONS_KEY] = [
                json.loads(str(r[0]))
                for r in self.db.query(
                    "SELECT data FROM expositions WHERE contact_uuid = ? ORDER BY id",
                    (doc["uuid"],),
                )
            ]
        return fiche_from_dict(doc)

    def exists(self, uuid: str) -> bool:
        return self.db.query_one("SELECT 1 FROM fiches WHERE uuid = ?", (uuid,)) is not None

    def contacts_of(self, patient_zero_uuid: str) -> list[LinkedContact]:
        """Every contact linked to a patient zéro, with the linking exposition."""
        rows = self.db.query(
            "SELECT f.kind, f.data, e.data FROM expositions e"
            " JOIN fiches f ON f.uuid = e.contact_uuid"
            " WHERE e.patient_zero_uuid = ? ORDER BY e.id",
            (patient_zero_uuid,),
        )
        linked: list[LinkedContact] = []
        for kind, data, exp_data in rows:
            contact = self._decode(str(kind), str(data))
            assert isinstance(contact, Contact)
            linked.append(LinkedContact(contact, exposition_from_dict(json.loads(str(exp_data)))))
        return linked

    def patients_zero_of(self, contact_uuid: str) -> list[PatientZero]:
        """Every patient zéro a contact is linked to."""
        rows = self.db.query(
            "SELECT f.kind, f.data FROM expositions e"
            " JOIN fiches f ON f.uuid = e.patient_zero_uuid"
            " WHERE e.contact_uuid = ? ORDER BY e.id",
            (contact_uuid,),
        )
        result: list[PatientZero] = []
        for kind, data in rows:
            fiche = self._decode(str(kind), str(data))
            assert isinstance(fiche, PatientZero)
            result.append(fiche)
        return result

    # ------------------------------------------------------------- duplicates

    def find_duplicates(self, fiche: AnyFiche, limit: int = 10) -> list[DuplicateMatch]:
        """Other fiches that may be the same person: same NIR, or same folded name and birth date.

        A name matches when the first names fold to the same text and one of
        the birth or usage names of each fiche folds to the same text.
        """
        found: dict[str, DuplicateMatch] = {}
        nir = re.sub(r"\s", "", fiche.nir).upper()
        if len(nir) == 15:
            for r in self.db.query(
                "SELECT uuid, kind, state, created_at FROM fiches"
                " WHERE nir = ? AND uuid != ? ORDER BY created_at LIMIT ?",
                (nir, fiche.uuid, limit),
            ):
                found[str(r[0])] = DuplicateMatch(
                    str(r[0]), FicheKind(r[1]), LifecycleState(r[2]), from_db(r[3]), True, False
                )
        first = text.fold(fiche.first_names)
        names = {text.fold(n) for n in (fiche.birth_name, fiche.usage_name)} - {""}
        if fiche.birth_date is not None and first and names:
            rows = self.db.query(
                "SELECT uuid, kind, state, created_at, json_extract(data, '$.nom_naissance'),"
                " json_extract(data, '$.nom_usage'), json_extract(data, '$.prenoms')"
                " FROM fiches WHERE birth_date = ? AND uuid != ? ORDER BY created_at",
                (fiche.birth_date.isoformat(), fiche.uuid),
            )
            for r in rows:
                if text.fold(r[6] or "") != first:
                    continue
                if not names & {text.fold(r[4] or ""), text.fold(r[5] or "")}:
                    continue
                uuid = str(r[0])
                previous = found.get(uuid)
                found[uuid] = DuplicateMatch(
                    uuid,
                    FicheKind(r[1]),
                    LifecycleState(r[2]),
                    from_db(r[3]),
                    previous is not None and previous.same_nir,
                    True,
                )
                if len(found) >= limit:
                    break
        return list(found.values())

    # ---------------------------------------------------------------- listing

    def count(self, query: FicheQuery) -> int:
        clause = search_clause(query, self.now())
        row = self.db.query_one("SELECT count(*) FROM fiches" + clause.where(), clause.params)
        return int(row[0]) if row else 0

    def list_rows(self, query: FicheQuery, offset: int, limit: int) -> RowPage:
        """One page of the list, newest first (rows converted when read: :class:`RowPage`)."""
        clause = search_clause(query, self.now())
        rows = self.db.query(
            ROW_COLUMNS + clause.where() + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            [*clause.params, limit, offset],
        )
        return RowPage(rows)

    def summary(self) -> dict[str, int]:
        row = self.db.query_one(
            "SELECT count(*), coalesce(sum(kind = ?), 0), coalesce(sum(kind = ?), 0),"
            " coalesce(sum(sync_state = ?), 0) FROM fiches",
            (FicheKind.PATIENT_ZERO.value, FicheKind.CONTACT.value, SyncState.PENDING.value),
        )
        assert row is not None
        return {
            "total": int(row[0]),
            "patients_zero": int(row[1]),
            "contacts": int(row[2]),
            "pending_sync": int(row[3]),
        }

    def oldest_created(self) -> datetime | None:
        row = self.db.query_one("SELECT min(created_at) FROM fiches")
        return from_db(row[0]) if row and row[0] else None

    def next_deadline(self) -> datetime | None:
        row = self.db.query_one("SELECT min(deadline) FROM fiches")
        return from_db(row[0]) if row and row[0] else None

    def units(self) -> list[str]:
        """The distinct non-empty units, in order.

        One index probe per unit (``fiches_unit``), not a scan of every fiche:
        a handful of units among a million fiches costs a few index lookups.
        """
        found: list[str] = []
        last = ""
        while True:
            row = self.db.query_one(
                "SELECT unit FROM fiches WHERE unit > ? ORDER BY unit LIMIT 1", (last,)
            )
            if row is None:
                return found
            last = str(row[0])
            found.append(last)

    def iter_fiches(self, batch: int = 500) -> Iterable[AnyFiche]:
        """Every fiche in creation order (export); no consultation is journaled per fiche."""
        last_id = 0
        while True:
            rows = self.db.query(
                "SELECT id, kind, data FROM fiches WHERE id > ? ORDER BY id LIMIT ?",
                (last_id, batch),
            )
            if not rows:
                return
            for row_id, kind, data in rows:
                last_id = int(row_id)
                yield self._decode(str(kind), str(data))

    def record(
        self, action: JournalAction, fiche_uuid: str | None = None, detail: str = ""
    ) -> None:
        """Journal an action that is not a write of a fiche (export, import, print…)."""
        with self.db.transaction() as cur:
            journal.append(cur, self.now(), self.user, action, fiche_uuid, detail)


def journal_rows(db: Database) -> list[tuple[int, str, str, str, str | None, str, str, str]]:
    """The whole journal, in order, for chain verification."""
    return [
        (int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5]), str(r[6]), str(r[7]))
        for r in db.query(
            "SELECT id, at, user, action, fiche_uuid, detail, prev_hash, hash FROM journal"
            " ORDER BY id"
        )
    ]

"""Drafts: what a form holds while it is being typed, saved continuously.

A form writes its whole state here a moment after each change (from the
database thread), so that a crash or a power cut loses at most that moment.
The ``drafts`` table lives in the encrypted database like everything else
(``synchronous = NORMAL`` in WAL mode survives a killed process; the draft
writer asks for ``FULL`` around its own commits so that a power cut does too).

A draft is keyed by the UUID of the fiche it edits, which may not be saved yet
(``base_version`` 0), and by its *owner*, the login of the person who typed
it: a store made with ``owner=`` reads and writes that person's drafts only,
so that on a shared workstation another user signing in never sees them
(issue 6). It is deleted when the fiche is saved or the user
discards it, when its fiche is deleted or purged (a trigger), and at the
latest at its own ``deadline``: the fiche's deadline, or for a fiche never
saved, the retention period counted from the draft's first write. No draft is
journaled (it is not a fiche); saving the fiche is.

On a store opened read-only (:attr:`Database.write_refusal`, see
:mod:`app.db.watermark`) drafts are neither written nor deleted: :meth:`put`
and :meth:`discard` return ``False`` at once, quietly (the window says once,
in its banner and status bar, that the store is read-only; an explicit save
is what reports the refusal).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.core.clock import Clock, get_clock
from app.core.enums import FicheKind
from app.db.connection import Cursor, Database
from app.db.retention import RetentionPolicy
from app.db.settings_values import SettingsReader as SettingsStore  # reading only
from app.db.timefmt import from_db, to_db


@dataclass(frozen=True, slots=True)
class Draft:
    """One unsaved form state."""

    uuid: str
    kind: FicheKind
    base_version: int
    created_at: datetime
    updated_at: datetime
    deadline: datetime
    data: dict[str, Any]


class DraftStore:
    """Read and write drafts (on the database thread)."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        retention: RetentionPolicy | None = None,
        owner: str = "",
    ) -> None:
        self.db = db
        self.owner = owner
        self._clock = clock
        self._retention = retention

    def now(self) -> datetime:
        return (self._clock or get_clock()).now()

    @property
    def read_only(self) -> bool:
        """The store refuses changes: drafts are kept on screen only."""
        return self.db.write_refusal is not None

    @property
    def retention(self) -> RetentionPolicy:
        if self._retention is None:
            self._retention = RetentionPolicy.from_settings(SettingsStore(self.db, "drafts"))
        return self._retention

    @contextmanager
    def _durable(self) -> Iterator[None]:
        """Commit with ``synchronous = FULL`` (a power cut keeps the draft), then back."""
        self.db.execute("PRAGMA synchronous = FULL")
        try:
            yield
        finally:
            self.db.execute("PRAGMA synchronous = NORMAL")

    def put(
        self,
        uuid: str,
        kind: FicheKind,
        base_version: int,
        data: dict[str, Any],
        *,
        created_at: datetime | None = None,
    ) -> bool:
        """Create or replace the draft of fiche *uuid* (its first write fixes its deadline).

        *created_at*, the fiche's creation instant when it was saved once, caps
        the deadline at the fiche's own: a draft of a fiche deleted or purged
        while its form was open never outlives the fiche's retention period.
        False, nothing written, when the store is read-only.
        """
        if self.read_only:
            return False
        now = self.now()
        stamp = to_db(now)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with self._durable(), self.db.transaction() as cur:
            delete_expired(cur, now)
            row = cur.execute("SELECT deadline FROM fiches WHERE uuid = ?", (uuid,)).fetchone()
            fiche_deadline = str(row[0]) if row else None
            found = cur.execute(
                "SELECT deadline FROM drafts WHERE uuid = ? AND owner = ?", (uuid, self.owner)
            ).fetchone()
            if fiche_deadline is None and created_at is not None:
                fiche_deadline = to_db(self.retention.deadline(created_at))
            if found is None:
                deadline = fiche_deadline or to_db(self.retention.deadline(now))
                cur.execute(
                    "INSERT INTO drafts (uuid, owner, kind, base_version, created_at, updated_at,"
                    " deadline, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (uuid, self.owner, kind.value, base_version, stamp, stamp, deadline, payload),
                )
            else:
                deadline = str(found[0])
                if fiche_deadline is not None:
                    deadline = min(deadline, fiche_deadline)
                cur.execute(
                    "UPDATE drafts SET kind = ?, base_version = ?, updated_at = ?, deadline = ?,"
                    " data = ? WHERE uuid = ? AND owner = ?",
                    (kind.value, base_version, stamp, deadline, payload, uuid, self.owner),
                )
        return True

    def get(self, uuid: str) -> Draft | None:
        now = self.now()
        row = self.db.query_one(
            "SELECT uuid, kind, base_version, created_at, updated_at, deadline, data"
            " FROM drafts WHERE uuid = ? AND owner = ? AND deadline > ?",
            (uuid, self.owner, to_db(now)),
        )
        return _draft(row) if row is not None else None

    def all(self) -> list[Draft]:
        """Every live draft, oldest first (expired ones are deleted first, if writable)."""
        now = self.now()
        if not self.read_only:
            with self.db.transaction() as cur:
                delete_expired(cur, now)
        rows = self.db.query(
            "SELECT uuid, kind, base_version, created_at, updated_at, deadline, data"
            " FROM drafts WHERE owner = ? AND deadline > ? ORDER BY created_at",
            (self.owner, to_db(now)),
        )
        return [_draft(r) for r in rows]

    def discard(self, uuid: str) -> bool:
        """Delete the draft of *uuid*; true if there was one (never on a read-only store)."""
        if self.read_only:
            return False
        with self._durable(), self.db.transaction() as cur:
            cur.execute("DELETE FROM drafts WHERE uuid = ? AND owner = ?", (uuid, self.owner))
            return cur.rowcount > 0

    def count(self) -> int:
        row = self.db.query_one("SELECT count(*) FROM drafts WHERE owner = ?", (self.owner,))
        return int(row[0]) if row else 0


def delete_expired(cur: Cursor, now: datetime) -> int:
    """Delete the drafts whose deadline has come (inside the caller's transaction)."""
    cur.execute("DELETE FROM drafts WHERE deadline <= ?", (to_db(now),))
    return cur.rowcount


def _draft(row: Any) -> Draft:
    data = json.loads(str(row[6]))
    return Draft(
        uuid=str(row[0]),
        kind=FicheKind(str(row[1])),
        base_version=int(row[2]),
        created_at=from_db(str(row[3])),
        updated_at=from_db(str(row[4])),
        deadline=from_db(str(row[5])),
        data=data if isinstance(data, dict) else {},
    )

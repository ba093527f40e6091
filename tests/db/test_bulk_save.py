"""The bulk save (issue 16): the same rows, bytes and journal chain as before, only faster.

The repository writes each fiche's document with the generated JSON writer and
chains the journal with one hash pass per transaction. What it stores must be
what the generic encoder and the ``json.dumps`` journal hash wrote before:
stored documents are compared with them, and a journal chained the old way
(earlier stores) still verifies once new entries follow it.
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import serialize, text
from app.core.clock import FakeClock
from app.core.enums import JournalAction, LifecycleState
from app.core.models import AnyFiche, Contact
from app.db import journal
from app.db.connection import Database
from app.db.demo import _contact, _patient_zero
from app.db.journalhash import GENESIS_HASH, journal_hash
from app.db.repositories import FicheRepository, StaleVersionError


def _old_journal_hash(
    prev_hash: str, at: str, user: str, action: str, fiche_uuid: str | None, detail: str
) -> str:
    """The journal hash as every earlier version of the program computed it."""
    payload = json.dumps(
        [prev_hash, at, user, action, fiche_uuid, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _batch(n: int, seed: int = 3) -> list[AnyFiche]:
    rng = random.Random(seed)
    now = datetime(2026, 12, 1, 8, tzinfo=UTC)
    out: list[AnyFiche] = []
    while len(out) < n:
        pz = _patient_zero(rng, now)
        out.append(pz)
        out.extend(_contact(rng, pz, now) for _ in range(rng.randint(0, 3)))
    for fiche in out:
        fiche.created_at = None
    return out[:n]


text_values = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    prev=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    at=text_values,
    user=text_values,
    action=st.sampled_from([a.value for a in JournalAction]),
    uuid=st.none() | text_values,
    detail=text_values,
)
def test_the_journal_hash_is_the_one_earlier_versions_computed(
    prev: str, at: str, user: str, action: str, uuid: str | None, detail: str
) -> None:
    assert journal_hash(prev, at, user, action, uuid, detail) == _old_journal_hash(
        prev, at, user, action, uuid, detail
    )


def test_a_journal_chained_the_old_way_still_verifies(db: Database, fake_clock: FakeClock) -> None:
    prev = GENESIS_HASH
    with db.transaction() as cur:
        for i, detail in enumerate(["v1", 'détail "cité" \\ ’', "\x00\n", ""]):
            at = f"2026-11-0{i + 1}T08:00:00.000000Z"
            uuid = None if i == 2 else f"00000000-0000-4000-8000-00000000000{i}"
            digest = _old_journal_hash(prev, at, "cli:ancien", "creation", uuid, detail)
            cur.execute(
                "INSERT INTO journal (at, user, action, fiche_uuid, detail, prev_hash, hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, "cli:ancien", "creation", uuid, detail, prev, digest),
            )
            prev = digest
    assert journal.verify(db).ok
    repo = FicheRepository(db, "infirmiere.test")
    repo.save_many(_batch(30))
    report = journal.verify(db)
    assert report.ok, report
    rows = db.query(
        "SELECT prev_hash FROM journal WHERE user = ? ORDER BY id LIMIT 1", ("infirmiere.test",)
    )
    assert rows[0][0] == prev  # the first new entry follows the old chain


def test_a_bulk_save_stores_what_the_generic_encoder_wrote(
    db: Database, fake_clock: FakeClock
) -> None:
    fiches = _batch(300)
    repo = FicheRepository(db, "infirmiere.test")
    repo.save_many(fiches)
    stored = {str(u): str(d) for u, d in db.query("SELECT uuid, data FROM fiches")}
    assert len(stored) == 300
    for fiche in fiches:
        reference: dict[str, Any] = {"format": 1, "type": fiche.kind.value}
        reference.update(serialize._encode(fiche))
        reference.pop("expositions", None)
        assert stored[fiche.uuid] == json.dumps(
            reference, ensure_ascii=False, separators=(",", ":")
        )
    expositions = {str(u): str(d) for u, d in db.query("SELECT uuid, data FROM expositions")}
    contacts = [f for f in fiches if isinstance(f, Contact)]
    assert len(expositions) == sum(len(c.expositions) for c in contacts) > 0
    for contact in contacts:
        for exp in contact.expositions:
            assert expositions[exp.uuid] == json.dumps(serialize._encode(exp), ensure_ascii=False)
    names = dict(db.query("SELECT uuid, search_name FROM fiches"))
    assert all(names[f.uuid] == text.search_name(f) for f in fiches)
    # one journal entry per fiche, chained, in the order the fiches were written
    entries = db.query("SELECT fiche_uuid, action, detail FROM journal ORDER BY id")
    assert [e[0] for e in entries] == [
        f.uuid for f in sorted(fiches, key=lambda f: isinstance(f, Contact))
    ]
    assert {(e[1], e[2]) for e in entries} == {("creation", "v1")}
    assert journal.verify(db).ok
    sent = db.query("SELECT count(*) FROM outbox")[0][0]
    assert sent == sum(1 for f in fiches if f.state is not LifecycleState.DRAFT)


def test_a_failed_bulk_save_leaves_nothing_and_the_fiches_as_they_were(
    db: Database, fake_clock: FakeClock
) -> None:
    repo = FicheRepository(db, "infirmiere.test")
    first = _batch(20, seed=5)
    repo.save_many(first)
    fresh = _batch(50, seed=6)
    stale = first[3]
    stale.version = 7  # not the stored version
    before = [(f.version, f.created_at, f.updated_at) for f in fresh]
    head = db.query("SELECT last_id, last_hash FROM journal_head")
    with pytest.raises(StaleVersionError):
        repo.save_many([*fresh, stale])
    assert [(f.version, f.created_at, f.updated_at) for f in fresh] == before
    assert stale.version == 7
    assert db.query("SELECT count(*) FROM fiches")[0][0] == 20
    assert db.query("SELECT last_id, last_hash FROM journal_head") == head
    assert journal.verify(db).ok
    repo.save_many(fresh)  # the same objects save once the problem is gone
    assert db.query("SELECT count(*) FROM fiches")[0][0] == 70
    assert journal.verify(db).ok

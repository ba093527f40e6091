"""A batch is written by joining the stored JSON texts: the same bytes as decoding and encoding.

The outbox keeps each fiche's document as the text the database holds and
the engine joins texts (issue 16: the drain costs little beyond the HTTP
round trips). The body, and so its Idempotency-Key, must be what encoding
the decoded documents gave before: compared here for patients zéro (with
and without disclosure), contacts with zero, one and two expositions, a
contact reopened by the database itself (``json_set``), and text that JSON
escapes.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from complete import complete

from app.core.clock import FakeClock
from app.core.enums import Consent, LifecycleState
from app.core.models import Contact, Exposition, PatientZero
from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.sync import outbox
from app.sync.engine import encode_batch


def _old_body(db: Database, items: list[outbox.OutboxItem]) -> bytes:
    """The body as the drain wrote it before: documents decoded, expositions added, encoded."""
    fiches: list[dict[str, Any]] = []
    for item in items:
        (data,) = db.query_one("SELECT data FROM fiches WHERE uuid = ?", (item.uuid,)) or ("",)
        document = json.loads(str(data))
        if item.kind == "contact":
            document["expositions"] = [
                json.loads(str(r[0]))
                for r in db.query(
                    "SELECT data FROM expositions WHERE contact_uuid = ? ORDER BY id", (item.uuid,)
                )
            ]
        disclosure = document.get("divulgation_identite") if item.kind == "patient_zero" else None
        fiches.append(
            {
                "uuid": item.uuid,
                "version": item.version,
                "created_at": document.get("cree_le"),
                "type": item.kind,
                "identity_disclosure": disclosure,
                "document": document,
            }
        )
    doc = {"protocol": 1, "fiches": fiches}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_a_batch_is_the_bytes_decoding_and_encoding_gave(
    db: Database, fake_clock: FakeClock
) -> None:
    today = fake_clock.now().date()
    repo = FicheRepository(db, "infirmiere.test")
    pz1 = complete(
        PatientZero(
            birth_name="Lefèvre",
            identity_disclosure=Consent.YES,
            state=LifecycleState.VALIDATED,
        ),
        today,
    )
    # what JSON escapes (the repository stores what the services let through)
    pz1.birth_name = 'Lefèvre "l’aînée" \\ \t'
    pz1.first_names = "Zoé\u2028🙂"
    pz2 = complete(PatientZero(birth_name="Martin", state=LifecycleState.VALIDATED), today)
    pz2.identity_disclosure = None
    repo.save_many([pz1, pz2])
    contacts = [
        complete(
            Contact(
                birth_name=f"Moreau {i}",
                expositions=[Exposition(patient_zero_uuid=p.uuid) for p in pzs],
                state=LifecycleState.VALIDATED,
            ),
            today,
        )
        for i, pzs in enumerate([[pz1], [pz1, pz2], [pz2]])
    ]
    repo.save_many(contacts)
    # A contact left without patient zéro is reopened by the database (json_set),
    # then validated again without exposition.
    repo.delete(pz2.uuid)
    orphan = repo.get(contacts[2].uuid, journal_consultation=False)
    assert orphan.state is LifecycleState.DRAFT and orphan.expositions == []
    with db.transaction() as cur:
        cur.execute(
            "INSERT INTO outbox (fiche_uuid, version, op, queued_at) VALUES (?, ?, 'upsert', ?)",
            (orphan.uuid, orphan.version, "2026-12-01T08:00:00.000000Z"),
        )
        cur.execute(
            "UPDATE fiches SET state = 'validee', data = json_set(data, '$.etat', 'validee')"
            " WHERE uuid = ?",
            (orphan.uuid,),
        )
    items = outbox.next_batch(db, fake_clock.now(), 50)
    assert {i.uuid for i in items} == {pz1.uuid, contacts[0].uuid, contacts[1].uuid, orphan.uuid}
    assert encode_batch(items) == _old_body(db, items)
    for item in items:
        assert item.payload() == json.loads(item.payload_json())
    documents = {i.uuid: i.document for i in items}
    assert len(documents[contacts[1].uuid]["expositions"]) == 1  # pz2 deleted
    assert documents[pz1.uuid]["nom_naissance"] == 'Lefèvre "l’aînée" \\ \t'
    assert date.fromisoformat(documents[pz1.uuid]["date_naissance"])

"""The end state every fault test must reach: the server holds exactly the local fiches, once."""

from __future__ import annotations

import json
from collections import defaultdict

from app.db.connection import Database
from app.db.journal import chain_ok
from app.db.repositories import journal_rows
from central.storage import Storage


def local_documents(db: Database) -> dict[str, dict[str, object]]:
    docs: dict[str, dict[str, object]] = {}
    for uuid, kind, data in db.query("SELECT uuid, kind, data FROM fiches"):
        doc = json.loads(data)
        if kind == "contact":
            doc["expositions"] = [
                json.loads(r[0])
                for r in db.query(
                    "SELECT data FROM expositions WHERE contact_uuid = ? ORDER BY id", (uuid,)
                )
            ]
        docs[str(uuid)] = doc
    return docs


def assert_in_step(db: Database, storage: Storage, *, expected: set[str] | None = None) -> None:
    """Nothing lost, nothing duplicated, local state says so too."""
    local = local_documents(db)
    want = expected if expected is not None else set(local)
    server = {f.uuid: f for f in storage.fiches()}
    lost = want - set(server)
    extra = set(server) - want
    assert not lost, f"{len(lost)} fiche(s) lost"
    assert not extra, f"{len(extra)} fiche(s) on the server that should not be there"
    refs_by_uuid: dict[str, set[str]] = defaultdict(set)
    for uuid, _version, ref in storage.receipts():
        refs_by_uuid[uuid].add(ref)
    receipts = dict(db.query("SELECT fiche_uuid, reference FROM sync_receipts"))
    for uuid in want:
        stored = server[uuid]
        assert json.loads(stored.document) == local[uuid], uuid
        assert stored.version == local[uuid]["version"]
        assert refs_by_uuid[uuid] == {stored.reference}, "one reference per fiche"
        assert receipts[uuid] == stored.reference
    assert len({f.reference for f in server.values()}) == len(server)
    pending = {str(r[0]) for r in db.query("SELECT fiche_uuid FROM outbox WHERE state = 'pending'")}
    assert not (pending & want), f"{len(pending & want)} fiche(s) still pending"
    states = {str(r[0]): str(r[1]) for r in db.query("SELECT uuid, sync_state FROM fiches")}
    assert {states[u] for u in want} <= {"sent"}
    assert chain_ok(journal_rows(db))  # type: ignore[arg-type]

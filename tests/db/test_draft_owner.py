"""A draft belongs to the person who typed it: another user never reads it."""

from __future__ import annotations

from app.core.enums import FicheKind
from app.db.connection import Database
from app.db.drafts import DraftStore
from tests.support.accounts import (
    AGENT,
    REFERENT,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.support.markers import SURNAME


def test_drafts_are_per_owner(db: Database) -> None:
    mine = DraftStore(db, owner=AGENT)
    mine.put("fiche-1", FicheKind.PATIENT_ZERO, 0, {"nom_naissance": SURNAME})
    other = DraftStore(db, owner=REFERENT)
    assert other.get("fiche-1") is None
    assert other.all() == [] and other.count() == 0
    assert not other.discard("fiche-1")
    # The other user's own draft of the same fiche does not replace the first one.
    other.put("fiche-1", FicheKind.PATIENT_ZERO, 0, {"nom_naissance": "Autre"})
    draft = mine.get("fiche-1")
    assert draft is not None and draft.data == {"nom_naissance": SURNAME}
    assert [d.data for d in mine.all()] == [{"nom_naissance": SURNAME}]

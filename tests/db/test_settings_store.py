"""Declared settings: defaults, checks with French messages, one journaled transaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.settings import ESTABLISHMENT_NAME, RETENTION_MONTHS, SettingError
from app.db.connection import Database
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store


@pytest.fixture
def db() -> Iterator[Database]:
    init_store()
    database = open_store()
    yield database
    database.close()


def test_defaults_then_stored_values(db: Database) -> None:
    store = SettingsStore(db, "referent")
    assert store.get(RETENTION_MONTHS) == 3
    assert store.get(ESTABLISHMENT_NAME) == ""
    store.set(ESTABLISHMENT_NAME, "  EHPAD « Les Tilleuls » & <b>Cie</b> ")
    assert store.get(ESTABLISHMENT_NAME) == "EHPAD « Les Tilleuls » & <b>Cie</b>"
    assert SettingsStore(db, "other").all()["establishment.name"].startswith("EHPAD")


def test_retention_can_be_shortened_never_lengthened(db: Database) -> None:
    store = SettingsStore(db, "referent")
    store.set(RETENTION_MONTHS, 1)
    assert store.get(RETENTION_MONTHS) == 1
    with pytest.raises(SettingError, match="entre 1 et 3"):
        store.set(RETENTION_MONTHS, 4)
    with pytest.raises(SettingError, match="type inattendu"):
        store.set_many({"retention.months": "2"})
    assert store.get(RETENTION_MONTHS) == 1


def test_a_refused_value_changes_nothing(db: Database) -> None:
    store = SettingsStore(db, "referent")
    with pytest.raises(SettingError):
        store.set_many({"establishment.name": "Clinique", "retention.months": 12})
    assert store.get(ESTABLISHMENT_NAME) == ""
    assert db.query("SELECT count(*) FROM settings") == [(0,)]


def test_journal_names_the_key_not_the_value(db: Database) -> None:
    SettingsStore(db, "referent").set(ESTABLISHMENT_NAME, "Clinique Zéphyrine")
    rows = db.query("SELECT user, action, detail FROM journal")
    assert rows == [("referent", "modification", "setting establishment.name")]
    assert "Zéphyrine" not in repr(db.query("SELECT * FROM journal"))

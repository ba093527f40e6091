"""Phone and NIR digits searched through the FTS5 trigram index (issue 16, item 2).

The index (``fiche_digits``, schema version 10) is kept in step by triggers on
``fiches``: these tests go through every write path (save, update, bulk save,
deletion, purge, reopening of an orphaned contact) and check the index against
its rows with FTS5's own ``integrity-check``, the query plan, and that no
digit of a deleted fiche is left in the index's pages.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import FakeClock
from app.core.models import Contact, Exposition, PatientZero
from app.db import purge, schema, store
from app.db.connection import Database
from app.db.fiche_queries import FicheQuery, search_clause
from app.db.repositories import FicheRepository
from app.services.fiches import FicheService
from tests.db.test_store_migration import install_v1

PHONE = "+33698765432"  # digits 9, 8, 7 only in this fiche: see test_no_digit_left
OTHER_PHONE = "+33611111111"
NIR = "185057800608436"


@pytest.fixture
def repo(db: Database, fake_clock: FakeClock) -> FicheRepository:
    return FicheRepository(db, "infirmiere.test")


def _pz(**kw: Any) -> PatientZero:
    base: dict[str, Any] = {"birth_name": "Lefèvre", "first_names": "Hélène"}
    base.update(kw)
    return PatientZero(**base)


def _found(repo: FicheRepository, text: str) -> set[str]:
    return {r.uuid for r in repo.list_rows(FicheQuery(text=text), 0, 50)}


def _plan(db: Database, repo: FicheRepository, typed: str, columns: str) -> str:
    """SQLite's plan for the list's first page of the search *typed*."""
    clause = search_clause(FicheQuery(text=typed), repo.now())
    sql = f"EXPLAIN QUERY PLAN SELECT {columns} FROM fiches{clause.where()}"
    sql += " ORDER BY created_at DESC, id DESC LIMIT 200"
    return " | ".join(str(r[3]) for r in db.query(sql, clause.params))


def _index_agrees(db: Database) -> None:
    """FTS5's check of the index against the ``fiches`` rows (raises if they differ)."""
    db.execute("INSERT INTO fiche_digits (fiche_digits, rank) VALUES ('integrity-check', 1)")


def _index_bytes(db: Database) -> bytes:
    return b"".join(bytes(r[0]) for r in db.query("SELECT block FROM fiche_digits_data"))


def test_digit_searches_find_phones_and_nir(repo: FicheRepository, db: Database) -> None:
    target = repo.save(_pz(phones=[PHONE], nir=NIR, birth_date=date(1985, 5, 1)))
    other = repo.save(_pz(birth_name="Autre", phones=[OTHER_PHONE]))
    corsica = repo.save(_pz(birth_name="Corse", nir="279052A00412309"))
    for typed in ("0698", "06 98 76", "06.98.76.54.32", "+33 6 98 76", "0033 698765", "765432"):
        assert _found(repo, typed) == {target.uuid}, typed
    assert _found(repo, "1850578") == {target.uuid}  # NIR prefix
    assert _found(repo, "0578006") == set()  # inside a NIR: not a prefix, not a phone
    assert _found(repo, "2790 52A") == {corsica.uuid}
    assert _found(repo, "0611") == {other.uuid}
    assert _found(repo, "336") == set()  # three digits: read as a name, matches none
    assert repo.count(FicheQuery(text="06 98")) == 1
    _index_agrees(db)


def test_digit_search_goes_through_the_index(repo: FicheRepository, db: Database) -> None:
    repo.save(_pz(phones=[PHONE]))
    for typed in ("0612", "+33 6 12", "2790 52A"):
        plan = _plan(db, repo, typed, "uuid")
        assert "VIRTUAL TABLE INDEX" in plan and "fiche_digits" in plan, plan
        assert "SCAN fiches" not in plan, plan  # rows fetched by id, never all read


def test_every_write_keeps_the_index_in_step(
    repo: FicheRepository, db: Database, fake_clock: FakeClock
) -> None:
    pz = repo.save(_pz(phones=[PHONE]))
    assert _found(repo, "0698") == {pz.uuid}
    pz.phones = [OTHER_PHONE]
    repo.save(pz)  # update: old digits out, new ones in
    assert _found(repo, "0698") == set() and _found(repo, "0611") == {pz.uuid}
    pz.nir = NIR
    repo.save(pz)
    assert _found(repo, "185057") == {pz.uuid}
    bulk = [_pz(birth_name=f"Lot{i}", phones=[f"+3370000{i:04d}"]) for i in range(30)]
    repo.save_many(bulk)
    assert _found(repo, "07 00 00 00 17") == {bulk[17].uuid}
    contact = Contact(
        birth_name="Contact",
        phones=["+33655554444"],
        expositions=[Exposition(patient_zero_uuid=pz.uuid)],
    )
    repo.save(contact)
    repo.delete(pz.uuid)  # the contact is reopened (an UPDATE), its digits stay found
    assert _found(repo, "185057") == set() and _found(repo, "0611") == set()
    assert _found(repo, "06 55 55") == {contact.uuid}
    _index_agrees(db)


def test_no_digit_left_after_the_purge(
    repo: FicheRepository, db: Database, fake_clock: FakeClock
) -> None:
    doomed = repo.save(_pz(phones=[PHONE], nir=NIR))
    fake_clock.advance(timedelta(days=40))
    kept = repo.save(_pz(birth_name="Gardé", phones=[OTHER_PHONE], nir="212345612345612"))
    assert b"987" in _index_bytes(db)  # the test can see digits in the index's pages
    fake_clock.advance(timedelta(days=70))  # past the first fiche's 3 months only
    report = purge.purge(db, clock=fake_clock)
    assert report.fiches == 1
    assert _found(repo, "0698") == set() and _found(repo, "0611") == {kept.uuid}
    assert not repo.exists(doomed.uuid)
    # "987" and "878" are trigrams of the purged fiche's phone only (the kept
    # fiche has no 7, 8 or 9 in its digits): no page of the index holds them.
    pages = _index_bytes(db)
    assert b"987" not in pages and b"876" not in pages and b"0578" not in pages
    _index_agrees(db)


def test_no_digit_left_after_a_deletion(repo: FicheRepository, db: Database) -> None:
    doomed = repo.save(_pz(phones=[PHONE]))
    repo.save(_pz(birth_name="Gardé", phones=[OTHER_PHONE]))
    FicheService(db, "infirmiere.test").delete(doomed.uuid)
    assert b"987" not in _index_bytes(db)
    _index_agrees(db)


def test_migrations_from_v9_index_the_stored_fiches(data_dir: Path, tmp_path: Path) -> None:
    """A store left at version 9 (its fiches unindexed) is indexed by the migrations:
    digits (10), the list's index with the folded name (11)."""
    install_v1(data_dir)
    target = schema.CURRENT_VERSION
    original = dict(schema.MIGRATIONS)
    try:
        schema.MIGRATIONS.pop(10)
        schema.CURRENT_VERSION = 9
        with store.open_store() as db:
            assert db.schema_version == 9
            FicheRepository(db, "infirmiere.test").save(_pz(phones=[PHONE], nir=NIR))
            assert db.query("SELECT count(*) FROM sqlite_master WHERE name = 'fiche_digits'") == [
                (0,)
            ]
    finally:
        schema.MIGRATIONS.clear()
        schema.MIGRATIONS.update(original)
        schema.CURRENT_VERSION = target
    shutil.rmtree(data_dir / "backups")
    with store.open_store() as db:
        assert db.schema_version == schema.CURRENT_VERSION
        indexes = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "fiches_list" in indexes and "fiches_created" not in indexes  # version 11
        repo = FicheRepository(db, "infirmiere.test")
        assert len(_found(repo, "lefèvre")) == 1
        assert len(_found(repo, "06 98 76")) == 1
        assert len(_found(repo, "1850578")) == 1
        assert repo.count(FicheQuery(text="0698")) == 1
        _index_agrees(db)
    assert len(list((data_dir / "backups").iterdir())) == 1  # a copy before migrating


def test_a_name_search_filters_on_the_list_index_without_statistics(
    repo: FicheRepository, db: Database
) -> None:
    """Schema 11: the newest-first list index carries the folded name, so a name search
    reads the table only for its matches, even in a store never analysed."""
    for i in range(30):
        repo.save(_pz(birth_name=f"Nom{i}"))
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'") == []
    for typed in ("lefèv", "martin zoé", ""):
        plan = _plan(db, repo, typed, "uuid, data")
        assert plan == "SCAN fiches USING INDEX fiches_list", plan


def test_a_page_converts_its_rows_when_read(repo: FicheRepository) -> None:
    saved = [
        repo.save(_pz(birth_name=f"Page{i}", birth_date=date(1950, 1, i + 1))) for i in range(5)
    ]
    page = repo.list_rows(FicheQuery(text="page"), 0, 50)
    assert len(page) == 5
    first = page[0]
    assert first is page[0]  # converted once
    assert first.uuid == saved[-1].uuid and first.birth_date == date(1950, 1, 5)
    assert [r.uuid for r in page] == [f.uuid for f in reversed(saved)]
    assert [r.uuid for r in page[1:3]] == [saved[3].uuid, saved[2].uuid]
    assert page == list(page) and page[-1].uuid == saved[0].uuid
    with pytest.raises(IndexError):
        page[5]

"""Schema migrations, on the committed version-1 fixture (tests/fixtures/tracing-v1.db)."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from memkeyring import MemoryKeyring

from app.core.clock import FakeClock
from app.db import keystore, schema, store
from app.db.connection import Cursor, Database, key_check_value
from app.db.journalhash import GENESIS_HASH, first_broken_entry, journal_hash

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_v1_fixture as v1  # noqa: E402

BACKUP_NAME = re.compile(r"^tracing-\d{8}T\d{6}Z-v1(-\d+)?\.db$")


def install_v1(data_dir: Path) -> None:
    """Put the fixture in *data_dir* as the program's store, key in the keyring."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "tracing-v1.db", data_dir / "tracing.db")
    store._write_identity(
        data_dir,
        store.StoreIdentity(v1.FIXTURE_STORE_ID, "keyring", key_check_value(v1.FIXTURE_KEY)),
    )
    keystore.set_key(v1.FIXTURE_STORE_ID, v1.FIXTURE_KEY)


def journal_rows(db: Database) -> list[tuple[object, ...]]:
    return db.query(
        "SELECT id, at, user, action, fiche_uuid, detail, prev_hash, hash FROM journal ORDER BY id"
    )


def test_fixture_is_version_1() -> None:
    with Database.open(FIXTURES / "tracing-v1.db", raw_key=v1.FIXTURE_KEY) as db:
        assert db.schema_version == 1
        columns = [r[1] for r in db.query("PRAGMA table_info(journal)")]
        assert "hash" not in columns


def test_migrate_v1_fixture(data_dir: Path, fake_clock: FakeClock) -> None:
    install_v1(data_dir)
    original = (data_dir / "tracing.db").read_bytes()
    with store.open_store() as db:
        assert db.schema_version == schema.CURRENT_VERSION
        rows = journal_rows(db)
        assert [r[1:6] for r in rows] == [(*entry,) for entry in v1.JOURNAL]
        assert rows[0][6] == GENESIS_HASH
        prev = GENESIS_HASH
        for _id, at, user, action, fiche_uuid, detail, prev_hash, digest in rows:
            assert prev_hash == prev
            assert digest == journal_hash(prev, at, user, action, fiche_uuid, detail)
            prev = digest
        assert first_broken_entry(rows) is None  # type: ignore[arg-type]
        assert db.query("SELECT uuid, version, unit FROM fiches") == [
            (v1.FICHE_UUID, 2, "Médecine B")
        ]
        assert db.integrity_ok()
        assert db.query("PRAGMA foreign_key_check") == []

    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1 and BACKUP_NAME.match(backups[0].name), backups
    assert backups[0].name == "tracing-20261124T100000Z-v1.db"
    content = backups[0].read_bytes()
    assert not content.startswith(b"SQLite format 3") and b"TESTFIXTURE" not in content
    with Database.open(backups[0], raw_key=v1.FIXTURE_KEY) as backup:
        assert backup.schema_version == 1
        assert backup.query("SELECT count(*) FROM journal") == [(3,)]
    assert original != (data_dir / "tracing.db").read_bytes()

    with store.open_store():  # already current: no second backup
        pass
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_migrated_schema_equals_new_schema(tmp_path: Path, data_dir: Path) -> None:
    install_v1(data_dir)
    fresh_dir = tmp_path / "fresh"
    store.init_store(fresh_dir)

    def shape(db: Database) -> list[tuple[object, ...]]:
        return db.query(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            " ORDER BY type, name"
        )

    with store.open_store() as migrated, store.open_store(fresh_dir) as fresh:
        assert shape(migrated) == shape(fresh)


def test_journal_chain_detects_an_edit(data_dir: Path) -> None:
    install_v1(data_dir)
    with store.open_store() as db:
        # Someone with the key and an SQL shell: first removes the append-only trigger.
        db.execute("DROP TRIGGER journal_no_update")
        db.execute("UPDATE journal SET detail = 'modifié' WHERE id = 2")
        assert first_broken_entry(journal_rows(db)) == 2  # type: ignore[arg-type]


def test_journal_hash_is_unambiguous() -> None:
    a = journal_hash(GENESIS_HASH, "t", "a|b", "c", None, "")
    b = journal_hash(GENESIS_HASH, "t", "a", "b|c", None, "")
    c = journal_hash(GENESIS_HASH, "t", "a|b", "c", "", "")
    assert len({a, b, c}) == 3
    assert re.fullmatch(r"[0-9a-f]{64}", a)


def test_failed_step_leaves_version_1_and_the_backup(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_v1(data_dir)

    def broken(cur: Cursor) -> None:
        cur.execute("ALTER TABLE journal RENAME TO journal_v1")
        raise RuntimeError("boom")

    monkeypatch.setitem(schema.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError):
        store.open_store()
    with store.open_store(migrate=False) as db:
        assert db.schema_version == 1
        assert db.query("SELECT count(*) FROM journal") == [(3,)]
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_backups_never_overwrite_each_other(data_dir: Path, fake_clock: FakeClock) -> None:
    install_v1(data_dir)
    fake_clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    with Database.open(data_dir / "tracing.db", raw_key=v1.FIXTURE_KEY) as db:
        first = schema.write_backup(db, data_dir / "backups")
        second = schema.write_backup(db, data_dir / "backups")
    assert first != second and first.exists() and second.exists()
    assert second.name == "tracing-20261124T100000Z-v1-2.db"


def test_backup_opens_with_the_keyring_key(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    """The backup is readable with the key the keyring holds for the store."""
    install_v1(data_dir)
    store.open_store().close()
    backup = next((data_dir / "backups").iterdir())
    key = keystore.get_key(v1.FIXTURE_STORE_ID)
    assert key == v1.FIXTURE_KEY
    Database.open(backup, raw_key=key).close()


def test_passphrase_store_backup_uses_the_passphrase(data_dir: Path) -> None:
    phrase = "une phrase secrète assez longue"
    store.init_store(passphrase=phrase)
    with store.open_store(passphrase=phrase) as db:
        backup = schema.write_backup(db, data_dir / "backups")
    with Database.open(backup, passphrase=phrase) as copy:
        assert copy.schema_version == schema.CURRENT_VERSION

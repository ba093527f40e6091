"""Creating and opening the encrypted store, and every way opening can refuse."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from memkeyring import MemoryKeyring
from sqlcipher3 import dbapi2 as sqlcipher

from app.db import connection, keystore, schema, store
from app.db.connection import Database
from app.db.errors import (
    ALL_ERRORS,
    CipherSettingsError,
    DatabaseLockedError,
    DiskFullError,
    KeyMissingError,
    NewerSchemaError,
    ReadOnlyError,
    StoreError,
    StoreExistsError,
    StoreNotInitialisedError,
    TamperedError,
    WrongKeyError,
)

MARKER = "ZQX-MARQUEUR-DISTINCTIF-7731"


def snapshot(data_dir: Path) -> dict[str, str | None]:
    """sha256 of tracing.db, -wal and -shm (None when absent)."""
    result: dict[str, str | None] = {}
    for name in ("tracing.db", "tracing.db-wal", "tracing.db-shm"):
        path = data_dir / name
        result[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return result


def raw_key(data_dir: Path, kr: MemoryKeyring) -> bytes:
    return bytes.fromhex(kr.entries[(keystore.SERVICE, store.store_id(data_dir))])


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_init_then_open_round_trip(data_dir: Path) -> None:
    result = store.init_store()
    assert result.mode == "keyring"
    assert len(result.recovery_code) == 39 and result.recovery_code.count("-") == 7
    assert store.store_exists()
    assert store.store_id() == result.store_id
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "tracing.db",
        "tracing.db.id",
        "tracing.db.keyring",  # the names of the keyring entries made (no secret)
        "tracing.db.recovery",
    ]
    if hasattr(data_dir, "stat"):
        assert data_dir.stat().st_mode & 0o777 == 0o700
        for p in data_dir.iterdir():
            assert p.stat().st_mode & 0o077 == 0, p.name

    with store.open_store() as db:
        assert db.schema_version == schema.CURRENT_VERSION
        with db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES (?, ?)", ("k", '"v"'))
        info = db.cipher_info()
        assert info["cipher_version"].startswith("4.")
        assert info["kdf_algorithm"] == "PBKDF2_HMAC_SHA512"
        assert info["hmac_algorithm"] == "HMAC_SHA512"
        assert db.query_one("PRAGMA journal_mode") == ("wal",)
        assert db.query_one("PRAGMA foreign_keys") == (1,)
        assert db.query_one("PRAGMA secure_delete") == (1,)
        assert db.query_one("PRAGMA busy_timeout") == (5000,)
        assert db.integrity_ok()
    with store.open_store() as db:
        assert db.query("SELECT key, value FROM settings") == [("k", '"v"')]


def test_data_dir_argument_overrides_default(tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "elsewhere"
    store.init_store(other)
    assert store.store_exists(other) and not store.store_exists()
    store.open_store(other).close()
    with pytest.raises(StoreNotInitialisedError):
        store.open_store()


def test_open_without_store(data_dir: Path) -> None:
    assert not store.store_exists()
    with pytest.raises(StoreNotInitialisedError) as info:
        store.open_store()
    assert "tracing-desk init" in str(info.value)
    assert not (data_dir / "tracing.db").exists()


def test_init_never_overwrites(data_dir: Path) -> None:
    store.init_store()
    before = snapshot(data_dir)
    sid = store.store_id()
    with pytest.raises(StoreExistsError):
        store.init_store()
    with pytest.raises(StoreExistsError):
        store.init_store(passphrase="une phrase secrète assez longue")
    assert snapshot(data_dir) == before
    assert store.store_id() == sid


def test_init_moves_aside_leftovers_of_an_unfinished_init(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "tracing.db.id").write_text("stale")
    (data_dir / "tracing.db.recovery").write_text("stale")
    store.init_store()
    names = sorted(p.name for p in data_dir.iterdir())
    assert sum(n.startswith("tracing.db.id.replaced-") for n in names) == 1
    assert sum(n.startswith("tracing.db.recovery.replaced-") for n in names) == 1
    store.open_store().close()


def test_encryption_at_rest(data_dir: Path) -> None:
    store.init_store()
    db = store.open_store()
    try:
        db.execute("INSERT INTO settings VALUES (?, ?)", ("marker", f'"{MARKER}"'))
        files = [data_dir / n for n in ("tracing.db", "tracing.db-wal", "tracing.db-shm")]
        assert (data_dir / "tracing.db-wal").stat().st_size > 0  # the row is in the WAL
        for path in files:
            assert MARKER.encode() not in path.read_bytes(), path.name
        assert db.checkpoint_truncate()
        for path in files:
            content = path.read_bytes()
            assert MARKER.encode() not in content, path.name
            assert b"CREATE TABLE" not in content and b"settings" not in content
        assert db.query_one("SELECT value FROM settings WHERE key = 'marker'") == (f'"{MARKER}"',)
    finally:
        db.close()
    content = (data_dir / "tracing.db").read_bytes()
    assert not content.startswith(b"SQLite format 3")
    assert MARKER.encode() not in content


def test_wrong_key_leaves_file_unchanged(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    store.init_store()
    sid = store.store_id()
    before = snapshot(data_dir)
    memory_keyring.entries[(keystore.SERVICE, sid)] = "ab" * 32
    with pytest.raises(WrongKeyError) as info:
        store.open_store()
    assert "recover" in str(info.value)
    assert snapshot(data_dir) == before


def test_garbage_keyring_value_is_a_wrong_key(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store.init_store()
    before = snapshot(data_dir)
    memory_keyring.entries[(keystore.SERVICE, store.store_id())] = "pas une clé"
    with pytest.raises(WrongKeyError):
        store.open_store()
    assert snapshot(data_dir) == before


def test_tampered_first_page(data_dir: Path) -> None:
    store.init_store()
    flip(data_dir / "tracing.db", 200)
    before = snapshot(data_dir)
    with pytest.raises(TamperedError) as info:
        store.open_store()
    assert "modifié ou endommagé" in str(info.value)
    assert snapshot(data_dir) == before


def test_tampered_later_page(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db, db.transaction() as cur:
        cur.executemany(
            "INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "x" * 500) for i in range(40)]
        )
    db_file = data_dir / "tracing.db"
    flip(db_file, db_file.stat().st_size - 4096 + 300)  # inside the last page
    digest = hashlib.sha256(db_file.read_bytes()).hexdigest()
    with store.open_store() as db:
        assert not db.integrity_ok()
        with pytest.raises(TamperedError):
            db.query("SELECT * FROM settings")
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == digest


def test_key_check_absent_gives_an_honest_wrong_key(data_dir: Path) -> None:
    store.init_store()
    with pytest.raises(WrongKeyError) as info:
        Database.open(data_dir / "tracing.db", raw_key=b"\x01" * 32)
    assert "endommagé" in str(info.value)


def test_missing_keyring_entry(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    store.init_store()
    before = snapshot(data_dir)
    memory_keyring.entries.clear()
    with pytest.raises(KeyMissingError) as info:
        store.open_store()
    assert "tracing-desk recover" in str(info.value)
    assert snapshot(data_dir) == before


def test_missing_id_file(data_dir: Path) -> None:
    store.init_store()
    (data_dir / "tracing.db.id").unlink()
    before = snapshot(data_dir)
    with pytest.raises(KeyMissingError):
        store.open_store()
    assert snapshot(data_dir) == before


def test_newer_schema_refused(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        db.execute("PRAGMA user_version = 99")
    before = snapshot(data_dir)
    for migrate in (True, False):
        with pytest.raises(NewerSchemaError) as info:
            store.open_store(migrate=migrate)
        assert "version plus récente" in str(info.value)
    assert snapshot(data_dir) == before
    assert not (data_dir / "backups").exists()


def test_empty_file_is_not_replaced(data_dir: Path) -> None:
    store.init_store()
    (data_dir / "tracing.db").write_bytes(b"")
    with pytest.raises(TamperedError):
        store.open_store()
    assert (data_dir / "tracing.db").read_bytes() == b""


def test_plaintext_database_refused(data_dir: Path) -> None:
    store.init_store()
    db_file = data_dir / "tracing.db"
    db_file.unlink()
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = snapshot(data_dir)
    with pytest.raises(CipherSettingsError) as info:
        store.open_store()
    assert "pas chiffré" in str(info.value)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("mode", ["keyring", "passphrase"])
def test_sqlcipher3_compatibility_database_refused(
    data_dir: Path, memory_keyring: MemoryKeyring, mode: str
) -> None:
    passphrase = "une phrase secrète assez longue"
    if mode == "keyring":
        store.init_store()
        key_sql = f"PRAGMA key = \"x'{raw_key(data_dir, memory_keyring).hex()}'\""
    else:
        store.init_store(passphrase=passphrase)
        key_sql = f"PRAGMA key = '{passphrase}'"
    db_file = data_dir / "tracing.db"
    db_file.unlink()  # the test stands in for a file made by another program
    conn = sqlcipher.connect(str(db_file), isolation_level=None)
    conn.execute(key_sql)
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = snapshot(data_dir)
    with pytest.raises(CipherSettingsError) as info:
        store.open_store(passphrase=passphrase if mode == "passphrase" else None)
    assert "SQLCipher 3" in str(info.value)
    assert snapshot(data_dir) == before


def test_changed_process_defaults_do_not_matter(data_dir: Path) -> None:
    """Another library lowering SQLCipher's process defaults cannot weaken our store."""
    store.init_store()
    conn = sqlcipher.connect(":memory:")
    conn.execute("PRAGMA cipher_default_compatibility = 3")
    try:
        with store.open_store() as db:
            assert db.cipher_info()["hmac_algorithm"] == "HMAC_SHA512"
    finally:
        conn.execute("PRAGMA cipher_default_compatibility = 4")
        conn.close()


def test_unexpected_cipher_settings_after_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.init_store()
    monkeypatch.setattr(connection, "EXPECTED_HMAC", "HMAC_SHA1")
    with pytest.raises(CipherSettingsError) as info:
        store.open_store()
    assert info.value.detail is not None and "hmac=HMAC_SHA512" in info.value.detail


def test_disk_full_is_mapped_and_rolled_back(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        pages = db.query_one("PRAGMA page_count")
        assert pages is not None
        db.execute(f"PRAGMA max_page_count = {pages[0]}")
        with pytest.raises(DiskFullError) as info, db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('first', '1')")
            for i in range(200):
                cur.execute("INSERT INTO settings VALUES (?, ?)", (f"k{i}", "x" * 1000))
        assert "disque est plein" in str(info.value)
        assert not db.in_transaction
        assert db.query("SELECT count(*) FROM settings") == [(0,)]
        db.execute("INSERT INTO settings VALUES ('small', '1')")  # still usable


def test_locked_is_mapped(data_dir: Path) -> None:
    store.init_store()
    holder = store.open_store()
    try:
        with holder.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('held', '1')")
            with store.open_store(busy_timeout_ms=50) as other:
                assert other.query("SELECT count(*) FROM settings") == [(0,)]  # WAL readers go on
                with pytest.raises(DatabaseLockedError), other.transaction() as cur2:
                    cur2.execute("INSERT INTO settings VALUES ('other', '1')")
                assert not other.in_transaction
    finally:
        holder.close()


def test_read_only_is_mapped(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        db.execute("PRAGMA query_only = ON")
        with pytest.raises(ReadOnlyError):
            db.execute("INSERT INTO settings VALUES ('a', '1')")


def test_programming_errors_propagate_and_roll_back(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        with pytest.raises(sqlcipher.OperationalError):
            db.query("SELECT * FROM no_such_table")
        with pytest.raises(sqlcipher.IntegrityError), db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('dup', '1')")
            cur.execute("INSERT INTO settings VALUES ('dup', '2')")
        assert db.query("SELECT count(*) FROM settings") == [(0,)]
        with pytest.raises(ZeroDivisionError), db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('a', '1')")
            _ = 1 / 0
        assert db.query("SELECT count(*) FROM settings") == [(0,)]


def test_nested_transaction_raises(data_dir: Path) -> None:
    store.init_store()
    with store.open_store() as db:
        with pytest.raises(RuntimeError), db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('a', '1')")
            with db.transaction():
                pass
        assert not db.in_transaction
        assert db.query("SELECT count(*) FROM settings") == [(0,)]
        with db.transaction() as cur:
            cur.execute("INSERT INTO settings VALUES ('b', '1')")
            assert cur.rowcount == 1
        assert db.query("SELECT key FROM settings") == [("b",)]


def test_connection_belongs_to_its_thread(data_dir: Path) -> None:
    store.init_store()
    errors: list[BaseException] = []
    with store.open_store() as db:

        def use() -> None:
            try:
                db.query("SELECT 1")
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=use)
        worker.start()
        worker.join()
    assert len(errors) == 1 and isinstance(errors[0], sqlcipher.ProgrammingError)


def test_error_classes_have_stable_codes_and_french_messages() -> None:
    codes = [cls.code for cls in ALL_ERRORS]
    assert len(codes) == len(set(codes))
    for cls in ALL_ERRORS:
        assert issubclass(cls, StoreError)
        text = str(cls())
        assert len(text) > 40 and text.endswith(".")
    assert str(DiskFullError(detail="SQLITE_FULL")).endswith("(détail technique : SQLITE_FULL)")

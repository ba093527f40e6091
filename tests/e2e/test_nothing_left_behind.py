"""After a purge, a purged surname, NIR or phone is in no file and no page.

Three looks, from the weakest to the strongest:

- the raw bytes of ``tracing.db``, ``-wal`` and ``-shm``;
- a decrypted plaintext copy made by SQLCipher itself (``sqlcipher_export``);
- every page of the database and of the WAL decrypted one by one with the
  raw key (AES-256-CBC, SQLCipher 4 layout), free pages and old WAL frames
  included: what a thief with the key would see. Before the purge the same
  decryption finds the data, so the check can tell.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.core.clock import FakeClock
from app.db import keystore, purge
from app.db.connection import Database
from app.db.store import store_id
from tests.support.purge import (
    contact,
    patient_zero,
    save_at,
)

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24

SURNAME = "Quizzlewickétoile"
NIR = "2850475123456"
PHONE = "+33655501234"


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def decrypted_pages(db_path: Path, key: bytes) -> bytes:
    """The plaintext of every page of the database file and of every WAL frame."""
    out = bytearray()
    data = db_path.read_bytes()
    for n in range(len(data) // PAGE):
        out += _decrypt_page(data[n * PAGE : (n + 1) * PAGE], key, n == 0)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        raw = wal.read_bytes()
        offset = WAL_HEADER
        while offset + FRAME_HEADER + PAGE <= len(raw):
            page_no = int.from_bytes(raw[offset : offset + 4], "big")
            frame = raw[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
            out += _decrypt_page(frame, key, page_no == 1)
            offset += FRAME_HEADER + PAGE
    return bytes(out)


def needles() -> list[bytes]:
    digits = PHONE.lstrip("+")
    return [
        SURNAME.encode(),
        b"quizzlewicketoile",  # the folded search column
        NIR.encode(),
        digits.encode(),
        digits[2:].encode(),  # national form, in the search column
    ]


def _raw_files(db: Database) -> bytes:
    return b"".join(p.read_bytes() for p in purge.database_files(db))


def _plaintext_copy(db: Database, dest: Path) -> bytes:
    db.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(dest),))
    db.query("SELECT sqlcipher_export('plaintext')")
    db.execute("DETACH DATABASE plaintext")
    data = dest.read_bytes()
    assert data.startswith(b"SQLite format 3\x00")  # really a plaintext copy
    return data


def test_purged_data_is_absent_from_files_plaintext_copy_and_every_page(
    store: Database, fake_clock: FakeClock, tmp_path: Path
) -> None:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    victim = patient_zero(SURNAME, 1)
    victim.nir = NIR + f"{97 - int(NIR) % 97:02d}"
    victim.phones = [PHONE]
    save_at(store, fake_clock, t0, victim, contact("Voisinage", victim, n=5))
    # Plenty of later fiches on the same pages and after them.
    for i in range(60):
        save_at(
            store, fake_clock, t0 + timedelta(days=10, minutes=i), patient_zero(f"Autre{i}", i + 10)
        )
    # The victim is edited a few times: old versions sit in the WAL and in free pages.
    for _ in range(3):
        fresh = store.query_one("SELECT version FROM fiches WHERE uuid = ?", (victim.uuid,))
        assert fresh is not None
        victim.version = int(fresh[0])
        victim.usage_name = SURNAME + "-Usage"
        save_at(store, fake_clock, t0 + timedelta(days=1), victim)

    key = keystore.get_key(store_id())
    assert key is not None
    before = decrypted_pages(store.path, key)
    assert all(n in before for n in needles())  # the check sees the data when it is there

    fake_clock.set(t0 + timedelta(days=95))
    report = purge.purge(store)
    assert report.fiches == 2 and report.checkpointed and report.vacuumed

    raw = _raw_files(store)
    plain = _plaintext_copy(store, tmp_path / "plain.db")
    pages = decrypted_pages(store.path, key)
    for needle in needles():
        assert needle not in raw, needle
        assert needle not in plain, needle
        assert needle not in pages, needle
    # The other fiches are still there, readable.
    assert b"Autre59" in plain and b"Autre59" in pages
    assert Path(f"{store.path}-wal").stat().st_size == 0
    assert store.integrity_ok()
    journal = json.dumps([list(r) for r in store.query("SELECT * FROM journal")])
    assert SURNAME not in journal

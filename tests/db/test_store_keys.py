"""Keyring backends, passphrase mode and recovery codes."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring
from keyrings.alt.multi import MultipartKeyringWrapper
from memkeyring import MemoryKeyring

from app.db import keystore, recovery, store
from app.db.errors import (
    KeyMissingError,
    KeyringRefusedError,
    PassphraseRequiredError,
    RecoveryCodeError,
    RecoveryFileError,
    WeakPassphraseError,
    WrongKeyError,
)

PASSPHRASE = "cheval correct pile agrafe"


def snapshot(data_dir: Path) -> dict[str, str | None]:
    result: dict[str, str | None] = {}
    for name in ("tracing.db", "tracing.db-wal", "tracing.db-shm"):
        path = data_dir / name
        result[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return result


@pytest.fixture
def chain_of(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., keyring.backend.KeyringBackend]:
    """A ChainerBackend whose chain the test chooses (the real one asks the system).

    Patched on the class rather than subclassed: every KeyringBackend subclass
    joins keyring's global registry of candidate backends.
    """

    def make(*members: keyring.backend.KeyringBackend) -> keyring.backend.KeyringBackend:
        monkeypatch.setattr(chainer.ChainerBackend, "backends", list(members))
        return chainer.ChainerBackend()

    return make


# -- keyring backends ----------------------------------------------------------


Maker = Callable[..., keyring.backend.KeyringBackend]
REFUSED: dict[str, Callable[[Maker], keyring.backend.KeyringBackend]] = {
    "fail": lambda chain_of: fail.Keyring(),
    "null": lambda chain_of: null.Keyring(),
    "plaintext": lambda chain_of: PlaintextKeyring(),
    "empty-chain": lambda chain_of: chain_of(),
    "chain-of-refused": lambda chain_of: chain_of(fail.Keyring(), PlaintextKeyring()),
    "multipart-plaintext": lambda chain_of: MultipartKeyringWrapper(PlaintextKeyring()),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_backend_at_init_creates_nothing(
    data_dir: Path, name: str, chain_of: Maker
) -> None:
    keyring.set_keyring(REFUSED[name](chain_of))
    with pytest.raises(KeyringRefusedError) as info:
        store.init_store()
    text = str(info.value)
    assert "trousseau" in text and "phrase secrète" in text
    assert not data_dir.exists() or not any(data_dir.iterdir())


@pytest.mark.parametrize("name", ["fail", "plaintext", "empty-chain"])
def test_refused_backend_at_open_leaves_store_unchanged(
    data_dir: Path, name: str, chain_of: Maker
) -> None:
    store.init_store()
    before = snapshot(data_dir)
    keyring.set_keyring(REFUSED[name](chain_of))
    with pytest.raises(KeyringRefusedError):
        store.open_store()
    assert snapshot(data_dir) == before


def test_accepted_backends(chain_of: Maker) -> None:
    memory = MemoryKeyring()
    for backend in (
        memory,
        EncryptedKeyring.__new__(EncryptedKeyring),  # accepted; needs pycryptodome to run
        chain_of(memory, PlaintextKeyring()),
        MultipartKeyringWrapper(memory),
    ):
        keyring.set_keyring(backend)
        keystore.check_backend()
    keyring.set_keyring(chain_of(memory))
    assert keystore.backend_name().endswith("-> memkeyring.MemoryKeyring")


def test_chain_never_writes_to_a_plaintext_member(data_dir: Path, chain_of: Maker) -> None:
    good, plain = MemoryKeyring(), MemoryKeyring()
    plain_refused = MultipartKeyringWrapper(PlaintextKeyring())
    keyring.set_keyring(chain_of(plain_refused, good, plain))
    result = store.init_store()
    assert (keystore.SERVICE, result.store_id) in good.entries
    assert not plain.entries
    store.open_store().close()


def test_keystore_round_trip() -> None:
    key = os.urandom(32)
    assert keystore.get_key("sid") is None
    keystore.set_key("sid", key)
    assert keystore.get_key("sid") == key
    stored = keyring.get_password(keystore.SERVICE, "sid")
    assert stored == key.hex() and len(stored) == 64
    keystore.delete_key("sid")
    keystore.delete_key("sid")  # no error when absent
    assert keystore.get_key("sid") is None
    with pytest.raises(ValueError):
        keystore.set_key("sid", b"short")


# -- passphrase mode -----------------------------------------------------------


def test_passphrase_mode_round_trip(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())  # no keyring needed at all
    result = store.init_store(passphrase=PASSPHRASE)
    assert result.mode == "passphrase"
    assert store.store_mode() == "passphrase"
    with store.open_store(passphrase=PASSPHRASE) as db:
        assert db.mode == "passphrase"
        assert db.cipher_info()["kdf_iter"] == "256000"
        db.execute("INSERT INTO settings VALUES ('a', '1')")
    with pytest.raises(PassphraseRequiredError):
        store.open_store()
    monkeypatch.setenv(store.ENV_PASSPHRASE, PASSPHRASE)
    with store.open_store() as db:
        assert db.query("SELECT key FROM settings") == [("a",)]


def test_wrong_passphrase_refused(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.init_store(passphrase=PASSPHRASE)
    before = snapshot(data_dir)
    with pytest.raises(WrongKeyError) as info:
        store.open_store(passphrase=PASSPHRASE + "!")
    assert "Phrase secrète incorrecte, ou fichier" in str(info.value)
    monkeypatch.setenv(store.ENV_PASSPHRASE, "pas la bonne phrase")
    with pytest.raises(WrongKeyError):
        store.open_store()
    assert snapshot(data_dir) == before


def test_passphrase_unicode_forms_are_equivalent(data_dir: Path) -> None:
    nfc, nfd = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e", "cafe\u0301 cre\u0300me bru\u0302le\u0301e"
    store.init_store(passphrase=nfc)
    store.open_store(passphrase=nfd).close()


def test_passphrase_with_quotes(data_dir: Path) -> None:
    tricky = 'l\'été "chaud" ; DROP TABLE--'
    store.init_store(passphrase=tricky)
    store.open_store(passphrase=tricky).close()


@pytest.mark.parametrize("weak", ["", "court", "  espaces  ", "x'" + "00" * 32 + "'"])
def test_weak_passphrase_refused(data_dir: Path, weak: str) -> None:
    with pytest.raises(WeakPassphraseError):
        store.init_store(passphrase=weak)
    assert not (data_dir / "tracing.db").exists()


# -- recovery ------------------------------------------------------------------


def test_recovery_round_trip(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    result = store.init_store()
    with store.open_store() as db:
        db.execute("INSERT INTO settings VALUES ('a', '1')")
    memory_keyring.entries.clear()
    before = snapshot(data_dir)
    with pytest.raises(KeyMissingError):
        store.open_store()
    recovered = store.recover(result.recovery_code)
    assert recovered.mode == "keyring"
    assert snapshot(data_dir) == before  # checking the key wrote nothing
    with store.open_store() as db:
        assert db.query("SELECT key FROM settings") == [("a",)]


def test_recovery_replaces_a_wrong_keyring_value(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    result = store.init_store()
    memory_keyring.entries[(keystore.SERVICE, result.store_id)] = "00" * 32
    with pytest.raises(WrongKeyError):
        store.open_store()
    store.recover(result.recovery_code)
    store.open_store().close()


def test_wrong_recovery_code(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    store.init_store()
    memory_keyring.entries.clear()
    with pytest.raises(RecoveryCodeError) as info:
        store.recover(recovery.generate_code())
    assert "ne correspond pas" in str(info.value)
    assert not memory_keyring.entries


def test_recovery_code_typing_is_forgiving(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    result = store.init_store()
    memory_keyring.entries.clear()
    sloppy = " " + result.recovery_code.lower().replace("-", " ").replace("0", "o") + " "
    sloppy = sloppy.replace("1", "l")
    store.recover(sloppy)
    store.open_store().close()


def test_recovery_code_format() -> None:
    code = recovery.generate_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert set(code.replace("-", "")) <= set(recovery.ALPHABET)
    canonical = code.replace("-", "")
    assert recovery.normalise_code(code.lower().replace("-", "")) == canonical
    assert recovery.normalise_code(canonical.replace("0", "O").replace("1", "I")) == canonical
    with pytest.raises(RecoveryCodeError):
        recovery.normalise_code(code[:-1])
    with pytest.raises(RecoveryCodeError):
        recovery.normalise_code("U" + canonical[1:])
    typo = canonical[:5] + ("A" if canonical[5] != "A" else "B") + canonical[6:]
    with pytest.raises(RecoveryCodeError) as info:
        recovery.normalise_code(typo)
    assert "faute de frappe" in str(info.value)


def test_recovery_in_passphrase_mode_never_reveals_the_passphrase(data_dir: Path) -> None:
    """The code sets a new passphrase (store.recover_passphrase); it never gives the old one."""
    result = store.init_store(passphrase=PASSPHRASE)
    with pytest.raises(RecoveryFileError) as info:
        store.recover(result.recovery_code)
    assert PASSPHRASE not in str(info.value) and "en choisir une nouvelle" in str(info.value)
    store.open_store(passphrase=PASSPHRASE).close()  # nothing changed


def test_recovery_rebuilds_a_lost_id_file(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    result = store.init_store()
    (data_dir / "tracing.db.id").unlink()
    memory_keyring.entries.clear()
    store.recover(result.recovery_code)
    assert store.store_id() == result.store_id
    store.open_store().close()


def test_recovery_file_of_another_store_refused(tmp_path: Path, data_dir: Path) -> None:
    mine = store.init_store()
    other_dir = tmp_path / "other"
    other = store.init_store(other_dir)
    (data_dir / "tracing.db.recovery").write_bytes((other_dir / "tracing.db.recovery").read_bytes())
    with pytest.raises(RecoveryCodeError):
        store.recover(other.recovery_code)
    with pytest.raises(RecoveryCodeError):
        store.recover(mine.recovery_code)


def test_missing_recovery_file(data_dir: Path) -> None:
    result = store.init_store()
    (data_dir / "tracing.db.recovery").unlink()
    with pytest.raises(RecoveryFileError):
        store.recover(result.recovery_code)


def test_recovery_file_contents(data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    result = store.init_store()
    path = data_dir / "tracing.db.recovery"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    document = json.loads(path.read_text())
    assert set(document) == {
        "format",
        "version",
        "store_id",
        "kind",
        "kdf",
        "salt",
        "nonce",
        "ciphertext",
    }
    assert document["kdf"]["name"] == "argon2id"
    assert document["store_id"] == result.store_id
    key_hex = memory_keyring.entries[(keystore.SERVICE, result.store_id)]
    assert key_hex not in path.read_text()
    # Any edit of the authenticated header is refused, even with the right code.
    document["kind"] = "passphrase"
    path.write_text(json.dumps(document))
    with pytest.raises(RecoveryCodeError):
        recovery.unwrap(result.recovery_code, path)


def test_scrypt_files_still_unwrap(tmp_path: Path) -> None:
    key, code, path = os.urandom(32), recovery.generate_code(), tmp_path / "r.json"
    kdf = {"name": "scrypt", "n": 2**14, "r": 8, "p": 1}
    recovery.wrap_key(key, code, path, store_id="sid", kdf=kdf)
    assert recovery.unwrap_key(code, path, store_id="sid") == key
    with pytest.raises(RecoveryCodeError):
        recovery.unwrap_key(code, path, store_id="other")

"""The local store as a whole: create it, open it, recover its key.

Files in the data directory (mode 0700):

- ``tracing.db`` (+ ``-wal``/``-shm`` while open): the SQLCipher database;
- ``tracing.db.id``: JSON with the store id, the key mode and, in keyring
  mode, the key check value (no personal data);
- ``tracing.db.recovery``: the secret wrapped by the recovery code;
- ``backups/``: encrypted copies written before migrations.

In keyring mode the wrapped secret is the raw key; in passphrase mode it is the
passphrase itself, so that a forgotten passphrase can be recovered with the
code (:func:`recover` returns it to be shown once).

No failure path deletes, recreates or overwrites ``tracing.db``: a new store is
built under a temporary name and linked into place only if nothing is there.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app import paths
from app.core.clock import utcnow
from app.db import keystore, recovery, schema
from app.db.connection import (
    BUSY_TIMEOUT_MS,
    Database,
    key_check_value,
    normalise_passphrase,
)
from app.db.errors import (
    KeyMissingError,
    PassphraseRequiredError,
    RecoveryCodeError,
    StoreExistsError,
    StoreNotInitialisedError,
    TamperedError,
    WeakPassphraseError,
)

ID_FILENAME = paths.DB_FILENAME + ".id"
ENV_PASSPHRASE = "TRACING_DESK_PASSPHRASE"
MIN_PASSPHRASE_CHARS = 12
ID_FORMAT_VERSION = 1
_RAW_KEY_LOOKALIKE = re.compile(r"^x'[0-9a-fA-F]*'$")

StoreMode = Literal["keyring", "passphrase"]


@dataclass(frozen=True)
class InitResult:
    recovery_code: str
    """Shown once to the user, to print or write down; not stored anywhere."""
    store_id: str
    mode: StoreMode


@dataclass(frozen=True)
class RecoverResult:
    store_id: str
    mode: StoreMode
    passphrase: str | None
    """In passphrase mode, the recovered passphrase (show it once); else ``None``."""


@dataclass(frozen=True)
class StoreIdentity:
    store_id: str
    mode: StoreMode
    key_check: str | None


# -- paths -------------------------------------------------------------------


def _dir(data_dir: Path | None, *, create: bool) -> Path:
    if data_dir is None:
        return paths.data_dir(create=create)
    d = Path(data_dir).expanduser().absolute()
    if create:
        paths.ensure_private_dir(d)
    return d


def _db_path(d: Path) -> Path:
    return d / paths.DB_FILENAME


def _db_files(d: Path) -> list[Path]:
    db = _db_path(d)
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


# -- id file -----------------------------------------------------------------


def _write_identity(d: Path, identity: StoreIdentity) -> None:
    document: dict[str, Any] = {
        "format": ID_FORMAT_VERSION,
        "store_id": identity.store_id,
        "mode": identity.mode,
        "created_at": utcnow().isoformat(),
    }
    if identity.key_check is not None:
        document["key_check"] = identity.key_check
    recovery.write_private_file(d / ID_FILENAME, (json.dumps(document, indent=2) + "\n").encode())


def _read_identity(d: Path) -> StoreIdentity | None:
    """The id file's content, or ``None`` if it is absent or unreadable."""
    try:
        document = json.loads((d / ID_FILENAME).read_text(encoding="utf-8"))
        store_id = str(uuid.UUID(str(document["store_id"])))
        mode = document["mode"]
        key_check = document.get("key_check")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if mode not in ("keyring", "passphrase") or not (
        key_check is None or isinstance(key_check, str)
    ):
        return None
    return StoreIdentity(store_id, mode, key_check)


def _identity_or_raise(d: Path) -> StoreIdentity:
    identity = _read_identity(d)
    if identity is None:
        raise KeyMissingError(
            "Le fichier d'identification de la base (tracing.db.id) est absent ou illisible : "
            "la clé ne peut pas être retrouvée. La base n'a pas été modifiée. "
            "Utilisez « tracing-desk recover » avec votre code de récupération.",
            detail=ID_FILENAME,
        )
    return identity


def _move_aside(path: Path) -> None:
    """Keep a stale file from an earlier, unfinished store under another name."""
    if path.exists():
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        path.rename(path.with_name(f"{path.name}.replaced-{stamp}-{uuid.uuid4().hex[:8]}"))


# -- public API --------------------------------------------------------------


def store_exists(data_dir: Path | None = None) -> bool:
    """Whether a database file exists in the data directory."""
    return _db_path(_dir(data_dir, create=False)).exists()


def store_id(data_dir: Path | None = None) -> str:
    """The store id (UUID) from ``tracing.db.id``."""
    d = _dir(data_dir, create=False)
    if not _db_path(d).exists():
        raise StoreNotInitialisedError()
    return _identity_or_raise(d).store_id


def store_mode(data_dir: Path | None = None) -> StoreMode:
    """``"keyring"`` or ``"passphrase"`` (whether :func:`open_store` needs a passphrase)."""
    d = _dir(data_dir, create=False)
    if not _db_path(d).exists():
        raise StoreNotInitialisedError()
    return _identity_or_raise(d).mode


def check_new_passphrase(passphrase: str) -> str:
    """The normalised passphrase, or :class:`WeakPassphraseError`."""
    text = normalise_passphrase(passphrase)
    if "\x00" in text or _RAW_KEY_LOOKALIKE.match(text):
        raise WeakPassphraseError(
            "Cette phrase secrète ne peut pas être utilisée (caractère nul ou forme "
            "x'…' réservée aux clés brutes). Choisissez-en une autre."
        )
    if len(text.strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphraseError()
    return text


def init_store(data_dir: Path | None = None, *, passphrase: str | None = None) -> InitResult:
    """Create a new encrypted store; never replaces an existing database.

    Keyring mode (no *passphrase*): a random 256-bit key kept in the keyring
    (:class:`KeyringRefusedError` if the keyring cannot keep it safely, checked
    before anything is written). Passphrase mode: SQLCipher derives the key.
    Either way a recovery file wraps the secret under the returned code.
    """
    if passphrase is None:
        keystore.check_backend()
    else:
        passphrase = check_new_passphrase(passphrase)
    d = _dir(data_dir, create=True)
    if any(p.exists() for p in _db_files(d)):
        raise StoreExistsError()

    sid = str(uuid.uuid4())
    raw_key = os.urandom(keystore.KEY_BYTES) if passphrase is None else None
    tmp = d / f"{paths.DB_FILENAME}.creating-{uuid.uuid4().hex[:8]}"
    try:
        db = Database.open(tmp, raw_key=raw_key, passphrase=passphrase, create=True)
        try:
            schema.migrate(db, d / "backups")
            db.checkpoint_truncate()
        finally:
            db.close()
        for leftover in (tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)  # empty after the checkpoint and close

        code = recovery.generate_code()
        rec_path = d / paths.RECOVERY_FILENAME
        _move_aside(rec_path)
        _move_aside(d / ID_FILENAME)
        if raw_key is not None:
            recovery.wrap_key(raw_key, code, rec_path, store_id=sid, kind="raw-key")
            _write_identity(d, StoreIdentity(sid, "keyring", key_check_value(raw_key)))
            keystore.set_key(sid, raw_key)
        else:
            assert passphrase is not None
            recovery.wrap_key(
                passphrase.encode("utf-8"), code, rec_path, store_id=sid, kind="passphrase"
            )
            _write_identity(d, StoreIdentity(sid, "passphrase", None))
        _link_into_place(tmp, _db_path(d))
    finally:
        tmp.unlink(missing_ok=True)
    return InitResult(code, sid, "keyring" if raw_key is not None else "passphrase")


def _link_into_place(tmp: Path, dest: Path) -> None:
    """Give *tmp* the name *dest* without ever replacing an existing *dest*."""
    try:
        os.link(tmp, dest)  # fails with FileExistsError, atomically
    except FileExistsError:
        raise StoreExistsError() from None
    except OSError:
        # No hard links (FAT, some shares): rename, which on Windows refuses to
        # replace and elsewhere is guarded by the check just before.
        if dest.exists():
            raise StoreExistsError() from None
        os.rename(tmp, dest)
    if os.name == "posix":
        fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass(frozen=True)
class StoreOpener:
    """How another thread opens its own connection to the same store.

    Workers (purge, sync) never share the window's connection; they call this.
    In passphrase mode it holds the passphrase typed at start, in memory only
    (never written, never shown by ``repr``).
    """

    data_dir: Path | None = None
    passphrase: str | None = field(default=None, repr=False)

    def __call__(self) -> Database:
        return open_store(self.data_dir, passphrase=self.passphrase)


def open_store(
    data_dir: Path | None = None,
    *,
    passphrase: str | None = None,
    migrate: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open the store for this thread, migrating it to the current schema if needed.

    In passphrase mode the passphrase comes from *passphrase* or
    ``TRACING_DESK_PASSPHRASE``. A database from a newer program is always
    refused; with ``migrate=False`` an older one is opened as it is.
    """
    d = _dir(data_dir, create=False)
    db_path = _db_path(d)
    if not db_path.exists():
        raise StoreNotInitialisedError()
    identity = _identity_or_raise(d)
    if identity.mode == "keyring":
        keystore.check_backend()
        key = keystore.get_key(identity.store_id)
        if key is None:
            raise KeyMissingError(detail=f"store {identity.store_id}")
        db = Database.open(
            db_path, raw_key=key, key_check=identity.key_check, busy_timeout_ms=busy_timeout_ms
        )
    else:
        secret = passphrase if passphrase is not None else os.environ.get(ENV_PASSPHRASE)
        if not secret:
            raise PassphraseRequiredError()
        db = Database.open(db_path, passphrase=secret, busy_timeout_ms=busy_timeout_ms)
    try:
        version = schema.check_not_newer(db)
        if version == 0:
            raise TamperedError(
                "La base de données ne contient aucune table : elle n'a pas été créée par "
                "« tracing-desk init » ou a été vidée. Elle n'a pas été modifiée ; "
                "contactez le service informatique.",
                detail="user_version 0",
            )
        if migrate:
            schema.migrate(db, d / "backups")
    except BaseException:
        db.close()
        raise
    return db


def recover(code: str, data_dir: Path | None = None) -> RecoverResult:
    """Restore access with the recovery code.

    Unwraps the secret, checks that it opens the database (nothing is written
    to it), then in keyring mode puts the key back in the keyring; in
    passphrase mode returns the passphrase. A missing id file is rebuilt from
    the recovery file.
    """
    d = _dir(data_dir, create=False)
    db_path = _db_path(d)
    if not db_path.exists():
        raise StoreNotInitialisedError()
    rec_path = d / paths.RECOVERY_FILENAME
    header = recovery.read_header(rec_path)
    identity = _read_identity(d)
    if identity is not None and identity.store_id != header.store_id:
        raise RecoveryCodeError(
            "Le fichier de récupération appartient à une autre base de données que celle "
            "de ce dossier. Contactez le service informatique.",
            detail="store id",
        )
    mode: StoreMode = "keyring" if header.kind == "raw-key" else "passphrase"
    if mode == "keyring":
        keystore.check_backend()
    secret = recovery.unwrap_key(code, rec_path, store_id=header.store_id)

    if mode == "keyring":
        check = key_check_value(secret)
        Database.open(db_path, raw_key=secret, key_check=check).close()
        keystore.set_key(header.store_id, secret)
        if identity is None:
            _write_identity(d, StoreIdentity(header.store_id, "keyring", check))
        return RecoverResult(header.store_id, mode, None)

    text = secret.decode("utf-8")
    Database.open(db_path, passphrase=text).close()
    if identity is None:
        _write_identity(d, StoreIdentity(header.store_id, "passphrase", None))
    return RecoverResult(header.store_id, mode, text)

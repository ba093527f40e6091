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

from app import files, paths
from app.core.clock import utcnow
from app.db import keystore, recovery, schema, watermark
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
    RecoveryFileError,
    StoreExistsError,
    StoreNotInitialisedError,
    TamperedError,
    WeakPassphraseError,
    WrongKeyError,
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
    data = (json.dumps(document, indent=2) + "\n").encode()
    files.atomic_write(d / ID_FILENAME, data, role="identity", ref=identity.store_id)


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
            "Le fichier d’identification de la base (tracing.db.id) est absent ou illisible : "
            "la clé ne peut pas être retrouvée. La base n’a pas été modifiée. "
            "Utilisez « tracing-desk recover » avec votre code de récupération.",
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
        # Workers open often: the integrity quick check is left to the main opening.
        return open_store(self.data_dir, passphrase=self.passphrase, quick_check=False)


def open_store(
    data_dir: Path | None = None,
    *,
    passphrase: str | None = None,
    migrate: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    quick_check: bool = True,
) -> Database:
    """Open the store for this thread, migrating it to the current schema if needed.

    Then :func:`app.db.watermark.open_checks`: a store behind its high-water
    mark, with a tampered mark or a failed integrity check (``PRAGMA
    quick_check`` unless *quick_check* is False, or one recorded earlier) opens
    read-only (:func:`app.db.watermark.state_of` says why).

    In passphrase mode the passphrase comes from *passphrase* or
    ``TRACING_DESK_PASSPHRASE``. A database from a newer program is always
    refused; with ``migrate=False`` an older one is opened as it is.
    """
    d = _dir(data_dir, create=False)
    db_path = _db_path(d)
    if not db_path.exists():
        raise StoreNotInitialisedError()
    identity = _identity_or_raise(d)
    raw_key: bytes | None = None
    secret: str | None = None
    if identity.mode == "keyring":
        keystore.check_backend()
        key = raw_key = keystore.get_key(identity.store_id)
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
                "La base de données ne contient aucune table : elle n’a pas été créée par "
                "« tracing-desk init » ou a été vidée. Elle n’a pas été modifiée ; "
                "contactez le service informatique.",
                detail="user_version 0",
            )
        if migrate:
            schema.migrate(db, d / "backups")
        watermark.open_checks(
            db, d, identity.store_id, raw_key=raw_key, passphrase=secret, quick_check=quick_check
        )
    except BaseException:
        db.close()
        raise
    return db


def recover(code: str, data_dir: Path | None = None) -> RecoverResult:
    """Keyring mode: put the key back in the keyring with the recovery code.

    Unwraps the key, checks that it opens the database (nothing is written to
    it), then puts it back in the keyring. A missing id file is rebuilt from
    the recovery file. In passphrase mode the forgotten passphrase is never
    revealed: :class:`RecoveryFileError`; a new one is set with
    :func:`recover_passphrase`.
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
        check = key_check_value(secret)
        Database.open(db_path, raw_key=secret, key_check=check).close()
        keystore.set_key(header.store_id, secret)
        if identity is None:
            _write_identity(d, StoreIdentity(header.store_id, "keyring", check))
        return RecoverResult(header.store_id, mode)
    raise RecoveryFileError(
        "Cette base est protégée par une phrase secrète\u00a0: le code de récupération "
        "ne la révèle pas, il permet d’en choisir une nouvelle («\u202ftracing-desk "
        "recover\u202f» ou «\u202fJ’ai oublié ma phrase secrète\u202f» à l’ouverture).",
        detail="passphrase",
    )


# -- a forgotten passphrase ----------------------------------------------------

PENDING_RECOVERY_SUFFIX = ".pending"


def recovery_kind(data_dir: Path | None = None) -> StoreMode:
    """The store's mode as its recovery file says (works when the id file is lost)."""
    d = _dir(data_dir, create=False)
    if not _db_path(d).exists():
        raise StoreNotInitialisedError()
    header = recovery.read_header(d / paths.RECOVERY_FILENAME)
    return "keyring" if header.kind == "raw-key" else "passphrase"


def _working_passphrase(code: str, d: Path, store_id: str) -> tuple[str, Path]:
    """The passphrase the recovery code unwraps that opens the database, and its file.

    The recovery file first; then the re-wrapped file a replacement of the
    passphrase leaves while it runs (a crash between the re-keying and the
    file's move): whichever opens the database is the right one.
    """
    db_path = _db_path(d)
    rec_path = d / paths.RECOVERY_FILENAME
    pending = rec_path.with_name(rec_path.name + PENDING_RECOVERY_SUFFIX)
    text = recovery.unwrap_key(code, rec_path, store_id=store_id).decode("utf-8")
    try:
        Database.open(db_path, passphrase=text).close()
        return text, rec_path
    except WrongKeyError:
        if not pending.exists():
            raise
    newer = recovery.unwrap_key(code, pending, store_id=store_id).decode("utf-8")
    Database.open(db_path, passphrase=newer).close()
    os.replace(pending, rec_path)  # the interrupted replacement, finished
    return newer, rec_path


def _rekey_marks(d: Path, store_id: str, old: str, new: str) -> None:
    """The state mark (``tracing.db.mark``) authenticated again under the new passphrase.

    A mark that fails authentication under the old passphrase is left as it is:
    it is still reported at the next opening.
    """
    old_keeper = watermark.MarkKeeper(
        d, store_id, watermark.mac_key(store_id, raw_key=None, passphrase=old), keyring_mode=False
    )
    marks = [m for m in old_keeper.read() if isinstance(m, watermark.Mark)]
    if marks:
        new_key = watermark.mac_key(store_id, raw_key=None, passphrase=new)
        new_keeper = watermark.MarkKeeper(d, store_id, new_key, keyring_mode=False)
        new_keeper.write(marks[0])


def recover_passphrase(
    code: str, new_passphrase: str, data_dir: Path | None = None, *, user: str = "recover"
) -> RecoverResult:
    """Passphrase mode: replace a forgotten passphrase, with the recovery code only.

    The new passphrase is checked first (:func:`check_new_passphrase`); the code
    unwraps the old one, which must open the database. Then, in this order: the
    recovery file is re-wrapped (same code) for the new passphrase beside the
    current one, the database is re-keyed (SQLCipher ``PRAGMA rekey``), the
    state mark is authenticated again, the re-wrapped file replaces the old one
    and the journal records the recovery. The old passphrase no longer opens
    the database; the same recovery code opens the new one. An interruption at
    any point leaves a way in: the old passphrase before the re-keying, the
    new one (and the code, see :func:`_working_passphrase`) after it.
    """
    new = check_new_passphrase(new_passphrase)
    d = _dir(data_dir, create=False)
    db_path = _db_path(d)
    if not db_path.exists():
        raise StoreNotInitialisedError()
    rec_path = d / paths.RECOVERY_FILENAME
    header = recovery.read_header(rec_path)
    if header.kind != "passphrase":
        raise RecoveryFileError(
            "Cette base n’est pas protégée par une phrase secrète mais par une clé du "
            "trousseau\u00a0: « tracing-desk recover » remet cette clé dans le trousseau, "
            "il n’y a pas de phrase secrète à remplacer.",
            detail="raw-key",
        )
    identity = _read_identity(d)
    if identity is not None and identity.store_id != header.store_id:
        raise RecoveryCodeError(
            "Le fichier de récupération appartient à une autre base de données que celle "
            "de ce dossier. Contactez le service informatique.",
            detail="store id",
        )
    old, source = _working_passphrase(code, d, header.store_id)
    pending = rec_path.with_name(rec_path.name + PENDING_RECOVERY_SUFFIX)
    db = Database.open(db_path, passphrase=old)
    try:
        db.checkpoint_truncate()
        recovery.rewrap(code, source, new.encode("utf-8"), dest=pending)
        db.execute("PRAGMA rekey = '{}'".format(new.replace("'", "''")))
        db.checkpoint_truncate()
    finally:
        db.close()
    _rekey_marks(d, header.store_id, old, new)
    os.replace(pending, rec_path)
    if identity is None:
        _write_identity(d, StoreIdentity(header.store_id, "passphrase", None))
    db = open_store(d, passphrase=new)
    try:
        from app.core.clock import get_clock
        from app.core.enums import JournalAction
        from app.db import journal

        with db.transaction() as cur:
            journal.append(
                cur,
                get_clock().now(),
                user,
                JournalAction.KEY_RECOVERY,
                None,
                "phrase secrète remplacée avec le code de récupération",
            )
    finally:
        db.close()
    return RecoverResult(header.store_id, "passphrase")

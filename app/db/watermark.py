"""The store's high-water mark: noticing lost or rolled-back data, and read-only stores.

The journal only grows (its head counts every entry ever appended, see
``journal_head``), so its head — ``(last_id, last_hash)`` — is a high-water
mark of the store. After each committed write that appended journal entries
the head is written **outside the database**, authenticated by an HMAC whose
key is derived from the database key (keyring mode) or from the passphrase
(PBKDF2, as costly as SQLCipher's own derivation), never the key itself:

- ``tracing.db.mark`` beside the database (0600, written atomically);
- in keyring mode, also the keyring entry ``watermark:<store id>`` (written
  on close and at most once a minute, the file being the one kept exact), so
  that putting back the whole data folder is noticed too.

At every open (:func:`check_at_open`) the database's head is compared with
the most advanced authentic mark:

- equal: nothing to say;
- ahead, with the mark's entry still in the chain (a crash between commit
  and mark): the mark moves, silently;
- behind (a lost or damaged ``-wal``, an older copy put back): *rollback*,
  with the number of journal entries missing;
- another history (the mark's entry is not in the chain): *rollback*
  (``diverged``);
- a mark that fails authentication: reported as tampered.

A fourth state comes from the integrity check: ``doctor`` records a failed
check in ``tracing.db.integrity`` (and so does the quick check run at open),
so that later opens stay read-only until the documented repair (export,
re-creation, import: docs/guide-admin.md).

In any of these states the connection refuses every change but the journal's
appends and sign-in bookkeeping (:meth:`Database.restrict_writes`): consulting
and exporting stay possible, evidence is kept as found, and the journal still
records who looked. A référent accepts a deliberate restore with
``tracing-desk accept-restore`` (:func:`accept_restore`, journaled).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import paths
from app.core.accounts import Permission
from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.core.i18n import QT_TRANSLATE_NOOP
from app.db import journal, keystore
from app.db.connection import Database, normalise_passphrase
from app.db.errors import StoreError
from app.db.permissions import Session, require
from app.files import atomic_write, create_private

log = logging.getLogger(__name__)

MARK_FILENAME = paths.DB_FILENAME + ".mark"
INTEGRITY_FILENAME = paths.DB_FILENAME + ".integrity"
KEYRING_PREFIX = "watermark:"
MARK_FORMAT = 1
KEYRING_INTERVAL_S = 60.0
_LABEL = b"tracing-desk watermark v1"
_PASSPHRASE_ITER = 256_000

ROLLBACK_MESSAGE = QT_TRANSLATE_NOOP(
    "db",
    "Des données enregistrées manquent dans la base. Entrées du journal disparues depuis "
    "le dernier état connu\u00a0: {missing} (fichier -wal perdu ou endommagé, ou "
    "ancienne copie de la base remise en place). La base est ouverte en lecture seule\u00a0: "
    "consultation et export restent possibles, les modifications sont refusées. "
    "Prévenez le référent\u202f; s’il s’agit d’une restauration voulue, il l’accepte avec "
    "«\u202ftracing-desk accept-restore --user IDENTIFIANT\u202f».",
)
DIVERGED_MESSAGE = QT_TRANSLATE_NOOP(
    "db",
    "Le journal de la base ne prolonge plus son dernier état connu\u00a0: une autre copie "
    "de la base a été remise en place. "
    "La base est ouverte en lecture seule\u00a0: consultation et export restent possibles, "
    "les modifications sont refusées. Prévenez le référent\u202f; s’il s’agit d’une "
    "restauration voulue, il l’accepte avec «\u202ftracing-desk accept-restore --user "
    "IDENTIFIANT\u202f».",
)
TAMPERED_MESSAGE = QT_TRANSLATE_NOOP(
    "db",
    "Le repère d’état de la base (tracing.db.mark) a été modifié ou ne correspond pas à "
    "sa clé\u00a0: un retour en arrière des données ne peut pas être exclu. La base est "
    "ouverte en lecture seule\u00a0: consultation et export restent possibles, les "
    "modifications sont refusées. Prévenez le référent, qui vérifie la base puis "
    "l’accepte avec «\u202ftracing-desk accept-restore --user IDENTIFIANT\u202f».",
)
REFUSED_PREFIX = QT_TRANSLATE_NOOP("db", "Modification refusée, rien n’a été enregistré.")
INTEGRITY_MESSAGE = QT_TRANSLATE_NOOP(
    "db",
    "La vérification d’intégrité de la base a échoué\u00a0: elle est ouverte en lecture "
    "seule (consultation et export possibles, modifications refusées) jusqu’à sa "
    "réparation par le référent\u00a0: export, recréation de la base, import "
    "(voir le guide d’administration).",
)


@dataclass(frozen=True, slots=True)
class Head:
    last_id: int
    last_hash: str


@dataclass(frozen=True, slots=True)
class Mark:
    store_id: str
    head: Head
    found: Head | None = None
    """The database's head when a rollback was first noticed (kept until accepted)."""


class _Tampered:
    """A mark that is there but fails authentication."""


TAMPERED = _Tampered()


@dataclass(frozen=True, slots=True)
class StoreState:
    """What :func:`check_at_open` found; ``clean`` when nothing is wrong."""

    rollback_detected: bool = False
    missing_entries: int = 0
    diverged: bool = False
    mark_tampered: bool = False
    integrity_failed: bool = False

    @property
    def clean(self) -> bool:
        return not (self.rollback_detected or self.mark_tampered or self.integrity_failed)

    def messages(self) -> list[tuple[str, dict[str, Any]]]:
        """The untranslated French templates (context ``db``) and their arguments."""
        out: list[tuple[str, dict[str, Any]]] = []
        if self.integrity_failed:
            out.append((INTEGRITY_MESSAGE, {}))
        if self.rollback_detected:
            template = DIVERGED_MESSAGE if self.diverged else ROLLBACK_MESSAGE
            out.append((template, {"missing": self.missing_entries}))
        if self.mark_tampered:
            out.append((TAMPERED_MESSAGE, {}))
        return out

    def message(self) -> str:
        """The French explanation (empty when clean)."""
        return " ".join(t.format(**a) for t, a in self.messages())

    def as_json(self) -> dict[str, Any]:
        return {
            "rollback_detected": self.rollback_detected,
            "missing_journal_entries": self.missing_entries,
            "journal_diverged": self.diverged,
            "mark_tampered": self.mark_tampered,
            "integrity_failed_recorded": self.integrity_failed,
            "read_only": not self.clean,
        }


_states: weakref.WeakKeyDictionary[Database, StoreState] = weakref.WeakKeyDictionary()
_passphrase_keys: dict[tuple[str, str], bytes] = {}


def state_of(db: Database) -> StoreState:
    """The state found when *db* was opened by :func:`app.db.store.open_store`."""
    return _states.get(db, StoreState())


# -- keys and documents -------------------------------------------------------


def mac_key(store_id: str, *, raw_key: bytes | None, passphrase: str | None) -> bytes:
    """The mark's HMAC key: derived from the database key or the passphrase, never either."""
    if raw_key is not None:
        return hmac.new(raw_key, _LABEL + store_id.encode(), hashlib.sha256).digest()
    assert passphrase is not None
    text = normalise_passphrase(passphrase)
    cached = _passphrase_keys.get((store_id, text))
    if cached is None:
        cached = hashlib.pbkdf2_hmac(
            "sha512", text.encode("utf-8"), _LABEL + store_id.encode(), _PASSPHRASE_ITER, 32
        )
        _passphrase_keys[(store_id, text)] = cached
    return cached


def _body(mark: Mark) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": MARK_FORMAT,
        "store_id": mark.store_id,
        "last_id": mark.head.last_id,
        "last_hash": mark.head.last_hash,
    }
    if mark.found is not None:
        body["found_id"] = mark.found.last_id
        body["found_hash"] = mark.found.last_hash
    return body


def _mac(key: bytes, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def encode(mark: Mark, key: bytes) -> str:
    body = _body(mark)
    return json.dumps({**body, "mac": _mac(key, body)}, sort_keys=True)


def decode(text: str, key: bytes, store_id: str) -> Mark | _Tampered | None:
    """The mark in *text*; ``None`` if it belongs to another store; TAMPERED if forged."""
    try:
        document = json.loads(text)
        if not isinstance(document, dict):
            return TAMPERED
        if document.get("store_id") != store_id:
            return None  # a mark left by an earlier store of this folder
        mac = str(document.pop("mac"))
        if not hmac.compare_digest(_mac(key, document), mac):
            return TAMPERED
        head = Head(int(document["last_id"]), str(document["last_hash"]))
        found = None
        if "found_id" in document:
            found = Head(int(document["found_id"]), str(document["found_hash"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return TAMPERED
    return Mark(store_id, head, found)


# -- where the marks live -----------------------------------------------------


class MarkKeeper:
    """Reads and writes the marks of one store (file, and keyring entry in keyring mode)."""

    def __init__(self, folder: Path, store_id: str, key: bytes, *, keyring_mode: bool) -> None:
        self.folder = folder
        self.store_id = store_id
        self._key = key
        self.keyring_mode = keyring_mode
        self.current: Head | None = None
        self._keyring_written: Head | None = None
        self._keyring_at = 0.0
        self.file_mark: Mark | None = None

    @property
    def path(self) -> Path:
        return self.folder / MARK_FILENAME

    @property
    def keyring_name(self) -> str:
        return KEYRING_PREFIX + self.store_id

    def read(self) -> list[Mark | _Tampered]:
        """The marks found (absent ones and other stores' are left out)."""
        found: list[Mark | _Tampered] = []
        try:
            text: str | None = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = None
        except (OSError, UnicodeDecodeError):
            found.append(TAMPERED)
            text = None
        if text:  # an empty file: a crash before its bytes reached the disk
            mark = decode(text, self._key, self.store_id)
            if mark is not None:
                found.append(mark)
            self.file_mark = mark if isinstance(mark, Mark) else None
        if self.keyring_mode:
            stored = keystore.get_secret(self.keyring_name)
            if stored is not None:
                mark = decode(stored, self._key, self.store_id)
                if mark is not None:
                    found.append(mark)
        return found

    def write(self, mark: Mark, *, keyring: bool = True) -> None:
        """Write *mark* to the file, and to the keyring unless *keyring* is False."""
        text = encode(mark, self._key)
        _replace_quickly(self.path, text.encode("utf-8"))
        self.current = mark.head if mark.found is None else None
        if keyring and self.keyring_mode:
            keystore.set_secret(self.keyring_name, text)
            self._keyring_written = mark.head
            self._keyring_at = time.monotonic()

    def follow(self, db: Database) -> None:
        """After a commit: write the new head if the journal grew (a cheap no-op otherwise)."""
        head = read_head(db)
        if head is None or head == self.current:
            return
        due = time.monotonic() - self._keyring_at >= KEYRING_INTERVAL_S
        try:
            self.write(Mark(self.store_id, head), keyring=due)
        except (OSError, StoreError) as exc:  # the data is committed; the mark lags behind
            log.warning("watermark not written", extra={"error": type(exc).__name__})

    def flush(self) -> None:
        """On close: bring the keyring copy up to date with the file."""
        if not self.keyring_mode or self.current is None:
            return
        if self._keyring_written == self.current:
            return
        with contextlib.suppress(OSError, StoreError):
            keystore.set_secret(
                self.keyring_name, encode(Mark(self.store_id, self.current), self._key)
            )
            self._keyring_written = self.current


def _replace_quickly(path: Path, data: bytes) -> None:
    """Replace *path* atomically (new private file, ``O_EXCL|O_NOFOLLOW``, then rename).

    No ``fsync``: the mark is then exactly as durable as the commits it follows
    (``synchronous = NORMAL`` does not sync each commit either), and a commit
    stays a few milliseconds. A mark lost in a crash is only behind the data,
    which moves it silently at the next open.
    """
    tmp, fd = create_private(path.parent)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def read_head(db: Database) -> Head | None:
    row = db.query_one("SELECT last_id, last_hash FROM journal_head WHERE id = 1")
    return None if row is None else Head(int(row[0]), str(row[1]))


def _chain_passes_through(db: Database, head: Head) -> bool | None:
    """Whether the journal's entry ``head.last_id`` has ``head.last_hash``.

    ``None`` when retention removed it (and it is not the recorded chain start).
    """
    row = db.query_one("SELECT hash FROM journal WHERE id = ?", (head.last_id,))
    if row is not None:
        return hmac.compare_digest(str(row[0]), head.last_hash)
    trimmed = db.query_one("SELECT trimmed_upto, trimmed_hash FROM journal_head WHERE id = 1")
    if trimmed is not None and int(trimmed[0]) == head.last_id:
        return hmac.compare_digest(str(trimmed[1]), head.last_hash)
    if trimmed is not None and head.last_id < int(trimmed[0]):
        return None
    return head.last_id == 0


# -- integrity marker ---------------------------------------------------------


def record_integrity_failure(folder: Path, store_id: str, problems: int) -> None:
    """Remember a failed integrity check: later opens of this store are read-only."""
    document = {
        "store_id": store_id,
        "failed_at": get_clock().now().isoformat(),
        "problems": problems,
    }
    atomic_write(
        folder / INTEGRITY_FILENAME, json.dumps(document).encode(), role="integrity", ref=store_id
    )


def integrity_failure_recorded(folder: Path, store_id: str) -> bool:
    try:
        document = json.loads((folder / INTEGRITY_FILENAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True  # unreadable: keep to the safe side
    return not isinstance(document, dict) or document.get("store_id") == store_id


# -- at open ------------------------------------------------------------------


def check_at_open(db: Database, keeper: MarkKeeper, *, quick_check: bool = True) -> StoreState:
    """Compare the database with its marks; restrict writes unless all is well.

    Also checks every page (HMAC, then ``PRAGMA quick_check``: a few ms on a
    small store) and honours a failed integrity check recorded earlier.
    """
    integrity_failed = integrity_failure_recorded(keeper.folder, keeper.store_id)
    if not integrity_failed and quick_check:
        problems = db.integrity_problems(quick=True)  # HMAC of every page, then quick_check
        if problems:
            integrity_failed = True
            with contextlib.suppress(OSError):
                record_integrity_failure(keeper.folder, keeper.store_id, len(problems))
    head = read_head(db)
    state = StoreState(integrity_failed=integrity_failed)
    if head is not None:
        state = _compare(db, keeper, head, state)
    _states[db] = state
    if state.clean:
        db.on_commit(lambda: keeper.follow(db))
        db.on_close(keeper.flush)
    else:
        db.restrict_writes(f"{REFUSED_PREFIX} {state.message()}")
        log.warning("store opened read-only", extra={"event": "store_read_only", **state.as_json()})
    return state


def _compare(db: Database, keeper: MarkKeeper, head: Head, state: StoreState) -> StoreState:
    marks = keeper.read()
    tampered = any(m is TAMPERED for m in marks)
    authentic = [m for m in marks if isinstance(m, Mark)]
    if not authentic:
        if not tampered:
            keeper.write(Mark(keeper.store_id, head))  # first open with a mark
            return state
        return _replace(state, mark_tampered=True)
    best = max(authentic, key=lambda m: m.head.last_id)
    if best.found is not None and (
        best.found == head or _chain_passes_through(db, best.found) is True
    ):
        # Noticed before and not accepted yet: count from the head found then.
        return _replace(
            state,
            rollback_detected=True,
            missing_entries=max(best.head.last_id - best.found.last_id, 0),
            diverged=best.found.last_id >= best.head.last_id,
            mark_tampered=tampered,
        )
    if head == best.head:
        keeper.current = head
        if not tampered and (keeper.file_mark is None or keeper.file_mark.head != head):
            keeper.write(Mark(keeper.store_id, head), keyring=False)  # the file lagged
        return _replace(state, mark_tampered=tampered)
    if head.last_id > best.head.last_id and _chain_passes_through(db, best.head) is not False:
        if not tampered:
            keeper.write(Mark(keeper.store_id, head))  # ahead: a crash before the mark
        return _replace(state, mark_tampered=tampered)
    missing = max(best.head.last_id - head.last_id, 0)
    diverged = head.last_id >= best.head.last_id or _chain_passes_through(db, head) is False
    with contextlib.suppress(OSError, StoreError):
        keeper.write(Mark(keeper.store_id, best.head, found=head))
    return _replace(
        state,
        rollback_detected=True,
        missing_entries=missing,
        diverged=diverged and missing == 0,
        mark_tampered=tampered,
    )


def _replace(state: StoreState, **changes: Any) -> StoreState:
    from dataclasses import replace

    return replace(state, **changes)


# -- accepting a restore ------------------------------------------------------

_keepers: weakref.WeakKeyDictionary[Database, MarkKeeper] = weakref.WeakKeyDictionary()


def attach(db: Database, keeper: MarkKeeper) -> None:
    _keepers[db] = keeper


class NothingToAcceptError(StoreError):
    code = "nothing_to_accept"
    default_message = QT_TRANSLATE_NOOP(
        "db",
        "Aucun retour en arrière ni repère modifié n’a été constaté sur cette base\u00a0: "
        "il n’y a rien à accepter.",
    )


def accept_restore(db: Database, user: str | Session) -> StoreState:
    """A référent accepts the database as it is: journaled, then the mark moves to it.

    Only a rollback or a tampered mark can be accepted; a failed integrity
    check needs the repair (export, re-creation, import). Returns the state
    that was accepted.
    """
    require(db, user, Permission.FORGET_STATION)
    state = state_of(db)
    keeper = _keepers.get(db)
    if keeper is None or not (state.rollback_detected or state.mark_tampered):
        raise NothingToAcceptError()
    login = user.login if isinstance(user, Session) else user
    detail = (
        f"restauration acceptée (entrées du journal manquantes : {state.missing_entries})"
        if state.rollback_detected
        else "restauration acceptée : repère d’état non authentique"
    )
    with db.transaction() as cur:
        journal.append(cur, get_clock().now(), login, JournalAction.UPDATE, None, detail)
    head = read_head(db)
    assert head is not None
    keeper.write(Mark(keeper.store_id, head))
    log.warning("restore accepted", extra={"event": "restore_accepted", **state.as_json()})
    return state


def open_checks(
    db: Database,
    folder: Path,
    store_id: str,
    *,
    raw_key: bytes | None,
    passphrase: str | None,
    quick_check: bool = True,
) -> StoreState:
    """What :func:`app.db.store.open_store` runs last: the marks and the integrity checks."""
    if (
        db.query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal_head'")
        is None
    ):
        return StoreState()  # a schema older than the journal's head (opened without migrating)
    key = mac_key(store_id, raw_key=raw_key, passphrase=passphrase)
    keeper = MarkKeeper(folder, store_id, key, keyring_mode=raw_key is not None)
    attach(db, keeper)
    return check_at_open(db, keeper, quick_check=quick_check)

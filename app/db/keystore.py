"""The OS keyring, seen by the store: one entry per database, never in clear on disk.

Service ``tracing-desk``, user name = the store id, value = the 256-bit raw key
as 64 lowercase hex characters. Backends that cannot keep a secret safely are
refused (:func:`check_backend`): keyring's ``fail`` and ``null`` backends,
keyrings.alt's plaintext file backends, a remote (Google Docs) backend, and a
chainer or multipart wrapper with nothing acceptable inside. Nothing here ever
logs or formats the key.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app import paths
from app.db.errors import KeyringAccessError, KeyringRefusedError, WrongKeyError
from app.files import atomic_write

SERVICE = "tracing-desk"
KEY_BYTES = 32
#: keyring's own variable naming the backend to use ("module.Class").
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"

# Backends refused wherever they appear in a backend's class hierarchy,
# by "module.QualName" so that keyrings.alt need not be installed.
_REFUSED: dict[str, str] = {
    "keyring.backends.fail.Keyring": "aucun trousseau du système n’a été trouvé",
    "keyring.backends.null.Keyring": "le trousseau « null » ne conserve rien",
    "keyrings.alt.file.PlaintextKeyring": "le trousseau fichier de keyrings.alt est en clair",
    "keyrings.alt.pyfs.PlaintextKeyring": "le trousseau fichier de keyrings.alt est en clair",
    "keyrings.alt.Google.DocsKeyring": "le trousseau Google Docs envoie la clé hors du poste",
}
_CHAINER = "keyring.backends.chainer.ChainerBackend"
_MULTIPART = "keyrings.alt.multi.MultipartKeyringWrapper"
#: Backends that mean "no keyring at all" (rather than one refused as unsafe).
_NO_KEYRING = frozenset(
    {_CHAINER, "keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"}
)


def _keyring() -> KeyringBackend:
    """``keyring.get_keyring()``, a wrong ``PYTHON_KEYRING_BACKEND`` told in French.

    keyring imports the class the variable names when it is first asked for
    a backend: a misspelt name raises ``ModuleNotFoundError``,
    ``AttributeError``, ``ValueError``… which would reach the user as a
    traceback. It becomes :class:`KeyringRefusedError` naming the variable.
    """
    try:
        return keyring.get_keyring()
    except Exception as exc:  # whatever importing the named class raised
        name = os.environ.get(ENV_BACKEND)
        if name is None:
            raise KeyringAccessError(detail=type(exc).__name__) from None
        raise KeyringRefusedError(
            f"La variable d’environnement {ENV_BACKEND} désigne un trousseau introuvable "
            f"ou inutilisable («\u202f{name}\u202f»). Corrigez-la (par exemple "
            "keyring.backends.SecretService.Keyring) ou supprimez-la pour utiliser le "
            "trousseau du système, puis relancez le programme.",
            detail=f"{ENV_BACKEND} {type(exc).__name__}",
        ) from None


def _qualnames(backend: object) -> list[str]:
    return [f"{cls.__module__}.{cls.__qualname__}" for cls in type(backend).__mro__]


def _refusal(backend: object) -> str | None:
    """Why *backend* cannot hold the key, or ``None`` if it can."""
    names = _qualnames(backend)
    for name in names:
        if name in _REFUSED:
            return _REFUSED[name]
    if _MULTIPART in names:
        inner = getattr(backend, "_keyring", None)
        return "enveloppe sans trousseau" if inner is None else _refusal(inner)
    if _CHAINER in names:
        return None if _usable_in_chain(backend) is not None else "aucun trousseau utilisable"
    return None


def _usable_in_chain(chainer: object) -> KeyringBackend | None:
    try:
        chain = list(getattr(chainer, "backends", []))
    except Exception:  # a backend's priority may raise while the chain is built
        return None
    for member in chain:
        if isinstance(member, KeyringBackend) and _refusal(member) is None:
            return member
    return None


def _effective_backend() -> KeyringBackend:
    """The backend entries are read from and written to.

    For a chainer, the first acceptable backend of the chain: a plaintext
    backend further down the chain is never written to nor read from.
    """
    backend = _keyring()
    if _CHAINER in _qualnames(backend):
        member = _usable_in_chain(backend)
        if member is not None:
            return member
    return backend


def backend_name() -> str:
    """The keyring backend in use, e.g. ``keyring.backends.SecretService.Keyring``.

    Technical (``doctor --json``, logs); :func:`backend_description` is what a person reads.
    """
    try:
        backend = _keyring()
    except KeyringRefusedError:
        return f"{ENV_BACKEND}={os.environ.get(ENV_BACKEND, '')} (introuvable)"
    except KeyringAccessError:
        return "(indisponible)"
    name = _qualnames(backend)[0]
    if _CHAINER in _qualnames(backend):
        member = _usable_in_chain(backend)
        inner = _qualnames(member)[0] if member is not None else "aucun"
        return f"{name} -> {inner}"
    return name


_FRIENDLY: dict[str, str] = {
    "keyring.backends.SecretService.Keyring": "trousseau du système (Secret Service)",
    "keyring.backends.libsecret.Keyring": "trousseau du système (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "trousseau du système (KWallet)",
    "keyring.backends.Windows.WinVaultKeyring": "Gestionnaire d’identification de Windows",
    "keyring.backends.macOS.Keyring": "trousseau de macOS",
}


def backend_description(*, passphrase_mode: bool = False) -> str:
    """The keyring in use, in French, for the « À propos » box and ``doctor``.

    *passphrase_mode*: the store does without the keyring (its key is derived
    from the passphrase, the sync token is in the database).
    """
    try:
        backend = _keyring()
    except KeyringRefusedError:
        return f"réglage {ENV_BACKEND} incorrect («\u202f{os.environ.get(ENV_BACKEND, '')}\u202f»)"
    except KeyringAccessError:
        return "trousseau du système indisponible"
    if _CHAINER in _qualnames(backend):
        member = _usable_in_chain(backend)
        backend = member if member is not None else backend
    reason = _refusal(backend)
    if reason is not None:
        absent = set(_qualnames(backend)) & _NO_KEYRING
        text = "aucun trousseau" if absent else f"trousseau refusé ({reason})"
        return f"{text} (mode phrase secrète)" if passphrase_mode else text
    name = _qualnames(backend)[0]
    return _FRIENDLY.get(name, f"trousseau «\u202f{type(backend).__name__}\u202f»")


def check_backend() -> None:
    """Raise :class:`KeyringRefusedError` unless the keyring can keep the key safely."""
    backend = _keyring()
    reason = _refusal(backend)
    if reason is not None:
        raise KeyringRefusedError(detail=f"{_qualnames(backend)[0]} : {reason}")


def get_key(store_id: str) -> bytes | None:
    """The raw key of store *store_id*, or ``None`` when the keyring has no entry."""
    check_backend()
    try:
        value = _effective_backend().get_password(SERVICE, store_id)
    except keyring.errors.KeyringError as exc:
        raise KeyringAccessError(detail=type(exc).__name__) from None
    if value is None:
        return None
    text = value.strip().lower()
    if len(text) != 2 * KEY_BYTES or any(c not in "0123456789abcdef" for c in text):
        raise WrongKeyError(
            "La valeur enregistrée dans le trousseau pour cette base n’est pas une clé "
            "valide : la base n’a pas été modifiée. Restaurez la clé avec "
            "« tracing-desk recover » et votre code de récupération."
        )
    return bytes.fromhex(text)


def _remember(name: str) -> None:
    """Note *name* in the data folder's list of keyring entries (names only, 0600)."""
    folder = paths.data_dir(create=False)
    if not folder.is_dir():
        return
    names = remembered_entries(folder)
    if name in names:
        return
    target = folder / paths.KEYRING_ENTRIES_FILENAME
    atomic_write(target, json.dumps([*names, name]).encode("utf-8"), role="keyring_list")


def remembered_entries(folder: Path) -> list[str]:
    """The keyring entry names the program created for the store in *folder*."""
    try:
        data = json.loads((folder / paths.KEYRING_ENTRIES_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(n) for n in data if isinstance(n, str)] if isinstance(data, list) else []


def set_key(store_id: str, key: bytes) -> None:
    """Store *key* (32 bytes) for *store_id*, replacing any previous entry."""
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    check_backend()
    try:
        _effective_backend().set_password(SERVICE, store_id, key.hex())
    except keyring.errors.KeyringError as exc:
        raise KeyringAccessError(detail=type(exc).__name__) from None
    _remember(store_id)


def delete_key(store_id: str) -> None:
    """Remove the entry of *store_id*; no error if there is none.

    Nothing to do with a refused backend (no keyring, a plaintext one…): the
    program never wrote to it (every write checks the backend first).
    """
    if _refusal(_keyring()) is not None:
        return
    try:
        _effective_backend().delete_password(SERVICE, store_id)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise KeyringAccessError(detail=type(exc).__name__) from None


def get_secret(name: str) -> str | None:
    """Another secret of the program kept under service ``tracing-desk`` (e.g. a sync token).

    *name* must not be a store id (those are UUIDs): callers use a prefix.
    """
    check_backend()
    try:
        return _effective_backend().get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise KeyringAccessError(detail=type(exc).__name__) from None


def set_secret(name: str, value: str) -> None:
    """Keep *value* under *name* in the keyring (refused keyrings raise, never a file)."""
    check_backend()
    try:
        _effective_backend().set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise KeyringAccessError(detail=type(exc).__name__) from None
    _remember(name)


def delete_secret(name: str) -> None:
    """Remove the secret *name*; no error if there is none."""
    delete_key(name)

"""Recovery codes and the recovery file that wraps the database secret.

The code is 32 Crockford base32 characters shown as 8 groups of 4
(``7KQ2-…``): 30 random characters (150 bits) and 2 check characters that
catch most typing mistakes before the slow key derivation. Typing is
forgiving: case, spaces, dashes, ``O``/``o`` for ``0`` and ``I``/``i``/``L``/``l``
for ``1`` are accepted.

The recovery file (JSON, mode 0600, written atomically) holds no personal
data: format version, store id, what is wrapped (the raw key, or in passphrase
mode the passphrase), the KDF and its parameters, salt, nonce and the AES-256-GCM
ciphertext. The associated data binds the store id, the kind of secret and
the KDF parameters, so a file moved to another store, or edited, is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.db.errors import RecoveryCodeError, RecoveryFileError
from app.files import atomic_write

try:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    HAVE_ARGON2 = True
except ImportError:  # pragma: no cover - cryptography built without Argon2
    HAVE_ARGON2 = False

SecretKind = Literal["raw-key", "passphrase"]

FORMAT = "tracing-desk-recovery"
FORMAT_VERSION = 1
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
CODE_CHARS = 32
CHECK_CHARS = 2
GROUP = 4

# RFC 9106's second recommended Argon2id option (64 MiB, 3 passes, 4 lanes):
# about 0.1 s here, so tests use the real parameters.
ARGON2_PARAMS: dict[str, int] = {"memory_cost": 64 * 1024, "iterations": 3, "lanes": 4}
SCRYPT_PARAMS: dict[str, int] = {"n": 2**17, "r": 8, "p": 1}
_TRANSLATE = str.maketrans({"O": "0", "I": "1", "L": "1"})


# -- codes -------------------------------------------------------------------


def _check_chars(body: str) -> str:
    digest = hashlib.sha256(b"tracing-desk recovery code" + body.encode("ascii")).digest()
    value = int.from_bytes(digest[:2], "big") % (len(ALPHABET) ** CHECK_CHARS)
    return ALPHABET[value // len(ALPHABET)] + ALPHABET[value % len(ALPHABET)]


def format_code(code: str) -> str:
    """Groups of 4 joined by dashes, for display and printing."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def generate_code() -> str:
    """A new recovery code, formatted ``XXXX-XXXX-…`` (8 groups)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS - CHECK_CHARS))
    return format_code(body + _check_chars(body))


def canonical_chars(text: str) -> str:
    """Typed code characters as the code holds them: upper case, no separators, O→0, I/L→1."""
    return "".join(c for c in text.upper() if c not in " -_\t\r\n.").translate(_TRANSLATE)


def normalise_code(code: str) -> str:
    """The 32 canonical characters of a typed code; :class:`RecoveryCodeError` if malformed."""
    text = canonical_chars(code)
    if len(text) != CODE_CHARS or any(c not in ALPHABET for c in text):
        raise RecoveryCodeError(
            "Ce code de récupération n’a pas le bon format : il compte 32 caractères "
            "(chiffres et lettres, sans I, L, O ni U), en 8 groupes de 4. Vérifiez la saisie.",
            detail=f"{len(text)} caractères",
        )
    body, check = text[:-CHECK_CHARS], text[-CHECK_CHARS:]
    if _check_chars(body) != check:
        raise RecoveryCodeError(
            "Ce code de récupération contient une faute de frappe (la somme de contrôle "
            "ne correspond pas). Relisez-le caractère par caractère."
        )
    return text


# -- key derivation and wrapping -----------------------------------------------


def _derive(code: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    secret = normalise_code(code).encode("ascii")
    name = kdf.get("name")
    if name == "argon2id":
        if not HAVE_ARGON2:  # pragma: no cover
            raise RecoveryFileError(detail="argon2id indisponible")
        return bytes(
            Argon2id(
                salt=salt,
                length=32,
                iterations=int(kdf["iterations"]),
                lanes=int(kdf["lanes"]),
                memory_cost=int(kdf["memory_cost"]),
            ).derive(secret)
        )
    if name == "scrypt":
        return bytes(
            Scrypt(salt=salt, length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])).derive(
                secret
            )
        )
    raise RecoveryFileError(detail=f"kdf inconnue : {name}")


def _aad(store_id: str, kind: str, kdf: dict[str, Any]) -> bytes:
    header = {"format": FORMAT, "version": FORMAT_VERSION, "store_id": store_id, "kind": kind}
    return json.dumps({**header, "kdf": kdf}, sort_keys=True, separators=(",", ":")).encode()


def default_kdf() -> dict[str, Any]:
    if HAVE_ARGON2:
        return {"name": "argon2id", **ARGON2_PARAMS}
    return {"name": "scrypt", **SCRYPT_PARAMS}  # pragma: no cover


def wrap_key(
    key: bytes,
    code: str,
    path: Path,
    *,
    store_id: str,
    kind: SecretKind = "raw-key",
    kdf: dict[str, Any] | None = None,
) -> None:
    """Write *path*: *key* (the raw key, or a UTF-8 passphrase) encrypted under *code*."""
    params = dict(kdf) if kdf is not None else default_kdf()
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapping = _derive(code, salt, params)
    ciphertext = AESGCM(wrapping).encrypt(nonce, key, _aad(store_id, kind, params))
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "store_id": store_id,
        "kind": kind,
        "kdf": params,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ciphertext).decode(),
    }
    write_private_file(path, (json.dumps(document, indent=2) + "\n").encode())


@dataclass(frozen=True)
class Unwrapped:
    secret: bytes
    store_id: str
    kind: SecretKind


@dataclass(frozen=True)
class RecoveryHeader:
    store_id: str
    kind: SecretKind


def _load(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RecoveryFileError(detail="absent") from None
    except (OSError, ValueError) as exc:
        raise RecoveryFileError(detail=type(exc).__name__) from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or not isinstance(document.get("kdf"), dict)
        or document.get("kind") not in ("raw-key", "passphrase")
        or not isinstance(document.get("store_id"), str)
    ):
        raise RecoveryFileError(detail="format")
    if document.get("version") != FORMAT_VERSION:
        raise RecoveryFileError(detail=f"version {document.get('version')}")
    return document


def read_header(path: Path) -> RecoveryHeader:
    """Store id and kind of secret of a recovery file, without the code."""
    document = _load(path)
    return RecoveryHeader(document["store_id"], document["kind"])


def unwrap(code: str, path: Path) -> Unwrapped:
    """The secret wrapped in *path*; :class:`RecoveryCodeError` if *code* is not its code."""
    document = _load(path)
    try:
        salt = base64.b64decode(document["salt"], validate=True)
        nonce = base64.b64decode(document["nonce"], validate=True)
        ciphertext = base64.b64decode(document["ciphertext"], validate=True)
    except (KeyError, TypeError, ValueError):
        raise RecoveryFileError(detail="champs") from None
    kdf: dict[str, Any] = document["kdf"]
    wrapping = _derive(code, salt, kdf)
    try:
        secret = AESGCM(wrapping).decrypt(
            nonce, ciphertext, _aad(document["store_id"], document["kind"], kdf)
        )
    except InvalidTag:
        raise RecoveryCodeError() from None
    return Unwrapped(secret, document["store_id"], document["kind"])


def unwrap_key(code: str, path: Path, *, store_id: str | None = None) -> bytes:
    """The secret wrapped in *path*, checking it belongs to *store_id* when given."""
    result = unwrap(code, path)
    if store_id is not None and result.store_id != store_id:
        raise RecoveryCodeError(
            "Ce fichier de récupération appartient à une autre base de données "
            "que celle de ce dossier. Contactez le service informatique.",
            detail="store id",
        )
    return result.secret


def rewrap(code: str, path: Path, secret: bytes, *, dest: Path | None = None) -> None:
    """Wrap a new *secret* under the same *code* as *path*, into *dest* (default: *path*).

    Same store id, kind of secret and KDF parameters; a fresh salt and nonce.
    The code is checked against *path* first (:class:`RecoveryCodeError`), so
    a file is never re-wrapped under a code that did not open it: after a
    forgotten passphrase is replaced, the same printed code opens the new one.
    """
    document = _load(path)
    unwrap(code, path)
    wrap_key(
        secret,
        code,
        dest if dest is not None else path,
        store_id=document["store_id"],
        kind=document["kind"],
        kdf=document["kdf"],
    )


# -- files -------------------------------------------------------------------


def write_private_file(path: Path, data: bytes, *, role: str = "recovery") -> None:
    """Replace *path* atomically with *data* (``app.files.atomic_write``).

    A new file under a random name (``O_EXCL``/``O_NOFOLLOW``, 0600), fsync,
    rename, fsync of the folder: a link planted at *path* is replaced, never
    written through.
    """
    atomic_write(path, data, role=role)

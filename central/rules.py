"""What the central service does with one delivered fiche: check it, then store it exactly once.

Results (protocol version 1):

- ``accepted`` with the central ``reference`` (stable for the fiche across
  versions); ``replayed`` is true when that UUID + version had already been
  received with the same payload (a duplicate delivery: nothing is stored twice);
- ``rejected`` with a ``code`` and a French ``message`` the nurse can act on
  (``fiche_non_validee``: a draft, refused before its content is read — a draft
  never leaves the station; ``fiche_incomplete``: a validated fiche that fails
  the validation rules; ``fiche_non_attribuable``: the UUID belongs to another
  partner — the same answer whatever that fiche holds, so that it reveals
  neither its existence nor its version; ``format_non_pris_en_charge``: a
  document format outside the range this service reads;
  ``champ_requis_inconnu``: the sender names a field this service must
  understand and does not — :mod:`central.formats`; any other unknown field
  is ignored);
- ``conflict``: the same UUID + version was received with a different payload,
  or a newer version of the fiche is already held (same partner only).

Rejection messages name fields and rules, never the values typed (no personal
data in anything the service could log or keep for idempotent replays):
:func:`value_free` renders the client's validation messages without them.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import uuid as uuid_mod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.enums import FicheKind, LifecycleState
from app.core.labels import field_key, field_label
from app.core.models import Fiche, PatientZero
from app.core.retention import MAX_MONTHS, deadline
from app.core.serialize import FORMAT, FORMAT_KEY, MAX_INT, DecodeError, fiche_from_dict
from app.core.validation import check_for_validation
from central import formats
from central.clock import parse_instant, to_text
from central.storage import DEFAULT_TIMEZONE, Tx, month_of

#: The 3-month limit is counted on the establishment's calendar (the partner's
#: time zone) and on UTC's, the earlier applying, as the client does.
RETENTION_TZ = DEFAULT_TIMEZONE
#: Versions are 1 … 2³¹−1, as the client stores them.
MAX_VERSION = MAX_INT
#: Longest text of one field: what the client's one-line entry fields hold (Qt's
#: ``QLineEdit`` default maximum length, no field of the form sets a lower one).
MAX_TEXT_CHARS = 32767
_REF_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: The document's lifecycle key (``etat``): a draft is refused before any content check.
_STATE_KEY = field_key(Fiche, "state")
CODE_DRAFT = "fiche_non_validee"
MESSAGE_DRAFT = (
    "Fiche non validée (brouillon)\u00a0: un brouillon ne quitte jamais le poste. "
    "Validez la fiche pour la transmettre."
)
#: A UUID first delivered by another partner: one answer, whatever that fiche holds.
CODE_NOT_YOURS = "fiche_non_attribuable"
MESSAGE_NOT_YOURS = (
    "Cet identifiant de fiche ne peut pas être utilisé par ce compte partenaire\u00a0: "
    "la fiche n’a pas été reçue. Contactez le support du service central."
)

#: Parameters of the client's validation messages that carry no personal value.
_SAFE_PARAMS = frozenset({"field", "years", "days", "number", "count", "kind"})
_FIELD_PATH = re.compile(r"^[a-z_]{1,40}(\[\d{1,4}\])?(\.[a-z_]{1,40}(\[\d{1,4}\])?){0,4}$")


def value_free(template: str, params: Mapping[str, Any]) -> str:
    """A validation message with every value-bearing parameter left out.

    ``Adresse e-mail invalide « {text} ».`` becomes ``Adresse e-mail invalide.``;
    ``La clé du NIR ne correspond pas (clé attendue : {key}).`` becomes ``La clé
    du NIR ne correspond pas.``: the field and the rule stay, the value goes.
    """
    text = template
    for name in params:
        if name in _SAFE_PARAMS:
            continue
        slot = re.escape("{" + name + "}")
        text = re.sub(r"\s*\([^()]*" + slot + r"[^()]*\)", "", text)
        text = re.sub(r"\s*«\s*" + slot + r"\s* »", "", text)
        text = re.sub(r"\s*(?:\b(?:du|le|la|de|des)\s+)?" + slot, "", text)
    safe = {k: v for k, v in params.items() if k in _SAFE_PARAMS}
    try:
        return text.format(**safe).strip()
    except (KeyError, IndexError, ValueError):
        return "valeur refusée par les règles de validation."


def _issue_message(path: str, template: str, params: Mapping[str, Any]) -> str:
    """``Label\u00a0: rule`` for one validation issue, without the value."""
    message = value_free(template, params)
    if "field" in params:
        return message
    for candidate in (path, re.sub(r"\[\d+\]", "", path)):
        try:
            return f"{field_label(candidate)}\u00a0: {message}"
        except KeyError:
            continue
    return message


@dataclass
class Result:
    uuid: str
    version: int
    status: str
    reference: str | None = None
    code: str | None = None
    message: str | None = None
    replayed: bool = False
    current_version: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"uuid": self.uuid, "version": self.version, "status": self.status}
        if self.status == "accepted":
            out["reference"] = self.reference
            out["replayed"] = self.replayed
        else:
            out["code"] = self.code
            out["message"] = self.message
            if self.current_version is not None:
                out["current_version"] = self.current_version
        return out


@dataclass
class Checked:
    """An item that passed the checks, ready to store."""

    uuid: str
    version: int
    kind: str
    created_at: datetime
    deadline: datetime
    document: str
    payload_hash: str
    issues: list[str] = field(default_factory=list)


def canonical_hash(value: Any) -> str:
    """SHA-256 of *value*'s canonical JSON (keys sorted, no spaces, UTF-8).

    A lone surrogate (refused later, fiche by fiche) is hashed as is, not raised.
    """
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def payload_hash(item: dict[str, Any]) -> str:
    return canonical_hash(item)


def _too_long_text(doc: Any) -> str | None:
    """The path of the first text of *doc* longer than :data:`MAX_TEXT_CHARS`, else ``None``."""
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                return path
        elif isinstance(value, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
    return None


def new_reference() -> str:
    """``CC-XXXX-XXXX-XXXX``: 60 random bits, Crockford base32."""
    chars = "".join(secrets.choice(_REF_ALPHABET) for _ in range(12))
    return f"CC-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def _reject(uuid: str, version: int, code: str, message: str) -> Result:
    return Result(uuid, version, "rejected", code=code, message=message)


def _draft(uuid: str, version: int) -> Result:
    """Art. 5 II: a draft (*initialisée*) never leaves the station; only validated fiches go."""
    return _reject(uuid, version, CODE_DRAFT, MESSAGE_DRAFT)


def _undecodable(uuid: str, version: int, exc: DecodeError) -> Result:
    where = exc.path if exc.path and _FIELD_PATH.match(exc.path) else "document"
    return _reject(
        uuid,
        version,
        "document_invalide",
        f"Document illisible\u00a0: champ «\u202f{where}\u202f» de type ou de valeur non admis.",
    )


def check_item(item: dict[str, Any], now: datetime, tz: str = RETENTION_TZ) -> Checked | Result:
    """Check one item of a batch (no storage involved); *tz*: the partner's time zone."""
    raw_uuid = item.get("uuid")
    version = item.get("version")
    uuid = str(raw_uuid)
    vers = version if isinstance(version, int) and not isinstance(version, bool) else 0
    try:
        if str(uuid_mod.UUID(uuid)) != uuid:
            raise ValueError
    except ValueError:
        return _reject(uuid, vers, "uuid_invalide", "Identifiant de fiche (UUID) invalide.")
    if not 1 <= vers <= MAX_VERSION:
        return _reject(
            uuid,
            min(max(vers, 0), MAX_VERSION),
            "version_invalide",
            "Numéro de version invalide (1 à 2\u202f147\u202f483\u202f647).",
        )
    try:
        created_at = parse_instant(str(item.get("created_at")))
    except ValueError:
        return _reject(uuid, vers, "date_creation_invalide", "Instant de création invalide.")
    limit = deadline(created_at, tz, MAX_MONTHS)
    if now >= limit:
        return _reject(
            uuid,
            vers,
            "delai_conservation_depasse",
            "Fiche créée il y a plus de 3 mois\u00a0: le service central ne peut plus la "
            "recevoir (durée de conservation dépassée).",
        )
    if created_at > now:
        return _reject(
            uuid,
            vers,
            "date_creation_future",
            "L’instant de création de la fiche est dans le futur\u00a0: vérifiez l’horloge "
            "du poste.",
        )
    doc = item.get("document")
    if isinstance(doc, dict) and doc.get(_STATE_KEY) == LifecycleState.DRAFT.value:
        return _draft(uuid, vers)  # refused unread: its content is never checked nor kept
    if isinstance(doc, dict) and formats.format_of(doc) is None:
        return _reject(uuid, vers, formats.CODE_FORMAT, formats.format_message())
    required = formats.unknown_required(item.get("required_fields") or ())
    if required is not None:
        return _reject(uuid, vers, formats.CODE_REQUIRED, formats.required_message(required))
    kept: Any = doc
    if isinstance(doc, dict):
        try:
            kept, _ignored = formats.understood(doc)  # unknown fields: neither read nor kept
        except DecodeError as exc:
            return _undecodable(uuid, vers, exc)
    too_long = _too_long_text(kept)
    if too_long is not None:
        where = too_long if _FIELD_PATH.match(too_long) else "document"
        return _reject(
            uuid,
            vers,
            "champ_trop_long",
            f"Champ «\u202f{where}\u202f» trop long (32\u202f767 caractères au plus).",
        )
    try:
        # A format of the range reads as the records' own once pruned (central.formats).
        fiche = fiche_from_dict({**kept, FORMAT_KEY: FORMAT} if isinstance(kept, dict) else kept)
    except DecodeError as exc:
        return _undecodable(uuid, vers, exc)
    assert isinstance(kept, dict)
    if fiche.state is LifecycleState.DRAFT:  # e.g. a document without its state
        return _draft(uuid, vers)
    if fiche.uuid != uuid or fiche.version != vers or fiche.created_at != created_at:
        return _reject(
            uuid,
            vers,
            "envoi_incoherent",
            "L’identifiant, la version ou l’instant de création ne correspondent pas au "
            "document de la fiche.",
        )
    kind = fiche.kind.value
    if item.get("type") != kind:
        return _reject(
            uuid, vers, "envoi_incoherent", "Le type de fiche ne correspond pas au document."
        )
    disclosure = item.get("identity_disclosure")
    expected = (
        fiche.identity_disclosure.value
        if isinstance(fiche, PatientZero) and fiche.identity_disclosure is not None
        else None
    )
    if disclosure != expected:
        return _reject(
            uuid,
            vers,
            "envoi_incoherent",
            "Le choix de divulgation de l’identité ne correspond pas au document.",
        )
    errors = [i for i in check_for_validation(fiche, now.date()) if i.is_error]
    if errors:
        shown = " ; ".join(_issue_message(i.path, i.template, i.params) for i in errors[:3])
        more = f" (et {len(errors) - 3} autre(s))" if len(errors) > 3 else ""
        return _reject(
            uuid,
            vers,
            "fiche_incomplete",
            f"Fiche refusée par le service central : {shown}{more}",
        )
    return Checked(
        uuid=uuid,
        version=vers,
        kind=FicheKind(kind).value,
        created_at=created_at,
        deadline=limit,
        document=json.dumps(kept, ensure_ascii=False, separators=(",", ":")),
        payload_hash=payload_hash(item),
    )


def store_item(tx: Tx, partner: str, checked: Checked, now: datetime) -> Result:
    """Store a checked item exactly once for *partner* (inside the caller's transaction).

    A UUID first delivered by another partner is refused with one answer
    (:data:`CODE_NOT_YOURS`) before anything about that fiche is read.
    """
    uuid, version = checked.uuid, checked.version
    tx.lock_fiche(uuid)
    owner = tx.one("SELECT account, created_at FROM owners WHERE uuid = ?", (uuid,))
    if owner is not None and str(owner[0]) != partner:
        return _reject(uuid, version, CODE_NOT_YOURS, MESSAGE_NOT_YOURS)
    created = to_text(checked.created_at)
    if owner is not None and str(owner[1]) != created:
        return _reject(
            uuid,
            version,
            "envoi_incoherent",
            "L’instant de création ne correspond pas à celui des versions déjà reçues.",
        )
    month = month_of(checked.created_at)
    key = (partner, month, uuid)
    receipt = tx.one(
        "SELECT payload_hash, reference FROM receipts"
        " WHERE account = ? AND month = ? AND uuid = ? AND version = ?",
        (*key, version),
    )
    if receipt is not None:
        if receipt[0] == checked.payload_hash:
            return Result(uuid, version, "accepted", reference=str(receipt[1]), replayed=True)
        return Result(
            uuid,
            version,
            "conflict",
            code="version_deja_recue",
            message=(
                f"La version {version} de cette fiche a déjà été reçue avec un contenu "
                "différent\u00a0: rechargez la fiche et enregistrez-la de nouveau."
            ),
        )
    current = tx.one(
        "SELECT version, reference FROM fiches WHERE account = ? AND month = ? AND uuid = ?",
        key,
    )
    if current is not None and int(current[0]) > version:
        return Result(
            uuid,
            version,
            "conflict",
            code="version_plus_recente",
            message=(
                f"Le service central détient déjà une version plus récente de cette fiche "
                f"(version {int(current[0])})."
            ),
            current_version=int(current[0]),
        )
    reference = str(current[1]) if current is not None else new_reference()
    stamp = to_text(now)
    limit = to_text(checked.deadline)
    tx.execute(
        "INSERT INTO receipts (account, month, uuid, version, payload_hash, reference,"
        " received_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*key, version, checked.payload_hash, reference, stamp, limit),
    )
    if owner is None:
        tx.execute(
            "INSERT INTO owners (uuid, account, created_at, deadline) VALUES (?, ?, ?, ?)",
            (uuid, partner, created, limit),
        )
    else:
        tx.execute("UPDATE owners SET deadline = ? WHERE uuid = ?", (limit, uuid))
    if current is None:
        tx.execute(
            "INSERT INTO fiches (account, month, uuid, kind, version, created_at, deadline,"
            " received_at, reference, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*key, checked.kind, version, created, limit, stamp, reference, checked.document),
        )
    else:
        tx.execute(
            "UPDATE fiches SET kind = ?, version = ?, deadline = ?, received_at = ?,"
            " document = ? WHERE account = ? AND month = ? AND uuid = ?",
            (checked.kind, version, limit, stamp, checked.document, *key),
        )
    return Result(uuid, version, "accepted", reference=reference)

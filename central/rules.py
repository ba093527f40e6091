"""What the central service does with one delivered fiche: check it, then store it exactly once.

Results (protocol version 1):

- ``accepted`` with the central ``reference`` (stable for the fiche across
  versions); ``replayed`` is true when that UUID + version had already been
  received with the same payload (a duplicate delivery: nothing is stored twice);
- ``rejected`` with a ``code`` and a French ``message`` the nurse can act on
  (``fiche_non_validee``: a draft, refused before its content is read — a draft
  never leaves the station; ``fiche_incomplete``: a validated fiche that fails
  the validation rules);
- ``conflict``: the same UUID + version was received with a different payload,
  or a newer version of the fiche is already held.

Rejection messages name fields and rules, never the values typed (no personal
data in anything the service could log).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.enums import FicheKind, LifecycleState
from app.core.labels import field_key
from app.core.models import Fiche, PatientZero
from app.core.retention import MAX_MONTHS, deadline
from app.core.serialize import DecodeError, fiche_from_dict
from app.core.validation import check_for_validation
from central.clock import parse_instant, to_text
from central.storage import Tx

#: The 3-month limit is counted on the calendar of mainland France (the earlier
#: of Paris and UTC, as the client does).
RETENTION_TZ = "Europe/Paris"
_REF_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: The document's lifecycle key (``etat``): a draft is refused before any content check.
_STATE_KEY = field_key(Fiche, "state")
CODE_DRAFT = "fiche_non_validee"
MESSAGE_DRAFT = (
    "Fiche non validée (brouillon)\u00a0: un brouillon ne quitte jamais le poste. "
    "Validez la fiche pour la transmettre."
)


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


def payload_hash(item: dict[str, Any]) -> str:
    """SHA-256 of the item's canonical JSON (keys sorted, no spaces, UTF-8)."""
    canonical = json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def new_reference() -> str:
    """``CC-XXXX-XXXX-XXXX``: 60 random bits, Crockford base32."""
    chars = "".join(secrets.choice(_REF_ALPHABET) for _ in range(12))
    return f"CC-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def _reject(uuid: str, version: int, code: str, message: str) -> Result:
    return Result(uuid, version, "rejected", code=code, message=message)


def _draft(uuid: str, version: int) -> Result:
    """Art. 5 II: a draft (*initialisée*) never leaves the station; only validated fiches go."""
    return _reject(uuid, version, CODE_DRAFT, MESSAGE_DRAFT)


def check_item(item: dict[str, Any], now: datetime) -> Checked | Result:
    """Check one item of a batch (no storage involved)."""
    raw_uuid = item.get("uuid")
    version = item.get("version")
    uuid = str(raw_uuid)
    vers = version if isinstance(version, int) and not isinstance(version, bool) else 0
    try:
        if str(uuid_mod.UUID(uuid)) != uuid:
            raise ValueError
    except ValueError:
        return _reject(uuid, vers, "uuid_invalide", "Identifiant de fiche (UUID) invalide.")
    if vers < 1:
        return _reject(uuid, vers, "version_invalide", "Numéro de version invalide.")
    try:
        created_at = parse_instant(str(item.get("created_at")))
    except ValueError:
        return _reject(uuid, vers, "date_creation_invalide", "Instant de création invalide.")
    limit = deadline(created_at, RETENTION_TZ, MAX_MONTHS)
    if now >= limit:
        return _reject(
            uuid,
            vers,
            "delai_conservation_depasse",
            "Fiche créée il y a plus de 3 mois : le service central ne peut plus la "
            "recevoir (durée de conservation dépassée).",
        )
    if created_at > now:
        return _reject(
            uuid,
            vers,
            "date_creation_future",
            "L'instant de création de la fiche est dans le futur : vérifiez l'horloge du poste.",
        )
    doc = item.get("document")
    if isinstance(doc, dict) and doc.get(_STATE_KEY) == LifecycleState.DRAFT.value:
        return _draft(uuid, vers)  # refused unread: its content is never checked nor kept
    try:
        fiche = fiche_from_dict(doc)
    except DecodeError as exc:
        where = exc.path or "document"
        return _reject(
            uuid, vers, "document_invalide", f"Document illisible : {where} : {exc.reason}"
        )
    assert isinstance(doc, dict)
    if fiche.state is LifecycleState.DRAFT:  # e.g. a document without its state
        return _draft(uuid, vers)
    if fiche.uuid != uuid or fiche.version != vers or fiche.created_at != created_at:
        return _reject(
            uuid,
            vers,
            "envoi_incoherent",
            "L'identifiant, la version ou l'instant de création ne correspondent pas au "
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
            "Le choix de divulgation de l'identité ne correspond pas au document.",
        )
    errors = [i for i in check_for_validation(fiche, now.date()) if i.is_error]
    if errors:
        shown = " ; ".join(i.message for i in errors[:3])
        more = f" (et {len(errors) - 3} autre(s))" if len(errors) > 3 else ""
        return _reject(
            uuid,
            vers,
            "fiche_incomplete",
            f"Fiche refusée par le service central : {shown}{more}",
        )
    return Checked(
        uuid=uuid,
        version=vers,
        kind=FicheKind(kind).value,
        created_at=created_at,
        deadline=limit,
        document=json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
        payload_hash=payload_hash(item),
    )


def store_item(tx: Tx, account: str, checked: Checked, now: datetime) -> Result:
    """Store a checked item exactly once (inside the caller's transaction)."""
    uuid, version = checked.uuid, checked.version
    tx.lock_fiche(uuid)
    receipt = tx.one(
        "SELECT payload_hash, reference FROM receipts WHERE uuid = ? AND version = ?",
        (uuid, version),
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
                "différent : rechargez la fiche et enregistrez-la de nouveau."
            ),
        )
    current = tx.one("SELECT version, reference FROM fiches WHERE uuid = ?", (uuid,))
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
    tx.execute(
        "INSERT INTO receipts (uuid, version, payload_hash, reference, received_at, deadline)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (uuid, version, checked.payload_hash, reference, stamp, to_text(checked.deadline)),
    )
    values = (
        uuid,
        account,
        checked.kind,
        version,
        to_text(checked.created_at),
        to_text(checked.deadline),
        stamp,
        reference,
        checked.document,
    )
    if current is None:
        tx.execute(
            "INSERT INTO fiches (uuid, account, kind, version, created_at, deadline,"
            " received_at, reference, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    else:
        tx.execute(
            "UPDATE fiches SET account = ?, kind = ?, version = ?, created_at = ?,"
            " deadline = ?, received_at = ?, document = ? WHERE uuid = ?",
            (account, checked.kind, version, values[4], values[5], stamp, checked.document, uuid),
        )
    return Result(uuid, version, "accepted", reference=reference)

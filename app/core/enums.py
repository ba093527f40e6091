"""Every enumeration of the program, defined once (FIELDS.md, décret 2020-1385).

Values are stable identifiers stored in the database and sent in sync payloads;
``label`` gives the French text shown to users (translated by the UI layer).
"""

from __future__ import annotations

from enum import StrEnum


class FicheKind(StrEnum):
    PATIENT_ZERO = "patient_zero"
    CONTACT = "contact"


class LifecycleState(StrEnum):
    """Art. 5 II: initialisée (draft) → validée → transmise → clôturée."""

    DRAFT = "brouillon"
    VALIDATED = "validee"
    TRANSMITTED = "transmise"
    CLOSED = "cloturee"


class SyncState(StrEnum):
    """Where a fiche stands with the central service."""

    LOCAL = "local"  # never queued (a draft)
    PENDING = "pending"  # a version is waiting in the outbox
    SENT = "sent"  # the latest version was acknowledged
    REJECTED = "rejected"  # the central service refused the latest version
    CONFLICT = "conflict"

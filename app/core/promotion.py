"""« Promouvoir en patient zéro »: the patient zéro made from a contact's fiche.

The new fiche copies exactly the fields both record types share (read from
the models, so a field added to one type only is never copied and never
breaks the promotion), except:

- the record's own fields (identifier, state, version, instants): the new
  fiche is a new record, a draft; its creation instant is the contact's,
  because its data was first stored then (the 3 months are not restarted);
- what must be asked of the person again in their new situation: the
  consent to the communication to the social-support body (décret art. 3
  VII) is never copied from a contact to the patient zéro they become.

A contact's first-symptom date becomes the patient zéro's.
"""

from __future__ import annotations

import copy
import dataclasses

from app.core.enums import FicheKind, LifecycleState, gathering_purpose_for
from app.core.models import Contact, PatientZero

#: Fields of the record itself, never copied (French keys).
RECORD_KEYS = frozenset({"uuid", "etat", "version", "cree_le", "modifie_le"})
#: Answers that belong to the person's situation: asked again, never copied.
ASKED_AGAIN_KEYS = frozenset({"consentement_accompagnement"})


def shared_fields() -> list[str]:
    """Attribute names that both record types have and the promotion copies."""
    contact_fields = {f.name: f for f in dataclasses.fields(Contact)}
    out: list[str] = []
    for f in dataclasses.fields(PatientZero):
        other = contact_fields.get(f.name)
        if other is None or other.metadata.get("key") != f.metadata.get("key"):
            continue
        if f.metadata["key"] in RECORD_KEYS | ASKED_AGAIN_KEYS:
            continue
        out.append(f.name)
    return out


def promoted_patient_zero(contact: Contact) -> PatientZero:
    """A new draft patient zéro for the person of *contact* (which is left unchanged)."""
    pz = PatientZero(state=LifecycleState.DRAFT, created_at=contact.created_at)
    for name in shared_fields():
        setattr(pz, name, copy.deepcopy(getattr(contact, name)))
    if contact.symptoms.onset is not None:
        pz.infection.symptom_onset = contact.symptoms.onset
    for gathering in pz.gatherings:  # E-l: the patient-zéro list merges two contact items
        gathering.purpose = gathering_purpose_for(FicheKind.PATIENT_ZERO, gathering.purpose)
    return pz

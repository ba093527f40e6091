"""« Promouvoir en patient zéro »: the patient zéro made from a contact's fiche.

The new fiche copies the fields both record types share, as their metadata
says (``promote=`` in :mod:`app.core.models`, words in
:class:`app.core.fieldkinds.Promote`; read from the models, so a field added to
one type only is never copied and never breaks the promotion, and a field
added to both is copied unless its line says otherwise):

- :attr:`~Promote.DROP`, the record's own fields (identifier, state, version,
  instants): the new fiche is a new record, a draft; its creation instant is
  the contact's, because its data was first stored then (the 3 months are not
  restarted);
- :attr:`~Promote.ASK_AGAIN`, what must be asked of the person again in their
  new situation: the consent to the communication to the social-support body
  (décret art. 3 VII) is never copied from a contact to the patient zéro they
  become.

A contact's first-symptom date becomes the patient zéro's.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from app.core.enums import FicheKind, LifecycleState, gathering_purpose_for
from app.core.fieldkinds import PROMOTE, Promote
from app.core.models import Contact, PatientZero


def promotion_of(f: dataclasses.Field[Any]) -> Promote:
    """What the promotion does with field *f* (its metadata; copied when it says nothing)."""
    return Promote(f.metadata.get(PROMOTE, Promote.COPY))


def _keys_promoted(how: Promote) -> frozenset[str]:
    return frozenset(
        str(f.metadata["key"])
        for cls in (PatientZero, Contact)
        for f in dataclasses.fields(cls)
        if promotion_of(f) is how
    )


#: Fields of the record itself, never copied (French keys).
RECORD_KEYS = _keys_promoted(Promote.DROP)
#: Answers that belong to the person's situation: asked again, never copied.
ASKED_AGAIN_KEYS = _keys_promoted(Promote.ASK_AGAIN)


def shared_fields(source: type[Any] = Contact, target: type[Any] = PatientZero) -> list[str]:
    """Attribute names that both record types have and the promotion copies."""
    source_fields = {f.name: f for f in dataclasses.fields(source)}
    out: list[str] = []
    for f in dataclasses.fields(target):
        other = source_fields.get(f.name)
        if other is None or other.metadata.get("key") != f.metadata.get("key"):
            continue
        if promotion_of(f) is not Promote.COPY or promotion_of(other) is not Promote.COPY:
            continue
        out.append(f.name)
    return out


def promoted_patient_zero(contact: Contact) -> PatientZero:
    """A new draft patient zéro for the person of *contact* (which is left unchanged)."""
    pz = PatientZero(state=LifecycleState.DRAFT, created_at=contact.created_at)
    for name in shared_fields(type(contact), PatientZero):
        setattr(pz, name, copy.deepcopy(getattr(contact, name)))
    if contact.symptoms.onset is not None:
        pz.infection.symptom_onset = contact.symptoms.onset
    for gathering in pz.gatherings:  # E-l: the patient-zéro list merges two contact items
        gathering.purpose = gathering_purpose_for(FicheKind.PATIENT_ZERO, gathering.purpose)
    return pz

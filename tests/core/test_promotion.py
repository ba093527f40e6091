"""« Promouvoir en patient zéro »: shared fields from the models, never the consent."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from app.core.enums import Consent, LifecycleState
from app.core.fieldkinds import PRIVACY, PROMOTE, FieldClass, Promote
from app.core.models import Address, Contact, Exposition, PatientZero, Symptoms
from app.core.promotion import (
    ASKED_AGAIN_KEYS,
    RECORD_KEYS,
    promoted_patient_zero,
    promotion_of,
    shared_fields,
)


def _keys(cls: type) -> dict[str, str]:
    return {f.name: f.metadata["key"] for f in dataclasses.fields(cls)}


def test_shared_fields_are_read_from_the_models() -> None:
    pz, contact = _keys(PatientZero), _keys(Contact)
    common = {name for name in pz if name in contact and pz[name] == contact[name]}
    expected = {n for n in common if pz[n] not in RECORD_KEYS | ASKED_AGAIN_KEYS}
    assert set(shared_fields()) == expected
    assert "support_consent" not in shared_fields()
    assert "expositions" not in shared_fields() and "symptoms" not in shared_fields()
    assert {"birth_name", "phones", "address", "support_needed", "information"} <= expected


def test_promoted_patient_zero_keeps_the_creation_instant_and_asks_the_consent_again() -> None:
    created = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    contact = Contact(
        state=LifecycleState.VALIDATED,
        version=4,
        created_at=created,
        birth_name="Durand",
        first_names="Loïc",
        phones=["+33612345678"],
        address=Address(lines=["3 rue Haute"], city="Orléans"),
        support_needed=True,
        support_consent=Consent.YES,
        symptoms=Symptoms(present=True, onset=date(2026, 8, 30)),
        expositions=[Exposition(patient_zero_uuid="x")],
    )
    pz = promoted_patient_zero(contact)
    assert pz.uuid != contact.uuid and pz.version == 0
    assert pz.state is LifecycleState.DRAFT
    assert pz.created_at == created  # the 3 months do not restart
    assert (pz.birth_name, pz.first_names, pz.phones) == ("Durand", "Loïc", ["+33612345678"])
    assert pz.support_needed is True and pz.support_consent is None
    assert pz.infection.symptom_onset == date(2026, 8, 30)
    pz.phones.append("+33700000000")
    pz.address.lines.append("bis")
    assert contact.phones == ["+33612345678"] and contact.address.lines == ["3 rue Haute"]


def _meta(key: str, **more: object) -> dict[str, object]:
    return {"key": key, "label": key, PRIVACY: FieldClass.FREE_TEXT, **more}


@dataclasses.dataclass(slots=True, kw_only=True)
class _ContactPlus(Contact):
    """A contact with a field only contacts have (added later, listed nowhere else)."""

    vaccination: str = dataclasses.field(default="", metadata=_meta("vaccination"))


@dataclasses.dataclass(slots=True, kw_only=True)
class _SharedContact(Contact):
    note: str = dataclasses.field(default="", metadata=_meta("note"))
    situation: str = dataclasses.field(
        default="", metadata=_meta("situation", **{PROMOTE: Promote.ASK_AGAIN})
    )


@dataclasses.dataclass(slots=True, kw_only=True)
class _SharedPatientZero(PatientZero):
    note: str = dataclasses.field(default="", metadata=_meta("note"))
    situation: str = dataclasses.field(
        default="", metadata=_meta("situation", **{PROMOTE: Promote.ASK_AGAIN})
    )


def test_the_copy_and_drop_rules_are_the_models_metadata() -> None:
    assert {"uuid", "etat", "version", "cree_le", "modifie_le"} == RECORD_KEYS
    assert {"consentement_accompagnement"} == ASKED_AGAIN_KEYS
    for f in dataclasses.fields(PatientZero):
        assert promotion_of(f) is Promote(f.metadata.get(PROMOTE, Promote.COPY))


def test_a_field_added_to_contacts_only_does_not_break_the_promotion() -> None:
    contact = _ContactPlus(birth_name="Durand", vaccination="à jour")
    pz = promoted_patient_zero(contact)
    assert pz.birth_name == "Durand"
    assert not hasattr(pz, "vaccination")
    assert "vaccination" not in shared_fields(_ContactPlus, PatientZero)


def test_a_field_added_to_both_is_copied_unless_its_line_says_ask_again() -> None:
    shared = shared_fields(_SharedContact, _SharedPatientZero)
    assert "note" in shared and "situation" not in shared
    assert set(shared) == set(shared_fields()) | {"note"}

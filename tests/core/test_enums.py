from __future__ import annotations

import re

import pytest

from app.core import enums
from app.core.enums import (
    ALL_ENUMS,
    COLLECTIVITES,
    DEPARTEMENTS,
    INSEE_PLACES,
    Consent,
    FicheKind,
    GatheringPurpose,
    HousingSubtype,
    JournalAction,
    LabelledEnum,
    LifecycleState,
    PlaceKind,
    QuarantineReason,
    StructureType,
    SyncState,
    gathering_purpose_for,
    gathering_purposes,
    insee_place_kind,
    label_of,
)


def _decree(text: str) -> str:
    """The decree's own text: labels keep its apostrophe ’."""
    return text


# Décret n° 2020-1385, art. 1er 3° c) (k), d) (l) and e) (q), as published.
DECREE_K = [
    "structures ou lieux d’hébergement collectif",
    "structures d’accueil du jeune enfant",
    "milieu scolaire",
    "milieu universitaire",
    "établissements de santé",
    "autres établissements recevant du public dans lesquels les gestes barrières ne peuvent"
    " être pleinement respectés",
]
DECREE_K_HOUSING = [
    "foyer",
    "pensionnat",
    "établissement d’hébergement pour personnes âgées dépendantes",
    "établissement médico-social accompagnant des personnes handicapées",
    "établissements pénitentiaires",
    "structure d’hébergement touristique",
]
# E-l: two lists (art. 1er 3° d) for a patient zéro, 4° d) for a contact).
DECREE_L_PATIENT_ZERO = [
    "événement sportif",
    "événement culturel",
    "réunion familiale, rassemblement festif",
    "rassemblement pour raison professionnelle",
    "autre type de rassemblement",
]
DECREE_L_CONTACT = [
    "événement sportif",
    "événement culturel",
    "réunion familiale",
    "rassemblement festif",
    "rassemblement pour raison professionnelle",
    "autre type de rassemblement",
]
DECREE_Q = [
    "personne identifiée comme cas contact à risque de contamination à la covid-19",
    "personne ayant dans son entourage une personne dépistée positive à la covid-19",
    "personne présentant des symptômes de contamination à la covid-19",
    "personne ayant dans son entourage une personne présentant des symptômes de contamination"
    " à la covid-19",
]


@pytest.mark.parametrize(
    ("enum", "expected"),
    [
        (StructureType, DECREE_K),
        (HousingSubtype, DECREE_K_HOUSING),
        (QuarantineReason, DECREE_Q),
    ],
)
def test_decree_enumerations_are_verbatim_and_in_order(
    enum: type[LabelledEnum], expected: list[str]
) -> None:
    assert [m.label for m in enum] == [_decree(t) for t in expected]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [(FicheKind.PATIENT_ZERO, DECREE_L_PATIENT_ZERO), (FicheKind.CONTACT, DECREE_L_CONTACT)],
)
def test_gathering_purposes_are_the_decree_list_of_each_kind(
    kind: FicheKind, expected: list[str]
) -> None:
    assert [m.label for m in gathering_purposes(kind)] == expected
    assert len(gathering_purposes(FicheKind.PATIENT_ZERO)) == 5
    assert len(gathering_purposes(FicheKind.CONTACT)) == 6


def test_gathering_purpose_words_a_value_in_the_list_of_the_kind() -> None:
    pz, contact = FicheKind.PATIENT_ZERO, FicheKind.CONTACT
    merged = GatheringPurpose.FAMILY_OR_FESTIVE
    assert gathering_purpose_for(pz, GatheringPurpose.FAMILY) is merged
    assert gathering_purpose_for(pz, GatheringPurpose.FESTIVE) is merged
    assert gathering_purpose_for(pz, GatheringPurpose.SPORT) is GatheringPurpose.SPORT
    assert gathering_purpose_for(contact, GatheringPurpose.FAMILY) is GatheringPurpose.FAMILY
    assert gathering_purpose_for(contact, merged) is None
    assert gathering_purpose_for(pz, None) is None


def test_every_enum_has_unique_ascii_values_and_a_label() -> None:
    for enum in ALL_ENUMS:
        values = [m.value for m in enum]
        assert len(values) == len(set(values)), enum
        for member in enum:
            assert re.fullmatch(r"[a-z0-9_]+", member.value), (enum, member)
            assert member.label.strip() == member.label and member.label, (enum, member)
            assert label_of(member) == member.label


def test_every_labelled_enum_is_listed() -> None:
    defined = {
        obj
        for obj in vars(enums).values()
        if isinstance(obj, type) and issubclass(obj, LabelledEnum) and obj is not LabelledEnum
    }
    assert defined == set(ALL_ENUMS)


def test_existing_values_are_unchanged() -> None:
    # stored in databases already: never change them
    assert [m.value for m in FicheKind] == ["patient_zero", "contact"]
    assert [m.value for m in LifecycleState] == ["brouillon", "validee", "transmise", "cloturee"]
    assert [m.value for m in SyncState] == ["local", "pending", "sent", "rejected", "conflict"]


def test_consent_and_journal_values() -> None:
    assert [m.label for m in Consent] == ["oui", "non", "non recueilli"]
    assert {m.value for m in JournalAction} >= {
        "creation",
        "consultation",
        "modification",
        "suppression",
        "validation",
        "cloture",
        "reouverture",
        "export",
        "impression",
        "transmission",
        "purge",
        "connexion",
        "verrouillage",
        "echec_connexion",
        "initialisation",
        "import",
        "recuperation_cle",
        "migration",
    }


def test_parse_gives_a_french_error() -> None:
    assert Consent.parse("non_recueilli") is Consent.NOT_COLLECTED
    with pytest.raises(ValueError, match="valeur inconnue « peut-être »"):
        Consent.parse("peut-être")


def test_choices_in_declaration_order() -> None:
    assert Consent.choices()[0] == (Consent.YES, "oui")


def test_insee_codes() -> None:
    expected_dept = [f"{n:02d}" for n in range(1, 20)] + ["2A", "2B"]
    expected_dept += [f"{n:02d}" for n in range(21, 96)]
    assert list(DEPARTEMENTS) == expected_dept
    assert sorted(COLLECTIVITES) == sorted(
        ["971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988"]
    )
    assert len(INSEE_PLACES) == 96 + 11
    assert all(name.strip() for name in INSEE_PLACES.values())
    assert insee_place_kind("2a") is PlaceKind.DEPARTEMENT
    assert insee_place_kind("974") is PlaceKind.COLLECTIVITE
    assert insee_place_kind("20") is None
    assert INSEE_PLACES["975"] == "Saint-Pierre-et-Miquelon"


def test_stored_patient_zero_family_or_festive_read_as_the_merged_item() -> None:
    """A patient zéro written with the contact items reads back with its own list's item."""
    from app.core.models import Contact, Gathering, PatientZero
    from app.core.serialize import DecodeError, fiche_from_dict, fiche_to_dict

    pz = PatientZero(gatherings=[Gathering(purpose=GatheringPurpose.SPORT)])
    doc = fiche_to_dict(pz)
    for old in ("familial", "festif"):
        doc["rassemblements"][0]["objet"] = old
        read = fiche_from_dict(doc)
        assert read.gatherings[0].purpose is GatheringPurpose.FAMILY_OR_FESTIVE
    contact = fiche_to_dict(Contact(gatherings=[Gathering(purpose=GatheringPurpose.FESTIVE)]))
    assert fiche_from_dict(contact).gatherings[0].purpose is GatheringPurpose.FESTIVE
    contact["rassemblements"][0]["objet"] = "familial_festif"
    with pytest.raises(DecodeError, match=r"rassemblements\[0\]\.objet"):
        fiche_from_dict(contact)

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
    insee_place_kind,
    label_of,
)


def _decree(text: str) -> str:
    """The decree writes typographic apostrophes; FIELDS.md and our labels use ASCII ones."""
    return text.replace("’", "'")


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
DECREE_L = [
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
        (GatheringPurpose, DECREE_L),
        (QuarantineReason, DECREE_Q),
    ],
)
def test_decree_enumerations_are_verbatim_and_in_order(
    enum: type[LabelledEnum], expected: list[str]
) -> None:
    assert [m.label for m in enum] == [_decree(t) for t in expected]


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
    with pytest.raises(ValueError, match="valeur inconnue « peut-être »"):
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

"""The pseudonymised table: only allow-listed fields, coarsened dates, unit codes, no free text."""

from __future__ import annotations

import dataclasses
import itertools
import re
import typing
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.enums import (
    Circumstance,
    Consent,
    ExamType,
    GatheringPurpose,
    PlaceKind,
    StructureType,
)
from app.core.fieldmeta import PSEUDONYMISED, Treatment
from app.core.models import (
    AnyFiche,
    Contact,
    EstablishmentPlace,
    Exposition,
    Gathering,
    LegalRepresentative,
    PatientZero,
    PlaceStayed,
    StructureVisit,
)
from app.exports import tables
from app.exports.cells import LIST_SEPARATOR
from app.exports.tables import (
    EXPOSITIONS,
    KIND_HEADER,
    PSEUDONYM_HEADER,
    PZ_PSEUDONYM_HEADER,
    Table,
    pseudonymised_table,
)
from tests.core.strategies import fiches as any_fiches

HOSTILE = "chez ma tante Mme DUPONT, 12 rue X"
UNIT = "USLD - lit 4"
PLACE_NAME = "Mme Berthe Marqueurdelieu"
FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
#: Keys of the fields that carry a fiche's or an exposition's identifier.
UUID_KEYS = {"uuid", "patient_zero_uuid"}


def fill_text(record: Any, make: typing.Callable[[str], str], path: str = "") -> None:
    """Put ``make(path)`` in every plain ``str`` field (and ``list[str]``) of *record*, deeply."""
    hints = typing.get_type_hints(type(record))
    for f in dataclasses.fields(record):
        key = str(f.metadata["key"])
        tp = hints[f.name]
        value = getattr(record, f.name)
        here = f"{path}{key}"
        if tp is str:
            if key not in UUID_KEYS:
                setattr(record, f.name, make(here))
        elif tp == list[str]:
            setattr(record, f.name, [make(f"{here}[{i}]") for i in range(max(1, len(value)))])
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    fill_text(item, make, f"{here}[{i}].")
        elif dataclasses.is_dataclass(value):
            fill_text(value, make, f"{here}.")


def hostile_patient_zero(**kwargs: Any) -> PatientZero:
    pz = PatientZero(
        created_at=datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
        updated_at=datetime(2026, 11, 21, 9, 30, tzinfo=UTC),
        birth_date=date(1984, 12, 3),
        legal_representative=LegalRepresentative(),
        return_to_france=date(2026, 11, 10),
        places=[PlaceStayed(kind=PlaceKind.COUNTRY)],
        structures=[StructureVisit(type=StructureType.SCHOOL, last_visit=date(2026, 11, 12))],
        gatherings=[Gathering(held_on=date(2026, 11, 14), purpose=GatheringPurpose.FAMILY)],
        **kwargs,
    )
    pz.infection.exam_type = ExamType.RT_PCR
    pz.infection.sample_date = date(2026, 11, 18)
    pz.infection.symptom_onset = date(2026, 11, 16)
    pz.information.given_on = date(2026, 11, 20)
    return pz


def hostile_contact(pz: PatientZero, **kwargs: Any) -> Contact:
    contact = Contact(
        created_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
        places=[PlaceStayed(kind=PlaceKind.DEPARTEMENT)],
        structures=[StructureVisit()],
        gatherings=[Gathering()],
        legal_representative=LegalRepresentative(),
        **kwargs,
    )
    contact.expositions.append(
        Exposition(
            patient_zero_uuid=pz.uuid,
            last_contact=date(2026, 11, 19),
            circumstances=[Circumstance.OTHER],
        )
    )
    contact.symptoms.onset = date(2026, 11, 21)
    return contact


def hostile_fiches() -> tuple[list[AnyFiche], list[str]]:
    """Two fiches with hostile text in every str field, and the strings planted."""
    planted: list[str] = []
    counter = itertools.count(1)

    def make(path: str) -> str:
        text = f"{HOSTILE} n°{next(counter)}"
        planted.append(text)
        return text

    pz = hostile_patient_zero()
    contact = hostile_contact(pz)
    for fiche in (pz, contact):
        fill_text(fiche, make)
        fiche.establishment.unit = UNIT
        fiche.places[0].name = PLACE_NAME
    pz.address.country = HOSTILE
    return [pz, contact], planted


def pseudonyms_of(fiches: list[AnyFiche]) -> dict[str, str]:
    return {f.uuid: f"pseudo-{i}" for i, f in enumerate(fiches)}


def cells(table: Table) -> list[str]:
    return [*table.header, *(c for row in table.rows for c in row)]


def column(table: Table, header: str) -> list[str]:
    i = table.header.index(header)
    return [row[i] for row in table.rows]


def test_no_free_text_or_identity_in_any_cell_or_header() -> None:
    fiches, planted = hostile_fiches()
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert len(table.rows) == 2
    everything = cells(table)
    forbidden = [*planted, HOSTILE, "DUPONT", "tante", "rue X", UNIT, "USLD", "lit 4", PLACE_NAME]
    forbidden += ["Marqueurdelieu", *(f.uuid for f in fiches)]
    forbidden += [f.expositions[0].uuid for f in fiches if isinstance(f, Contact)]
    for text in forbidden:
        assert not any(text in c for c in everything), text
    assert all(len(row) == len(table.header) for row in table.rows)


def test_headers_are_exactly_the_allow_list() -> None:
    fiches, _ = hostile_fiches()
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert table.header[:2] == [PSEUDONYM_HEADER, KIND_HEADER]
    assert len(table.header) == 2 + len(PSEUDONYMISED)
    assert len(set(table.header)) == len(table.header)
    assert PZ_PSEUDONYM_HEADER in table.header
    for gone in ("Nom de naissance", "Date de naissance", "Sexe", "Identifiant", "Version"):
        assert not any(h == gone or h.endswith(f"› {gone}") for h in table.header), gone
    for gone in ("Chambre", "Nom", "Lieu", "Précision", "Autre circonstance", "Adresse"):
        assert not any(f"› {gone}" in h for h in table.header), gone
    assert "Place dans l’établissement › Service / unité (code)" in table.header
    assert "Créée le (mois)" in table.header
    assert "Établissement de l’infection › Date de prélèvement (semaine ISO)" in table.header


def test_the_builder_only_reads_allow_listed_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[str] = set()
    original = tables.values_at

    def spy(record: Any, path: str) -> list[Any]:
        read.add(EXPOSITIONS + path if isinstance(record, Exposition) else path)
        return original(record, path)

    monkeypatch.setattr(tables, "values_at", spy)
    fiches, _ = hostile_fiches()
    pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert read == set(PSEUDONYMISED)


def test_a_plain_string_never_goes_out_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if a free-text field were wrongly allow-listed as a coded value."""
    wrong = {**PSEUDONYMISED, "information.par": Treatment.AS_IS}
    monkeypatch.setattr(tables, "PSEUDONYMISED", wrong)
    fiches, planted = hostile_fiches()
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert column(table, "Information de la personne › Information donnée par") == ["", ""]
    assert not any(p in c for p in planted for c in cells(table))


def test_units_become_codes_stable_within_one_file() -> None:
    units = [UNIT, "Cardiologie", UNIT, "  usld -  LIT 4 ", "", "Cardiologie"]
    fiches: list[AnyFiche] = [PatientZero(establishment=EstablishmentPlace(unit=u)) for u in units]
    header = "Place dans l’établissement › Service / unité (code)"
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert column(table, header) == ["U01", "U02", "U01", "U01", "", "U02"]
    # A new call, a new numbering (in order of first appearance).
    again = pseudonymised_table(fiches[1:], pseudonyms_of(fiches[1:]))
    assert column(again, header) == ["U01", "U02", "U02", "", "U01"]
    # A contact's exposition rows repeat the contact's code.
    pz = fiches[0]
    contact = Contact(establishment=EstablishmentPlace(unit="Cardiologie"))
    contact.expositions += [Exposition(patient_zero_uuid=pz.uuid) for _ in range(2)]
    mixed = pseudonymised_table([pz, contact], pseudonyms_of([pz, contact]))
    assert column(mixed, header) == ["U01", "U02", "U02"]


def test_dates_are_coarsened() -> None:
    fiches, _ = hostile_fiches()
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    assert not any(FULL_DATE.search(c) for c in cells(table))
    assert column(table, "Créée le (mois)") == ["2026-11", "2026-11"]
    assert column(table, "Établissement de l’infection › Date de prélèvement (semaine ISO)") == [
        "2026-W47",
        "",
    ]
    assert column(table, "Expositions › Date du dernier contact (semaine ISO)") == [
        "",
        "2026-W47",
    ]
    assert column(table, "Information de la personne › Date de l’information (mois)")[0] == (
        "2026-11"
    )
    assert "Date de naissance" not in " ".join(table.header)


def test_week_and_month_edges() -> None:
    # 1 January 2027 is in ISO week 53 of 2026; 23:30 UTC on 30 November is December in Paris.
    pz = PatientZero(created_at=datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    pz.infection.sample_date = date(2027, 1, 1)
    table = pseudonymised_table([pz], pseudonyms_of([pz]))
    assert column(table, "Créée le (mois)") == ["2026-12"]
    sample = "Établissement de l’infection › Date de prélèvement (semaine ISO)"
    assert column(table, sample) == ["2026-W53"]


def test_places_stayed_only_as_codes() -> None:
    pz = PatientZero(
        places=[
            PlaceStayed(kind=PlaceKind.DEPARTEMENT, code="75", name="Paris"),
            PlaceStayed(kind=PlaceKind.COLLECTIVITE, code="971", name="Guadeloupe"),
            PlaceStayed(kind=PlaceKind.COUNTRY, code="de", name="Allemagne"),
            PlaceStayed(kind=PlaceKind.COUNTRY, code="", name=HOSTILE),
            PlaceStayed(kind=PlaceKind.COUNTRY, code=HOSTILE, name=""),
            PlaceStayed(kind=PlaceKind.DEPARTEMENT, code="chez tata"),
        ]
    )
    table = pseudonymised_table([pz], pseudonyms_of([pz]))
    (codes,) = column(table, "Lieux de séjour des 14 derniers jours › Code")
    (kinds,) = column(table, "Lieux de séjour des 14 derniers jours › Type")
    assert codes.split(LIST_SEPARATOR) == ["75", "971", "DE", "", "", ""]
    assert len(kinds.split(LIST_SEPARATOR)) == 6  # still aligned with the codes
    for text in ("Paris", "Guadeloupe", "Allemagne", "DUPONT", "tata"):
        assert not any(text in c for c in cells(table)), text


def test_expositions_link_by_pseudonym_never_by_uuid() -> None:
    pz = PatientZero(identity_disclosure=Consent.NO)
    contact = Contact()
    unknown = "0b0e2c1d-0000-4000-8000-000000000000"
    contact.expositions += [
        Exposition(patient_zero_uuid=pz.uuid),
        Exposition(patient_zero_uuid=unknown),
    ]
    lone = Contact()
    fiches: list[AnyFiche] = [pz, contact, lone]
    pseudonyms = pseudonyms_of(fiches)
    table = pseudonymised_table(fiches, pseudonyms)
    assert len(table.rows) == 4  # the patient zéro, two expositions, the lone contact
    assert column(table, PSEUDONYM_HEADER) == [
        pseudonyms[pz.uuid],
        pseudonyms[contact.uuid],
        pseudonyms[contact.uuid],
        pseudonyms[lone.uuid],
    ]
    assert column(table, KIND_HEADER) == [
        "patient zéro",
        "personne contact",
        "personne contact",
        "personne contact",
    ]
    assert column(table, PZ_PSEUDONYM_HEADER) == ["", pseudonyms[pz.uuid], "", ""]
    uuids = [pz.uuid, contact.uuid, lone.uuid, unknown, *(e.uuid for e in contact.expositions)]
    assert not any(u in c for u in uuids for c in cells(table))


@settings(max_examples=60, deadline=None)
@given(st.lists(any_fiches(full=True) | any_fiches(full=False), min_size=1, max_size=4))
def test_random_fiches_leak_no_planted_text(drawn: list[AnyFiche]) -> None:
    planted: list[str] = []
    counter = itertools.count(1)

    def make(path: str) -> str:
        text = f"Fuite{next(counter):04d}Marqueur"
        planted.append(text)
        return text

    for fiche in drawn:
        fill_text(fiche, make)
    fiches = list({f.uuid: f for f in drawn}.values())
    table = pseudonymised_table(fiches, pseudonyms_of(fiches))
    everything = cells(table)
    assert not any("Marqueur" in c for c in everything)
    assert not any(FULL_DATE.search(c) for c in everything)
    assert all(len(row) == len(table.header) for row in table.rows)
    ids = [f.uuid for f in fiches] + [
        e.uuid for f in fiches if isinstance(f, Contact) for e in f.expositions
    ]
    assert not any(u in c for u in ids for c in everything)

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given, settings

from app.core.enums import Circumstance, Consent, FicheKind
from app.core.models import Contact, Exposition, PatientZero
from app.core.serialize import (
    FORMAT,
    DecodeError,
    exposition_from_dict,
    exposition_to_dict,
    fiche_from_dict,
    fiche_to_dict,
)
from tests.core import strategies as s


def _json_round_trip(doc: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(json.dumps(doc, ensure_ascii=False))
    assert isinstance(out, dict)
    return out


@settings(max_examples=150)
@given(s.fiches(full=True))
def test_full_fiche_round_trip_is_exact(fiche: PatientZero | Contact) -> None:
    doc = fiche_to_dict(fiche)
    assert doc["format"] == FORMAT
    assert doc["type"] == fiche.kind.value
    back = fiche_from_dict(_json_round_trip(doc))
    assert type(back) is type(fiche)
    assert back == fiche
    assert fiche_to_dict(back) == doc


@given(s.fiches(full=False))
def test_sparse_fiche_round_trip_is_exact(fiche: PatientZero | Contact) -> None:
    assert fiche_from_dict(_json_round_trip(fiche_to_dict(fiche))) == fiche


@given(s.expositions())
def test_exposition_round_trip(exp: Exposition) -> None:
    assert exposition_from_dict(_json_round_trip(exposition_to_dict(exp))) == exp


def test_document_shape() -> None:
    pz = PatientZero(
        birth_name="Martin",
        birth_date=date(1950, 3, 1),
        identity_disclosure=Consent.NOT_COLLECTED,
        created_at=datetime(2020, 11, 30, 22, 30, tzinfo=UTC),
    )
    doc = fiche_to_dict(pz)
    assert doc["type"] == "patient_zero"
    assert doc["nom_naissance"] == "Martin"
    assert doc["date_naissance"] == "1950-03-01"
    assert doc["divulgation_identite"] == "non_recueilli"
    assert doc["cree_le"] == "2020-11-30T22:30:00+00:00"
    assert doc["etat"] == "brouillon"


def test_created_at_is_stored_in_utc() -> None:
    from zoneinfo import ZoneInfo

    local = datetime(2020, 11, 30, 23, 30, tzinfo=ZoneInfo("Europe/Paris"))
    doc = fiche_to_dict(Contact(created_at=local))
    assert doc["cree_le"] == "2020-11-30T22:30:00+00:00"
    back = fiche_from_dict(doc)
    assert back.created_at == local
    assert back.created_at is not None and back.created_at.tzinfo is UTC


def _contact_doc() -> dict[str, Any]:
    c = Contact(expositions=[Exposition(patient_zero_uuid="x", circumstances=[Circumstance.CARE])])
    return _json_round_trip(fiche_to_dict(c))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["expositions"][0].__setitem__("circonstances", ["bisou"]),
            "expositions[0].circonstances[0] : valeur inconnue « bisou »",
        ),
        (lambda d: d.__setitem__("sexe", "M"), "sexe : valeur inconnue « M »"),
        (lambda d: d.__setitem__("version", "3"), "version : nombre entier attendu, reçu texte"),
        (lambda d: d.__setitem__("version", True), "version : nombre entier attendu"),
        (
            lambda d: d.__setitem__("date_naissance", "01/02/1950"),
            "date_naissance : date AAAA-MM-JJ attendue",
        ),
        (lambda d: d.__setitem__("date_naissance", "2021-02-30"), "date invalide « 2021-02-30 »"),
        (lambda d: d.__setitem__("cree_le", "2020-11-30T10:00:00"), "fuseau horaire manquant"),
        (lambda d: d.__setitem__("telephones", "0612345678"), "telephones : liste attendue"),
        (lambda d: d["adresse"].__setitem__("ville", "Lyon"), "adresse : champ inconnu « ville »"),
        (lambda d: d.__setitem__("adresse", None), "adresse : valeur obligatoire manquante"),
        (lambda d: d.__setitem__("type", "suspect"), "type : type de fiche inconnu « suspect »"),
        (lambda d: d.__setitem__("format", 2), "format de document non pris en charge « 2 »"),
        (lambda d: d.pop("format"), "format de document non pris en charge"),
        (
            lambda d: d.__setitem__("divulgation_identite", "oui"),
            "champ inconnu « divulgation_identite »",  # a contact has no such field
        ),
    ],
)
def test_bad_documents_are_rejected_in_french(mutate: Any, message: str) -> None:
    doc = _contact_doc()
    mutate(doc)
    with pytest.raises(ValueError) as info:
        fiche_from_dict(doc)
    assert isinstance(info.value, DecodeError)
    assert message in str(info.value)


def test_not_an_object() -> None:
    with pytest.raises(DecodeError, match="objet attendu, reçu liste"):
        fiche_from_dict([])


def test_missing_keys_take_defaults() -> None:
    fiche = fiche_from_dict({"format": 1, "type": "contact", "nom_usage": "Durand"})
    assert isinstance(fiche, Contact)
    assert fiche.kind is FicheKind.CONTACT
    assert fiche.usage_name == "Durand"
    assert fiche.expositions == []

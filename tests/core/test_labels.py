from __future__ import annotations

import dataclasses

import pytest

from app.core import models
from app.core.enums import FicheKind
from app.core.labels import field_key, field_label, field_paths
from app.core.models import Address, Contact, Exposition, PatientZero


def _records() -> list[type]:
    return [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj)
    ]


def test_every_field_has_a_key_and_a_label() -> None:
    for cls in _records():
        keys = []
        for f in dataclasses.fields(cls):
            assert f.metadata.get("key"), (cls, f.name)
            assert f.metadata.get("label"), (cls, f.name)
            keys.append(f.metadata["key"])
        assert len(keys) == len(set(keys)), cls


def test_field_label() -> None:
    assert field_label("adresse.code_postal") == "Code postal"
    assert field_label("adresse.code_postal", full=True) == "Adresse › Code postal"
    assert field_label("expositions[0].date_dernier_contact") == "Date du dernier contact"
    assert field_label("infection.date_prelevement") == "Date de prélèvement"
    assert field_label("structures[2].adresse.commune", full=True).startswith("Structures")
    assert field_label("nom_usage", FicheKind.CONTACT) == "Nom d’usage"
    with pytest.raises(KeyError):
        field_label("infection.type_examen", FicheKind.CONTACT)
    with pytest.raises(KeyError):
        field_label("adresse.rue")


def test_field_key() -> None:
    assert field_key(Address, "postal_code") == "code_postal"
    assert field_key(Exposition, "last_contact") == "date_dernier_contact"
    with pytest.raises(KeyError):
        field_key(Address, "street")


def test_field_paths_cover_the_records() -> None:
    pz = field_paths(PatientZero)
    assert pz["nom_naissance"] == "Nom de naissance"
    assert pz["telephones[]"] == "Téléphones"
    assert pz["structures[].sous_type"].endswith("Type d’hébergement collectif")
    assert "divulgation_identite" in pz
    c = field_paths(Contact)
    assert "expositions[].evaluation_risque" in c
    assert "divulgation_identite" not in c

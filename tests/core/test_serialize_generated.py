"""The generated encoders and JSON writers give exactly what the generic encoder gives.

``fiche_to_dict``, ``fiche_to_json`` and ``exposition_to_json`` run code
generated per record class (issue 16: a bulk save encodes every fiche). The
reference is the generic, type-driven ``_encode`` (the encoder every document
was written with before) followed by ``json.dumps`` with the separators the
database and the sync use: the same keys, order, types and bytes, for random
fully populated and sparse fiches, and for values that are not of their
declared type (which take the generic path).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import serialize
from app.core.enums import LifecycleState, PlaceKind, Sex
from app.core.models import Address, Contact, Exposition, PatientZero, PlaceStayed
from app.core.serialize import (
    exposition_to_dict,
    exposition_to_json,
    fiche_from_dict,
    fiche_to_dict,
    fiche_to_json,
)
from tests.core.strategies import expositions, fiches


def _reference_doc(fiche: Any, with_expositions: bool = True) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": 1, "type": fiche.kind.value}
    doc.update(serialize._encode(fiche))
    if not with_expositions:
        doc.pop("expositions", None)
    return doc


def _compact(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _same_types(a: Any, b: Any) -> None:
    """Equal, and of the very same types all the way down (a StrEnum is not a str here)."""
    assert type(a) is type(b)
    if isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            _same_types(a[key], b[key])
    elif isinstance(a, list):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same_types(x, y)
    else:
        assert a == b


def _check(fiche: Any) -> None:
    for with_expositions in (True, False):
        reference = _reference_doc(fiche, with_expositions)
        doc = fiche_to_dict(fiche, expositions=with_expositions)
        _same_types(doc, reference)
        assert fiche_to_json(fiche, expositions=with_expositions) == _compact(reference)
    for exp in getattr(fiche, "expositions", []):
        _same_types(exposition_to_dict(exp), serialize._encode(exp))
        assert exposition_to_json(exp) == json.dumps(serialize._encode(exp), ensure_ascii=False)


@settings(max_examples=150, deadline=None)
@given(fiche=fiches(full=True))
def test_full_fiches_encode_as_the_generic_encoder(fiche: Any) -> None:
    _check(fiche)


@settings(max_examples=150, deadline=None)
@given(fiche=fiches(full=False))
def test_sparse_fiches_encode_as_the_generic_encoder(fiche: Any) -> None:
    _check(fiche)


@settings(max_examples=50, deadline=None)
@given(exp=expositions())
def test_expositions_encode_as_the_generic_encoder(exp: Exposition) -> None:
    _same_types(exposition_to_dict(exp), serialize._encode(exp))
    assert exposition_to_json(exp) == json.dumps(serialize._encode(exp), ensure_ascii=False)


@settings(max_examples=50, deadline=None)
@given(fiche=fiches(full=True), name=st.text(max_size=30))
def test_json_text_reads_back_as_the_fiche(fiche: Any, name: str) -> None:
    fiche.birth_name = name.replace("\ud800", "")  # any text a nurse can type, controls included
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert fiche_from_dict(json.loads(fiche_to_json(fiche))) == fiche_from_dict(
        _reference_doc(fiche)
    )


def test_escapes_and_characters_kept_as_json_dumps_does() -> None:
    pz = PatientZero(
        birth_name='Lefèvre "dit" \\ Zoé\n\t\x00\u2028',
        first_names="Élise’ 🙂",
        sex=Sex.FEMALE,
        birth_date=date(1940, 1, 1),
        created_at=datetime(2026, 12, 1, 8, 30, tzinfo=UTC),
        updated_at=datetime(2026, 12, 1, 9, 30, 0, 123456, tzinfo=UTC),
    )
    _check(pz)
    assert '"nom_naissance":"Lefèvre \\"dit\\" \\\\ Zoé\\n\\t\\u0000\u2028"' in fiche_to_json(pz)


def test_values_not_of_their_declared_type_take_the_generic_path() -> None:
    paris = timezone(timedelta(hours=1))
    contact = Contact(
        birth_name="Martin",
        created_at=datetime(2026, 12, 1, 9, 0, tzinfo=paris),  # not UTC: converted
        updated_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
        birth_date=datetime(1980, 5, 4, 0, 0, tzinfo=UTC),  # type: ignore[arg-type]
        sex="F",  # type: ignore[arg-type]
        state="validee",  # type: ignore[arg-type]
        address=Address(lines=["1 rue", LifecycleState.DRAFT]),  # type: ignore[list-item]
        places=[PlaceStayed(kind=PlaceKind.COUNTRY, code="DE", name="Allemagne")],
        expositions=[Exposition(patient_zero_uuid="x", last_contact=date(2026, 11, 30))],
        version=True,
    )
    _check(contact)
    doc = fiche_to_dict(contact)
    assert doc["cree_le"] == "2026-12-01T08:00:00+00:00"
    assert doc["date_naissance"] == "1980-05-04T00:00:00+00:00"
    assert doc["etat"] == "validee" and doc["sexe"] == "F"


def test_a_value_no_path_can_encode_is_refused_by_both() -> None:
    pz = PatientZero(phones=("+33612345678",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        serialize._encode(pz)
    with pytest.raises(TypeError):
        fiche_to_json(pz)


def test_a_naive_instant_is_refused_by_every_path() -> None:
    pz = PatientZero(created_at=datetime(2026, 12, 1, 8, 0))
    with pytest.raises(ValueError, match="fuseau"):
        fiche_to_dict(pz)
    with pytest.raises(ValueError, match="fuseau"):
        fiche_to_json(pz)


def test_the_shared_instant_cache_never_mixes_two_instants() -> None:
    first = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    a = PatientZero(created_at=first, updated_at=first)
    b = PatientZero(created_at=first + timedelta(microseconds=1), updated_at=first)
    assert fiche_to_dict(a)["cree_le"] == "2026-12-01T08:00:00+00:00"
    assert fiche_to_dict(b)["cree_le"] == "2026-12-01T08:00:00.000001+00:00"
    assert fiche_to_dict(a)["cree_le"] == "2026-12-01T08:00:00+00:00"


def test_a_subclass_is_encoded_by_the_generic_path() -> None:
    class Special(PatientZero):
        pass

    special = Special(birth_name="Durand")
    assert fiche_to_json(special) == _compact(_reference_doc(special))

"""Every field of both records is classified on its line; the pseudonymised allow-list is safe."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import typing
from enum import StrEnum
from typing import Any

import pytest

from app.core import fieldkinds, fieldmeta
from app.core.fieldmeta import (
    ALLOWED_CLASSES,
    FIELD_CLASSES,
    NEVER_EXPORTED,
    PSEUDONYMISED,
    FieldClass,
    Treatment,
    allow_list,
    allow_list_problems,
    classify,
    field_classes,
    leaf_fields,
    metadata_problems,
    model_paths,
    pseudonymised_treatment,
    unclassified,
)
from app.core.labels import field_paths
from app.core.models import Contact, PatientZero

#: Letters a–d (décret art. 3 VI): never in the pseudonymised export.
LETTERS_A_TO_D = (
    "nom_naissance",
    "nom_usage",
    "prenoms",
    "date_naissance",
    "sexe",
    "representant_legal.",
    "nir",
    "code_ame",
    "adresse.",
    "telephones[]",
    "email",
    "organisme_affiliation",
    "medecin.",
)


def _leaf_types(cls: type[Any], prefix: str = "") -> dict[str, Any]:
    """Leaf path (as ``field_paths`` writes it) → the Python type of one value."""
    out: dict[str, Any] = {}
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        is_list = typing.get_origin(tp) is list
        if is_list:
            (tp,) = typing.get_args(tp)
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if args and typing.get_origin(tp) is not list:
            (tp,) = args
        path = f"{prefix}{f.metadata['key']}{'[]' if is_list else ''}"
        if dataclasses.is_dataclass(tp):
            out.update(_leaf_types(tp, path + "."))  # type: ignore[arg-type]
        else:
            out[path] = tp
    return out


def test_every_field_of_both_records_is_classified() -> None:
    paths = [*field_paths(PatientZero), *field_paths(Contact)]
    assert unclassified(paths) == []
    # No stale entry either: the classification is exactly the records' fields.
    assert set(FIELD_CLASSES) == set(paths) == set(model_paths())
    assert len(model_paths()) == len(set(paths))


def test_classify() -> None:
    assert classify("nom_naissance") is FieldClass.IDENTIFYING
    assert classify("etablissement.service") is FieldClass.QUASI_IDENTIFYING
    assert classify("lieux_sejour[].nom") is FieldClass.FREE_TEXT
    assert classify("lieux_sejour[2].code") is FieldClass.CODED  # indices are dropped
    assert classify("expositions[0].patient_zero_uuid") is FieldClass.LINK
    assert classify("uuid") is FieldClass.RECORD
    for unknown in ("nouveau_champ", "adresse", "adresse.etage", "telephones", ""):
        with pytest.raises(KeyError):
            classify(unknown)
    assert unclassified(["nom_naissance", "nouveau_champ", "structures[0].nom"]) == [
        "nouveau_champ"
    ]


def test_allow_list_holds_no_free_text_identity_or_record_field() -> None:
    assert allow_list_problems() == []
    for path, treatment in PSEUDONYMISED.items():
        cls = classify(path)
        assert cls not in NEVER_EXPORTED, path
        assert cls not in (FieldClass.FREE_TEXT, FieldClass.IDENTIFYING, FieldClass.RECORD)
        assert cls in ALLOWED_CLASSES[treatment], path
    for never in NEVER_EXPORTED:
        assert not any(never in classes for classes in ALLOWED_CLASSES.values())
    assert set(ALLOWED_CLASSES) == set(Treatment)


def test_letters_a_to_d_never_go_out() -> None:
    for path in model_paths():
        if path.startswith(LETTERS_A_TO_D):
            assert pseudonymised_treatment(path) is None, path
    for path in ("uuid", "version", "modifie_le", "expositions[].uuid", "etablissement.chambre"):
        assert pseudonymised_treatment(path) is None, path


def test_free_text_is_never_allowed() -> None:
    free = [p for p in model_paths() if classify(p) is FieldClass.FREE_TEXT]
    assert {
        "lieux_sejour[].nom",
        "structures[].nom",
        "rassemblements[].lieu",
        "rassemblements[].precision",
        "information.par",
        "expositions[].autre_circonstance",
    } <= set(free)
    assert not set(free) & set(PSEUDONYMISED)


def test_a_plain_string_only_goes_out_replaced_or_checked() -> None:
    """A ``str`` that is not an enumeration is typed by a person: never exported as is."""
    types = {**_leaf_types(PatientZero), **_leaf_types(Contact)}
    assert set(types) == set(model_paths())
    for path, tp in types.items():
        plain_text = tp is str
        treatment = pseudonymised_treatment(path)
        if plain_text and treatment is not None:
            assert treatment in (Treatment.UNIT_CODE, Treatment.PLACE_CODE, Treatment.PSEUDONYM)
        if treatment is Treatment.AS_IS:
            assert tp is bool or (isinstance(tp, type) and issubclass(tp, StrEnum)), path


def test_dates_are_coarsened() -> None:
    import datetime as dt

    types = {**_leaf_types(PatientZero), **_leaf_types(Contact)}
    for path, treatment in PSEUDONYMISED.items():
        if types[path] in (dt.date, dt.datetime):
            assert treatment in (Treatment.WEEK, Treatment.MONTH), path
    assert PSEUDONYMISED["etablissement.service"] is Treatment.UNIT_CODE
    assert PSEUDONYMISED["lieux_sejour[].code"] is Treatment.PLACE_CODE
    assert PSEUDONYMISED["expositions[].patient_zero_uuid"] is Treatment.PSEUDONYM


def test_unsafe_allow_lists_are_reported() -> None:
    assert allow_list_problems({"nom_naissance": Treatment.AS_IS})
    assert allow_list_problems({"lieux_sejour[].nom": Treatment.PLACE_CODE})
    assert allow_list_problems({"uuid": Treatment.PSEUDONYM})
    assert allow_list_problems({"nouveau_champ": Treatment.AS_IS})
    assert allow_list_problems({"etablissement.service": Treatment.AS_IS})
    assert allow_list_problems({"infection.date_prelevement": Treatment.AS_IS})
    assert allow_list_problems({"etat": Treatment.AS_IS}) == []


def test_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        fieldmeta.PSEUDONYMISED["nom_naissance"] = Treatment.AS_IS  # type: ignore[index]
    with pytest.raises(TypeError):
        fieldmeta.FIELD_CLASSES["nom_naissance"] = FieldClass.CODED  # type: ignore[index]


def test_module_is_qt_free() -> None:
    code = (
        "import sys, app.core.fieldmeta; "
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ------------------------------------------- the metadata is the one source


@dataclasses.dataclass(slots=True, kw_only=True)
class _ContactWithNewField(Contact):
    """A contact with a field added without its privacy class (the mistake to catch)."""

    vaccination: str = dataclasses.field(
        default="", metadata={"key": "vaccination", "label": "Vaccination"}
    )
    allergies: str = dataclasses.field(
        default="",
        metadata={
            "key": "allergies",
            "label": "Allergies",
            fieldkinds.PRIVACY: FieldClass.FREE_TEXT,
        },
    )


def test_the_models_metadata_is_sound() -> None:
    assert metadata_problems() == []
    assert metadata_problems(PatientZero, Contact) == []


def test_tables_are_read_from_the_models_metadata() -> None:
    for path, f in leaf_fields(PatientZero, Contact).items():
        assert FIELD_CLASSES[path] is f.metadata[fieldkinds.PRIVACY], path
        assert PSEUDONYMISED.get(path) == f.metadata.get(fieldkinds.PSEUDONYMISED), path
    assert list(FIELD_CLASSES) == model_paths()


def test_a_field_added_without_a_class_is_named_and_kept_out() -> None:
    problems = metadata_problems(PatientZero, _ContactWithNewField)
    assert [p for p in problems if p.startswith("vaccination")] == [
        "vaccination: no privacy class (metadata _m(…, _I / _Q / _T / _C…))"
    ]
    assert len(problems) == 1
    classes = field_classes(_ContactWithNewField)
    assert "vaccination" not in classes and classes["allergies"] is FieldClass.FREE_TEXT
    assert "vaccination" not in allow_list(_ContactWithNewField)
    assert "allergies" not in allow_list(_ContactWithNewField)


@dataclasses.dataclass(slots=True, kw_only=True)
class _Inner:
    code: str = dataclasses.field(
        default="",
        metadata={
            "key": "code",
            "label": "Code",
            fieldkinds.PRIVACY: FieldClass.CODED,
            fieldkinds.PROMOTE: fieldkinds.Promote.DROP,
        },
    )


@dataclasses.dataclass(slots=True, kw_only=True)
class _Outer:
    inner: _Inner = dataclasses.field(
        default_factory=_Inner,
        metadata={"key": "dedans", "label": "Dedans", fieldkinds.PRIVACY: FieldClass.CODED},
    )
    note: str = dataclasses.field(
        default="",
        metadata={
            "key": "note",
            "label": "Note",
            fieldkinds.PRIVACY: FieldClass.FREE_TEXT,
            fieldkinds.PSEUDONYMISED: Treatment.AS_IS,
        },
    )


def test_misplaced_metadata_is_named() -> None:
    problems = metadata_problems(_Outer)
    assert "dedans: a nested record is classified by its leaves" in problems
    assert "dedans.code: promote= only applies to a fiche's own fields" in problems
    assert "note: free_text field cannot go out as as_is" in problems
    assert len(problems) == 3


def test_an_unclassified_field_is_in_no_export(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.exports import tables

    contact = Contact(email="x@example.org", birth_name="Durand")
    pz_sheet, contacts = tables.legacy_tables([contact])
    assert "E-mail" in contacts.header
    monkeypatch.setattr(
        tables, "FIELD_CLASSES", {p: c for p, c in FIELD_CLASSES.items() if p != "email"}
    )
    pz_sheet, contacts = tables.legacy_tables([contact])
    assert "E-mail" not in contacts.header and "E-mail" not in pz_sheet.header
    assert not any("x@example.org" in cell for row in contacts.rows for cell in row)
    assert "Nom de naissance" in contacts.header

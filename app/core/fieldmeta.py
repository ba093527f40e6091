"""What each field of a fiche is, and what of it the pseudonymised export may carry.

Read from the models' field metadata (:mod:`app.core.models`, words in
:mod:`app.core.fieldkinds`): every leaf path of :func:`app.core.labels.field_paths`
(patient zéro and contact) carries exactly one :class:`FieldClass`, which
:data:`FIELD_CLASSES` collects. A field without one is in no export (the
Excel export reads :data:`FIELD_CLASSES`, the pseudonymised one
:data:`PSEUDONYMISED`) and :func:`metadata_problems` names it, which the test
suite asserts empty: a field added later is classified on its own line.

:data:`PSEUDONYMISED` is the allow-list of the pseudonymised export (décret
art. 3 VI, FIELDS.md): the fields whose metadata says how their value goes
out (``out=``, a :class:`Treatment`); any other field never goes out.
Letters a–d (identity, contact details, affiliation, doctor) are left out
whole, free text is never exported, dates are coarsened, the unit becomes a
code stable within one file and the link to a patient zéro becomes that
person's pseudonym. The module refuses to import if a field asks for a
treatment its class may not carry (free text, identifying or record fields:
never).

Pure Python: no Qt.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from app.core.fieldkinds import (
    ALLOWED_CLASSES,
    NEVER_EXPORTED,
    PRIVACY,
    PROMOTE,
    FieldClass,
    Promote,
    Treatment,
)
from app.core.fieldkinds import PSEUDONYMISED as OUT_KEY
from app.core.models import Contact, Fiche, PatientZero

__all__ = [
    "ALLOWED_CLASSES",
    "FIELD_CLASSES",
    "NEVER_EXPORTED",
    "PSEUDONYMISED",
    "FieldClass",
    "Promote",
    "Treatment",
    "allow_list_problems",
    "classify",
    "leaf_fields",
    "metadata_problems",
    "model_paths",
    "nested_record",
    "normalise_path",
    "pseudonymised_treatment",
    "unclassified",
]

#: The two records every table here is read from.
RECORDS: tuple[type[Any], ...] = (PatientZero, Contact)


def nested_record(tp: Any) -> type[Any] | None:
    """The dataclass inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp
    if typing.get_origin(tp) in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(tp):
            found = nested_record(arg)
            if found is not None:
                return found
    return None


def _walk(
    cls: type[Any], prefix: str = ""
) -> Iterator[tuple[str, dataclasses.Field[Any], type[Any] | None]]:
    """(path, field, nested record type or ``None``) for every field, depth first, in order."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        is_list = typing.get_origin(tp) is list
        path = f"{prefix}{f.metadata['key']}{'[]' if is_list else ''}"
        sub = nested_record(tp)
        yield path, f, sub
        if sub is not None:
            yield from _walk(sub, path + ".")


def leaf_fields(*records: type[Any]) -> dict[str, dataclasses.Field[Any]]:
    """Every leaf path of *records* (lists written ``key[]``) → its field, in order, once."""
    out: dict[str, dataclasses.Field[Any]] = {}
    for record in records:
        for path, f, sub in _walk(record):
            if sub is None:
                out.setdefault(path, f)
    return out


def field_classes(*records: type[Any]) -> dict[str, FieldClass]:
    """Leaf path → the class its metadata gives; a leaf without one is left out."""
    return {
        path: FieldClass(f.metadata[PRIVACY])
        for path, f in leaf_fields(*records).items()
        if f.metadata.get(PRIVACY) is not None
    }


def allow_list(*records: type[Any]) -> dict[str, Treatment]:
    """Leaf path → treatment, for the classified leaves whose metadata has ``out=``."""
    return {
        path: Treatment(f.metadata[OUT_KEY])
        for path, f in leaf_fields(*records).items()
        if f.metadata.get(OUT_KEY) is not None and f.metadata.get(PRIVACY) is not None
    }


def metadata_problems(*records: type[Any]) -> list[str]:
    """What is wrong with the metadata of *records* (default: both fiches); empty when sound.

    A leaf field needs a privacy class; a nested record carries none (its
    leaves do), nor a treatment; ``promote`` belongs to the fiche's own fields.
    """
    records = records or RECORDS
    problems: list[str] = []
    seen: dict[str, Mapping[str, Any]] = {}
    for record in records:
        for path, f, sub in _walk(record):
            meta = f.metadata
            if sub is None and meta.get(PRIVACY) is None:
                problems.append(f"{path}: no privacy class (metadata _m(…, _I / _Q / _T / _C…))")
            if sub is not None and (meta.get(PRIVACY) or meta.get(OUT_KEY)):
                problems.append(f"{path}: a nested record is classified by its leaves")
            if meta.get(PROMOTE) is not None and ("." in path or not issubclass(record, Fiche)):
                problems.append(f"{path}: promote= only applies to a fiche's own fields")
            earlier = seen.setdefault(path, meta)
            if earlier is not meta and dict(earlier) != dict(meta):
                problems.append(f"{path}: two records give it different metadata")
    problems += allow_list_problems(allow_list(*records), field_classes(*records))
    return problems


#: Every classified field path of both records → its class.
FIELD_CLASSES: Mapping[str, FieldClass] = MappingProxyType(field_classes(*RECORDS))

#: The allow-list of the pseudonymised export: path → how its value goes out.
PSEUDONYMISED: Mapping[str, Treatment] = MappingProxyType(allow_list(*RECORDS))

_INDEX = re.compile(r"\[\d*\]")


def normalise_path(path: str) -> str:
    """*path* with list indices dropped: ``expositions[0].uuid`` → ``expositions[].uuid``."""
    return _INDEX.sub("[]", path)


def model_paths() -> list[str]:
    """Every leaf path of the patient-zéro and contact records, in field order, once."""
    return list(leaf_fields(*RECORDS))


def classify(path: str) -> FieldClass:
    """The class of a field path (indices allowed); ``KeyError`` for an unknown path."""
    return FIELD_CLASSES[normalise_path(path)]


def unclassified(paths: Iterable[str]) -> list[str]:
    """The paths among *paths* that have no class, in their order."""
    return [p for p in paths if normalise_path(p) not in FIELD_CLASSES]


def pseudonymised_treatment(path: str) -> Treatment | None:
    """How *path* goes out in the pseudonymised export, or ``None``: it never does."""
    return PSEUDONYMISED.get(normalise_path(path))


def allow_list_problems(
    allow: Mapping[str, Treatment] = PSEUDONYMISED,
    classes: Mapping[str, FieldClass] = FIELD_CLASSES,
) -> list[str]:
    """Why *allow* is not a safe allow-list (empty when it is)."""
    problems: list[str] = []
    for never in NEVER_EXPORTED:
        if any(never in allowed for allowed in ALLOWED_CLASSES.values()):
            problems.append(f"class {never} may be exported")
    for path, treatment in allow.items():
        cls = classes.get(path)
        if cls is None:
            problems.append(f"{path}: not a classified field")
        elif cls in NEVER_EXPORTED or cls not in ALLOWED_CLASSES.get(treatment, frozenset()):
            problems.append(f"{path}: {cls} field cannot go out as {treatment}")
    return problems


def _check() -> None:
    problems = allow_list_problems()
    if problems:  # pragma: no cover - caught at import time
        raise RuntimeError("unsafe pseudonymised allow-list: " + "; ".join(problems))


_check()

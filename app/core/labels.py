"""French keys and labels of the record fields, read from the models' metadata.

A *path* names a field with the French keys of the JSON document:
``"adresse.code_postal"``, ``"expositions[0].date_dernier_contact"``. The form,
the Excel export and validation messages all use these paths and labels.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

from app.core.enums import FicheKind
from app.core.models import FICHE_CLASSES, Contact, PatientZero

_INDEX = re.compile(r"\[\d*\]")


def field_key(cls: type[Any], attr: str) -> str:
    """The French key of attribute ``attr`` of dataclass ``cls``."""
    for f in dataclasses.fields(cls):
        if f.name == attr:
            return str(f.metadata["key"])
    raise KeyError(f"{cls.__name__} has no field {attr!r}")


def _record_type(tp: Any) -> type[Any] | None:
    """The dataclass inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(tp):
            found = _record_type(arg)
            if found is not None:
                return found
    return None


_BY_KEY: dict[type[Any], dict[str, tuple[str, type[Any] | None]]] = {}


def _by_key(cls: type[Any]) -> dict[str, tuple[str, type[Any] | None]]:
    """French key → (label, nested record type) for one record class."""
    found = _BY_KEY.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = {
            str(f.metadata["key"]): (str(f.metadata["label"]), _record_type(hints[f.name]))
            for f in dataclasses.fields(cls)
        }
        _BY_KEY[cls] = found
    return found


def _resolve(cls: type[Any], path: str) -> list[str] | None:
    labels: list[str] = []
    current: type[Any] | None = cls
    for part in _INDEX.sub("", path).split("."):
        if current is None:
            return None
        entry = _by_key(current).get(part)
        if entry is None:
            return None
        labels.append(entry[0])
        current = entry[1]
    return labels


def field_label(path: str, kind: FicheKind | None = None, *, full: bool = False) -> str:
    """The French label of a field path (``full``: parents too, "Adresse › Code postal").

    Without ``kind`` the path is looked up in the patient-zéro record, then the
    contact record. Raises ``KeyError`` for an unknown path.
    """
    classes = [FICHE_CLASSES[kind]] if kind is not None else [PatientZero, Contact]
    for cls in classes:
        labels = _resolve(cls, path)
        if labels is not None:
            return " › ".join(labels) if full else labels[-1]
    raise KeyError(path)


def field_paths(cls: type[Any]) -> dict[str, str]:
    """Every leaf path of a record (lists written ``key[]``) → full French label, in order."""
    out: dict[str, str] = {}

    def walk(klass: type[Any], prefix: str, label_prefix: str) -> None:
        hints = typing.get_type_hints(klass)
        for f in dataclasses.fields(klass):
            key = str(f.metadata["key"])
            label = str(f.metadata["label"])
            tp = hints[f.name]
            is_list = typing.get_origin(tp) is list
            path = f"{prefix}{key}{'[]' if is_list else ''}"
            full = f"{label_prefix}{label}"
            sub = _record_type(tp)
            if sub is None:
                out[path] = full
            else:
                walk(sub, path + ".", full + " › ")

    walk(cls, "", "")
    return out

"""No field is silently dropped: a complete fiche loaded into its form comes back unchanged.

Every field of the records of ``app.core.models`` is filled (lists with
several items, every optional field set, nothing left at its default: a field
added later fails :func:`test_every_field_is_set` until it is filled here),
loaded into the patient zéro or contact form, and read back from the form
(what « Enregistrer » saves), from the form's draft, and from the store after
a real save.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import pytest
from complete import complete
from PySide6.QtWidgets import QLineEdit

from app.core.enums import (
    COLLECTIVITES,
    DEPARTEMENTS,
    LifecycleState,
    PlaceKind,
    StructureType,
)
from app.core.models import (
    AnyFiche,
    Contact,
    Exposition,
    PatientZero,
    PlaceStayed,
    StructureVisit,
)
from app.core.validation import suggest_risk
from app.ui.forms.contact import ContactForm
from app.ui.forms.fiche_form import FicheForm
from app.ui.forms.lists import countries
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.forms.conftest import USER

PHONES = ["+33612345678", "+33123456789"]
TODAY = date(2026, 11, 24)
#: Values a field's own check needs (by French key, anywhere in the record).
BY_KEY: dict[str, Any] = {
    "nir": "279052A00412309",
    "email": "zoe.martin@exemple.fr",
    "telephones": PHONES,
    "telephone": "+33698765432",
    "rpps": "10003456786",
    "adeli": "751234567",
}
#: Fields a fiche's storage sets (kept by the form as they were loaded).
META = {"uuid", "state", "version", "created_at", "updated_at"}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _inner(tp: Any) -> Any:
    """``X | None`` → ``X``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0]
    return tp


def _value(tp: Any, key: str, n: int) -> Any:
    if key in BY_KEY:
        return BY_KEY[key]
    tp = _inner(tp)
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        if isinstance(item, type) and issubclass(item, Enum):
            return list(item)[:2]
        if dataclasses.is_dataclass(item):
            return [fill(item(), i) for i in range(2)]  # type: ignore[operator]
        return [f"{key} ligne {n}-1", f"{key} ligne {n}-2"]
    if tp is bool:
        return True
    if tp is str:
        return f"{key} n° {n}"
    if tp is date:
        return date(2026, 11, 10 + n)
    if isinstance(tp, type) and issubclass(tp, Enum):
        members = list(tp)
        return members[min(1, len(members) - 1)]
    if dataclasses.is_dataclass(tp):
        return fill(tp(), n)  # type: ignore[operator]
    raise AssertionError(f"no value for {key}: {tp}")


def fill(record: Any, n: int = 0) -> Any:
    """Every field of *record* set to a value its form can show (recursively)."""
    hints = _hints(type(record))
    for f in dataclasses.fields(record):
        if f.name in META:
            continue
        setattr(record, f.name, _value(hints[f.name], f.metadata.get("key", f.name), n))
    if isinstance(record, PlaceStayed):
        kind = [PlaceKind.DEPARTEMENT, PlaceKind.COLLECTIVITE, PlaceKind.COUNTRY][n % 3]
        record.kind = kind
        if kind is PlaceKind.COUNTRY:
            record.code, record.name = countries("fr")[10]
        else:
            table = DEPARTEMENTS if kind is PlaceKind.DEPARTEMENT else COLLECTIVITES
            record.code, record.name = list(table.items())[n]
    if hasattr(record, "housing_subtype"):
        record.type = StructureType.COLLECTIVE_HOUSING  # the subtype only goes with it
    if isinstance(record, Exposition):
        record.suggested_risk = suggest_risk(record.circumstances, record.measures)
    return record


def complete_fiche(cls: type[PatientZero] | type[Contact], pz_uuid: str = "") -> AnyFiche:
    fiche: AnyFiche = fill(cls())
    fiche.places.append(fill(PlaceStayed(), 2))  # a country too
    if isinstance(fiche, Contact):
        for exposition in fiche.expositions:
            exposition.patient_zero_uuid = pz_uuid or exposition.patient_zero_uuid
    fiche.state = LifecycleState.DRAFT
    fiche.version = 3
    fiche.created_at = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    fiche.updated_at = datetime(2026, 11, 22, 9, 45, tzinfo=UTC)
    return fiche  # contradictions included: a form keeps whatever it is given


def _unset(record: Any, path: str = "") -> list[str]:
    """Paths of the fields still at their default value."""
    default = type(record)()
    out: list[str] = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        here = f"{path}{f.name}"
        if value == getattr(default, f.name):
            if not isinstance(value, Enum):  # a choice with a default is always set
                out.append(here)
        elif dataclasses.is_dataclass(value):
            out += _unset(value, here + ".")
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            for i, item in enumerate(value):
                out += _unset(item, f"{here}[{i}].")
    return out


@pytest.mark.parametrize("cls", [PatientZero, Contact])
def test_every_field_is_set(cls):
    """The complete fiche leaves no field at its default (a new field must be filled here)."""
    fiche = complete_fiche(cls)
    assert [p for p in _unset(fiche) if p not in META] == []
    assert len(fiche.structures) == 2 and fiche.structures[0].address.country
    assert {p.kind for p in fiche.places} == set(PlaceKind)


_made: list[FicheForm] = []


@pytest.fixture(autouse=True)
def quiet_forms() -> Iterator[None]:
    """No form timer fires once the test's database thread has stopped."""
    yield
    for form in _made:
        for timer in (form._autosave_timer, form._duplicate_timer, form._check_timer):
            timer.stop()
    _made.clear()


def _form(qtbot, open_thread, fiche: AnyFiche) -> FicheForm:
    cls = PatientZeroForm if isinstance(fiche, PatientZero) else ContactForm
    form = cls(open_thread, USER, fiche)
    qtbot.addWidget(form)
    _made.append(form)
    return form


@pytest.mark.parametrize("cls", [PatientZero, Contact])
def test_complete_fiche_round_trips_through_its_form(qtbot, store, open_thread, cls):
    fiche = complete_fiche(cls)
    form = _form(qtbot, open_thread, fiche)
    typed, issues = form.current()
    assert [i.path for i in issues] == []
    assert typed == fiche  # what « Enregistrer » would save
    assert not form.has_unsaved()

    # The draft (what is on screen, exactly) restored in another form: the same record.
    other = _form(qtbot, open_thread, fiche)
    data = form.draft_data()["raw"]
    for binding in other.bindings:
        binding.set_raw(data[binding.path])
    assert other.current()[0] == fiche


def test_structure_country_from_a_sync_survives_a_save(qtbot, store, open_thread, repo):
    """Letter k: a country written by an import or a sync is shown and saved back."""
    pz = complete(PatientZero(birth_name="Lefèvre"), TODAY)
    pz.structures = [fill(StructureVisit(), 0)]
    pz.structures[0].address.country = "Belgique"
    saved = repo.save(pz)
    form = _form(qtbot, open_thread, saved)
    country = form.findChild(QLineEdit, "adresse.pays")
    assert [w.text() for w in form.findChildren(QLineEdit, "adresse.pays")] == ["", "Belgique"]
    assert country is not None  # the fiche's own address, then the structure's
    # A change elsewhere, then « Enregistrer »: the country is still there.
    name = form.findChild(QLineEdit, "nom_usage")
    name.setText("Durand")
    name.textEdited.emit("Durand")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        assert form.save()
    stored = repo.get(pz.uuid)
    assert stored.usage_name == "Durand"
    assert stored.structures == saved.structures
    assert stored.structures[0].address.country == "Belgique"

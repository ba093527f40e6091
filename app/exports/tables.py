"""The tables of the two exports, as header + rows of neutralised text (no I/O).

- Legacy Excel file (MARS n°2020_109, for the Assurance Maladie by secure
  messaging): a sheet of patients zéro (one row each) and a sheet of contacts
  (one row per exposition). The contacts sheet names the patient zéro only
  when that person chose *oui* to "may their identity be given to their
  contacts"; otherwise it says the identity is not communicable.
- Pseudonymised export (décret art. 3 VI): an allow-list. Only the paths of
  ``app.core.fieldmeta.PSEUDONYMISED`` go out, each as the list says (coded
  values as they are, dates as a week or a month, the unit as a code ``U01``…
  stable within the file); nothing from letters a–d (identity, contact
  details, affiliation, doctor), no free text, and a field added to the
  records later stays out until its line in ``app.core.models`` says how it
  goes out (``out=``). Each person is a random pseudonym kept in the
  encrypted database; an exposition names its patient zéro by that person's
  pseudonym.
- Neither export holds a field without a privacy class (``FIELD_CLASSES``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from app.core import text
from app.core.dates import local
from app.core.enums import INSEE_PLACES
from app.core.fieldmeta import FIELD_CLASSES, PSEUDONYMISED, Treatment
from app.core.labels import field_paths
from app.core.models import AnyFiche, Contact, Exposition, PatientZero
from app.exports.cells import LIST_SEPARATOR, cell_text, format_value, neutralise, values_at

EXPOSITIONS = "expositions[]."


@dataclass(slots=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


def _paths(cls: type[Any], keep: Callable[[str], bool] = lambda p: True) -> dict[str, str]:
    """The classified leaf paths of *cls* kept by *keep* → label: an unclassified field is
    in no export (``app.core.fieldmeta.FIELD_CLASSES``)."""
    return {p: label for p, label in field_paths(cls).items() if p in FIELD_CLASSES and keep(p)}


# ------------------------------------------------------------------ legacy Excel

PZ_IDENTITY_HEADER = "Patient zéro › Identité (si la personne accepte qu’elle soit communiquée)"
PZ_CHOICE_HEADER = "Patient zéro › Accepte que son identité soit communiquée à ses contacts"
NOT_COMMUNICABLE = "identité non communicable (choix du patient zéro)"


def legacy_tables(fiches: Iterable[AnyFiche]) -> tuple[Table, Table]:
    """(patients zéro, contacts) for the legacy Excel file."""
    all_fiches = list(fiches)
    patients = {f.uuid: f for f in all_fiches if isinstance(f, PatientZero)}
    pz_paths = _paths(PatientZero)
    contact_paths = _paths(Contact, lambda p: not p.startswith(EXPOSITIONS))
    expo_paths = {
        p.removeprefix(EXPOSITIONS): label
        for p, label in _paths(Contact, lambda p: p.startswith(EXPOSITIONS)).items()
    }
    pz_table = Table("Patients zéro", list(pz_paths.values()))
    for pz in patients.values():
        pz_table.rows.append([cell_text(pz, p) for p in pz_paths])

    contacts = Table(
        "Contacts",
        [*contact_paths.values(), *expo_paths.values(), PZ_CHOICE_HEADER, PZ_IDENTITY_HEADER],
    )
    for fiche in all_fiches:
        if not isinstance(fiche, Contact):
            continue
        base = [cell_text(fiche, p) for p in contact_paths]
        expositions: list[Exposition | None] = list(fiche.expositions) or [None]
        for exp in expositions:
            if exp is None:
                contacts.rows.append(base + [""] * (len(expo_paths) + 2))
                continue
            linked = patients.get(exp.patient_zero_uuid)
            if linked is None:
                choice, identity = "", ""
            else:
                choice = format_value(linked.identity_disclosure)
                identity = (
                    neutralise(text.display_name(linked))
                    if linked.may_disclose_identity()
                    else NOT_COMMUNICABLE
                )
            contacts.rows.append(
                base + [cell_text(exp, p) for p in expo_paths] + [choice, identity]
            )
    return pz_table, contacts


# --------------------------------------------------------------- pseudonymised

PSEUDONYM_HEADER = "Pseudonyme"
KIND_HEADER = "Type de fiche"
PZ_PSEUDONYM_HEADER = "Expositions › Pseudonyme du patient zéro"
WEEK_SUFFIX = " (semaine ISO)"
MONTH_SUFFIX = " (mois)"
UNIT_SUFFIX = " (code)"
UNIT_PREFIX = "U"


def pseudonymised_paths(cls: type[Any]) -> dict[str, str]:
    """The allow-listed paths of a record (``PSEUDONYMISED``), in field order → header."""
    return {
        p: _pseudonymised_header(p, label)
        for p, label in field_paths(cls).items()
        if p in PSEUDONYMISED
    }


def _pseudonymised_header(path: str, label: str) -> str:
    treatment = PSEUDONYMISED[path]
    if treatment is Treatment.PSEUDONYM:
        return PZ_PSEUDONYM_HEADER
    if treatment is Treatment.WEEK:
        return label + WEEK_SUFFIX
    if treatment is Treatment.MONTH:
        return label + MONTH_SUFFIX
    if treatment is Treatment.UNIT_CODE:
        return label + UNIT_SUFFIX
    return label


class UnitCodes:
    """Units as ``U01``, ``U02``… in order of first appearance: stable within one file."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def code(self, unit: str) -> str:
        key = " ".join(unit.split()).casefold()
        if not key:
            return ""
        found = self._codes.get(key)
        if found is None:
            found = f"{UNIT_PREFIX}{len(self._codes) + 1:02d}"
            self._codes[key] = found
        return found


def pseudonymised_table(fiches: Iterable[AnyFiche], pseudonyms: Mapping[str, str]) -> Table:
    """One row per patient zéro and per contact's exposition; *pseudonyms*: UUID → pseudonym.

    Only the paths of the allow-list (``app.core.fieldmeta.PSEUDONYMISED``) are
    read, each one treated as the list says; the units get codes fresh for this
    call (the same unit has the same code throughout the file).
    """
    pz_paths = pseudonymised_paths(PatientZero)
    contact_all = pseudonymised_paths(Contact)
    contact_paths = {p: h for p, h in contact_all.items() if not p.startswith(EXPOSITIONS)}
    person_paths = dict(pz_paths)
    for p, header in contact_paths.items():
        person_paths.setdefault(p, header)
    expo_paths = {p: h for p, h in contact_all.items() if p.startswith(EXPOSITIONS)}
    table = Table(
        "Données pseudonymisées",
        [PSEUDONYM_HEADER, KIND_HEADER, *person_paths.values(), *expo_paths.values()],
    )
    units = UnitCodes()
    for fiche in fiches:
        own = pz_paths if isinstance(fiche, PatientZero) else contact_paths
        base = [
            pseudonyms[fiche.uuid],
            format_value(fiche.kind),
            *(
                _pseudonymised_cell(fiche, p, p, pseudonyms, units) if p in own else ""
                for p in person_paths
            ),
        ]
        if isinstance(fiche, PatientZero) or not fiche.expositions:
            table.rows.append(base + [""] * len(expo_paths))
            continue
        for exp in fiche.expositions:
            table.rows.append(
                base
                + [
                    _pseudonymised_cell(exp, p, p.removeprefix(EXPOSITIONS), pseudonyms, units)
                    for p in expo_paths
                ]
            )
    return table


def _pseudonymised_cell(
    record: Any, path: str, relative: str, pseudonyms: Mapping[str, str], units: UnitCodes
) -> str:
    """The cell of allow-listed *path*, read at *relative* in *record* (fiche or exposition)."""
    treatment = PSEUDONYMISED[path]  # KeyError: never read a path off the list
    parts = [
        _pseudonymised_value(v, treatment, pseudonyms, units) for v in values_at(record, relative)
    ]
    # Empty items are kept so that the items of parallel lists stay aligned.
    return neutralise(LIST_SEPARATOR.join(parts)) if any(parts) else ""


def _pseudonymised_value(
    value: Any, treatment: Treatment, pseudonyms: Mapping[str, str], units: UnitCodes
) -> str:
    if value is None:
        return ""
    if treatment is Treatment.AS_IS:
        # A coded value only: a plain string (free text) never goes out as is.
        if isinstance(value, StrEnum | bool | int):
            return format_value(value)
        return ""
    if treatment in (Treatment.WEEK, Treatment.MONTH):
        if isinstance(value, datetime):
            value = local(value).date()  # the establishment's calendar
        if not isinstance(value, date):
            return ""
        if treatment is Treatment.MONTH:
            return f"{value.year:04d}-{value.month:02d}"
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if treatment is Treatment.UNIT_CODE:
        return units.code(value) if isinstance(value, str) else ""
    if treatment is Treatment.PLACE_CODE:
        return _place_code(value) if isinstance(value, str) else ""
    if treatment is Treatment.PSEUDONYM:
        return pseudonyms.get(value, "") if isinstance(value, str) else ""
    return ""  # pragma: no cover - every treatment is handled above


def _place_code(code: str) -> str:
    """*code* if it is an INSEE département / collectivité or an ISO 3166 country code."""
    code = code.strip().upper()
    if code in INSEE_PLACES or code in _country_codes():
        return code
    return ""


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(
        code
        for code in Locale.parse("fr").territories
        if isinstance(code, str) and len(code) == 2 and code.isalpha()
    )

"""The tables of the two exports, as header + rows of neutralised text (no I/O).

- Legacy Excel file (MARS n°2020_109, for the Assurance Maladie by secure
  messaging): a sheet of patients zéro (one row each) and a sheet of contacts
  (one row per exposition). The contacts sheet names the patient zéro only
  when that person chose *oui* to "may their identity be given to their
  contacts"; otherwise it says the identity is not communicable.
- Pseudonymised export (décret art. 3 VI): no names, first names, NIR,
  address, phone or e-mail, nothing from letters a–d (identity, contact
  details, affiliation, doctor), and no free text that could carry them. Each
  person is a random pseudonym kept in the encrypted database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core import text
from app.core.labels import field_paths
from app.core.models import AnyFiche, Contact, Exposition, PatientZero
from app.exports.cells import cell_text, format_value, neutralise

EXPOSITIONS = "expositions[]."


@dataclass(slots=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)


def _paths(cls: type[Any], keep: Callable[[str], bool] = lambda p: True) -> dict[str, str]:
    return {p: label for p, label in field_paths(cls).items() if keep(p)}


# ------------------------------------------------------------------ legacy Excel

PZ_IDENTITY_HEADER = "Patient zéro › Identité (si la personne accepte qu'elle soit communiquée)"
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
        for p, label in field_paths(Contact).items()
        if p.startswith(EXPOSITIONS)
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

#: Field keys left out of the pseudonymised export: décret art. 3 VI (names,
#: NIR, address, phone, e-mail, letters a–d), the record's own identifiers
#: (replaced by the pseudonym), and free text that could carry any of them.
EXCLUDED_PREFIXES = (
    "uuid",
    "version",
    "modifie_le",
    # (a) identity
    "nom_naissance",
    "nom_usage",
    "prenoms",
    "date_naissance",
    "sexe",
    "representant_legal.",
    "nir",
    "code_ame",
    # (b) contact details
    "adresse.",
    "telephones[]",
    "email",
    # (c) affiliation, (d) doctor
    "organisme_affiliation",
    "medecin.",
    # room number, structures' details, free text
    "etablissement.chambre",
    "structures[].nom",
    "structures[].adresse.",
    "structures[].telephone",
    "rassemblements[].lieu",
    "rassemblements[].precision",
    "information.par",
    "expositions[].uuid",
    "expositions[].patient_zero_uuid",
    "expositions[].autre_circonstance",
)

PSEUDONYM_HEADER = "Pseudonyme"
KIND_HEADER = "Type de fiche"
PZ_PSEUDONYM_HEADER = "Expositions › Pseudonyme du patient zéro"


def pseudonymised_allowed(path: str) -> bool:
    return not any(
        path == prefix or (prefix.endswith((".", "[]")) and path.startswith(prefix))
        for prefix in EXCLUDED_PREFIXES
    )


def pseudonymised_table(fiches: Iterable[AnyFiche], pseudonyms: Mapping[str, str]) -> Table:
    """One row per patient zéro and per contact's exposition; *pseudonyms*: UUID → pseudonym."""
    pz_paths = _paths(PatientZero, pseudonymised_allowed)
    contact_paths = _paths(
        Contact, lambda p: pseudonymised_allowed(p) and not p.startswith(EXPOSITIONS)
    )
    person_paths = dict(pz_paths)
    for p, label in contact_paths.items():
        person_paths.setdefault(p, label)
    expo_paths = {
        p.removeprefix(EXPOSITIONS): label
        for p, label in field_paths(Contact).items()
        if p.startswith(EXPOSITIONS) and pseudonymised_allowed(p)
    }
    table = Table(
        "Données pseudonymisées",
        [
            PSEUDONYM_HEADER,
            KIND_HEADER,
            *person_paths.values(),
            PZ_PSEUDONYM_HEADER,
            *expo_paths.values(),
        ],
    )
    for fiche in fiches:
        own = pz_paths if isinstance(fiche, PatientZero) else contact_paths
        base = [
            pseudonyms[fiche.uuid],
            format_value(fiche.kind),
            *(_pseudonymised_cell(fiche, p) if p in own else "" for p in person_paths),
        ]
        if isinstance(fiche, PatientZero) or not fiche.expositions:
            table.rows.append(base + [""] * (len(expo_paths) + 1))
            continue
        for exp in fiche.expositions:
            table.rows.append(
                base
                + [pseudonyms.get(exp.patient_zero_uuid, "")]
                + [cell_text(exp, p) for p in expo_paths]
            )
    return table


def _pseudonymised_cell(fiche: AnyFiche, path: str) -> str:
    if path == "cree_le" and fiche.created_at is not None:
        return fiche.created_at.strftime("%d/%m/%Y")  # the day only, in UTC
    return cell_text(fiche, path)

"""What each field of a fiche is, once, and what of it the pseudonymised export may carry.

Every leaf path of :func:`app.core.labels.field_paths` (patient zéro and
contact) has exactly one :class:`FieldClass` in :data:`FIELD_CLASSES`. The
test suite walks both models and fails on a path without a class, so a field
added later must be classified before it ships.

:data:`PSEUDONYMISED` is the allow-list of the pseudonymised export (décret
art. 3 VI, FIELDS.md): a path that is not in it never goes out, and each path
in it says how its value goes out (:class:`Treatment`). Letters a–d (identity,
contact details, affiliation, doctor) are left out whole, free text is never
exported, dates are coarsened, the unit becomes a code stable within one file
and the link to a patient zéro becomes that person's pseudonym. The module
refuses to import if the allow-list names an unknown path or a class its
treatment may not carry (free text, identifying or record fields: never).

Pure Python: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from app.core.labels import field_paths
from app.core.models import Contact, PatientZero


class FieldClass(StrEnum):
    """What a field's value is, as far as disclosure is concerned."""

    #: Technical data of the record itself (its UUID, version, last change).
    RECORD = "record"
    #: A reference to another fiche (replaced by a pseudonym, never exported as is).
    LINK = "link"
    #: Names a person directly: letters a–d (names, NIR, address, phones, doctor…).
    IDENTIFYING = "identifying"
    #: Identifies in combination: dates, sex, room, unit, postal codes.
    QUASI_IDENTIFYING = "quasi_identifying"
    #: Text typed by a person that is not a code: may carry anything, a name included.
    FREE_TEXT = "free_text"
    #: A value from a fixed list: enumerations, booleans, INSEE or ISO codes.
    CODED = "coded"


class Treatment(StrEnum):
    """How an allowed field goes out in the pseudonymised export."""

    #: The coded value, as its French label (enumerations, oui / non).
    AS_IS = "as_is"
    #: A date as its ISO week (``2026-W47``).
    WEEK = "week"
    #: A date or an instant as its month (``2026-11``).
    MONTH = "month"
    #: The unit as a pseudonymous code ``U01``, ``U02``… stable within one file.
    UNIT_CODE = "unit_code"
    #: A place stayed: only a code from a fixed list (INSEE département or
    #: collectivité, ISO 3166 country); anything else is left blank.
    PLACE_CODE = "place_code"
    #: A link to another fiche, as that fiche's pseudonym.
    PSEUDONYM = "pseudonym"


_R = FieldClass.RECORD
_L = FieldClass.LINK
_I = FieldClass.IDENTIFYING
_Q = FieldClass.QUASI_IDENTIFYING
_T = FieldClass.FREE_TEXT
_C = FieldClass.CODED

_CLASSES: dict[str, FieldClass] = {
    # the record
    "uuid": _R,
    "etat": _C,  # lifecycle state: an enumeration
    "version": _R,
    "cree_le": _Q,  # an instant: when the person was registered
    "modifie_le": _R,
    # (a) identity
    "nom_naissance": _I,
    "nom_usage": _I,
    "prenoms": _I,
    "date_naissance": _Q,
    "sexe": _Q,
    "representant_legal.nom": _I,
    "representant_legal.lien": _I,
    "representant_legal.telephone": _I,
    "nir": _I,
    "code_ame": _I,
    # (b) contact details
    "adresse.lignes[]": _I,
    "adresse.code_postal": _Q,
    "adresse.commune": _I,
    "adresse.pays": _I,
    "telephones[]": _I,
    "email": _I,
    # (c) affiliation, (d) doctor
    "organisme_affiliation": _I,
    "medecin.nom": _I,
    "medecin.specialite": _I,
    "medecin.telephone": _I,
    "medecin.rpps": _I,
    "medecin.adeli": _I,
    # place in the establishment
    "etablissement.statut": _C,
    "etablissement.service": _Q,
    "etablissement.chambre": _Q,
    # (h)
    "besoin_accompagnement": _C,
    "consentement_accompagnement": _C,
    # (j)
    "lieux_sejour[].type": _C,
    "lieux_sejour[].code": _C,
    "lieux_sejour[].nom": _T,
    "date_retour_france": _Q,
    # (k)
    "structures[].type": _C,
    "structures[].sous_type": _C,
    "structures[].nom": _T,
    "structures[].adresse.lignes[]": _I,
    "structures[].adresse.code_postal": _Q,
    "structures[].adresse.commune": _I,
    "structures[].adresse.pays": _I,
    "structures[].telephone": _I,
    "structures[].date_frequentation": _Q,
    # (l)
    "rassemblements[].lieu": _T,
    "rassemblements[].date": _Q,
    "rassemblements[].objet": _C,
    "rassemblements[].precision": _T,
    # information given (MARS 109)
    "information.date": _Q,
    "information.par": _T,
    "information.modalites[]": _C,
    "information.droit_opposition_recherche": _C,
    # patient zéro: (e) infection, identity choice, (q), (r), (s)
    "infection.type_examen": _C,
    "infection.date_prelevement": _Q,
    "infection.resultat": _C,
    "infection.date_premiers_symptomes": _Q,
    "infection.asymptomatique": _C,
    "divulgation_identite": _C,
    "quarantaine.en_quarantaine": _C,
    "quarantaine.raisons[]": _C,
    "contact_personne_infectee": _C,
    "depistage_ars": _C,
    # contact: (e) expositions, symptoms
    "expositions[].uuid": _L,
    "expositions[].patient_zero_uuid": _L,
    "expositions[].date_dernier_contact": _Q,
    "expositions[].circonstances[]": _C,
    "expositions[].autre_circonstance": _T,
    "expositions[].mesures_protection[]": _C,
    "expositions[].risque_suggere": _C,
    "expositions[].evaluation_risque": _C,
    "symptomes.presents": _C,
    "symptomes.date_debut": _Q,
}

#: Every field path of both records → its class.
FIELD_CLASSES: Mapping[str, FieldClass] = MappingProxyType(_CLASSES)

_AS_IS = Treatment.AS_IS
_WEEK = Treatment.WEEK
_MONTH = Treatment.MONTH

_ALLOW: dict[str, Treatment] = {
    "etat": _AS_IS,
    "cree_le": _MONTH,
    "etablissement.statut": _AS_IS,
    "etablissement.service": Treatment.UNIT_CODE,
    "besoin_accompagnement": _AS_IS,
    "consentement_accompagnement": _AS_IS,
    "lieux_sejour[].type": _AS_IS,
    "lieux_sejour[].code": Treatment.PLACE_CODE,
    "date_retour_france": _WEEK,
    "structures[].type": _AS_IS,
    "structures[].sous_type": _AS_IS,
    "structures[].date_frequentation": _WEEK,
    "rassemblements[].date": _WEEK,
    "rassemblements[].objet": _AS_IS,
    "information.date": _MONTH,
    "information.modalites[]": _AS_IS,
    "information.droit_opposition_recherche": _AS_IS,
    "infection.type_examen": _AS_IS,
    "infection.date_prelevement": _WEEK,
    "infection.resultat": _AS_IS,
    "infection.date_premiers_symptomes": _WEEK,
    "infection.asymptomatique": _AS_IS,
    "divulgation_identite": _AS_IS,
    "quarantaine.en_quarantaine": _AS_IS,
    "quarantaine.raisons[]": _AS_IS,
    "contact_personne_infectee": _AS_IS,
    "depistage_ars": _AS_IS,
    "expositions[].patient_zero_uuid": Treatment.PSEUDONYM,
    "expositions[].date_dernier_contact": _WEEK,
    "expositions[].circonstances[]": _AS_IS,
    "expositions[].mesures_protection[]": _AS_IS,
    "expositions[].risque_suggere": _AS_IS,
    "expositions[].evaluation_risque": _AS_IS,
    "symptomes.presents": _AS_IS,
    "symptomes.date_debut": _WEEK,
}

#: The allow-list of the pseudonymised export: path → how its value goes out.
PSEUDONYMISED: Mapping[str, Treatment] = MappingProxyType(_ALLOW)

#: The classes each treatment may be applied to. FREE_TEXT, IDENTIFYING and
#: RECORD appear nowhere: such a field can never be in the allow-list.
ALLOWED_CLASSES: Mapping[Treatment, frozenset[FieldClass]] = MappingProxyType(
    {
        Treatment.AS_IS: frozenset({FieldClass.CODED}),
        Treatment.WEEK: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.MONTH: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.UNIT_CODE: frozenset({FieldClass.QUASI_IDENTIFYING}),
        Treatment.PLACE_CODE: frozenset({FieldClass.CODED}),
        Treatment.PSEUDONYM: frozenset({FieldClass.LINK}),
    }
)

#: Classes that never go out, whatever the treatment.
NEVER_EXPORTED: frozenset[FieldClass] = frozenset(
    {FieldClass.FREE_TEXT, FieldClass.IDENTIFYING, FieldClass.RECORD}
)

_INDEX = re.compile(r"\[\d*\]")


def normalise_path(path: str) -> str:
    """*path* with list indices dropped: ``expositions[0].uuid`` → ``expositions[].uuid``."""
    return _INDEX.sub("[]", path)


def model_paths() -> list[str]:
    """Every leaf path of the patient-zéro and contact records, in field order, once."""
    return list(dict.fromkeys([*field_paths(PatientZero), *field_paths(Contact)]))


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

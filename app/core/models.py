"""The records the program keeps: a fiche per person, and the expositions linking them.

Plain mutable dataclasses (the forms edit them in place). Conventions:

- free text is ``str`` and ``""`` means "not filled";
- dates are ``datetime.date``; instants are aware ``datetime`` in UTC;
- an unanswered choice is ``None`` (enums, ``bool | None``);
- lists default to empty.

Each field carries, in its metadata, its stable French key (used by the JSON
document, validation paths and exports) and its French label (FIELDS.md
wording); ``app.core.labels`` reads them. Attribute names are English.

Each leaf field also carries its privacy class (``_I`` identifying, ``_Q``
quasi-identifying, ``_T`` free text, ``_C`` coded, ``_R`` the record's own,
``_L`` a link to another fiche), and, when it may go out in the pseudonymised
export, how (``out=``); a field of the fiche itself may say what the promotion
to patient zéro does with it (``promote=``, default: copied). ``app.core.fieldmeta``
reads them: adding a field is this one line (plus its form binding and its
translation); the promotion, both exports and their tests follow from it.
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from app.core.enums import (
    Circumstance,
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    FicheKind,
    GatheringPurpose,
    HousingSubtype,
    InformationMode,
    LifecycleState,
    PlaceKind,
    ProtectiveMeasure,
    QuarantineReason,
    RiskAssessment,
    Sex,
    StructureType,
    YesNoUnknown,
)
from app.core.fieldkinds import PRIVACY, PROMOTE, PSEUDONYMISED, FieldClass, Promote, Treatment
from app.core.i18n import QT_TRANSLATE_NOOP


def new_uuid() -> str:
    """A fresh random record identifier (UUID4, canonical lower-case text)."""
    return str(_uuid.uuid4())


def _m(
    key: str,
    label: str,
    privacy: FieldClass | None = None,
    *,
    out: Treatment | None = None,
    promote: Promote | None = None,
) -> dict[str, Any]:
    """A field's metadata (see :mod:`app.core.fieldkinds`); a nested record has no *privacy*."""
    meta: dict[str, Any] = {"key": key, "label": label}
    if privacy is not None:
        meta[PRIVACY] = privacy
    if out is not None:
        meta[PSEUDONYMISED] = out
    if promote is not None:
        meta[PROMOTE] = promote
    return meta


_I = FieldClass.IDENTIFYING
_Q = FieldClass.QUASI_IDENTIFYING
_T = FieldClass.FREE_TEXT
_C = FieldClass.CODED
_R = FieldClass.RECORD
_L = FieldClass.LINK
_AS_IS = Treatment.AS_IS
_WEEK = Treatment.WEEK
_MONTH = Treatment.MONTH
_DROP = Promote.DROP


@dataclass(slots=True, kw_only=True)
class Address:
    lines: list[str] = field(
        default_factory=list,
        metadata=_m("lignes", QT_TRANSLATE_NOOP("core", "Ligne(s) d’adresse"), _I),
    )
    postal_code: str = field(
        default="", metadata=_m("code_postal", QT_TRANSLATE_NOOP("core", "Code postal"), _Q)
    )
    city: str = field(default="", metadata=_m("commune", QT_TRANSLATE_NOOP("core", "Commune"), _I))
    #: ``""`` means France.
    country: str = field(default="", metadata=_m("pays", QT_TRANSLATE_NOOP("core", "Pays"), _I))

    def is_empty(self) -> bool:
        return not (
            any(line.strip() for line in self.lines)
            or self.postal_code.strip()
            or self.city.strip()
        )


@dataclass(slots=True, kw_only=True)
class LegalRepresentative:
    """For a minor or a protected adult (letter a)."""

    name: str = field(default="", metadata=_m("nom", QT_TRANSLATE_NOOP("core", "Nom"), _I))
    relationship: str = field(
        default="", metadata=_m("lien", QT_TRANSLATE_NOOP("core", "Lien avec la personne"), _I)
    )
    phone: str = field(
        default="", metadata=_m("telephone", QT_TRANSLATE_NOOP("core", "Téléphone"), _I)
    )


@dataclass(slots=True, kw_only=True)
class Doctor:
    """Letter d: médecin à l'origine de l'inscription (patient zéro) or médecin traitant."""

    name: str = field(default="", metadata=_m("nom", QT_TRANSLATE_NOOP("core", "Nom"), _I))
    specialty: str = field(
        default="", metadata=_m("specialite", QT_TRANSLATE_NOOP("core", "Spécialité"), _I)
    )
    phone: str = field(
        default="", metadata=_m("telephone", QT_TRANSLATE_NOOP("core", "Téléphone"), _I)
    )
    rpps: str = field(default="", metadata=_m("rpps", QT_TRANSLATE_NOOP("core", "N° RPPS"), _I))
    adeli: str = field(default="", metadata=_m("adeli", QT_TRANSLATE_NOOP("core", "N° ADELI"), _I))


@dataclass(slots=True, kw_only=True)
class InfectionEvidence:
    """Letter e (patient zéro): how the infection was established."""

    exam_type: ExamType | None = field(
        default=None,
        metadata=_m("type_examen", QT_TRANSLATE_NOOP("core", "Type d’examen"), _C, out=_AS_IS),
    )
    sample_date: date | None = field(
        default=None,
        metadata=_m(
            "date_prelevement", QT_TRANSLATE_NOOP("core", "Date de prélèvement"), _Q, out=_WEEK
        ),
    )
    result: ExamResult | None = field(
        default=None, metadata=_m("resultat", QT_TRANSLATE_NOOP("core", "Résultat"), _C, out=_AS_IS)
    )
    symptom_onset: date | None = field(
        default=None,
        metadata=_m(
            "date_premiers_symptomes",
            QT_TRANSLATE_NOOP("core", "Date des premiers symptômes"),
            _Q,
            out=_WEEK,
        ),
    )
    asymptomatic: bool = field(
        default=False,
        metadata=_m("asymptomatique", QT_TRANSLATE_NOOP("core", "Asymptomatique"), _C, out=_AS_IS),
    )

    def diagnosis_date(self) -> date | None:
        """The earlier of the sample date and the first-symptom date, if any."""
        dates = [d for d in (self.sample_date, self.symptom_onset) if d is not None]
        return min(dates) if dates else None


@dataclass(slots=True, kw_only=True)
class EstablishmentPlace:
    """The person's place in the establishment *(practice)*."""

    status: EstablishmentStatus | None = field(
        default=None,
        metadata=_m(
            "statut", QT_TRANSLATE_NOOP("core", "Statut dans l’établissement"), _C, out=_AS_IS
        ),
    )
    unit: str = field(
        default="",
        metadata=_m(
            "service", QT_TRANSLATE_NOOP("core", "Service / unité"), _Q, out=Treatment.UNIT_CODE
        ),
    )
    room: str = field(default="", metadata=_m("chambre", QT_TRANSLATE_NOOP("core", "Chambre"), _Q))


@dataclass(slots=True, kw_only=True)
class InformationGiven:
    """MARS 109: the person was informed; when, by whom (the signed-in user), how."""

    given_on: date | None = field(
        default=None,
        metadata=_m("date", QT_TRANSLATE_NOOP("core", "Date de l’information"), _Q, out=_MONTH),
    )
    given_by: str = field(
        default="", metadata=_m("par", QT_TRANSLATE_NOOP("core", "Information donnée par"), _T)
    )
    modes: list[InformationMode] = field(
        default_factory=list,
        metadata=_m(
            "modalites", QT_TRANSLATE_NOOP("core", "Modalités d’information"), _C, out=_AS_IS
        ),
    )
    research_opposition_right: bool = field(
        default=False,
        metadata=_m(
            "droit_opposition_recherche",
            QT_TRANSLATE_NOOP(
                "core", "Informé(e) du droit d’opposition à la réutilisation pour la recherche"
            ),
            _C,
            out=_AS_IS,
        ),
    )


@dataclass(slots=True, kw_only=True)
class PlaceStayed:
    """Letter j: a département, a collectivité (art. 72-3) or a country."""

    kind: PlaceKind = field(
        default=PlaceKind.DEPARTEMENT,
        metadata=_m("type", QT_TRANSLATE_NOOP("core", "Type"), _C, out=_AS_IS),
    )
    #: INSEE code for a département / collectivité; empty or ISO code for a country.
    code: str = field(
        default="",
        metadata=_m("code", QT_TRANSLATE_NOOP("core", "Code"), _C, out=Treatment.PLACE_CODE),
    )
    name: str = field(default="", metadata=_m("nom", QT_TRANSLATE_NOOP("core", "Nom"), _T))


@dataclass(slots=True, kw_only=True)
class StructureVisit:
    """Letter k: a structure frequented in the last 14 days, with its details (E-k)."""

    type: StructureType | None = field(
        default=None,
        metadata=_m("type", QT_TRANSLATE_NOOP("core", "Type de structure"), _C, out=_AS_IS),
    )
    housing_subtype: HousingSubtype | None = field(
        default=None,
        metadata=_m(
            "sous_type", QT_TRANSLATE_NOOP("core", "Type d’hébergement collectif"), _C, out=_AS_IS
        ),
    )
    name: str = field(
        default="", metadata=_m("nom", QT_TRANSLATE_NOOP("core", "Nom de la structure"), _T)
    )
    address: Address = field(
        default_factory=Address, metadata=_m("adresse", QT_TRANSLATE_NOOP("core", "Adresse"))
    )
    phone: str = field(
        default="", metadata=_m("telephone", QT_TRANSLATE_NOOP("core", "Téléphone"), _I)
    )
    last_visit: date | None = field(
        default=None,
        metadata=_m(
            "date_frequentation", QT_TRANSLATE_NOOP("core", "Date de fréquentation"), _Q, out=_WEEK
        ),
    )


@dataclass(slots=True, kw_only=True)
class Gathering:
    """Letter l: a gathering attended: place, date and purpose (E-l)."""

    place: str = field(default="", metadata=_m("lieu", QT_TRANSLATE_NOOP("core", "Lieu"), _T))
    held_on: date | None = field(
        default=None, metadata=_m("date", QT_TRANSLATE_NOOP("core", "Date"), _Q, out=_WEEK)
    )
    purpose: GatheringPurpose | None = field(
        default=None,
        metadata=_m("objet", QT_TRANSLATE_NOOP("core", "Objet du rassemblement"), _C, out=_AS_IS),
    )
    detail: str = field(
        default="", metadata=_m("precision", QT_TRANSLATE_NOOP("core", "Précision"), _T)
    )


@dataclass(slots=True, kw_only=True)
class Quarantine:
    """Letter q: in quarantine during the last 14 days, and why (E-q)."""

    in_quarantine: bool | None = field(
        default=None,
        metadata=_m(
            "en_quarantaine",
            QT_TRANSLATE_NOOP("core", "En quarantaine au cours des 14 derniers jours"),
            _C,
            out=_AS_IS,
        ),
    )
    reasons: list[QuarantineReason] = field(
        default_factory=list,
        metadata=_m(
            "raisons", QT_TRANSLATE_NOOP("core", "Raisons de la quarantaine"), _C, out=_AS_IS
        ),
    )


@dataclass(slots=True, kw_only=True)
class Symptoms:
    """A contact's symptoms *(practice)*."""

    present: bool | None = field(
        default=None,
        metadata=_m("presents", QT_TRANSLATE_NOOP("core", "Symptômes"), _C, out=_AS_IS),
    )
    onset: date | None = field(
        default=None,
        metadata=_m(
            "date_debut", QT_TRANSLATE_NOOP("core", "Date de début des symptômes"), _Q, out=_WEEK
        ),
    )


@dataclass(slots=True, kw_only=True)
class Exposition:
    """The link between one contact and one patient zéro (letter e of a contact)."""

    uuid: str = field(
        default_factory=new_uuid, metadata=_m("uuid", QT_TRANSLATE_NOOP("core", "Identifiant"), _L)
    )
    patient_zero_uuid: str = field(
        default="",
        metadata=_m(
            "patient_zero_uuid",
            QT_TRANSLATE_NOOP("core", "Patient zéro"),
            _L,
            out=Treatment.PSEUDONYM,
        ),
    )
    last_contact: date | None = field(
        default=None,
        metadata=_m(
            "date_dernier_contact",
            QT_TRANSLATE_NOOP("core", "Date du dernier contact"),
            _Q,
            out=_WEEK,
        ),
    )
    circumstances: list[Circumstance] = field(
        default_factory=list,
        metadata=_m("circonstances", QT_TRANSLATE_NOOP("core", "Circonstances"), _C, out=_AS_IS),
    )
    other_circumstance: str = field(
        default="",
        metadata=_m("autre_circonstance", QT_TRANSLATE_NOOP("core", "Autre circonstance"), _T),
    )
    measures: list[ProtectiveMeasure] = field(
        default_factory=list,
        metadata=_m(
            "mesures_protection", QT_TRANSLATE_NOOP("core", "Mesures de protection"), _C, out=_AS_IS
        ),
    )
    suggested_risk: RiskAssessment | None = field(
        default=None,
        metadata=_m(
            "risque_suggere", QT_TRANSLATE_NOOP("core", "Évaluation suggérée"), _C, out=_AS_IS
        ),
    )
    risk: RiskAssessment | None = field(
        default=None,
        metadata=_m(
            "evaluation_risque", QT_TRANSLATE_NOOP("core", "Évaluation du risque"), _C, out=_AS_IS
        ),
    )


@dataclass(slots=True, kw_only=True)
class Fiche:
    """What patients zéro and contacts share (letters a–d, h, j–l, place, information)."""

    KIND: ClassVar[FicheKind]

    uuid: str = field(
        default_factory=new_uuid,
        metadata=_m("uuid", QT_TRANSLATE_NOOP("core", "Identifiant"), _R, promote=_DROP),
    )
    state: LifecycleState = field(
        default=LifecycleState.DRAFT,
        metadata=_m("etat", QT_TRANSLATE_NOOP("core", "État"), _C, out=_AS_IS, promote=_DROP),
    )
    #: 0 before the first save, 1 at creation, +1 at every save (the db sets it).
    version: int = field(
        default=0, metadata=_m("version", QT_TRANSLATE_NOOP("core", "Version"), _R, promote=_DROP)
    )
    #: Fixed at first save, aware UTC; the retention deadline derives from it.
    created_at: datetime | None = field(
        default=None,
        metadata=_m(
            "cree_le", QT_TRANSLATE_NOOP("core", "Créée le"), _Q, out=_MONTH, promote=_DROP
        ),
    )
    updated_at: datetime | None = field(
        default=None,
        metadata=_m("modifie_le", QT_TRANSLATE_NOOP("core", "Modifiée le"), _R, promote=_DROP),
    )
    # (a) identity
    birth_name: str = field(
        default="", metadata=_m("nom_naissance", QT_TRANSLATE_NOOP("core", "Nom de naissance"), _I)
    )
    usage_name: str = field(
        default="", metadata=_m("nom_usage", QT_TRANSLATE_NOOP("core", "Nom d’usage"), _I)
    )
    first_names: str = field(
        default="", metadata=_m("prenoms", QT_TRANSLATE_NOOP("core", "Prénoms"), _I)
    )
    birth_date: date | None = field(
        default=None,
        metadata=_m("date_naissance", QT_TRANSLATE_NOOP("core", "Date de naissance"), _Q),
    )
    sex: Sex | None = field(
        default=None, metadata=_m("sexe", QT_TRANSLATE_NOOP("core", "Sexe"), _Q)
    )
    legal_representative: LegalRepresentative | None = field(
        default=None,
        metadata=_m("representant_legal", QT_TRANSLATE_NOOP("core", "Représentant légal")),
    )
    #: 15 characters, no spaces (``identifiers.normalize_nir``).
    nir: str = field(default="", metadata=_m("nir", QT_TRANSLATE_NOOP("core", "NIR"), _I))
    ame_code: str = field(
        default="", metadata=_m("code_ame", QT_TRANSLATE_NOOP("core", "Code d’admission AME"), _I)
    )
    # (b) contact details
    address: Address = field(
        default_factory=Address, metadata=_m("adresse", QT_TRANSLATE_NOOP("core", "Adresse"))
    )
    #: E.164 numbers (``identifiers.parse_phone``).
    phones: list[str] = field(
        default_factory=list, metadata=_m("telephones", QT_TRANSLATE_NOOP("core", "Téléphones"), _I)
    )
    email: str = field(default="", metadata=_m("email", QT_TRANSLATE_NOOP("core", "E-mail"), _I))
    # (c)
    insurance_body: str = field(
        default="",
        metadata=_m(
            "organisme_affiliation", QT_TRANSLATE_NOOP("core", "Organisme d’affiliation"), _I
        ),
    )
    # (d)
    doctor: Doctor = field(
        default_factory=Doctor, metadata=_m("medecin", QT_TRANSLATE_NOOP("core", "Médecin"))
    )
    # place in the establishment (practice)
    establishment: EstablishmentPlace = field(
        default_factory=EstablishmentPlace,
        metadata=_m("etablissement", QT_TRANSLATE_NOOP("core", "Place dans l’établissement")),
    )
    # (h)
    support_needed: bool | None = field(
        default=None,
        metadata=_m(
            "besoin_accompagnement",
            QT_TRANSLATE_NOOP("core", "Besoin d’un accompagnement sanitaire ou social"),
            _C,
            out=_AS_IS,
        ),
    )
    support_consent: Consent | None = field(
        default=None,
        metadata=_m(
            "consentement_accompagnement",
            QT_TRANSLATE_NOOP(
                "core",
                "Consentement à la communication de l’identité et des coordonnées à l’organisme compétent",  # noqa: E501
            ),
            _C,
            out=_AS_IS,
            promote=Promote.ASK_AGAIN,
        ),
    )
    # (j)
    places: list[PlaceStayed] = field(
        default_factory=list,
        metadata=_m(
            "lieux_sejour", QT_TRANSLATE_NOOP("core", "Lieux de séjour des 14 derniers jours")
        ),
    )
    return_to_france: date | None = field(
        default=None,
        metadata=_m(
            "date_retour_france",
            QT_TRANSLATE_NOOP("core", "Date de retour en France"),
            _Q,
            out=_WEEK,
        ),
    )
    # (k)
    structures: list[StructureVisit] = field(
        default_factory=list,
        metadata=_m(
            "structures", QT_TRANSLATE_NOOP("core", "Structures fréquentées (14 derniers jours)")
        ),
    )
    # (l)
    gatherings: list[Gathering] = field(
        default_factory=list,
        metadata=_m("rassemblements", QT_TRANSLATE_NOOP("core", "Rassemblements")),
    )
    information: InformationGiven = field(
        default_factory=InformationGiven,
        metadata=_m("information", QT_TRANSLATE_NOOP("core", "Information de la personne")),
    )

    @property
    def kind(self) -> FicheKind:
        return self.KIND


@dataclass(slots=True, kw_only=True)
class PatientZero(Fiche):
    """Art. 2 II 1°: an infected person."""

    KIND: ClassVar[FicheKind] = FicheKind.PATIENT_ZERO

    # (e)
    infection: InfectionEvidence = field(
        default_factory=InfectionEvidence,
        metadata=_m("infection", QT_TRANSLATE_NOOP("core", "Établissement de l’infection")),
    )
    #: MARS 109: may the identity be given to the contacts?
    identity_disclosure: Consent | None = field(
        default=None,
        metadata=_m(
            "divulgation_identite",
            QT_TRANSLATE_NOOP("core", "Accepte que son identité soit communiquée à ses contacts"),
            _C,
            out=_AS_IS,
        ),
    )
    # (q)
    quarantine: Quarantine = field(
        default_factory=Quarantine,
        metadata=_m("quarantaine", QT_TRANSLATE_NOOP("core", "Quarantaine")),
    )
    # (r)
    contact_with_case: YesNoUnknown | None = field(
        default=None,
        metadata=_m(
            "contact_personne_infectee",
            QT_TRANSLATE_NOOP(
                "core", "Contact avec une personne infectée ou symptomatique (14 derniers jours)"
            ),
            _C,
            out=_AS_IS,
        ),
    )
    # (s)
    ars_screening: bool | None = field(
        default=None,
        metadata=_m(
            "depistage_ars",
            QT_TRANSLATE_NOOP("core", "Dépisté(e) lors d’une campagne organisée par l’ARS"),
            _C,
            out=_AS_IS,
        ),
    )

    def may_disclose_identity(self) -> bool:
        """True only on an explicit *oui*: *non* and *non recueilli* both withhold it."""
        return self.identity_disclosure is Consent.YES


@dataclass(slots=True, kw_only=True)
class Contact(Fiche):
    """Art. 2 II 2°: a person in contact with one or more patients zéro."""

    KIND: ClassVar[FicheKind] = FicheKind.CONTACT

    expositions: list[Exposition] = field(
        default_factory=list, metadata=_m("expositions", QT_TRANSLATE_NOOP("core", "Expositions"))
    )
    symptoms: Symptoms = field(
        default_factory=Symptoms, metadata=_m("symptomes", QT_TRANSLATE_NOOP("core", "Symptômes"))
    )

    def exposition_to(self, patient_zero_uuid: str) -> Exposition | None:
        for exp in self.expositions:
            if exp.patient_zero_uuid == patient_zero_uuid:
                return exp
        return None


AnyFiche = PatientZero | Contact

FICHE_CLASSES: dict[FicheKind, type[PatientZero] | type[Contact]] = {
    FicheKind.PATIENT_ZERO: PatientZero,
    FicheKind.CONTACT: Contact,
}

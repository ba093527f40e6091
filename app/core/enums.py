"""Every enumeration of the program, defined once (FIELDS.md, décret 2020-1385).

Values are stable ASCII identifiers stored in the database and sent in sync
payloads: never change one. ``label`` gives the French text shown to users
(marked for ``lupdate`` with ``QT_TRANSLATE_NOOP("core", …)``; the UI translates
it). Labels of E-k, E-l and E-q are the decree's own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Self

from app.core.i18n import QT_TRANSLATE_NOOP

# enum class -> {member value -> French label}; filled right after each class.
_LABELS: dict[type[StrEnum], dict[str, str]] = {}


class LabelledEnum(StrEnum):
    """A ``StrEnum`` whose members carry a French label."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value]

    @classmethod
    def choices(cls) -> list[tuple[Self, str]]:
        """(member, label) pairs in declaration order, for pickers and exports."""
        return [(m, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str) -> Self:
        """The member with this value, or a ``ValueError`` with a French message."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ValueError(f"valeur inconnue « {value} » (valeurs admises : {allowed})") from None


def _labels(cls: type[LabelledEnum], labels: Mapping[LabelledEnum, str]) -> None:
    missing = [m.value for m in cls if m not in labels]
    if missing:  # pragma: no cover - caught at import time
        raise RuntimeError(f"{cls.__name__}: no label for {missing}")
    _LABELS[cls] = {m.value: text for m, text in labels.items()}


def label_of(value: StrEnum) -> str:
    """The French label of any member of a program enumeration."""
    return _LABELS[type(value)][value.value]


# ---------------------------------------------------------------------------
# Fiche lifecycle and sync


class FicheKind(LabelledEnum):
    PATIENT_ZERO = "patient_zero"
    CONTACT = "contact"


_labels(
    FicheKind,
    {
        FicheKind.PATIENT_ZERO: QT_TRANSLATE_NOOP("core", "patient zéro"),
        FicheKind.CONTACT: QT_TRANSLATE_NOOP("core", "personne contact"),
    },
)


class LifecycleState(LabelledEnum):
    """Art. 5 II: initialisée (draft) → validée → transmise → clôturée."""

    DRAFT = "brouillon"
    VALIDATED = "validee"
    TRANSMITTED = "transmise"
    CLOSED = "cloturee"


_labels(
    LifecycleState,
    {
        LifecycleState.DRAFT: QT_TRANSLATE_NOOP("core", "initialisée"),
        LifecycleState.VALIDATED: QT_TRANSLATE_NOOP("core", "validée"),
        LifecycleState.TRANSMITTED: QT_TRANSLATE_NOOP("core", "transmise"),
        LifecycleState.CLOSED: QT_TRANSLATE_NOOP("core", "clôturée"),
    },
)


class SyncState(LabelledEnum):
    """Where a fiche stands with the central service."""

    LOCAL = "local"  # never queued (a draft)
    PENDING = "pending"  # a version is waiting in the outbox
    SENT = "sent"  # the latest version was acknowledged
    REJECTED = "rejected"  # the central service refused the latest version
    CONFLICT = "conflict"


_labels(
    SyncState,
    {
        SyncState.LOCAL: QT_TRANSLATE_NOOP("core", "non transmise"),
        SyncState.PENDING: QT_TRANSLATE_NOOP("core", "en attente d’envoi"),
        SyncState.SENT: QT_TRANSLATE_NOOP("core", "transmise"),
        SyncState.REJECTED: QT_TRANSLATE_NOOP("core", "refusée"),
        SyncState.CONFLICT: QT_TRANSLATE_NOOP("core", "en conflit"),
    },
)


# ---------------------------------------------------------------------------
# Identity (a), establishment place, answers


class Sex(LabelledEnum):
    MALE = "masculin"
    FEMALE = "feminin"
    UNDETERMINED = "indetermine"


_labels(
    Sex,
    {
        Sex.MALE: QT_TRANSLATE_NOOP("core", "masculin"),
        Sex.FEMALE: QT_TRANSLATE_NOOP("core", "féminin"),
        Sex.UNDETERMINED: QT_TRANSLATE_NOOP("core", "indéterminé"),
    },
)


class EstablishmentStatus(LabelledEnum):
    """Statut dans l'établissement *(practice)*."""

    INPATIENT = "patient_hospitalise"
    RESIDENT = "resident"
    STAFF = "professionnel"
    EXTERNAL_WORKER = "intervenant_exterieur"
    VISITOR = "visiteur"
    OTHER = "autre"


_labels(
    EstablishmentStatus,
    {
        EstablishmentStatus.INPATIENT: QT_TRANSLATE_NOOP("core", "patient hospitalisé"),
        EstablishmentStatus.RESIDENT: QT_TRANSLATE_NOOP("core", "résident"),
        EstablishmentStatus.STAFF: QT_TRANSLATE_NOOP("core", "professionnel de l’établissement"),
        EstablishmentStatus.EXTERNAL_WORKER: QT_TRANSLATE_NOOP("core", "intervenant extérieur"),
        EstablishmentStatus.VISITOR: QT_TRANSLATE_NOOP("core", "visiteur"),
        EstablishmentStatus.OTHER: QT_TRANSLATE_NOOP("core", "autre"),
    },
)


class Consent(LabelledEnum):
    """Oui / non / non recueilli: letter h, and the identity-disclosure choice (MARS 109)."""

    YES = "oui"
    NO = "non"
    NOT_COLLECTED = "non_recueilli"


_labels(
    Consent,
    {
        Consent.YES: QT_TRANSLATE_NOOP("core", "oui"),
        Consent.NO: QT_TRANSLATE_NOOP("core", "non"),
        Consent.NOT_COLLECTED: QT_TRANSLATE_NOOP("core", "non recueilli"),
    },
)


class YesNoUnknown(LabelledEnum):
    """Letter r: contact with an infected or symptomatic person."""

    YES = "oui"
    NO = "non"
    UNKNOWN = "ne_sait_pas"


_labels(
    YesNoUnknown,
    {
        YesNoUnknown.YES: QT_TRANSLATE_NOOP("core", "oui"),
        YesNoUnknown.NO: QT_TRANSLATE_NOOP("core", "non"),
        YesNoUnknown.UNKNOWN: QT_TRANSLATE_NOOP("core", "ne sait pas"),
    },
)


class InformationMode(LabelledEnum):
    """How the person was informed (MARS 109)."""

    ORAL = "oral"
    POSTER = "affichette"
    LEAFLET = "notice_remise"


_labels(
    InformationMode,
    {
        InformationMode.ORAL: QT_TRANSLATE_NOOP("core", "oral"),
        InformationMode.POSTER: QT_TRANSLATE_NOOP("core", "affichette"),
        InformationMode.LEAFLET: QT_TRANSLATE_NOOP("core", "notice remise"),
    },
)


# ---------------------------------------------------------------------------
# Infection evidence (e, patient zéro)


class ExamType(LabelledEnum):
    RT_PCR = "rt_pcr"
    ANTIGEN = "test_antigenique"
    SEROLOGY = "serologie"
    IMAGING = "imagerie"
    CLINICAL = "diagnostic_clinique"


_labels(
    ExamType,
    {
        ExamType.RT_PCR: QT_TRANSLATE_NOOP("core", "RT-PCR"),
        ExamType.ANTIGEN: QT_TRANSLATE_NOOP("core", "test antigénique"),
        ExamType.SEROLOGY: QT_TRANSLATE_NOOP("core", "sérologie"),
        ExamType.IMAGING: QT_TRANSLATE_NOOP("core", "imagerie"),
        ExamType.CLINICAL: QT_TRANSLATE_NOOP("core", "diagnostic clinique"),
    },
)


class ExamResult(LabelledEnum):
    POSITIVE = "positif"
    NEGATIVE = "negatif"
    INCONCLUSIVE = "douteux"
    PENDING = "en_attente"


_labels(
    ExamResult,
    {
        ExamResult.POSITIVE: QT_TRANSLATE_NOOP("core", "positif"),
        ExamResult.NEGATIVE: QT_TRANSLATE_NOOP("core", "négatif"),
        ExamResult.INCONCLUSIVE: QT_TRANSLATE_NOOP("core", "douteux"),
        ExamResult.PENDING: QT_TRANSLATE_NOOP("core", "en attente"),
    },
)


# ---------------------------------------------------------------------------
# Exposition (e, contact) — Santé publique France definition, autumn 2020


class Circumstance(LabelledEnum):
    SAME_HOUSEHOLD = "meme_lieu_de_vie"
    FACE_TO_FACE = "face_a_face_moins_1m"
    CARE = "soins_hygiene"
    CONFINED_SPACE = "espace_confine_15min"
    SAME_CLASS = "meme_classe"
    OTHER = "autre"


_labels(
    Circumstance,
    {
        Circumstance.SAME_HOUSEHOLD: QT_TRANSLATE_NOOP("core", "même lieu de vie"),
        Circumstance.FACE_TO_FACE: QT_TRANSLATE_NOOP("core", "face-à-face à moins d’1 m"),
        Circumstance.CARE: QT_TRANSLATE_NOOP("core", "soins ou actes d’hygiène donnés ou reçus"),
        Circumstance.CONFINED_SPACE: QT_TRANSLATE_NOOP("core", "espace confiné partagé ≥ 15 min"),
        Circumstance.SAME_CLASS: QT_TRANSLATE_NOOP("core", "même classe"),
        Circumstance.OTHER: QT_TRANSLATE_NOOP("core", "autre"),
    },
)


class ProtectiveMeasure(LabelledEnum):
    MASK_CASE = "masque_cas"
    MASK_CONTACT = "masque_contact"
    PHYSICAL_SEPARATION = "separation_physique"


_labels(
    ProtectiveMeasure,
    {
        ProtectiveMeasure.MASK_CASE: QT_TRANSLATE_NOOP(
            "core", "masque chirurgical ou FFP2 porté par le cas"
        ),
        ProtectiveMeasure.MASK_CONTACT: QT_TRANSLATE_NOOP(
            "core", "masque chirurgical ou FFP2 porté par le contact"
        ),
        ProtectiveMeasure.PHYSICAL_SEPARATION: QT_TRANSLATE_NOOP("core", "séparation physique"),
    },
)


class RiskAssessment(LabelledEnum):
    AT_RISK = "a_risque"
    NEGLIGIBLE = "a_risque_negligeable"


_labels(
    RiskAssessment,
    {
        RiskAssessment.AT_RISK: QT_TRANSLATE_NOOP("core", "à risque"),
        RiskAssessment.NEGLIGIBLE: QT_TRANSLATE_NOOP("core", "à risque négligeable"),
    },
)


# ---------------------------------------------------------------------------
# Places stayed (j)


class PlaceKind(LabelledEnum):
    DEPARTEMENT = "departement"
    COLLECTIVITE = "collectivite"
    COUNTRY = "pays"


_labels(
    PlaceKind,
    {
        PlaceKind.DEPARTEMENT: QT_TRANSLATE_NOOP("core", "département"),
        PlaceKind.COLLECTIVITE: QT_TRANSLATE_NOOP(
            "core", "collectivité mentionnée à l’article 72-3 de la Constitution"
        ),
        PlaceKind.COUNTRY: QT_TRANSLATE_NOOP("core", "pays"),
    },
)

#: INSEE codes of the départements (metropolitan France, Corsica as 2A/2B).
DEPARTEMENTS: dict[str, str] = {
    "01": "Ain",
    "02": "Aisne",
    "03": "Allier",
    "04": "Alpes-de-Haute-Provence",
    "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes",
    "07": "Ardèche",
    "08": "Ardennes",
    "09": "Ariège",
    "10": "Aube",
    "11": "Aude",
    "12": "Aveyron",
    "13": "Bouches-du-Rhône",
    "14": "Calvados",
    "15": "Cantal",
    "16": "Charente",
    "17": "Charente-Maritime",
    "18": "Cher",
    "19": "Corrèze",
    "2A": "Corse-du-Sud",
    "2B": "Haute-Corse",
    "21": "Côte-d'Or",
    "22": "Côtes-d’Armor",
    "23": "Creuse",
    "24": "Dordogne",
    "25": "Doubs",
    "26": "Drôme",
    "27": "Eure",
    "28": "Eure-et-Loir",
    "29": "Finistère",
    "30": "Gard",
    "31": "Haute-Garonne",
    "32": "Gers",
    "33": "Gironde",
    "34": "Hérault",
    "35": "Ille-et-Vilaine",
    "36": "Indre",
    "37": "Indre-et-Loire",
    "38": "Isère",
    "39": "Jura",
    "40": "Landes",
    "41": "Loir-et-Cher",
    "42": "Loire",
    "43": "Haute-Loire",
    "44": "Loire-Atlantique",
    "45": "Loiret",
    "46": "Lot",
    "47": "Lot-et-Garonne",
    "48": "Lozère",
    "49": "Maine-et-Loire",
    "50": "Manche",
    "51": "Marne",
    "52": "Haute-Marne",
    "53": "Mayenne",
    "54": "Meurthe-et-Moselle",
    "55": "Meuse",
    "56": "Morbihan",
    "57": "Moselle",
    "58": "Nièvre",
    "59": "Nord",
    "60": "Oise",
    "61": "Orne",
    "62": "Pas-de-Calais",
    "63": "Puy-de-Dôme",
    "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées",
    "66": "Pyrénées-Orientales",
    "67": "Bas-Rhin",
    "68": "Haut-Rhin",
    "69": "Rhône",
    "70": "Haute-Saône",
    "71": "Saône-et-Loire",
    "72": "Sarthe",
    "73": "Savoie",
    "74": "Haute-Savoie",
    "75": "Paris",
    "76": "Seine-Maritime",
    "77": "Seine-et-Marne",
    "78": "Yvelines",
    "79": "Deux-Sèvres",
    "80": "Somme",
    "81": "Tarn",
    "82": "Tarn-et-Garonne",
    "83": "Var",
    "84": "Vaucluse",
    "85": "Vendée",
    "86": "Vienne",
    "87": "Haute-Vienne",
    "88": "Vosges",
    "89": "Yonne",
    "90": "Territoire de Belfort",
    "91": "Essonne",
    "92": "Hauts-de-Seine",
    "93": "Seine-Saint-Denis",
    "94": "Val-de-Marne",
    "95": "Val-d’Oise",
}

#: INSEE codes of the overseas départements and collectivités (art. 72-3 of the
#: Constitution), plus Nouvelle-Calédonie (988) which the picker also offers.
COLLECTIVITES: dict[str, str] = {
    "971": "Guadeloupe",
    "972": "Martinique",
    "973": "Guyane",
    "974": "La Réunion",
    "975": "Saint-Pierre-et-Miquelon",
    "976": "Mayotte",
    "977": "Saint-Barthélemy",
    "978": "Saint-Martin",
    "986": "Wallis-et-Futuna",
    "987": "Polynésie française",
    "988": "Nouvelle-Calédonie",
}

#: Every code of the letter-j picker, in picker order.
INSEE_PLACES: dict[str, str] = {**DEPARTEMENTS, **COLLECTIVITES}


def insee_place_kind(code: str) -> PlaceKind | None:
    """``DEPARTEMENT`` or ``COLLECTIVITE`` for a known INSEE code, else ``None``."""
    code = code.strip().upper()
    if code in DEPARTEMENTS:
        return PlaceKind.DEPARTEMENT
    if code in COLLECTIVITES:
        return PlaceKind.COLLECTIVITE
    return None


# ---------------------------------------------------------------------------
# Decree enumerations E-k, E-l, E-q (verbatim)


class StructureType(LabelledEnum):
    """E-k: structures frequented in the last 14 days (letter k)."""

    COLLECTIVE_HOUSING = "hebergement_collectif"
    EARLY_CHILDHOOD = "accueil_jeune_enfant"
    SCHOOL = "milieu_scolaire"
    UNIVERSITY = "milieu_universitaire"
    HEALTH_FACILITY = "etablissement_sante"
    OTHER_ERP = "autre_erp"


_labels(
    StructureType,
    {
        StructureType.COLLECTIVE_HOUSING: QT_TRANSLATE_NOOP(
            "core", "structures ou lieux d’hébergement collectif"
        ),
        StructureType.EARLY_CHILDHOOD: QT_TRANSLATE_NOOP(
            "core", "structures d’accueil du jeune enfant"
        ),
        StructureType.SCHOOL: QT_TRANSLATE_NOOP("core", "milieu scolaire"),
        StructureType.UNIVERSITY: QT_TRANSLATE_NOOP("core", "milieu universitaire"),
        StructureType.HEALTH_FACILITY: QT_TRANSLATE_NOOP("core", "établissements de santé"),
        StructureType.OTHER_ERP: QT_TRANSLATE_NOOP(
            "core",
            "autres établissements recevant du public dans lesquels les gestes barrières ne peuvent être pleinement respectés",  # noqa: E501
        ),
    },
)


class HousingSubtype(LabelledEnum):
    """E-k, sub-types of « structures ou lieux d'hébergement collectif »."""

    FOYER = "foyer"
    BOARDING_SCHOOL = "pensionnat"
    EHPAD = "ehpad"
    DISABILITY = "medico_social_handicap"
    PRISON = "penitentiaire"
    TOURIST = "hebergement_touristique"


_labels(
    HousingSubtype,
    {
        HousingSubtype.FOYER: QT_TRANSLATE_NOOP("core", "foyer"),
        HousingSubtype.BOARDING_SCHOOL: QT_TRANSLATE_NOOP("core", "pensionnat"),
        HousingSubtype.EHPAD: QT_TRANSLATE_NOOP(
            "core", "établissement d’hébergement pour personnes âgées dépendantes"
        ),
        HousingSubtype.DISABILITY: QT_TRANSLATE_NOOP(
            "core", "établissement médico-social accompagnant des personnes handicapées"
        ),
        HousingSubtype.PRISON: QT_TRANSLATE_NOOP("core", "établissements pénitentiaires"),
        HousingSubtype.TOURIST: QT_TRANSLATE_NOOP("core", "structure d’hébergement touristique"),
    },
)


class GatheringPurpose(LabelledEnum):
    """E-l: purpose of a gathering (letter l).

    The decree gives two lists: for a patient zéro (art. 2 II 1° l) « réunion
    familiale, rassemblement festif » is one item (``FAMILY_OR_FESTIVE``); for a
    contact (art. 2 II 2° l) they are two (``FAMILY``, ``FESTIVE``). See
    :func:`gathering_purposes` and :func:`gathering_purpose_for`.
    """

    SPORT = "sportif"
    CULTURAL = "culturel"
    FAMILY_OR_FESTIVE = "familial_festif"
    FAMILY = "familial"
    FESTIVE = "festif"
    PROFESSIONAL = "professionnel"
    OTHER = "autre"


_labels(
    GatheringPurpose,
    {
        GatheringPurpose.SPORT: QT_TRANSLATE_NOOP("core", "événement sportif"),
        GatheringPurpose.CULTURAL: QT_TRANSLATE_NOOP("core", "événement culturel"),
        GatheringPurpose.FAMILY_OR_FESTIVE: QT_TRANSLATE_NOOP(
            "core", "réunion familiale, rassemblement festif"
        ),
        GatheringPurpose.FAMILY: QT_TRANSLATE_NOOP("core", "réunion familiale"),
        GatheringPurpose.FESTIVE: QT_TRANSLATE_NOOP("core", "rassemblement festif"),
        GatheringPurpose.PROFESSIONAL: QT_TRANSLATE_NOOP(
            "core", "rassemblement pour raison professionnelle"
        ),
        GatheringPurpose.OTHER: QT_TRANSLATE_NOOP("core", "autre type de rassemblement"),
    },
)

#: E-l as the decree lists it for each kind of fiche, in the decree's order.
GATHERING_PURPOSES: dict[FicheKind, tuple[GatheringPurpose, ...]] = {
    FicheKind.PATIENT_ZERO: (
        GatheringPurpose.SPORT,
        GatheringPurpose.CULTURAL,
        GatheringPurpose.FAMILY_OR_FESTIVE,
        GatheringPurpose.PROFESSIONAL,
        GatheringPurpose.OTHER,
    ),
    FicheKind.CONTACT: (
        GatheringPurpose.SPORT,
        GatheringPurpose.CULTURAL,
        GatheringPurpose.FAMILY,
        GatheringPurpose.FESTIVE,
        GatheringPurpose.PROFESSIONAL,
        GatheringPurpose.OTHER,
    ),
}


def gathering_purposes(kind: FicheKind) -> tuple[GatheringPurpose, ...]:
    """The E-l items offered for a fiche of this kind (5 for a patient zéro, 6 for a contact)."""
    return GATHERING_PURPOSES[kind]


def gathering_purpose_for(
    kind: FicheKind, purpose: GatheringPurpose | None
) -> GatheringPurpose | None:
    """``purpose`` as the list of ``kind`` words it, or ``None`` if that list cannot say it.

    A patient zéro's « réunion familiale » or « rassemblement festif » (stored
    before the two lists were told apart, or carried over from a contact on
    promotion) is the patient-zéro item « réunion familiale, rassemblement
    festif ». A contact's list has no merged item: it cannot be split, so
    ``None`` (the caller refuses it, or asks the user).
    """
    if purpose is None or purpose in GATHERING_PURPOSES[kind]:
        return purpose
    if kind is FicheKind.PATIENT_ZERO and purpose in (
        GatheringPurpose.FAMILY,
        GatheringPurpose.FESTIVE,
    ):
        return GatheringPurpose.FAMILY_OR_FESTIVE
    return None


class QuarantineReason(LabelledEnum):
    """E-q: reason for a quarantine in the last 14 days (letter q)."""

    CONTACT_AT_RISK = "cas_contact"
    RELATIVE_POSITIVE = "entourage_positif"
    SYMPTOMS = "symptomes"
    RELATIVE_SYMPTOMS = "entourage_symptomes"


_labels(
    QuarantineReason,
    {
        QuarantineReason.CONTACT_AT_RISK: QT_TRANSLATE_NOOP(
            "core", "personne identifiée comme cas contact à risque de contamination à la covid-19"
        ),
        QuarantineReason.RELATIVE_POSITIVE: QT_TRANSLATE_NOOP(
            "core", "personne ayant dans son entourage une personne dépistée positive à la covid-19"
        ),
        QuarantineReason.SYMPTOMS: QT_TRANSLATE_NOOP(
            "core", "personne présentant des symptômes de contamination à la covid-19"
        ),
        QuarantineReason.RELATIVE_SYMPTOMS: QT_TRANSLATE_NOOP(
            "core",
            "personne ayant dans son entourage une personne présentant des symptômes de contamination à la covid-19",  # noqa: E501
        ),
    },
)


# ---------------------------------------------------------------------------
# Journal (art. 5 II)


class JournalAction(LabelledEnum):
    """Nature of a journaled action. The journal never holds personal data."""

    CREATE = "creation"
    VIEW = "consultation"
    UPDATE = "modification"
    DELETE = "suppression"
    VALIDATE = "validation"
    CLOSE = "cloture"
    REOPEN = "reouverture"
    EXPORT = "export"
    PRINT = "impression"
    TRANSMIT = "transmission"
    PURGE = "purge"
    LOGIN = "connexion"
    LOCK = "verrouillage"
    LOGIN_FAILED = "echec_connexion"
    # technical
    INIT = "initialisation"
    IMPORT = "import"
    KEY_RECOVERY = "recuperation_cle"
    MIGRATION = "migration"


_labels(
    JournalAction,
    {
        JournalAction.CREATE: QT_TRANSLATE_NOOP("core", "création"),
        JournalAction.VIEW: QT_TRANSLATE_NOOP("core", "consultation"),
        JournalAction.UPDATE: QT_TRANSLATE_NOOP("core", "modification"),
        JournalAction.DELETE: QT_TRANSLATE_NOOP("core", "suppression"),
        JournalAction.VALIDATE: QT_TRANSLATE_NOOP("core", "validation"),
        JournalAction.CLOSE: QT_TRANSLATE_NOOP("core", "clôture"),
        JournalAction.REOPEN: QT_TRANSLATE_NOOP("core", "réouverture"),
        JournalAction.EXPORT: QT_TRANSLATE_NOOP("core", "export"),
        JournalAction.PRINT: QT_TRANSLATE_NOOP("core", "impression"),
        JournalAction.TRANSMIT: QT_TRANSLATE_NOOP("core", "transmission"),
        JournalAction.PURGE: QT_TRANSLATE_NOOP("core", "purge"),
        JournalAction.LOGIN: QT_TRANSLATE_NOOP("core", "connexion"),
        JournalAction.LOCK: QT_TRANSLATE_NOOP("core", "verrouillage"),
        JournalAction.LOGIN_FAILED: QT_TRANSLATE_NOOP("core", "échec de connexion"),
        JournalAction.INIT: QT_TRANSLATE_NOOP("core", "initialisation"),
        JournalAction.IMPORT: QT_TRANSLATE_NOOP("core", "import"),
        JournalAction.KEY_RECOVERY: QT_TRANSLATE_NOOP("core", "récupération de la clé"),
        JournalAction.MIGRATION: QT_TRANSLATE_NOOP("core", "migration"),
    },
)

#: Every labelled enumeration, for tests and for the translation check.
ALL_ENUMS: tuple[type[LabelledEnum], ...] = (
    FicheKind,
    LifecycleState,
    SyncState,
    Sex,
    EstablishmentStatus,
    Consent,
    YesNoUnknown,
    InformationMode,
    ExamType,
    ExamResult,
    Circumstance,
    ProtectiveMeasure,
    RiskAssessment,
    PlaceKind,
    StructureType,
    HousingSubtype,
    GatheringPurpose,
    QuarantineReason,
    JournalAction,
)

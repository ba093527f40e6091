"""Checks of a fiche before saving a draft and before validation (FIELDS.md).

Issues name the field by its path (French keys of the JSON document, e.g.
``"adresse.code_postal"``, ``"expositions[0].date_dernier_contact"``) and carry a
French ``template`` marked for translation plus its ``params``; the UI
translates the template, then formats it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from app.core import identifiers as ids
from app.core.dates import format_date
from app.core.enums import (
    Circumstance,
    Consent,
    ExamResult,
    ExamType,
    PlaceKind,
    ProtectiveMeasure,
    RiskAssessment,
    Sex,
    StructureType,
    insee_place_kind,
)
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.labels import field_key, field_label
from app.core.models import (
    Address,
    AnyFiche,
    Contact,
    Doctor,
    EstablishmentPlace,
    Exposition,
    Fiche,
    Gathering,
    InfectionEvidence,
    InformationGiven,
    LegalRepresentative,
    PatientZero,
    PlaceStayed,
    Quarantine,
    StructureVisit,
    Symptoms,
)
from app.core.text import fold

MAX_AGE_YEARS = 120
ADULT_AGE_YEARS = 18
#: A contact counts only within 14 days before the patient zéro's diagnosis.
CONTACT_WINDOW_DAYS = 14

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
#: Unicode category Cc: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a fiche. Errors block (saving or validation); warnings do not."""

    path: str
    severity: Severity
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(issue.is_error for issue in issues)


# ---------------------------------------------------------------------------
# Message templates (French source text, translated by the UI)

T_REQUIRED = QT_TRANSLATE_NOOP("core", "{field} : à renseigner.")
T_NAME_OR_PHONE = QT_TRANSLATE_NOOP(
    "core", "Indiquez au moins un nom, un prénom ou un numéro de téléphone."
)
T_PHONE_OR_ADDRESS = QT_TRANSLATE_NOOP("core", "Indiquez au moins un téléphone ou une adresse.")
T_FUTURE = QT_TRANSLATE_NOOP("core", "{field} : la date du {date} est dans le futur.")
T_TOO_OLD = QT_TRANSLATE_NOOP(
    "core", "Date de naissance peu plausible ({date} : plus de {years} ans)."
)
T_MINOR = QT_TRANSLATE_NOOP(
    "core", "Personne mineure : indiquez son représentant légal (nom, lien, téléphone)."
)
T_EMAIL = QT_TRANSLATE_NOOP("core", "Adresse e-mail invalide « {text} ».")
T_NIR_AND_AME = QT_TRANSLATE_NOOP(
    "core", "Un NIR et un code d’admission AME sont tous deux saisis : un seul suffit."
)
T_NIR_SEX = QT_TRANSLATE_NOOP("core", "Le NIR ne correspond pas au sexe indiqué.")
T_NIR_BIRTH = QT_TRANSLATE_NOOP(
    "core", "Le NIR ne correspond pas à la date de naissance (année ou mois)."
)
T_PLACE_CODE = QT_TRANSLATE_NOOP("core", "Code INSEE inconnu « {code} » ({kind}).")
T_COUNTRY = QT_TRANSLATE_NOOP("core", "Indiquez le pays.")
T_RETURN_DATE = QT_TRANSLATE_NOOP(
    "core", "Indiquez la date de retour en France après le séjour à l’étranger."
)
T_SUBTYPE_ONLY_HOUSING = QT_TRANSLATE_NOOP(
    "core",
    "Le type d’hébergement ne s’applique qu’aux structures ou lieux d’hébergement collectif.",
)
T_SUBTYPE_REQUIRED = QT_TRANSLATE_NOOP("core", "Précisez le type d’hébergement collectif.")
T_QUARANTINE_REASON = QT_TRANSLATE_NOOP("core", "Indiquez la raison de la quarantaine.")
T_QUARANTINE_NOT = QT_TRANSLATE_NOOP(
    "core",
    "Des raisons de quarantaine sont indiquées pour une personne qui n’était pas en quarantaine.",
)
T_ASYMPTOMATIC_ONSET = QT_TRANSLATE_NOOP(
    "core", "Une date de premiers symptômes est saisie pour une personne asymptomatique."
)
T_ONSET_OR_ASYMPTOMATIC = QT_TRANSLATE_NOOP(
    "core", "Indiquez la date des premiers symptômes ou cochez « asymptomatique »."
)
T_NEGATIVE = QT_TRANSLATE_NOOP("core", "Le résultat de l’examen n’est pas positif.")
T_SAMPLE_BEFORE_BIRTH = QT_TRANSLATE_NOOP(
    "core", "{field} : la date du {date} précède la date de naissance."
)
T_SYMPTOMS_ONSET = QT_TRANSLATE_NOOP(
    "core", "Une date de début des symptômes est saisie alors que la personne n’a pas de symptômes."
)
T_IDENTITY_CHOICE = QT_TRANSLATE_NOOP(
    "core",
    "Recueillez le choix de la personne : son identité peut-elle être communiquée à ses contacts (oui ou non) ?",  # noqa: E501
)
T_INFORMATION_MODE = QT_TRANSLATE_NOOP("core", "Indiquez comment la personne a été informée.")
T_RESEARCH_RIGHT = QT_TRANSLATE_NOOP(
    "core",
    "Indiquez que la personne a été informée de son droit de s’opposer à la réutilisation de ses données pour la recherche.",  # noqa: E501
)
T_SUPPORT_CONSENT_WITHOUT_NEED = QT_TRANSLATE_NOOP(
    "core",
    "Consentement à la communication pour un accompagnement recueilli alors qu’aucun besoin d’accompagnement n’est indiqué : vérifiez le besoin ou le consentement.",  # noqa: E501
)
T_NO_EXPOSITION = QT_TRANSLATE_NOOP(
    "core", "Liez la personne contact à au moins un patient zéro (exposition)."
)
T_EXPOSITION_NO_PZ = QT_TRANSLATE_NOOP("core", "Exposition sans patient zéro.")
T_EXPOSITION_SELF = QT_TRANSLATE_NOOP("core", "Une personne ne peut pas être son propre contact.")
T_EXPOSITION_DUPLICATE = QT_TRANSLATE_NOOP(
    "core", "Ce patient zéro est déjà lié à la personne contact (exposition n° {number})."
)
T_CONTACT_WINDOW = QT_TRANSLATE_NOOP(
    "core",
    "Dernier contact le {date}, plus de {days} jours avant le diagnostic du patient zéro ({diagnosis}).",  # noqa: E501
)
T_OTHER_CIRCUMSTANCE = QT_TRANSLATE_NOOP("core", "Précisez l’autre circonstance.")
T_CONTROL_CHARACTER = QT_TRANSLATE_NOOP("core", "{field} : caractère de contrôle non autorisé.")


def _fr(day: date) -> str:
    return format_date(day)


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _join(prefix: str, cls: type[Any], attr: str) -> str:
    key = field_key(cls, attr)
    return f"{prefix}.{key}" if prefix else key


def _label(path: str) -> str:
    try:
        return field_label(path)
    except KeyError:  # pragma: no cover - every path built here is known
        return path


def _texts(record: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every text of *record* (nested records and lists too) with its path; enums excluded."""
    for f in dataclasses.fields(record):
        key = str(f.metadata.get("key", f.name))
        path = f"{prefix}.{key}" if prefix else key
        value = getattr(record, f.name)
        items = (
            [(f"{path}[{i}]", item) for i, item in enumerate(value)]
            if isinstance(value, list)
            else [(path, value)]
        )
        for item_path, item in items:
            if type(item) is str:
                yield item_path, item
            elif dataclasses.is_dataclass(item) and not isinstance(item, type):
                yield from _texts(item, item_path)


class _Checker:
    def __init__(self, fiche: AnyFiche, today: date) -> None:
        self.fiche = fiche
        self.today = today
        self.issues: list[Issue] = []
        #: Paths of texts holding a control character: their only issue says so
        #: (no other message quotes such a value).
        self.tainted: set[str] = set()

    def add(self, severity: Severity, path: str, template: str, **params: Any) -> None:
        if path in self.tainted and template != T_CONTROL_CHARACTER:
            return
        self.issues.append(Issue(path, severity, template, params))

    def error(self, path: str, template: str, **params: Any) -> None:
        self.add(Severity.ERROR, path, template, **params)

    def warning(self, path: str, template: str, **params: Any) -> None:
        self.add(Severity.WARNING, path, template, **params)

    def required(self, path: str) -> None:
        self.error(path, T_REQUIRED, field=_label(path))

    def identifier(self, path: str, value: str, check: Callable[[str], str]) -> None:
        if value.strip():
            try:
                check(value)
            except ids.IdentifierError as exc:
                self.error(path, exc.template, **exc.params)

    def past(self, path: str, value: date | None) -> None:
        if value is not None and value > self.today:
            self.error(path, T_FUTURE, field=_label(path), date=_fr(value))

    # -- formats of what is filled ------------------------------------------

    def address(self, prefix: str, address: Address) -> None:
        if address.country.strip() and fold(address.country) != "france":
            return
        self.identifier(
            _join(prefix, Address, "postal_code"), address.postal_code, ids.normalize_postal_code
        )

    def control_characters(self) -> None:
        """Every text is one line of printable characters (no C0/C1 control character).

        Such a character cannot be typed in a form; an import or an older
        version could store one, which spreadsheets refuse.
        """
        for path, value in _texts(self.fiche):
            if _CONTROL.search(value):
                self.tainted.add(path)
                try:
                    label = field_label(path, self.fiche.kind, full=True)
                except KeyError:  # pragma: no cover - every path walked is a field
                    label = path
                self.error(path, T_CONTROL_CHARACTER, field=label)

    def formats(self) -> None:
        f = self.fiche
        self.control_characters()
        self.past(field_key(Fiche, "birth_date"), f.birth_date)
        if f.birth_date is not None and _age(f.birth_date, self.today) > MAX_AGE_YEARS:
            self.error(
                field_key(Fiche, "birth_date"),
                T_TOO_OLD,
                date=_fr(f.birth_date),
                years=MAX_AGE_YEARS,
            )
        self.nir()
        if f.legal_representative is not None:
            rep = _join("", Fiche, "legal_representative")
            self.identifier(
                _join(rep, LegalRepresentative, "phone"),
                f.legal_representative.phone,
                ids.parse_phone,
            )
        self.address(field_key(Fiche, "address"), f.address)
        for i, phone in enumerate(f.phones):
            self.identifier(f"{field_key(Fiche, 'phones')}[{i}]", phone, ids.parse_phone)
        if f.email.strip() and not _EMAIL.fullmatch(f.email.strip()):
            self.error(field_key(Fiche, "email"), T_EMAIL, text=f.email.strip())
        doc = field_key(Fiche, "doctor")
        self.identifier(_join(doc, Doctor, "phone"), f.doctor.phone, ids.parse_phone)
        self.identifier(_join(doc, Doctor, "rpps"), f.doctor.rpps, ids.normalize_rpps)
        self.identifier(_join(doc, Doctor, "adeli"), f.doctor.adeli, ids.normalize_adeli)
        self.places()
        self.past(field_key(Fiche, "return_to_france"), f.return_to_france)
        for i, visit in enumerate(f.structures):
            self.structure(f"{field_key(Fiche, 'structures')}[{i}]", visit)
        for i, gathering in enumerate(f.gatherings):
            path = f"{field_key(Fiche, 'gatherings')}[{i}]"
            self.past(_join(path, Gathering, "held_on"), gathering.held_on)
        info = field_key(Fiche, "information")
        self.past(_join(info, InformationGiven, "given_on"), f.information.given_on)
        if isinstance(f, PatientZero):
            self.patient_zero_formats(f)
        else:
            self.contact_formats(f)

    def nir(self) -> None:
        f = self.fiche
        path = field_key(Fiche, "nir")
        if not f.nir.strip():
            return
        if f.ame_code.strip():
            self.warning(path, T_NIR_AND_AME)
        try:
            nir = ids.normalize_nir(f.nir)
        except ids.IdentifierError as exc:
            self.error(path, exc.template, **exc.params)
            return
        sex_digit = nir[0]
        if f.sex in (Sex.MALE, Sex.FEMALE):
            expected = "137" if f.sex is Sex.MALE else "248"
            if sex_digit not in expected and sex_digit not in "78":
                self.warning(path, T_NIR_SEX)
        if f.birth_date is not None:
            year_ok = nir[1:3] == f"{f.birth_date.year % 100:02d}"
            month = int(nir[3:5])
            month_ok = month == f.birth_date.month or not 1 <= month <= 12
            if not (year_ok and month_ok):
                self.warning(path, T_NIR_BIRTH)

    def places(self) -> None:
        for i, place in enumerate(self.fiche.places):
            path = f"{field_key(Fiche, 'places')}[{i}]"
            if place.kind is PlaceKind.COUNTRY:
                continue
            code = place.code.strip().upper()
            if code and insee_place_kind(code) is not place.kind:
                self.error(
                    _join(path, PlaceStayed, "code"),
                    T_PLACE_CODE,
                    code=place.code.strip(),
                    kind=place.kind.label,
                )

    def structure(self, path: str, visit: StructureVisit) -> None:
        if visit.housing_subtype is not None and visit.type not in (
            None,
            StructureType.COLLECTIVE_HOUSING,
        ):
            self.error(_join(path, StructureVisit, "housing_subtype"), T_SUBTYPE_ONLY_HOUSING)
        self.address(_join(path, StructureVisit, "address"), visit.address)
        self.identifier(_join(path, StructureVisit, "phone"), visit.phone, ids.parse_phone)
        self.past(_join(path, StructureVisit, "last_visit"), visit.last_visit)

    def patient_zero_formats(self, f: PatientZero) -> None:
        ev = field_key(PatientZero, "infection")
        self.past(_join(ev, InfectionEvidence, "sample_date"), f.infection.sample_date)
        self.past(_join(ev, InfectionEvidence, "symptom_onset"), f.infection.symptom_onset)
        if f.infection.asymptomatic and f.infection.symptom_onset is not None:
            self.error(_join(ev, InfectionEvidence, "symptom_onset"), T_ASYMPTOMATIC_ONSET)
        if f.birth_date is not None:
            for attr in ("sample_date", "symptom_onset"):
                value = getattr(f.infection, attr)
                if value is not None and value < f.birth_date:
                    path = _join(ev, InfectionEvidence, attr)
                    self.error(path, T_SAMPLE_BEFORE_BIRTH, field=_label(path), date=_fr(value))
        if f.infection.result in (ExamResult.NEGATIVE, ExamResult.INCONCLUSIVE):
            self.warning(_join(ev, InfectionEvidence, "result"), T_NEGATIVE)
        q = field_key(PatientZero, "quarantine")
        if f.quarantine.in_quarantine is False and f.quarantine.reasons:
            self.warning(_join(q, Quarantine, "reasons"), T_QUARANTINE_NOT)

    def contact_formats(self, f: Contact) -> None:
        sy = field_key(Contact, "symptoms")
        self.past(_join(sy, Symptoms, "onset"), f.symptoms.onset)
        if f.symptoms.present is False and f.symptoms.onset is not None:
            self.warning(_join(sy, Symptoms, "onset"), T_SYMPTOMS_ONSET)
        seen: dict[str, int] = {}
        for i, exp in enumerate(f.expositions):
            path = f"{field_key(Contact, 'expositions')}[{i}]"
            pz_path = _join(path, Exposition, "patient_zero_uuid")
            pz = exp.patient_zero_uuid.strip()
            if not pz:
                self.error(pz_path, T_EXPOSITION_NO_PZ)
            elif pz == f.uuid:
                self.error(pz_path, T_EXPOSITION_SELF)
            elif pz in seen:
                self.error(pz_path, T_EXPOSITION_DUPLICATE, number=seen[pz] + 1)
            else:
                seen[pz] = i
            self.past(_join(path, Exposition, "last_contact"), exp.last_contact)

    def contact_window(self, diagnosis: date | Mapping[str, date] | None) -> None:
        if not isinstance(self.fiche, Contact) or diagnosis is None:
            return
        for i, exp in enumerate(self.fiche.expositions):
            d = diagnosis if isinstance(diagnosis, date) else diagnosis.get(exp.patient_zero_uuid)
            if d is None or exp.last_contact is None:
                continue
            if exp.last_contact < d - timedelta(days=CONTACT_WINDOW_DAYS):
                path = f"{field_key(Contact, 'expositions')}[{i}]"
                self.warning(
                    _join(path, Exposition, "last_contact"),
                    T_CONTACT_WINDOW,
                    date=_fr(exp.last_contact),
                    days=CONTACT_WINDOW_DAYS,
                    diagnosis=_fr(d),
                )

    # -- completeness (validation) ------------------------------------------

    def completeness(self) -> None:
        f = self.fiche
        for attr in ("birth_name", "first_names"):
            if not getattr(f, attr).strip():
                self.required(field_key(Fiche, attr))
        if f.birth_date is None:
            self.required(field_key(Fiche, "birth_date"))
        elif f.legal_representative is None and _age(f.birth_date, self.today) < ADULT_AGE_YEARS:
            self.warning(field_key(Fiche, "legal_representative"), T_MINOR)
        if f.sex is None:
            self.required(field_key(Fiche, "sex"))
        if not any(p.strip() for p in f.phones) and f.address.is_empty():
            self.error(field_key(Fiche, "phones"), T_PHONE_OR_ADDRESS)
        self.support_completeness()
        if f.establishment.status is None:  # practice field: a reminder, not a block
            path = _join(field_key(Fiche, "establishment"), EstablishmentPlace, "status")
            self.warning(path, T_REQUIRED, field=_label(path))
        self.place_completeness()
        for i, visit in enumerate(f.structures):
            path = f"{field_key(Fiche, 'structures')}[{i}]"
            if visit.type is None:
                self.required(_join(path, StructureVisit, "type"))
            elif visit.type is StructureType.COLLECTIVE_HOUSING and visit.housing_subtype is None:
                self.error(_join(path, StructureVisit, "housing_subtype"), T_SUBTYPE_REQUIRED)
            if not visit.name.strip():
                self.required(_join(path, StructureVisit, "name"))
        for i, gathering in enumerate(f.gatherings):
            path = f"{field_key(Fiche, 'gatherings')}[{i}]"
            if not gathering.place.strip():
                self.required(_join(path, Gathering, "place"))
            if gathering.held_on is None:
                self.required(_join(path, Gathering, "held_on"))
            if gathering.purpose is None:
                self.required(_join(path, Gathering, "purpose"))
        info = field_key(Fiche, "information")
        if f.information.given_on is None:
            self.required(_join(info, InformationGiven, "given_on"))
        if not f.information.given_by.strip():
            self.required(_join(info, InformationGiven, "given_by"))
        if not f.information.modes:
            self.error(_join(info, InformationGiven, "modes"), T_INFORMATION_MODE)
        if not f.information.research_opposition_right:
            path = _join(info, InformationGiven, "research_opposition_right")
            self.error(path, T_RESEARCH_RIGHT)
        if isinstance(f, PatientZero):
            self.patient_zero_completeness(f)
        else:
            self.contact_completeness(f)

    def support_completeness(self) -> None:
        """Letter h: the need and the consent are both recorded, and checked together."""
        f = self.fiche
        if f.support_needed is None:
            self.required(field_key(Fiche, "support_needed"))
        if f.support_consent is None:
            self.required(field_key(Fiche, "support_consent"))
        elif f.support_consent is Consent.YES and f.support_needed is False:
            self.warning(field_key(Fiche, "support_consent"), T_SUPPORT_CONSENT_WITHOUT_NEED)

    def place_completeness(self) -> None:
        abroad = False
        for i, place in enumerate(self.fiche.places):
            path = f"{field_key(Fiche, 'places')}[{i}]"
            if place.kind is PlaceKind.COUNTRY:
                abroad = True
                if not (place.name.strip() or place.code.strip()):
                    self.error(_join(path, PlaceStayed, "name"), T_COUNTRY)
            elif not place.code.strip():
                self.required(_join(path, PlaceStayed, "code"))
        if abroad and self.fiche.return_to_france is None:
            self.error(field_key(Fiche, "return_to_france"), T_RETURN_DATE)

    def patient_zero_completeness(self, f: PatientZero) -> None:
        ev = field_key(PatientZero, "infection")
        if f.infection.exam_type is None:
            self.required(_join(ev, InfectionEvidence, "exam_type"))
        if f.infection.exam_type is not ExamType.CLINICAL and f.infection.sample_date is None:
            self.required(_join(ev, InfectionEvidence, "sample_date"))
        if f.infection.result is None and f.infection.exam_type is not ExamType.CLINICAL:
            self.required(_join(ev, InfectionEvidence, "result"))
        if f.infection.symptom_onset is None and not f.infection.asymptomatic:
            self.error(_join(ev, InfectionEvidence, "symptom_onset"), T_ONSET_OR_ASYMPTOMATIC)
        if f.identity_disclosure not in (Consent.YES, Consent.NO):
            self.error(field_key(PatientZero, "identity_disclosure"), T_IDENTITY_CHOICE)
        q = field_key(PatientZero, "quarantine")
        if f.quarantine.in_quarantine and not f.quarantine.reasons:
            self.error(_join(q, Quarantine, "reasons"), T_QUARANTINE_REASON)

    def contact_completeness(self, f: Contact) -> None:
        expositions = field_key(Contact, "expositions")
        if not f.expositions:
            self.error(expositions, T_NO_EXPOSITION)
        for i, exp in enumerate(f.expositions):
            path = f"{expositions}[{i}]"
            if exp.last_contact is None:
                self.required(_join(path, Exposition, "last_contact"))
            if exp.risk is None:
                self.required(_join(path, Exposition, "risk"))
            if Circumstance.OTHER in exp.circumstances and not exp.other_circumstance.strip():
                self.error(_join(path, Exposition, "other_circumstance"), T_OTHER_CIRCUMSTANCE)


def check_draft(
    fiche: AnyFiche,
    today: date,
    *,
    diagnosis: date | Mapping[str, date] | None = None,
) -> list[Issue]:
    """What blocks saving a draft: format errors in what is filled, and no name nor phone.

    ``diagnosis``: the patient zéro's diagnosis date (prélèvement or first
    symptoms), or a mapping patient-zéro UUID → that date, to warn about a
    last contact more than 14 days earlier.
    """
    checker = _Checker(fiche, today)
    has_name = any(v.strip() for v in (fiche.birth_name, fiche.usage_name, fiche.first_names))
    if not has_name and not any(p.strip() for p in fiche.phones):
        checker.error(field_key(Fiche, "birth_name"), T_NAME_OR_PHONE)
    checker.formats()
    checker.contact_window(diagnosis)
    return checker.issues


def check_for_validation(
    fiche: AnyFiche,
    today: date,
    *,
    diagnosis: date | Mapping[str, date] | None = None,
) -> list[Issue]:
    """Everything ``check_draft`` finds, plus what a validated fiche must contain."""
    checker = _Checker(fiche, today)
    checker.formats()
    checker.completeness()
    checker.contact_window(diagnosis)
    return sorted(checker.issues, key=lambda i: (not i.is_error,))


# ---------------------------------------------------------------------------
# Risk suggestion

_AT_RISK_CIRCUMSTANCES = frozenset(
    {
        Circumstance.SAME_HOUSEHOLD,
        Circumstance.FACE_TO_FACE,
        Circumstance.CARE,
        Circumstance.CONFINED_SPACE,
        Circumstance.SAME_CLASS,
    }
)


def suggest_risk(
    circumstances: Iterable[Circumstance], measures: Iterable[ProtectiveMeasure]
) -> RiskAssessment:
    """Suggested assessment of an exposition; the user decides.

    Rule (after the Santé publique France contact definition of autumn 2020,
    read conservatively):

    1. no at-risk circumstance (only « autre », or none) → *à risque négligeable*;
    2. same household (même lieu de vie) → *à risque*, whatever the measures
       (protection cannot be kept up all the time at home);
    3. physical separation (vitre, hygiaphone) → *à risque négligeable*;
    4. a surgical or FFP2 mask worn by **both** the case and the contact →
       *à risque négligeable* (SpF accepted such a mask on either side; we ask
       for both so that a doubtful case is suggested at risk);
    5. otherwise → *à risque*.
    """
    circ = set(circumstances)
    meas = set(measures)
    if not circ & _AT_RISK_CIRCUMSTANCES:
        return RiskAssessment.NEGLIGIBLE
    if Circumstance.SAME_HOUSEHOLD in circ:
        return RiskAssessment.AT_RISK
    if ProtectiveMeasure.PHYSICAL_SEPARATION in meas:
        return RiskAssessment.NEGLIGIBLE
    if {ProtectiveMeasure.MASK_CASE, ProtectiveMeasure.MASK_CONTACT} <= meas:
        return RiskAssessment.NEGLIGIBLE
    return RiskAssessment.AT_RISK

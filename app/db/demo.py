"""Synthetic demonstration data: realistic, entirely fictitious fiches.

Names carry French accents, NIR have valid keys (Corsica included), phones
are French numbers; every patient zéro has 0–10 contacts; creation instants
are spread over the last *spread_days* days. Nothing here is a real person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.core.clock import get_clock
from app.core.enums import (
    Circumstance,
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    FicheKind,
    InformationMode,
    LifecycleState,
    ProtectiveMeasure,
    QuarantineReason,
    Sex,
    StructureType,
    YesNoUnknown,
    gathering_purposes,
)
from app.core.identifiers import IdentifierError, nir_key, parse_phone
from app.core.models import (
    Address,
    AnyFiche,
    Contact,
    Doctor,
    EstablishmentPlace,
    Exposition,
    Gathering,
    InfectionEvidence,
    InformationGiven,
    LegalRepresentative,
    PatientZero,
    Quarantine,
    StructureVisit,
    Symptoms,
)
from app.core.validation import ADULT_AGE_YEARS, CONTACT_WINDOW_DAYS, suggest_risk
from app.db.connection import Database

SURNAMES = (
    "Lefèvre",
    "Dubois",
    "Moreau",
    "Girard",
    "Rousseau",
    "Bérard",
    "Lemaître",
    "Fournier",
    "Mercier",
    "Chevalier",
    "Gauthier",
    "Perrin",
    "Faure",
    "André",
    "Boyer",
    "Noël",
    "Lacroix",
    "Hébert",
    "Bélanger",
    "Desprès",
    "Caron",
    "Benoît",
    "Lévêque",
    "Garnier",
    "Lambert",
    "Müller",
    "Ménard",
    "Brûlé",
    "Guérin",
    "Aubé",
    "N’Diaye",
    "Da Silva",
    "Nguyen",
    "Martin",
    "Bernard",
    "Petit",
    "Durand",
    "Leroy",
    "Roux",
    "Fontaine",
)
FIRST_NAMES_F = (
    "Hélène",
    "Chloé",
    "Zoé",
    "Béatrice",
    "Cécile",
    "Élodie",
    "Maëlle",
    "Noémie",
    "Françoise",
    "Léa",
    "Inès",
    "Anaïs",
    "Mélanie",
    "Gisèle",
    "Agnès",
    "Solène",
)
FIRST_NAMES_M = (
    "François",
    "Jérôme",
    "Gaël",
    "Loïc",
    "Noël",
    "Théo",
    "Mathéo",
    "Rémi",
    "Hervé",
    "Benoît",
    "Clément",
    "Joël",
    "Frédéric",
    "André",
    "Raphaël",
    "Aurélien",
)
STREETS = (
    "rue de la République",
    "avenue Jean-Jaurès",
    "place de l’Église",
    "rue des Écoles",
    "chemin des Prés",
    "boulevard Gambetta",
    "allée des Tilleuls",
    "rue Pasteur",
)
TOWNS = (
    ("69003", "Lyon", "69"),
    ("13005", "Marseille", "13"),
    ("33000", "Bordeaux", "33"),
    ("59000", "Lille", "59"),
    ("35000", "Rennes", "35"),
    ("20000", "Ajaccio", "2A"),
    ("20200", "Bastia", "2B"),
    ("97400", "Saint-Denis", "974"),
    ("44000", "Nantes", "44"),
    ("67000", "Strasbourg", "67"),
    ("31000", "Toulouse", "31"),
    ("21000", "Dijon", "21"),
)
UNITS = (
    "Médecine interne",
    "Gériatrie",
    "Soins de suite et réadaptation",
    "Urgences",
    "Unité Alzheimer",
    "EHPAD – Les Tilleuls",
    "Chirurgie orthopédique",
    "Pneumologie",
)
CAISSES = ("CPAM du Rhône", "CPAM des Bouches-du-Rhône", "MSA", "CPAM de Gironde", "CGSS")
DOCTORS = ("Dr Amélie Perrot", "Dr Karim Benali", "Dr Sophie Lebœuf", "Dr Éric Vasseur")
#: Share of people who need health or social support (letter h).
SUPPORT_NEED_RATE = 0.15


@dataclass(frozen=True, slots=True)
class DemoResult:
    patients_zero: int
    contacts: int


def _nir(rng: random.Random, sex: Sex, birth: date, dept: str) -> str:
    sex_digit = "1" if sex is Sex.MALE else "2"
    # Département (2 characters, 2A/2B included) + commune (3 digits), or an
    # overseas département (3 digits) + commune (2 digits).
    commune = f"{rng.randint(1, 999):03d}" if len(dept) == 2 else f"{rng.randint(1, 99):02d}"
    first13 = (
        f"{sex_digit}{birth.year % 100:02d}{birth.month:02d}{dept}{commune}"
        f"{rng.randint(1, 999):03d}"
    )
    return first13 + nir_key(first13)


def _phone(rng: random.Random, mobile: bool = True) -> str:
    """A French number in E.164 that ``phonenumbers`` accepts (06, 07 3x–9x, 01–05)."""
    while True:
        prefix = rng.choice("67") if mobile else rng.choice("12345")
        candidate = f"+33{prefix}{rng.randint(0, 99_999_999):08d}"
        try:
            return parse_phone(candidate)
        except IdentifierError:
            continue


def _birth(rng: random.Random, today: date, min_age: int, max_age: int) -> date:
    age_days = rng.randint(min_age * 365, max_age * 365)
    return today - timedelta(days=age_days)


def _identity(rng: random.Random, fiche: AnyFiche, today: date, min_age: int = 18) -> None:
    sex = rng.choice((Sex.FEMALE, Sex.MALE))
    fiche.sex = sex
    fiche.birth_name = rng.choice(SURNAMES).upper()
    if sex is Sex.FEMALE and rng.random() < 0.3:
        fiche.usage_name = rng.choice(SURNAMES).upper()
    names = FIRST_NAMES_F if sex is Sex.FEMALE else FIRST_NAMES_M
    fiche.first_names = " ".join(rng.sample(names, rng.choice((1, 1, 2))))
    fiche.birth_date = _birth(rng, today, min_age, 98)
    postal, town, dept = rng.choice(TOWNS)
    fiche.nir = _nir(rng, sex, fiche.birth_date, dept)
    fiche.address = Address(
        lines=[f"{rng.randint(1, 140)} {rng.choice(STREETS)}"], postal_code=postal, city=town
    )
    fiche.phones = [_phone(rng, mobile=rng.random() < 0.8)]
    fiche.insurance_body = rng.choice(CAISSES)
    if _is_minor(fiche.birth_date, today):
        # Letter a: a minor's legal representative (name, relationship, phone).
        parent_sex = rng.choice((Sex.FEMALE, Sex.MALE))
        parent_names = FIRST_NAMES_F if parent_sex is Sex.FEMALE else FIRST_NAMES_M
        fiche.legal_representative = LegalRepresentative(
            name=f"{rng.choice(parent_names)} {fiche.birth_name}",
            relationship="mère" if parent_sex is Sex.FEMALE else "père",
            phone=_phone(rng),
        )


def _is_minor(birth: date, today: date) -> bool:
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    return age < ADULT_AGE_YEARS


def _information(rng: random.Random, on: date) -> InformationGiven:
    """MARS 109: informed (when, by whom, how), including the right to oppose research reuse."""
    modes = [InformationMode.ORAL]
    if rng.random() < 0.5:
        modes.append(rng.choice((InformationMode.POSTER, InformationMode.LEAFLET)))
    return InformationGiven(
        given_on=on, given_by="demo", modes=modes, research_opposition_right=True
    )


def _draft_information(rng: random.Random, on: date) -> InformationGiven:
    """A draft: the person may not have been informed yet (or not of every right)."""
    roll = rng.random()
    if roll < 0.3:
        return InformationGiven()
    information = _information(rng, on)
    if roll < 0.45:
        information.research_opposition_right = False
    return information


def _support(rng: random.Random, fiche: AnyFiche, complete: bool) -> None:
    """Letter h, asked of each person: the need, then the consent checked against it.

    Consent *oui* only where a need exists; without a need the answer is *non*
    or *non recueilli*. A draft may not have been asked yet.
    """
    if not complete and rng.random() < 0.3:
        return
    fiche.support_needed = rng.random() < SUPPORT_NEED_RATE
    if fiche.support_needed:
        fiche.support_consent = rng.choice(
            (Consent.YES, Consent.YES, Consent.YES, Consent.NO, Consent.NOT_COLLECTED)
        )
    else:
        fiche.support_consent = rng.choice((Consent.NO, Consent.NO, Consent.NOT_COLLECTED))


def _patient_zero(rng: random.Random, created: datetime) -> PatientZero:
    today = created.date()
    pz = PatientZero()
    pz.state = rng.choice(
        (LifecycleState.DRAFT, LifecycleState.VALIDATED, LifecycleState.VALIDATED)
    )
    complete = pz.state is not LifecycleState.DRAFT
    _identity(rng, pz, today, min_age=20)
    pz.created_at = created
    sample = today - timedelta(days=rng.randint(0, 3))
    symptomatic = rng.random() < 0.7
    pz.infection = InfectionEvidence(
        exam_type=rng.choice((ExamType.RT_PCR, ExamType.RT_PCR, ExamType.ANTIGEN)),
        sample_date=sample,
        result=ExamResult.POSITIVE,
        symptom_onset=sample - timedelta(days=rng.randint(0, 4)) if symptomatic else None,
        asymptomatic=not symptomatic,
    )
    pz.establishment = EstablishmentPlace(
        status=rng.choice(
            (EstablishmentStatus.INPATIENT, EstablishmentStatus.RESIDENT, EstablishmentStatus.STAFF)
        ),
        unit=rng.choice(UNITS),
        room=str(rng.randint(100, 450)),
    )
    pz.doctor = Doctor(name=rng.choice(DOCTORS), specialty="Médecine générale")
    # MARS 109: a validated fiche holds the person's choice (oui or non); a draft
    # may not have it yet, which is what keeps it a draft.
    if complete:
        pz.identity_disclosure = rng.choice((Consent.YES, Consent.NO))
    else:
        pz.identity_disclosure = rng.choice(
            (Consent.YES, Consent.NO, Consent.NOT_COLLECTED, None, None)
        )
    _support(rng, pz, complete)
    pz.contact_with_case = rng.choice(tuple(YesNoUnknown))
    pz.ars_screening = rng.random() < 0.1
    pz.quarantine = Quarantine(in_quarantine=False)
    if rng.random() < 0.3:
        pz.quarantine = Quarantine(in_quarantine=True, reasons=[QuarantineReason.CONTACT_AT_RISK])
    if rng.random() < 0.25:
        pz.gatherings = [
            Gathering(
                place="Salle des fêtes",
                held_on=today - timedelta(days=rng.randint(2, 12)),
                purpose=rng.choice(gathering_purposes(FicheKind.PATIENT_ZERO)),
            )
        ]
    if rng.random() < 0.2:
        pz.structures = [
            StructureVisit(
                type=StructureType.SCHOOL,
                name="École élémentaire Jules-Ferry",
                phone=_phone(rng, mobile=False),
            )
        ]
    pz.information = _information(rng, today) if complete else _draft_information(rng, today)
    return pz


def _contact(rng: random.Random, pz: PatientZero, created: datetime) -> Contact:
    today = created.date()
    contact = Contact()
    contact.state = rng.choice((LifecycleState.DRAFT, LifecycleState.VALIDATED))
    complete = contact.state is not LifecycleState.DRAFT
    _identity(rng, contact, today, min_age=1)
    contact.created_at = created
    contact.establishment = EstablishmentPlace(
        status=rng.choice(tuple(EstablishmentStatus)), unit=pz.establishment.unit
    )
    circumstances = rng.sample(tuple(Circumstance)[:-1], rng.randint(1, 2))
    measures = rng.sample(tuple(ProtectiveMeasure), rng.randint(0, 2))
    suggested = suggest_risk(circumstances, measures)
    # Within the 14 days before the patient zéro's diagnosis, never after the contact's day.
    last_contact = today - timedelta(days=rng.randint(0, 2))
    diagnosis = pz.infection.diagnosis_date()
    if diagnosis is not None:
        last_contact = max(last_contact, diagnosis - timedelta(days=CONTACT_WINDOW_DAYS))
    contact.expositions = [
        Exposition(
            patient_zero_uuid=pz.uuid,
            last_contact=min(last_contact, today),
            circumstances=circumstances,
            measures=measures,
            suggested_risk=suggested,
            # A draft's risk may still wait for the user's assessment.
            risk=suggested if complete or rng.random() < 0.7 else None,
        )
    ]
    contact.symptoms = Symptoms(present=False)
    _support(rng, contact, complete)
    contact.information = _information(rng, today) if complete else _draft_information(rng, today)
    return contact


def generate(
    db: Database,
    *,
    count: int,
    spread_days: int = 30,
    seed: int | None = None,
    user: str = "demo",
    batch: int = 500,
    save: Callable[[list[AnyFiche]], None],
) -> DemoResult:
    """Create *count* patients zéro with 0–10 contacts each, in batches of transactions.

    *save* stores one batch (``app.services.transfer.demo_data`` passes the
    services' gate, which refuses a fiche that fails its state's checks).
    """
    rng = random.Random(seed)
    now = get_clock().now()
    pending: list[AnyFiche] = []
    n_contacts = 0
    for _ in range(count):
        offset = timedelta(seconds=rng.uniform(0, spread_days * 86_400))
        created = now - offset
        pz = _patient_zero(rng, created)
        pending.append(pz)
        for _ in range(rng.randint(0, 10)):
            contact_created = min(now, created + timedelta(minutes=rng.randint(5, 600)))
            pending.append(_contact(rng, pz, contact_created))
            n_contacts += 1
        if len(pending) >= batch:
            save(pending)
            pending = []
    if pending:
        save(pending)
    return DemoResult(patients_zero=count, contacts=n_contacts)

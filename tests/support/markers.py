"""Fiches carrying marker identity values that must never leak where they don't belong."""

from __future__ import annotations

from datetime import date

from app.core.enums import Circumstance, Consent, Sex, StructureType
from app.core.models import (
    Address,
    Contact,
    Doctor,
    Exposition,
    LegalRepresentative,
    PatientZero,
    StructureVisit,
)

SURNAME = "Zorglubovitch"
USAGE_NAME = "Kwyjibo-Marqueur"
FIRST_NAME = "Anastasiegonde"
NIR = "284127512345687"
PHONE = "+33612345678"
PHONE_DIGITS = ("612345678", "06 12 34 56 78")
EMAIL = "zorglub.marqueur@example.org"
STREET = "17 rue des Marqueursdetest"
CITY = "Villemarqueur-sur-Loire"
DOCTOR = "Docteur Pseudomarqueur"
AFFILIATION = "CPAM Marqueurville"
CONTACT_SURNAME = "Quetzalcoatlmarqueur"
CONTACT_PHONE = "+33798765432"
FREE_TEXT = "Notelibremarqueur"

MARKERS = (
    SURNAME,
    USAGE_NAME,
    FIRST_NAME,
    NIR,
    NIR[:13],
    PHONE,
    *PHONE_DIGITS,
    EMAIL,
    STREET,
    CITY,
    DOCTOR,
    AFFILIATION,
    CONTACT_SURNAME,
    CONTACT_PHONE,
    "798765432",
    FREE_TEXT,
)


def marker_patient_zero(*, disclose: Consent = Consent.NO) -> PatientZero:
    return PatientZero(
        birth_name=SURNAME,
        usage_name=USAGE_NAME,
        first_names=FIRST_NAME,
        birth_date=date(1984, 12, 3),
        sex=Sex.FEMALE,
        nir=NIR,
        address=Address(lines=[STREET], postal_code="45000", city=CITY, country="France"),
        phones=[PHONE],
        email=EMAIL,
        insurance_body=AFFILIATION,
        doctor=Doctor(name=DOCTOR, phone=PHONE),
        legal_representative=LegalRepresentative(name=SURNAME, phone=PHONE),
        identity_disclosure=disclose,
        structures=[
            StructureVisit(
                type=StructureType.HEALTH_FACILITY, name=SURNAME, address=Address(lines=[STREET])
            )
        ],
    )


def marker_contact(patient_zero: PatientZero) -> Contact:
    contact = Contact(
        birth_name=CONTACT_SURNAME,
        first_names=FIRST_NAME,
        phones=[CONTACT_PHONE],
        address=Address(lines=[STREET], city=CITY),
        email=EMAIL,
    )
    contact.expositions.append(
        Exposition(
            patient_zero_uuid=patient_zero.uuid,
            last_contact=date(2026, 11, 20),
            circumstances=[Circumstance.FACE_TO_FACE],
            other_circumstance=FREE_TEXT,
        )
    )
    return contact

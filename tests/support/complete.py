"""Fill what validation requires in a test fiche, keeping what it already holds."""

from __future__ import annotations

from datetime import date, timedelta

from app.core.enums import (
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    InformationMode,
    RiskAssessment,
    Sex,
)
from app.core.models import AnyFiche, Contact, PatientZero
from app.core.validation import check_for_validation


def complete(fiche: AnyFiche, today: date) -> AnyFiche:
    """*fiche* made complete for validation on *today* (asserts it then validates)."""
    fiche.birth_name = fiche.birth_name or "Martin"
    fiche.first_names = fiche.first_names or "Zoé"
    if fiche.birth_date is None:
        fiche.birth_date = date(1950, 3, 4)
    if fiche.sex is None:
        fiche.sex = Sex.FEMALE
    if not fiche.phones and fiche.address.is_empty():
        fiche.phones = ["+33612345678"]
    if fiche.support_needed is None:
        fiche.support_needed = False
    if fiche.support_consent is None:
        fiche.support_consent = Consent.NO
    if fiche.establishment.status is None:
        fiche.establishment.status = EstablishmentStatus.RESIDENT
    info = fiche.information
    info.given_on = info.given_on or today
    info.given_by = info.given_by or "ide.test"
    info.modes = info.modes or [InformationMode.ORAL]
    info.research_opposition_right = True
    if isinstance(fiche, PatientZero):
        ev = fiche.infection
        ev.exam_type = ev.exam_type or ExamType.RT_PCR
        if ev.sample_date is None:
            ev.sample_date = today - timedelta(days=1)
        ev.result = ev.result or ExamResult.POSITIVE
        if ev.symptom_onset is None:
            ev.asymptomatic = True
        if fiche.identity_disclosure not in (Consent.YES, Consent.NO):
            fiche.identity_disclosure = Consent.NO
        if fiche.quarantine.in_quarantine and not fiche.quarantine.reasons:
            fiche.quarantine.in_quarantine = False
    if isinstance(fiche, Contact):
        for exp in fiche.expositions:
            if exp.last_contact is None:
                exp.last_contact = today - timedelta(days=1)
            if exp.risk is None:
                exp.risk = RiskAssessment.AT_RISK
    errors = [i.path for i in check_for_validation(fiche, today) if i.is_error]
    assert not errors, errors
    return fiche

"""Demonstration data: every generated fiche passes the checks of the state it is given.

The builders are called as ``generate`` calls them (one seeded ``random.Random``),
without a database: a *validée* fiche passes ``check_for_validation`` on its
creation day (a contact with its patient zéro's diagnosis date), a draft passes
``check_draft``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from app.core.enums import Consent, LifecycleState
from app.core.models import AnyFiche, Contact, PatientZero
from app.core.validation import Issue, check_draft, check_for_validation
from app.db.demo import _contact, _patient_zero

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
COUNT = 500
SEED = 20261124


@dataclass(frozen=True)
class Built:
    fiche: AnyFiche
    #: What its state asks: ``check_draft`` for a draft, ``check_for_validation`` otherwise.
    own_checks: list[Issue]
    #: ``check_for_validation`` whatever the state.
    validation: list[Issue]


def _checked(fiche: AnyFiche, day: date, diagnosis: dict[str, date] | None) -> Built:
    validation = check_for_validation(fiche, day, diagnosis=diagnosis)
    if fiche.state is LifecycleState.DRAFT:
        return Built(fiche, check_draft(fiche, day, diagnosis=diagnosis), validation)
    return Built(fiche, validation, validation)


def _build(seed: int) -> list[Built]:
    """Patients zéro and their contacts as ``generate`` makes them, checked on their creation day.

    A contact is checked with its patient zéro's diagnosis date (the 14-day window).
    """
    rng = random.Random(seed)
    out: list[Built] = []
    for _ in range(COUNT):
        created = NOW - timedelta(seconds=rng.uniform(0, 88 * 86_400))
        pz = _patient_zero(rng, created)
        out.append(_checked(pz, created.date(), None))
        diagnosis = pz.infection.diagnosis_date()
        assert diagnosis is not None
        for _ in range(rng.randint(0, 10)):
            contact_created = min(NOW, created + timedelta(minutes=rng.randint(5, 600)))
            contact = _contact(rng, pz, contact_created)
            out.append(_checked(contact, contact_created.date(), {pz.uuid: diagnosis}))
    return out


@pytest.fixture(scope="module")
def built() -> list[Built]:
    return _build(SEED)


def _describe(fiche: AnyFiche, issues: list[Issue]) -> str:
    return f"{fiche.kind.value} {fiche.state.value}: " + "; ".join(
        f"{i.path}: {i.message}" for i in issues
    )


def test_every_fiche_passes_the_checks_of_its_state(built: list[Built]) -> None:
    failures = [
        _describe(b.fiche, errors)
        for b in built
        if (errors := [i for i in b.own_checks if i.is_error])
    ]
    assert not failures, f"{len(failures)} fiche(s) fail their checks, e.g. {failures[:5]}"


def test_validated_fiches_are_complete_without_warnings(built: list[Built]) -> None:
    """Nothing to remind the user of either: minors have their representative, etc."""
    warned = [
        _describe(b.fiche, b.validation)
        for b in built
        if b.fiche.state is not LifecycleState.DRAFT and b.validation
    ]
    assert not warned, warned[:5]


def test_both_states_and_both_kinds_are_generated(built: list[Built]) -> None:
    seen = Counter((b.fiche.kind.value, b.fiche.state) for b in built)
    for kind in ("patient_zero", "contact"):
        for state in (LifecycleState.DRAFT, LifecycleState.VALIDATED):
            assert seen[kind, state] > 0, (kind, state)
    # Some drafts are genuinely incomplete: that is what keeps them drafts.
    incomplete = [
        b.fiche
        for b in built
        if b.fiche.state is LifecycleState.DRAFT and any(i.is_error for i in b.validation)
    ]
    assert incomplete
    assert any(
        isinstance(f, PatientZero) and f.identity_disclosure not in (Consent.YES, Consent.NO)
        for f in incomplete
    )


def test_rights_and_consent_are_recorded_consistently(built: list[Built]) -> None:
    validated = [b.fiche for b in built if b.fiche.state is not LifecycleState.DRAFT]
    for fiche in validated:
        assert fiche.information.research_opposition_right
        assert fiche.support_needed is not None and fiche.support_consent is not None
        if isinstance(fiche, PatientZero):
            assert fiche.identity_disclosure in (Consent.YES, Consent.NO)
    for fiche in (b.fiche for b in built):
        # Consent « oui » to the communication for support only where a need exists.
        if fiche.support_consent is Consent.YES:
            assert fiche.support_needed is True
    # Contacts are asked too (letter h applies to them as to patients zéro).
    contacts = [f for f in validated if isinstance(f, Contact)]
    assert any(c.support_needed for c in contacts)
    assert any(c.support_consent is Consent.YES for c in contacts)

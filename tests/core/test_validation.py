from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings

from app.core.enums import (
    Circumstance,
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    HousingSubtype,
    InformationMode,
    PlaceKind,
    ProtectiveMeasure,
    RiskAssessment,
    Sex,
    StructureType,
)
from app.core.models import (
    Address,
    Contact,
    EstablishmentPlace,
    Exposition,
    Gathering,
    InfectionEvidence,
    InformationGiven,
    PatientZero,
    PlaceStayed,
    StructureVisit,
)
from app.core.validation import (
    Issue,
    Severity,
    check_draft,
    check_for_validation,
    has_errors,
    suggest_risk,
)
from tests.core import strategies as s

TODAY = date(2020, 11, 20)
NIR_INCONSISTENT = (
    "NIR incohérent : les 13 premiers chiffres et la clé ne correspondent pas. "
    "Vérifiez chaque chiffre sur la carte Vitale ou l’attestation de droits."
)
PZ_UUID = "0b6f4f7e-8c57-4a3c-9d1e-3f2b5c6d7e8f"


def complete_patient_zero() -> PatientZero:
    return PatientZero(
        uuid=PZ_UUID,
        birth_name="Martin",
        first_names="Marie",
        birth_date=date(1950, 3, 1),
        sex=Sex.FEMALE,
        nir="250037511200463",
        phones=["+33612345678"],
        address=Address(lines=["3 rue des Lilas"], postal_code="75013", city="Paris"),
        establishment=_place(),
        support_needed=False,
        support_consent=Consent.NOT_COLLECTED,
        infection=InfectionEvidence(
            exam_type=ExamType.RT_PCR,
            sample_date=date(2020, 11, 16),
            result=ExamResult.POSITIVE,
            symptom_onset=date(2020, 11, 14),
        ),
        identity_disclosure=Consent.NO,
        information=InformationGiven(
            given_on=date(2020, 11, 17),
            given_by="ide.dupont",
            modes=[InformationMode.ORAL],
            research_opposition_right=True,
        ),
    )


def _place() -> EstablishmentPlace:
    return EstablishmentPlace(status=EstablishmentStatus.RESIDENT, unit="EHPAD B", room="12")


def complete_contact() -> Contact:
    return Contact(
        birth_name="Durand",
        first_names="Paul",
        birth_date=date(1980, 6, 15),
        sex=Sex.MALE,
        phones=["+33751234567"],
        establishment=_place(),
        support_needed=True,
        support_consent=Consent.YES,
        information=InformationGiven(
            given_on=date(2020, 11, 18),
            given_by="ide.dupont",
            modes=[InformationMode.LEAFLET],
            research_opposition_right=True,
        ),
        expositions=[
            Exposition(
                patient_zero_uuid=PZ_UUID,
                last_contact=date(2020, 11, 15),
                circumstances=[Circumstance.CARE],
                risk=RiskAssessment.AT_RISK,
            )
        ],
    )


def paths(issues: list[Issue], severity: Severity | None = None) -> list[str]:
    return [i.path for i in issues if severity is None or i.severity is severity]


def test_nir_fixture_is_valid() -> None:
    from app.core.identifiers import normalize_nir

    assert normalize_nir(complete_patient_zero().nir)


def test_complete_fiches_pass() -> None:
    assert check_for_validation(complete_patient_zero(), TODAY) == []
    assert check_for_validation(complete_contact(), TODAY) == []
    assert check_draft(complete_contact(), TODAY) == []


def test_issue_message_formats_template() -> None:
    issue = Issue("sexe", Severity.ERROR, "{field} : à renseigner.", {"field": "Sexe"})
    assert issue.message == "Sexe : à renseigner."
    assert issue.is_error
    assert has_errors([issue])
    assert not has_errors([Issue("x", Severity.WARNING, "t")])


# ---------------------------------------------------------------------------
# drafts


def test_draft_needs_a_name_or_a_phone() -> None:
    issues = check_draft(Contact(), TODAY)
    assert [i.message for i in issues] == [
        "Indiquez au moins un nom, un prénom ou un numéro de téléphone."
    ]
    assert check_draft(Contact(phones=["+33612345678"]), TODAY) == []
    assert check_draft(Contact(first_names="Léa"), TODAY) == []


def test_draft_reports_only_format_errors_of_what_is_filled() -> None:
    f = Contact(
        birth_name="Durand",
        nir="250037511200464",
        phones=["+33612345678", "0612"],
        email="paul@",
        address=Address(postal_code="7501"),
        birth_date=date(2021, 1, 1),
    )
    issues = check_draft(f, TODAY)
    by_path = {i.path: i.message for i in issues}
    assert by_path == {
        "nir": NIR_INCONSISTENT,
        "telephones[1]": (
            "Numéro de téléphone non reconnu « 0612 » (un numéro étranger commence par +)."
        ),
        "email": "Adresse e-mail invalide « paul@ ».",
        "adresse.code_postal": "Le code postal doit compter 5 chiffres (« 7501 »).",
        "date_naissance": "Date de naissance : la date du 01/01/2021 est dans le futur.",
    }
    assert all(i.severity is Severity.ERROR for i in issues)


def test_foreign_address_skips_french_postal_code() -> None:
    f = Contact(birth_name="Smith", address=Address(postal_code="SW1A 1AA", country="Royaume-Uni"))
    assert check_draft(f, TODAY) == []


def test_birth_date_plausible() -> None:
    f = Contact(birth_name="X", birth_date=date(1899, 1, 1))
    [issue] = check_draft(f, TODAY)
    assert issue.path == "date_naissance"
    assert issue.message == "Date de naissance peu plausible (01/01/1899 : plus de 120 ans)."
    assert check_draft(Contact(birth_name="X", birth_date=date(1900, 11, 20)), TODAY) == []


def test_nir_consistency_warnings() -> None:
    f = complete_patient_zero()
    f.sex = Sex.MALE
    f.birth_date = date(1951, 3, 1)
    issues = check_draft(f, TODAY)
    assert [(i.path, i.severity) for i in issues] == [
        ("nir", Severity.WARNING),
        ("nir", Severity.WARNING),
    ]
    f.ame_code = "AME-123"
    assert "un seul suffit" in check_draft(f, TODAY)[0].message


def test_exposition_formats() -> None:
    c = complete_contact()
    c.expositions.append(Exposition(patient_zero_uuid=PZ_UUID))
    c.expositions.append(Exposition(patient_zero_uuid=c.uuid))
    c.expositions.append(Exposition(last_contact=TODAY + timedelta(days=1)))
    issues = check_draft(c, TODAY)
    assert [(i.path, i.message) for i in issues] == [
        (
            "expositions[1].patient_zero_uuid",
            "Ce patient zéro est déjà lié à la personne contact (exposition n° 1).",
        ),
        ("expositions[2].patient_zero_uuid", "Une personne ne peut pas être son propre contact."),
        ("expositions[3].patient_zero_uuid", "Exposition sans patient zéro."),
        (
            "expositions[3].date_dernier_contact",
            "Date du dernier contact : la date du 21/11/2020 est dans le futur.",
        ),
    ]


@pytest.mark.parametrize(
    "diagnosis",
    [date(2020, 11, 16), {PZ_UUID: date(2020, 11, 16)}],
)
def test_last_contact_window_warning(diagnosis: date | dict[str, date]) -> None:
    c = complete_contact()
    c.expositions[0].last_contact = date(2020, 11, 2)  # 14 days before: fine
    assert check_for_validation(c, TODAY, diagnosis=diagnosis) == []
    c.expositions[0].last_contact = date(2020, 11, 1)
    [issue] = check_for_validation(c, TODAY, diagnosis=diagnosis)
    assert issue.severity is Severity.WARNING
    assert issue.path == "expositions[0].date_dernier_contact"
    assert issue.message == (
        "Dernier contact le 01/11/2020, plus de 14 jours avant le diagnostic du patient zéro"
        " (16/11/2020)."
    )
    assert check_draft(c, TODAY, diagnosis=diagnosis) == [issue]
    assert check_for_validation(c, TODAY, diagnosis={"other": date(2020, 11, 16)}) == []


# ---------------------------------------------------------------------------
# validation


def _set(attr: str, value: object) -> Callable[[PatientZero | Contact], None]:
    def apply(f: PatientZero | Contact) -> None:
        target: object = f
        *parents, last = attr.split(".")
        for p in parents:
            target = target[int(p)] if p.isdigit() else getattr(target, p)  # type: ignore[index]
        setattr(target, last, value)

    return apply


RESEARCH_PATH = "information.droit_opposition_recherche"
RESEARCH_RIGHT = (
    "Indiquez que la personne a été informée de son droit de s’opposer à la réutilisation"
    " de ses données pour la recherche."
)

PZ_CASES = [
    (_set("birth_name", " "), "nom_naissance", "Nom de naissance : à renseigner."),
    (_set("first_names", ""), "prenoms", "Prénoms : à renseigner."),
    (_set("birth_date", None), "date_naissance", "Date de naissance : à renseigner."),
    (_set("sex", None), "sexe", "Sexe : à renseigner."),
    (
        _set("identity_disclosure", None),
        "divulgation_identite",
        "Recueillez le choix de la personne : son identité peut-elle être communiquée"
        " à ses contacts (oui ou non) ?",
    ),
    (
        _set("identity_disclosure", Consent.NOT_COLLECTED),
        "divulgation_identite",
        "Recueillez le choix de la personne : son identité peut-elle être communiquée"
        " à ses contacts (oui ou non) ?",
    ),
    (
        _set("support_consent", None),
        "consentement_accompagnement",
        "Consentement à la communication de l’identité et des coordonnées à l’organisme"
        " compétent : à renseigner.",
    ),
    (
        _set("support_needed", None),
        "besoin_accompagnement",
        "Besoin d’un accompagnement sanitaire ou social : à renseigner.",
    ),
    (_set("information.given_on", None), "information.date", None),
    (_set("information.given_by", ""), "information.par", None),
    (
        _set("information.research_opposition_right", False),
        "information.droit_opposition_recherche",
        RESEARCH_RIGHT,
    ),
    (
        _set("information.modes", []),
        "information.modalites",
        "Indiquez comment la personne a été informée.",
    ),
    (_set("infection.exam_type", None), "infection.type_examen", "Type d’examen : à renseigner."),
    (_set("infection.sample_date", None), "infection.date_prelevement", None),
    (_set("infection.result", None), "infection.resultat", None),
    (
        _set("infection.symptom_onset", None),
        "infection.date_premiers_symptomes",
        "Indiquez la date des premiers symptômes ou cochez « asymptomatique ».",
    ),
    (_set("quarantine.in_quarantine", True), "quarantaine.raisons", None),
    (
        _set("places", [PlaceStayed(kind=PlaceKind.COUNTRY, name="Belgique")]),
        "date_retour_france",
        "Indiquez la date de retour en France après le séjour à l’étranger.",
    ),
    (_set("places", [PlaceStayed(kind=PlaceKind.DEPARTEMENT)]), "lieux_sejour[0].code", None),
    (
        _set("places", [PlaceStayed(kind=PlaceKind.DEPARTEMENT, code="974")]),
        "lieux_sejour[0].code",
        "Code INSEE inconnu « 974 » (département).",
    ),
    (
        _set("structures", [StructureVisit(type=StructureType.COLLECTIVE_HOUSING, name="Foyer")]),
        "structures[0].sous_type",
        "Précisez le type d’hébergement collectif.",
    ),
    (
        _set(
            "structures",
            [
                StructureVisit(
                    type=StructureType.SCHOOL, housing_subtype=HousingSubtype.FOYER, name="École"
                )
            ],
        ),
        "structures[0].sous_type",
        "Le type d’hébergement ne s’applique qu’aux structures ou lieux d’hébergement collectif.",
    ),
    (
        _set("gatherings", [Gathering(place="Salle des fêtes", held_on=date(2020, 11, 8))]),
        "rassemblements[0].objet",
        "Objet du rassemblement : à renseigner.",
    ),
]


@pytest.mark.parametrize(("change", "path", "message"), PZ_CASES)
def test_patient_zero_validation(
    change: Callable[[PatientZero | Contact], None], path: str, message: str | None
) -> None:
    f = complete_patient_zero()
    change(f)
    errors = [i for i in check_for_validation(f, TODAY) if i.is_error]
    assert paths(errors) == [path]
    if message is not None:
        assert errors[0].message == message


def test_phone_or_address() -> None:
    f = complete_patient_zero()
    f.phones = []
    assert check_for_validation(f, TODAY) == []  # the address is enough
    f.address = Address()
    [issue] = check_for_validation(f, TODAY)
    assert issue.message == "Indiquez au moins un téléphone ou une adresse."


def test_asymptomatic_instead_of_onset_date() -> None:
    f = complete_patient_zero()
    f.infection.symptom_onset = None
    f.infection.asymptomatic = True
    assert check_for_validation(f, TODAY) == []
    f.infection.symptom_onset = date(2020, 11, 14)
    assert paths(check_for_validation(f, TODAY)) == ["infection.date_premiers_symptomes"]


def test_clinical_diagnosis_needs_no_sample() -> None:
    f = complete_patient_zero()
    f.infection = InfectionEvidence(
        exam_type=ExamType.CLINICAL, asymptomatic=False, symptom_onset=date(2020, 11, 10)
    )
    assert check_for_validation(f, TODAY) == []


def test_warnings_do_not_block() -> None:
    f = complete_patient_zero()
    f.birth_date = date(2010, 3, 1)  # a minor without a legal representative
    f.nir = ""
    f.infection.result = ExamResult.NEGATIVE
    f.establishment.status = None
    issues = check_for_validation(f, TODAY)
    assert not has_errors(issues)
    assert paths(issues, Severity.WARNING) == [
        "infection.resultat",
        "representant_legal",
        "etablissement.statut",
    ]


CONTACT_CASES = [
    (_set("expositions", []), "expositions", None),
    (_set("expositions.0.last_contact", None), "expositions[0].date_dernier_contact", None),
    (
        _set("expositions.0.risk", None),
        "expositions[0].evaluation_risque",
        "Évaluation du risque : à renseigner.",
    ),
    (
        _set("expositions.0.circumstances", [Circumstance.OTHER]),
        "expositions[0].autre_circonstance",
        "Précisez l’autre circonstance.",
    ),
    (_set("information.given_on", None), "information.date", None),
    (_set("information.research_opposition_right", False), RESEARCH_PATH, RESEARCH_RIGHT),
    (_set("support_needed", None), "besoin_accompagnement", None),
]


@pytest.mark.parametrize(("change", "path", "message"), CONTACT_CASES)
def test_contact_validation(
    change: Callable[[PatientZero | Contact], None], path: str, message: str | None
) -> None:
    c = complete_contact()
    change(c)
    errors = [i for i in check_for_validation(c, TODAY) if i.is_error]
    assert paths(errors) == [path]
    if message is not None:
        assert errors[0].message == message


# ---------------------------------------------------------------------------
# rights and consent (FIELDS.md « Rights and consent », letter h)


@pytest.mark.parametrize("make", [complete_patient_zero, complete_contact])
def test_not_informed_of_the_research_right_does_not_validate(
    make: Callable[[], PatientZero | Contact],
) -> None:
    f = make()
    f.information.research_opposition_right = False
    issues = check_for_validation(f, TODAY)
    assert has_errors(issues)
    [issue] = issues
    assert (issue.path, issue.severity, issue.message) == (
        RESEARCH_PATH,
        Severity.ERROR,
        RESEARCH_RIGHT,
    )
    assert check_draft(f, TODAY) == []  # a draft may be saved before the information


@pytest.mark.parametrize("make", [complete_patient_zero, complete_contact])
def test_support_consent_without_need_warns_once_and_validates(
    make: Callable[[], PatientZero | Contact],
) -> None:
    f = make()
    f.support_needed = False
    f.support_consent = Consent.YES
    issues = check_for_validation(f, TODAY)
    assert not has_errors(issues)
    [issue] = issues
    assert issue.severity is Severity.WARNING
    assert issue.path == "consentement_accompagnement"
    assert issue.message == (
        "Consentement à la communication pour un accompagnement recueilli alors"
        " qu’aucun besoin d’accompagnement n’est indiqué : vérifiez le besoin"
        " ou le consentement."
    )


@pytest.mark.parametrize(
    ("needed", "consent"),
    [
        (True, Consent.YES),
        (True, Consent.NO),
        (True, Consent.NOT_COLLECTED),
        (False, Consent.NO),
        (False, Consent.NOT_COLLECTED),
    ],
)
def test_consistent_support_answers_pass(needed: bool, consent: Consent) -> None:
    f = complete_contact()
    f.support_needed, f.support_consent = needed, consent
    assert check_for_validation(f, TODAY) == []


def test_support_need_unanswered_does_not_validate() -> None:
    f = complete_contact()
    f.support_needed = None
    f.support_consent = Consent.YES
    issues = check_for_validation(f, TODAY)
    assert [(i.path, i.severity) for i in issues] == [("besoin_accompagnement", Severity.ERROR)]
    assert issues[0].message == "Besoin d’un accompagnement sanitaire ou social : à renseigner."
    f.support_consent = None  # both unanswered: both asked for
    assert paths(check_for_validation(f, TODAY), Severity.ERROR) == [
        "besoin_accompagnement",
        "consentement_accompagnement",
    ]
    assert check_draft(f, TODAY) == []


def test_validation_lists_errors_first() -> None:
    f = complete_patient_zero()
    f.sex = None
    f.establishment.status = None
    issues = check_for_validation(f, TODAY)
    assert [i.severity for i in issues] == [Severity.ERROR, Severity.WARNING]


@settings(max_examples=60)
@given(s.fiches(full=True))
def test_checks_never_crash_on_random_fiches(fiche: PatientZero | Contact) -> None:
    for issue in check_draft(fiche, TODAY) + check_for_validation(fiche, TODAY):
        assert issue.message
        assert issue.path


@given(s.fiches(full=False))
def test_checks_never_crash_on_sparse_fiches(fiche: PatientZero | Contact) -> None:
    for issue in check_draft(fiche, TODAY, diagnosis=TODAY):
        assert issue.message


# ---------------------------------------------------------------------------
# risk suggestion

C = Circumstance
M = ProtectiveMeasure
AT_RISK = RiskAssessment.AT_RISK
LOW = RiskAssessment.NEGLIGIBLE


@pytest.mark.parametrize(
    ("circumstances", "measures", "expected"),
    [
        ([], [], LOW),
        ([C.OTHER], [], LOW),
        ([C.FACE_TO_FACE], [], AT_RISK),
        ([C.CARE], [M.MASK_CASE], AT_RISK),
        ([C.CARE], [M.MASK_CONTACT], AT_RISK),
        ([C.CARE], [M.MASK_CASE, M.MASK_CONTACT], LOW),
        ([C.CONFINED_SPACE], [M.PHYSICAL_SEPARATION], LOW),
        ([C.SAME_CLASS, C.OTHER], [], AT_RISK),
        ([C.SAME_HOUSEHOLD], [M.MASK_CASE, M.MASK_CONTACT], AT_RISK),
        ([C.SAME_HOUSEHOLD], [M.PHYSICAL_SEPARATION], AT_RISK),
    ],
)
def test_suggest_risk(
    circumstances: list[Circumstance], measures: list[ProtectiveMeasure], expected: RiskAssessment
) -> None:
    assert suggest_risk(circumstances, measures) is expected

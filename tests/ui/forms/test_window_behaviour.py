"""What a tester saw in the real window: quick contact entry, stale views, read-only
fiches, live validation messages, the first-run FINESS check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from complete import complete
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from app.core.clock import get_clock
from app.core.enums import Circumstance, Consent, LifecycleState, RiskAssessment
from app.core.identifiers import FINESS_KEY_WARNING
from app.core.models import Contact, Exposition, PatientZero
from app.services.fiches import FicheService
from app.ui.establishment_page import EstablishmentPage
from app.ui.forms.contact import ContactForm
from app.ui.forms.exposition import ExpositionRow
from app.ui.forms.patient_zero import PatientZeroForm
from app.ui.forms.sections import READONLY_STYLE
from tests.ui.forms.test_forms import _open, focused, new_patient_zero
from tests.ui.helpers import type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(window) -> Iterator[Any]:
    """The conftest's window; no form timer fires after it (typing starts them)."""
    yield window
    for form in window.workspace.forms():
        for timer in (form._autosave_timer, form._duplicate_timer, form._check_timer):
            timer.stop()


def _today():
    return get_clock().now().date()


def _validated_pz(repo) -> PatientZero:
    pz = repo.save(
        complete(PatientZero(birth_name="Lefèvre", identity_disclosure=Consent.NO), _today())
    )
    return FicheService(repo.db, repo.user).validate(pz)


def test_ctrl_shift_n_in_a_validated_patient_zero_opens_a_linked_contact(qtbot, window, repo):
    pz = _validated_pz(repo)
    pz_form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    assert not pz_form.editable
    QTest.keyClick(focused(window), Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.workspace.current_form(), ContactForm), timeout=5_000)
    contact_form = window.workspace.current_form()
    assert contact_form.expositions.patient_zero_uuids() == [pz.uuid]
    assert focused(window).objectName() == "nom_naissance"
    type_text(focused(window), "Durand")
    assert contact_form.findChild(QLineEdit, "nom_naissance").text() == "Durand"
    typed, _ = contact_form.current()
    assert [e.patient_zero_uuid for e in typed.expositions] == [pz.uuid]
    contact_form._autosave_timer.stop()


def test_contacts_table_follows_a_contact_validated_in_its_own_tab(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre", identity_disclosure=Consent.NO))
    contact = repo.save(
        complete(
            Contact(
                birth_name="Durand",
                expositions=[Exposition(patient_zero_uuid=pz.uuid, risk=RiskAssessment.AT_RISK)],
            ),
            _today(),
        )
    )
    pz_form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    qtbot.waitUntil(lambda: pz_form.contacts.table.rowCount() == 1, timeout=5_000)
    assert pz_form.contacts.table.item(0, 4).text() == "Initialisée"
    contact_form = _open(qtbot, window, contact.uuid, ContactForm)
    assert contact_form.validate()
    qtbot.waitUntil(lambda: contact_form.fiche.state is LifecycleState.VALIDATED, timeout=5_000)
    qtbot.waitUntil(lambda: pz_form.contacts.table.item(0, 4).text() == "Validée", timeout=5_000)


def test_a_validated_fiche_stays_unmodified_and_looks_read_only(qtbot, window, repo):
    pz = repo.save(PatientZero(birth_name="Lefèvre"))
    contact = repo.save(
        complete(
            Contact(
                birth_name="Durand",
                expositions=[
                    Exposition(
                        patient_zero_uuid=pz.uuid,
                        circumstances=[Circumstance.FACE_TO_FACE],
                        risk=RiskAssessment.NEGLIGIBLE,
                    )
                ],
            ),
            _today(),
        )
    )
    FicheService(repo.db, repo.user).validate(contact)
    form = _open(qtbot, window, contact.uuid, ContactForm)
    assert form.fiche.state is LifecycleState.VALIDATED
    row = form.expositions.rows[0]
    assert isinstance(row, ExpositionRow)
    assert row.suggested() is not RiskAssessment.NEGLIGIBLE  # « Retenir » would change it
    assert not row.take.isVisible()
    row._take_suggestion()  # even if reached: the decision stays
    assert row.risk.value()[0] is RiskAssessment.NEGLIGIBLE
    assert not form.has_unsaved() and "modifications" not in form.header.state_label.text()
    informed = form.findChild(QPushButton, "informed_now")
    assert not informed.isVisible()
    # one read-only look for every kind of field
    assert form.content.styleSheet() == READONLY_STYLE
    for edit in form.content.findChildren(QLineEdit) + form.content.findChildren(QPlainTextEdit):
        if edit.objectName().startswith("quick_"):
            continue
        assert edit.isReadOnly(), edit.objectName()
    for widget in form.content.findChildren(QComboBox) + form.content.findChildren(QCheckBox):
        assert not widget.isEnabled(), widget.objectName()
    form.header.reopen_button.click()
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.DRAFT, timeout=5_000)
    assert form.content.styleSheet() == ""
    qtbot.waitUntil(lambda: form.expositions.rows[0].take.isVisible(), timeout=5_000)


def test_an_empty_new_form_shows_no_error_before_an_attempt(qtbot, window):
    form = new_patient_zero(qtbot, window)
    form.run_checks()
    name = next(b for b in form.bindings if b.path == "nom_naissance")
    assert [i.path for i in form.last_issues if i.is_error] == ["nom_naissance"]
    assert not name.message.isVisible()  # nothing typed is not a mistake
    assert form.save() is False
    assert name.message.isVisible()  # after « Enregistrer »: said beside the field
    form._autosave_timer.stop()


def test_a_touched_field_shows_its_error_at_once(qtbot, window):
    form = new_patient_zero(qtbot, window)
    birth = form.findChild(QLineEdit, "date_naissance")
    birth.setFocus()
    type_text(birth, "31/02")
    form.run_checks()
    binding = next(b for b in form.bindings if b.path == "date_naissance")
    assert binding.message.isVisible() and "31/02" in binding.message.text()
    name = next(b for b in form.bindings if b.path == "nom_naissance")
    assert not name.message.isVisible()  # untouched
    form._autosave_timer.stop()


def test_the_count_of_what_is_missing_follows_the_typing(qtbot, window):
    form = new_patient_zero(qtbot, window)
    type_text(focused(window), "Lefèvre")
    assert form.validate() is False
    before = form.status.text()
    assert before.startswith("Validation impossible") and before == form.panel.title.text()
    first = form.findChild(QLineEdit, "prenoms")
    first.setFocus()
    type_text(first, "Hélène")
    birth = form.findChild(QLineEdit, "date_naissance")
    birth.setFocus()
    type_text(birth, "02/05/1950")
    form.run_checks()  # what the check timer does a moment after the typing
    after = form.status.text()
    assert after.startswith("Validation impossible") and after != before
    assert after == form.panel.title.text()
    # A refused « Enregistrer »: its count follows the typing too, and goes when all is fixed.
    form2 = new_patient_zero(qtbot, window)
    assert form2.save() is False
    assert form2.panel.title.text().startswith("Enregistrement impossible")
    name = form2.findChild(QLineEdit, "nom_naissance")
    name.setFocus()
    type_text(name, "Martin")
    form2.run_checks()
    assert not form2.panel.isVisible() and form2.status.text() == ""
    for f in (form, form2):
        f._autosave_timer.stop()


def test_first_run_finess_warns_like_the_settings_dialog(qtbot):
    page = EstablishmentPage()
    qtbot.addWidget(page)
    page.show()
    finess = page.editors["establishment.finess"]
    finess.setText("750000001")  # 9 digits, check digit wrong
    assert page.finess_warning.isVisible()
    assert page.finess_warning.text() == QCoreApplication.translate("core", FINESS_KEY_WARNING)
    page.editors["establishment.name"].setText("EHPAD Les Tilleuls")
    assert page.values()["establishment.finess"] == "750000001"  # a warning, as in the settings
    finess.setText("750000002")
    assert not page.finess_warning.isVisible()
    finess.setText("75 000")
    assert page.values() is None  # refused by the setting's one validator
    assert not page.validatePage()
    message = page.editor.messages["establishment.finess"]
    assert message.isVisible() and "9 caractères" in message.text()
    assert finess.text() == "75 000"  # what was typed stays


def test_nir_error_never_gives_the_expected_key():
    from app.core.identifiers import IdentifierError, nir_key, normalize_nir

    wrong = "2790599" + "000000" + "00"
    expected = nir_key(wrong[:13])
    try:
        normalize_nir(wrong)
    except IdentifierError as exc:
        assert "incohérent" in exc.message and expected not in exc.message
    else:
        raise AssertionError("a wrong key was accepted")

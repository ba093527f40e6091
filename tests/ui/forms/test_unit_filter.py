"""The list's unit filter: « Toutes les unités » and the distinct units, refreshed after saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.models import EstablishmentPlace, PatientZero
from app.ui.application import install_translators
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.helpers import type_text


@pytest.fixture(autouse=True)
def french(qapp):
    install_translators("fr")  # plural forms of the count


def _items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _pz(name: str, unit: str) -> PatientZero:
    return PatientZero(birth_name=name, establishment=EstablishmentPlace(unit=unit))


def test_unit_filter_lists_units_filters_and_follows_saves(qtbot, window, repo):
    for name, unit in (
        ("Alpha", "Gériatrie"),
        ("Bravo", "Cardiologie"),
        ("Charlie", "Gériatrie"),
        ("Delta", ""),
        ("Echo", "<b>Urgences</b>"),  # hostile unit text stays plain
    ):
        repo.save(_pz(name, unit))
    panel = window.fiches
    combo = panel.unit_filter
    window.refresh()
    qtbot.waitUntil(lambda: combo.count() == 4, timeout=5_000)
    assert _items(combo) == ["Toutes les unités", "<b>Urgences</b>", "Cardiologie", "Gériatrie"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=5_000)

    # Choosing a unit (keyboard: the combo has the focus) filters the list at once.
    combo.setFocus()
    with qtbot.waitSignal(panel.model.count_changed, timeout=5_000) as blocker:
        combo.setCurrentIndex(combo.findText("Gériatrie"))
    assert blocker.args == [2]
    assert panel.current_query().unit == "Gériatrie"
    assert panel.count_label.text() == "2 fiches affichées"

    # A fiche saved in a new unit: the units are read again, the choice is kept.
    form = window.workspace.new_patient_zero()
    assert isinstance(form, PatientZeroForm)
    type_text(form.findChild(QLineEdit, "nom_naissance"), "Foxtrot")
    unit_edit = form.findChild(QLineEdit, "etablissement.service")
    unit_edit.setFocus()
    type_text(unit_edit, "Pédiatrie")
    form.save()
    qtbot.waitUntil(lambda: "Pédiatrie" in _items(combo), timeout=5_000)
    assert combo.currentText() == "Gériatrie"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5_000)

    # Back to every unit.
    with qtbot.waitSignal(panel.model.count_changed, timeout=5_000) as blocker:
        combo.setCurrentIndex(0)
    assert blocker.args == [6]
    assert panel.current_query().unit is None


def test_a_chosen_unit_that_disappears_falls_back_to_every_unit(qtbot, window, repo):
    only = repo.save(_pz("Alpha", "Réanimation"))
    repo.save(_pz("Bravo", "Cardiologie"))
    panel = window.fiches
    combo = panel.unit_filter
    window.refresh()
    qtbot.waitUntil(lambda: combo.findText("Réanimation") > 0, timeout=5_000)
    combo.setCurrentIndex(combo.findText("Réanimation"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5_000)
    repo.delete(only.uuid)  # purged or deleted elsewhere
    window.refresh()
    qtbot.waitUntil(lambda: combo.findText("Réanimation") < 0, timeout=5_000)
    assert combo.currentIndex() == 0
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5_000)
    assert panel.current_query().unit is None
    assert combo.itemData(0, Qt.ItemDataRole.UserRole) is None

"""A contact's expositions: one editor per patient zéro the contact met.

The header names the patient zéro only when they answered *oui* to the
identity choice; otherwise it reads « identité non communicable » with a short
reference (the first characters of the fiche's UUID), never a name. The
program suggests a risk from the circumstances and protective measures
(``app.core.validation.suggest_risk``); the nurse decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.enums import Circumstance, ProtectiveMeasure, RiskAssessment
from app.core.models import Exposition
from app.core.validation import Issue, suggest_risk
from app.ui.forms.consent import AnonymityBadge, identity_hidden_text
from app.ui.forms.fields import (
    ChoiceBinding,
    DateBinding,
    MultiChoiceBinding,
    TextBinding,
    capitalised,
    enum_text,
    isolate,
    path_label,
    translate,
)
from app.ui.forms.lists import ListEditor, RowEditor
from app.ui.forms.service import PatientZeroRef


def patient_zero_caption(uuid: str, ref: PatientZeroRef | None) -> str:
    """« Patient zéro : DURAND Marie » only after an explicit *oui*; otherwise no name."""
    if ref is not None and ref.name:
        return translate("forms", "Patient zéro : {name}").format(name=isolate(ref.name))
    return translate("forms", "Patient zéro : {hidden} (réf. {ref})").format(
        hidden=identity_hidden_text(), ref=uuid[:8]
    )


class ExpositionRow(RowEditor):
    def __init__(self, refs: dict[str, PatientZeroRef], parent: QWidget | None) -> None:
        super().__init__(Exposition, translate("forms", "Exposition"), parent)
        self._refs = refs
        self.badge = AnonymityBadge(self)
        self.caption = QLabel(self)
        self.caption.setObjectName("exposition_caption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet("font-weight: bold;")
        label = path_label
        self.place(
            DateBinding("date_dernier_contact", label("expositions.date_dernier_contact"), self),
            0,
            0,
        )
        self.circumstances = MultiChoiceBinding(
            "circonstances", label("expositions.circonstances"), Circumstance, self, columns=2
        )
        self.place(self.circumstances, 1, 0, 2)
        self.place(
            TextBinding("autre_circonstance", label("expositions.autre_circonstance"), self), 2, 0
        )
        self.measures = MultiChoiceBinding(
            "mesures_protection", label("expositions.mesures_protection"), ProtectiveMeasure, self
        )
        self.place(self.measures, 3, 0, 2)
        self.suggestion = QLabel(self)
        self.suggestion.setObjectName("risk_suggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        self.take = QPushButton(translate("forms", "Retenir la suggestion"), self)
        self.take.setObjectName("take_suggestion")
        self.take.clicked.connect(self._take_suggestion)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.take)
        self.grid.addLayout(suggestion_row, 4, 0, 1, 2)
        self.risk = ChoiceBinding(
            "evaluation_risque",
            translate("forms", "Évaluation du risque (décision)"),
            self,
            enum=RiskAssessment,
        )
        self.place(self.risk, 5, 0, 2)
        head = QHBoxLayout()
        head.addWidget(self.caption, 1)
        head.addWidget(self.badge)
        self.layout().insertLayout(1, head)  # type: ignore[union-attr]
        self.circumstances.changed.connect(self._suggest)
        self.measures.changed.connect(self._suggest)
        self._suggest()

    def suggested(self) -> RiskAssessment:
        circ, _ = self.circumstances.value()
        meas, _ = self.measures.value()
        return suggest_risk(circ, meas)

    def _suggest(self) -> None:
        self.suggestion.setText(
            translate("forms", "Suggestion du programme : {risk}").format(
                risk=enum_text(self.suggested())
            )
        )

    def _take_suggestion(self) -> None:
        if not self.take.isEnabled():
            return  # a read-only fiche keeps its decision
        self.risk.set_value(self.suggested())
        self.risk.changed.emit()

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.take.setVisible(editable)
        self.take.setEnabled(editable)

    def show_ref(self) -> None:
        uuid = self.item.patient_zero_uuid
        ref = self._refs.get(uuid)
        self.caption.setText(patient_zero_caption(uuid, ref))
        self.badge.set_choice(ref.disclosure if ref is not None else None)

    def load(self, item: Any) -> None:
        super().load(item)
        self.show_ref()
        self._suggest()

    def store(self) -> tuple[Any, list[Issue]]:
        item = self.base()  # uuid, patient zéro and anything not shown are kept
        issues: list[Issue] = []
        for binding in self.bindings:
            issues.extend(binding.store(item))
        item.suggested_risk = self.suggested()
        return item, issues

    def raw(self) -> list[Any]:
        return [self.item.uuid, self.item.patient_zero_uuid, *super().raw()]

    def set_raw(self, raw: Sequence[Any]) -> None:
        if len(raw) >= 2:
            self.item = Exposition(uuid=str(raw[0]), patient_zero_uuid=str(raw[1]))
            raw = raw[2:]
        super().set_raw(raw)
        self.show_ref()
        self._suggest()


class ExpositionsEditor(ListEditor):
    """The contact's expositions; a new one comes from « Lier à un patient zéro… »."""

    def __init__(self, label: str, parent: QObject | None) -> None:
        self.refs: dict[str, PatientZeroRef] = {}
        super().__init__(
            "expositions",
            label,
            lambda w: ExpositionRow(self.refs, w),
            translate("forms", "Lier à un patient zéro…"),
            parent,
        )
        self.add_button.setObjectName("link_patient_zero")
        self.add_button.clicked.disconnect()
        self.empty.setText(translate("forms", "Aucun patient zéro lié."))

    def set_refs(self, refs: dict[str, PatientZeroRef]) -> None:
        self.refs.clear()
        self.refs.update(refs)
        for row in self.rows:
            assert isinstance(row, ExpositionRow)
            row.show_ref()

    def add_exposition(self, exposition: Exposition) -> ExpositionRow:
        row = self.add_row()
        assert isinstance(row, ExpositionRow)
        row.load(exposition)
        return row

    def patient_zero_uuids(self) -> list[str]:
        return [row.item.patient_zero_uuid for row in self.rows]


def risk_text(risk: RiskAssessment | None) -> str:
    return capitalised(enum_text(risk)) if risk is not None else ""

"""The personne contact form.

Identity (a), contact details (b, c), the expositions (e: one per patient
zéro, each showing that patient zéro only as their identity choice allows),
place in the establishment and symptoms, letter h, the information given,
places, structures and gatherings (j, k, l), the médecin traitant (d).
« Promouvoir en patient zéro » creates a patient zéro fiche for the same
person and keeps this contact fiche (both journaled).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.enums import FicheKind
from app.core.models import Contact, Exposition, PatientZero
from app.ui.forms import service
from app.ui.forms.common import FormBuilder
from app.ui.forms.exposition import ExpositionsEditor
from app.ui.forms.fiche_form import FicheForm
from app.ui.forms.fields import ChoiceBinding, DateBinding, translate
from app.ui.forms.search_dialog import SearchDialog


class ContactForm(FicheForm):
    KIND = FicheKind.CONTACT

    def build(self) -> None:
        b = FormBuilder(self, FicheKind.CONTACT)
        b.identity()
        b.contact_details()

        s = self.section(translate("forms", "Exposition aux patients zéro"))
        self.expositions = ExpositionsEditor(b.label("expositions"), self)
        self.bind(s, self.expositions, with_label=False)
        self.expositions.add_button.clicked.connect(self.link_patient_zero)

        s = b.establishment(translate("forms", "Place dans l’établissement et symptômes"))
        self.bind(s, ChoiceBinding("symptomes.presents", b.label("symptomes.presents"), self))
        self.bind(s, DateBinding("symptomes.date_debut", b.label("symptomes.date_debut"), self))

        s = self.section(translate("forms", "Accompagnement"))
        b.support(s)
        b.information(self.user)
        b.places()
        b.doctor(translate("forms", "Médecin traitant"))

        self.promote_button = self.header.button(
            "promote", translate("forms", "Promouvoir en patient zéro"), self.promote
        )
        self.promote_button.setToolTip(
            translate(
                "forms",
                "Crée une fiche patient zéro pour cette personne ; la fiche contact est conservée.",
            )
        )
        self.header.extra_buttons.addWidget(self.promote_button)

    def diagnosis(self) -> Any:
        return {uuid: ref.diagnosis for uuid, ref in self.expositions.refs.items() if ref.diagnosis}

    def set_patient_zero_refs(self, refs: dict[str, service.PatientZeroRef]) -> None:
        self.expositions.set_refs(refs)
        self.run_checks()

    def links_loaded(self, result: Any) -> None:
        self.set_patient_zero_refs(result.patients_zero)

    def update_header(self) -> None:
        super().update_header()
        if hasattr(self, "promote_button"):
            self.promote_button.setEnabled(self.fiche.version > 0 and not self.busy)

    # -- linking -----------------------------------------------------------------
    def link_patient_zero(self) -> None:
        if not self.editable:
            return
        dialog = SearchDialog(
            self._db,
            self.user,
            FicheKind.PATIENT_ZERO,
            translate("forms", "Lier à un patient zéro"),
            self,
            exclude=frozenset(self.expositions.patient_zero_uuids()),
        )
        if dialog.exec() != SearchDialog.DialogCode.Accepted or not dialog.chosen_uuid:
            return
        self.add_exposition_to(dialog.chosen_uuid)

    def add_exposition_to(self, pz_uuid: str) -> None:
        """Add an exposition to patient zéro *pz_uuid* and fetch what may be shown of them."""
        user = self.user
        row = self.expositions.add_exposition(Exposition(patient_zero_uuid=pz_uuid))
        self.fix_tab_order()
        row.bindings[0].focus()
        self._on_changed(self.expositions)

        def got(refs: dict[str, service.PatientZeroRef]) -> None:
            merged = dict(self.expositions.refs)
            merged.update(refs)
            self.set_patient_zero_refs(merged)

        self.submit(lambda db: service.patient_zero_refs(db, user, [pz_uuid]), got, busy=False)

    # -- promotion ---------------------------------------------------------------
    def promote(self) -> None:
        if self.fiche.version == 0:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("forms", "Promouvoir en patient zéro"),
            translate(
                "forms",
                "Créer une fiche patient zéro pour cette personne (identité, coordonnées, "
                "lieux et structures repris) ? La fiche contact est conservée avec ses "
                "expositions.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("promote_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self._promote_now() if box.clickedButton() is yes else None)
        self.promote_box = box
        box.open()

    def _promote_now(self) -> None:
        uuid, user = self.fiche.uuid, self.user

        def done(pz: PatientZero) -> None:
            self.status.setText(translate("forms", "Fiche patient zéro créée."))
            self.open_fiche.emit(pz)

        self.submit(lambda db: service.promote(db, user, uuid), done)


def new_contact_for(pz_uuid: str | None) -> Contact:
    contact = Contact()
    if pz_uuid:
        contact.expositions.append(Exposition(patient_zero_uuid=pz_uuid))
    return contact

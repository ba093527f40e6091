"""The patient zéro form: every field of FIELDS.md, in the order of a tracing interview.

Identity (a), contact details (b, c), place in the establishment, how the
infection was established (e), the person's choices (identity given to the
contacts or not, letter h), the information given, places, structures and
gatherings (j, k, l), quarantine, contact and screening (q, r, s), the doctor
(d), then the contacts: quick entry, linking an existing person, and the
list of linked contacts (the anonymity badge beside it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import identifiers as ids
from app.core.dates import format_date, parse_date
from app.core.enums import (
    Circumstance,
    Consent,
    ExamResult,
    ExamType,
    FicheKind,
    QuarantineReason,
    YesNoUnknown,
)
from app.core.models import Contact, Exposition, PatientZero
from app.core.validation import check_draft, suggest_risk
from app.ui.forms import service
from app.ui.forms.common import FormBuilder
from app.ui.forms.consent import AnonymityBadge
from app.ui.forms.fiche_form import FicheForm, today
from app.ui.forms.fields import (
    CheckBinding,
    ChoiceBinding,
    DateBinding,
    EnumComboBinding,
    MessageLabel,
    MultiChoiceBinding,
    capitalised,
    enum_text,
    translate,
)
from app.ui.forms.search_dialog import SearchDialog

UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class ContactsPanel(QWidget):
    """The patient zéro's contacts: the list, quick entry and « Lier une personne existante ».

    Signals:
        add_requested(): the quick-entry line asks to create a contact.
        link_requested(): find an existing contact to link.
        finder_requested(): build the contact list from the establishment's files.
        grid_requested(): type or paste contacts in a grid, as in a spreadsheet.
        open_requested(str): open the contact with this UUID.
    """

    add_requested = Signal()
    link_requested = Signal()
    finder_requested = Signal()
    grid_requested = Signal()
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = AnonymityBadge(self)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("contacts_table")
        self.table.setAccessibleName(translate("forms", "Personnes contact liées"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("forms", "Nom"),
                translate("forms", "Téléphone"),
                translate("forms", "Dernier contact"),
                translate("forms", "Risque"),
                translate("forms", "État"),
                translate("forms", "Autres patients zéro"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # the columns as wide as their titles (« Autres patients zéro ») and cells
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.table.activated.connect(self._activated)

        quick = QWidget(self)
        grid = QGridLayout(quick)
        grid.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(quick)
        self.first_names = QLineEdit(quick)
        self.phone = QLineEdit(quick)
        self.circumstance = QComboBox(quick)
        self.circumstance.addItem("—", None)
        for member in Circumstance:
            self.circumstance.addItem(capitalised(enum_text(member)), member.value)
        self.circumstance.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.circumstance.setMinimumContentsLength(18)
        self.last_contact = QLineEdit(quick)
        self.last_contact.setPlaceholderText(translate("forms", "jj/mm/aaaa"))
        self.add_button = QPushButton(translate("forms", "Ajouter le contact"), quick)
        self.add_button.setObjectName("quick_add")
        fields: list[tuple[QWidget, str, str]] = [
            (self.name, "quick_name", translate("forms", "Nom")),
            (self.first_names, "quick_first_names", translate("forms", "Prénoms")),
            (self.phone, "quick_phone", translate("forms", "Téléphone")),
            (self.circumstance, "quick_circumstance", translate("forms", "Circonstance")),
            (
                self.last_contact,
                "quick_last_contact",
                translate("forms", "Date du dernier contact"),
            ),
        ]
        for column, (widget, name, text) in enumerate(fields):
            widget.setObjectName(name)
            widget.setAccessibleName(text)
            label = QLabel(text, quick)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.add_requested)
        grid.addWidget(self.add_button, 1, len(fields))
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.add_button.clicked.connect(self.add_requested)
        self.message = MessageLabel(self)
        self.link_button = QPushButton(translate("forms", "Lier une personne existante…"), self)
        self.link_button.setObjectName("link_existing")
        self.link_button.clicked.connect(self.link_requested)
        self.finder_button = QPushButton(
            translate("forms", "Construire la liste des contacts…"), self
        )
        self.finder_button.setObjectName("contact_finder")
        self.finder_button.clicked.connect(self.finder_requested)
        self.grid_button = QPushButton(translate("forms", "Coller depuis un tableur…"), self)
        self.grid_button.setObjectName("contact_grid")
        self.grid_button.clicked.connect(self.grid_requested)

        head = QHBoxLayout()
        head.addWidget(self.badge)
        head.addWidget(self.count, 1)
        # contacts in bulk and linking, on a row of their own (room for the badge at 150 %)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.finder_button)
        actions.addWidget(self.grid_button)
        actions.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            translate(
                "forms",
                "Saisie rapide d’une personne contact (Entrée pour ajouter ; fiche "
                "complète liée à ce patient zéro : Ctrl+Maj+N) :",
            ),
            self,
        )
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addWidget(quick)
        layout.addWidget(self.message)

    def set_contacts(self, lines: list[service.ContactLine]) -> None:
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            others = (
                self.tr("%n autre(s)", "", line.other_patients_zero)
                if line.other_patients_zero
                else ""
            )
            values = [
                line.name,
                line.phones,
                format_date(line.last_contact),
                capitalised(enum_text(line.risk)) if line.risk else "",
                capitalised(enum_text(line.state)),
                others,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(UUID_ROLE, line.uuid)
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("%n personne(s) contact", "", len(lines)))

    def uuids(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [str(item.data(UUID_ROLE)) for item in items if item is not None]

    def _activated(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_requested.emit(str(item.data(UUID_ROLE)))

    def clear_quick(self) -> None:
        for edit in (self.name, self.first_names, self.phone, self.last_contact):
            edit.clear()
        self.circumstance.setCurrentIndex(0)
        self.message.show_issues([])


class PatientZeroForm(FicheForm):
    KIND = FicheKind.PATIENT_ZERO

    def build(self) -> None:
        b = FormBuilder(self, FicheKind.PATIENT_ZERO)
        b.identity()
        b.contact_details()
        b.establishment()

        s = self.section(translate("forms", "Établissement de l’infection"))
        self.bind(
            s,
            EnumComboBinding(
                "infection.type_examen", b.label("infection.type_examen"), ExamType, self
            ),
        )
        self.bind(
            s,
            DateBinding("infection.date_prelevement", b.label("infection.date_prelevement"), self),
        )
        self.bind(
            s,
            EnumComboBinding("infection.resultat", b.label("infection.resultat"), ExamResult, self),
        )
        self.bind(
            s,
            DateBinding(
                "infection.date_premiers_symptomes",
                b.label("infection.date_premiers_symptomes"),
                self,
            ),
        )
        self.bind(
            s, CheckBinding("infection.asymptomatique", b.label("infection.asymptomatique"), self)
        )

        s = self.section(translate("forms", "Choix de la personne et consentement"))
        self.disclosure = ChoiceBinding(
            "divulgation_identite",
            translate("forms", "Son identité peut-elle être communiquée aux personnes contact ?"),
            self,
            enum=Consent,
        )
        self.bind(s, self.disclosure)
        self.badge = AnonymityBadge(s)
        s.add_widget(self.badge)
        b.support(s)

        b.information(self.user)
        b.places()

        s = self.section(translate("forms", "Quarantaine, contacts et dépistage"))
        self.bind(
            s,
            ChoiceBinding(
                "quarantaine.en_quarantaine", b.label("quarantaine.en_quarantaine"), self
            ),
        )
        self.bind(
            s,
            MultiChoiceBinding(
                "quarantaine.raisons", b.label("quarantaine.raisons"), QuarantineReason, self
            ),
        )
        self.bind(
            s,
            ChoiceBinding(
                "contact_personne_infectee",
                b.label("contact_personne_infectee"),
                self,
                enum=YesNoUnknown,
            ),
        )
        self.bind(s, ChoiceBinding("depistage_ars", b.label("depistage_ars"), self))

        b.doctor(translate("forms", "Médecin à l’origine de l’inscription"))

        s = self.section(translate("forms", "Personnes contact"))
        #: The contact finder or grid dialog last opened (issue 17), a child of the form.
        self.bulk_dialog: Any = None
        self.contacts = ContactsPanel(s)
        s.add_widget(self.contacts)
        self.contacts.add_requested.connect(self.add_quick_contact)
        self.contacts.link_requested.connect(self.link_existing)
        self.contacts.finder_requested.connect(self.open_contact_finder)
        self.contacts.grid_requested.connect(self.open_contact_grid)
        self.contacts.open_requested.connect(self.open_requested)
        self.disclosure.changed.connect(self._disclosure_changed)

    def load(self, fiche: Any) -> None:
        super().load(fiche)
        self._disclosure_changed()

    def _disclosure_changed(self) -> None:
        value, _ = self.disclosure.value()
        self.badge.set_choice(value)
        self.contacts.badge.set_choice(value)

    def focus_quick_entry(self) -> None:
        self.contacts.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scroller.ensureWidgetVisible(self.contacts, 40, 200)

    def links_loaded(self, result: Any) -> None:
        self.contacts.set_contacts(result.contacts)
        self.fix_tab_order()

    def refresh_contacts(self) -> None:
        """Read the linked contacts again (one was saved, validated or linked elsewhere)."""
        if self.fiche.version == 0:
            return
        uuid, user = self.fiche.uuid, self.user

        def shown(lines: list[service.ContactLine]) -> None:
            self.contacts.set_contacts(lines)
            self.fix_tab_order()

        self.submit(lambda db: service.contact_lines(db, user, uuid), shown, busy=False)

    # -- contacts ----------------------------------------------------------------
    def _pz_for_linking(self) -> PatientZero | None:
        """The patient zéro to link to: the saved one, or this form's record if it can be saved."""
        pz, issues = self.current()
        assert isinstance(pz, PatientZero)
        if self.fiche.version > 0:
            return self.fiche if isinstance(self.fiche, PatientZero) else None
        issues += check_draft(pz, today())
        if any(i.is_error for i in issues):
            self.save()  # lists what blocks saving
            return None
        return pz

    def add_quick_contact(self) -> None:
        panel = self.contacts
        name = panel.name.text().strip()
        first = panel.first_names.text().strip()
        phone = panel.phone.text().strip()
        problems: list[str] = []
        last = None
        try:
            last = parse_date(panel.last_contact.text())
        except ValueError:
            problems.append(
                translate(
                    "forms", "Date du dernier contact non reconnue « {text} » (jj/mm/aaaa)."
                ).format(text=panel.last_contact.text().strip())
            )
        phones: list[str] = []
        if phone:
            try:
                phones = [ids.parse_phone(phone)]
            except ValueError as exc:
                problems.append(str(exc))
        if not (name or first or phones or problems):
            problems.append(
                translate("forms", "Indiquez au moins un nom, un prénom ou un téléphone.")
            )
        if problems:
            panel.message.setStyleSheet("color: #a40000;")
            panel.message.setText("\n".join(problems))
            panel.message.show()
            return
        data = panel.circumstance.currentData()
        circumstances = [Circumstance(data)] if data else []
        pz = self._pz_for_linking()
        if pz is None:
            return
        exposition = Exposition(
            patient_zero_uuid=pz.uuid,
            last_contact=last,
            circumstances=circumstances,
            suggested_risk=suggest_risk(circumstances, []) if circumstances else None,
        )
        contact = Contact(
            birth_name=name, first_names=first, phones=phones, expositions=[exposition]
        )
        contact.information.given_by = ""
        user, edits = self.user, self.session.edits
        self.submit(
            lambda db: service.add_contact(db, user, pz, contact),
            lambda result: self._contacts_changed(result, edits, clear=True),
        )

    def link_existing(self) -> None:
        dialog = SearchDialog(
            self._db,
            self.user,
            FicheKind.CONTACT,
            translate("forms", "Lier une personne contact existante"),
            self,
            exclude=frozenset(self.contacts.uuids()),
        )
        if dialog.exec() != SearchDialog.DialogCode.Accepted or not dialog.chosen_uuid:
            return
        pz = self._pz_for_linking()
        if pz is None:
            return
        contact_uuid = dialog.chosen_uuid
        user, edits = self.user, self.session.edits
        exposition = Exposition(patient_zero_uuid=pz.uuid)
        self.submit(
            lambda db: service.link_contact(db, user, pz, contact_uuid, exposition),
            lambda result: self._contacts_changed(result, edits, clear=False),
        )

    def _contacts_changed(self, result: service.Saved, edits: int, *, clear: bool) -> None:
        if result.fiche.version != self.fiche.version:
            self._saved(result, edits)  # the patient zéro was saved first
        self.contacts.set_contacts(result.contacts)
        self.fix_tab_order()
        if clear:
            self.contacts.clear_quick()
            self.contacts.name.setFocus()
        self.status.setText(translate("forms", "Personne contact ajoutée."))
        self.saved.emit(result.fiche)

    # -- contacts in bulk (issue 17) ---------------------------------------------
    def open_contact_finder(self) -> None:
        """« Construire la liste des contacts… » (the patient zéro saved first)."""
        from app.ui.forms.contact_finder import ContactFinderDialog

        self._with_saved_pz(lambda uuid: ContactFinderDialog(self._db, self.user, uuid, self))

    def open_contact_grid(self) -> None:
        """« Coller depuis un tableur… » (the patient zéro saved first)."""
        from app.ui.forms.contact_grid import ContactGridDialog

        self._with_saved_pz(lambda uuid: ContactGridDialog(self._db, self.user, uuid, self))

    def _with_saved_pz(self, make: Callable[[str], Any]) -> None:
        """Open the dialog *make* builds for the saved patient zéro, saving a new one first.

        A new fiche that cannot be saved yet lists what blocks it and opens nothing.
        """
        pz = self._pz_for_linking()
        if pz is None:
            return

        def open_dialog() -> None:
            if self.bulk_dialog is not None:  # one at a time: the previous one is closed
                self.bulk_dialog.close()
                self.bulk_dialog.deleteLater()
            dialog = make(pz.uuid)
            dialog.contacts_created.connect(lambda _n: self.refresh_contacts())
            self.bulk_dialog = dialog
            dialog.open()

        if pz.version > 0:
            open_dialog()
            return
        user, edits = self.user, self.session.edits

        def saved(result: service.Saved) -> None:
            self._saved(result, edits)
            open_dialog()

        self.submit(lambda db: service.save_fiche(db, user, pz), saved)

"""Sections shared by the patient zéro and contact forms (letters a–d, h, j–l, information)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core import identifiers as ids
from app.core.dates import format_date
from app.core.enums import Consent, EstablishmentStatus, FicheKind, InformationMode, Sex
from app.ui.forms.consent import rights_reminder
from app.ui.forms.fields import (
    CheckBinding,
    ChoiceBinding,
    DateBinding,
    EnumComboBinding,
    LegalRepresentativeBinding,
    LinesBinding,
    MultiChoiceBinding,
    PhonesBinding,
    TextBinding,
    path_label,
    translate,
)
from app.ui.forms.lists import gatherings_editor, places_editor, structures_editor
from app.ui.forms.sections import Section

if TYPE_CHECKING:
    from app.ui.forms.fiche_form import FicheForm

#: Suggestions for the organisme d'affiliation (c); free text stays possible.
INSURANCE_BODIES = (
    "CPAM",
    "MSA (Mutualité sociale agricole)",
    "CNMSS (militaires)",
    "ENIM (marins)",
    "CRPCEN (clercs et employés de notaires)",
    "CAVIMAC (cultes)",
    "Régime local d’Alsace-Moselle",
    "Caisse de la RATP",
    "Caisse de la SNCF",
    "Régime des mines",
    "Sécurité sociale des indépendants",
    "Caisse générale de sécurité sociale (outre-mer)",
    "Caisse de prévoyance sociale (Saint-Pierre-et-Miquelon)",
    "Aide médicale de l’État (AME)",
)


class FormBuilder:
    """Adds the shared sections to a form (``form.section`` / ``form.bind``)."""

    def __init__(self, form: FicheForm, kind: FicheKind) -> None:
        self.form = form
        self.kind = kind

    def label(self, path: str) -> str:
        return path_label(path, self.kind)

    def identity(self) -> Section:
        f = self.form
        s = f.section(translate("forms", "Identité"))
        for path in ("nom_naissance", "nom_usage", "prenoms"):
            f.bind(s, TextBinding(path, self.label(path), f))
        f.bind(s, DateBinding("date_naissance", self.label("date_naissance"), f))
        f.bind(s, ChoiceBinding("sexe", self.label("sexe"), f, enum=Sex))
        nir = TextBinding(
            "nir",
            self.label("nir"),
            f,
            normalize=ids.normalize_nir,
            placeholder=translate("forms", "15 caractères, clé comprise"),
        )
        f.bind(s, nir)
        f.bind(s, TextBinding("code_ame", self.label("code_ame"), f))
        f.bind(
            s,
            LegalRepresentativeBinding(
                "representant_legal",
                translate("forms", "Représentant légal (mineur ou majeur protégé)"),
                f,
            ),
        )
        return s

    def contact_details(self) -> Section:
        f = self.form
        s = f.section(translate("forms", "Coordonnées et organisme d’affiliation"))
        f.bind(s, LinesBinding("adresse.lignes", translate("forms", "Adresse"), f))
        f.bind(s, TextBinding("adresse.code_postal", self.label("adresse.code_postal"), f))
        f.bind(s, TextBinding("adresse.commune", self.label("adresse.commune"), f))
        f.bind(
            s,
            TextBinding(
                "adresse.pays",
                self.label("adresse.pays"),
                f,
                placeholder=translate("forms", "France si vide"),
            ),
        )
        f.bind(s, PhonesBinding("telephones", self.label("telephones"), f))
        f.bind(s, TextBinding("email", self.label("email"), f))
        caisse = TextBinding("organisme_affiliation", self.label("organisme_affiliation"), f)
        completer = QCompleter(list(INSURANCE_BODIES), caisse.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        caisse.edit.setCompleter(completer)
        f.bind(s, caisse)
        return s

    def establishment(self, title: str = "") -> Section:
        f = self.form
        s = f.section(title or translate("forms", "Place dans l’établissement"))
        f.bind(
            s,
            EnumComboBinding(
                "etablissement.statut", self.label("etablissement.statut"), EstablishmentStatus, f
            ),
        )
        f.bind(s, TextBinding("etablissement.service", self.label("etablissement.service"), f))
        f.bind(s, TextBinding("etablissement.chambre", self.label("etablissement.chambre"), f))
        return s

    def support(self, s: Section) -> None:
        f = self.form
        f.bind(
            s,
            ChoiceBinding("besoin_accompagnement", self.label("besoin_accompagnement"), f),
        )
        f.bind(
            s,
            ChoiceBinding(
                "consentement_accompagnement",
                self.label("consentement_accompagnement"),
                f,
                enum=Consent,
            ),
        )

    def information(self, user: str) -> Section:
        f = self.form
        s = f.section(translate("forms", "Information délivrée à la personne"))
        reminder = QLabel(rights_reminder(), s)
        reminder.setObjectName("rights_reminder")
        reminder.setWordWrap(True)
        reminder.setTextFormat(Qt.TextFormat.PlainText)
        reminder.setStyleSheet("color: #1f3f7a;")
        s.add_widget(reminder)
        given_on = DateBinding("information.date", self.label("information.date"), f)
        given_by = TextBinding("information.par", self.label("information.par"), f)
        f.bind(s, given_on)
        f.bind(s, given_by)
        f.bind(
            s,
            MultiChoiceBinding(
                "information.modalites", self.label("information.modalites"), InformationMode, f
            ),
        )
        f.bind(
            s,
            CheckBinding(
                "information.droit_opposition_recherche",
                self.label("information.droit_opposition_recherche"),
                f,
            ),
        )
        now = QPushButton(translate("forms", "Informé(e) aujourd’hui, par moi"), s)
        now.setObjectName("informed_now")

        def fill() -> None:
            from app.ui.forms.fiche_form import today

            given_on.edit.setText(format_date(today()))
            given_by.edit.setText(user)
            given_on.changed.emit()
            given_by.changed.emit()

        now.clicked.connect(fill)
        f.edit_buttons.append(now)
        row = QWidget(s)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(now)
        layout.addStretch(1)
        s.add_widget(row)
        return s

    def places(self) -> Section:
        f = self.form
        s = f.section(
            translate("forms", "Lieux, structures et rassemblements des 14 derniers jours")
        )
        f.bind(s, places_editor(self.label("lieux_sejour"), f))
        f.bind(s, DateBinding("date_retour_france", self.label("date_retour_france"), f))
        f.bind(s, structures_editor(self.label("structures"), f))
        f.bind(s, gatherings_editor(self.label("rassemblements"), f, self.kind))
        return s

    def doctor(self, title: str) -> Section:
        f = self.form
        s = f.section(title)
        f.bind(s, TextBinding("medecin.nom", self.label("medecin.nom"), f))
        f.bind(s, TextBinding("medecin.specialite", self.label("medecin.specialite"), f))
        f.bind(
            s,
            TextBinding(
                "medecin.telephone",
                self.label("medecin.telephone"),
                f,
                normalize=ids.parse_phone,
                display=ids.format_phone,
            ),
        )
        f.bind(s, TextBinding("medecin.rpps", self.label("medecin.rpps"), f))
        f.bind(s, TextBinding("medecin.adeli", self.label("medecin.adeli"), f))
        return s

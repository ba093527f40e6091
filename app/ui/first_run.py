"""The first-run wizard: putting a workstation into service, or into demonstration mode.

Shown once the new encrypted store exists and has no account yet. Pages:

1. *Bienvenue*: real service or demonstration mode (fictitious data only);
2. *Établissement*: name, FINESS, address, the référent or DPO to contact
   (the declared settings: printed on the poster and notice);
3. *Compte référent*: :class:`~app.ui.login.FirstAccountForm`, the same
   rules as everywhere (``app.core.accounts``);
4. *Code de récupération* (when the store was just created): shown, printable,
   savable as PDF, then confirmed by typing two of its groups back;
5. *Service central*: address, CA bundle and partner token, or « travailler
   hors ligne » (skipped in demonstration mode: fictitious data is never sent);
6. *Résumé*: what will be done; « Terminer » does it in the database thread
   (:func:`apply_choices`): the référent's account, the settings, the token in
   the keyring and, in demonstration mode, the fictitious fiches.

Every page is usable with the keyboard alone: Tab between fields, Entrée for
« Suivant » and « Terminer », Échap to quit (after a confirmation).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core import settings as S
from app.core.identifiers import finess_key_warning
from app.core.settings import SettingError
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.db.errors import StoreError
from app.db.permissions import Session
from app.db.recovery import GROUP, canonical_chars
from app.db.settings_store import SettingsStore
from app.ui.help import install_context_help
from app.ui.login import FirstAccountForm, first_account_intro
from app.ui.purge_task_box import PurgeTaskBox
from app.workers.db_thread import DbFailure, DbThread

PAGE_WELCOME, PAGE_ESTABLISHMENT, PAGE_ACCOUNT, PAGE_RECOVERY, PAGE_CENTRAL, PAGE_SUMMARY = range(6)
DEMO_PATIENTS_ZERO = 40
DEMO_SPREAD_DAYS = 45
CONFIRM_GROUPS = 2

# The establishment page's fields, in order: (setting, multi-line).
_ESTABLISHMENT_FIELDS: tuple[tuple[S.Setting[str], bool], ...] = (
    (S.ESTABLISHMENT_NAME, False),
    (S.ESTABLISHMENT_FINESS, False),
    (S.ESTABLISHMENT_ADDRESS, True),
    (S.ESTABLISHMENT_CONTACT_NAME, False),
    (S.ESTABLISHMENT_CONTACT_PHONE, False),
    (S.ESTABLISHMENT_CONTACT_EMAIL, False),
)


class FirstRunError(StoreError):
    """A choice refused while applying the wizard (French message)."""


@dataclass
class FirstRunChoices:
    """Everything the wizard collected (the password only lives here until it is hashed)."""

    demo: bool
    login: str
    display_name: str
    password: str = field(repr=False)
    settings: dict[str, Any]
    server_url: str = ""
    ca_bundle: str = ""
    token: str = field(default="", repr=False)


def apply_choices(db: Database, choices: FirstRunChoices) -> Session:
    """Database thread: create the référent, store the settings, the token and demo data.

    The token goes first (the keyring may refuse it: then nothing else is done;
    a passphrase-mode store keeps it in the encrypted database instead),
    then the account (which makes the store's first référent), then the
    settings in one transaction, then the fictitious fiches.
    """
    if choices.server_url and choices.token:
        from app.sync.config import set_token
        from app.sync.errors import SyncConfigError

        try:
            set_token(choices.server_url, choices.token, db, user=choices.login)
        except SyncConfigError as exc:
            raise FirstRunError(str(exc)) from None
    session = AccountStore(db).create_first_referent(
        choices.login, choices.password, choices.display_name
    )
    values = dict(choices.settings)
    values[S.DEMO_MODE.key] = choices.demo
    if choices.server_url:
        values[S.SYNC_SERVER_URL.key] = choices.server_url
        values[S.SYNC_CA_BUNDLE.key] = choices.ca_bundle
    try:
        SettingsStore(db, session.login).set_many(values)
    except SettingError as exc:
        raise FirstRunError(str(exc)) from None
    if choices.demo:
        from app.services.errors import DemoRefused
        from app.services.transfer import demo_data

        try:
            demo_data(db, session, count=DEMO_PATIENTS_ZERO, spread_days=DEMO_SPREAD_DAYS)
        except DemoRefused as exc:
            raise FirstRunError(str(exc)) from None
    return session


def recovery_document_html(code: str) -> str:
    """The printable page of the recovery code (no personal data: only the code)."""
    title = QCoreApplication.translate("FirstRunWizard", "Tracing Desk — code de récupération")
    intro = QCoreApplication.translate(
        "FirstRunWizard",
        "Ce code permet de retrouver l’accès à la base de données chiffrée de ce poste "
        "si la clé de chiffrement est perdue (profil Windows réinitialisé, trousseau "
        "effacé, phrase secrète oubliée).",
    )
    keep = QCoreApplication.translate(
        "FirstRunWizard",
        "Rangez cette feuille sous clé, hors de portée des personnes non autorisées, et "
        "jamais avec le poste. Qui détient ce code et une copie de la base peut lire les "
        "données.",
    )
    use = QCoreApplication.translate(
        "FirstRunWizard",
        "Utilisation : « tracing-desk recover », puis saisir le code (voir le guide "
        "d’administration).",
    )
    return (
        f"<h1>{title}</h1><p>{intro}</p>"
        "<p style='font-family: monospace; font-size: 20pt; text-align: center;'>"
        f"{code}</p><p>{keep}</p><p>{use}</p>"
    )


def write_recovery_pdf(code: str, path: Path) -> None:
    """Write the recovery code's page as a PDF file at *path*."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _print_recovery(code, printer)


def _print_recovery(code: str, printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(recovery_document_html(code))
    document.print_(printer)


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #a40000;")
    return label


# -- pages ----------------------------------------------------------------------
class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_welcome")
        self.setTitle(self.tr("Bienvenue dans Tracing Desk"))
        self.setSubTitle(
            self.tr("Mise en service de ce poste de traçage des contacts, en quelques étapes.")
        )
        intro = _wrapped(
            self.tr(
                "Les données saisies sont des données de santé, chiffrées sur ce poste et "
                "supprimées au plus tard 3 mois après leur création. Choisissez l’usage du "
                "poste :"
            ),
            self,
        )
        self.real = QRadioButton(self.tr("&Mettre le poste en service (données réelles)"), self)
        self.real.setObjectName("mode_real")
        self.demo = QRadioButton(
            self.tr("Mode &démonstration (formation : données fictives uniquement)"), self
        )
        self.demo.setObjectName("mode_demo")
        self.real.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.real)
        group.addButton(self.demo)
        demo_note = _wrapped(
            self.tr(
                "En mode démonstration, le poste est rempli de fiches inventées, un bandeau "
                "« Mode démonstration — données fictives » reste affiché et rien n’est envoyé "
                "au service central. Pour passer ensuite en service réel : Sécurité › "
                "Oublier ce poste, puis une nouvelle mise en service."
            ),
            self,
        )
        demo_note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.real)
        layout.addWidget(self.demo)
        layout.addWidget(demo_note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.real.setFocus()


class EstablishmentPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_establishment")
        self.setTitle(self.tr("Établissement"))
        self.setSubTitle(
            self.tr(
                "Imprimé sur l’affiche et la notice d’information remises aux patients et "
                "résidents. Modifiable ensuite : Fichier › Paramètres."
            )
        )
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        for setting, multiline in _ESTABLISHMENT_FIELDS:
            editor: QLineEdit | QPlainTextEdit
            if multiline:
                editor = QPlainTextEdit(self)
                editor.setTabChangesFocus(True)  # Tab leaves the field, as everywhere
                editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 14)
            else:
                editor = QLineEdit(self)
            editor.setObjectName(setting.key)
            label = QCoreApplication.translate("core", setting.label)
            if setting is S.ESTABLISHMENT_NAME:
                label += " *"
            form.addRow(label + " :", editor)
            self.editors[setting.key] = editor
        self.problem = _problem_label(self)
        # A FINESS whose check digit fails: the same warning as the settings dialog.
        self.finess_warning = QLabel(self)
        self.finess_warning.setObjectName("finess_warning")
        self.finess_warning.setWordWrap(True)
        self.finess_warning.setStyleSheet("color: #8a5300;")
        self.finess_warning.hide()
        finess = self.editors[S.ESTABLISHMENT_FINESS.key]
        assert isinstance(finess, QLineEdit)
        finess.textChanged.connect(self._check_finess)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.finess_warning)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        name = self.editors[S.ESTABLISHMENT_NAME.key]
        assert isinstance(name, QLineEdit)
        name.textChanged.connect(lambda _t: self.completeChanged.emit())

    def _text(self, key: str) -> str:
        editor = self.editors[key]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def initializePage(self) -> None:
        wizard = self.wizard()
        name = self.editors[S.ESTABLISHMENT_NAME.key]
        assert isinstance(name, QLineEdit)
        if isinstance(wizard, FirstRunWizard) and wizard.demo and not name.text():
            name.setText(self.tr("EHPAD de démonstration"))
        name.setFocus()

    def isComplete(self) -> bool:
        return bool(self._text(S.ESTABLISHMENT_NAME.key).strip())

    def _check_finess(self, text: str) -> None:
        warning = finess_key_warning(text)
        self.finess_warning.setText(QCoreApplication.translate("core", warning))
        self.finess_warning.setVisible(bool(warning))

    def values(self) -> dict[str, Any]:
        """The checked values; :class:`SettingError` (French) for the first refused one."""
        return {
            setting.key: setting.validate(self._text(setting.key))
            for setting, _multi in _ESTABLISHMENT_FIELDS
        }

    def validatePage(self) -> bool:
        try:
            self.values()
        except SettingError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        return True


class AccountPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_account")
        self.setTitle(self.tr("Compte du référent"))
        self.setSubTitle(self.tr("Le premier compte du poste ; les autres seront créés par lui."))
        self.form = FirstAccountForm(self)
        self.form.changed.connect(lambda _ok: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(first_account_intro(), self))
        layout.addWidget(self.form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.form.login.setFocus()

    def isComplete(self) -> bool:
        return self.form.acceptable


class RecoveryPage(QWizardPage):
    """The recovery code: shown, printed or saved, then two groups typed back."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_recovery")
        self.code = code
        self.setTitle(self.tr("Code de récupération"))
        self.setSubTitle(
            self.tr("Notez-le et conservez-le en lieu sûr : il ne sera plus jamais affiché.")
        )
        explanation = _wrapped(
            self.tr(
                "Ce code permet de retrouver l’accès à la base de données si la clé de "
                "chiffrement est perdue (profil Windows réinitialisé, nouveau poste, phrase "
                "secrète oubliée). Imprimez-le ou écrivez-le sur papier et rangez-le sous clé, "
                "hors du poste."
            ),
            self,
        )
        self.code_label = QLabel(code, self)
        self.code_label.setObjectName("recovery_code")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10.0) * 1.6)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.code_label.setMargin(12)

        self.print_button = QPushButton(self.tr("&Imprimer…"), self)
        self.print_button.setObjectName("print_code")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_code)
        self.save_button = QPushButton(self.tr("&Enregistrer en PDF…"), self)
        self.save_button.setObjectName("save_code")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_code)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        save_note = _wrapped(
            self.tr(
                "Un fichier PDF ne doit pas rester sur ce poste : enregistrez-le sur un support "
                "rangé sous clé, ou imprimez-le puis supprimez-le."
            ),
            self,
        )
        save_note.setStyleSheet("color: #555;")

        groups = code.split("-")
        picked = sorted(secrets.SystemRandom().sample(range(len(groups)), CONFIRM_GROUPS))
        self.asked = picked
        self.expected = "".join(canonical_chars(groups[i]) for i in picked)
        ordinals = [str(i + 1) for i in picked]
        self.confirm_label = _bold(
            _wrapped(
                self.tr("Pour vérifier, saisissez les groupes n° {a} et n° {b} du code :").format(
                    a=ordinals[0], b=ordinals[1]
                ),
                self,
            )
        )
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("recovery_confirm")
        self.confirm.setPlaceholderText(self.tr("{n} caractères").format(n=GROUP * CONFIRM_GROUPS))
        self.confirm.setFont(mono)
        self.confirm_label.setBuddy(self.confirm)
        self.problem = _problem_label(self)
        self.confirm.textChanged.connect(lambda _t: self.problem.clear())

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)
        layout.addWidget(save_note)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.confirmed = False

    def initializePage(self) -> None:
        # After QWizard has given the focus to the page's first button.
        QTimer.singleShot(0, self.confirm, self.confirm.setFocus)

    def matches(self, typed: str) -> bool:
        return canonical_chars(typed) == self.expected

    def validatePage(self) -> bool:
        if self.matches(self.confirm.text()):
            self.confirmed = True
            self.problem.clear()
            return True
        self.problem.setText(
            self.tr(
                "Ce ne sont pas les groupes n° {a} et n° {b} du code affiché. Relisez le code "
                "(les groupes sont séparés par des tirets) et saisissez-les à nouveau."
            ).format(a=self.asked[0] + 1, b=self.asked[1] + 1)
        )
        self.confirm.selectAll()
        self.confirm.setFocus()
        return False

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer le code de récupération"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            _print_recovery(self.code, printer)

    def save_code(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le code de récupération"),
            "code-recuperation-tracing-desk.pdf",
            self.tr("Document PDF (*.pdf)"),
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        write_recovery_pdf(self.code, path)
        if not path.is_file():
            QMessageBox.warning(
                self,
                self.tr("Code de récupération"),
                self.tr("Le fichier n’a pas pu être écrit à cet emplacement."),
            )


class CentralPage(QWizardPage):
    """The central service, or offline work (the default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_central")
        self.setTitle(self.tr("Service central"))
        self.setSubTitle(
            self.tr(
                "Les fiches validées y sont transmises dès qu’il est joignable. On peut "
                "travailler hors ligne et le configurer plus tard (Synchronisation › Paramètres)."
            )
        )
        self.offline = QRadioButton(self.tr("Travailler &hors ligne pour l’instant"), self)
        self.offline.setObjectName("central_offline")
        self.online = QRadioButton(self.tr("&Configurer le service central :"), self)
        self.online.setObjectName("central_online")
        self.offline.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.offline)
        group.addButton(self.online)

        self.url = QLineEdit(self)
        self.url.setObjectName("server_url")
        self.url.setPlaceholderText("https://")
        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setObjectName("ca_bundle")
        self.ca_bundle.setPlaceholderText(self.tr("vide : autorités du système"))
        browse = QPushButton(self.tr("&Parcourir…"), self)
        browse.setObjectName("browse_ca")
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.token = QLineEdit(self)
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.addRow(self.tr("Adresse :"), self.url)
        form.addRow(self.tr("Autorités de certification :"), ca_row)
        form.addRow(self.tr("Jeton du compte partenaire :"), self.token)
        proxy = _wrapped(
            self.tr(
                "Le proxy de l’établissement est pris dans la configuration du système "
                "(variables HTTPS_PROXY / NO_PROXY). Derrière un proxy qui inspecte le trafic, "
                "indiquez le fichier PEM de son autorité de certification. Le jeton est gardé "
                "dans le trousseau du système (sur un poste sans trousseau, dans la base "
                "chiffrée), jamais dans un fichier en clair."
            ),
            self,
        )
        proxy.setStyleSheet("color: #555;")
        self.problem = _problem_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline)
        layout.addWidget(self.online)
        layout.addWidget(self.details)
        layout.addWidget(proxy)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.online.toggled.connect(self._toggled)
        self._toggled(False)

    def _toggled(self, online: bool) -> None:
        self.details.setEnabled(online)
        self.problem.clear()

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Autorités de certification"),
            "",
            self.tr("Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)"),
        )
        if name:
            self.ca_bundle.setText(name)

    def initializePage(self) -> None:
        self.offline.setFocus()

    def choice(self) -> tuple[str, str, str]:
        """(server URL, CA bundle, token), or three empty strings to work offline."""
        if not self.online.isChecked():
            return "", "", ""
        return self.url.text().strip().rstrip("/"), self.ca_bundle.text().strip(), self.token.text()

    def validatePage(self) -> bool:
        from app.sync.config import check_ca_bundle, check_server_url
        from app.sync.errors import SyncConfigError

        url, ca_bundle, _token = self.choice()
        if not self.online.isChecked():
            return True
        try:
            check_server_url(url, dev_mode=False)
            check_ca_bundle(ca_bundle)
        except SyncConfigError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        return True


class SummaryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_summary")
        self.setTitle(self.tr("Prêt"))
        self.setSubTitle(self.tr("« Terminer » enregistre ces choix et ouvre le poste."))
        self.summary = _wrapped("", self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = _problem_label(self)
        self.busy = False
        # The daily OS purge: promised only when it exists; otherwise offered here.
        self.purge_task = PurgeTaskBox(self)
        self.purge_task.checked.connect(lambda _status: self._show_summary())
        self._lines: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.purge_task)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        self.problem.clear()
        lines = []
        if wizard.demo:
            lines.append(
                self.tr(
                    "• Mode démonstration : {n} patients zéro fictifs et leurs contacts seront "
                    "créés ; rien ne sera envoyé au service central."
                ).format(n=DEMO_PATIENTS_ZERO)
            )
        else:
            lines.append(self.tr("• Poste en service réel."))
        name = wizard.establishment.editors[S.ESTABLISHMENT_NAME.key]
        assert isinstance(name, QLineEdit)
        lines.append(self.tr("• Établissement : {name}").format(name=name.text().strip()))
        lines.append(
            self.tr("• Compte référent : {login}").format(login=wizard.account.form.values()[0])
        )
        if wizard.recovery is not None:
            lines.append(self.tr("• Code de récupération noté et vérifié."))
        url, _ca, token = wizard.central.choice()
        if wizard.demo or not url:
            lines.append(self.tr("• Travail hors ligne (service central à configurer plus tard)."))
        else:
            lines.append(self.tr("• Service central : {url}").format(url=url))
            if not token:
                lines.append(
                    self.tr(
                        "  (jeton à saisir ensuite : Synchronisation › Jeton du compte partenaire)"
                    )
                )
        self._lines = lines
        self._show_summary()

    def _show_summary(self) -> None:
        status = self.purge_task.status
        if status is not None and status.registered:
            purge = self.tr(
                "• Les fiches sont supprimées au plus tard 3 mois après leur création, même "
                "si le programme n’est pas ouvert (tâche quotidienne du système)."
            )
        else:
            purge = self.tr(
                "• Les fiches échues (3 mois au plus après leur création) sont supprimées à "
                "chaque ouverture du programme et tant qu’il reste ouvert\u202f; programme "
                "fermé, seulement si la purge quotidienne du système est enregistrée."
            )
        self.summary.setText("\n".join([*self._lines, purge]))

    def isComplete(self) -> bool:
        return not self.busy


# -- the wizard ----------------------------------------------------------------------
class FirstRunWizard(QWizard):
    """Establishment, référent, recovery code, central service, demonstration mode.

    *recovery_code* is the code of the store just created (``None`` when the
    store existed already, e.g. made by ``tracing-desk init``, which printed it).

    Signals:
        submitted(object): the :class:`FirstRunChoices`, when « Terminer » is chosen.
    """

    submitted = Signal(object)

    def __init__(self, recovery_code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Tracing Desk — mise en service du poste"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        install_context_help()  # F1: the administrator's guide at this page's section
        self.welcome = WelcomePage(self)
        self.establishment = EstablishmentPage(self)
        self.account = AccountPage(self)
        self.recovery = RecoveryPage(recovery_code, self) if recovery_code else None
        self.central = CentralPage(self)
        self.summary = SummaryPage(self)
        self.setPage(PAGE_WELCOME, self.welcome)
        self.setPage(PAGE_ESTABLISHMENT, self.establishment)
        self.setPage(PAGE_ACCOUNT, self.account)
        if self.recovery is not None:
            self.setPage(PAGE_RECOVERY, self.recovery)
        self.setPage(PAGE_CENTRAL, self.central)
        self.setPage(PAGE_SUMMARY, self.summary)
        self.setStartId(PAGE_WELCOME)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Terminer"))
        self.setMinimumSize(680, 560)
        self._quit_box: QMessageBox | None = None
        self._closing = False

    @property
    def demo(self) -> bool:
        return self.welcome.demo.isChecked()

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_ACCOUNT:
            if self.recovery is not None:
                return PAGE_RECOVERY
            return PAGE_SUMMARY if self.demo else PAGE_CENTRAL
        if current == PAGE_RECOVERY:
            return PAGE_SUMMARY if self.demo else PAGE_CENTRAL
        return int(super().nextId())

    def choices(self) -> FirstRunChoices:
        login, display_name, password = self.account.form.values()
        url, ca_bundle, token = ("", "", "") if self.demo else self.central.choice()
        return FirstRunChoices(
            demo=self.demo,
            login=login,
            display_name=display_name,
            password=password,
            settings=self.establishment.values(),
            server_url=url,
            ca_bundle=ca_bundle,
            token=token,
        )

    def accept(self) -> None:
        """« Terminer »: hand the choices over; the wizard closes once they are applied."""
        if self.summary.busy:
            return
        self.set_busy(True)
        self.submitted.emit(self.choices())

    def set_busy(self, busy: bool) -> None:
        self.summary.busy = busy
        self.summary.completeChanged.emit()
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
        if busy:
            self.summary.problem.setText(self.tr("Enregistrement en cours…"))

    def show_problem(self, message: str) -> None:
        self.set_busy(False)
        self.summary.problem.setText(message)

    def applied(self) -> None:
        self._closing = True
        super().accept()

    def reject(self) -> None:
        """Échap / Annuler: quit only after a confirmation (the code would be lost)."""
        if self._closing or self.summary.busy:
            return
        if self._quit_box is None:
            self._quit_box = self._make_quit_box()
        box = self._quit_box
        if self.recovery is not None and not self.recovery.confirmed:
            box.setInformativeText(
                self.tr(
                    "Le code de récupération ne sera plus affiché : notez-le d’abord. "
                    "La base de données chiffrée est déjà créée."
                )
            )
        else:
            box.setInformativeText("")
        if not box.isVisible():
            box.open()

    def _make_quit_box(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quitter la mise en service ?"),
            self.tr("La mise en service n’est pas terminée : le programme va se fermer."),
            parent=self,
        )
        box.setObjectName("quit_first_run")
        quit_button = box.addButton(self.tr("Quitter"), QMessageBox.ButtonRole.DestructiveRole)
        quit_button.setObjectName("quit")
        stay = box.addButton(
            self.tr("Continuer la mise en service"), QMessageBox.ButtonRole.RejectRole
        )
        stay.setObjectName("stay")
        box.setEscapeButton(stay)
        box.setDefaultButton(stay)

        def answered(_result: int) -> None:
            if box.clickedButton() is quit_button:
                self._closing = True
                QWizard.reject(self)

        box.finished.connect(answered)
        return box


class FirstRunController(QObject):
    """Shows the wizard and applies its choices in the database thread.

    Signals:
        signed_in(object): the référent's :class:`Session` once everything is stored.
        cancelled(): the person quit the wizard.
    """

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(
        self, db_thread: DbThread, recovery_code: str | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db_thread = db_thread
        self.wizard = FirstRunWizard(recovery_code)
        self.wizard.submitted.connect(self._apply)
        self.wizard.rejected.connect(self.cancelled)

    def start(self) -> None:
        self.wizard.show()
        self.wizard.activateWindow()

    def _apply(self, choices: FirstRunChoices) -> None:
        ticket = self._db_thread.submit(lambda db: apply_choices(db, choices)).tie_to(self.wizard)
        ticket.finished.connect(self._done)
        ticket.failed.connect(self._failed)

    def _failed(self, failure: DbFailure) -> None:
        self.wizard.show_problem(failure.message)

    def _done(self, session: Session) -> None:
        self.wizard.applied()
        self.wizard.deleteLater()
        self.signed_in.emit(session)

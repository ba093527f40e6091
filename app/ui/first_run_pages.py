"""The first-run wizard's pages but the establishment's and the summary's.

*Bienvenue* (real service or demonstration mode), *Compte référent*
(:class:`~app.ui.login.FirstAccountForm`), *Code de récupération* (shown,
printable, savable as PDF, then two of its groups typed back) and *Service
central* (address, CA bundle and partner token, or « travailler hors ligne »).
The wizard itself, its summary page and its controller are in
:mod:`app.ui.first_run`; the establishment page in :mod:`app.ui.establishment_page`.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt, QTimer
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
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.passphrase import GROUP, canonical_chars
from app.ui.login import FirstAccountForm, first_account_intro

CONFIRM_GROUPS = 2


def bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #a40000;")
    return label


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
    print_recovery(code, printer)


def print_recovery(code: str, printer: QPrinter) -> None:
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


# -- pages ---------------------------------------------------------------------
class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_welcome")
        self.setTitle(self.tr("Bienvenue dans Tracing Desk"))
        self.setSubTitle(
            self.tr("Mise en service de ce poste de traçage des contacts, en quelques étapes.")
        )
        intro = wrapped(
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
        demo_note = wrapped(
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


class AccountPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_account")
        self.setTitle(self.tr("Compte du référent"))
        self.setSubTitle(self.tr("Le premier compte du poste ; les autres seront créés par lui."))
        self.form = FirstAccountForm(self)
        self.form.changed.connect(lambda _ok: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(first_account_intro(), self))
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
        explanation = wrapped(
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
        save_note = wrapped(
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
        self.confirm_label = bold(
            wrapped(
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
        self.problem = problem_label(self)
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
            print_recovery(self.code, printer)

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
        proxy = wrapped(
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
        self.problem = problem_label(self)
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

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
   (:func:`app.services.provisioning.apply_choices`): the référent's account,
   the settings and the token in one transaction (the keyring written last,
   ``app.db.provisioning``) and, in demonstration mode, the fictitious fiches.

The pages are in :mod:`app.ui.first_run_pages` and :mod:`app.ui.establishment_page`;
this module holds the summary page, the wizard and its controller.

Every page is usable with the keyboard alone: Tab between fields, Entrée for
« Suivant » and « Terminer », Échap to quit (after a confirmation).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget, QWizard, QWizardPage

from app.core import settings as S
from app.services.provisioning import (
    DEMO_PATIENTS_ZERO,
    DemoDataError,
    FirstRunChoices,
    Provisioned,
    apply_choices,
)
from app.ui.establishment_page import EstablishmentPage
from app.ui.first_run_pages import (
    AccountPage,
    CentralPage,
    RecoveryPage,
    WelcomePage,
    problem_label,
    wrapped,
)
from app.ui.help import install_context_help
from app.ui.purge_task_box import PurgeTaskBox
from app.workers.db_thread import DbFailure, DbThread

PAGE_WELCOME, PAGE_ESTABLISHMENT, PAGE_ACCOUNT, PAGE_RECOVERY, PAGE_CENTRAL, PAGE_SUMMARY = range(6)


class SummaryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_summary")
        self.setTitle(self.tr("Prêt"))
        self.setSubTitle(self.tr("« Terminer » enregistre ces choix et ouvre le poste."))
        self.summary = wrapped("", self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = problem_label(self)
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
        name = str(wizard.establishment.editor.value(S.ESTABLISHMENT_NAME.key))
        lines.append(self.tr("• Établissement : {name}").format(name=name.strip()))
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
        self.establishment = EstablishmentPage(self, demo=lambda: self.demo)
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
        settings = self.establishment.values()
        if settings is None:  # « Suivant » checked them: a value refused now is a bug
            raise RuntimeError("establishment settings refused after their page was checked")
        login, display_name, password = self.account.form.values()
        url, ca_bundle, token = ("", "", "") if self.demo else self.central.choice()
        return FirstRunChoices(
            demo=self.demo,
            login=login,
            display_name=display_name,
            password=password,
            settings=settings,
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
        # Set once the station is in service but its demonstration data failed:
        # « Terminer » then redoes only that step.
        self._provisioned: Provisioned | None = None
        self._keyring_box: QMessageBox | None = None
        self.wizard = FirstRunWizard(recovery_code)
        self.wizard.submitted.connect(self._apply)
        self.wizard.rejected.connect(self.cancelled)

    def start(self) -> None:
        self.wizard.show()
        self.wizard.activateWindow()

    def _apply(self, choices: FirstRunChoices) -> None:
        provisioned = self._provisioned
        ticket = self._db_thread.submit(lambda db: apply_choices(db, choices, provisioned))
        ticket.tie_to(self.wizard)
        ticket.finished.connect(self._done)
        ticket.failed.connect(self._failed)

    def _failed(self, failure: DbFailure) -> None:
        if isinstance(failure.error, DemoDataError):
            self._provisioned = failure.error.provisioned
            self.wizard.show_problem(
                self.tr(
                    "Le poste est mis en service, mais les fiches fictives n’ont pas pu être "
                    "créées\u00a0: {reason} Choisissez «\u202fTerminer\u202f» pour réessayer."
                ).format(reason=failure.message)
            )
            # The account and the settings are stored: going back would change nothing.
            self.wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
            return
        self.wizard.show_problem(failure.message)

    def _done(self, provisioned: Provisioned) -> None:
        self.wizard.applied()
        self.wizard.deleteLater()
        if provisioned.keyring_problem:
            self._warn_keyring(provisioned.keyring_problem)
        self.signed_in.emit(provisioned.session)

    def _warn_keyring(self, reason: str) -> None:
        """The station is in service, the partner token was not kept: say where to type it."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Jeton du compte partenaire"),
            self.tr(
                "Le poste est mis en service, mais le jeton du compte partenaire n’a pas pu "
                "être gardé dans le trousseau\u00a0: {reason} Saisissez-le de nouveau\u00a0: "
                "Synchronisation › Jeton du compte partenaire."
            ).format(reason=reason),
        )
        box.setObjectName("keyring_problem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keyring_box = box
        box.open()

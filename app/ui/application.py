"""The graphical program: QApplication, translations and the start-up flow.

Start-up never blocks the UI thread: creating or opening the encrypted store
(and the passphrase's key derivation) runs in the database thread, and the
flow goes on when the result comes back by signal:

- no store yet → create it, then show its recovery code once;
- the keyring cannot keep the key (:class:`KeyringRefusedError`) → say so and
  offer a passphrase instead (typed twice);
- a store protected by a passphrase → ask for it (again if it is wrong);
- any other storage error → show the French message and quit without
  creating or touching any file;
- a store with no account yet (first run) → the first-run wizard
  (``app.ui.first_run``): establishment, the référent's account, the recovery
  code of the store just created (typed back in part), the central service
  or offline work, demonstration mode;
- otherwise sign-in (``app.ui.login``); the main window opens for the
  signed-in account, with the auto-lock (``app.ui.lock``), the « Sécurité »
  menu and, in demonstration mode, a permanent banner.

An uncaught exception keeps the open forms' drafts and shows a French dialog
with the crash report's reference (``app.ui.crash``).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

import app
from app import paths
from app.db.errors import (
    KeyringRefusedError,
    PassphraseRequiredError,
    WeakPassphraseError,
    WrongKeyError,
)
from app.services import sessions
from app.ui.crash import CrashHandler
from app.ui.demo_banner import install_demo_banner
from app.ui.dialogs import PassphraseDialog
from app.ui.lock import AutoLock
from app.ui.login import SignInController
from app.ui.main_window import MainWindow
from app.ui.qt_french import QtFrenchSupplement
from app.ui.security_menu import SecurityMenu
from app.ui.store_warning import StoreWarning
from app.workers.context import AppContext
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.permissions import Session

ENV_LANG = "TRACING_DESK_LANG"
TRANSLATION_BASENAME = "tracing_desk"
EXIT_OK = 0
EXIT_CANCELLED = 1
EXIT_STORE_ERROR = 2  # as the command line's
BUSY_DELAY_MS = 300

_translators: list[QTranslator] = []


# -- language ----------------------------------------------------------------
def choose_language() -> str:
    """``"en"`` if asked by ``TRACING_DESK_LANG`` or the system is English, else ``"fr"``."""
    wanted = os.environ.get(ENV_LANG, "").strip().lower()
    if wanted.startswith("en"):
        return "en"
    if wanted.startswith("fr"):
        return "fr"
    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"


def install_translators(language: str) -> list[QTranslator]:
    """Install the program's and Qt's translations for *language* (replacing earlier ones).

    Source strings are French. French loads Qt's own ``qtbase_fr`` (standard
    buttons, file dialog), completed by :class:`QtFrenchSupplement` for the
    texts it lacks, and the plural forms of ``tracing_desk_fr``; English loads
    ``tracing_desk_en``. Returns the translators that loaded.
    """
    qapp = QCoreApplication.instance()
    assert qapp is not None, "create the QApplication first"
    for old in _translators:
        qapp.removeTranslator(old)
    _translators.clear()

    i18n = paths.translations_dir()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        wanted = [(f"{TRANSLATION_BASENAME}_en", str(i18n))]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        wanted = [("qtbase_fr", qt_dir), (f"{TRANSLATION_BASENAME}_fr", str(i18n))]
        # installed first, asked last: only what the others leave untranslated
        supplement = QtFrenchSupplement(qapp)
        if qapp.installTranslator(supplement):
            _translators.append(supplement)
    for name, directory in wanted:
        translator = QTranslator(qapp)
        if translator.load(name, directory) and qapp.installTranslator(translator):
            _translators.append(translator)
    return list(_translators)


def gui_user() -> str:
    """How the journal names the person at this workstation (the session's account)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment
        return "inconnu"


# -- start-up ----------------------------------------------------------------
class StartupFlow(QObject):
    """Creates or opens the store (in the database thread), then shows the main window.

    The store is opened and the background work owned by the application context
    (:class:`~app.workers.context.AppContext`); a flow given none makes one around
    *db_thread* (which stays its caller's to stop).

    Signals:
        finished(int): 0 once the main window is shown, else the exit status.
    """

    finished = Signal(int)

    def __init__(
        self,
        db_thread: DbThread,
        data_dir: Path,
        user: str,
        parent: QObject | None = None,
        *,
        context: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context or AppContext(data_dir, db_thread=db_thread, parent=self)
        self._db_thread = db_thread
        self._data_dir = data_dir
        self._user = user
        self.window: MainWindow | None = None
        self.dialog: QWidget | None = None
        self.session: Session | None = None
        self.autolock: AutoLock | None = None
        self._busy: QProgressDialog | None = None
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._busy_text = ""

    def start(self) -> None:
        if self.context.store_exists():
            self._open(None)
        else:
            self._create(None)

    # -- creating --------------------------------------------------------------
    def _create(self, passphrase: str | None) -> None:
        self._busy_during(self.tr("Création de la base de données chiffrée…"))
        ticket = self.context.create_store(passphrase)
        ticket.finished.connect(self._created)
        ticket.failed.connect(lambda failure: self._create_failed(failure, passphrase))

    def _created(self, result: object) -> None:
        self._not_busy()
        self._ready(result.recovery_code)  # type: ignore[attr-defined]

    def _create_failed(self, failure: DbFailure, passphrase: str | None) -> None:
        self._not_busy()
        if isinstance(failure.error, KeyringRefusedError) and passphrase is None:
            self._offer_passphrase(failure.message)
        elif isinstance(failure.error, WeakPassphraseError):
            self._ask_passphrase(create=True, problem=failure.message)
        else:
            self._fatal(failure.message)

    def _offer_passphrase(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Trousseau indisponible"), message)
        box.setObjectName("keyring_refused")
        box.setInformativeText(
            self.tr(
                "Vous pouvez protéger la base de données par une phrase secrète, "
                "qui sera demandée à chaque démarrage."
            )
        )
        use = box.addButton(
            self.tr("Utiliser une phrase secrète"), QMessageBox.ButtonRole.AcceptRole
        )
        use.setObjectName("use_passphrase")
        box.addButton(self.tr("Quitter"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(use)
        box.finished.connect(
            lambda _r: (
                self._ask_passphrase(create=True)
                if box.clickedButton() is use
                else self._finish(EXIT_CANCELLED)
            )
        )
        self._show_dialog(box)

    # -- opening ---------------------------------------------------------------
    def _open(self, passphrase: str | None) -> None:
        self._busy_during(self.tr("Ouverture de la base de données chiffrée…"))
        ticket = self.context.open_store(passphrase)
        ticket.finished.connect(lambda _info: self._opened())
        ticket.failed.connect(lambda failure: self._open_failed(failure, passphrase))

    def _opened(self) -> None:
        self._not_busy()
        self._ready()

    def _open_failed(self, failure: DbFailure, passphrase: str | None) -> None:
        self._not_busy()
        if isinstance(failure.error, PassphraseRequiredError):
            self._ask_passphrase(create=False)
        elif isinstance(failure.error, WrongKeyError) and passphrase is not None:
            self._ask_passphrase(create=False, problem=failure.message)
        else:
            self._fatal(failure.message)

    # -- passphrase ---------------------------------------------------------------
    def _ask_passphrase(self, *, create: bool, problem: str = "") -> None:
        dialog = PassphraseDialog(create=create)
        if problem:
            dialog.show_problem(problem)

        def chosen() -> None:
            secret = dialog.passphrase()
            if create:
                self._create(secret)
            else:
                self._open(secret)

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(lambda: self._finish(EXIT_CANCELLED))
        dialog.forgotten.connect(self._recover_passphrase)
        self._show_dialog(dialog)

    def _recover_passphrase(self) -> None:
        """« J’ai oublié ma phrase secrète »: the recovery code and a new passphrase, then open.

        « Annuler » goes back to the passphrase prompt.
        """
        from app.ui.recover_dialog import RecoverPassphraseDialog  # a rare path: loaded if taken

        dialog = RecoverPassphraseDialog(self._data_dir, self._user)
        dialog.recovered.connect(self._open)
        dialog.rejected.connect(lambda: self._ask_passphrase(create=False))
        self._show_dialog(dialog)

    # -- endings ------------------------------------------------------------------
    def _fatal(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Base de données inaccessible"),
            message,
            QMessageBox.StandardButton.Close,
        )
        box.setObjectName("startup_error")
        box.finished.connect(lambda _r: self._finish(EXIT_STORE_ERROR))
        self._show_dialog(box)

    def _ready(self, recovery_code: str | None = None) -> None:
        """The store is open: first run (no account yet) → the wizard, else sign-in.

        *recovery_code* is the code of the store just created, shown by the wizard.
        """
        self.dialog = None
        ticket = self._db_thread.submit(sessions.has_accounts).tie_to(self)
        ticket.finished.connect(
            lambda has: self._sign_in() if has else self._first_run(recovery_code)
        )
        ticket.failed.connect(lambda failure: self._fatal(failure.message))

    def _first_run(self, recovery_code: str | None) -> None:
        from app.ui.first_run import FirstRunController  # once per workstation: loaded if needed

        controller = FirstRunController(self._db_thread, recovery_code, self)
        controller.signed_in.connect(self._open_session)
        controller.cancelled.connect(lambda: self._finish(EXIT_CANCELLED))
        self.first_run = controller
        self.dialog = controller.wizard
        controller.start()

    def _sign_in(self) -> None:
        controller = SignInController(self._db_thread, self)
        controller.asking.connect(self._set_dialog)
        controller.signed_in.connect(self._open_session)
        controller.cancelled.connect(lambda: self._finish(EXIT_CANCELLED))
        controller.failed.connect(self._fatal)
        self.sign_in = controller
        controller.start()

    def _set_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog

    def _open_session(self, session: Session) -> None:
        """A main window for *session* (at start, or when another user signs in on the lock)."""
        self.dialog = None
        previous = self.window
        self.session = session
        self._user = session.login
        self.window = MainWindow(
            self._db_thread, self._data_dir, session.login, context=self.context
        )
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.autolock = AutoLock(self.window, self._db_thread, session)
        self.autolock.switch_user.connect(self._open_session)
        self.security_menu = SecurityMenu(
            self.window, self._db_thread, self._data_dir, session, self.autolock
        )
        self.security_menu.build(self.window.menuBar())
        self.security_menu.forgotten.connect(lambda: self._finish(EXIT_OK, quit_now=True))
        self._mark_demo(self.window, session.login)
        self.window.show()
        self.window.refresh()
        # A store opened read-only (data missing, damaged): a box, a banner, the status bar.
        self.store_warning = StoreWarning(self.window, self._db_thread)
        self.store_warning.check()
        if previous is not None:  # the first user's window: closed, never shown again
            previous.hide()
            previous.close()
            previous.deleteLater()
        else:
            self.finished.emit(EXIT_OK)

    def _mark_demo(self, window: MainWindow, login: str) -> None:
        """In demonstration mode, a banner that cannot be hidden and a marked title."""
        ticket = self._db_thread.submit(lambda db: sessions.demo_mode(db, login))
        ticket.tie_to(window)
        ticket.finished.connect(lambda demo: install_demo_banner(window) if demo else None)

    def flush_drafts(self) -> None:
        """Write the open forms' drafts now (crash handler)."""
        if self.window is not None:
            self.window.workspace.flush_drafts()

    def _finish(self, code: int, *, quit_now: bool = False) -> None:
        self.dialog = None
        if quit_now:
            app = QCoreApplication.instance()
            if app is not None:
                app.exit(code)
            return
        self.finished.emit(code)

    # -- helpers --------------------------------------------------------------------
    def _show_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.show()
        dialog.activateWindow()

    def _busy_during(self, text: str) -> None:
        self._busy_text = text
        self._busy_timer.start()

    def _show_busy(self) -> None:
        busy = QProgressDialog(self._busy_text, "", 0, 0)
        busy.setObjectName("busy")
        busy.setWindowTitle(self.tr("Tracing Desk"))
        busy.setCancelButton(None)
        busy.setMinimumDuration(0)
        busy.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._busy = busy
        busy.show()

    def _not_busy(self) -> None:
        self._busy_timer.stop()
        if self._busy is not None:
            self._busy.close()
            self._busy.deleteLater()
            self._busy = None

    def busy_visible(self) -> bool:
        return self._busy is not None and self._busy.isVisible()


def application_icon() -> QIcon:
    """The program's icon, from the PNG sizes in ``resources/icons/hicolor``."""
    icon = QIcon()
    for png in sorted(paths.icons_dir().glob("hicolor/*/apps/tracing-desk.png")):
        icon.addFile(str(png))
    return icon


def configure_application(qapp: QCoreApplication) -> None:
    qapp.setApplicationName("Tracing Desk")
    qapp.setOrganizationName(paths.APP_AUTHOR)
    qapp.setApplicationVersion(app.__version__)
    if isinstance(qapp, QApplication):
        qapp.setWindowIcon(application_icon())
        qapp.setDesktopFileName("fr.tracingdesk.TracingDesk")


def run_gui(argv: list[str], data_dir: Path | None = None) -> int:
    """Run the graphical program until its last window closes; return the exit status."""
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(argv)
    configure_application(qapp)
    install_translators(choose_language())
    directory = Path(data_dir) if data_dir is not None else paths.data_dir(create=False)

    # The one owner of the background work: the database thread, the scheduler, the
    # purge and sync workers; stopped in order when the program ends.
    context = AppContext(directory)
    context.start_db_thread()
    flow = StartupFlow(context.db_thread, directory, gui_user(), context=context)
    # No window is open while dialogs come and go: quit only when the flow says so.
    qapp.setQuitOnLastWindowClosed(False)

    def started(code: int) -> None:
        if code == EXIT_OK:
            qapp.setQuitOnLastWindowClosed(True)
        else:
            qapp.exit(code)

    flow.finished.connect(started)
    crash = CrashHandler(flow.flush_drafts, lambda: flow.window)
    crash.install()
    QTimer.singleShot(0, flow.start)
    try:
        code = qapp.exec()
    finally:
        crash.uninstall()
        if flow.window is not None:
            flow.window.close()
            flow.window.deleteLater()
        context.stop()  # the scheduler, the workers, then the database thread
        flow.deleteLater()
        context.deleteLater()
    return int(code)

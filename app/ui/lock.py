"""Auto-lock of a shared workstation: after an idle delay, the content hides behind a lock screen.

The delay is the setting ``security.autolock_minutes`` (5 minutes by
default). Any key or mouse event in the program restarts it. Locking hides
the window's content, disables its menus and hides the session's other
windows (dialogs, forms), and journals ``verrouillage``.

On the lock screen, the same person unlocks with their password. Someone
else may sign in instead (their own login and password): the first
person's window is then closed (its forms keep their drafts under that
person's login: ``app.db.drafts`` stores a draft per owner) and a new window
opens for the newcomer, who therefore never sees the first person's work.

Contract with widgets that hold unsaved input: a widget with a
``keep_draft()`` method is asked to save its draft (under its owner) before
its window is closed for another user.

Signals of :class:`AutoLock`:
    locked(): the content is hidden.
    unlocked(): the same person is back.
    switch_user(object): someone else signed in (a :class:`Session`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import AUTOLOCK_MINUTES
from app.services import sessions
from app.services.sessions import SignInError
from app.ui.login import SignInForm
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:
    from app.db.permissions import Session

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
#: Why the session was locked (journal detail, no personal data).
LOCK_MANUAL = "manuel"
LOCK_IDLE = "inactivité"


class LockScreen(QWidget):
    """What a locked window shows: who locked it, and a sign-in form.

    It covers the whole window (menus and status bar included: the dynamic
    property ``layout_overlay`` says so to the layout checks). Its content
    scrolls when the window is too short for it, so that the fields and the
    messages keep their height whatever the window's size or the scaling.
    """

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setProperty("layout_overlay", True)
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("Session verrouillée"), self)
        title.setObjectName("lock_title")
        title.setWordWrap(True)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        title.setFont(font)
        who = session.display_name or session.login
        hint = QLabel(
            self.tr(
                "Session de {who}. Saisissez votre mot de passe pour reprendre, "
                "ou connectez-vous avec votre propre compte : le travail en cours "
                "de {who} lui sera conservé sans vous être montré."
            ).format(who=who),
            self,
        )
        hint.setObjectName("lock_hint")
        hint.setWordWrap(True)
        self.form = SignInForm(self, login=session.login)
        self.form.button.setText(self.tr("Déverrouiller"))
        # A column about 50 characters wide (in the font: it follows the scaling),
        # centred, never wider than the window.
        em = self.fontMetrics().horizontalAdvance("M")
        box = QWidget(self)
        box.setObjectName("lock_box")
        box.setMinimumWidth(min(em * 24, 320))
        box.setMaximumWidth(em * 52)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        content = QWidget()
        content.setObjectName("lock_content")
        column = QVBoxLayout(content)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        scroller = QScrollArea(self)
        scroller.setObjectName("lock_scroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)


class AutoLock(QObject):
    """Watches the program's input events and locks *window* after the idle delay."""

    locked = Signal()
    unlocked = Signal()
    switch_user = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        db_thread: DbThread,
        session: Session,
        *,
        minutes: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db_thread = db_thread
        self.session = session
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock_idle)
        self.set_minutes(minutes or AUTOLOCK_MINUTES.default)
        if minutes is None:
            login = session.login
            ticket = self._db_thread.submit(lambda db: sessions.autolock_minutes(db, login)).tie_to(
                self
            )
            ticket.finished.connect(self.set_minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.installEventFilter(self)
        self.lock_action = QAction(self.tr("&Verrouiller le poste"), window)
        self.lock_action.setObjectName("lock_now")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        window.addAction(self.lock_action)

    # -- idle timer -----------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(int(minutes) * 60_000)
        if not self.is_locked:
            self._timer.start()

    @property
    def interval_ms(self) -> int:
        return int(self._timer.interval())

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Resize and self.screen is not None:
            self.screen.setGeometry(self._window.rect())
        elif kind in _ACTIVITY and not self.is_locked:
            self._timer.start()
        elif kind == QEvent.Type.Close and watched is self._window:
            self.stop()
        return False

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- locking --------------------------------------------------------------
    def lock_idle(self) -> None:
        """The idle delay is reached: lock, journaled as such."""
        self.lock(reason=LOCK_IDLE)

    def lock(self, reason: str = LOCK_MANUAL) -> None:
        """Hide the content now (« Verrouiller le poste », Ctrl+L; or the idle delay)."""
        if self.is_locked:
            return
        self._timer.stop()
        window = self._window
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and not isinstance(w, LockScreen)
        ]
        for widget in self._hidden:
            widget.hide()
        central = window.centralWidget()
        if central is not None:
            central.hide()
        window.menuBar().setEnabled(False)
        screen = LockScreen(self.session, window)
        screen.setGeometry(window.rect())
        screen.form.submitted.connect(self._attempt)
        screen.show()
        screen.raise_()
        screen.form.password.setFocus()
        self.screen = screen
        login = self.session.login
        self._db_thread.submit(lambda db: sessions.record_lock(db, login, reason))
        self.locked.emit()

    def _attempt(self, login: str, password: str) -> None:
        screen = self.screen
        if screen is None:
            return
        ticket = self._db_thread.submit(
            lambda db: sessions.authenticate(db, login, password, purpose="déverrouillage")
        ).tie_to(screen)
        ticket.finished.connect(self._signed_in)
        ticket.failed.connect(self._refused)

    def _refused(self, failure: DbFailure) -> None:
        if self.screen is not None:
            retry = failure.error.retry_after if isinstance(failure.error, SignInError) else 0
            self.screen.form.refused(failure.message, retry)

    def _signed_in(self, session: Session) -> None:
        if session.login.casefold() == self.session.login.casefold():
            self._unlock()
            return
        # Someone else: the first person's work stays theirs.
        for widget in self._window.findChildren(QWidget):
            keep = getattr(widget, "keep_draft", None)
            if callable(keep):
                keep()
        for widget in self._hidden:
            keep = getattr(widget, "keep_draft", None)
            if callable(keep):
                keep()
            widget.close()
        self._hidden = []
        self.stop()
        self.switch_user.emit(session)

    def _unlock(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        central = self._window.centralWidget()
        if central is not None:
            central.show()
        self._window.menuBar().setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._timer.start()
        self.unlocked.emit()

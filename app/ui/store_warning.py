"""The window's warning about a store opened read-only (see :mod:`app.db.watermark`).

When the store was opened with journal entries missing (a lost ``-wal``, an
older copy put back), a state mark that fails authentication, or after a
failed integrity check, the database refuses every change. After sign-in the
window asks the database thread what the opening found; if the store is
read-only:

- a box explains why (how many journal entries are missing) and what to do;
- a banner that cannot be moved, hidden or closed says « Base en lecture
  seule » for as long as the window is open, and so does the status bar.

Changes attempted meanwhile fail with the database's French refusal, shown
by the window's usual error path (the typed text stays in its form).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolBar

from app.services.station import store_state
from app.ui.demo_banner import install_banner
from app.workers.db_thread import DbThread

if TYPE_CHECKING:
    from app.db import watermark

BANNER_NAME = "store_warning_banner"
STATUS_NAME = "store_read_only"
BOX_NAME = "store_warning"


def warning_text(state: watermark.StoreState) -> str:
    """The French explanation of *state*, translated (context ``db``), one paragraph each."""
    return "\n\n".join(
        QCoreApplication.translate("db", template).format(**args)
        for template, args in state.messages()
    )


class StoreWarning(QObject):
    """Asks (database thread) how the store was opened and warns in *window* if read-only.

    Signals:
        checked(object): the :class:`~app.db.watermark.StoreState` found (clean or not).
    """

    checked = Signal(object)

    def __init__(self, window: QMainWindow, db_thread: DbThread) -> None:
        super().__init__(window)
        self._window = window
        self._db_thread = db_thread
        self.box: QMessageBox | None = None
        self.state: watermark.StoreState | None = None

    def check(self) -> None:
        ticket = self._db_thread.submit(store_state).tie_to(self._window)
        ticket.finished.connect(self._found)

    def _found(self, state: watermark.StoreState) -> None:
        self.state = state
        if not state.clean:
            install_read_only_banner(self._window)
            self._show_box(state)
        self.checked.emit(state)

    def _show_box(self, state: watermark.StoreState) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("StoreWarning", "Base en lecture seule"),
            QCoreApplication.translate(
                "StoreWarning",
                "La base de données est ouverte en lecture seule\u00a0: vous pouvez consulter "
                "et exporter les fiches, mais aucune modification ne sera enregistrée.",
            ),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName(BOX_NAME)
        box.setInformativeText(warning_text(state))
        self.box = box
        box.open()


def install_read_only_banner(window: QMainWindow) -> QToolBar:
    """« Base en lecture seule »: a banner on top of *window* and in its status bar (once)."""
    existing = window.findChild(QToolBar, BANNER_NAME)
    if isinstance(existing, QToolBar):
        return existing  # already shown, with its status-bar label
    bar = install_banner(
        window,
        BANNER_NAME,
        QCoreApplication.translate(
            "StoreWarning",
            "Base en lecture seule — consultation et export possibles, modifications "
            "refusées. Prévenez le référent.",
        ),
        background="#b3261e",
        foreground="#ffffff",
    )
    status = QLabel(QCoreApplication.translate("StoreWarning", "Base en lecture seule"), window)
    status.setObjectName(STATUS_NAME)
    status.setStyleSheet("color: #b3261e; font-weight: bold;")
    window.statusBar().addPermanentWidget(status)
    return bar

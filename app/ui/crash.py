"""What the window does with an uncaught exception: keep the drafts, say so, give a reference.

The crash hook of ``app.logging_setup`` writes the report (a log record and
``logs/crash-<reference>.json``: the exception's type and code frames, never
its text nor any value). This module adds, on the UI thread:

1. the open forms' drafts are written at once (``flush``), so what the
   person was typing is kept even if the program is then closed;
2. a French dialog gives the reference (the first 8 characters of the report's
   UUID, enough for the IT staff to find it) and lets the person go on or quit.

An exception raised on another thread reaches the UI thread through a queued
signal. Several crashes in a row show one dialog, updated with the last
reference.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app import logging_setup
from app.logging_setup import short_reference

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    """Installs the crash hook with a dialog and a draft flush.

    Signals:
        crashed(str): the crash's reference (queued to the UI thread).
    """

    crashed = Signal(str)

    def __init__(
        self,
        flush: Callable[[], None],
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._flush = flush
        self._parent_widget = parent_widget
        self._restore: Callable[[], None] | None = None
        self.box: QMessageBox | None = None
        self.references: list[str] = []
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._restore = logging_setup.install_excepthook(self.report)

    def uninstall(self) -> None:
        if self._restore is not None:
            self._restore()
            self._restore = None

    def report(self, reference: str, _summary: dict[str, Any]) -> None:
        """Called by the hook (any thread): go on on the UI thread."""
        self.crashed.emit(reference)

    def _show(self, reference: str) -> None:
        self.references.append(reference)
        try:
            self._flush()
        except Exception:  # the form itself may be what broke: the autosave stays
            log.exception("draft flush after a crash failed")
        text = QCoreApplication.translate(
            "CrashHandler",
            "Une erreur interne est survenue. Ce que vous étiez en train de saisir a été "
            "conservé en brouillon : il sera rouvert au prochain démarrage.",
        )
        info = QCoreApplication.translate(
            "CrashHandler",
            "Référence de l’incident : {reference}\n\n"
            "Communiquez cette référence au service informatique : le rapport technique "
            "(sans aucune donnée personnelle) est dans le dossier des journaux du programme. "
            "Vous pouvez continuer, mais enregistrez votre travail et redémarrez le programme "
            "dès que possible.",
        ).format(reference=short_reference(reference))
        if self.box is not None and self.box.isVisible():
            self.box.setInformativeText(info)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("CrashHandler", "Tracing Desk — erreur interne"),
            text,
            parent=self._parent_widget(),
        )
        box.setObjectName("crash_box")
        box.setInformativeText(info)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        go_on = box.addButton(
            QCoreApplication.translate("CrashHandler", "Continuer"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        go_on.setObjectName("continue")
        quit_button = box.addButton(
            QCoreApplication.translate("CrashHandler", "Fermer le programme"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        quit_button.setObjectName("quit")
        box.setDefaultButton(go_on)

        def answered(_result: int) -> None:
            if box.clickedButton() is quit_button:
                app = QCoreApplication.instance()
                if app is not None:
                    app.exit(1)

        box.finished.connect(answered)
        self.box = box
        box.open()

"""« Purge quotidienne du système »: says whether the OS task exists and offers to register it.

Shown on the first-run wizard's last page and in *Paramètres › Conservation
des données*. The platform logic is :mod:`app.purge_task` (Qt-free); here the
check and the registration run on a pool thread (``schtasks`` and
``systemctl`` may take seconds), never on the window's thread.

Signals:
    checked(object): the :class:`~app.purge_task.TaskStatus` once known.
    registered(str): the French confirmation after a registration.
    failed(str): the French reason a registration failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app import purge_task
from app.purge_task import Environment, TaskError, TaskStatus


class _Bridge(QObject):
    done = Signal(str, object, object)  # kind, result, error message (str) or None


class _Job(QRunnable):
    def __init__(self, kind: str, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._kind = kind
        self._fn = fn
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._fn()
        except TaskError as exc:
            self._bridge.done.emit(self._kind, None, str(exc))
            return
        except Exception as exc:  # never a traceback in the window: a French sentence
            self._bridge.done.emit(
                self._kind,
                None,
                QCoreApplication.translate(
                    "PurgeTaskBox", "La tâche n’a pas pu être enregistrée ({kind})."
                ).format(kind=type(exc).__name__),
            )
            return
        self._bridge.done.emit(self._kind, result, None)


class PurgeTaskBox(QWidget):
    """The state of the daily OS purge and a button to register it for this user."""

    checked = Signal(object)
    registered = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        environment: Callable[[], Environment] = Environment,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("purge_task_box")
        self._environment = environment
        self._bridges: set[_Bridge] = set()
        self.status: TaskStatus | None = None
        self.label = QLabel(self.tr("Vérification de la tâche de purge quotidienne du système…"))
        self.label.setObjectName("purge_task_status")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.register_button = QPushButton(self.tr("&Enregistrer la purge quotidienne"), self)
        self.register_button.setObjectName("register_purge_task")
        self.register_button.setToolTip(
            self.tr(
                "Enregistre pour votre compte une tâche du système qui supprime chaque jour les "
                "fiches échues, même quand le programme est fermé."
            )
        )
        # Entrée on the wizard's last page is « Terminer », never this button.
        self.register_button.setAutoDefault(False)
        self.register_button.clicked.connect(self.register)
        self.register_button.hide()
        self.result = QLabel(self)
        self.result.setObjectName("purge_task_result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        self.refresh()

    # -- background jobs -------------------------------------------------------------
    def _start(self, kind: str, fn: Callable[[], Any]) -> None:
        bridge = _Bridge()
        self._bridges.add(bridge)  # kept until it answers
        # A method of this widget: the connection ends if the widget is gone first.
        bridge.done.connect(self._job_done, Qt.ConnectionType.QueuedConnection)
        QThreadPool.globalInstance().start(_Job(kind, fn, bridge))

    @Slot(str, object, object)
    def _job_done(self, kind: str, result: Any, error: str | None) -> None:
        bridge = self.sender()
        self._bridges.discard(bridge)
        if kind == "status":
            self._show_status(result, error)
        else:
            self._registered(result, error)

    # -- status ----------------------------------------------------------------------
    def refresh(self) -> None:
        environment = self._environment
        self._start("status", lambda: purge_task.status(environment()))

    def _show_status(self, status: TaskStatus | None, error: str | None) -> None:
        if status is None:
            self.label.setText(error or "")
            return
        self.status = status
        if status.registered:
            self.label.setText(
                self.tr(
                    "Les fiches sont supprimées à leur échéance, au plus tard 3 mois après leur "
                    "création, même quand le programme est fermé\u00a0: {description}"
                ).format(description=status.description)
            )
            self.register_button.hide()
        else:
            self.label.setText(
                self.tr(
                    "{description} Les fiches échues ne sont supprimées que lorsque le "
                    "programme est ouvert. Pour que la limite de 3 mois tienne aussi quand il "
                    "reste fermé, enregistrez la purge quotidienne pour votre compte."
                ).format(description=status.description)
            )
            self.register_button.setVisible(status.system is not purge_task.System.OTHER)
        self.checked.emit(status)

    # -- registering -----------------------------------------------------------------
    def register(self) -> None:
        self.register_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Enregistrement de la tâche en cours…"))
        self.result.show()
        environment = self._environment
        self._start("register", lambda: purge_task.register(environment()))

    def _registered(self, message: str | None, error: str | None) -> None:
        self.register_button.setEnabled(True)
        if error is not None:
            self.result.setStyleSheet("color: #a40000;")
            self.result.setText(error)
            self.failed.emit(error)
            return
        self.result.setStyleSheet("")
        self.result.setText(message or "")
        self.registered.emit(message or "")
        self.refresh()

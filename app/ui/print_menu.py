"""The "Impression" menu: poster (A4, A3) and notice, each to preview, print or PDF.

Every action first reads the establishment's settings in the database thread.
When something is missing, a box lists it before anything is printed, and
offers to fill the settings in, to print anyway (the gaps then read "à
compléter") or to cancel. A print (from the preview or the print dialog) is
journaled as ``impression``, a PDF file as ``export``; never a file name.

Signals:
    failed(str): a French message for the main window (a database job failed).
    done(str): a French status-bar message after a print or an export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from app.core.enums import JournalAction
from app.print.establishment import Establishment, load_establishment
from app.print.kinds import DocumentKind, PaperFormat
from app.workers.db_thread import DbFailure, DbThread

if TYPE_CHECKING:  # the print stack loads with the first print, not with the main window
    from PySide6.QtPrintSupport import QPrinter

    from app.print.render import Logo


class Target:
    PREVIEW = "apercu"
    PRINTER = "imprimante"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class Job:
    kind: DocumentKind
    paper: PaperFormat | None  # None for the notice (always landscape A4)
    target: str

    @property
    def page(self) -> PaperFormat:
        return self.paper or PaperFormat.A4


class PrintMenu(QObject):
    failed = Signal(str)
    done = Signal(str)

    def __init__(self, window: QWidget, db_thread: DbThread, user: str) -> None:
        super().__init__(window)
        self.window = window
        self._db_thread = db_thread
        self._user = user
        self.box: QMessageBox | None = None
        self.dialog: QDialog | None = None
        self.printer: QPrinter | None = None
        self.actions: dict[tuple[DocumentKind, PaperFormat | None, str], QAction] = {}

    # -- menu ----------------------------------------------------------------------
    def build(self, menubar: QMenuBar) -> QMenu:
        menu = menubar.addMenu(self.tr("&Impression"))
        menu.setObjectName("print_menu")
        documents = (
            (DocumentKind.POSTER, PaperFormat.A4, self.tr("Affiche d’information &A4")),
            (DocumentKind.POSTER, PaperFormat.A3, self.tr("Affiche d’information A&3")),
            (DocumentKind.NOTICE, None, self.tr("&Notice d’information (2 par feuille A4)")),
        )
        targets = (
            (Target.PREVIEW, self.tr("&Aperçu avant impression…")),
            (Target.PRINTER, self.tr("&Imprimer…")),
            (Target.PDF, self.tr("&Exporter en PDF…")),
        )
        for kind, paper, title in documents:
            sub = menu.addMenu(title)
            for target, label in targets:
                action = QAction(label, self)
                job = Job(kind, paper, target)
                action.triggered.connect(lambda _checked=False, job=job: self.start(job))
                sub.addAction(action)
                self.actions[(kind, paper, target)] = action
        menu.addSeparator()
        self.establishment_action = QAction(self.tr("É&tablissement…"), self)
        self.establishment_action.triggered.connect(self.edit_establishment)
        menu.addAction(self.establishment_action)
        return menu

    # -- flow ----------------------------------------------------------------------
    def start(self, job: Job) -> None:
        """Read the settings (database thread), then check them, then print or export."""
        ticket = self._db_thread.submit(load_establishment).tie_to(self)
        ticket.finished.connect(lambda est: self._check(job, est))
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _check(self, job: Job, est: Establishment) -> None:
        from app.print import output

        found, logo = output.problems(est)
        if not found:
            self._run(job, est, logo)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Paramètres de l’établissement incomplets"),
            output.problems_message(found),
            parent=self.window,
        )
        box.setObjectName("missing_settings")
        fill = box.addButton(
            self.tr("Renseigner l’établissement…"), QMessageBox.ButtonRole.ActionRole
        )
        anyway = box.addButton(self.tr("Imprimer quand même"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(fill)

        def chosen(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is fill:
                self.edit_establishment()
            elif clicked is anyway:
                self._run(job, est, logo)

        box.finished.connect(chosen)
        self.box = box
        box.open()

    def _run(self, job: Job, est: Establishment, logo: Logo | None) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        from app.print import output
        from app.print.render import RenderError, page_layout, paint

        edition = output.edition_date(est)
        if job.target == Target.PDF:
            self._export(job, est, logo)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(job.kind, job.page))
        printer.setFullPage(True)
        printer.setDocName(self._title(job))
        self.printer = printer

        def render(device: QPrinter) -> None:
            try:
                paint(device, job.kind, est, edition, logo=logo)
            except RenderError as exc:
                self.failed.emit(str(exc))

        dialog: QDialog
        if job.target == Target.PREVIEW:
            preview = QPrintPreviewDialog(printer, self.window)
            preview.paintRequested.connect(render)
            dialog = preview
        else:
            dialog = QPrintDialog(printer, self.window)
            dialog.accepted.connect(lambda: render(printer))
        dialog.setObjectName("print_dialog")
        dialog.setWindowTitle(self._title(job))

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                # Printing from the preview, or the print dialog's "print to file".
                to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
                action = JournalAction.EXPORT if to_file else JournalAction.PRINT
                self._record(job, action, Target.PDF if to_file else Target.PRINTER)

        dialog.finished.connect(finished)
        self.dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() is typed with a receiver

    def _export(self, job: Job, est: Establishment, logo: Logo | None) -> None:
        from app.print import output
        from app.print.render import RenderError

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = (
            f"affiche-{job.page.value}.pdf"
            if job.kind is DocumentKind.POSTER
            else "notice-information.pdf"
        )
        dialog = QFileDialog(self.window, self.tr("Exporter en PDF"), str(Path(folder) / name))
        dialog.setObjectName("pdf_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Documents PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")

        def chosen(path: str) -> None:
            try:
                output.write_pdf(Path(path), job.kind, est, paper=job.page, logo=logo)
            except RenderError as exc:
                self.failed.emit(str(exc))
                return
            self._record(job, JournalAction.EXPORT, Target.PDF)
            self.done.emit(self.tr("Document enregistré : {path}").replace("{path}", path))

        dialog.fileSelected.connect(chosen)
        self.dialog = dialog
        dialog.open()

    def _record(self, job: Job, action: JournalAction, target: str) -> None:
        lang = "en" if QLocale().language() == QLocale.Language.English else "fr"
        user = self._user

        def write(db: object) -> None:
            from app.services.printing import record_document

            record_document(db, user, action, job.kind, job.paper, lang, target)  # type: ignore[arg-type]

        ticket = self._db_thread.submit(write).tie_to(self)
        ticket.failed.connect(lambda failure: self._record_failed(failure))
        if action is JournalAction.PRINT:
            ticket.finished.connect(
                lambda _r: self.done.emit(self.tr("Document envoyé à l’imprimante."))
            )

    def _record_failed(self, failure: DbFailure) -> None:
        self.failed.emit(failure.message)

    def _title(self, job: Job) -> str:
        if job.kind is DocumentKind.POSTER:
            return self.tr("Affiche d’information {paper}").replace("{paper}", job.page.value)
        return self.tr("Notice d’information")

    # -- settings ------------------------------------------------------------------
    def edit_establishment(self) -> None:
        from app.ui.establishment_dialog import EstablishmentDialog

        dialog = EstablishmentDialog(self._db_thread, self._user, self.window)
        self.dialog = dialog
        dialog.open()

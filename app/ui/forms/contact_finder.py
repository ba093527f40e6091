"""« Construire la liste des contacts » : the contact finder of a patient zéro (issue 17).

The nurse chooses the establishment's residents file (stays) and, optionally,
the staff rota (CSV or XLSX). The files are read on the database thread
(``Path.read_bytes()`` inside the job), handed as bytes to
:func:`app.services.contact_finder.build_candidates` and never copied: the
dialog keeps only their paths in memory, and the program's settings remember
the last *folders* (never a file name). The contagious window is computed by
the service first and shown in two editable ``jj/mm/aaaa`` fields;
« Recalculer » runs the finder again with the typed window.

The ranked candidates are listed with a check box (every rank-1 candidate
ticked, a person already a contact of this patient zéro flagged, unticked and
greyed). « Créer les fiches » hands the ticked ones to
:func:`app.services.contact_finder.create_contacts` (one transaction) and says
how many fiches were created and linked.

The jobs run on the database thread and their problem texts are in
:mod:`app.ui.forms.contact_finder_jobs`; the table of candidates is
:mod:`app.ui.forms.contact_finder_table`.

Signals:
    contacts_created(int): fiches created or linked to the patient zéro.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.contact_finder import Candidate, Window
from app.core.dates import format_date, parse_date
from app.services.contact_finder import CandidateList, Created
from app.ui.forms.contact_finder_jobs import Built, build_job, create_job
from app.ui.forms.contact_finder_table import CandidatesTable
from app.ui.forms.fields import ERROR_COLOR, MessageLabel, translate
from app.workers.db_thread import DbFailure, DbThread

#: The program's settings keys: the folder of the last file chosen, never its name.
ROSTER_FOLDER_KEY = "contact_finder/residents_folder"
ROTA_FOLDER_KEY = "contact_finder/rota_folder"


def _settings() -> QSettings | None:
    """The program's QSettings (user scope), once ``configure_application`` named it."""
    if not QCoreApplication.organizationName():
        return None
    return QSettings()


# -- the dialog ------------------------------------------------------------------------
class ContactFinderDialog(QDialog):
    """Build the patient zéro's contact list from the establishment's files."""

    contacts_created = Signal(int)

    def __init__(
        self, db_thread: DbThread, user: str, pz_uuid: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_finder")
        self.setWindowTitle(self.tr("Construire la liste des contacts"))
        self._db = db_thread
        self._user = user
        self._pz_uuid = pz_uuid
        self._generation = 0
        self._jobs = 0
        self._window_typed = False
        self.roster_path: Path | None = None
        self.rota_path: Path | None = None
        self.found: CandidateList | None = None
        self.candidates: list[Candidate] = []

        intro = QLabel(
            self.tr(
                "Le programme lit les fichiers de l’établissement (CSV ou Excel) sans les "
                "copier et propose les personnes qui ont partagé la chambre, la table, "
                "l’unité ou l’équipe du patient zéro pendant sa période de contagiosité. "
                "Seules les personnes cochées deviennent des fiches."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        files = QGridLayout()
        self.roster_edit = self._file_edit(
            "roster_file", self.tr("Fichier des résidents (séjours)")
        )
        self.rota_edit = self._file_edit("rota_file", self.tr("Planning du personnel (facultatif)"))
        self.roster_button = QPushButton(self.tr("Choisir…"), self)
        self.roster_button.setObjectName("choose_roster")
        self.roster_button.setAccessibleName(self.tr("Choisir le fichier des résidents"))
        self.roster_button.clicked.connect(self.choose_roster)
        self.rota_button = QPushButton(self.tr("Choisir…"), self)
        self.rota_button.setObjectName("choose_rota")
        self.rota_button.setAccessibleName(self.tr("Choisir le planning du personnel"))
        self.rota_button.clicked.connect(self.choose_rota)
        self.rota_clear = QPushButton(self.tr("Retirer"), self)
        self.rota_clear.setObjectName("clear_rota")
        self.rota_clear.setAccessibleName(self.tr("Retirer le planning du personnel"))
        self.rota_clear.clicked.connect(lambda: self.set_files(self.roster_path, None))
        self.rota_clear.setEnabled(False)
        for row, (edit, button) in enumerate(
            ((self.roster_edit, self.roster_button), (self.rota_edit, self.rota_button))
        ):
            label = QLabel(edit.accessibleName() + "\u00a0:", self)
            label.setBuddy(button)
            files.addWidget(label, row, 0)
            files.addWidget(edit, row, 1)
            files.addWidget(button, row, 2)
        files.addWidget(self.rota_clear, 1, 3)
        files.setColumnStretch(1, 1)

        self.start_edit = self._date_edit("window_start", self.tr("Début de la fenêtre"))
        self.end_edit = self._date_edit("window_end", self.tr("Fin de la fenêtre"))
        self.recompute = QPushButton(self.tr("Recalculer"), self)
        self.recompute.setObjectName("recompute")
        self.recompute.setEnabled(False)
        self.recompute.clicked.connect(self.build)
        window_row = QHBoxLayout()
        window_label = QLabel(self.tr("Période de contagiosité du"), self)
        window_label.setBuddy(self.start_edit)
        to_label = QLabel(self.tr("au"), self)
        to_label.setBuddy(self.end_edit)
        window_row.addWidget(window_label)
        window_row.addWidget(self.start_edit)
        window_row.addWidget(to_label)
        window_row.addWidget(self.end_edit)
        window_row.addWidget(self.recompute)
        window_row.addStretch(1)
        self.window_message = MessageLabel(self)
        self.window_message.setObjectName("window_message")

        self.progress = QProgressBar(self)
        self.progress.setObjectName("busy")
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("finder_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        self.message = MessageLabel(self)
        self.message.setObjectName("finder_message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = CandidatesTable(self)
        self.table.checks_changed.connect(self._update_buttons)

        self.check_all = QPushButton(self.tr("Tout cocher"), self)
        self.check_all.setObjectName("check_all")
        self.check_all.clicked.connect(lambda: self.set_all_checked(True))
        self.uncheck_all = QPushButton(self.tr("Tout décocher"), self)
        self.uncheck_all.setObjectName("uncheck_all")
        self.uncheck_all.clicked.connect(lambda: self.set_all_checked(False))
        self.count = QLabel(self)
        self.count.setObjectName("checked_count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.create_button = QPushButton(self.tr("Créer les fiches"), self)
        self.create_button.setObjectName("create_fiches")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create_fiches)
        self.close_button = QPushButton(self.tr("Fermer"), self)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        for button in (self.roster_button, self.rota_button, self.rota_clear, self.recompute):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_all)
        buttons.addWidget(self.uncheck_all)
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files)
        layout.addLayout(window_row)
        layout.addWidget(self.window_message)
        layout.addLayout(status_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(980, 600)

    def _file_edit(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(text)
        edit.setReadOnly(True)
        edit.setPlaceholderText(self.tr("Aucun fichier choisi"))
        edit.setMinimumWidth(220)
        return edit

    def _date_edit(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(text)
        edit.setPlaceholderText(self.tr("jj/mm/aaaa"))
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/0000") + 16)
        edit.textEdited.connect(self._window_edited)
        edit.returnPressed.connect(self.build)
        return edit

    # -- files -----------------------------------------------------------------------
    def start_folder(self, key: str) -> str:
        """The folder of the last file chosen of this kind ("" the first time)."""
        settings = _settings()
        value = settings.value(key, "") if settings is not None else ""
        return value if isinstance(value, str) and Path(value).is_dir() else ""

    def _remember_folder(self, key: str, path: Path) -> None:
        settings = _settings()
        if settings is not None:
            settings.setValue(key, str(path.parent))  # the folder only, never the file
            settings.sync()

    def _choose(self, title: str, key: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            title,
            self.start_folder(key),
            self.tr("Tableaux (*.csv *.xlsx);;Fichier CSV (*.csv);;Classeur Excel (*.xlsx)"),
        )
        return Path(name) if name else None

    def choose_roster(self) -> None:
        path = self._choose(self.tr("Fichier des résidents (séjours)"), ROSTER_FOLDER_KEY)
        if path is not None:
            self.set_files(path, self.rota_path)

    def choose_rota(self) -> None:
        path = self._choose(self.tr("Planning du personnel"), ROTA_FOLDER_KEY)
        if path is not None:
            self.set_files(self.roster_path, path)

    def set_files(self, roster: Path | None, rota: Path | None) -> None:
        """Use these files (their folders remembered) and build the list if there is a roster."""
        if roster is not None and roster != self.roster_path:
            self._remember_folder(ROSTER_FOLDER_KEY, roster)
        if rota is not None and rota != self.rota_path:
            self._remember_folder(ROTA_FOLDER_KEY, rota)
        self.roster_path, self.rota_path = roster, rota
        for edit, path in ((self.roster_edit, roster), (self.rota_edit, rota)):
            edit.setText(str(path) if path is not None else "")
            edit.setToolTip(str(path) if path is not None else "")
            edit.setCursorPosition(len(edit.text()))  # the file name visible, not the folder
        self.rota_clear.setEnabled(rota is not None)
        if roster is not None:
            self.build()

    # -- the window --------------------------------------------------------------------
    def _window_edited(self, _text: str) -> None:
        self._window_typed = True
        self.window_message.show_issues([])
        self._update_buttons()

    def typed_window(self) -> tuple[Window | None, str]:
        """The window typed in the two fields, or None (computed); or a French problem."""
        start_text, end_text = self.start_edit.text().strip(), self.end_edit.text().strip()
        if not self._window_typed or not (start_text or end_text):
            return None, ""
        bad = translate("contact_finder", "Date non reconnue «\u202f{text}\u202f» (jj/mm/aaaa).")
        try:
            start = parse_date(start_text)
        except ValueError:
            return None, bad.format(text=start_text)
        try:
            end = parse_date(end_text)
        except ValueError:
            return None, bad.format(text=end_text)
        if start is None or end is None:
            return None, self.tr(
                "Indiquez les deux dates de la période (jj/mm/aaaa), ou effacez-les toutes "
                "les deux pour la faire calculer."
            )
        if end < start:
            return None, self.tr(
                "La période se termine le {end}, avant son début le {start}\u00a0: "
                "corrigez l’une des deux dates."
            ).format(start=format_date(start), end=format_date(end))
        return Window(start, end), ""

    def _show_window_problem(self, text: str) -> None:
        self.window_message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.window_message.setText(text)
        self.window_message.show()

    # -- building the list -----------------------------------------------------------
    def build(self) -> None:
        """Read the files and list the candidates, on the database thread."""
        if self.roster_path is None:
            self._show_problem(self.tr("Choisissez d’abord le fichier des résidents."))
            return
        window, problem = self.typed_window()
        if problem:
            self._show_window_problem(problem)
            return
        self.window_message.show_issues([])
        self._generation += 1
        generation = self._generation
        user, uuid = self._user, self._pz_uuid
        roster, rota = self.roster_path, self.rota_path
        self._started(self.tr("Lecture des fichiers…"))
        ticket = self._db.submit(lambda db: build_job(db, user, uuid, roster, rota, window)).tie_to(
            self
        )
        ticket.finished.connect(lambda built: self._built(generation, built))
        ticket.failed.connect(lambda failure: self._failed(failure, generation))

    def _built(self, generation: int, built: Built) -> None:
        self._finished()
        if generation != self._generation:
            return
        if built.candidates is None:
            self.show_candidates(None)
            self._show_problem(built.problem)
            return
        self.show_candidates(built.candidates)

    def show_candidates(self, found: CandidateList | None) -> None:
        """Show the window and the candidates (rank 1 ticked), or nothing."""
        self.found = found
        self.message.show_issues([])
        self.candidates = list(found.result.candidates) if found is not None else []
        if found is not None:
            self.start_edit.setText(format_date(found.result.window.start))
            self.end_edit.setText(format_date(found.result.window.end))
            found_in = {
                "resident": self.tr("Patient zéro retrouvé dans le fichier des résidents."),
                "personnel": self.tr("Patient zéro retrouvé dans le planning du personnel."),
                "fiche": self.tr(
                    "Patient zéro absent des fichiers\u00a0: pris comme résident de l’unité "
                    "et de la chambre de sa fiche."
                ),
            }
            self.status.setText(
                self.tr("%n ligne(s) lue(s)", "", found.rows_read)
                + " — "
                + self.tr("%n personne(s) proposée(s).", "", len(self.candidates))
                + " "
                + found_in.get(found.result.subject_found, "")
            )
        else:
            self.status.setText("")
        self._fill_table()

    def _fill_table(self, ticked: set[int] | None = None) -> None:
        """One row per candidate; *ticked* rows checked (default: every rank-1 candidate)."""
        self.table.fill(self.candidates, ticked)

    # -- ticking ---------------------------------------------------------------------
    def is_checked(self, row: int) -> bool:
        return self.table.is_checked(row)

    def set_checked(self, row: int, checked: bool) -> None:
        self.table.set_checked(row, checked)

    def set_all_checked(self, checked: bool) -> None:
        self.table.set_all_checked(checked)

    def kept(self) -> list[Candidate]:
        rows = self.table.checked_rows()
        return [c for row, c in enumerate(self.candidates) if row in rows]

    # -- creating ----------------------------------------------------------------------
    def create_fiches(self) -> None:
        """Create (or link) a fiche for every ticked person, in one transaction."""
        kept = self.kept()
        if not kept or self._jobs:
            return
        user, uuid = self._user, self._pz_uuid
        self._started(self.tr("Création des fiches…"))
        self.message.show_issues([])
        ticket = self._db.submit(lambda db: create_job(db, user, uuid, kept)).tie_to(self)
        ticket.finished.connect(lambda created: self._created(created, kept))
        ticket.failed.connect(lambda failure: self._failed(failure, None))

    def _created(self, created: Created, kept: list[Candidate]) -> None:
        self._finished()
        done = {id(c) for c in kept}
        checked = self.table.checked_rows()
        still = {r for r, c in enumerate(self.candidates) if r in checked and id(c) not in done}
        self.candidates = [
            dataclasses.replace(c, already_contact=True) if id(c) in done else c
            for c in self.candidates
        ]
        self._fill_table(still)
        text = self.tr("%n fiche(s) créée(s)", "", len(created.created))
        text += ", " + self.tr("%n liée(s)", "", len(created.linked))
        if created.unchanged:
            text += ", " + self.tr("%n déjà liée(s)", "", len(created.unchanged))
        if created.reopened:
            text += ". " + self.tr(
                "%n fiche(s) validée(s) repassée(s) en brouillon pour compléter l’exposition",
                "",
                len(created.reopened),
            )
        self.status.setText(text + ".")
        self.contacts_created.emit(len(created.created) + len(created.linked))

    # -- busy, problems ----------------------------------------------------------------
    def _started(self, text: str) -> None:
        self._jobs += 1
        self.progress.show()
        self.status.setText(text)
        self._update_buttons()

    def _finished(self) -> None:
        self._jobs = max(0, self._jobs - 1)
        self.progress.setVisible(self._jobs > 0)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    def _failed(self, failure: DbFailure, generation: int | None) -> None:
        self._finished()
        if generation is not None and generation != self._generation:
            return
        self.status.setText("")
        self._show_problem(failure.message)

    def _show_problem(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.setText(text)
        self.message.show()

    def _update_buttons(self) -> None:
        kept = len(self.table.checked_rows())
        selectable = any(not c.already_contact for c in self.candidates)
        self.count.setText(self.tr("%n personne(s) cochée(s)", "", kept) if self.candidates else "")
        self.create_button.setEnabled(kept > 0 and not self.busy)
        self.check_all.setEnabled(selectable)
        self.uncheck_all.setEnabled(selectable)
        self.recompute.setEnabled(self.roster_path is not None and self._window_typed)

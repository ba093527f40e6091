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

Signals:
    contacts_created(int): fiches created or linked to the patient zéro.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.contact_finder import Candidate, FinderError, Motive, Window
from app.core.rosters import RosterError
from app.core.sheets import SheetError
from app.core.timefmt import format_date
from app.db.connection import Database
from app.services.contact_finder import (
    ROTA,
    CandidateList,
    Created,
    build_candidates,
    create_contacts,
    file_of,
)
from app.ui.forms.fields import ERROR_COLOR, MessageLabel, parse_date, translate
from app.workers.db_thread import DbFailure, DbThread

#: The program's settings keys: the folder of the last file chosen, never its name.
ROSTER_FOLDER_KEY = "contact_finder/residents_folder"
ROTA_FOLDER_KEY = "contact_finder/rota_folder"
#: At most this many problems of a bad file are listed (the others are counted).
MAX_PROBLEMS_SHOWN = 12

COLUMNS = (
    "keep",
    "last_name",
    "first_name",
    "birth_date",
    "status",
    "motive",
    "already",
    "days",
)


def _settings() -> QSettings | None:
    """The program's QSettings (user scope), once ``configure_application`` named it."""
    if not QCoreApplication.organizationName():
        return None
    return QSettings()


def motive_text(motive: Motive) -> str:
    labels = {
        Motive.ROOM: translate("contact_finder", "même chambre"),
        Motive.TABLE: translate("contact_finder", "même table"),
        Motive.STAFF: translate("contact_finder", "personnel de l’unité"),
        Motive.TEAM: translate("contact_finder", "même équipe"),
        Motive.UNIT: translate("contact_finder", "même unité"),
    }
    return labels[motive]


def status_text(status: str) -> str:
    if status == "personnel":
        return translate("contact_finder", "personnel")
    return translate("contact_finder", "résident")


def compact_days(days: Sequence[date]) -> str:
    """``jj/mm`` of each day, consecutive days as one range: « 24/11–26/11, 28/11 »."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    parts = []
    for first, last in runs:
        text = first.strftime("%d/%m")
        if last != first:
            text += "–" + last.strftime("%d/%m")
        parts.append(text)
    return ", ".join(parts)


# -- the jobs (database thread; no widget) ------------------------------------------
@dataclass(frozen=True, slots=True)
class Built:
    """What a build job returns: the candidates, or the French reason there are none."""

    candidates: CandidateList | None
    problem: str = ""


def _read(path: Path) -> bytes:
    """The file's bytes (in memory only); ``OSError`` carries a French message."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        message = translate(
            "contact_finder",
            "Le fichier «\u202f{name}\u202f» est introuvable\u00a0: il a été déplacé ou "
            "supprimé. Choisissez-le à nouveau.",
        )
    except OSError:
        message = translate(
            "contact_finder",
            "Le fichier «\u202f{name}\u202f» ne peut pas être lu (ouvert dans un autre "
            "programme, ou accès refusé). Fermez-le puis réessayez.",
        )
    raise OSError(message.format(name=path.name))


def sheet_error_text(exc: SheetError) -> str:
    """A :class:`SheetError` in French (its template translated, context "core")."""
    text = QCoreApplication.translate("core", exc.template).format(**exc.params)
    if exc.line is not None and "{line}" not in exc.template:
        text = translate("contact_finder", "ligne {line}\u00a0: {problem}").format(
            line=exc.line, problem=text
        )
    return text


def problem_text(exc: RosterError | SheetError, what: str) -> str:
    """The French message of a bad file, its bad lines listed (at most a dozen)."""
    head = translate(
        "contact_finder", "{file}\u00a0: le fichier n’a pas été pris en compte."
    ).format(file=what)
    if isinstance(exc, SheetError):
        return f"{head}\n{sheet_error_text(exc)}"
    lines = [
        translate("contact_finder", "ligne {line}\u00a0: {problem}").format(
            line=line, problem=problem
        )
        for line, problem in exc.problems[:MAX_PROBLEMS_SHOWN]
    ]
    more = len(exc.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(translate("contact_finder", "… et %n autre(s) problème(s).", "", more))
    return "\n".join([head, *lines])


def build_job(
    db: Database,
    user: str,
    pz_uuid: str,
    roster: Path,
    rota: Path | None,
    window: Window | None,
) -> Built:
    """Read the files (bytes, in memory) and build the candidates, on the database thread."""
    try:
        roster_bytes = _read(roster)
        rota_arg = (_read(rota), rota.name) if rota is not None else None
    except OSError as exc:
        return Built(None, str(exc))
    try:
        result = build_candidates(
            db, user, pz_uuid, (roster_bytes, roster.name), rota_arg, window=window
        )
    except FinderError as exc:
        return Built(None, str(exc))
    except (RosterError, SheetError) as exc:
        if rota_arg is None or file_of(exc) != ROTA:
            what = translate("contact_finder", "Fichier des résidents «\u202f{name}\u202f»")
            return Built(None, problem_text(exc, what.format(name=roster.name)))
        what = translate("contact_finder", "Planning du personnel «\u202f{name}\u202f»")
        return Built(None, problem_text(exc, what.format(name=rota_arg[1])))
    return Built(result)


def create_job(db: Database, user: str, pz_uuid: str, kept: list[Candidate]) -> Created:
    return create_contacts(db, user, pz_uuid, kept)


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

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("candidates")
        self.table.setAccessibleName(self.tr("Personnes proposées"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Garder"),
                self.tr("Nom"),
                self.tr("Prénom"),
                self.tr("Date de naissance"),
                self.tr("Statut"),
                self.tr("Motif"),
                self.tr("Déjà contact"),
                self.tr("Jours partagés"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("days"), QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.table.setMinimumHeight(160)
        self.table.itemChanged.connect(self._item_changed)

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
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(self.candidates))
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row, candidate in enumerate(self.candidates):
            person = candidate.person
            days = list(candidate.days)
            values = [
                "",
                person.last_name,
                person.first_name,
                format_date(person.birth_date),
                status_text(candidate.status),
                motive_text(candidate.motive),
                self.tr("oui") if candidate.already_contact else "",
                compact_days(days),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if column == 0 and not candidate.already_contact:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                if candidate.already_contact:
                    item.setForeground(grey)
                item.setFlags(flags)
                if COLUMNS[column] == "days":
                    item.setToolTip(", ".join(format_date(d) for d in days))
                table.setItem(row, column, item)
            keep = table.item(row, 0)
            assert keep is not None
            if candidate.already_contact:
                keep.setToolTip(self.tr("Déjà personne contact de ce patient zéro"))
            else:
                on = candidate.rank == 1 if ticked is None else row in ticked
                keep.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                keep.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Garder"))
        table.blockSignals(False)
        self._fit_columns()
        self._update_buttons()

    def _fit_columns(self) -> None:
        for index, name in enumerate(COLUMNS):
            if name != "days":  # the days take the room left (elided, full list in a tooltip)
                self.table.resizeColumnToContents(index)

    # -- ticking ---------------------------------------------------------------------
    def is_checked(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.table.item(row, 0)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all_checked(self, checked: bool) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.set_checked(row, checked)
        self.table.blockSignals(False)
        self._update_buttons()

    def kept(self) -> list[Candidate]:
        return [c for row, c in enumerate(self.candidates) if self.is_checked(row)]

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self._update_buttons()

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
        still = {
            r for r, c in enumerate(self.candidates) if self.is_checked(r) and id(c) not in done
        }
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
        kept = sum(1 for row in range(self.table.rowCount()) if self.is_checked(row))
        selectable = any(not c.already_contact for c in self.candidates)
        self.count.setText(self.tr("%n personne(s) cochée(s)", "", kept) if self.candidates else "")
        self.create_button.setEnabled(kept > 0 and not self.busy)
        self.check_all.setEnabled(selectable)
        self.uncheck_all.setEnabled(selectable)
        self.recompute.setEnabled(self.roster_path is not None and self._window_typed)

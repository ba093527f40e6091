"""Contacts typed in a spreadsheet: one row per person, checked cell by cell.

The columns (``contacts import`` and the « Saisie en tableau » grid) are
``nom;prenom;date_naissance;telephone;date_dernier_contact``, optionally
``unite;chambre;statut``. A row becomes a :class:`ContactRow` or problems
naming the column, in French, never quoting a name or a number (the
messages go to a terminal and to tooltips). The draft checks of the forms
(:func:`check_draft`) run on the contact each row makes, so a row refused
here is refused by the form too, with the same words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.core import identifiers as ids
from app.core.dates import parse_date
from app.core.enums import EstablishmentStatus
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.models import Contact, EstablishmentPlace, Exposition
from app.core.sheets import SheetRow
from app.core.text import fold
from app.core.validation import check_draft

#: Required columns, in the order of the grid.
REQUIRED = ("nom", "prenom", "date_naissance", "telephone", "date_dernier_contact")
OPTIONAL = ("unite", "chambre", "statut")
COLUMNS = REQUIRED + OPTIONAL
#: French header of each column (the grid's headers; a pasted header line may use them).
COLUMN_LABELS: Mapping[str, str] = {
    "nom": QT_TRANSLATE_NOOP("core", "Nom"),
    "prenom": QT_TRANSLATE_NOOP("core", "Prénom"),
    "date_naissance": QT_TRANSLATE_NOOP("core", "Date de naissance"),
    "telephone": QT_TRANSLATE_NOOP("core", "Téléphone"),
    "date_dernier_contact": QT_TRANSLATE_NOOP("core", "Date du dernier contact"),
    "unite": QT_TRANSLATE_NOOP("core", "Unité"),
    "chambre": QT_TRANSLATE_NOOP("core", "Chambre"),
    "statut": QT_TRANSLATE_NOOP("core", "Statut"),
}

T_DATE = QT_TRANSLATE_NOOP("core", "{field}\u00a0: date illisible (attendu jj/mm/aaaa).")
T_PHONE = QT_TRANSLATE_NOOP(
    "core",
    "{field}\u00a0: numéro non reconnu (un numéro étranger commence par +).",
)
T_STATUS = QT_TRANSLATE_NOOP("core", "{field}\u00a0: statut inconnu (admis\u00a0: {allowed}).")
T_NO_NAME = QT_TRANSLATE_NOOP("core", "{field}\u00a0: à renseigner (avec le prénom).")
T_TOO_LONG = QT_TRANSLATE_NOOP("core", "{field}\u00a0: texte trop long.")
T_ROW = QT_TRANSLATE_NOOP("core", "ligne {line}\u00a0: {problem}")

MAX_TEXT = 200

_STATUS_WORDS: dict[str, EstablishmentStatus] = {
    "patient": EstablishmentStatus.INPATIENT,
    "hospitalise": EstablishmentStatus.INPATIENT,
    "personnel": EstablishmentStatus.STAFF,
    "professionnel": EstablishmentStatus.STAFF,
    "soignant": EstablishmentStatus.STAFF,
    "salarie": EstablishmentStatus.STAFF,
    "intervenant": EstablishmentStatus.EXTERNAL_WORKER,
}
#: Where each path of a draft check lands in the grid.
_PATH_COLUMNS = (
    ("nom_naissance", "nom"),
    ("nom_usage", "nom"),
    ("prenoms", "prenom"),
    ("date_naissance", "date_naissance"),
    ("telephones", "telephone"),
    ("expositions", "date_dernier_contact"),
    ("etablissement.unite", "unite"),
    ("etablissement.chambre", "chambre"),
    ("etablissement", "statut"),
)


#: A person as the duplicate rules compare them: folded name, first name, birth date.
Key = tuple[str, str, date | None]


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One good row: a person and the day of their last contact with the patient zéro."""

    line: int
    last_name: str
    first_name: str
    birth_date: date | None
    phone: str  # E.164 or ""
    last_contact: date | None
    unit: str
    room: str
    status: EstablishmentStatus | None

    def key(self) -> Key:
        """Same person (as the duplicate rules): folded name, first name, birth date."""
        return (fold(self.last_name), fold(self.first_name), self.birth_date)


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A problem of one cell (*column* is its key; ``""`` for the row as a whole)."""

    column: str
    message: str


def column_label(column: str) -> str:
    return COLUMN_LABELS.get(column, column)


def parse_day(text: str) -> date | None:
    """A day as ``app.core.dates`` reads it; ``""`` → None; ``ValueError`` else.

    A time after the date (a spreadsheet's ``jj/mm/aaaa 00:00``) is ignored.
    """
    return parse_date(text, time_ignored=True)


def parse_status(text: str) -> EstablishmentStatus | None:
    """A status by its value or French label (or a usual word: personnel, soignant…)."""
    folded = fold(text)
    if not folded:
        return None
    for member in EstablishmentStatus:
        if folded in (fold(member.value), fold(member.label)):
            return member
    for word, member in _STATUS_WORDS.items():
        if folded.startswith(word):
            return member
    raise ValueError("unknown status")


def check_row(
    line: int, values: Mapping[str, str], today: date | None = None
) -> tuple[ContactRow | None, list[CellProblem]]:
    """The row, or the problems of its cells; with *today*, the form's draft checks too."""
    problems: list[CellProblem] = []

    def cell(column: str) -> str:
        text = " ".join((values.get(column) or "").split())
        if len(text) > MAX_TEXT:
            problems.append(_problem(column, T_TOO_LONG))
            return ""
        return text

    last_name, first_name = cell("nom"), cell("prenom")
    unit, room = cell("unite"), cell("chambre")
    birth_date = _date_cell(cell("date_naissance"), "date_naissance", problems)
    last_contact = _date_cell(cell("date_dernier_contact"), "date_dernier_contact", problems)
    phone = ""
    raw_phone = cell("telephone")
    if raw_phone:
        try:
            phone = ids.parse_phone(raw_phone)
        except ids.IdentifierError:
            problems.append(_problem("telephone", T_PHONE))
    status: EstablishmentStatus | None = None
    try:
        status = parse_status(cell("statut"))
    except ValueError:
        allowed = ", ".join(m.label for m in EstablishmentStatus)
        problems.append(_problem("statut", T_STATUS, allowed=allowed))
    if not last_name and (first_name or birth_date is not None):
        problems.append(_problem("nom", T_NO_NAME))
    row = ContactRow(
        line, last_name, first_name, birth_date, phone, last_contact, unit, room, status
    )
    if today is not None and not problems:
        for issue in check_draft(to_contact(row, ""), today):
            if issue.is_error and not issue.path.endswith("patient_zero_uuid"):
                problems.append(CellProblem(_column_of(issue.path), issue.message))
    return (None if problems else row), problems


def parse_contact_rows(
    rows: Sequence[SheetRow], *, today: date | None = None
) -> tuple[list[ContactRow], list[tuple[int, str]]]:
    """The good rows, and every problem as (line, French message « Colonne\u00a0: … »)."""
    good: list[ContactRow] = []
    bad: list[tuple[int, str]] = []
    for sheet_row in rows:
        row, problems = check_row(sheet_row.line, sheet_row.values, today)
        if row is not None:
            good.append(row)
        bad.extend((sheet_row.line, p.message) for p in problems)
    return good, bad


def row_message(line: int, message: str) -> str:
    """« ligne N\u00a0: … » (the command line's and the report's form of a problem)."""
    return T_ROW.format(line=line, problem=message)


def to_contact(row: ContactRow, patient_zero_uuid: str) -> Contact:
    """A new draft contact for *row*, exposed to *patient_zero_uuid* on its last-contact day."""
    return Contact(
        birth_name=row.last_name,
        first_names=row.first_name,
        birth_date=row.birth_date,
        phones=[row.phone] if row.phone else [],
        establishment=EstablishmentPlace(status=row.status, unit=row.unit, room=row.room),
        expositions=[exposition_for(row, patient_zero_uuid)],
    )


def exposition_for(row: ContactRow, patient_zero_uuid: str) -> Exposition:
    return Exposition(patient_zero_uuid=patient_zero_uuid, last_contact=row.last_contact)


def person_key(row: ContactRow) -> Key:
    """:meth:`ContactRow.key`, or ``("", phone, None)`` for a row that gives a phone only."""
    key = row.key()
    if not any(key[:2]) and key[2] is None:
        return ("", row.phone, None)
    return key


def merge_rows(rows: Sequence[ContactRow]) -> list[ContactRow]:
    """One row per person (:meth:`ContactRow.key`): the first row, completed by the others.

    The latest last-contact day wins; an empty cell takes the value of another row.
    """
    merged: dict[Key, ContactRow] = {}
    for row in rows:
        key = person_key(row)
        first = merged.get(key)
        if first is None:
            merged[key] = row
            continue
        last = max(
            (d for d in (first.last_contact, row.last_contact) if d is not None), default=None
        )
        merged[key] = ContactRow(
            first.line,
            first.last_name,
            first.first_name,
            first.birth_date,
            first.phone or row.phone,
            last,
            first.unit or row.unit,
            first.room or row.room,
            first.status or row.status,
        )
    return list(merged.values())


def _problem(column: str, template: str, **params: str) -> CellProblem:
    return CellProblem(column, template.format(field=column_label(column), **params))


def _date_cell(text: str, column: str, problems: list[CellProblem]) -> date | None:
    try:
        return parse_day(text)
    except ValueError:
        problems.append(_problem(column, T_DATE))
        return None


def _column_of(path: str) -> str:
    for prefix, column in _PATH_COLUMNS:
        if path.startswith(prefix):
            return column
    return ""

"""The export service: référent only, journaled, registered for the purge.

Both the window (through the database thread) and ``tracing-desk export``
call :func:`export_excel` and :func:`export_pseudonymised`. Each one:

1. checks the right to export (:func:`app.db.permissions.require`: the role is
   read from the accounts, never trusted from the caller);
2. writes the file beside its destination under a random temporary name
   (``O_EXCL``/``O_NOFOLLOW``, mode 0600) and renames it into place
   (``app.files.AtomicFile``), so that a failure leaves no partial file and a
   link or someone else's file planted at the destination is replaced, never
   written through (journaled with the file's UUID);
3. registers it for the purge (``app.db.exported_files.register_export``: it
   is deleted at the earliest deadline of the fiches it holds) and journals
   the export: one entry for the file, one per fiche (UUIDs only).

A failure while writing removes the temporary file; the message says what
happened without quoting any data.
"""

from __future__ import annotations

import csv
import io
import logging
import uuid as uuid_mod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from app.core.accounts import Permission
from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.core.errors import UserError
from app.core.models import AnyFiche, Contact
from app.db import journal
from app.db.connection import Database
from app.db.exported_files import journal_planted_export, register_export
from app.db.permissions import Session, require
from app.db.repositories import FicheRepository
from app.db.timefmt import to_db
from app.exports.tables import Table, legacy_tables, pseudonymised_table
from app.files import AtomicFile, PathKind

log = logging.getLogger(__name__)

KIND_EXCEL = "excel"
KIND_PSEUDONYMISED = "pseudonymise"
Format = Literal["xlsx", "csv"]


class ExportError(UserError):
    """The export file could not be written (French message, no data quoted): not a store error."""

    code = "export"
    context = "db"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    fiches: int
    rows: int
    file_uuid: str | None


def _user(user: str | Session) -> str:
    return user.login if isinstance(user, Session) else user


def _load(db: Database, user: str, fiche_uuids: Sequence[str] | None) -> list[AnyFiche]:
    repo = FicheRepository(db, user)
    if fiche_uuids is None:
        return list(repo.iter_fiches())
    wanted = set(fiche_uuids)
    return [f for f in repo.iter_fiches() if f.uuid in wanted]


def export_excel(
    db: Database,
    user: str | Session,
    path: Path,
    *,
    fiche_uuids: Sequence[str] | None = None,
) -> ExportResult:
    """The legacy Excel file (patients zéro sheet, contacts sheet): référent only."""
    login = _user(user)
    require(db, login, Permission.EXPORT)
    fiches = _load(db, login, fiche_uuids)
    tables = legacy_tables(fiches)
    replaced = _write(Path(path), "xlsx", tables)
    rows = sum(len(t.rows) for t in tables)
    return _register(db, login, Path(path), fiches, KIND_EXCEL, rows, replaced)


def export_pseudonymised(
    db: Database,
    user: str | Session,
    path: Path,
    *,
    fmt: Format | None = None,
    fiche_uuids: Sequence[str] | None = None,
) -> ExportResult:
    """The pseudonymised export (CSV or XLSX, from *fmt* or the file's suffix): référent only."""
    login = _user(user)
    require(db, login, Permission.EXPORT)
    path = Path(path)
    chosen: Format = fmt or ("csv" if path.suffix.lower() == ".csv" else "xlsx")
    fiches = _load(db, login, fiche_uuids)
    pseudonyms = pseudonyms_for(db, _people(fiches))
    table = pseudonymised_table(fiches, pseudonyms)
    replaced = _write(path, chosen, (table,))
    return _register(db, login, path, fiches, KIND_PSEUDONYMISED, len(table.rows), replaced)


def _people(fiches: Iterable[AnyFiche]) -> list[str]:
    uuids: list[str] = []
    for fiche in fiches:
        uuids.append(fiche.uuid)
        if isinstance(fiche, Contact):
            uuids.extend(e.patient_zero_uuid for e in fiche.expositions)
    return uuids


def pseudonyms_for(db: Database, fiche_uuids: Iterable[str]) -> dict[str, str]:
    """Each fiche's stable pseudonym (a random UUID, created at its first export).

    Random, not derived from the identity: only this database links it back
    to the fiche, and it is deleted with the fiche.
    """
    wanted = sorted(set(fiche_uuids))
    found: dict[str, str] = {}
    with db.transaction() as cur:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            cur.execute(
                f"SELECT fiche_uuid, pseudonym FROM pseudonyms WHERE fiche_uuid IN ({marks})",
                chunk,
            )
            found.update((str(a), str(b)) for a, b in cur.fetchall())
            cur.execute(f"SELECT uuid FROM fiches WHERE uuid IN ({marks})", chunk)
            stored = {str(r[0]) for r in cur.fetchall()}
            new = [(u, str(uuid_mod.uuid4())) for u in chunk if u not in found and u in stored]
            cur.executemany("INSERT INTO pseudonyms (fiche_uuid, pseudonym) VALUES (?, ?)", new)
            found.update(new)
    return found


# ------------------------------------------------------------------- writing


def _write(path: Path, fmt: Format, tables: Sequence[Table]) -> PathKind:
    """Write the file through ``app.files.AtomicFile``; returns what was at *path* before."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"Le dossier de destination n’existe pas : {directory}")
    try:
        with AtomicFile(path, role="export") as out:
            if fmt == "csv":
                _write_csv(out.file, tables[0])
            else:
                _write_xlsx(out.file, tables)
    except OSError as exc:
        log.warning("export write failed", extra={"event": "export", "error": type(exc).__name__})
        raise ExportError(
            f"Impossible d’écrire le fichier d’export ({exc.strerror or type(exc).__name__}) : "
            "aucun fichier n’a été créé."
        ) from None
    return out.replaced


def _write_csv(handle: BinaryIO, table: Table) -> None:
    # UTF-8 with a byte-order mark and ";": how French spreadsheets open CSV files.
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    text.flush()
    text.detach()


def _write_xlsx(handle: BinaryIO, tables: Sequence[Table]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.title)
        bold = Font(bold=True)
        header = []
        for title in table.header:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            # Every value is text, already neutralised: none starts with "=".
            sheet.append(row)
        sheet.freeze_panes = "A2"
    book.save(handle)


# ------------------------------------------------------------ registry, journal


def _register(
    db: Database,
    user: str,
    path: Path,
    fiches: Sequence[AnyFiche],
    kind: str,
    rows: int,
    replaced: PathKind = PathKind.ABSENT,
) -> ExportResult:
    uuids = [f.uuid for f in fiches]
    file_uuid = register_export(db, path, uuids, kind=kind, user=user)
    if replaced.planted:  # the file's role and UUID only: the folder may be personal
        journal_planted_export(db, user, kind, file_uuid)
    if file_uuid is None:  # no fiche in it: nothing personal to delete later
        with db.transaction() as cur:
            journal.append(
                cur, get_clock().now(), user, JournalAction.EXPORT, None, f"{kind} 0 fiche"
            )
    else:
        stamp = to_db(get_clock().now())
        with db.transaction() as cur:
            journal.append_many(
                cur,
                [
                    journal.JournalEntry(
                        stamp, user, JournalAction.EXPORT, u, f"{kind} fichier {file_uuid}"
                    )
                    for u in uuids
                ],
            )
    log.info("export written", extra={"event": "export", "kind": kind, "fiches": len(uuids)})
    return ExportResult(path, len(uuids), rows, file_uuid)

"""``tracing-desk contacts …``: a patient zéro's contacts in bulk.

- ``contacts candidates --patient-zero UUID --roster FILE [--rota FILE]
  [--until JJ/MM/AAAA] [--json]``: the contact finder
  (:mod:`app.services.contact_finder`), printed as a table or as JSON. The
  files are read into memory (``Path.read_bytes``) and nothing is written:
  no fiche, no copy; the journal records the consultation with counts only.

Exit codes: 0, 2 (the store refused: unknown fiche, wrong key…), 64 (usage:
a date or a path that cannot be read), 65 (a bad file, every bad line
reported as « ligne N : … », or a fiche that gives no window), 77 (sign-in
refused).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli._common import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, add_user_argument, err, signed_in
from app.core.contact_finder import Candidate, FinderError, FinderResult, Motive
from app.core.rosters import RosterError, parse_day
from app.core.sheets import SheetError


class _Usage(Exception):
    """A usage problem whose French message was printed."""


def _read(path: str, what: str) -> tuple[bytes, str]:
    """The bytes of *path* (never copied anywhere) and its name, for the sheet reader."""
    file = Path(path)
    try:
        return file.read_bytes(), file.name
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            reason = "il n’existe pas"
        elif isinstance(exc, IsADirectoryError):
            reason = "c’est un dossier"
        elif isinstance(exc, PermissionError):
            reason = "accès refusé"
        else:
            reason = "erreur de lecture"
        err(f"Impossible de lire le fichier {what} «\u202f{path}\u202f»\u00a0: {reason}.")
        raise _Usage from None


def _until(text: str | None) -> date | None:
    if text is None:
        return None
    day = parse_day(text)
    if day is None:
        err(f"--until\u00a0: date illisible «\u202f{text}\u202f» (jj/mm/aaaa).")
        raise _Usage
    return day


def _bad_file(exc: RosterError | SheetError) -> int:
    """Every problem of a file on stderr, line by line; nothing was created."""
    from app.services.contact_finder import file_of

    which = file_of(exc) or "fichier"
    if isinstance(exc, RosterError):
        for line in str(exc).splitlines():
            err(f"{which}, {line}")
        count = len(exc.problems)
    else:
        message = str(exc)
        err(f"{which}, {message[:1].lower()}{message[1:]}")
        count = 1
    err(f"{which}\u00a0: {count} problème(s), rien n’a été créé.")
    return EXIT_DATA_ERROR


def candidates_json(pz_uuid: str, result: FinderResult) -> dict[str, Any]:
    """The ``--json`` document (dates ISO 8601), candidates in the finder's order."""
    return {
        "patient_zero": pz_uuid,
        "fenetre": {
            "debut": result.window.start.isoformat(),
            "fin": result.window.end.isoformat(),
        },
        "candidats": [
            {
                "nom": c.person.last_name,
                "prenom": c.person.first_name,
                "date_naissance": c.person.birth_date.isoformat(),
                "statut": c.status,
                "motif": c.motive.value,
                "rang": c.rank,
                "jours": [d.isoformat() for d in c.days],
                "deja_contact": c.already_contact,
            }
            for c in result.candidates
        ],
    }


_FOUND = {
    "resident": "trouvé(e) parmi les résidents",
    "personnel": "trouvé(e) dans le planning du personnel",
    "fiche": "absent(e) des fichiers\u00a0: unité et chambre de sa fiche",
}
_HEADERS = (
    "Rang",
    "Motif",
    "Statut",
    "Nom",
    "Prénom",
    "Naissance",
    "Unité",
    "Chambre",
    "Jours",
    "Dernier jour",
    "Déjà contact",
)


_MOTIVES = {
    Motive.ROOM: "chambre",
    Motive.TABLE: "table",
    Motive.STAFF: "personnel",
    Motive.UNIT: "unité",
    Motive.TEAM: "équipe",
}
_STATUSES = {"resident": "résident", "personnel": "personnel"}


def _row(c: Candidate) -> tuple[str, ...]:
    return (
        str(c.rank),
        _MOTIVES[c.motive],
        _STATUSES[c.status],
        c.person.last_name,
        c.person.first_name,
        c.person.birth_date.strftime("%d/%m/%Y"),
        c.unit,
        c.room,
        str(len(c.days)),
        c.days[-1].strftime("%d/%m/%Y"),
        "oui" if c.already_contact else "",
    )


def print_table(result: FinderResult, rows_read: int) -> None:
    window = result.window
    print(
        f"Fenêtre de contagiosité\u00a0: du {window.start:%d/%m/%Y} au {window.end:%d/%m/%Y}"
        f" — patient zéro {_FOUND[result.subject_found]}"
    )
    print(f"{rows_read} ligne(s) lue(s), {len(result.candidates)} candidat(s).")
    if not result.candidates:
        return
    table = [_HEADERS, *(_row(c) for c in result.candidates)]
    widths = [max(len(r[i]) for r in table) for i in range(len(_HEADERS))]
    print()
    for r in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


def cmd_candidates(args: argparse.Namespace) -> int:
    from app.services.contact_finder import build_candidates

    try:
        until = _until(args.until)
        roster = _read(args.roster, "des résidents")
        rota = _read(args.rota, "du planning") if args.rota else None
    except _Usage:
        return EXIT_USAGE
    with signed_in(args) as (db, actor):
        try:
            found = build_candidates(db, actor, args.patient_zero, roster, rota, until=until)
        except (RosterError, SheetError) as exc:
            return _bad_file(exc)
        except FinderError as exc:
            err(str(exc))
            return EXIT_DATA_ERROR
    if args.json:
        print(
            json.dumps(
                candidates_json(args.patient_zero, found.result), ensure_ascii=False, indent=2
            )
        )
    else:
        print_table(found.result, found.rows_read)
    return EXIT_OK


def _count(n: int, one: str, many: str) -> str:
    """« 0 fiche créée », « 1 fiche créée », « 2 fiches créées » (French: singular up to 1)."""
    return f"{n} {one if n <= 1 else many}"


def cmd_import(args: argparse.Namespace) -> int:
    """``contacts import``: contacts from a CSV/XLSX, all or nothing (``contact_import``)."""
    from app.core.contact_rows import OPTIONAL, REQUIRED, parse_contact_rows, row_message
    from app.core.sheets import read_sheet
    from app.services.contact_import import NotAPatientZero, import_contacts

    try:
        data, name = _read(args.file, "des contacts")
    except _Usage:
        return EXIT_USAGE
    try:
        rows, problems = parse_contact_rows(read_sheet(data, name, REQUIRED, OPTIONAL))
    except SheetError as exc:
        rows, problems = [], [(0, str(exc))]  # its message names the line already
    if not problems:
        with signed_in(args) as (db, actor):
            try:
                report = import_contacts(db, actor, args.patient_zero, rows, dry_run=args.dry_run)
            except NotAPatientZero as exc:
                err(str(exc))
                return EXIT_DATA_ERROR
        problems = list(report.problems)
    if problems:
        for line, message in problems:
            err(row_message(line, message) if line else message)
        err(f"{len(problems)} problème(s)\u00a0: aucune fiche créée ni liée.")
        return EXIT_DATA_ERROR
    summary = (
        f"{_count(report.created, 'fiche créée', 'fiches créées')}, "
        f"{_count(report.linked, 'liée', 'liées')}, "
        f"{_count(report.unchanged, 'déjà liée', 'déjà liées')}."
    )
    if args.dry_run:
        summary = f"Essai (--dry-run), rien n’a été enregistré\u00a0: {summary}"
    print(summary)
    return EXIT_OK


def register(sub: Any, common: argparse.ArgumentParser | None = None) -> None:
    """Register ``contacts`` and its sub-commands on the subparsers *sub* of ``tracing-desk``."""
    parents = [common] if common is not None else []
    contacts = sub.add_parser(
        "contacts",
        parents=parents,
        help="personnes contact en nombre\u00a0: liste des candidats, import d’un tableau",
    )
    contacts.set_defaults(handler=lambda _args: _no_subcommand(contacts))
    contacts_sub = contacts.add_subparsers(dest="contacts_command", metavar="SOUS-COMMANDE")

    p = contacts_sub.add_parser(
        "candidates",
        parents=parents,
        help="construit la liste des contacts d’un patient zéro à partir de la liste des "
        "résidents et du planning (rien n’est créé)",
    )
    p.add_argument("--patient-zero", required=True, metavar="UUID", help="fiche du patient zéro")
    p.add_argument(
        "--roster",
        required=True,
        metavar="FICHIER",
        help="séjours des résidents (CSV ou .xlsx\u00a0: nom, prenom, date_naissance, unite, "
        "chambre, table, arrivee, depart)",
    )
    p.add_argument(
        "--rota",
        metavar="FICHIER",
        help="planning du personnel (CSV ou .xlsx\u00a0: nom, prenom, date_naissance, unite, "
        "debut, fin)",
    )
    p.add_argument(
        "--until",
        metavar="JJ/MM/AAAA",
        help="dernier jour de la fenêtre de contagiosité (par défaut\u00a0: aujourd’hui)",
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    add_user_argument(p)
    p.set_defaults(handler=cmd_candidates)

    p = contacts_sub.add_parser(
        "import",
        parents=parents,
        help="crée ou lie les contacts d’un patient zéro depuis un tableau (tout ou rien)",
    )
    p.add_argument("--patient-zero", required=True, metavar="UUID", help="fiche du patient zéro")
    p.add_argument(
        "file",
        metavar="FICHIER",
        help="CSV ou .xlsx\u00a0: nom, prenom, date_naissance, telephone, date_dernier_contact "
        "(et, au choix, unite, chambre, statut)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="vérifie et compte, sans rien enregistrer"
    )
    add_user_argument(p)
    p.set_defaults(handler=cmd_import)


def _no_subcommand(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE

"""Commands of access control: ``export``, ``journal`` and ``forget``.

The exports and the journal are restricted: how the command line signs in is
told in :mod:`app.cli._common`.

``forget --yes`` needs no account: it only deletes, and whoever can run it
can already delete the data folder; what it adds is removing the keyring
entries (the uninstaller runs it).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import paths
from app.cli._common import (
    EXIT_DATA_ERROR,
    EXIT_DENIED,
    EXIT_OK,
    EXIT_USAGE,
    REFERENT_HELP,
    actor,
    add_user_argument,
    denied,
    err,
    open_db,
)

if TYPE_CHECKING:
    from app.db.forget import ForgetPlan


def cmd_export(args: argparse.Namespace) -> int:
    from app.db.permissions import PermissionDenied
    from app.exports.service import export_excel, export_pseudonymised

    out = Path(args.out)
    db = open_db()
    try:
        who = actor(args, db)
        if who is None:
            return EXIT_DENIED
        try:
            if args.kind == "excel":
                if out.suffix.lower() != ".xlsx":
                    err("Le fichier Excel doit avoir l’extension .xlsx.")
                    return EXIT_USAGE
                result = export_excel(db, who, out)
            else:
                result = export_pseudonymised(db, who, out, fmt=args.format)
        except PermissionDenied as exc:
            return denied(exc)
    finally:
        db.close()
    fiches = "fiche" if result.fiches < 2 else "fiches"  # French: 0 and 1 are singular
    rows = "ligne exportée" if result.rows < 2 else "lignes exportées"
    print(f"{result.fiches} {fiches}, {result.rows} {rows} dans {out}.")
    if result.file_uuid:
        print(
            "Ce fichier sera supprimé automatiquement à l’échéance de conservation "
            "de la plus ancienne fiche qu’il contient."
        )
    return EXIT_OK


def _parse_day(text: str | None) -> date | None:
    """``jj/mm/aaaa`` (``app.core.dates``); ``DateError`` (French) for anything else."""
    from app.core.dates import parse_date

    return parse_date(text or "")


def cmd_journal(args: argparse.Namespace) -> int:
    from app.core.dates import display_zone_name, format_datetime
    from app.core.enums import JournalAction
    from app.db.journal import verify
    from app.db.journal_view import JournalFilter, query_journal
    from app.db.permissions import PermissionDenied

    try:
        action = JournalAction(args.action) if args.action else None
        flt = JournalFilter(args.by or "", action, _parse_day(args.since), _parse_day(args.until))
    except ValueError as exc:
        err(str(exc) if "Date" in str(exc) else f"Action inconnue « {args.action} ».")
        return EXIT_USAGE
    db = open_db()
    try:
        who = actor(args, db)
        if who is None:
            return EXIT_DENIED
        try:
            total, lines = query_journal(db, who, flt, limit=args.limit, tz=display_zone_name())
        except PermissionDenied as exc:
            return denied(exc)
        chain = verify(db)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                {
                    "total": total,
                    "chain_ok": chain.ok,
                    "entries": [
                        {
                            "id": line.id,
                            "at": line.at.isoformat(),
                            "user": line.user,
                            "action": line.action_value,
                            "fiche_uuid": line.fiche_uuid,
                            "detail": line.detail,
                        }
                        for line in lines
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for line in lines:
            label = line.action.label if line.action else line.action_value
            when = format_datetime(line.at, seconds=True)
            print(f"{when}  {line.user:20} {label:20} {line.fiche_uuid or '':36} {line.detail}")
        print(f"{len(lines)} entrée(s) affichée(s) sur {total}.")
        if not chain.ok:
            print("ATTENTION : le chaînage du journal est rompu (journal modifié).")
    return EXIT_OK if chain.ok else EXIT_DATA_ERROR


def cmd_forget(args: argparse.Namespace) -> int:
    from app.db.forget import forget_station
    from app.logging_setup import shutdown_logging

    if not args.yes:
        err(
            "« Oublier ce poste » supprime définitivement la clé du trousseau et toutes les "
            "données de ce poste (fiches non transmises comprises) ; le code de récupération "
            "n’ouvrira plus rien. Relancez avec --yes pour confirmer."
        )
        return EXIT_USAGE
    directory = paths.data_dir(create=False)
    plan = _plan_if_readable()
    shutdown_logging()
    report = forget_station(directory, plan)
    print(f"Poste oublié : {report.removed} fichier(s) supprimé(s).")
    if report.failures:
        err("Non supprimé(s) : " + ", ".join(report.failures))
        return EXIT_DATA_ERROR
    return EXIT_OK


def _plan_if_readable() -> ForgetPlan:
    """Registered exports and the sync token's keyring entry, if the database opens."""
    from app.core.settings import SYNC_SERVER_URL
    from app.db.errors import StoreError
    from app.db.forget import ForgetPlan, collect_plan
    from app.db.settings_store import SettingsStore
    from app.sync.config import token_entry

    try:
        db = open_db()
    except StoreError:
        return ForgetPlan(0, 0)
    try:
        url = SettingsStore(db, "").get(SYNC_SERVER_URL)
        return collect_plan(db, [token_entry(url)] if url else [])
    finally:
        db.close()


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``export``, ``journal`` and ``forget`` to *sub*."""
    p = sub.add_parser(
        "export",
        parents=[common],
        help="exporte les fiches : fichier Excel historique ou export pseudonymisé (référent)",
    )
    p.add_argument("kind", choices=["excel", "pseudonymised"], metavar="excel|pseudonymised")
    p.add_argument("--out", required=True, metavar="FICHIER", help="fichier à écrire")
    p.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        default=None,
        help="format de l’export pseudonymisé (sinon d’après l’extension)",
    )
    add_user_argument(p, REFERENT_HELP)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("journal", parents=[common], help="affiche le journal des accès (référent)")
    p.add_argument("--by", metavar="UTILISATEUR", help="entrées de cet utilisateur")
    p.add_argument("--action", metavar="ACTION", help="creation, consultation, export…")
    p.add_argument("--since", metavar="JJ/MM/AAAA")
    p.add_argument("--until", metavar="JJ/MM/AAAA")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    add_user_argument(p, REFERENT_HELP)
    p.set_defaults(handler=cmd_journal)

    p = sub.add_parser(
        "forget",
        parents=[common],
        help="oublier ce poste : supprime la clé du trousseau et toutes les données",
    )
    p.add_argument("--yes", action="store_true", help="confirme la suppression définitive")
    p.set_defaults(handler=cmd_forget)

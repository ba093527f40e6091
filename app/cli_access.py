"""Commands of access control: ``export``, ``journal`` and ``forget``.

How the command line authenticates for restricted commands (exports, the
journal): it acts as ``cli:<os user>``, which has the référent's rights
only while the station has no account yet (a store made by ``tracing-desk
init`` that the window never opened). Once accounts exist, a restricted
command needs ``--user LOGIN`` and that account's password (typed at the
terminal, or ``TRACING_DESK_PASSWORD`` for a script); the sign-in follows
the same rules as the window (delay after 5 failures, journaled) and the
journal names that account. So a shared OS session on a ward workstation
does not give an agent the exports.

``forget --yes`` needs no account: it only deletes, and whoever can run it
can already delete the data folder; what it adds is removing the keyring
entries (the uninstaller runs it).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import paths

if TYPE_CHECKING:
    from app.db.connection import Database
    from app.db.forget import ForgetPlan

ENV_PASSWORD = "TRACING_DESK_PASSWORD"
EXIT_OK = 0
EXIT_DENIED = 77  # sysexits EX_NOPERM
EXIT_USAGE = 64
EXIT_DATA_ERROR = 65


USER_HELP = (
    "compte qui fait l’action (mot de passe demandé, ou variable "
    f"{ENV_PASSWORD})\u202f; nécessaire dès que des comptes existent"
)


class SignInRefused(Exception):
    """``--user`` given but its sign-in failed (the reason was printed): exit 77."""


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def add_user_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", metavar="IDENTIFIANT", help=USER_HELP)


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[tuple[Database, str]]:
    """The open store and who acts: ``--user`` after its password, else ``cli:<os user>``.

    The services check what that user may do (``cli:<os user>`` has the
    référent's rights only while the station has no account). A failed
    sign-in raises :class:`SignInRefused` before anything is written.
    """
    from app.cli import _open

    db = _open()
    try:
        actor = _actor(args, db)
        if actor is None:
            raise SignInRefused()
        yield db, actor
    finally:
        db.close()


def _actor(args: argparse.Namespace, db: Any) -> str | None:
    """The journal's user for this command: ``--user`` after its password, else ``cli:…``."""
    from app.cli import cli_user
    from app.db.accounts import AccountStore, SignInError

    login = getattr(args, "user", None)
    if not login:
        return cli_user()
    password = read_password(login)
    if password is None:
        return None
    try:
        return AccountStore(db).authenticate(login, password, purpose="cli").login
    except SignInError as exc:
        _err(str(exc))
        return None


def read_password(login: str) -> str | None:
    """*login*'s password: ``TRACING_DESK_PASSWORD``, else typed at a terminal."""
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin.isatty():
            _err(
                f"Mot de passe de « {login} » : définissez {ENV_PASSWORD} ou utilisez un terminal."
            )
            return None
        password = getpass.getpass(f"Mot de passe de {login} : ")
    return password


def denied(exc: Exception) -> int:
    """Print a refusal and its remedy; the exit status of a refused command."""
    _err(str(exc))
    _err(
        "En ligne de commande, indiquez le compte référent : --user IDENTIFIANT "
        f"(mot de passe demandé, ou {ENV_PASSWORD})."
    )
    return EXIT_DENIED


def cmd_export(args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.db.permissions import PermissionDenied
    from app.exports.service import export_excel, export_pseudonymised

    out = Path(args.out)
    db = _open()
    try:
        actor = _actor(args, db)
        if actor is None:
            return EXIT_DENIED
        try:
            if args.kind == "excel":
                if out.suffix.lower() != ".xlsx":
                    _err("Le fichier Excel doit avoir l’extension .xlsx.")
                    return EXIT_USAGE
                result = export_excel(db, actor, out)
            else:
                result = export_pseudonymised(db, actor, out, fmt=args.format)
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
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Date non reconnue « {text} » : attendu jj/mm/aaaa.")


def cmd_journal(args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.core.enums import JournalAction
    from app.core.timefmt import display_zone_name, format_datetime
    from app.db.journal import verify
    from app.db.journal_view import JournalFilter, query_journal
    from app.db.permissions import PermissionDenied

    try:
        action = JournalAction(args.action) if args.action else None
        flt = JournalFilter(args.by or "", action, _parse_day(args.since), _parse_day(args.until))
    except ValueError as exc:
        _err(str(exc) if "Date" in str(exc) else f"Action inconnue « {args.action} ».")
        return EXIT_USAGE
    db = _open()
    try:
        actor = _actor(args, db)
        if actor is None:
            return EXIT_DENIED
        try:
            total, lines = query_journal(db, actor, flt, limit=args.limit, tz=display_zone_name())
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
        _err(
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
        _err("Non supprimé(s) : " + ", ".join(report.failures))
        return EXIT_DATA_ERROR
    return EXIT_OK


def _plan_if_readable() -> ForgetPlan:
    """Registered exports and the sync token's keyring entry, if the database opens."""
    from app.cli import _open
    from app.core.settings import SYNC_SERVER_URL
    from app.db.errors import StoreError
    from app.db.forget import ForgetPlan, collect_plan
    from app.db.settings_store import SettingsStore
    from app.sync.config import token_entry

    try:
        db = _open()
    except StoreError:
        return ForgetPlan(0, 0)
    try:
        url = SettingsStore(db, "").get(SYNC_SERVER_URL)
        return collect_plan(db, [token_entry(url)] if url else [])
    finally:
        db.close()


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    user_help = (
        "compte référent qui fait l’action (mot de passe demandé, ou variable "
        f"{ENV_PASSWORD}) ; nécessaire dès que des comptes existent"
    )
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
    p.add_argument("--user", metavar="IDENTIFIANT", help=user_help)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("journal", parents=[common], help="affiche le journal des accès (référent)")
    p.add_argument("--by", metavar="UTILISATEUR", help="entrées de cet utilisateur")
    p.add_argument("--action", metavar="ACTION", help="creation, consultation, export…")
    p.add_argument("--since", metavar="JJ/MM/AAAA")
    p.add_argument("--until", metavar="JJ/MM/AAAA")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", metavar="IDENTIFIANT", help=user_help)
    p.set_defaults(handler=cmd_journal)

    p = sub.add_parser(
        "forget",
        parents=[common],
        help="oublier ce poste : supprime la clé du trousseau et toutes les données",
    )
    p.add_argument("--yes", action="store_true", help="confirme la suppression définitive")
    p.set_defaults(handler=cmd_forget)

"""``tracing-desk sync``: drain the outbox once and say what happened.

    tracing-desk sync [--server URL] [--ca-bundle FICHIER] [--json] [--set-token]

Prints the accepted, rejected, conflicting and remaining counts; exits 0 when
nothing is left to send, 1 when fiches remain (server unreachable, token
refused…), 2 on a storage error (as every command).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.cli._common import EXIT_OK, add_user_argument, signed_in

if TYPE_CHECKING:
    from app.db.connection import Database

EXIT_REMAINING = 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--server", metavar="URL", help="adresse du service central (sinon le réglage)")
    p.add_argument(
        "--ca-bundle", metavar="FICHIER", help="autorités de certification à reconnaître (PEM)"
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument(
        "--set-token",
        action="store_true",
        help="enregistre le jeton du compte partenaire lu sur l’entrée standard (ou saisi), "
        "puis s’arrête : dans le trousseau du système, ou dans la base chiffrée en mode "
        "phrase secrète",
    )
    p.add_argument("--batch-size", type=int, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace, db: Database, user: str) -> int:
    # The HTTP client and the sync engine load with the command, not with the parser.
    from app.services.sync_setup import save_token, sync_now, token_place
    from app.sync.config import load_config, with_server
    from app.sync.errors import SyncError

    config = with_server(load_config(db, user), args.server)
    if args.ca_bundle:
        config = replace(config, ca_bundle=args.ca_bundle)
    if args.batch_size:
        config = replace(config, batch_size=max(1, min(500, args.batch_size)))
    if args.set_token:
        from app.services.access import Permission, check

        check(db, user, Permission.CONFIGURE_SYNC)  # before the token is even read
        try:
            if sys.stdin.isatty():
                token = getpass.getpass("Jeton du compte partenaire : ")
            else:
                token = sys.stdin.readline()
            save_token(db, user, config.server_url, token, dev_mode=config.dev_mode)
        except SyncError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_REMAINING
        print(f"Jeton enregistré {token_place(db)}.")
        return EXIT_OK
    report = sync_now(db, user, config)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        print(f"Acceptées : {report.accepted}")
        print(f"Refusées : {report.rejected}")
        print(f"Conflits : {report.conflicts}")
        print(f"Restantes : {report.remaining}")
        if report.expired:
            print(
                f"Non envoyées car leur délai de conservation est atteint : {report.expired} "
                "(elles seront supprimées par la purge)."
            )
    if report.message:
        print(report.message, file=sys.stderr)
    return EXIT_OK if report.ok and report.remaining == 0 else EXIT_REMAINING


def cmd_sync(args: argparse.Namespace) -> int:
    with signed_in(args) as (db, actor):
        return run(args, db, actor)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sync`` to *sub*."""
    p = sub.add_parser(
        "sync", parents=[common], help="envoie une fois les fiches en attente au service central"
    )
    add_arguments(p)
    add_user_argument(p)
    p.set_defaults(handler=cmd_sync)

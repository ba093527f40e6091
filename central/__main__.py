"""``python -m central``: start the reference central service.

    python -m central [--host 127.0.0.1] [--port 8443] [--data-dir DIR]
                      [--database-url URL] [--token-stdin]
    python -m central --issue-token LABEL [--partner ID] [--finess N] [--timezone TZ]
    python -m central --revoke-token LABEL
    python -m central --list-tokens

The service stands in for the national tracing service, for development,
demonstrations and tests. It serves HTTPS with a development certificate
generated on first start (``<data-dir>/tls/dev-ca.pem`` is the CA a client must
be told to trust). ``--issue-token LABEL`` creates a token for the workstation
*LABEL* of partner ``--partner`` (an establishment; default: the label, created
when unknown, with ``--finess`` and ``--timezone``), prints it once and exits;
``--revoke-token LABEL`` revokes every token with that label (refused from the
next request on); ``--list-tokens`` lists labels, partners, creation and last
use (never a token); ``--token-stdin`` registers the token read from the
standard input (one line) before serving, so that a launcher can hand one over
without a file or a command line that other users could read.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import uvicorn
from platformdirs import PlatformDirs

from app.core.identifiers import IdentifierError, normalize_finess
from central.api import create_app
from central.clock import now
from central.server import prepare, uvicorn_config
from central.storage import Storage

ENV_DATABASE_URL = "CENTRAL_DATABASE_URL"
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def default_data_dir() -> Path:
    return Path(PlatformDirs("TracingDeskCentral", "TracingDesk").user_data_dir)


def new_token() -> str:
    return "tdk_" + secrets.token_urlsafe(32)


def _watch_parent(parent: int) -> None:
    """Exit when the launcher is gone (killed without stopping us), checked every second."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _partner_values(args: argparse.Namespace) -> dict[str, str | None] | None:
    """``--finess`` and ``--timezone`` checked; ``None`` (a message printed) when refused."""
    finess = args.finess
    if finess is not None:
        try:
            finess = normalize_finess(finess)
        except IdentifierError:
            print("N° FINESS invalide (9 caractères).", file=sys.stderr)
            return None
    zone = args.timezone
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            print("Fuseau horaire inconnu (exemple\u00a0: Europe/Paris).", file=sys.stderr)
            return None
    return {"finess": finess, "timezone": zone}


def _tokens(storage: Storage, args: argparse.Namespace, values: dict[str, str | None]) -> int:
    if args.issue_token:
        partner = args.partner or args.issue_token
        storage.add_partner(partner, now(), **values)
        token = new_token()
        storage.add_account(token, args.issue_token, now(), partner=partner)
        print(token)
    elif args.revoke_token:
        count = storage.revoke_tokens(args.revoke_token, now())
        if not count:
            print("Aucun jeton actif sous ce libellé.", file=sys.stderr)
            return 1
        print(f"{count} jeton(s) révoqué(s).")
    else:
        for t in storage.tokens():
            state = f"révoqué le {t.revoked_at}" if t.revoked_at else "actif"
            print(
                f"{t.label}\t{t.partner}\tcréé le {t.created_at}\t"
                f"dernier usage\u00a0: {t.last_used_at or 'jamais'}\t{state}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m central",
        description="Service central de référence (remplace le service national pour le "
        "développement, les démonstrations et les tests).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="adresse d’écoute (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443, help="port d’écoute (8443)")
    parser.add_argument("--data-dir", type=Path, default=None, help="dossier de données")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(ENV_DATABASE_URL),
        help="sqlite:///chemin ou postgresql://… (par défaut : central.db dans le dossier)",
    )
    parser.add_argument(
        "--issue-token", metavar="LIBELLÉ", help="crée un jeton pour ce poste et l’affiche"
    )
    parser.add_argument(
        "--partner",
        metavar="ID",
        help="partenaire (établissement) du jeton (par défaut\u00a0: le libellé)",
    )
    parser.add_argument("--finess", help="n° FINESS du partenaire")
    parser.add_argument(
        "--timezone", help="fuseau horaire du partenaire (par défaut\u00a0: Europe/Paris)"
    )
    parser.add_argument(
        "--revoke-token", metavar="LIBELLÉ", help="révoque tous les jetons de ce libellé"
    )
    parser.add_argument(
        "--list-tokens", action="store_true", help="liste les jetons (jamais leur valeur)"
    )
    parser.add_argument(
        "--token-stdin", action="store_true", help="enregistre le jeton lu sur l’entrée standard"
    )
    parser.add_argument(
        "--no-tls", action="store_true", help="HTTP sans TLS (boucle locale uniquement)"
    )
    parser.add_argument("--purge-interval", type=float, default=3600.0, help="secondes")
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="s’arrête quand le processus qui l’a lancé disparaît (tracing-desk demo)",
    )
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    data_dir = (args.data_dir or default_data_dir()).expanduser().absolute()
    if args.no_tls and args.host not in _LOOPBACK:
        print("--no-tls n’est permis que sur la boucle locale.", file=sys.stderr)
        return 64
    partner_values = _partner_values(args)
    if partner_values is None:
        return 64
    setup = prepare(data_dir, args.database_url, tls=not args.no_tls)
    if args.issue_token or args.revoke_token or args.list_tokens:
        try:
            return _tokens(setup.storage, args, partner_values)
        finally:
            setup.storage.close()
    if args.token_stdin:
        token = sys.stdin.readline().strip()
        if len(token) < 16:
            print("Jeton lu sur l’entrée standard trop court.", file=sys.stderr)
            return 64
        setup.storage.add_account(token, "démonstration", now())
    if args.exit_with_parent:
        _watch_parent(os.getppid())
    app = create_app(setup.storage, purge_interval=args.purge_interval)
    scheme = "http" if args.no_tls else "https"
    print(
        f"Service central de référence sur {scheme}://{args.host}:{args.port} "
        f"(données : {data_dir}, base : {setup.storage.kind}"
        + (f", AC de développement : {setup.cert.ca}" if setup.cert else "")
        + ")",
        flush=True,
    )
    uvicorn.Server(uvicorn_config(app, args.host, args.port, setup.cert, access_log=True)).run()
    setup.storage.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

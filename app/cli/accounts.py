"""``tracing-desk account``: the station's accounts from the command line (référent).

``account list | add LOGIN | passwd LOGIN | disable LOGIN | enable LOGIN |
role LOGIN --role agent|referent``. Authentication follows the rule of the
other restricted commands (``app.cli._common``): while the station has no
account, ``cli:<os user>`` acts as its référent (set-up: the first account
must then be a référent); once accounts exist, ``--user LOGIN`` and that
account's password are required, and the service refuses an agent. An agent
may change their own password: ``account passwd LOGIN --user LOGIN``.

New passwords are never taken from the command line (shell history, process
list): typed twice at a terminal, or ``TRACING_DESK_NEW_PASSWORD`` for a
script. Every change is journaled by the service, never with a password.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from app.cli._common import (
    EXIT_DATA_ERROR,
    EXIT_DENIED,
    EXIT_OK,
    EXIT_USAGE,
    denied,
    err,
    open_db,
    sign_in,
)

ENV_NEW_PASSWORD = "TRACING_DESK_NEW_PASSWORD"


def _new_password(login: str) -> str | None:
    """The new password of *login*: from the environment, or typed twice."""
    password = os.environ.get(ENV_NEW_PASSWORD)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        err(
            f"Nouveau mot de passe de « {login} » : définissez {ENV_NEW_PASSWORD} "
            "ou utilisez un terminal."
        )
        return None
    from app.core.accounts import MIN_PASSWORD_LENGTH

    first = getpass.getpass(
        f"Nouveau mot de passe de {login} ({MIN_PASSWORD_LENGTH} caractères au moins) : "
    )
    if getpass.getpass("Confirmez le mot de passe : ") != first:
        err("Les deux saisies sont différentes : rien n’a été modifié.")
        return None
    return first


def cmd_account(args: argparse.Namespace) -> int:
    from app.core.accounts import Role
    from app.db.accounts import AccountError, AccountStore
    from app.db.permissions import PermissionDenied

    db = open_db()
    try:
        signed = sign_in(args, db)
        if signed is None:
            return EXIT_DENIED
        actor, actor_password = signed
        store = AccountStore(db, actor)
        try:
            if args.action == "list":
                return _list(store.list(), as_json=args.json)
            login = args.login
            if args.action == "add":
                role = Role(args.role or Role.AGENT.value)
                password = _new_password(login)
                if password is None:
                    return EXIT_USAGE
                account = store.create(login, password, role, args.name or "")
                print(f"Compte « {account.login} » créé ({account.role.label}).")
            elif args.action == "passwd":
                password = _new_password(login)
                if password is None:
                    return EXIT_USAGE
                own = actor_password is not None and actor.casefold() == login.casefold()
                store.set_password(login, password, actor_password if own else None)
                print(f"Mot de passe de « {login} » remplacé.")
            elif args.action in ("disable", "enable"):
                active = args.action == "enable"
                store.set_active(login, active)
                state = "réactivé" if active else "désactivé : il ne peut plus se connecter"
                print(f"Compte « {login} » {state}.")
            elif args.action == "role":
                if not args.role:
                    err("Indiquez le nouveau rôle : --role agent|referent.")
                    return EXIT_USAGE
                role = Role(args.role)
                store.set_role(login, role)
                print(f"Compte « {login} » : rôle {role.label}.")
        except PermissionDenied as exc:
            return denied(exc)
        except AccountError as exc:
            err(str(exc))
            return EXIT_DATA_ERROR
    finally:
        db.close()
    return EXIT_OK


def _list(accounts: list[Any], *, as_json: bool) -> int:
    from app.core.dates import format_date

    if as_json:
        print(
            json.dumps(
                [
                    {
                        "login": a.login,
                        "display_name": a.display_name,
                        "role": a.role.value,
                        "active": a.active,
                        "created_at": a.created_at.isoformat(),
                    }
                    for a in accounts
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    for a in accounts:
        state = "actif" if a.active else "désactivé"
        created = format_date(a.created_at)
        print(f"{a.login:20} {a.role.label:18} {state:10} {created}  {a.display_name}")
    print(f"{len(accounts)} compte(s).")
    return EXIT_OK


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``account`` to *sub*."""
    p = sub.add_parser(
        "account",
        parents=[common],
        help="comptes du poste : list, add, passwd, disable, enable, role (référent)",
        description="Gère les comptes du poste (référent). Les nouveaux mots de passe sont "
        f"tapés deux fois, ou lus dans {ENV_NEW_PASSWORD} ; jamais sur la ligne de commande.",
    )
    p.add_argument(
        "action",
        choices=["list", "add", "passwd", "disable", "enable", "role"],
        metavar="list|add|passwd|disable|enable|role",
    )
    p.add_argument("login", nargs="?", metavar="IDENTIFIANT", help="le compte concerné")
    p.add_argument(
        "--role",
        choices=["agent", "referent"],
        help="rôle du nouveau compte (add, agent par défaut) ou nouveau rôle (role)",
    )
    p.add_argument("--name", metavar="NOM", help="nom affiché du nouveau compte (add)")
    p.add_argument("--json", action="store_true", help="sortie JSON (list)")
    p.add_argument(
        "--user",
        metavar="IDENTIFIANT",
        help="compte référent qui fait l’action (mot de passe demandé, ou variable "
        "TRACING_DESK_PASSWORD) ; nécessaire dès que des comptes existent",
    )
    p.set_defaults(handler=_checked)


def _checked(args: argparse.Namespace) -> int:
    if args.action != "list" and not args.login:
        err(f"« account {args.action} » : indiquez l’identifiant du compte.")
        return EXIT_USAGE
    return cmd_account(args)

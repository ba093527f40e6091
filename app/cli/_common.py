"""What every command of ``tracing-desk`` shares: exit codes, messages, the store, sign-in.

One copy of each, imported by the command groups (``app.cli.store``,
``app.cli.access``…); this module imports none of them.

How the command line authenticates for restricted commands (exports, the
journal, the accounts): it acts as ``cli:<os user>``, which has the référent's
rights only while the station has no account yet (a store made by
``tracing-desk init`` that the window never opened). Once accounts exist, a
restricted command needs ``--user LOGIN`` and that account's password (typed at
the terminal, or ``TRACING_DESK_PASSWORD`` for a script); the sign-in follows
the same rules as the window (delay after 5 failures, journaled) and the
journal names that account. So a shared OS session on a ward workstation does
not give an agent the exports.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.db.connection import Database
    from app.services.fiches import FicheService

EXIT_OK = 0
EXIT_STORE_ERROR = 2
EXIT_USAGE = 64
EXIT_DATA_ERROR = 65
EXIT_SOFTWARE = 70  # sysexits EX_SOFTWARE: an internal error (a bug), reported in logs/
EXIT_CANNOT_WRITE = 73  # sysexits EX_CANTCREAT
EXIT_DENIED = 77  # sysexits EX_NOPERM
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]

ENV_PASSWORD = "TRACING_DESK_PASSWORD"

USER_HELP = (
    "compte qui fait l’action (mot de passe demandé, ou variable "
    f"{ENV_PASSWORD})\u202f; nécessaire dès que des comptes existent"
)
REFERENT_HELP = (
    "compte référent qui fait l’action (mot de passe demandé, ou variable "
    f"{ENV_PASSWORD}) ; nécessaire dès que des comptes existent"
)


class SignInRefused(Exception):
    """``--user`` given but its sign-in failed (the reason was printed): exit 77."""


def err(message: str) -> None:
    """A French message for the person at the terminal, on stderr."""
    print(message, file=sys.stderr)


def cli_user() -> str:
    """How the journal names a person using the command line."""
    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment (containers)
        name = str(os.getuid()) if hasattr(os, "getuid") else "inconnu"
    return f"cli:{name}"


# ------------------------------------------------------------------ the store


def passphrase_for_open() -> str | None:
    """Passphrase-mode stores: from TRACING_DESK_PASSPHRASE, else typed at a terminal."""
    from app.db.store import store_mode

    if store_mode() != "passphrase":
        return None
    env = os.environ.get("TRACING_DESK_PASSPHRASE")
    if env:
        return env
    if sys.stdin.isatty():
        return getpass.getpass("Phrase secrète de la base : ")
    return None


def open_db(passphrase: str | None = None) -> Database:
    """The open store (*passphrase*, else the keyring or ``passphrase_for_open``)."""
    from app.db.store import open_store
    from app.db.timefmt import use_establishment_zone

    db = open_store(passphrase=passphrase if passphrase is not None else passphrase_for_open())
    use_establishment_zone(db)  # dates printed on the establishment's clock
    return db


def fiche_service(db: Database) -> FicheService:
    """The fiches' service acting as ``cli:<os user>``."""
    from app.services.fiches import FicheService

    return FicheService(db, cli_user())


def typed_twice(
    env_var: str, no_terminal: str, prompts: tuple[str, str], nothing_done: str
) -> str | None:
    """A new secret from *env_var*, else typed twice at a terminal; ``None`` after a message."""
    env = os.environ.get(env_var)
    if env:
        return env
    if not sys.stdin.isatty():
        err(no_terminal)
        return None
    first = getpass.getpass(f"{prompts[0]}\u00a0: ")
    if getpass.getpass(f"{prompts[1]}\u00a0: ") != first:
        err(f"Les deux saisies diffèrent\u00a0: {nothing_done}.")
        return None
    return first


# ------------------------------------------------------------------ sign-in


def add_user_argument(p: argparse.ArgumentParser, help: str = USER_HELP) -> None:
    p.add_argument("--user", metavar="IDENTIFIANT", help=help)


def read_password(login: str) -> str | None:
    """*login*'s password: ``TRACING_DESK_PASSWORD``, else typed at a terminal."""
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin.isatty():
            err(f"Mot de passe de « {login} » : définissez {ENV_PASSWORD} ou utilisez un terminal.")
            return None
        password = getpass.getpass(f"Mot de passe de {login} : ")
    return password


def sign_in(args: argparse.Namespace, db: Any) -> tuple[str, str | None] | None:
    """Who acts (journal, rights) and, with ``--user``, the password they typed.

    ``None`` when ``--user`` was given and its sign-in failed (reason printed).
    """
    from app.db.accounts import AccountStore, SignInError

    login = getattr(args, "user", None)
    if not login:
        return cli_user(), None
    password = read_password(login)
    if password is None:
        return None
    try:
        return AccountStore(db).authenticate(login, password, purpose="cli").login, password
    except SignInError as exc:
        err(str(exc))
        return None


def actor(args: argparse.Namespace, db: Any) -> str | None:
    """The journal's user for this command: ``--user`` after its password, else ``cli:…``."""
    signed = sign_in(args, db)
    return signed[0] if signed is not None else None


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[tuple[Database, str]]:
    """The open store and who acts: ``--user`` after its password, else ``cli:<os user>``.

    The services check what that user may do (``cli:<os user>`` has the
    référent's rights only while the station has no account). A failed
    sign-in raises :class:`SignInRefused` before anything is written.
    """
    db = open_db()
    try:
        who = actor(args, db)
        if who is None:
            raise SignInRefused()
        yield db, who
    finally:
        db.close()


def denied(exc: Exception) -> int:
    """Print a refusal and its remedy; the exit status of a refused command."""
    err(str(exc))
    err(
        "En ligne de commande, indiquez le compte référent : --user IDENTIFIANT "
        f"(mot de passe demandé, ou {ENV_PASSWORD})."
    )
    return EXIT_DENIED

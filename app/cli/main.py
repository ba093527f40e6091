"""The ``tracing-desk`` command line: builds the parser from the command groups, runs one.

Every command accepts ``--data-dir DIR``. The journal records the operating
system user as ``cli:<user>``. Known problems (wrong key, locked database…)
print their French message on stderr and exit non-zero; nothing is created
or replaced on a failure.

This module only registers the groups: one module per group of commands
(``store``, ``transfer``, ``sync``, ``purge``, ``access``, ``accounts``,
``contacts``, ``print``), each with a ``register(sub, common)`` function, all
sharing :mod:`app.cli._common` (exit codes, messages, the store, sign-in).
The window (no command, ``demo``, ``--lang``) is added by :mod:`app.launcher`,
which sits above both the window and the commands: ``app.cli`` never imports
``app.ui`` (``pyproject.toml``, import-linter).

Note: ``app.cli.main`` is the function :func:`main` (re-exported by the
package); import this module's other names with ``from app.cli.main import …``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import __version__, paths
from app.cli import access, accounts, contacts, purge, store, sync, transfer
from app.cli import print as print_commands
from app.cli._common import (
    EXIT_DATA_ERROR,
    EXIT_DENIED,
    EXIT_INTERRUPTED,
    EXIT_SOFTWARE,
    EXIT_STORE_ERROR,
    EXIT_USAGE,
    Handler,
    SignInRefused,
    denied,
    err,
)

#: The command groups, in the order of ``tracing-desk --help``.
GROUPS = (store, transfer, sync, purge, print_commands, access, accounts, contacts)

#: Adds the window's options and commands: ``(parser, sub, common)``.
WindowCommands = Callable[[argparse.ArgumentParser, Any, argparse.ArgumentParser], None]


def build_parser(window: WindowCommands | None = None) -> argparse.ArgumentParser:
    """The parser of every command group (and of the window's, given *window*)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier de données (remplace TRACING_DESK_DATA_DIR et le dossier par défaut)",
    )
    description = "Tracing Desk : traçage des contacts en établissement."
    if window is not None:
        description += " Sans commande, ouvre la fenêtre principale."
    parser = argparse.ArgumentParser(prog="tracing-desk", description=description, parents=[common])
    parser.add_argument("--version", action="version", version=f"tracing-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    if window is not None:
        window(parser, sub, common)
    for group in GROUPS:
        group.register(sub, common)
    return parser


def _crash(exc: Exception) -> int:
    """An unexpected exception (a bug): a crash report as the window makes, one French line.

    The report (a log record and ``logs/crash-<reference>.json``) holds the
    exception's type and frames, never its text, which may quote personal data;
    stderr gets the reference only, never the text nor a traceback. Without a
    log file (no data folder) nothing is written and no folder is created.
    """
    from app.logging_setup import logging_active, record_crash, short_reference

    logged = logging_active()
    reference, _summary, _report = record_crash(type(exc), exc, exc.__traceback__, persist=logged)
    short = short_reference(reference)
    if logged:
        err(
            f"Erreur interne (référence {short})\u00a0: l’incident est consigné dans le "
            "journal technique du poste (dossier logs). Aucune donnée n’a été affichée."
        )
    else:
        err(
            f"Erreur interne (référence {short})\u00a0: l’incident n’a pas pu être consigné "
            "dans le journal technique du poste. Aucune donnée n’a été affichée."
        )
    return EXIT_SOFTWARE


def main(
    argv: Sequence[str] | None = None,
    *,
    window: WindowCommands | None = None,
    default: Handler | None = None,
) -> int:
    """Run the command of *argv*; its exit status.

    *window* and *default* come from :mod:`app.launcher` (the window's options and
    commands, and what runs without a command); without them, no command is a
    usage error.
    """
    from app.earlyinit import check

    check()  # a known-bad Python/PySide6 pair is refused before anything loads Qt
    from app.core.errors import UserError
    from app.db.permissions import PermissionDenied

    parser = build_parser(window)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if getattr(args, "data_dir", None):
        paths.set_data_dir_override(args.data_dir)
    handler: Handler | None = getattr(args, "handler", default)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from app.logging_setup import install_excepthook, setup_logging, shutdown_logging

    if paths.data_dir(create=False).is_dir():  # never create a data folder just to log
        setup_logging()
    # Log records are for the log file: never printed on stderr in English by
    # logging's last-resort handler when no file is open (« Oublier ce poste »
    # closes it; a read-only data folder has none). Messages to the user are French.
    app_log = logging.getLogger("app")
    if not any(isinstance(h, logging.NullHandler) for h in app_log.handlers):
        app_log.addHandler(logging.NullHandler())
    restore_hooks = install_excepthook()
    try:
        return handler(args)
    except PermissionDenied as exc:
        return denied(exc)
    except SignInRefused:
        return EXIT_DENIED
    except UserError as exc:  # a known condition (store, access, export, input): no crash report
        err(str(exc))
        # Input refused (a file, a value: the ValueError ones) is EX_DATAERR; the rest, 2.
        return EXIT_DATA_ERROR if isinstance(exc, ValueError) else EXIT_STORE_ERROR
    except KeyboardInterrupt:
        err("Interrompu.")
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: reported without its text (SystemExit passes through)
        return _crash(exc)
    finally:
        restore_hooks()
        shutdown_logging()

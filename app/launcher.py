"""``tracing-desk``: the main window without a command, else one command of :mod:`app.cli`.

The program's entry point (``[project.scripts]``, ``python -m app``). It sits
above both the window (``app.ui``) and the commands (``app.cli``), which never
import each other (the layers contract in ``pyproject.toml``): it adds the
window's option (``--lang``) and command (``demo``) to the command line's
parser, and opens the window when no command is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from app import paths
from app.cli._common import EXIT_DATA_ERROR, err
from app.cli.main import build_parser as build_command_parser
from app.cli.main import main as run_command


def _gui_language(args: argparse.Namespace) -> None:
    """``--lang`` chooses the window's language (read by ``app.ui.application``)."""
    lang = getattr(args, "gui_lang", None)
    if lang:
        os.environ["TRACING_DESK_LANG"] = lang


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.application import run_gui

    _gui_language(args)
    code: int = run_gui(sys.argv[:1], paths.data_dir())
    return code


def cmd_demo(args: argparse.Namespace) -> int:
    """The main window with the local central service started for a demonstration."""
    from app.sync.demo import DemoError, start_demo_central

    _gui_language(args)
    try:
        central = start_demo_central()
    except DemoError as exc:
        err(str(exc))
        return EXIT_DATA_ERROR
    print(f"Service central de démonstration : {central.config.server_url}")
    try:
        return cmd_gui(args)
    finally:
        central.stop()


def add_window_commands(
    parser: argparse.ArgumentParser, sub: Any, common: argparse.ArgumentParser
) -> None:
    """``--lang`` and ``demo``: what the command line offers of the window."""
    parser.add_argument(
        "--lang",
        dest="gui_lang",
        choices=("fr", "en"),
        default=None,
        help="langue de la fenêtre (par défaut : français, ou la langue du système)",
    )
    p = sub.add_parser(
        "demo",
        parents=[common],
        help="ouvre la fenêtre avec le service central local de démonstration",
    )
    p.set_defaults(handler=cmd_demo)


def build_parser() -> argparse.ArgumentParser:
    """The whole ``tracing-desk`` parser: the commands and the window's."""
    return build_command_parser(add_window_commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``tracing-desk``: the command of *argv*, else the main window."""
    return run_command(argv, window=add_window_commands, default=cmd_gui)

"""The command line is its own package: the commands never load the window.

``app.cli`` registers the command groups; ``app.launcher`` (the program's entry
point) adds the window (no command, ``demo``, ``--lang``) above both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import launcher
from app.cli import main
from app.cli._common import EXIT_OK, EXIT_USAGE
from app.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from app.cli import main
code = main(["doctor", "--json"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_a_command_runs_without_loading_the_window(data_dir: Path) -> None:
    """``doctor`` on a missing store: a French refusal, and neither app.ui nor Qt loaded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] != EXIT_OK  # no store in the fresh data folder
    loaded = result["modules"]
    assert [m for m in loaded if m == "app.ui" or m.startswith("app.ui.")] == []
    assert [m for m in loaded if m.startswith("PySide6")] == []
    assert "app.launcher" not in loaded


def test_the_window_options_belong_to_the_launcher() -> None:
    commands = build_parser()
    with pytest.raises(SystemExit):
        commands.parse_args(["--lang", "en"])
    with pytest.raises(SystemExit):
        commands.parse_args(["demo"])
    whole = launcher.build_parser()
    assert whole.parse_args(["--lang", "en"]).gui_lang == "en"
    assert whole.parse_args(["demo"]).handler is launcher.cmd_demo
    # Every command of the command line is also a command of the program.
    assert whole.parse_args(["doctor"]).handler is commands.parse_args(["doctor"]).handler


def test_without_a_command_the_launcher_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(launcher, "cmd_gui", lambda args: opened.append(args.gui_lang) or 0)
    assert launcher.main(["--lang", "fr"]) == EXIT_OK
    assert opened == ["fr"]
    # The command line alone has no window to open: its help, and a usage error.
    assert main([]) == EXIT_USAGE
    assert "COMMANDE" in capsys.readouterr().err
    assert opened == ["fr"]

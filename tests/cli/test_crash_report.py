"""A command that crashes (a bug): a reference on stderr, the report in logs/, no personal data.

As the window does (tests/ui/forms/test_crash.py): the exception's type and
frames are written to the technical log, never its text; the person gets one
French line with the reference, never the text nor a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NoReturn

import pytest

from app.cli import _common, main, store
from app.cli._common import EXIT_SOFTWARE

ROOT = Path(__file__).resolve().parents[2]
SURNAME = "Zorglubovitch"
PHONE = "0612345678"
MARKERS = (SURNAME, PHONE)
LOGGED = re.compile(
    r"^Erreur interne \(référence ([0-9a-f]{8})\)\u00a0: l’incident est consigné dans le "
    r"journal technique du poste \(dossier logs\)\. Aucune donnée n’a été affichée\.$"
)
NOT_LOGGED = re.compile(
    r"^Erreur interne \(référence ([0-9a-f]{8})\)\u00a0: l’incident n’a pas pu être consigné "
    r"dans le journal technique du poste\. Aucune donnée n’a été affichée\.$"
)


def _boom() -> NoReturn:
    raise RuntimeError(f"{SURNAME} {PHONE}")


def _leaks(text: str) -> list[str]:
    return [m for m in (*MARKERS, "Traceback") if m in text]


def test_crash_gives_a_reference_and_a_report_without_its_text(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(store, "doctor_report", _boom)

    assert main(["doctor"]) == EXIT_SOFTWARE == 70

    out, err = capsys.readouterr()
    assert _leaks(out + err) == []
    lines = err.splitlines()
    assert len(lines) == 1, err
    match = LOGGED.match(lines[0])
    assert match, lines[0]
    short = match.group(1)

    logs = data_dir / "logs"
    files = sorted(logs.iterdir(), key=lambda p: p.stat().st_mtime_ns)
    assert files, "nothing written to logs/"
    for path in files:
        assert [m for m in MARKERS if m in path.read_text(encoding="utf-8")] == [], path.name
    newest = files[-1].read_text(encoding="utf-8")
    assert short in newest and "RuntimeError" in newest

    # The crash file, as the window writes it: type and frames, the full reference.
    (report_file,) = logs.glob("crash-*.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["reference"].startswith(short)
    assert report_file.name == f"crash-{report['reference']}.json"
    assert report["exception"]["type"] == "RuntimeError"
    assert report["exception"]["frames"][-1] == {
        "file": "test_crash_report.py",
        "line": report["exception"]["frames"][-1]["line"],
        "function": "_boom",
    }
    # The log record of the crash, with the same reference.
    records = [
        json.loads(line)
        for line in (logs / "tracing-desk.log").read_text(encoding="utf-8").splitlines()
    ]
    crash = [r for r in records if r.get("logger") == "app.crash"]
    assert len(crash) == 1
    assert crash[0]["reference"] == report["reference"]
    assert crash[0]["exception"]["type"] == "RuntimeError"


def test_crash_without_a_data_folder_creates_none(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(store, "doctor_report", _boom)

    assert main(["doctor"]) == EXIT_SOFTWARE

    out, err = capsys.readouterr()
    assert _leaks(out + err) == []
    lines = err.splitlines()
    assert len(lines) == 1 and NOT_LOGGED.match(lines[0]), err
    assert not data_dir.exists()


def test_interrupt_exit_and_store_errors_keep_their_behaviour(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    capsys.readouterr()

    def interrupted() -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "doctor_report", interrupted)
    assert main(["doctor"]) == 130
    assert capsys.readouterr().err == "Interrompu.\n"

    def exits() -> NoReturn:
        raise SystemExit(3)

    monkeypatch.setattr(store, "doctor_report", exits)
    with pytest.raises(SystemExit) as stopped:
        main(["doctor"])
    assert stopped.value.code == 3

    monkeypatch.undo()
    (data_dir / "tracing.db").write_bytes(b"not a database")  # a known problem: StoreError
    code = main(["doctor"])
    assert code == _common.EXIT_STORE_ERROR
    assert "Erreur interne" not in capsys.readouterr().err
    assert list((data_dir / "logs").glob("crash-*.json")) == []


CRASHING_KEYRING = '''
"""A keyring backend that fails with personal-looking text (test only)."""

from keyring.backend import KeyringBackend


class CrashKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise RuntimeError("{text}")

    def set_password(self, service, username, password):
        raise RuntimeError("{text}")

    def delete_password(self, service, username):
        raise RuntimeError("{text}")
'''


def test_python_dash_m_app_crash(tmp_path: Path) -> None:
    """A real process: the keyring (chosen by keyring's own PYTHON_KEYRING_BACKEND) fails."""
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "crashkeyring.py").write_text(
        textwrap.dedent(CRASHING_KEYRING).format(text=f"{SURNAME} {PHONE}"), encoding="utf-8"
    )
    data = tmp_path / "data-subprocess"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests" / "support"), str(ROOT)])
    env["PYTHON_KEYRING_BACKEND"] = "memkeyring.FileTestKeyring"
    env["TRACING_DESK_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    env["TRACING_DESK_DATA_DIR"] = str(data)
    env.pop("TRACING_DESK_PASSPHRASE", None)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "doctor"], env=env, capture_output=True, text=True
        )

    init = subprocess.run(
        [sys.executable, "-m", "app", "init"], env=env, capture_output=True, text=True
    )
    assert init.returncode == 0, init.stderr
    assert run().returncode == 0

    env["PYTHONPATH"] = os.pathsep.join([str(plugin), env["PYTHONPATH"]])
    env["PYTHON_KEYRING_BACKEND"] = "crashkeyring.CrashKeyring"
    crashed = run()
    assert crashed.returncode == 70
    assert _leaks(crashed.stdout + crashed.stderr) == []
    matches = [m for m in map(LOGGED.match, crashed.stderr.splitlines()) if m]
    assert len(matches) == 1, crashed.stderr
    (report_file,) = (data / "logs").glob(f"crash-{matches[0].group(1)}*.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["exception"]["type"] == "RuntimeError"
    for path in (data / "logs").iterdir():
        assert [m for m in MARKERS if m in path.read_text(encoding="utf-8")] == [], path.name

"""The daily OS purge task: detection and registration on Linux (tmp home), Windows, macOS.

Commands go through a recording runner: nothing is run on the test machine.
"""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from app import purge_task as T
from app.purge_task import Completed, Environment, System, TaskError

COMMAND = ["/opt/tracing desk/tracing-desk", "--data-dir", "/data/100% poste", "purge"]


class Recorder:
    def __init__(self, *answers: Completed, missing: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.answers = list(answers)
        self.missing = missing
        self.seen_files: dict[str, str] = {}

    def __call__(self, argv: Sequence[str]) -> Completed:
        self.calls.append(list(argv))
        if self.missing:
            raise FileNotFoundError(argv[0])
        if "/XML" in argv:  # the task file exists while schtasks reads it
            path = Path(argv[argv.index("/XML") + 1])
            self.seen_files["xml"] = path.read_text(encoding="utf-16")
        return self.answers.pop(0) if self.answers else Completed(0)


def linux(tmp_path: Path, runner: Recorder) -> Environment:
    return Environment(
        system=System.LINUX,
        home=tmp_path / "home",
        runner=runner,
        command=list(COMMAND),
        global_units=tmp_path / "etc-systemd-user",
        config_home=tmp_path / "home" / ".config",
    )


def test_linux_not_registered_then_registered_with_the_installers_units(tmp_path: Path) -> None:
    runner = Recorder()
    env = linux(tmp_path, runner)
    assert not T.status(env).registered

    message = T.register(env)

    units = tmp_path / "home" / ".config" / "systemd" / "user"
    assert runner.calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "tracing-desk-purge.timer"],
    ]
    service = (units / "tracing-desk-purge.service").read_text(encoding="utf-8")
    timer = (units / "tracing-desk-purge.timer").read_text(encoding="utf-8")
    # Quoted arguments (a space in the path), « % » doubled for systemd.
    assert (
        'ExecStart="/opt/tracing desk/tracing-desk" "--data-dir" "/data/100%% poste" "purge"'
        in service
    )
    assert "ConditionPathExists=/data/100%% poste/tracing.db" in service
    assert "Type=oneshot" in service and "Environment=QT_QPA_PLATFORM=offscreen" in service
    for line in ("OnCalendar=daily", "Persistent=true", "WantedBy=timers.target"):
        assert line in timer
    assert "tracing-desk-purge.timer" in message and "enregistrée" in message

    # systemctl enable makes the link; the status then says registered.
    wants = units / "timers.target.wants"
    wants.mkdir()
    (wants / "tracing-desk-purge.timer").symlink_to(units / "tracing-desk-purge.timer")
    assert T.status(env).registered


def test_linux_system_wide_installation_counts(tmp_path: Path) -> None:
    env = linux(tmp_path, Recorder())
    wants = env.global_units / "timers.target.wants"
    wants.mkdir(parents=True)
    (env.global_units / "tracing-desk-purge.timer").write_text("[Timer]\n")
    (wants / "tracing-desk-purge.timer").symlink_to(env.global_units / "tracing-desk-purge.timer")
    assert T.status(env).registered


def test_linux_without_user_session_is_reported_in_french(tmp_path: Path) -> None:
    runner = Recorder(
        Completed(0),
        Completed(1, "", "Failed to connect to bus: No medium found\n"),
    )
    env = linux(tmp_path, runner)
    with pytest.raises(TaskError) as caught:
        T.register(env)
    message = str(caught.value)
    assert "systemd n’a pas pu activer le minuteur" in message
    assert "Failed to connect to bus" in message
    assert "systemctl --user enable --now tracing-desk-purge.timer" in message
    assert not T.status(env).registered  # never claimed


def test_linux_without_systemd(tmp_path: Path) -> None:
    env = linux(tmp_path, Recorder(missing=True))
    with pytest.raises(TaskError, match="systemd est absent"):
        T.register(env)


def test_windows_command_lines(tmp_path: Path) -> None:
    exe = r"C:\Users\Inès\venv\Scripts\pythonw.exe"
    runner = Recorder(Completed(1, "", "ERREUR : le système ne trouve pas le fichier"))
    env = Environment(
        system=System.WINDOWS,
        home=tmp_path,
        runner=runner,
        command=[exe, "-m", "app", "--data-dir", r"D:\Données poste", "purge"],
        user="HOPITAL\\ines",
    )
    assert not T.status(env).registered
    assert runner.calls[-1] == ["schtasks", "/Query", "/TN", "Tracing Desk\\Purge quotidienne"]

    T.register(env)
    create = runner.calls[-1]
    assert create[:4] == ["schtasks", "/Create", "/TN", "Tracing Desk\\Purge quotidienne"]
    assert create[4] == "/XML" and create[6] == "/F"
    assert not Path(create[5]).exists()  # the temporary file is removed
    xml = runner.seen_files["xml"]
    assert f"<Command>{exe}</Command>" in xml
    assert '<Arguments>-m app --data-dir "D:\\Données poste" purge</Arguments>' in xml
    assert "<UserId>HOPITAL\\ines</UserId><LogonType>InteractiveToken</LogonType>" in xml
    assert "<StartWhenAvailable>true</StartWhenAvailable>" in xml
    assert "<LogonTrigger>" in xml and "<DaysInterval>1</DaysInterval>" in xml

    refused = Environment(
        system=System.WINDOWS,
        home=tmp_path,
        runner=Recorder(Completed(1, "", "Accès refusé.")),
        command=[exe, "purge"],
        user="u",
    )
    with pytest.raises(TaskError, match="Le Planificateur de tâches a refusé"):
        T.register(refused)


def test_macos_agent_and_launchctl(tmp_path: Path) -> None:
    runner = Recorder()
    env = Environment(
        system=System.MACOS,
        home=tmp_path,
        runner=runner,
        command=["/Applications/Tracing Desk.app/Contents/MacOS/tracing-desk", "purge"],
        uid=501,
    )
    assert not T.status(env).registered
    T.register(env)
    agent = tmp_path / "Library" / "LaunchAgents" / "fr.tracingdesk.purge.plist"
    assert runner.calls == [
        ["launchctl", "bootout", "gui/501/fr.tracingdesk.purge"],
        ["launchctl", "bootstrap", "gui/501", str(agent)],
    ]
    plist = plistlib.loads(agent.read_bytes())
    assert plist["Label"] == "fr.tracingdesk.purge"
    assert plist["ProgramArguments"] == env.command
    assert plist["StartCalendarInterval"] == {"Hour": 12, "Minute": 30}
    assert plist["RunAtLoad"] is True
    assert T.status(env).registered

    failing = Environment(
        system=System.MACOS,
        home=tmp_path / "other",
        runner=Recorder(Completed(0), Completed(5, "", "Bootstrap failed: 5: Input/output error")),
        command=["x", "purge"],
        uid=501,
    )
    with pytest.raises(TaskError, match="launchd a refusé"):
        T.register(failing)
    assert not T.status(failing).registered


def test_purge_command_from_sources_bundle_and_other_data_dir(tmp_path: Path) -> None:
    default = T.default_data_dir()
    assert T.purge_command(
        "/venv/bin/python", frozen=False, data_dir=default, system=System.LINUX
    ) == ["/venv/bin/python", "-m", "app", "purge"]
    assert T.purge_command(
        "/opt/td/tracing-desk", frozen=True, data_dir=default, system=System.LINUX
    ) == ["/opt/td/tracing-desk", "purge"]
    bundle = tmp_path / "TracingDesk"
    bundle.mkdir()
    (bundle / "TracingDesk.exe").write_bytes(b"")
    assert T.purge_command(
        str(bundle / "tracing-desk.exe"), frozen=True, data_dir=default, system=System.WINDOWS
    ) == [str(bundle / "TracingDesk.exe"), "purge"]
    assert T.purge_command(
        "/venv/bin/python", frozen=False, data_dir=tmp_path, system=System.LINUX
    ) == ["/venv/bin/python", "-m", "app", "--data-dir", str(tmp_path), "purge"]

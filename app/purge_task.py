"""The operating system's daily purge task: is it registered, and registering it for this user.

The installers register ``tracing-desk purge`` once a day (``packaging/linux``:
a systemd user timer; ``packaging/windows``: a Task Scheduler task;
``packaging/macos``: a launchd agent) so that the 3-month limit holds even
when the program is not opened. A developer set-up or a ``pip install``
registers nothing: :func:`status` tells, and :func:`register` registers the
same purge for the current user, with the same names, schedule and options as
the installers.

Qt-free. Every external command goes through a :data:`Runner` (injectable:
the tests check the exact command lines without running them), every file
goes under the *home* given (a temporary one in the tests). Messages are
French; they name no personal data.
"""

from __future__ import annotations

import getpass
import os
import plistlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

from app import paths
from app.files import atomic_write

UNIT = "tracing-desk-purge"
TIMER = f"{UNIT}.timer"
SERVICE = f"{UNIT}.service"
TASK_NAME = "Tracing Desk\\Purge quotidienne"
LAUNCHD_LABEL = "fr.tracingdesk.purge"
#: Where a system-wide Linux installation (``sudo install.sh``) puts the timer.
GLOBAL_UNITS = Path("/etc/systemd/user")


class System(StrEnum):
    LINUX = "linux"
    WINDOWS = "windows"
    MACOS = "macos"
    OTHER = "other"


def current_system() -> System:
    if sys.platform.startswith("linux"):
        return System.LINUX
    if sys.platform == "win32":
        return System.WINDOWS
    if sys.platform == "darwin":
        return System.MACOS
    return System.OTHER


@dataclass(frozen=True, slots=True)
class Completed:
    """What a command gave back (enough of :class:`subprocess.CompletedProcess`)."""

    returncode: int
    stdout: str = ""
    stderr: str = ""


#: Runs a command line (no shell); raises :class:`OSError` when the program is missing.
Runner = Callable[[Sequence[str]], Completed]


def run_command(argv: Sequence[str]) -> Completed:
    """The real runner: no shell, no window on Windows, 60 seconds at most."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            creationflags=flags,
        )
    except subprocess.TimeoutExpired:
        return Completed(124, "", "délai dépassé")
    return Completed(done.returncode, done.stdout or "", done.stderr or "")


class TaskError(RuntimeError):
    """Registering failed; ``str()`` is a French sentence for the user."""


@dataclass(frozen=True, slots=True)
class TaskStatus:
    system: System
    registered: bool
    #: French, one sentence: where the task is, or that there is none.
    description: str


@dataclass(slots=True)
class Environment:
    """Where the files go and how commands run (tests give a temporary home and a fake runner)."""

    system: System = field(default_factory=current_system)
    home: Path = field(default_factory=Path.home)
    runner: Runner = run_command
    #: The purge command line; by default :func:`purge_command`.
    command: list[str] = field(default_factory=lambda: purge_command())
    global_units: Path = GLOBAL_UNITS
    #: ``XDG_CONFIG_HOME`` (``None``: read from the environment, else ``~/.config``).
    config_home: Path | None = None
    uid: int | None = None
    user: str | None = None

    def units_dir(self) -> Path:
        base = self.config_home
        if base is None:
            env = os.environ.get("XDG_CONFIG_HOME")
            base = Path(env) if env else self.home / ".config"
        return base / "systemd" / "user"

    def agent_path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"


# ------------------------------------------------------------------ the command


def purge_command(
    executable: str | None = None,
    *,
    frozen: bool | None = None,
    data_dir: Path | None = None,
    system: System | None = None,
) -> list[str]:
    """The command line of the daily purge: the one the installers register.

    A bundle runs its own program (on Windows ``TracingDesk.exe``, which has no
    console window); from sources or a ``pip install``, this Python runs
    ``-m app`` (``pythonw.exe`` on Windows when present). A data folder other than
    the default one (``--data-dir``, ``TRACING_DESK_DATA_DIR``) is passed on.
    """
    exe = Path(executable or sys.executable)
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    system = current_system() if system is None else system
    if frozen:
        if system is System.WINDOWS and (exe.parent / "TracingDesk.exe").exists():
            exe = exe.parent / "TracingDesk.exe"
        argv = [str(exe)]
    else:
        if system is System.WINDOWS and (exe.parent / "pythonw.exe").exists():
            exe = exe.parent / "pythonw.exe"
        argv = [str(exe), "-m", "app"]
    chosen = paths.data_dir(create=False) if data_dir is None else data_dir
    if Path(chosen) != default_data_dir():
        argv += ["--data-dir", str(chosen)]
    return [*argv, "purge"]


def default_data_dir() -> Path:
    """The data folder without ``--data-dir`` nor ``TRACING_DESK_DATA_DIR``."""
    from platformdirs import PlatformDirs

    return Path(PlatformDirs(paths.APP_NAME, paths.APP_AUTHOR, roaming=False).user_data_dir)


# ------------------------------------------------------------------ status


def status(env: Environment | None = None) -> TaskStatus:
    """Whether this user's daily purge is registered with the system.

    Linux and macOS read files only (a few milliseconds); Windows asks
    ``schtasks /Query`` (run it outside the window's thread).
    """
    env = env or Environment()
    if env.system is System.LINUX:
        for units in (env.units_dir(), env.global_units):
            if (units / TIMER).is_file() and (units / "timers.target.wants" / TIMER).exists():
                return TaskStatus(
                    env.system,
                    True,
                    f"Purge quotidienne enregistrée : minuteur systemd {TIMER} ({units}).",
                )
        return TaskStatus(
            env.system, False, "Aucun minuteur systemd de purge quotidienne n’est activé."
        )
    if env.system is System.MACOS:
        if env.agent_path().is_file():
            return TaskStatus(
                env.system,
                True,
                f"Purge quotidienne enregistrée : agent launchd {LAUNCHD_LABEL}.",
            )
        return TaskStatus(
            env.system, False, "Aucun agent launchd de purge quotidienne n’est enregistré."
        )
    if env.system is System.WINDOWS:
        try:
            done = env.runner(["schtasks", "/Query", "/TN", TASK_NAME])
        except OSError:
            done = Completed(1)
        if done.returncode == 0:
            return TaskStatus(
                env.system,
                True,
                f"Purge quotidienne enregistrée : tâche planifiée «\u202f{TASK_NAME}\u202f».",
            )
        return TaskStatus(
            env.system,
            False,
            "Aucune tâche planifiée de purge quotidienne n’est enregistrée.",
        )
    return TaskStatus(
        env.system,
        False,
        "Ce système n’a pas de tâche de purge quotidienne prise en charge.",
    )


# ------------------------------------------------------------------ registering


def register(env: Environment | None = None) -> str:
    """Register the daily purge for the current user; a French confirmation.

    Raises :class:`TaskError` (French) when the system refuses or is missing.
    """
    env = env or Environment()
    if env.system is System.LINUX:
        return _register_systemd(env)
    if env.system is System.WINDOWS:
        return _register_schtasks(env)
    if env.system is System.MACOS:
        return _register_launchd(env)
    raise TaskError(
        "Ce système n’est pas pris en charge : planifiez vous-même la commande "
        f"«\u202f{_shell_line(env.command)}\u202f» une fois par jour."
    )


def _shell_line(argv: Sequence[str]) -> str:
    return " ".join(f'"{a}"' if (" " in a or not a) else a for a in argv)


def _first_line(done: Completed) -> str:
    for text in (done.stderr, done.stdout):
        for line in text.splitlines():
            if line.strip():
                return line.strip()[:200]
    return f"code {done.returncode}"


# -- Linux: systemd user timer -------------------------------------------------------


def _systemd_quote(arg: str) -> str:
    """One argument of ``ExecStart=``: double quotes, ``\\`` and ``"`` escaped, ``%`` doubled."""
    text = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{text}"'


def systemd_units(command: Sequence[str], data_dir: Path) -> dict[str, str]:
    """The service and the timer, as ``packaging/linux`` writes them."""
    exec_start = " ".join(_systemd_quote(a) for a in command)
    database = str(data_dir / paths.DB_FILENAME).replace("%", "%%")
    service = (
        "# Daily retention purge of Tracing Desk, for this user (systemd user unit).\n"
        "# Registered by the program (Paramètres, or the first-run wizard).\n"
        "[Unit]\n"
        "Description=Tracing Desk : suppression des fiches arrivées à échéance "
        "(3 mois au plus)\n"
        "# Nothing to purge before the first start created the database.\n"
        f"ConditionPathExists={database}\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={exec_start}\n"
        "Nice=10\n"
        "IOSchedulingClass=idle\n"
        "# No window: Qt is not needed by the purge, and must never wait for a display.\n"
        "Environment=QT_QPA_PLATFORM=offscreen\n"
    )
    timer = (
        "# Runs tracing-desk-purge.service once a day, and at the next start after a "
        "missed day.\n"
        "[Unit]\n"
        "Description=Tracing Desk : purge quotidienne\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=daily\n"
        "Persistent=true\n"
        "OnStartupSec=5min\n"
        "RandomizedDelaySec=15min\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {SERVICE: service, TIMER: timer}


def _data_dir_of(command: Sequence[str]) -> Path:
    if "--data-dir" in command:
        return Path(command[list(command).index("--data-dir") + 1])
    return default_data_dir()


def _register_systemd(env: Environment) -> str:
    units = env.units_dir()
    try:
        units.mkdir(parents=True, exist_ok=True)
        for name, text in systemd_units(env.command, _data_dir_of(env.command)).items():
            target = units / name
            # never through a link planted at the unit's name (app/files.py)
            atomic_write(target, text.encode("utf-8"), role="purge task")
            target.chmod(0o644)
    except OSError as exc:
        raise TaskError(
            f"Impossible d’écrire la tâche dans {units} ({exc.strerror or exc})."
        ) from None
    steps = (
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", TIMER],
    )
    for argv in steps:
        try:
            done = env.runner(argv)
        except OSError:
            raise TaskError(
                f"systemd est absent de ce système : les fichiers sont écrits dans {units}, "
                "mais rien ne les lancera. Planifiez «\u202f"
                f"{_shell_line(env.command)}\u202f» une fois par jour (cron)."
            ) from None
        if done.returncode != 0:
            raise TaskError(
                "systemd n’a pas pu activer le minuteur de votre session "
                f"({_first_line(done)}). Les fichiers sont prêts dans {units}\u00a0: dans une "
                "session graphique, lancez «\u202fsystemctl --user enable --now "
                f"{TIMER}\u202f» ou utilisez de nouveau cette commande."
            )
    return f"Purge quotidienne enregistrée : minuteur systemd {TIMER} ({units})."


# -- Windows: Task Scheduler -----------------------------------------------------------


def windows_user() -> str:
    domain = os.environ.get("USERDOMAIN")
    name = os.environ.get("USERNAME") or getpass.getuser()
    return f"{domain}\\{name}" if domain else name


def _windows_arguments(args: Sequence[str]) -> str:
    return subprocess.list2cmdline(list(args))


def task_xml(command: Sequence[str], user: str) -> str:
    """The task the Inno Setup installer registers for one user (``tracing-desk.iss``)."""
    exe = Path(command[0])
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<Task version="1.3" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">'
        "<RegistrationInfo><Description>Tracing Desk : suppression des fiches arrivées à "
        "échéance (3 mois au plus après leur création).</Description></RegistrationInfo>"
        "<Triggers><CalendarTrigger><StartBoundary>2020-11-19T12:30:00</StartBoundary>"
        "<RandomDelay>PT15M</RandomDelay><ScheduleByDay><DaysInterval>1</DaysInterval>"
        "</ScheduleByDay></CalendarTrigger><LogonTrigger><Delay>PT10M</Delay></LogonTrigger>"
        "</Triggers>"
        f'<Principals><Principal id="Author"><UserId>{escape(user)}</UserId>'
        "<LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel>"
        "</Principal></Principals>"
        "<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>"
        "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
        "<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>"
        "<StartWhenAvailable>true</StartWhenAvailable>"
        "<ExecutionTimeLimit>PT2H</ExecutionTimeLimit><Priority>7</Priority></Settings>"
        f'<Actions Context="Author"><Exec><Command>{escape(str(exe))}</Command>'
        f"<Arguments>{escape(_windows_arguments(command[1:]))}</Arguments>"
        f"<WorkingDirectory>{escape(str(exe.parent))}</WorkingDirectory></Exec></Actions>"
        "</Task>"
    )


def _register_schtasks(env: Environment) -> str:
    xml = task_xml(env.command, env.user or windows_user())
    handle, name = tempfile.mkstemp(prefix="tracing-desk-purge-", suffix=".xml")
    try:
        with os.fdopen(handle, "w", encoding="utf-16") as out:
            out.write(xml)
        try:
            done = env.runner(["schtasks", "/Create", "/TN", TASK_NAME, "/XML", name, "/F"])
        except OSError:
            raise TaskError("Le Planificateur de tâches (schtasks) est introuvable.") from None
    finally:
        Path(name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise TaskError(
            "Le Planificateur de tâches a refusé la tâche de purge quotidienne "
            f"({_first_line(done)})."
        )
    return f"Purge quotidienne enregistrée : tâche planifiée «\u202f{TASK_NAME}\u202f»."


# -- macOS: launchd agent ----------------------------------------------------------------


def launchd_plist(command: Sequence[str]) -> bytes:
    """The agent ``packaging/macos/install-agent.sh`` installs."""
    return plistlib.dumps(
        {
            "Label": LAUNCHD_LABEL,
            "ProgramArguments": list(command),
            "StartCalendarInterval": {"Hour": 12, "Minute": 30},
            "RunAtLoad": True,
            "ProcessType": "Background",
            "LowPriorityIO": True,
            "Nice": 10,
            "EnvironmentVariables": {"QT_QPA_PLATFORM": "offscreen"},
            "StandardOutPath": "/dev/null",
            "StandardErrorPath": "/dev/null",
        }
    )


def _register_launchd(env: Environment) -> str:
    agent = env.agent_path()
    try:
        agent.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(agent, launchd_plist(env.command), role="purge task")
        agent.chmod(0o644)
    except OSError as exc:
        raise TaskError(
            f"Impossible d’écrire l’agent dans {agent.parent} ({exc.strerror or exc})."
        ) from None
    uid = env.uid if env.uid is not None else os.getuid()  # type: ignore[attr-defined,unused-ignore]
    domain = f"gui/{uid}"
    try:
        env.runner(["launchctl", "bootout", f"{domain}/{LAUNCHD_LABEL}"])  # not loaded: fine
        done = env.runner(["launchctl", "bootstrap", domain, str(agent)])
    except OSError:
        raise TaskError("launchctl est introuvable : l’agent n’a pas pu être chargé.") from None
    if done.returncode != 0:
        agent.unlink(missing_ok=True)
        raise TaskError(f"launchd a refusé l’agent de purge quotidienne ({_first_line(done)}).")
    return f"Purge quotidienne enregistrée : agent launchd {LAUNCHD_LABEL}."

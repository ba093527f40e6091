"""The early check refuses the interpreter/binding pair known to crash, before any Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import earlyinit


@pytest.mark.parametrize(
    ("python", "binding"),
    [
        ((3, 11, 7), "6.11.3"),
        ((3, 12, 1), "6.12.0"),
        ((3, 13, 0), "6.12.2"),
        ((3, 11, 2), "6.10.3"),
    ],
)
def test_good_pairs_pass(python: tuple[int, ...], binding: str) -> None:
    assert earlyinit.problem(python, binding) is None


@pytest.mark.parametrize("binding", ["6.12.0", "6.12.1", "6.12.0.1"])
def test_pyside_612_on_python_311_is_refused_in_french(binding: str) -> None:
    reason = earlyinit.problem((3, 11, 7), binding)
    assert reason is not None
    assert f"PySide6 {binding} ne fonctionne pas avec Python 3.11.7" in reason
    assert "Python 3.12" in reason


def test_old_python_and_missing_binding_are_refused() -> None:
    assert "Python 3.11 ou plus récent" in (earlyinit.problem((3, 10, 12), "6.11.3") or "")
    assert "PySide6 n’est pas installée" in (earlyinit.problem((3, 12, 0), None) or "")


def test_check_exits_69_with_the_message_on_stderr(monkeypatch, capsys) -> None:
    monkeypatch.setattr(earlyinit, "binding_version", lambda: None)
    with pytest.raises(SystemExit) as exit_info:
        earlyinit.check()
    assert exit_info.value.code == earlyinit.EXIT_BAD_ENVIRONMENT
    assert "PySide6 n’est pas installée" in capsys.readouterr().err


def test_this_installation_passes_and_no_qt_is_loaded_by_the_check() -> None:
    """The pair pyproject.toml installs here is accepted, and checking it loads no Qt."""
    code = (
        "import sys; from app import earlyinit; earlyinit.check(); "
        "assert 'PySide6' not in sys.modules, 'Qt loaded'; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_command_refuses_a_bad_pair_before_importing_qt(monkeypatch) -> None:
    """``tracing-desk`` runs the check first: a bad pair exits 69 without loading Qt."""
    code = (
        "import sys; from app import earlyinit; "
        "earlyinit.binding_version = lambda: None; "
        "from app.cli import main\n"
        "try:\n    main(['doctor'])\n"
        "except SystemExit as e:\n"
        "    assert 'PySide6' not in sys.modules; sys.exit(e.code)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == earlyinit.EXIT_BAD_ENVIRONMENT, done.stderr
    assert "PySide6" in done.stderr


def test_without_metadata_the_package_itself_is_asked(monkeypatch) -> None:
    """A PyInstaller bundle has no dist-info: the version comes from PySide6 itself."""
    import PySide6

    def missing(name: str) -> str:
        raise earlyinit.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(earlyinit.metadata, "version", missing)
    assert earlyinit.binding_version() == PySide6.__version__

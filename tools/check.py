"""The whole test command: lint, format check, type check, then the test suite.

Run from the repository root with the project's virtual environment:
``.venv/bin/python tools/check.py`` (extra arguments go to pytest).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def run(title: str, *cmd: str) -> None:
    print(f"==> {title}: {' '.join(cmd)}", flush=True)
    result = subprocess.run(cmd, cwd=ROOT, check=False)
    if result.returncode != 0:
        print(f"==> {title} failed (exit {result.returncode})", flush=True)
        sys.exit(result.returncode)


def main() -> None:
    run("ruff lint", PY, "-m", "ruff", "check", ".")
    run("ruff format", PY, "-m", "ruff", "format", "--check", ".")
    run(
        "mypy strict (app/core, app/db, app/services)",
        PY,
        "-m",
        "mypy",
        "app/core",
        "app/db",
        "app/services",
    )
    run("mypy (app)", PY, "-m", "mypy", "app")
    run("import contracts", str(Path(PY).with_name("lint-imports")))
    run("French typography", PY, "tools/typography.py", "--check")
    run("pytest", PY, "-m", "pytest", *sys.argv[1:])


if __name__ == "__main__":
    main()

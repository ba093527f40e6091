"""Checks made before anything imports Qt: the interpreter and the Qt binding.

Like qutebrowser's ``misc/earlyinit.py``: a pair known to crash is refused at
once with a French message saying what to install, rather than failing later
in the middle of a nurse's work.

The known-bad pair: **PySide6 6.12 on Python 3.11**. That binding drops a
reference to ``None`` on every C++ call that returns nothing and to ``True`` on
every ``emit()``; Python 3.11 still counts those references, so after a few
thousand calls it aborts (« deallocating None »). Python 3.12 made these
objects immortal, and PySide6 6.11 does not have the bug: ``pyproject.toml``
installs 6.11.x on Python 3.11 and 6.12.x from Python 3.12 (environment
markers), so a normal installation never meets this check.

Only the standard library is used here, and the binding's version is read from
its installed metadata: nothing of Qt is loaded.
"""

from __future__ import annotations

import sys
from importlib import metadata

#: The oldest interpreter the program supports.
MIN_PYTHON = (3, 11)

#: Distributions that provide the ``PySide6`` package.
BINDINGS = ("PySide6-Essentials", "PySide6")

EXIT_BAD_ENVIRONMENT = 69  # sysexits EX_UNAVAILABLE


def _version_tuple(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if digits != piece:
            break
    return tuple(parts)


def binding_version() -> str | None:
    """The installed PySide6 version, or ``None`` if not installed.

    Read from the distribution's metadata (nothing of Qt loaded); a bundle made
    by PyInstaller carries no metadata, so there the package itself is asked.
    """
    for name in BINDINGS:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    try:
        import PySide6
    except ImportError:
        return None
    version = getattr(PySide6, "__version__", None)
    return str(version) if version else None


def problem(python: tuple[int, ...], binding: str | None) -> str | None:
    """The French reason this interpreter/binding pair cannot run the program, or ``None``."""
    here = ".".join(str(n) for n in python[:3])
    if python[:2] < MIN_PYTHON:
        return (
            f"Tracing Desk demande Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} ou plus récent "
            f"(ce poste a Python {here}). Installez une version plus récente de Python, "
            "puis réinstallez le programme."
        )
    if binding is None:
        return (
            "La bibliothèque graphique PySide6 n’est pas installée. Réinstallez le programme "
            "(commande indiquée dans le README) : elle l’installe."
        )
    version = _version_tuple(binding)
    if python[:2] < (3, 12) and (6, 12) <= version[:2] < (6, 13):
        return (
            f"PySide6 {binding} ne fonctionne pas avec Python {here}\u00a0: cette association "
            "fait planter le programme au bout de quelques minutes (défaut connu de PySide6 "
            "6.12 sous Python 3.11). Réinstallez le programme (commande indiquée dans le "
            "README), qui choisit PySide6 6.11 pour Python 3.11, ou utilisez Python 3.12 "
            "ou plus récent."
        )
    return None


def check() -> None:
    """Refuse a known-bad interpreter/binding pair: French message on stderr, exit 69."""
    reason = problem(tuple(sys.version_info[:3]), binding_version())
    if reason is not None:
        print(reason, file=sys.stderr)
        raise SystemExit(EXIT_BAD_ENVIRONMENT)

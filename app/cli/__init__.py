"""The ``tracing-desk`` commands: one module per group, sharing :mod:`app.cli._common`.

:func:`main` runs one command (:mod:`app.cli.main` builds the parser). The
program's entry point, which also opens the window, is :mod:`app.launcher`.
"""

from app.cli.main import main

__all__ = ["main"]

"""The information poster ("affichette", MARS n°2020_109) and the A5 information notice.

- :mod:`app.print.establishment`: the establishment's block read from the settings,
  and what is missing from it (no Qt).
- :mod:`app.print.content`: the French texts (translatable), taken from the seeds.
- :mod:`app.print.render`: HTML building (establishment fields escaped), layout
  with ``QTextDocument`` and painting onto a PDF writer or a printer.
- :mod:`app.print.output`: PDF export and journaling, shared by the CLI and the UI.
- :mod:`app.print.actions`: the print menu of the main window (preview, print, PDF).

Neither document holds personal data: only the establishment's own details.
"""

from app.workers import qt_compat  # noqa: F401  (before any Qt call: PySide6 6.12 refcount bug)

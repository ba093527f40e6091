"""The information poster ("affichette", MARS n°2020_109) and the A5 information notice.

- :mod:`app.print.establishment`: the establishment's block read from the settings,
  and what is missing from it (no Qt).
- :mod:`app.print.content`: the French texts (translatable), taken from the seeds.
- :mod:`app.print.render`: HTML building (establishment fields escaped), layout
  with ``QTextDocument`` and painting onto a PDF writer or a printer.
- :mod:`app.print.output`: PDF export and the settings' check, shared by the
  ``poster``/``notice`` commands (:mod:`app.cli.print`) and the print menu
  (:mod:`app.ui.print_menu`); their journal entries: :mod:`app.services.printing`.

Rendering only: this package imports neither the services, the workers, the
window nor the commands (``pyproject.toml``, import-linter).

Neither document holds personal data: only the establishment's own details.
"""

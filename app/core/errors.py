"""The base of every error a person can act on: a French message and a stable code.

A :class:`UserError` is a known condition explained to the user (a wrong key,
a refused fiche, an unreadable file, a refused setting, a sync that stopped):
every entry point shows its message and goes on. Anything else is a bug: the
window and the command line report it as « Erreur interne » with a crash
report, never its text (which could quote personal data).

Each class has

* ``code``: a short snake_case word, stable across versions and unique per
  class (JSON output, logs, tests); declared by every class, never inherited;
* a French message: ``template`` (marked with ``QT_TRANSLATE_NOOP(context, …)``,
  or a text already written in French) and its ``params``; the UI translates
  ``template`` in the class's ``context`` *then* fills in ``params``;
  ``str()`` is the French text (and the technical ``detail`` if any).

Messages never contain personal data: at most an identifier typed by the user
in the field itself, a line number, a store id or an SQLite error name.
"""

from __future__ import annotations

from typing import Any, ClassVar

from app.core.i18n import QT_TRANSLATE_NOOP

#: ``str(error)`` when a technical detail is attached (same text as before the base existed).
DETAIL_FORMAT = "{message} (détail technique\u00a0: {detail})"


class UserError(Exception):
    """A known condition the user (or the IT staff) can act on, told in French."""

    code: ClassVar[str] = "user_error"
    #: The translation context of ``template`` (``QT_TRANSLATE_NOOP``'s first argument).
    context: ClassVar[str] = "core"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP("core", "L’opération n’a pas été effectuée.")
    #: A technical detail shown after the message (an SQLite error name, field paths).
    detail: str | None = None

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        self.template: str = template if template is not None else self.default_message
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The French message, parameters filled in (without the technical detail)."""
        return self.template.format(**self.params) if self.params else self.template

    def __str__(self) -> str:
        if self.detail:
            return DETAIL_FORMAT.format(message=self.message, detail=self.detail)
        return self.message


def user_error_classes() -> list[type[UserError]]:
    """Every subclass of :class:`UserError` defined so far (imported modules only), base first."""
    found: list[type[UserError]] = [UserError]
    for cls in found:  # grows while walked: breadth first
        found.extend(sub for sub in cls.__subclasses__() if sub not in found)
    return found

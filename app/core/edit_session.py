"""The state of one fiche being edited, apart from its widgets (no Qt here).

A form shows a fiche through fields; each field's screen value (its *raw*
value: exactly what is typed, readable or not) is keyed by the field's path.
This module keeps what the form decides from, so that it can be tested alone:

- **Dirty state**: a counter of edits against the count at the last save and
  at the last draft written. Unsaved typing is ``edits != saved_edits``; the
  draft is current when ``draft_edits == edits``. A save that started at
  count *n* marks *n* as saved, whatever was typed meanwhile.
- **Which messages show**: a new form shows no error beside a field the user
  has not touched, until a save or validation was attempted.
- **Reload** (:func:`merge_reload`): the raw values the form loaded (*base*),
  the user's (*mine*) and the stored newer version's (*theirs*) merge into
  what the form shows next; fields changed on both sides to different values
  keep the typing and are listed as conflicts. A stored version that cannot
  be edited any more (validated, closed) keeps the typing aside until
  « Rouvrir ».
- **Closing** (:class:`CloseDecision`): close now, ask about unsaved typing,
  or wait for the save under way; then the user's answer
  (:class:`CloseAnswer`) gives the final decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class CloseDecision(StrEnum):
    """What closing a form's tab does now."""

    #: Nothing would be lost (nothing typed since the last save, or a read-only
    #: fiche, or a save already carrying the typing): the tab closes.
    CLOSE = "close"
    #: Unsaved typing in an editable fiche: ask « Enregistrer / Ne pas enregistrer
    #: / Annuler » first.
    ASK = "ask"
    #: « Enregistrer » was chosen and the save is under way: the tab closes once saved.
    WAIT = "wait"
    #: The tab stays open (« Annuler », or the save could not start: errors listed).
    STAY = "stay"


class CloseAnswer(StrEnum):
    """The user's answer to the question asked before closing."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ReloadOutcome(StrEnum):
    """How a reload merged the typing with the stored version."""

    #: Nothing was typed: the stored version is shown as it is.
    UNCHANGED = "unchanged"
    #: The typing was carried over onto the stored version, without conflict.
    CARRIED = "carried"
    #: The typing was carried over; some fields were changed on both sides and keep the typing.
    CONFLICTS = "conflicts"
    #: The stored version can no longer be edited (validated, closed): the typing
    #: waits aside and is carried over once the fiche is reopened.
    DEFERRED = "deferred"


@dataclass(frozen=True)
class Merge:
    """The result of :func:`merge_reload`.

    Attributes:
        outcome: see :class:`ReloadOutcome`.
        typed: the fields the user changed since the form loaded (path → raw value).
        conflicts: the paths among *typed* the stored version changed too, to
            another value (in the order of the form's fields).

    The merged result the form shows is the stored version with *typed* put
    back on it (unless the outcome is ``DEFERRED``: *typed* then waits aside).
    """

    outcome: ReloadOutcome
    typed: dict[str, Any]
    conflicts: tuple[str, ...]


def merge_reload(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    editable: bool,
) -> Merge:
    """Three-way merge of a form's raw values on reload.

    *base* is what the form loaded, *mine* what is on screen, *theirs* the stored
    newer version; *editable* says whether the stored version may be edited
    (a draft fiche). A field keeps the typing wherever the user changed it.
    """
    typed = {path: raw for path, raw in mine.items() if raw != base.get(path)}
    conflicts = tuple(
        path
        for path, raw in typed.items()
        if theirs.get(path) != base.get(path) and theirs.get(path) != raw
    )
    if typed and not editable:
        return Merge(ReloadOutcome.DEFERRED, typed, conflicts)
    if not typed:
        outcome = ReloadOutcome.UNCHANGED
    elif conflicts:
        outcome = ReloadOutcome.CONFLICTS
    else:
        outcome = ReloadOutcome.CARRIED
    return Merge(outcome, typed, conflicts)


@dataclass
class EditSession:
    """The editing state of one form (see the module's documentation).

    Attributes:
        edits: changes made since the form opened (typing, a draft restored,
            typing carried over after a reload).
        saved_edits: the value of *edits* the stored fiche reflects.
        draft_edits: the value of *edits* the last draft written reflects.
        base: the raw values the form loaded (the base of a reload's merge).
        carried: typing kept aside by a reload onto a read-only version, put
            back once the fiche is reopened.
        touched: the paths the user changed.
        attempted: a save or validation was asked (or a draft restored): every
            message shows, touched or not.
        busy: a job that changes the fiche is under way (the fields are read-only).
        close_after_save: « Enregistrer » was chosen on closing: the tab closes
            once saved.
        gone: the fiche was deleted or purged while open.
    """

    edits: int = 0
    saved_edits: int = 0
    draft_edits: int = 0
    base: dict[str, Any] = field(default_factory=dict)
    carried: dict[str, Any] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    attempted: bool = False
    busy: bool = False
    close_after_save: bool = False
    gone: bool = False

    # -- dirty state -------------------------------------------------------------
    @property
    def has_unsaved(self) -> bool:
        return self.edits != self.saved_edits

    @property
    def draft_is_current(self) -> bool:
        """The last draft written holds every change (nothing to autosave)."""
        return self.draft_edits == self.edits

    def loaded(self, raw: Mapping[str, Any]) -> None:
        """The form shows a stored version (*raw*: its fields' screen values)."""
        self.base = dict(raw)
        self.saved_edits = self.draft_edits = self.edits

    def edited(self, path: str) -> bool:
        """The user changed the field at *path*; true if the form just became unsaved."""
        was_saved = not self.has_unsaved
        self.edits += 1
        self.touched.add(path)
        return was_saved

    def changed(self) -> None:
        """The program changed the screen for the user (typing carried over after a reload)."""
        self.edits += 1

    def draft_restored(self) -> None:
        """A draft's typing is back on screen: unsaved, already drafted, every message shown."""
        self.edits += 1
        self.draft_edits = self.edits
        self.attempted = True

    def redraft(self) -> None:
        """The next autosave writes the draft even if it seems current (a refused save)."""
        self.draft_edits = min(self.draft_edits, self.edits - 1)

    def draft_written(self, edits: int) -> None:
        """A draft taken at count *edits* was written."""
        self.draft_edits = max(self.draft_edits, edits)

    def saved(self, edits: int) -> bool:
        """A save taken at count *edits* was written.

        True if nothing was typed since it started: the form may show the saved
        version (and :meth:`loaded` follows). Else the typing made meanwhile stays
        unsaved.
        """
        self.close_after_save = self.close_after_save and edits == self.edits
        if edits == self.edits:
            return True
        self.saved_edits = edits
        return False

    # -- messages ----------------------------------------------------------------
    def shows_issues(self, path: str, *, stored: bool) -> bool:
        """Whether the field at *path* shows its messages (a stored fiche: always)."""
        return stored or self.attempted or path in self.touched

    # -- reload ------------------------------------------------------------------
    def reload(
        self,
        base: Mapping[str, Any],
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any],
        *,
        editable: bool,
    ) -> Merge:
        """Merge the typing with the stored version (see :func:`merge_reload`; *base*:
        the :attr:`base` before the stored version was loaded); keep the typing aside
        if deferred."""
        merge = merge_reload(base, mine, theirs, editable=editable)
        if merge.outcome is ReloadOutcome.DEFERRED:
            self.carried = dict(merge.typed)
        return merge

    def take_carried(self) -> dict[str, Any]:
        """The typing kept aside by a reload (once the fiche may be edited again)."""
        carried, self.carried = self.carried, {}
        return carried

    def stored_gone(self) -> None:
        """The fiche no longer exists: the typing stays on screen, to be drafted again."""
        self.gone = True

    # -- closing -----------------------------------------------------------------
    def close_decision(self, *, editable_state: bool) -> CloseDecision:
        """What closing does now; *editable_state*: the fiche's state allows editing."""
        if self.busy and self.close_after_save:
            return CloseDecision.WAIT
        if not self.has_unsaved or not editable_state or self.busy:
            # A job under way carries the typing (the fields are read-only meanwhile).
            return CloseDecision.CLOSE
        return CloseDecision.ASK

    def answer_close(self, answer: CloseAnswer, *, save_started: bool = False) -> CloseDecision:
        """The final decision once the user answered; *save_started*: « Enregistrer »
        submitted the save (false when errors block it)."""
        if answer is CloseAnswer.DISCARD:
            return CloseDecision.CLOSE
        if answer is CloseAnswer.SAVE and save_started:
            self.close_after_save = True
            return CloseDecision.WAIT
        return CloseDecision.STAY

    def job_failed(self) -> None:
        """A job that changes the fiche failed: a pending close is called off."""
        self.close_after_save = False

"""What the patient zéro and contact forms share: lifecycle, drafts, checks, reload.

A form edits one fiche. Its fields are :class:`~app.ui.forms.fields.Binding`
objects; the record on screen is always *derived* from them (``current()``),
so what was typed is never lost, even when it cannot be read yet. The form is
put together from:

- :class:`~app.ui.forms.header.FicheHeader`: title, kind, state, buttons;
- :class:`~app.ui.forms.banner.FicheBanner`: conflict, read-only note, notes,
  possible duplicate, status line;
- :class:`~app.ui.forms.sections.FicheBody`: the scrolling page of sections;
- :class:`~app.core.edit_session.EditSession` (no Qt): unsaved typing, drafts,
  the merge on reload and what closing the tab does. The form decides from
  it, never from what a label shows.

Behaviour:

- Checks run a moment after each change (``check_draft``: formats, dates) and
  show inline beside each field; « Valider » runs ``check_for_validation`` and
  lists what is missing in the validation panel, each line leading to its
  field. Hard errors block saving; warnings never do.
- The whole form state is autosaved as a *draft* on the database thread a
  moment after each change (``app.db.drafts``): a crash or a power cut loses
  nothing. Saving the fiche (Ctrl+S) drops the draft.
- Lifecycle: a draft fiche (*initialisée*) is editable; « Valider » saves it as
  *validée*; « Rouvrir » brings a validated, transmitted or closed fiche back
  to *initialisée* for correction; « Clôturer » ends the tracing. Every step
  is journaled by the repository.
- Same NIR, or same name and birth date as another fiche: a warning with a
  button that opens the existing fiche.

Signals:
    title_changed(str): the tab title (plain text).
    saved(object): the fiche was written (the list of fiches should refresh).
    open_requested(str): open the fiche with this UUID.
    open_fiche(object): open this (new) fiche in its own tab.
    failed(str): a database job failed (French message).
    draft_saved(): the form's state was written as a draft.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.core.clock import utcnow
from app.core.dates import format_time, local_today
from app.core.edit_session import CloseAnswer, CloseDecision, EditSession, ReloadOutcome
from app.core.enums import FicheKind, LifecycleState, label_of
from app.core.models import AnyFiche
from app.core.serialize import fiche_to_dict
from app.core.validation import Issue, check_draft, check_for_validation
from app.db.drafts import Draft
from app.services.fiches import (
    DuplicateMatch,
    FicheNotFoundError,
    FicheRefused,
    PatientZeroGone,
    StaleVersionError,
)
from app.ui.forms import service
from app.ui.forms.banner import FicheBanner
from app.ui.forms.closing import ask_close
from app.ui.forms.fields import Binding, tr_core, translate
from app.ui.forms.header import FicheHeader, full_title, short_title
from app.ui.forms.plurals import PLURALS
from app.ui.forms.sections import FicheBody, Section
from app.ui.forms.validation_panel import ValidationPanel
from app.workers.db_thread import DbFailure, DbThread, Ticket

CHECK_DELAY_MS = 250
AUTOSAVE_DELAY_MS = 700
DUPLICATE_DELAY_MS = 600
IDENTITY_PATHS = frozenset({"nir", "nom_naissance", "nom_usage", "prenoms", "date_naissance"})


def today() -> date:
    """Today on the establishment's calendar (its time zone)."""
    return local_today()


class FicheForm(QWidget):
    title_changed = Signal(str)
    saved = Signal(object)
    open_requested = Signal(str)
    open_fiche = Signal(object)
    failed = Signal(str)
    draft_saved = Signal()

    KIND: FicheKind

    def __init__(
        self, db_thread: DbThread, user: str, fiche: AnyFiche, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"form_{fiche.kind.value}")
        self._db = db_thread
        self.user = user
        self.fiche: AnyFiche = fiche
        self.session = EditSession()
        self.bindings: list[Binding] = []
        self.sections: list[Section] = []
        self._loading = False
        self._validation_requested = False
        #: « Enregistrer » was refused: its list of errors follows the typing.
        self._save_refused = False
        self.last_issues: list[Issue] = []
        self.duplicates: list[DuplicateMatch] = []
        #: Buttons that change the record (shown only while it may be edited).
        self.edit_buttons: list[QWidget] = []

        self._check_timer = self._timer(CHECK_DELAY_MS, self.run_checks)
        self._autosave_timer = self._timer(AUTOSAVE_DELAY_MS, self.autosave)
        self._duplicate_timer = self._timer(DUPLICATE_DELAY_MS, self.check_duplicates)

        self.header = FicheHeader(
            self,
            save=self.save,
            validate=self.validate,
            reopen=self.reopen,
            close_fiche=self.close_fiche,
        )
        self.banner = FicheBanner(self, reload=self.reload, open_duplicate=self._open_duplicate)
        self.scroller = FicheBody(self)
        # The widgets the subclasses reach (the rest through ``header`` and ``banner``).
        self.status = self.banner.status
        self.content = self.scroller.content

        self.panel = ValidationPanel(self)
        self.panel.activated.connect(self.focus_path)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroller)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        self.build()
        self.scroller.finish()
        for binding in self.bindings:
            binding.changed.connect(lambda b=binding: self._on_changed(b))
        self.load(fiche)
        self.panel.setMinimumWidth(220)
        self.splitter.setSizes([900, 280])

    # -- construction ------------------------------------------------------------
    def _timer(self, ms: int, slot: Callable[[], Any]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def section(self, title: str) -> Section:
        section = self.scroller.add_section(title)
        self.sections.append(section)
        return section

    def bind(self, section: Section, binding: Binding, *, with_label: bool = True) -> Binding:
        self.bindings.append(binding)
        section.add(binding, with_label=with_label)
        return binding

    def build(self) -> None:
        """Create the sections and bindings (subclasses)."""
        raise NotImplementedError

    # -- state -------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A job that changes the fiche is under way (the fields are read-only)."""
        return self.session.busy

    @property
    def gone(self) -> bool:
        """The fiche was deleted or purged while open."""
        return self.session.gone

    @property
    def editable(self) -> bool:
        return self.fiche.state is LifecycleState.DRAFT and not self.busy

    def has_unsaved(self) -> bool:
        return self.session.has_unsaved

    def raw_values(self) -> dict[str, Any]:
        """What each field shows, exactly (path → raw value)."""
        return {b.path: b.raw() for b in self.bindings}

    def _put_raw(self, raw: dict[str, Any]) -> None:
        """Show *raw* values in their fields (not a change of the user's)."""
        self._loading = True
        for binding in self.bindings:
            if binding.path in raw:
                binding.set_raw(raw[binding.path])
        self._loading = False

    # -- loading -----------------------------------------------------------------
    def load(self, fiche: AnyFiche) -> None:
        """Show *fiche* (its stored values) and the controls its state allows."""
        self._loading = True
        self.fiche = fiche
        for binding in self.bindings:
            binding.load(fiche)
        self._loading = False
        self.session.loaded(self.raw_values())
        self.update_header()
        self.fix_tab_order()
        self.run_checks()

    def restore_draft(self, draft: Draft) -> None:
        """Put back what was on screen when the draft was written (unsaved typing)."""
        self._put_raw(draft.data.get("raw", {}))
        self.session.draft_restored()  # typed in an earlier session: every message counts
        self.banner.note_draft_restored(
            draft.updated_at,
            stale=bool(draft.base_version) and draft.base_version != self.fiche.version,
        )
        self.fix_tab_order()
        self.update_header()
        self.run_checks()

    def show_note(self, text: str) -> None:
        self.banner.show_note(text)

    def update_header(self) -> None:
        fiche = self.current()[0]
        state = self.fiche.state
        self.header.show_state(
            self.KIND,
            state,
            new=self.fiche.version == 0,
            unsaved=self.has_unsaved(),
            busy=self.busy,
        )
        draft = state is LifecycleState.DRAFT
        for binding in self.bindings:
            binding.set_editable(self.editable)
        for widget in self.edit_buttons:
            widget.setVisible(draft)
            widget.setEnabled(self.editable)
        self.scroller.set_readonly_look(not draft)
        self.banner.show_readonly(state)
        self.header.title.set_full_text(full_title(fiche))
        self.title_changed.emit(short_title(fiche))

    def fix_tab_order(self) -> None:
        """Tab follows the page from top to bottom, rows of lists included."""
        self.scroller.fix_tab_order()

    # -- the record on screen ----------------------------------------------------
    def current(self) -> tuple[AnyFiche, list[Issue]]:
        """The record as typed (a copy) and the issues of reading it."""
        fiche = copy.deepcopy(self.fiche)
        issues: list[Issue] = []
        for binding in self.bindings:
            issues.extend(binding.store(fiche))
        return fiche, issues

    def diagnosis(self) -> Any:
        """The diagnosis date(s) the 14-day window is checked against (contacts)."""
        return None

    def _on_changed(self, binding: Binding) -> None:
        if self._loading or self.fiche.state is not LifecycleState.DRAFT:
            return  # a read-only fiche never becomes « modifiée »
        became_unsaved = self.session.edited(binding.path)
        self._check_timer.start()
        self._autosave_timer.start()
        if binding.path in IDENTITY_PATHS:
            self._duplicate_timer.start()
        if became_unsaved:
            self.update_header()

    # -- checks ------------------------------------------------------------------
    def run_checks(self) -> list[Issue]:
        """Inline messages now (and the validation list, once « Valider » was asked)."""
        self._check_timer.stop()
        fiche, issues = self.current()
        if self._validation_requested:
            issues += check_for_validation(fiche, today(), diagnosis=self.diagnosis())
        else:
            issues += check_draft(fiche, today(), diagnosis=self.diagnosis())
        self.last_issues = issues
        self.show_inline(issues)
        if self._validation_requested:
            self.status.setText(self._show_validation(issues))  # the count follows the typing
        elif self._save_refused:
            self._show_save_errors(issues)
        self.header.title.set_full_text(full_title(fiche))
        self.title_changed.emit(short_title(fiche))
        return issues

    def show_inline(self, issues: list[Issue]) -> None:
        remaining = list(issues)
        stored = self.fiche.version > 0
        for binding in self.bindings:
            mine = [i for i in remaining if binding.covers(i.path)]
            remaining = [i for i in remaining if i not in mine]
            if not self.session.shows_issues(binding.path, stored=stored):
                mine = []  # an untouched field of a new form: no error yet
            binding.show_issues(mine)

    def _show_save_errors(self, issues: list[Issue]) -> bool:
        """The errors that block saving, in the panel (live); true if there are some."""
        errors = [i for i in issues if i.is_error]
        if not errors:
            self._save_refused = False
            self.panel.clear_issues()
            self.status.clear()
            return False
        title = PLURALS.cannot_save(len(errors))
        self.panel.show_issues(title, errors)
        self.status.setText(title)
        return True

    def _show_validation(self, issues: list[Issue]) -> str:
        """The validation list in the panel; returns its title."""
        errors = sum(1 for i in issues if i.is_error)
        if errors:
            title = PLURALS.cannot_validate(errors)
        elif issues:
            title = translate("forms", "Prête à valider ; à vérifier :")
        else:
            title = translate("forms", "Prête à valider.")
        self.panel.show_issues(title, issues)
        return title

    def focus_path(self, path: str) -> None:
        """Give the focus to the field of *path* and scroll it into view."""
        for binding in self.bindings:
            if binding.covers(path):
                binding.focus_path(path)
                break
        else:
            return
        QTimer.singleShot(0, self.scroller.scroll_to_focus)

    # -- jobs --------------------------------------------------------------------
    def submit(
        self,
        job: Callable[[Any], Any],
        done: Callable[[Any], None],
        *,
        busy: bool = True,
    ) -> Ticket:
        ticket = self._db.submit(job).tie_to(self)
        if busy:
            self.session.busy = True
            self.update_header()

        def finished(result: Any) -> None:
            if busy:
                self.session.busy = False
            done(result)
            if busy:
                self.update_header()

        def failed(failure: DbFailure) -> None:
            if busy:
                self.session.busy = False
                self.session.job_failed()
                self.update_header()
            self.job_failed(failure)

        ticket.finished.connect(finished)
        ticket.failed.connect(failed)
        return ticket

    def job_failed(self, failure: DbFailure) -> None:
        error = failure.error
        mine = getattr(error, "uuid", None) == self.fiche.uuid
        if isinstance(error, StaleVersionError) and mine:
            self._keep_typing()
            self.banner.show_conflict()
            return
        if isinstance(error, FicheNotFoundError) and mine:
            self.session.stored_gone()
            self._keep_typing()
            self.banner.show_gone()
            return
        if isinstance(error, FicheRefused) and mine:
            # The gate refused this state (checked again at storage time): keep the
            # typing and list what to correct, as « Valider » does.
            self._keep_typing()
            title = PLURALS.save_refused(len(error.issues))
            self.panel.show_issues(title, error.issues)
            self.status.setText(title)
            self.failed.emit(title)
            return
        if isinstance(error, PatientZeroGone) and mine:
            self._keep_typing()  # the typing stays, as a draft too
        message = failure.message
        self.status.setText(message)
        self.failed.emit(message)

    def _keep_typing(self) -> None:
        """Write what is typed as a draft now (a refused save drops nothing)."""
        if self.has_unsaved() and self.editable:
            self.session.redraft()
            self.autosave()

    def reload(self) -> None:
        """Show the stored version, with the fields typed here carried over onto it."""
        uuid, user = self.fiche.uuid, self.user
        self.submit(lambda db: service.reload_fiche(db, user, uuid), self._reloaded)

    def _reloaded(self, opened: service.OpenedFiche) -> None:
        base, mine = self.session.base, self.raw_values()
        self.load(opened.fiche)  # the session's base becomes the stored version
        merge = self.session.reload(
            base, mine, self.raw_values(), editable=self.fiche.state is LifecycleState.DRAFT
        )
        self.links_loaded(opened)
        self.banner.conflict_box.hide()
        if merge.outcome is not ReloadOutcome.DEFERRED:  # else carried after « Rouvrir »
            self._carry_over(merge.typed)
        labels = [b.label for b in self.bindings if b.path in merge.conflicts]
        self.banner.note_reloaded(merge, labels, self.fiche.state)

    def _carry_over(self, raw: dict[str, Any]) -> None:
        """Put the fields typed before a reload back on screen (unsaved, drafted)."""
        if not raw:
            return
        self._put_raw(raw)
        self.session.changed()
        self.autosave()  # the draft now rests on the reloaded version
        self.update_header()
        self.run_checks()

    # -- drafts ------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any]:
        return {"base": fiche_to_dict(self.fiche), "raw": self.raw_values()}

    def keep_draft(self) -> None:
        """Before the window closes for another user (lock screen): save the draft now."""
        self.autosave()

    def autosave(self) -> None:
        """Write the form's state as a draft (database thread), if it changed."""
        self._autosave_timer.stop()
        if self.session.draft_is_current or not self.editable:
            return
        edits = self.session.edits
        data = self.draft_data()
        uuid, kind, version = self.fiche.uuid, self.fiche.kind, self.fiche.version
        created_at = self.fiche.created_at if version > 0 else None

        def written(kept: object) -> None:
            if kept is False:  # read-only store: told by the window's banner, not by a box
                self.status.setText(
                    translate("forms", "Brouillon non enregistré\u00a0: base en lecture seule")
                )
                return
            self.session.draft_written(edits)
            self.status.setText(
                translate("forms", "Brouillon enregistré automatiquement à {time}").format(
                    time=format_time(utcnow(), seconds=True)
                )
            )
            self.draft_saved.emit()

        user = self.user
        self.submit(
            lambda db: service.put_draft(db, user, uuid, kind, version, data, created_at),
            written,
            busy=False,
        )

    def discard_draft(self) -> None:
        uuid, user = self.fiche.uuid, self.user
        self._autosave_timer.stop()
        self._db.submit(lambda db: service.discard_draft(db, user, uuid))

    # -- lifecycle ---------------------------------------------------------------
    def save(self) -> bool:
        """Ctrl+S: save the fiche as typed, unless a hard error blocks it; true if
        the save was submitted."""
        if not self.editable:
            return False
        self._validation_requested = False
        self.session.attempted = True
        fiche, issues = self.current()
        issues += check_draft(fiche, today(), diagnosis=self.diagnosis())
        self.show_inline(issues)
        self._save_refused = True
        if self._show_save_errors(issues):
            self.panel.list.setFocus()
            return False
        self.panel.clear_issues()
        user, edits = self.user, self.session.edits
        self.submit(lambda db: service.save_fiche(db, user, fiche), lambda r: self._saved(r, edits))
        return True

    def validate(self) -> bool:
        """Ctrl+Entrée: list what is missing, or save the fiche as validated."""
        if not self.editable:
            return False
        self._validation_requested = True
        self._save_refused = False
        self.session.attempted = True
        issues = self.run_checks()  # the panel lists them, the status line counts them
        if any(i.is_error for i in issues):
            self.panel.list.setFocus()
            return False
        fiche, _ = self.current()
        user, edits = self.user, self.session.edits
        self.submit(
            lambda db: service.validate_fiche(db, user, fiche), lambda r: self._saved(r, edits)
        )
        return True

    def reopen(self) -> None:
        self._change_state(LifecycleState.DRAFT)

    def close_fiche(self) -> None:
        self._change_state(LifecycleState.CLOSED)

    def _change_state(self, state: LifecycleState) -> None:
        uuid, user = self.fiche.uuid, self.user
        edits = self.session.edits
        self.submit(
            lambda db: service.change_state(db, user, uuid, state),
            lambda r: self._saved(r, edits),
        )

    def _saved(self, result: service.Saved, edits: int) -> None:
        self._validation_requested = False
        self._save_refused = False
        self.panel.clear_issues()
        self.show_note("")
        self.banner.conflict_box.hide()
        if self.session.saved(edits):
            self.load(result.fiche)
        else:  # typed on while saving: keep the screen, take the new version
            self.fiche = result.fiche
            self.update_header()
        self.links_loaded(result)
        if self.session.carried and self.editable:
            self._carry_over(self.session.take_carried())
        self.status.setText(
            translate("forms", "Fiche enregistrée à {time} ({state}).").format(
                time=format_time(utcnow()),
                state=tr_core(label_of(result.fiche.state)),
            )
        )
        self.saved.emit(result.fiche)

    def links_loaded(self, result: Any) -> None:
        """Linked contacts / patients zéro came back from the database (subclasses)."""

    # -- duplicates --------------------------------------------------------------
    def check_duplicates(self) -> None:
        self._duplicate_timer.stop()
        fiche, _ = self.current()
        if not (fiche.nir.strip() or (fiche.birth_date and fiche.first_names.strip())):
            self._show_duplicates([])
            return
        user = self.user
        self.submit(
            lambda db: service.duplicates(db, user, fiche), self._show_duplicates, busy=False
        )

    def _show_duplicates(self, matches: list[DuplicateMatch]) -> None:
        self.duplicates = matches
        self.banner.show_duplicates(matches)

    def _open_duplicate(self) -> None:
        if self.duplicates:
            self.open_requested.emit(self.duplicates[0].uuid)

    # -- closing -----------------------------------------------------------------
    def close_decision(self) -> CloseDecision:
        """What closing the tab does now, before any question (see ``EditSession``)."""
        return self.session.close_decision(editable_state=self.fiche.state is LifecycleState.DRAFT)

    def confirm_close(self) -> CloseDecision:
        """Ask what to do with unsaved typing if need be.

        Returns ``CLOSE`` (the tab may close now), ``WAIT`` (« Enregistrer »: it
        closes once saved) or ``STAY`` (« Annuler », or errors block the save).
        """
        decision = self.close_decision()
        if decision is not CloseDecision.ASK:
            return decision
        answer = ask_close(self)
        if answer is CloseAnswer.DISCARD:
            self.discard_draft()
        started = answer is CloseAnswer.SAVE and self.save()
        return self.session.answer_close(answer, save_started=started)

"""What the patient zéro and contact forms share: header, lifecycle, drafts, checks.

A form edits one fiche. Its fields are :class:`~app.ui.forms.fields.Binding`
objects; the record on screen is always *derived* from them (``current()``),
so what was typed is never lost, even when it cannot be read yet.

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
import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import utcnow
from app.core.enums import FicheKind, LifecycleState, label_of
from app.core.models import AnyFiche
from app.core.serialize import fiche_to_dict
from app.core.text import NO_NAME, display_name
from app.core.timefmt import format_datetime, format_time, local_today
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
from app.ui.forms.fields import WARNING_COLOR, Binding, Section, capitalised, tr_core, translate
from app.ui.forms.validation_panel import ValidationPanel
from app.workers.db_thread import DbFailure, DbThread, Ticket

CHECK_DELAY_MS = 250
AUTOSAVE_DELAY_MS = 700
DUPLICATE_DELAY_MS = 600
TITLE_CHARS = 40
IDENTITY_PATHS = frozenset({"nir", "nom_naissance", "nom_usage", "prenoms", "date_naissance"})
#: A read-only fiche's fields: one look for every kind of field (grey, text kept legible).
READONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] '
    "{ background-color: #eceff3; color: #1e1e1e; border: 1px solid #c9ced6; }"
    "QComboBox:disabled, QCheckBox:disabled, QRadioButton:disabled "
    "{ color: #1e1e1e; }"
    "QComboBox:disabled { background-color: #eceff3; border: 1px solid #c9ced6; }"
)


def today() -> date:
    """Today on the establishment's calendar (its time zone)."""
    return local_today()


def full_title(fiche: AnyFiche) -> str:
    name = display_name(fiche)
    return tr_core(name) if name == NO_NAME else name


def short_title(fiche: AnyFiche) -> str:
    name = full_title(fiche)
    return name if len(name) <= TITLE_CHARS else name[: TITLE_CHARS - 1] + "…"


class ElidedLabel(QLabel):
    """A plain-text label that elides instead of growing (a 10,000-character name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text[:200])
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self.full_text[:2000], Qt.TextElideMode.ElideRight, max(self.width(), 80)
        )
        super().setText(shown)


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
        self.bindings: list[Binding] = []
        self.sections: list[Section] = []
        self._edits = 0
        self._saved_edits = 0
        self._draft_edits = 0
        self._loading = False
        self._validation_requested = False
        #: « Enregistrer » was refused: its list of errors follows the typing.
        self._save_refused = False
        #: Fields the user changed; a new form's other fields show no error before
        #: a save or validation attempt (nothing typed is not a mistake).
        self._touched: set[str] = set()
        self._attempted = False
        self.busy = False
        self.close_after_save = False
        self.last_issues: list[Issue] = []
        self.duplicates: list[DuplicateMatch] = []
        self.gone = False  # the fiche was deleted or purged while open
        self._loaded_raw: dict[str, Any] = {}
        self._carried: dict[str, Any] = {}  # typing to put back after « Rouvrir »
        #: Buttons that change the record (shown only while it may be edited).
        self.edit_buttons: list[QWidget] = []
        self._readonly_look: bool | None = None

        self._check_timer = self._timer(CHECK_DELAY_MS, self.run_checks)
        self._autosave_timer = self._timer(AUTOSAVE_DELAY_MS, self.autosave)
        self._duplicate_timer = self._timer(DUPLICATE_DELAY_MS, self.check_duplicates)

        self._build_header()
        self.content = QWidget()
        self.content.setObjectName("form_content")
        self.content_layout = QVBoxLayout(self.content)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.content)
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
        self.content_layout.addStretch(1)
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

    def _build_header(self) -> None:
        self.header = QWidget(self)
        self.title = ElidedLabel(self.header)
        self.title.setObjectName("form_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.kind_label = QLabel(self.header)
        self.kind_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel(self.header)
        self.state_label.setObjectName("state_label")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = self._button("save", translate("forms", "&Enregistrer"), self.save)
        self.save_button.setToolTip(translate("forms", "Enregistrer la fiche (Ctrl+S)"))
        self.validate_button = self._button(
            "validate", translate("forms", "&Valider"), self.validate
        )
        self.validate_button.setToolTip(
            translate("forms", "Vérifier que la fiche est complète et la valider (Ctrl+Entrée)")
        )
        self.reopen_button = self._button("reopen", translate("forms", "&Rouvrir"), self.reopen)
        self.reopen_button.setToolTip(translate("forms", "Rouvrir la fiche pour la corriger"))
        self.close_button = self._button(
            "close_fiche", translate("forms", "Clô&turer"), self.close_fiche
        )
        self.close_button.setToolTip(
            translate("forms", "Clôturer la fiche : le traçage est terminé")
        )
        self.extra_buttons = QHBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.kind_label)
        top.addWidget(self.state_label)
        second = QHBoxLayout()
        self.badges = QHBoxLayout()
        second.addLayout(self.badges)
        second.addStretch(1)
        second.addLayout(self.extra_buttons)
        for button in (self.save_button, self.validate_button, self.reopen_button):
            second.addWidget(button)
        second.addWidget(self.close_button)
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)

        self.banner = QWidget(self)
        banner = QVBoxLayout(self.banner)
        banner.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.banner)
        self.status.setObjectName("form_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: #555;")
        self.note = QLabel(self.banner)
        self.note.setObjectName("form_note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        self.readonly_note = QLabel(self.banner)
        self.readonly_note.setObjectName("readonly_note")
        self.readonly_note.setTextFormat(Qt.TextFormat.PlainText)
        self.readonly_note.setStyleSheet("color: #1f3f7a; font-weight: bold;")
        self.readonly_note.hide()
        self.duplicate_box, self.duplicate_label, self.duplicate_open = self._notice_box(
            "duplicate", "#fff4d6", "#d8b24a", translate("forms", "Ouvrir la fiche existante")
        )
        self.duplicate_open.setObjectName("duplicate_open")
        self.duplicate_open.clicked.connect(self._open_duplicate)
        self.conflict_box, self.conflict_label, self.reload_button = self._notice_box(
            "conflict", "#fde7e7", "#c0504d", translate("forms", "Rec&harger la fiche")
        )
        self.reload_button.setObjectName("reload_fiche")
        self.reload_button.setToolTip(
            translate(
                "forms",
                "Afficher la version enregistrée et y reporter les champs que vous avez modifiés",
            )
        )
        self.reload_button.clicked.connect(self.reload)
        banner.addWidget(self.conflict_box)
        banner.addWidget(self.readonly_note)
        banner.addWidget(self.note)
        banner.addWidget(self.duplicate_box)
        banner.addWidget(self.status)

    def _notice_box(
        self, name: str, background: str, border: str, action: str
    ) -> tuple[QFrame, QLabel, QPushButton]:
        """A hidden coloured strip of the banner: a wrapped plain-text message and a button."""
        box = QFrame(self.banner)
        box.setObjectName(f"{name}_box")
        box.setStyleSheet(
            f"#{name}_box {{ background: {background}; border: 1px solid {border}; }}"
        )
        row = QHBoxLayout(box)
        label = QLabel(box)
        label.setObjectName(f"{name}_label")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        button = QPushButton(action, box)
        row.addWidget(label, 1)
        row.addWidget(button)
        box.hide()
        return box, label, button

    def _button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self.header)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def section(self, title: str) -> Section:
        section = Section(title, self.content)
        section.setObjectName("section")
        self.content_layout.addWidget(section)
        self.sections.append(section)
        return section

    def bind(self, section: Section, binding: Binding, *, with_label: bool = True) -> Binding:
        self.bindings.append(binding)
        section.add(binding, with_label=with_label)
        return binding

    def build(self) -> None:
        """Create the sections and bindings (subclasses)."""
        raise NotImplementedError

    # -- loading -----------------------------------------------------------------
    def load(self, fiche: AnyFiche) -> None:
        """Show *fiche* (its stored values) and the controls its state allows."""
        self._loading = True
        self.fiche = fiche
        for binding in self.bindings:
            binding.load(fiche)
        self._loaded_raw = {b.path: b.raw() for b in self.bindings}
        self._loading = False
        self._saved_edits = self._draft_edits = self._edits
        self.update_header()
        self.fix_tab_order()
        self.run_checks()

    def restore_draft(self, draft: Draft) -> None:
        """Put back what was on screen when the draft was written (unsaved typing)."""
        raw = draft.data.get("raw", {})
        self._loading = True
        for binding in self.bindings:
            if binding.path in raw:
                binding.set_raw(raw[binding.path])
        self._loading = False
        self._edits += 1
        self._draft_edits = self._edits
        self._attempted = True  # typed in an earlier session: every message counts
        when = format_datetime(draft.updated_at)
        text = translate(
            "forms",
            "Saisie non enregistrée du {when} restaurée : vérifiez-la puis enregistrez (Ctrl+S).",
        ).format(when=when)
        if draft.base_version and draft.base_version != self.fiche.version:
            text += " " + translate(
                "forms", "Attention : la fiche a été modifiée depuis cette saisie."
            )
        self.show_note(text)
        self.fix_tab_order()
        self.update_header()
        self.run_checks()

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    @property
    def editable(self) -> bool:
        return self.fiche.state is LifecycleState.DRAFT and not self.busy

    def update_header(self) -> None:
        fiche = self.current()[0]
        self.kind_label.setText(capitalised(tr_core(label_of(self.KIND))))
        state = self.fiche.state
        text = capitalised(tr_core(label_of(state)))
        if self.fiche.version == 0:
            text = translate("forms", "Nouvelle fiche (non enregistrée)")
        elif self.has_unsaved():
            text += translate("forms", " — modifications non enregistrées")
        self.state_label.setText(text)
        draft = state is LifecycleState.DRAFT
        self.save_button.setVisible(draft)
        self.validate_button.setVisible(draft)
        self.reopen_button.setVisible(not draft)
        self.close_button.setVisible(
            state in (LifecycleState.VALIDATED, LifecycleState.TRANSMITTED)
        )
        for button in (
            self.save_button,
            self.validate_button,
            self.reopen_button,
            self.close_button,
        ):
            button.setEnabled(not self.busy)
        for binding in self.bindings:
            binding.set_editable(self.editable)
        for widget in self.edit_buttons:
            widget.setVisible(draft)
            widget.setEnabled(self.editable)
        if self._readonly_look is not (not draft):
            # set after the fields' own state: the selectors are evaluated now
            self._readonly_look = not draft
            self.content.setStyleSheet(READONLY_STYLE if not draft else "")
        self.readonly_note.setText(
            translate(
                "forms", "Fiche {state} : lecture seule. « Rouvrir » pour la corriger."
            ).format(state=tr_core(label_of(state)))
        )
        self.readonly_note.setVisible(not draft)
        self.title.set_full_text(full_title(fiche))
        self.title_changed.emit(short_title(fiche))

    def fix_tab_order(self) -> None:
        """Tab follows the page from top to bottom, rows of lists included."""
        chain = [
            w for w in _layout_order(self.content) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

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

    def has_unsaved(self) -> bool:
        return self._edits != self._saved_edits

    def _on_changed(self, binding: Binding) -> None:
        if self._loading or self.fiche.state is not LifecycleState.DRAFT:
            return  # a read-only fiche never becomes « modifiée »
        self._edits += 1
        self._touched.add(binding.path)
        self._check_timer.start()
        self._autosave_timer.start()
        if binding.path in IDENTITY_PATHS:
            self._duplicate_timer.start()
        if not self.state_label.text().endswith(
            translate("forms", " — modifications non enregistrées")
        ):
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
            self._show_validation(issues)
            self.status.setText(self.panel.title.text())  # the count follows the typing
        elif self._save_refused:
            self._show_save_errors(issues)
        self.title.set_full_text(full_title(fiche))
        self.title_changed.emit(short_title(fiche))
        return issues

    def show_inline(self, issues: list[Issue]) -> None:
        remaining = list(issues)
        everything = self._attempted or self.fiche.version > 0
        for binding in self.bindings:
            mine = [i for i in remaining if binding.covers(i.path)]
            remaining = [i for i in remaining if i not in mine]
            if not everything and binding.path not in self._touched:
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
        self.panel.show_issues(
            translate(
                "forms", "Enregistrement impossible : %n erreur(s) à corriger", "", len(errors)
            ),
            errors,
        )
        self.status.setText(self.panel.title.text())
        return True

    def _show_validation(self, issues: list[Issue]) -> None:
        errors = sum(1 for i in issues if i.is_error)
        if errors:
            title = translate(
                "forms", "Validation impossible : %n élément(s) à compléter ou corriger", "", errors
            )
        elif issues:
            title = translate("forms", "Prête à valider ; à vérifier :")
        else:
            title = translate("forms", "Prête à valider.")
        self.panel.show_issues(title, issues)

    def focus_path(self, path: str) -> None:
        """Give the focus to the field of *path* and scroll it into view."""
        for binding in self.bindings:
            if binding.covers(path):
                binding.focus_path(path)
                break
        else:
            return
        QTimer.singleShot(0, self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and self.content.isAncestorOf(widget):
            self.scroller.ensureWidgetVisible(widget, 40, 80)

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
            self.busy = True
            self.update_header()

        def finished(result: Any) -> None:
            if busy:
                self.busy = False
            done(result)
            if busy:
                self.update_header()

        def failed(failure: DbFailure) -> None:
            if busy:
                self.busy = False
                self.update_header()
            self.job_failed(failure)

        ticket.finished.connect(finished)
        ticket.failed.connect(failed)
        return ticket

    def job_failed(self, failure: DbFailure) -> None:
        error = failure.error
        mine = getattr(error, "uuid", None) == self.fiche.uuid
        if isinstance(error, StaleVersionError) and mine:
            self._conflict()
            return
        if isinstance(error, FicheNotFoundError) and mine:
            self._gone()
            return
        if isinstance(error, FicheRefused) and mine:
            # The gate refused this state (checked again at storage time): keep the
            # typing and list what to correct, as « Valider » does.
            self._keep_typing()
            self.panel.show_issues(
                translate(
                    "forms",
                    "Enregistrement refusé : %n erreur(s) à corriger",
                    "",
                    len(error.issues),
                ),
                error.issues,
            )
            self.status.setText(self.panel.title.text())
            self.failed.emit(self.panel.title.text())
            return
        if isinstance(error, PatientZeroGone) and mine:
            self._keep_typing()  # the typing stays, as a draft too
        message = failure.message
        self.status.setText(message)
        self.failed.emit(message)

    def _keep_typing(self) -> None:
        """Write what is typed as a draft now (a refused save drops nothing)."""
        if self.has_unsaved() and self.editable:
            self._draft_edits = min(self._draft_edits, self._edits - 1)
            self.autosave()

    def _conflict(self) -> None:
        """The fiche changed since it was opened: say so, keep the typing, offer to reload."""
        self._keep_typing()
        self.conflict_label.setText(
            translate(
                "forms",
                "Cette fiche a été modifiée entre-temps (autre onglet, autre poste ou "
                "promotion) : votre saisie n’a pas été enregistrée. Elle reste affichée et "
                "conservée en brouillon. « Recharger la fiche » affiche la version "
                "enregistrée et y reporte les champs que vous avez modifiés ; vérifiez-les "
                "puis enregistrez.",
            )
        )
        self.reload_button.show()
        self.conflict_box.show()
        self.status.setText(
            translate("forms", "Enregistrement refusé : fiche modifiée entre-temps.")
        )
        self.reload_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _gone(self) -> None:
        """The fiche was deleted or purged while open: say so, keep the typing."""
        self.gone = True
        self._keep_typing()
        self.conflict_label.setText(
            translate(
                "forms",
                "Cette fiche n’existe plus : elle a été supprimée pendant que vous la "
                "modifiiez (échéance de conservation atteinte, ou suppression depuis un "
                "autre poste). Votre saisie n’a pas été enregistrée ; elle reste affichée "
                "dans cet onglet et conservée en brouillon au plus jusqu’à l’échéance de "
                "conservation de la fiche.",
            )
        )
        self.reload_button.hide()
        self.conflict_box.show()
        self.status.setText(translate("forms", "Enregistrement refusé : la fiche n’existe plus."))

    def reload(self) -> None:
        """Show the stored version, with the fields typed here carried over onto it."""
        uuid, user = self.fiche.uuid, self.user
        self.submit(lambda db: service.reload_fiche(db, user, uuid), self._reloaded)

    def _reloaded(self, opened: service.OpenedFiche) -> None:
        base = self._loaded_raw
        mine = {b.path: b.raw() for b in self.bindings}
        changed = [p for p, raw in mine.items() if raw != base.get(p)]
        self.load(opened.fiche)
        theirs = self._loaded_raw
        both = [p for p in changed if theirs.get(p) != base.get(p) and theirs.get(p) != mine[p]]
        self.links_loaded(opened)
        self.conflict_box.hide()
        if changed and not self.editable:
            # Validated or closed meanwhile: carried over once « Rouvrir » succeeds.
            self._carried = {p: mine[p] for p in changed}
            self.show_note(
                translate(
                    "forms",
                    "Fiche rechargée : elle est maintenant « {state} ». Votre saisie y sera "
                    "reportée si vous la rouvrez (« Rouvrir ») ; elle reste dans votre brouillon.",
                ).format(state=tr_core(label_of(self.fiche.state)))
            )
            return
        self._carry_over({p: mine[p] for p in changed})
        if both:
            labels = ", ".join(b.label for b in self.bindings if b.path in both)
            self.show_note(
                translate(
                    "forms",
                    "Fiche rechargée. Modifiés des deux côtés, ces champs gardent votre "
                    "saisie : {fields}. Vérifiez-les puis enregistrez (Ctrl+S).",
                ).format(fields=labels)
            )
        elif changed:
            self.show_note(
                translate(
                    "forms",
                    "Fiche rechargée avec votre saisie reportée : vérifiez-la puis "
                    "enregistrez (Ctrl+S).",
                )
            )
        else:
            self.show_note(translate("forms", "Fiche rechargée."))

    def _carry_over(self, raw: dict[str, Any]) -> None:
        """Put the fields typed before a reload back on screen (unsaved, drafted)."""
        if not raw:
            return
        self._loading = True
        for binding in self.bindings:
            if binding.path in raw:
                binding.set_raw(raw[binding.path])
        self._loading = False
        self._edits += 1
        self.autosave()  # the draft now rests on the reloaded version
        self.update_header()
        self.run_checks()

    # -- drafts ------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any]:
        return {
            "base": fiche_to_dict(self.fiche),
            "raw": {b.path: b.raw() for b in self.bindings},
        }

    def keep_draft(self) -> None:
        """Before the window closes for another user (lock screen): save the draft now."""
        self.autosave()

    def autosave(self) -> None:
        """Write the form's state as a draft (database thread), if it changed."""
        self._autosave_timer.stop()
        if self._draft_edits == self._edits or not self.editable:
            return
        edits = self._edits
        data = self.draft_data()
        uuid, kind, version = self.fiche.uuid, self.fiche.kind, self.fiche.version
        created_at = self.fiche.created_at if version > 0 else None

        def written(kept: object) -> None:
            if kept is False:  # read-only store: told by the window's banner, not by a box
                self.status.setText(
                    translate("forms", "Brouillon non enregistré\u00a0: base en lecture seule")
                )
                return
            self._draft_edits = max(self._draft_edits, edits)
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
        """Ctrl+S: save the fiche as typed, unless a hard error blocks it."""
        if not self.editable:
            return False
        self._validation_requested = False
        self._attempted = True
        fiche, issues = self.current()
        issues += check_draft(fiche, today(), diagnosis=self.diagnosis())
        self.show_inline(issues)
        self._save_refused = True
        if self._show_save_errors(issues):
            self.panel.list.setFocus()
            return False
        self.panel.clear_issues()
        user = self.user
        edits = self._edits
        self.submit(lambda db: service.save_fiche(db, user, fiche), lambda r: self._saved(r, edits))
        return True

    def validate(self) -> bool:
        """Ctrl+Entrée: list what is missing, or save the fiche as validated."""
        if not self.editable:
            return False
        self._validation_requested = True
        self._save_refused = False
        self._attempted = True
        issues = self.run_checks()
        if any(i.is_error for i in issues):
            self.panel.list.setFocus()
            self.status.setText(self.panel.title.text())
            return False
        fiche, _ = self.current()
        user = self.user
        edits = self._edits
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
        edits = self._edits
        self.submit(
            lambda db: service.change_state(db, user, uuid, state),
            lambda r: self._saved(r, edits),
        )

    def _saved(self, result: service.Saved, edits: int) -> None:
        self._validation_requested = False
        self._save_refused = False
        self.panel.clear_issues()
        self.show_note("")
        self.conflict_box.hide()
        if edits == self._edits:
            self.load(result.fiche)
        else:  # typed on while saving: keep the screen, take the new version
            self.fiche = result.fiche
            self._saved_edits = edits
            self.update_header()
        self.links_loaded(result)
        if self._carried and self.editable:
            carried, self._carried = self._carried, {}
            self._carry_over(carried)
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
        if not matches:
            self.duplicate_box.hide()
            return
        first = matches[0]
        reason = (
            translate("forms", "le même NIR")
            if first.same_nir
            else translate("forms", "les mêmes nom, prénoms et date de naissance")
        )
        text = translate(
            "forms", "Doublon possible : une fiche {kind} ({state}, créée le {created}) a {reason}."
        ).format(
            kind=tr_core(label_of(first.kind)),
            state=tr_core(label_of(first.state)),
            created=format_datetime(first.created_at),
            reason=reason,
        )
        if len(matches) > 1:
            text += " " + translate(
                "forms", "%n autre(s) fiche(s) semblable(s).", "", len(matches) - 1
            )
        self.duplicate_label.setText(text)
        self.duplicate_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.duplicate_box.show()

    def _open_duplicate(self) -> None:
        if self.duplicates:
            self.open_requested.emit(self.duplicates[0].uuid)

    # -- closing -----------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask what to do with unsaved typing; true if the tab may close."""
        if not self.has_unsaved() or not self.editable:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("forms", "Modifications non enregistrées"),
            translate("forms", "Enregistrer les modifications de cette fiche avant de la fermer ?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        discard_text = translate("forms", "Ne pas enregistrer")
        box.button(QMessageBox.StandardButton.Discard).setText(discard_text)
        box.setInformativeText(
            translate(
                "forms", "« {button} » abandonne la saisie (le brouillon est supprimé)."
            ).format(button=discard_text)
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save() and False  # closes once saved (see workspace)
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_draft()
            return True
        return False


def _layout_order(widget: QWidget) -> list[QWidget]:
    """Widgets inside *widget* in the order of its layouts (top to bottom, left to right)."""
    out: list[QWidget] = []
    layout = widget.layout()
    if layout is None:
        return out

    def walk(lay: Any) -> None:
        for i in range(lay.count()):
            item = lay.itemAt(i)
            child = item.widget()
            if child is not None:
                if (
                    child.isHidden()
                    and not child.isWindow()
                    and child.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
                ):
                    continue
                if child.layout() is not None:
                    if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                        out.append(child)
                    walk(child.layout())
                else:
                    out.append(child)
                continue
            sub = item.layout()
            if sub is not None:
                walk(sub)

    walk(layout)
    return out

"""The tabs of the main window: the list of fiches, then one tab per open fiche.

A nurse on the phone keeps the person's fiche open while she searches the
list (Ctrl+F) or opens a contact: tabs keep everything in one window that
fits 1366×768, and Ctrl+Tab / Ctrl+W move between and close them. Opening a
fiche (Entrée or double-click in the list) reads it on the database thread;
drafts left by a crash reopen in their tabs at start.

Shortcuts (menu « Fiche »): Ctrl+N new patient zéro, Ctrl+Maj+N new contact
(in a patient zéro's tab: linked to that patient zéro), Ctrl+S save, Ctrl+Entrée
validate, Ctrl+F search the list, Ctrl+W close the tab.

Signals:
    failed(str): a database job failed (French message).
    data_changed(): a fiche was written (refresh the list and the counts).
    drafts_restored(int): that many unsaved forms were reopened at start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenuBar, QTabBar, QTabWidget, QWidget

from app.core.edit_session import CloseDecision
from app.core.enums import FicheKind
from app.core.models import AnyFiche, Contact, PatientZero
from app.ui.fiche_list import FicheListPanel
from app.ui.fiche_model import FicheListModel
from app.ui.forms import service
from app.ui.forms.contact import ContactForm
from app.ui.forms.fiche_form import FicheForm
from app.ui.forms.fields import translate
from app.ui.forms.patient_zero import PatientZeroForm
from app.ui.tab_style import keep_accents
from app.workers.db_thread import DbFailure, DbThread


def form_class(kind: FicheKind) -> type[FicheForm]:
    return PatientZeroForm if kind is FicheKind.PATIENT_ZERO else ContactForm


class FicheWorkspace(QTabWidget):
    failed = Signal(str)
    data_changed = Signal()
    drafts_restored = Signal(int)

    def __init__(
        self,
        db_thread: DbThread,
        user: str,
        list_panel: FicheListPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self._db = db_thread
        self.user = user
        self.list_panel = list_panel
        self._opening: set[str] = set()
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.setUsesScrollButtons(True)
        self.addTab(list_panel, translate("forms", "Fiches"))
        bar = self.tabBar()
        keep_accents(bar)  # « Établissement… » keeps its É on an inactive tab
        bar.setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        bar.setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        list_panel.table.activated.connect(self._open_from_list)
        self.currentChanged.connect(lambda _i: self._update_actions())
        self.actions_by_name: dict[str, QAction] = {}

    # -- menu and shortcuts ---------------------------------------------------------
    def install(self, window: QWidget, menubar: QMenuBar) -> None:
        """Add the « Fiche » menu (with the shortcuts) to *menubar*, before « Aide »."""
        menu = menubar.addMenu(translate("forms", "Fi&che"))
        items: list[tuple[str, str, list[QKeySequence], Any]] = [
            (
                "new_patient_zero",
                translate("forms", "Nouveau &patient zéro"),
                [QKeySequence("Ctrl+N")],
                self.new_patient_zero,
            ),
            (
                "new_contact",
                translate("forms", "Nouvelle personne &contact"),
                [QKeySequence("Ctrl+Shift+N")],
                self.new_contact,
            ),
            ("save", translate("forms", "&Enregistrer"), [QKeySequence("Ctrl+S")], self.save),
            (
                "validate",
                translate("forms", "&Valider"),
                # Ctrl+Enter first: Qt's French names it « Ctrl+Entrée » (the key's name on
                # French keyboards) where Ctrl+Return reads « Ctrl+Retour »; both keys work.
                [QKeySequence("Ctrl+Enter"), QKeySequence("Ctrl+Return")],
                self.validate,
            ),
            (
                "close_tab",
                translate("forms", "&Fermer l’onglet"),
                [QKeySequence("Ctrl+W")],
                self.close_current,
            ),
        ]
        for name, text, keys, slot in items:
            action = QAction(text, window)
            action.setObjectName(name)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            window.addAction(action)
            self.actions_by_name[name] = action
        # Ctrl+F: the list panel has its own shortcut while it is shown; from a
        # fiche's tab this one goes back to the list and its search field.
        search = QAction(translate("forms", "&Rechercher dans la liste (Ctrl+F)"), window)
        search.triggered.connect(self.focus_search)
        menu.addAction(search)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self._find_shortcut = find
        self._update_actions()

    def _update_actions(self) -> None:
        form = self.current_form()
        for name in ("save", "validate"):
            action = self.actions_by_name.get(name)
            if action is not None:
                action.setEnabled(form is not None)
        close = self.actions_by_name.get("close_tab")
        if close is not None:
            close.setEnabled(form is not None)
        shortcut = getattr(self, "_find_shortcut", None)
        if shortcut is not None:
            shortcut.setEnabled(form is not None)  # the list's own Ctrl+F otherwise

    # -- tabs ---------------------------------------------------------------------
    def forms(self) -> list[FicheForm]:
        return [
            w for w in (self.widget(i) for i in range(self.count())) if isinstance(w, FicheForm)
        ]

    def current_form(self) -> FicheForm | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, FicheForm) else None

    def form_for(self, uuid: str) -> FicheForm | None:
        for form in self.forms():
            if form.fiche.uuid == uuid:
                return form
        return None

    def add_form(self, fiche: AnyFiche, opened: service.OpenedFiche | None = None) -> FicheForm:
        form = form_class(fiche.kind)(self._db, self.user, fiche, self)
        if opened is not None:
            form.links_loaded(opened)
            if opened.draft is not None:
                form.restore_draft(opened.draft)
        index = self.addTab(form, "")
        form.title_changed.connect(lambda text, f=form: self._retitle(f, text))
        form.saved.connect(self._form_saved)
        form.failed.connect(self.failed)
        form.open_requested.connect(self.open_uuid)
        form.open_fiche.connect(self._open_new_fiche)
        form.run_checks()
        self.setCurrentIndex(index)
        form.bindings[0].focus()
        return form

    def _retitle(self, form: FicheForm, text: str) -> None:
        index = self.indexOf(form)
        if index < 0:
            return
        prefix = (
            translate("forms", "PZ")
            if form.KIND is FicheKind.PATIENT_ZERO
            else translate("forms", "Contact")
        )
        title = f"{prefix} · {text}"
        if form.has_unsaved():
            title += " *"
        self.setTabText(index, title)
        self.setTabToolTip(index, "")

    def _form_saved(self, fiche: object) -> None:
        form = self.sender()
        if isinstance(fiche, Contact):
            self._refresh_contacts_of(fiche, form)
        if isinstance(form, FicheForm) and form.session.close_after_save:
            self.removeTab(self.indexOf(form))
            form.deleteLater()
        self.data_changed.emit()

    def _refresh_contacts_of(self, contact: Contact, source: object) -> None:
        """A contact was written: the open patients zéro it is (or was) linked to show it anew."""
        linked = {e.patient_zero_uuid for e in contact.expositions}
        for pz_form in self.forms():
            if not isinstance(pz_form, PatientZeroForm) or pz_form is source:
                continue
            if pz_form.fiche.uuid in linked or contact.uuid in pz_form.contacts.uuids():
                pz_form.refresh_contacts()

    def close_tab(self, index: int) -> None:
        widget = self.widget(index)
        if not isinstance(widget, FicheForm):
            return
        if widget.confirm_close() is not CloseDecision.CLOSE:
            return  # « Annuler », or « Enregistrer »: closes once saved
        self.removeTab(index)
        widget.deleteLater()

    def confirm_close_all(self) -> str:
        """Before the window closes: the question of Ctrl+W for every tab with unsaved typing.

        Returns ``"close"`` (nothing left unsaved, or abandoned), ``"cancel"`` (the
        user chose « Annuler », or a form refused to save) or ``"wait"`` (forms are
        saving, each closes once saved).
        """
        waiting = False
        for form in list(self.forms()):
            decision = form.close_decision()
            if decision is CloseDecision.ASK:
                self.setCurrentWidget(form)
                decision = form.confirm_close()
            if decision is CloseDecision.WAIT:  # « Enregistrer »: closes once saved
                waiting = True
            elif decision is CloseDecision.STAY:
                return "cancel"
        return "wait" if waiting else "close"

    def close_current(self) -> None:
        index = self.currentIndex()
        if index > 0:
            self.close_tab(index)

    # -- commands -------------------------------------------------------------------
    def new_patient_zero(self) -> FicheForm:
        fiche = PatientZero()
        fiche.information.given_by = self.user
        return self.add_form(fiche)

    def new_contact(self) -> FicheForm | None:
        """Ctrl+Maj+N: a new contact form; from a patient zéro's tab (any state), linked to
        that patient zéro, the focus in its first field. A patient zéro never saved yet
        cannot be linked: its quick-entry line saves it first."""
        form = self.current_form()
        if isinstance(form, PatientZeroForm) and form.fiche.version == 0:
            form.focus_quick_entry()
            return None
        contact = Contact()
        contact.information.given_by = self.user
        new = self.add_form(contact)
        if isinstance(form, PatientZeroForm) and isinstance(new, ContactForm):
            new.add_exposition_to(form.fiche.uuid)
            new.bindings[0].focus()
        return new

    def save(self) -> None:
        form = self.current_form()
        if form is not None:
            form.save()

    def validate(self) -> None:
        form = self.current_form()
        if form is not None:
            form.validate()

    def focus_search(self) -> None:
        self.setCurrentIndex(0)
        self.list_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_panel.search.selectAll()

    # -- opening ----------------------------------------------------------------------
    def _open_from_list(self, index: QModelIndex) -> None:
        uuid = index.data(FicheListModel.UuidRole)
        if uuid:
            self.open_uuid(str(uuid))

    def open_uuid(self, uuid: str) -> None:
        """Show the fiche's tab, reading the fiche first if it is not open."""
        form = self.form_for(uuid)
        if form is not None:
            self.setCurrentWidget(form)
            return
        if uuid in self._opening:
            return
        self._opening.add(uuid)
        user = self.user
        ticket = self._db.submit(lambda db: service.open_fiche(db, user, uuid)).tie_to(self)
        ticket.finished.connect(lambda opened: self._opened(uuid, opened))
        ticket.failed.connect(lambda failure: self._open_failed(uuid, failure))

    def _opened(self, uuid: str, opened: service.OpenedFiche) -> None:
        self._opening.discard(uuid)
        existing = self.form_for(uuid)
        if existing is not None:
            self.setCurrentWidget(existing)
            return
        self.add_form(opened.fiche, opened)

    def _open_failed(self, uuid: str, failure: DbFailure) -> None:
        self._opening.discard(uuid)
        self.failed.emit(failure.message)

    def _open_new_fiche(self, fiche: AnyFiche) -> None:
        self.data_changed.emit()
        self.open_uuid(fiche.uuid)

    def restore_drafts(self) -> None:
        """Reopen, each in its tab, the forms left unsaved by a crash or a power cut."""
        user = self.user

        def job(db: Any) -> list[service.OpenedFiche]:
            return [service.open_draft(db, user, d) for d in service.list_drafts(db, user)]

        ticket = self._db.submit(job).tie_to(self)
        ticket.finished.connect(self._drafts_found)
        ticket.failed.connect(lambda failure: self.failed.emit(failure.message))

    def _drafts_found(self, opened: list[service.OpenedFiche]) -> None:
        for item in opened:
            if self.form_for(item.fiche.uuid) is None:
                self.add_form(item.fiche, item)
        if opened:
            self.drafts_restored.emit(len(opened))

    def flush_drafts(self) -> None:
        """Write the pending drafts now (before the window closes)."""
        for form in self.forms():
            form.autosave()

"""Every window, dialog, wizard page and form section holds at 1280×720, 1920×1080 and 150 %.

Each screen of ``SCREENS`` is built, shown at the size of the screen under
test (dialogs at their own size, capped to the screen) and checked by
:func:`tests.ui.layout_check.layout_problems`: no squeezed input, no clipped or
elided text, no overlapping siblings, nothing spilling out of its parent.

150 % scaling: on a 1920×1080 laptop set to 150 %, Qt lays out in logical
pixels on a 1280×720 logical screen with a device pixel ratio of 1.5, and
fonts get fractional metrics. ``QT_SCALE_FACTOR=1.5`` reproduces exactly that
on the offscreen platform, but it must be set before the QApplication exists:
``test_layouts_hold_at_150_percent`` runs this module again in a subprocess
with it and ``TRACING_DESK_LAYOUT_SCALED=1``: there the offscreen screen is a
1920×1080 one (``qapp_args``: the platform's ``configfile``), i.e. 1280×720
logical pixels, and the windows are checked at that size. (The in-process run
keeps offscreen's 800×600 screen, which caps dialogs harder than a real one.)

A new dialog is checked by adding a factory to ``SCREENS``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.core.accounts import Role
from app.db.permissions import Session
from app.ui.application import install_translators
from tests.ui.layout_check import OVERLAY_PROPERTY, Problem, layout_problems, settle

SCALED = os.environ.get("TRACING_DESK_LAYOUT_SCALED") == "1"
# The 150 % run's screen: a 1920×1080 laptop (offscreen's default is 800×600).
SCREEN = {"name": "ecran", "x": 0, "y": 0, "width": 1920, "height": 1080}
SIZES = [(1280, 720)] if SCALED else [(1280, 720), (1920, 1080)]
USER = "infirmiere.test"
REFUSED = "Identifiant ou mot de passe incorrect."


if SCALED:

    @pytest.fixture(scope="session")
    def qapp_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
        """In the 150 % run, the application starts on a 1920×1080 screen."""
        config = tmp_path_factory.mktemp("ecran") / "screen.json"
        config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        return [sys.argv[0], "-platform", f"offscreen:configfile={config}"]


@pytest.fixture(autouse=True)
def french(qapp: Any) -> Iterator[None]:
    install_translators("fr")
    yield
    install_translators("fr")


# -- the checker proves itself ------------------------------------------------------
def _kinds(problems: list[Problem], needle: str) -> set[str]:
    return {p.kind for p in problems if needle in p.where or needle in p.detail}


def test_checker_reports_a_squeezed_input_a_clipped_label_and_overlapping_siblings(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(400, 300)
    edit = QLineEdit("texte", root)
    edit.setObjectName("squeezed_edit")
    edit.setGeometry(10, 10, 200, 2)  # 2 px high
    label = QLabel("Identifiant ou mot de passe incorrect, réessayez", root)
    label.setObjectName("clipped_label")
    label.setGeometry(10, 40, 60, 30)  # far narrower than its text
    wrapped = QLabel("Une explication longue qui passe à la ligne " * 4, root)
    wrapped.setObjectName("wrapped_label")
    wrapped.setWordWrap(True)
    wrapped.setGeometry(10, 80, 150, 20)  # one line high for several lines of text
    first = QPushButton("Un", root)
    first.setObjectName("first_button")
    first.setGeometry(10, 200, 100, 40)
    second = QPushButton("Deux", root)
    second.setObjectName("second_button")
    second.setGeometry(60, 210, 100, 40)  # covers half of the first
    spilled = QCheckBox("Case", root)
    spilled.setObjectName("spilled_box")
    spilled.setGeometry(350, 250, 120, 30)  # beyond the parent's right edge
    root.show()
    qtbot.waitExposed(root)

    problems = layout_problems(root)

    assert _kinds(problems, "squeezed_edit") == {"squeezed"}
    assert _kinds(problems, "clipped_label") == {"clipped"}
    assert _kinds(problems, "wrapped_label") == {"clipped"}
    assert "overlap" in _kinds(problems, "first_button")
    assert "outside" in _kinds(problems, "spilled_box")


def test_checker_walks_scroll_content_and_skips_hidden_widgets_and_overlays(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    scroll = QScrollArea(root)
    scroll.setWidgetResizable(True)
    content = QWidget()
    form = QFormLayout(content)
    for i in range(40):  # far taller than the viewport: below the fold is not clipped
        form.addRow(f"Champ {i} :", QLineEdit(content))
    squeezed = QLineEdit(content)
    squeezed.setObjectName("inner_squeezed")
    squeezed.setFixedHeight(3)  # inside the scrolled content: still found
    form.addRow("Dernier :", squeezed)
    hidden = QLabel("jamais montré " * 20, content)
    hidden.setGeometry(0, 0, 10, 10)
    hidden.hide()
    scroll.setWidget(content)
    layout = QVBoxLayout(root)
    layout.addWidget(scroll)
    cover = QLabel("Par-dessus", root)
    cover.setProperty(OVERLAY_PROPERTY, True)
    root.resize(400, 200)
    root.show()
    cover.setGeometry(root.rect())
    qtbot.waitExposed(root)

    problems = layout_problems(root)

    assert [p.kind for p in problems if "inner_squeezed" in p.where] == ["squeezed"]
    assert not [p for p in problems if "jamais" in p.where]
    assert not [p for p in problems if p.kind == "overlap"]
    assert [p for p in problems if "inner_squeezed" not in p.where] == []


def test_checker_reports_an_accent_cut_on_an_inactive_tab_and_the_fix_keeps_it(qtbot):
    from PySide6.QtWidgets import QTabWidget

    from app.ui.tab_style import keep_accents

    found = []
    for fixed in (False, True):
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        tabs.addTab(QWidget(), "Sécurité")
        tabs.addTab(QWidget(), "Échéances")  # inactive: Fusion draws it in a shorter rectangle
        if fixed:
            keep_accents(tabs.tabBar())
        tabs.resize(400, 80)
        tabs.show()
        qtbot.waitExposed(tabs)
        found.append([p for p in layout_problems(tabs) if "Échéances" in p.where])
    assert [p.kind for p in found[0]] == ["clipped"]
    assert found[1] == []


def test_checker_measures_text_itself_not_the_label_size_hint(qtbot):
    """A label that lies about its size hint is still found clipped."""

    class Liar(QLabel):
        def sizeHint(self):
            return self.size()

        def minimumSizeHint(self):
            return self.size()

    root = QWidget()
    qtbot.addWidget(root)
    root.resize(300, 100)
    liar = Liar("« Autres patients zéro » et bien plus encore", root)
    liar.setObjectName("liar")
    liar.setGeometry(0, 0, 40, 30)
    root.show()
    qtbot.waitExposed(root)
    assert _kinds(layout_problems(root), "liar") == {"clipped"}


# -- the screens ----------------------------------------------------------------------
@dataclass
class Env:
    qtbot: Any
    thread: Any
    data_dir: Path
    size: tuple[int, int]
    keep: list[Any] = field(default_factory=list)

    def window(self) -> Any:
        from app.ui.main_window import MainWindow

        w = MainWindow(self.thread, self.data_dir, USER)
        self.qtbot.addWidget(w)
        self.keep.append(w)
        w.resize(*self.size)
        w.show()
        self.qtbot.waitExposed(w)
        with self.qtbot.waitSignal(w.fiches.model.count_changed, timeout=10_000):
            w.refresh()
        self.qtbot.waitUntil(lambda: w.summary_label.text() != "", timeout=10_000)
        return w

    def dialog(self, dialog: QWidget) -> QWidget:
        self.qtbot.addWidget(dialog)
        self.keep.append(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        width, height = self.size
        size = dialog.size()
        # a dialog larger than the screen is cut by it: it is shown at most screen-sized
        dialog.resize(min(size.width(), width), min(size.height(), height - 40))
        settle(dialog)
        return dialog


Check = tuple[str, QWidget]  # what is checked, the root
# A screen yields its states one by one; each is checked when it is reached.
Screen = Callable[[Env], Iterator[Check]]


def lock_screen(env: Env) -> Iterator[Check]:
    from app.ui.lock import AutoLock

    window = env.window()
    session = Session("infirmiere.test", Role.AGENT, "Élodie Lefèvre-Dupont de la Roche")
    lock = AutoLock(window, env.thread, session, minutes=5)
    lock.lock()
    assert lock.screen is not None
    yield "verrouillé", window
    lock.screen.form.refused(REFUSED, 0)
    yield "refusé", window


def lock_screen_countdown(env: Env) -> Iterator[Check]:
    from app.ui.lock import AutoLock

    window = env.window()
    lock = AutoLock(window, env.thread, Session("agent", Role.AGENT), minutes=5)
    lock.lock()
    assert lock.screen is not None
    lock.screen.form.refused(REFUSED, 30)
    yield "compte à rebours", window


def sign_in_dialog(env: Env) -> Iterator[Check]:
    from app.ui.login import SignInDialog

    dialog = SignInDialog(login="infirmiere.test")
    env.dialog(dialog)
    yield "vide", dialog
    dialog.form.refused(REFUSED, 0)
    yield "refusé", dialog
    dialog.form.refused(REFUSED, 30)
    yield "compte à rebours", dialog


def first_account_dialog(env: Env) -> Iterator[Check]:
    from app.ui.login import FirstAccountDialog

    dialog = FirstAccountDialog()
    env.dialog(dialog)
    yield "vide", dialog
    dialog.form.login.setText("cadre.sante")
    dialog.form.first.setText("court")
    yield "problème", dialog


def passphrase_dialogs(env: Env) -> Iterator[Check]:
    from app.ui.dialogs import PassphraseDialog

    for create in (True, False):
        yield f"create={create}", env.dialog(PassphraseDialog(create=create))


def first_run_wizard(env: Env) -> Iterator[Check]:
    from app.db.recovery import generate_code
    from app.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(generate_code())
    env.dialog(wizard)
    seen = 0
    while seen <= len(wizard.pageIds()):
        seen += 1
        yield f"page {wizard.currentId()} {wizard.currentPage().title()}", wizard
        if wizard.currentId() == wizard.pageIds()[-1]:
            break
        _fill_page(wizard)
        wizard.next()


def _fill_page(wizard: QWizard) -> None:
    from app.core import settings as S

    page = wizard.currentPage()
    if page is getattr(wizard, "establishment", None):
        wizard.establishment.editors[S.ESTABLISHMENT_NAME.key].setText("EHPAD Les Tilleuls")
    if page is getattr(wizard, "account", None):
        form = wizard.account.form
        form.login.setText("cadre.sante")
        form.first.setText("Une longue phrase de passe")
        form.second.setText("Une longue phrase de passe")
    recovery = getattr(wizard, "recovery", None)
    if recovery is not None and page is recovery:
        groups = recovery.code.split("-")
        recovery.confirm.setText(" ".join(groups[i] for i in recovery.asked))


def main_window(env: Env) -> Iterator[Check]:
    from app.core.clock import get_clock

    window = env.window()
    yield "liste", window
    window.purge._announce(12, get_clock().now())  # what the night's purge leaves said
    yield "après la purge", window
    window.workspace.new_patient_zero()  # a tab more: « Établissement… » titles and the like
    yield "onglets", window


def _form_checks(env: Env, window: Any, form: Any, name: str) -> Iterator[Check]:
    from app.ui.forms.fields import MessageLabel
    from app.ui.forms.sections import Section

    form.validate()  # every message under its field (the status one among them)

    def messages() -> list[str]:
        return [m.text() for m in form.content.findChildren(MessageLabel) if m.isVisible()]

    env.qtbot.waitUntil(lambda: len(messages()) > 3, timeout=5_000)
    settle(window)
    yield name, window
    for section in form.content.findChildren(Section):
        if section.isVisible():
            form.scroller.ensureWidgetVisible(section, 0, 0)
            yield f"{name} › {section.title()}", section


def patient_zero_form(env: Env) -> Iterator[Check]:
    window = env.window()
    form = window.workspace.new_patient_zero()
    yield from _form_checks(env, window, form, "patient zéro")


def contact_form(env: Env) -> Iterator[Check]:
    window = env.window()
    form = window.workspace.new_contact()
    assert form is not None
    yield from _form_checks(env, window, form, "contact")


def settings_dialog(env: Env) -> Iterator[Check]:
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(env.thread, USER)
    env.dialog(dialog)
    env.qtbot.wait(50)
    settle(dialog)
    yield "paramètres", dialog
    for index in range(1, dialog.tabs.count()):  # each page; « Établissement » inactive
        dialog.tabs.setCurrentIndex(index)
        yield f"paramètres › {dialog.tabs.tabText(index)}", dialog


def establishment_dialog(env: Env) -> Iterator[Check]:
    from app.ui.establishment_dialog import EstablishmentDialog

    yield "établissement", env.dialog(EstablishmentDialog(env.thread, USER))


def accounts_dialogs(env: Env) -> Iterator[Check]:
    from app.ui.accounts_dialog import AccountsDialog, NewAccountDialog, PasswordDialog

    session = Session("cadre.sante", Role.REFERENT, "Cadre de santé")
    yield "comptes", env.dialog(AccountsDialog(env.thread, session))
    yield "nouveau compte", env.dialog(NewAccountDialog())
    yield "mot de passe", env.dialog(PasswordDialog("infirmiere.test"))


def journal_viewer(env: Env) -> Iterator[Check]:
    from app.ui.journal_viewer import JournalViewer

    session = Session("cadre.sante", Role.REFERENT, "Cadre de santé")
    yield "journal", env.dialog(JournalViewer(env.thread, session))


def purge_dialog(env: Env) -> Iterator[Check]:
    from app.services.fiches import FicheService
    from app.ui.purge_panel import UpcomingDialog

    dialog = UpcomingDialog(env.thread, lambda db: FicheService(db, USER))
    yield "suppressions à venir", env.dialog(dialog)


def sync_dialogs(env: Env) -> Iterator[Check]:
    from app.core.enums import SyncState
    from app.sync.outbox import RefusedFiche
    from app.ui.sync_menu import RefusedFichesDialog, SyncSettingsDialog
    from app.ui.sync_status import TokenDialog

    refused = RefusedFiche(
        "00000000-0000-4000-8000-000000000001",
        "patient_zero",
        SyncState.REJECTED,
        2,
        "Le service central refuse cette fiche : date de naissance invalide.",
        "Lefèvre",
        "",
        "Élodie",
    )
    yield "réglages", env.dialog(SyncSettingsDialog(env.thread, USER))
    yield "refusées", env.dialog(RefusedFichesDialog([refused]))
    yield "jeton", env.dialog(TokenDialog("Saisissez le jeton du compte partenaire."))


def search_dialog(env: Env) -> Iterator[Check]:
    from app.ui.forms.search_dialog import SearchDialog

    dialog = SearchDialog(env.thread, USER, None, "Rechercher une fiche")
    yield "recherche", env.dialog(dialog)


def contact_finder_dialog(env: Env) -> Iterator[Check]:
    from datetime import date

    from app.core.contact_finder import Candidate, FinderResult, Motive, Window
    from app.core.rosters import Person
    from app.services.contact_finder import CandidateList
    from app.ui.forms.contact_finder import ContactFinderDialog

    dialog = ContactFinderDialog(env.thread, USER, "00000000-0000-4000-8000-000000000000")
    env.dialog(dialog)
    yield "vide", dialog
    window = Window(date(2026, 11, 2), date(2026, 11, 24))
    motives = [(Motive.ROOM, 1), (Motive.TABLE, 2), (Motive.STAFF, 3), (Motive.UNIT, 4)]
    candidates = tuple(
        Candidate(
            Person(f"Lefèvre-Dupont de la Roche {i}", "Marie-Élisabeth", date(1938, 6, 5)),
            "personnel" if motive is Motive.STAFF else "resident",
            motive,
            rank,
            tuple(date(2026, 11, d) for d in (2, 3, 4, 6, 8, 9, 10, 12, 15, 20, 21, 22, 24)),
            "EHPAD Les Tilleuls",
            "12",
            i == 1,
        )
        for i, (motive, rank) in enumerate(motives * 6)
    )
    dialog.set_files(None, None)
    dialog.show_candidates(
        CandidateList(dialog._pz_uuid, FinderResult(window, "fiche", candidates), 640)
    )
    yield "liste", dialog
    dialog._show_problem(
        "Fichier des résidents «\u202fséjours-résidents-novembre-2026.csv\u202f»\u00a0: "
        "le fichier n’a pas été pris en compte.\n"
        + "\n".join(
            f"ligne {n}\u00a0: date d’arrivée illisible «\u202fle 20\u202f»" for n in range(12)
        )
    )
    yield "fichier refusé", dialog


def contact_grid_dialog(env: Env) -> Iterator[Check]:
    from PySide6.QtGui import QGuiApplication

    from app.ui.forms.contact_grid import ContactGridDialog

    dialog = ContactGridDialog(env.thread, USER, "00000000-0000-4000-8000-000000000000")
    env.dialog(dialog)
    yield "vide", dialog
    QGuiApplication.clipboard().setText(
        "Lefèvre-Dupont de la Roche\tMarie-Élisabeth\t31/02/1938\t06 12 34 56 78\t"
        "30/11/2026\tEHPAD Les Tilleuls\t12\trésident\n"
    )
    dialog.paste()
    yield "ligne à corriger", dialog


# The lead adds a factory here for each new window or dialog.
SCREENS: dict[str, Screen] = {
    "lock_screen": lock_screen,
    "lock_screen_countdown": lock_screen_countdown,
    "sign_in_dialog": sign_in_dialog,
    "first_account_dialog": first_account_dialog,
    "passphrase_dialogs": passphrase_dialogs,
    "first_run_wizard": first_run_wizard,
    "main_window": main_window,
    "patient_zero_form": patient_zero_form,
    "contact_form": contact_form,
    "settings_dialog": settings_dialog,
    "establishment_dialog": establishment_dialog,
    "accounts_dialogs": accounts_dialogs,
    "journal_viewer": journal_viewer,
    "purge_dialog": purge_dialog,
    "sync_dialogs": sync_dialogs,
    "search_dialog": search_dialog,
    "contact_finder_dialog": contact_finder_dialog,
    "contact_grid_dialog": contact_grid_dialog,
}


@pytest.fixture
def env(request, qtbot, store, open_thread, fake_clock) -> Iterator[Env]:
    e = Env(qtbot, open_thread, store, request.param)
    yield e
    for widget in reversed(e.keep):
        for form in getattr(getattr(widget, "workspace", None), "forms", list)():
            form._autosave_timer.stop()  # no job after the thread stops
        widget.close()


@pytest.fixture
def store(make_store):
    return make_store(40)


@pytest.mark.parametrize("env", SIZES, ids=[f"{w}x{h}" for w, h in SIZES], indirect=True)
@pytest.mark.parametrize("name", list(SCREENS))
def test_layout_holds(name: str, env: Env, store: Path) -> None:
    screen = SCREENS[name]
    problems: list[str] = []
    for label, root in _checked(screen, env):
        problems += [f"[{label}] {p}" for p in root]
    assert problems == [], "\n".join(problems)


def _checked(screen: Screen, env: Env) -> Iterator[tuple[str, list[Problem]]]:
    """Build the screen and check each state as soon as it is reached."""
    shots = os.environ.get("TRACING_DESK_LAYOUT_SHOTS")  # a folder: to look at each state
    for label, root in screen(env):
        problems = layout_problems(root)
        if shots:
            name = "".join(c if c.isalnum() else "-" for c in f"{env.size[0]}-{label}")
            root.window().grab().save(str(Path(shots) / f"{name[:60]}.png"))
        yield label, problems


def test_layouts_hold_at_150_percent() -> None:
    if SCALED:
        pytest.skip("this is the 150 % run itself")
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", TRACING_DESK_LAYOUT_SCALED="1")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(Path(__file__).relative_to(root)),
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "test_layout_holds or checker or really_scales",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_the_150_percent_run_really_scales(qapp) -> None:
    if not SCALED:
        pytest.skip("only in the 150 % run")
    screen = QGuiApplication.primaryScreen()
    assert screen.devicePixelRatio() == pytest.approx(1.5)
    assert (screen.size().width(), screen.size().height()) == (1280, 720)  # logical pixels

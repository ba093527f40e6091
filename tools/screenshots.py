"""Screenshots of the real window with demonstration data, for the README.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--count 1500] [--lang fr]

Starts the program's main window under Xvfb (re-running itself through
``xvfb-run`` when no display is set) at 1280×720, in a temporary data
directory with an in-memory keyring (the real store is never touched), and
writes ``main-window.png``, ``patient-zero-form.png`` and ``contact-form.png``, then
the first-run wizard's pages (``first-run-1-bienvenue.png`` … ``first-run-6-resume.png``,
filled with fictitious values; the recovery code is a freshly generated one that opens
nothing), the main window in demonstration mode (``demo-mode.png``) and the lock
screen after a refused password (``lock-screen.png``), the help window searching the
nurse's guide (``help-window.png``), the contact finder with a list built from fictitious
residents' and rota files written in a temporary folder (``contact-finder.png``) and the
grid with pasted rows, one of them to correct (``contact-grid.png``).

The walk through a nurse's day (``journee-*.png``) is saved by the test
``tests/e2e/test_walkthrough.py`` run with ``TRACING_DESK_SCREENSHOTS=1``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
WIDTH, HEIGHT = 1280, 720  # the smallest screen the program is made for


def _under_xvfb() -> int | None:
    """Re-run this script under xvfb-run if there is no display; None if there is one."""
    if os.environ.get("DISPLAY") or os.environ.get("TRACING_DESK_SHOT_NO_XVFB"):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run introuvable : apt-get install -y xvfb", file=sys.stderr)
        return 3
    cmd = [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    return subprocess.call(cmd)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--count", type=int, default=1500, help="patients zéro (with contacts)")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    code = _under_xvfb()
    if code is not None:
        return code
    os.environ["TRACING_DESK_LANG"] = args.lang
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    args.out.mkdir(parents=True, exist_ok=True)

    import keyring
    from memkeyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.core.enums import Consent, FicheKind, LifecycleState
    from app.core.models import PatientZero
    from app.db.store import init_store, open_store
    from app.services.fiches import FicheQuery, FicheService
    from app.services.transfer import demo_data
    from app.ui.application import configure_application, install_translators
    from app.ui.forms.contact import ContactForm
    from app.ui.forms.patient_zero import PatientZeroForm
    from app.ui.main_window import MainWindow
    from app.workers.db_thread import DbThread

    data_dir = Path(tempfile.mkdtemp(prefix="tracing-desk-shots-")) / "data"
    init_store(data_dir)
    db = open_store(data_dir)
    try:
        demo_data(db, "demo", count=args.count, spread_days=88, seed=20261124)
        repo = FicheService(db, "demo")
        # A patient zéro who said « non », with at least two contacts, one of whom is
        # also the contact of another patient zéro: the forms show all of it.
        pz_uuid = contact_uuid = ""
        for row in repo.list_rows(FicheQuery(kind=FicheKind.PATIENT_ZERO), 0, 400):
            linked = repo.contacts_of(row.uuid)
            if len(linked) >= 3:
                pz_uuid, contact_uuid = row.uuid, linked[0].contact.uuid
                break
        pz = repo.peek(pz_uuid)
        assert isinstance(pz, PatientZero)
        if pz.state is not LifecycleState.DRAFT:
            repo.reopen(pz_uuid)
            pz = repo.peek(pz_uuid)
        pz.identity_disclosure = Consent.NO
        # the contact finder's shot: a resident of « Les Tilleuls », room 12, ill since 4 days
        from app.core.dates import local_today
        from app.core.enums import EstablishmentStatus

        pz.establishment.status = EstablishmentStatus.RESIDENT
        pz.establishment.unit, pz.establishment.room = "Les Tilleuls", "12"
        pz.infection.symptom_onset = local_today() - timedelta(days=4)
        pz.infection.asymptomatic = False
        repo.save(pz)
    finally:
        db.close()

    qapp = QApplication([sys.argv[0]])
    configure_application(qapp)
    install_translators(args.lang)
    db_thread = DbThread()
    db_thread.start()
    opened = db_thread.open(lambda: (open_store(data_dir), None))
    window = MainWindow(db_thread, data_dir, "infirmiere.demo")
    window.resize(WIDTH, HEIGHT)
    steps: list[Callable[[], bool]] = []

    def save(name: str) -> None:
        qapp.processEvents()
        path = args.out / name
        window.grab().save(str(path))
        print(f"saved {path}")

    def run_steps() -> None:
        if not steps:
            qapp.quit()
            return
        if steps[0]():
            steps.pop(0)
        QTimer.singleShot(150, run_steps)

    def list_ready() -> bool:
        if not (window.summary_label.text() and window.fiches.model.is_loaded()):
            return False
        window.fiches.table.selectRow(1)
        save("main-window.png")
        window.workspace.open_uuid(pz_uuid)
        return True

    def form_of(kind: type[Any]) -> Any:
        form = window.workspace.current_form()
        return form if isinstance(form, kind) else None

    def pz_ready() -> bool:
        form = form_of(PatientZeroForm)
        if form is None or form.contacts.table.rowCount() == 0:
            return False
        # the consent section, the badge and the contacts: what the nurse checks
        form.scroller.ensureWidgetVisible(form.disclosure.container, 0, 10)
        bar = form.scroller.verticalScrollBar()
        bar.setValue(form.disclosure.container.mapTo(form.content, form.content.pos()).y() - 40)
        save("patient-zero-form.png")
        window.workspace.open_uuid(contact_uuid)
        return True

    def contact_ready() -> bool:
        form = form_of(ContactForm)
        if form is None or not form.expositions.rows:
            return False
        row = form.expositions.rows[0]
        if "réf." not in row.caption.text() and "ref." not in row.caption.text():
            return False
        bar = form.scroller.verticalScrollBar()
        bar.setValue(form.expositions.container.mapTo(form.content, form.content.pos()).y() - 40)
        save("contact-form.png")
        return True

    from app.core import settings as S
    from app.db.recovery import generate_code
    from app.ui.demo_banner import install_demo_banner
    from app.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(generate_code())
    wizard.resize(760, 600)

    def shot(widget: Any, name: str) -> None:
        qapp.processEvents()
        path = args.out / name
        widget.grab().save(str(path))
        print(f"saved {path}")

    def wizard_pages() -> bool:
        wizard.show()
        qapp.processEvents()
        shot(wizard, "first-run-1-bienvenue.png")
        wizard.next()
        values = {
            S.ESTABLISHMENT_NAME.key: "EHPAD Les Tilleuls",
            S.ESTABLISHMENT_FINESS.key: "370000000",
            S.ESTABLISHMENT_ADDRESS.key: "3 allée des Tilleuls\n37000 Tours",
            S.ESTABLISHMENT_CONTACT_NAME.key: "Délégué à la protection des données",
            S.ESTABLISHMENT_CONTACT_PHONE.key: "02 47 00 00 00",
            S.ESTABLISHMENT_CONTACT_EMAIL.key: "dpo@ehpad-tilleuls.example.fr",
        }
        for key, value in values.items():
            editor = wizard.establishment.editors[key]
            if hasattr(editor, "setPlainText"):
                editor.setPlainText(value)
            else:
                editor.setText(value)
        shot(wizard, "first-run-2-etablissement.png")
        wizard.next()
        form = wizard.account.form
        form.login.setText("cadre.sante")
        form.display_name.setText("Cadre de santé")
        form.first.setText("Une longue phrase de passe")
        form.second.setText("Une longue phrase de passe")
        shot(wizard, "first-run-3-referent.png")
        wizard.next()
        page = wizard.recovery
        assert page is not None
        groups = page.code.split("-")
        page.confirm.setText(" ".join(groups[i] for i in page.asked))
        shot(wizard, "first-run-4-code.png")
        wizard.next()
        wizard.central.online.setChecked(True)
        wizard.central.url.setText("https://tracage.exemple.fr")
        shot(wizard, "first-run-5-service-central.png")
        wizard.central.offline.setChecked(True)
        wizard.next()
        shot(wizard, "first-run-6-resume.png")
        wizard.hide()
        install_demo_banner(window)
        return True

    def demo_ready() -> bool:
        window.workspace.setCurrentIndex(0)
        save("demo-mode.png")
        return True

    def lock_ready() -> bool:
        from app.core.accounts import Role
        from app.db.permissions import Session
        from app.ui.lock import LockScreen

        screen = LockScreen(Session("infirmiere.demo", Role.AGENT, "Infirmière démo"), window)
        screen.setGeometry(window.rect())
        screen.show()
        from app.db.accounts import SignInError

        screen.form.refused(qapp.translate("db", SignInError.default_message), 0)
        save("lock-screen.png")
        screen.deleteLater()
        return True

    def help_ready() -> bool:
        from app.ui.help import NURSE_GUIDE, HelpWindow

        help_window = HelpWindow()
        help_window.resize(1280, 720)
        help_window.show()
        help_window.show_section(NURSE_GUIDE, "quitter-son-poste-verrouiller")
        help_window.search.setText("verrouill")
        help_window.find_next()
        for _ in range(10):
            qapp.processEvents()
        shot(help_window, "help-window.png")
        help_window.deleteLater()
        return True

    lists = write_lists(data_dir.parent / "listes")

    def finder_open() -> bool:
        window.workspace.open_uuid(pz_uuid)
        form = form_of(PatientZeroForm)
        if form is None or form.busy:
            return False
        form.open_contact_finder()
        return True

    def finder_ready() -> bool:
        form = form_of(PatientZeroForm)
        dialog = getattr(form, "bulk_dialog", None)
        if dialog is None:
            return False
        if dialog.roster_path is None:
            dialog.resize(1180, 640)
            dialog.set_files(*lists)
            return False
        if dialog.busy or dialog.table.rowCount() == 0:
            return False
        dialog.set_checked(3, True)  # a nurse of the unit kept too
        shot(dialog, "contact-finder.png")
        dialog.close()
        form.open_contact_grid()
        return True

    def grid_ready() -> bool:
        from PySide6.QtGui import QGuiApplication

        form = form_of(PatientZeroForm)
        dialog = getattr(form, "bulk_dialog", None)
        if dialog is None or not hasattr(dialog, "paste"):
            return False
        if not dialog.cell_text(0, 0):
            dialog.resize(1180, 520)
            from app.core.dates import local_today

            recent = [(local_today() - timedelta(days=n)).strftime("%d/%m/%Y") for n in (1, 2)]
            QGuiApplication.clipboard().setText(PASTED.format(d1=recent[0], d2=recent[1]))
            dialog.table.setCurrentCell(0, 0)
            dialog.paste()
            return False
        shot(dialog, "contact-grid.png")
        dialog.close()
        return True

    steps.extend(
        [
            list_ready,
            pz_ready,
            contact_ready,
            wizard_pages,
            demo_ready,
            lock_ready,
            help_ready,
            finder_open,
            finder_ready,
            grid_ready,
        ]
    )

    def start(_info: object) -> None:
        window.show()
        window.refresh()
        QTimer.singleShot(200, run_steps)

    opened.finished.connect(start)
    opened.failed.connect(lambda f: (print(f.message), qapp.exit(2)))
    QTimer.singleShot(60_000, lambda: (print("timeout", file=sys.stderr), qapp.exit(4)))
    code = qapp.exec()
    window.close()
    db_thread.shutdown()
    return code


# Fictitious establishment lists for the contact finder's shot (never real persons).
RESIDENTS = [
    ("Aubert", "Marcelle", "12", "A", 40),
    ("Barbier", "Lucienne", "12", "A", 3),
    ("Carpentier", "Odette", "14", "A", 60),
    ("Delmas", "Germaine", "14", "B", 60),
    ("Étienne", "René", "15", "B", 60),
    ("Fabre", "Simone", "16", "C", 60),
    ("Garnier", "Henri", "17", "C", 60),
    ("Hamon", "Yvette", "18", "", 60),
]
STAFF = [
    ("Ibert", "Nadia", "07:00", "14:00", 1),
    ("Jacquet", "Samuel", "14:00", "21:00", 2),
    ("Klein", "Awa", "21:00", "07:00", 3),
]
#: Rows as copied from a spreadsheet (TAB-separated); the third has an impossible date.
PASTED = (
    "Lemaire\tSophie\t12/04/1961\t06 12 34 56 78\t{d1}\tLes Tilleuls\t\tvisiteur\n"
    "Marchand\tThierry\t03/09/1975\t06 98 76 54 32\t{d1}\tLes Tilleuls\t\tvisiteur\n"
    "Noël\tAgathe\t31/02/1990\t06 45 22 33 44\t{d2}\t\t\tautre\n"
)


def write_lists(folder: Path) -> tuple[Path, Path]:
    """The residents' and rota files of the finder's shot, in a temporary folder."""
    from app.core.dates import local_today

    today = local_today()
    folder.mkdir(parents=True, exist_ok=True)
    day = "%d/%m/%Y"
    rows = ["nom;prenom;date_naissance;unite;chambre;table;arrivee;depart"]
    for i, (name, first, room, table, since) in enumerate(RESIDENTS):
        arrival = (today - timedelta(days=since)).strftime(day)
        rows.append(
            f"{name};{first};0{1 + i}/0{1 + i}/193{i};Les Tilleuls;{room};{table};{arrival};"
        )
    rows.append("Perrin;Jules;02/02/1932;Les Acacias;3;A;01/01/2026;")
    roster = folder / "residents.csv"
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = ["nom;prenom;date_naissance;unite;debut;fin"]
    for i, (name, first, start, end, ago) in enumerate(STAFF):
        first_day = today - timedelta(days=ago)
        last_day = first_day + timedelta(days=1) if end < start else first_day
        rows.append(
            f"{name};{first};1{i}/0{1 + i}/198{i};Les Tilleuls;"
            f"{first_day.strftime(day)} {start};{last_day.strftime(day)} {end}"
        )
    rota = folder / "planning.csv"
    rota.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return roster, rota


if __name__ == "__main__":
    raise SystemExit(main())

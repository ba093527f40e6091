"""« Construire la liste des contacts… »: the finder dialog of a patient zéro (issue 17).

The files are chosen programmatically (``set_files``), read on the database
thread, the candidates listed (rank 1 ticked, a known contact greyed), the
kept ones created in one transaction; a bad file gets a French message with
its line and creates nothing; the settings remember the folder, never the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from app.core.enums import Circumstance, EstablishmentStatus, LifecycleState
from app.core.models import Contact, EstablishmentPlace, Exposition, InfectionEvidence, PatientZero
from app.db.connection import Database
from app.db.repositories import journal_rows
from app.db.store import init_store, open_store
from app.services.fiches import FicheService
from app.ui.forms.contact_finder import (
    ROSTER_FOLDER_KEY,
    ROTA_FOLDER_KEY,
    ContactFinderDialog,
)
from app.ui.forms.contact_finder_table import compact_days
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.helpers import press_key, type_text

USER = "infirmiere.test"
UNIT = "Les Tilleuls"
HEADER_ROSTER = "nom;prenom;date_naissance;unite;chambre;table;arrivee;depart"
HEADER_ROTA = "nom;prenom;date_naissance;unite;debut;fin"
# The fake clock says 24/11/2026: first symptoms on 20/11 → window 18/11–24/11.
ROSTER = [
    HEADER_ROSTER,
    "LEFEVRE;helene;02/03/1940;Les Tilleuls;12;A;01/10/2026;",  # the patient zéro herself
    "Dupont;Marie;05/06/1938;Les Tilleuls;12;A;01/09/2026;",  # roommate: rank 1
    "Petit;Jeanne;07/08/1935;Les Tilleuls;12;;20/11/2026;",  # roommate from 20/11: rank 1
    "Moreau;Inès;09/10/1941;Les Tilleuls;12;B;01/09/2026;",  # roommate, already a contact
    "Martin;Zoé;11/12/1939;Les Tilleuls;14;A;01/09/2026;",  # same table: rank 2
    "Bernard;Loïc;13/01/1936;Les Tilleuls;15;C;01/09/2026;",  # same unit: rank 4
    "Roux;Paul;15/02/1937;Les Acacias;3;A;01/09/2026;",  # another unit: nobody
]
ROTA = [
    HEADER_ROTA,
    "Girard;Hervé;01/01/1980;Les Tilleuls;22/11/2026 07:00;22/11/2026 14:00",  # rank 3
    "Laurent;Chloé;02/02/1985;Les Acacias;22/11/2026 07:00;22/11/2026 14:00",  # elsewhere
]


pytestmark = pytest.mark.usefixtures("french")  # tests/support/ui_store.py


@pytest.fixture
def store(data_dir: Path, fake_clock) -> Path:
    init_store(data_dir)
    return data_dir


@pytest.fixture
def db(store: Path) -> Iterator[Database]:
    database = open_store(store)
    yield database
    database.close()


@pytest.fixture
def settings_dir(tmp_path: Path) -> Iterator[Path]:
    """The program's QSettings in a temporary folder (as ``configure_application`` names it)."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("TracingDeskTest")
    QCoreApplication.setApplicationName("Tracing Desk test")
    yield folder
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName("")


def patient_zero(**changes: object) -> PatientZero:
    pz = PatientZero(
        birth_name="Lefèvre",
        first_names="Hélène",
        birth_date=date(1940, 3, 2),
        infection=InfectionEvidence(symptom_onset=date(2026, 11, 20)),
        establishment=EstablishmentPlace(status=EstablishmentStatus.RESIDENT, unit=UNIT, room="12"),
    )
    for name, value in changes.items():
        setattr(pz, name, value)
    return pz


@pytest.fixture
def saved_pz(db: Database) -> PatientZero:
    """A patient zéro, Inès Moreau already one of her contacts."""
    service = FicheService(db, USER)
    pz = service.save(patient_zero())
    service.save(
        Contact(
            birth_name="MOREAU",
            first_names="ines",
            birth_date=date(1941, 10, 9),
            expositions=[Exposition(patient_zero_uuid=pz.uuid)],
        )
    )
    return pz


def write(folder: Path, name: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dialog_for(qtbot, thread, pz_uuid: str) -> ContactFinderDialog:
    dialog = ContactFinderDialog(thread, USER, pz_uuid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: ContactFinderDialog, index: int) -> list[str]:
    table = dialog.table
    return [table.item(row, index).text() for row in range(table.rowCount())]


def linked_names(db: Database, pz_uuid: str) -> dict[str, Contact]:
    return {lc.contact.birth_name: lc.contact for lc in FicheService(db, USER).contacts_of(pz_uuid)}


def test_candidates_listed_ranked_rank_one_ticked_and_kept_ones_created(
    qtbot, tmp_path, db, saved_pz, open_thread
):
    roster = write(tmp_path / "listes", "residents.csv", ROSTER)
    rota = write(tmp_path / "listes", "planning.csv", ROTA)
    dialog = dialog_for(qtbot, open_thread, saved_pz.uuid)

    dialog.set_files(roster, rota)
    # the files are read on the database thread: busy until the result arrives
    assert dialog.progress.isVisible() and not dialog.create_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6, timeout=10_000)
    assert not dialog.progress.isVisible()

    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("18/11/2026", "24/11/2026")
    assert column(dialog, 1) == ["Dupont", "Moreau", "Petit", "Martin", "Girard", "Bernard"]
    assert column(dialog, 4) == ["résident"] * 4 + ["personnel", "résident"]
    assert column(dialog, 5) == [
        "même chambre",
        "même chambre",
        "même chambre",
        "même table",
        "personnel de l’unité",
        "même unité",
    ]
    assert column(dialog, 7)[0] == "18/11–24/11"
    assert column(dialog, 7)[2] == "20/11–24/11"  # arrived on 20/11
    assert column(dialog, 7)[4] == "22/11"
    assert column(dialog, 6) == ["", "oui", "", "", "", ""]
    # rank 1 ticked; the known contact neither ticked nor tickable
    assert [dialog.is_checked(r) for r in range(6)] == [True, False, True, False, False, False]
    moreau = dialog.table.item(1, 0)
    assert not moreau.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.status.text().startswith("9 lignes lues — 6 personnes proposées.")
    assert "retrouvé dans le fichier des résidents" in dialog.status.text()
    assert dialog.count.text() == "2 personnes cochées"

    dialog.set_checked(2, False)  # Jeanne Petit: not kept
    dialog.set_checked(4, True)  # Hervé Girard: kept
    assert [c.person.last_name for c in dialog.kept()] == ["Dupont", "Girard"]
    with qtbot.waitSignal(dialog.contacts_created, timeout=10_000) as created:
        dialog.create_button.click()
    assert created.args == [2]
    assert dialog.status.text() == "2 fiches créées, 0 liée."
    # the new contacts are now flagged, unticked
    assert column(dialog, 6) == ["oui", "oui", "", "", "oui", ""]
    assert not dialog.create_button.isEnabled()

    linked = linked_names(db, saved_pz.uuid)
    assert sorted(linked) == ["Dupont", "Girard", "MOREAU"]
    dupont, girard = linked["Dupont"], linked["Girard"]
    assert dupont.state is LifecycleState.DRAFT
    assert (dupont.first_names, dupont.birth_date) == ("Marie", date(1938, 6, 5))
    assert dupont.establishment.status is EstablishmentStatus.RESIDENT
    assert (dupont.establishment.unit, dupont.establishment.room) == (UNIT, "12")
    exposition = dupont.exposition_to(saved_pz.uuid)
    assert exposition is not None and exposition.last_contact == date(2026, 11, 24)
    assert exposition.circumstances == [Circumstance.SAME_HOUSEHOLD]
    assert girard.establishment.status is EstablishmentStatus.STAFF
    staff_exposition = girard.exposition_to(saved_pz.uuid)
    assert staff_exposition is not None and staff_exposition.last_contact == date(2026, 11, 22)
    assert staff_exposition.circumstances == [Circumstance.CARE]
    # one consultation journaled for the list, no name in it
    details = [r for r in journal_rows(db) if r[4] == saved_pz.uuid and r[3] == "consultation"]
    assert any("6 candidat" in str(r) for r in details)
    assert not any("Petit" in str(r) or "Dupont" in str(r) for r in journal_rows(db))


def test_bad_residents_file_french_message_with_its_line_nothing_created(
    qtbot, tmp_path, db, saved_pz, open_thread
):
    bad = [*ROSTER[:3], "Petit;Jeanne;07/08/1935;Les Tilleuls;12;;le 20 novembre;", *ROSTER[4:]]
    roster = write(tmp_path / "listes", "residents.csv", bad)
    dialog = dialog_for(qtbot, open_thread, saved_pz.uuid)

    dialog.set_files(roster, None)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)

    text = dialog.message.text()
    assert "Fichier des résidents" in text and "residents.csv" in text
    assert "ligne 4" in text and "le 20 novembre" in text
    assert dialog.table.rowCount() == 0 and not dialog.create_button.isEnabled()
    assert dialog.roster_edit.text() == str(roster)  # still chosen: fix it and recompute
    assert sorted(linked_names(db, saved_pz.uuid)) == ["MOREAU"]


def test_bad_rota_named_in_the_message(qtbot, tmp_path, db, saved_pz, open_thread):
    roster = write(tmp_path / "listes", "residents.csv", ROSTER)
    rota = write(
        tmp_path / "listes",
        "planning.csv",
        [HEADER_ROTA, "Girard;Hervé;01/01/1980;Les Tilleuls;22/11/2026 14:00;22/11/2026 07:00"],
    )
    dialog = dialog_for(qtbot, open_thread, saved_pz.uuid)
    dialog.set_files(roster, rota)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    text = dialog.message.text()
    assert "Planning du personnel" in text and "planning.csv" in text and "ligne 2" in text
    assert dialog.table.rowCount() == 0
    assert dialog.rota_edit.text() == str(rota)


def test_a_missing_column_and_a_vanished_file_are_explained(
    qtbot, tmp_path, db, saved_pz, open_thread
):
    no_room = [";".join(c for c in HEADER_ROSTER.split(";") if c != "chambre")]
    roster = write(tmp_path / "listes", "residents.csv", no_room)
    dialog = dialog_for(qtbot, open_thread, saved_pz.uuid)
    dialog.set_files(roster, None)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "chambre" in dialog.message.text()

    dialog.message.hide()
    dialog.set_files(tmp_path / "listes" / "parti.csv", None)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "«\u202fparti.csv\u202f» est introuvable" in dialog.message.text()


def test_window_typed_bad_date_kept_then_recomputed(qtbot, tmp_path, db, open_thread):
    # no symptom nor sample date: the window cannot be computed, the nurse types it
    pz = FicheService(db, USER).save(patient_zero(infection=InfectionEvidence()))
    roster = write(tmp_path / "listes", "residents.csv", ROSTER)
    dialog = dialog_for(qtbot, open_thread, pz.uuid)
    dialog.set_files(roster, None)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)
    assert "fenêtre de contagiosité ne peut pas être calculée" in dialog.message.text()
    assert not dialog.recompute.isEnabled()

    type_text(dialog.start_edit, "31/02/2026")
    type_text(dialog.end_edit, "24/11/2026")
    assert dialog.recompute.isEnabled()
    dialog.recompute.click()
    assert dialog.window_message.isVisible()
    assert (
        dialog.window_message.text() == "Date non reconnue «\u202f31/02/2026\u202f» (jj/mm/aaaa)."
    )
    assert dialog.start_edit.text() == "31/02/2026"  # kept, to correct

    dialog.start_edit.clear()
    type_text(dialog.start_edit, "25/11/2026")
    press_key(dialog.start_edit, Qt.Key.Key_Return)
    assert "avant son début" in dialog.window_message.text()

    dialog.start_edit.clear()
    type_text(dialog.start_edit, "23/11/2026")
    press_key(dialog.start_edit, Qt.Key.Key_Return)
    assert not dialog.window_message.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10_000)
    # no rota: no staff
    assert column(dialog, 1) == ["Dupont", "Moreau", "Petit", "Martin", "Bernard"]
    assert column(dialog, 7)[0] == "23/11–24/11"
    assert (dialog.start_edit.text(), dialog.end_edit.text()) == ("23/11/2026", "24/11/2026")


def test_the_folder_is_remembered_never_the_file_name(
    qtbot, tmp_path, db, saved_pz, open_thread, settings_dir
):
    roster = write(tmp_path / "exports résidents", "séjours-novembre.csv", ROSTER)
    rota = write(tmp_path / "plannings", "planning-novembre.xlsx", ["pas un classeur"])
    dialog = dialog_for(qtbot, open_thread, saved_pz.uuid)
    dialog.set_files(roster, rota)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10_000)  # not an xlsx

    stored = QSettings()
    assert stored.value(ROSTER_FOLDER_KEY) == str(roster.parent)
    assert stored.value(ROTA_FOLDER_KEY) == str(rota.parent)
    written = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in settings_dir.rglob("*")
        if p.is_file()
    )
    assert written and "novembre" not in written

    again = dialog_for(qtbot, open_thread, saved_pz.uuid)
    assert again.start_folder(ROSTER_FOLDER_KEY) == str(roster.parent)
    assert again.start_folder(ROTA_FOLDER_KEY) == str(rota.parent)
    assert again.roster_edit.text() == ""  # no file chosen in advance


def test_patient_zero_form_saves_a_new_fiche_first_then_lists_the_created_contacts(
    qtbot, tmp_path, db, open_thread
):
    form = PatientZeroForm(open_thread, USER, patient_zero())
    qtbot.addWidget(form)
    form.show()
    assert form.fiche.version == 0
    form.contacts.finder_button.click()
    qtbot.waitUntil(lambda: form.bulk_dialog is not None, timeout=10_000)
    assert form.fiche.version >= 1  # saved before the dialog opened
    dialog = form.bulk_dialog
    assert isinstance(dialog, ContactFinderDialog) and dialog.isVisible()

    dialog.set_files(write(tmp_path / "listes", "residents.csv", ROSTER), None)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=10_000)
    dialog.create_button.click()  # Dupont, Moreau and Petit: rank 1
    qtbot.waitUntil(lambda: form.contacts.table.rowCount() == 3, timeout=10_000)
    assert sorted(linked_names(db, form.fiche.uuid)) == ["Dupont", "Moreau", "Petit"]
    dialog.close()
    form._autosave_timer.stop()


def test_compact_days():
    days = [date(2026, 11, d) for d in (18, 19, 20, 22, 24, 25)]
    assert compact_days(days) == "18/11–20/11, 22/11, 24/11–25/11"
    assert compact_days([]) == ""

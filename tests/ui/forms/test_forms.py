"""The nurse's workflow in the real main window: keyboard, validation, anonymity, duplicates."""

from __future__ import annotations

from datetime import date

from complete import complete
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from app.core.clock import get_clock
from app.core.enums import Consent, JournalAction, LifecycleState
from app.core.models import Contact, Exposition, PatientZero
from app.db.fiche_queries import FicheQuery
from app.db.repositories import journal_rows
from app.services.fiches import FicheService
from app.ui.forms.contact import ContactForm
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.forms.conftest import texts_of
from tests.ui.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
NIR = "279052A00412309"


def focused(window):
    widget = window.focusWidget()
    assert widget is not None
    return widget


def key(window, k: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(window), k, mods)


def current_form(window, kind):
    form = window.workspace.current_form()
    return form if isinstance(form, kind) else None


def new_patient_zero(qtbot, window) -> PatientZeroForm:
    key(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: current_form(window, PatientZeroForm) is not None, timeout=5_000)
    return current_form(window, PatientZeroForm)


# What the keyboard types (or presses) for each field the validation list leads to.
ANSWERS: dict[str, object] = {
    "prenoms": "Hélène",
    "date_naissance": "02/05/1950",
    "sexe": Qt.Key.Key_Right,  # from « masculin » to « féminin »
    "telephones": "06 12 34 56 78",
    "besoin_accompagnement": Qt.Key.Key_Space,  # « oui »: the consent is checked against it
    "consentement_accompagnement": Qt.Key.Key_Space,
    "infection.type_examen": Qt.Key.Key_Down,
    "infection.date_prelevement": "21/11/2026",
    "infection.resultat": Qt.Key.Key_Down,
    "infection.date_premiers_symptomes": "20/11/2026",
    "divulgation_identite": Qt.Key.Key_Right,  # « oui » then « non »
    "information.date": "24/11/2026",
    "information.modalites": Qt.Key.Key_Space,
    "information.droit_opposition_recherche": Qt.Key.Key_Space,  # ticks the box
}


def answer(window, path: str) -> None:
    value = ANSWERS[path]
    if isinstance(value, str):
        type_text(focused(window), value)
    else:
        if value is Qt.Key.Key_Right:
            key(window, Qt.Key.Key_Space)  # choose the first answer, then move on
        key(window, value)


def test_keyboard_only_patient_zero_with_three_contacts(qtbot, window, repo):
    form = new_patient_zero(qtbot, window)
    assert focused(window).objectName() == "nom_naissance"
    type_text(focused(window), "Lefèvre")

    for name, first, phone, day in (
        ("Durand", "Loïc", "0698765432", "23/11/2026"),
        ("Martin", "Zoé", "+44 20 7946 0018", "22/11/2026"),
        ("Œuvray", "Inès", "", "21/11/2026"),
    ):
        if form.fiche.version == 0:  # not saved yet: Ctrl+Maj+N leads to the quick entry
            key(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
        assert focused(window).objectName() == "quick_name"  # and stays there after « Entrée »
        rows = form.contacts.table.rowCount()
        type_text(focused(window), name)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), first)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), phone)
        key(window, Qt.Key.Key_Tab)
        assert focused(window).objectName() == "quick_circumstance"
        key(window, Qt.Key.Key_Down)
        key(window, Qt.Key.Key_Tab)
        type_text(focused(window), day)
        key(window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda r=rows: form.contacts.table.rowCount() == r + 1, timeout=5_000)
    assert form.fiche.version >= 1  # saved before its first contact
    assert form.contacts.table.item(2, 0).text() == "ŒUVRAY Inès"

    # Ctrl+Entrée lists what is missing; Entrée on the first line goes to its field.
    for _ in range(30):
        key(window, Qt.Key.Key_Return, CTRL)
        if not form.panel.isVisible() or not any(p for p in form.panel.paths()):
            break
        if form.busy or form.fiche.state is LifecycleState.VALIDATED:
            break
        errors = [
            p
            for p, t in zip(form.panel.paths(), form.panel.texts(), strict=True)
            if t.startswith("✖")
        ]
        if not errors:
            break
        assert focused(window) is form.panel.list
        path = errors[0]
        form.panel.list.setCurrentRow(form.panel.paths().index(path))
        key(window, Qt.Key.Key_Return)
        answer(window, path)
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.VALIDATED, timeout=5_000)

    stored = repo.get(form.fiche.uuid, journal_consultation=False)
    assert isinstance(stored, PatientZero)
    assert stored.state is LifecycleState.VALIDATED
    assert (stored.birth_name, stored.first_names, stored.phones) == (
        "Lefèvre",
        "Hélène",
        ["+33612345678"],
    )
    assert stored.identity_disclosure is Consent.NO
    assert stored.information.given_by == "infirmiere.test"
    linked = repo.contacts_of(stored.uuid)
    assert sorted(lc.contact.birth_name for lc in linked) == ["Durand", "Martin", "Œuvray"]
    durand = next(lc for lc in linked if lc.contact.birth_name == "Durand")
    assert durand.contact.phones == ["+33698765432"]
    assert durand.exposition.last_contact == date(2026, 11, 23)
    assert durand.exposition.circumstances and durand.exposition.suggested_risk is not None
    actions = [r[3] for r in journal_rows(repo.db) if r[4] == stored.uuid]
    assert JournalAction.CREATE.value in actions and JournalAction.VALIDATE.value in actions


def test_validation_refused_lists_what_is_missing(qtbot, window, repo):
    form = new_patient_zero(qtbot, window)
    type_text(focused(window), "Lefèvre")
    key(window, Qt.Key.Key_Return, CTRL)
    assert form.panel.isVisible()
    assert form.panel.title.text().startswith("Validation impossible")
    texts = form.panel.texts()
    assert "✖ Prénoms : à renseigner." in texts
    assert any("son identité peut-elle être communiquée à ses contacts" in t for t in texts)
    assert "✖ Date de l’information : à renseigner." in texts
    assert "✖ Indiquez comment la personne a été informée." in texts
    consent = (
        "✖ Consentement à la communication de l’identité et des coordonnées"
        " à l’organisme compétent : à renseigner."
    )
    assert consent in texts
    assert form.fiche.version == 0 and repo.count(FicheQuery()) == 0  # nothing saved
    # each line leads to its field
    paths = form.panel.paths()
    form.panel.list.setCurrentRow(paths.index("divulgation_identite"))
    key(window, Qt.Key.Key_Return)
    assert focused(window).objectName() == "choice_oui"
    form.panel.list.setCurrentRow(paths.index("information.date"))
    form.panel.activated.emit("information.date")
    assert focused(window).objectName() == "information.date"
    # the inline message sits beside the field too
    message = form.bindings[[b.path for b in form.bindings].index("information.date")].message
    assert message.isVisible() and message.text() == "Date de l’information : à renseigner."


def test_invalid_nir_message_and_text_kept(qtbot, window):
    form = new_patient_zero(qtbot, window)
    type_text(focused(window), "Lefèvre")
    nir = form.findChild(QLineEdit, "nir")
    nir.setFocus()
    type_text(nir, "2 79 05 2A 004 123 08")  # wrong key
    binding = next(b for b in form.bindings if b.path == "nir")
    qtbot.waitUntil(lambda: binding.message.isVisible(), timeout=5_000)
    assert binding.message.text().startswith("NIR incohérent")
    assert "09" not in binding.message.text()  # never the expected key
    assert nir.text() == "2 79 05 2A 004 123 08"
    assert form.save() is False  # a hard error blocks saving
    assert nir.text() == "2 79 05 2A 004 123 08"
    assert form.panel.title.text().startswith("Enregistrement impossible")
    nir.clear()
    type_text(nir, "1234")
    form.run_checks()
    assert binding.message.text() == "Le NIR doit compter 15 caractères, clé comprise (4 saisis)."
    assert nir.text() == "1234"
    date_edit = form.findChild(QLineEdit, "date_naissance")
    type_text(date_edit, "31/02/1950")
    form.run_checks()
    date_message = next(b for b in form.bindings if b.path == "date_naissance").message
    assert (
        date_message.text() == "Date de naissance : date non reconnue « 31/02/1950 » (jj/mm/aaaa)."
    )
    assert date_edit.text() == "31/02/1950"


def test_duplicate_warning_opens_the_existing_fiche(qtbot, window, repo):
    existing = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène", nir=NIR))
    form = new_patient_zero(qtbot, window)
    nir = form.findChild(QLineEdit, "nir")
    nir.setFocus()
    type_text(nir, "2 79 05 2A 004 123 09")
    qtbot.waitUntil(lambda: form.banner.duplicate_box.isVisible(), timeout=5_000)
    assert "Doublon possible" in form.banner.duplicate_label.text()
    assert "le même NIR" in form.banner.duplicate_label.text()
    assert "Lefèvre" not in form.banner.duplicate_label.text()
    form.banner.duplicate_open.click()
    qtbot.waitUntil(
        lambda: (
            window.workspace.current_form() is not None
            and window.workspace.current_form().fiche.uuid == existing.uuid
        ),
        timeout=5_000,
    )
    # same folded name and birth date, no NIR
    other = new_patient_zero(qtbot, window)
    type_text(focused(window), "LEFEVRE")
    for path, text in (("prenoms", "helene"), ("date_naissance", "02/05/1950")):
        edit = other.findChild(QLineEdit, path)
        edit.setFocus()
        type_text(edit, text)
    repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène", birth_date=date(1950, 5, 2)))
    other.check_duplicates()
    qtbot.waitUntil(lambda: other.banner.duplicate_box.isVisible(), timeout=5_000)
    assert "les mêmes nom, prénoms et date de naissance" in other.banner.duplicate_label.text()


def _open(qtbot, window, uuid: str, kind):
    window.workspace.open_uuid(uuid)

    def ready():
        form = current_form(window, kind)
        return form is not None and form.fiche.uuid == uuid

    qtbot.waitUntil(ready, timeout=5_000)
    return current_form(window, kind)


def _pz_with_contact(repo, choice: Consent | None):
    pz = repo.save(
        PatientZero(
            birth_name="Secretnom",
            usage_name="Cachenom",
            first_names="Anastasie",
            nir=NIR,
            phones=["+33611223344"],
            identity_disclosure=choice,
        )
    )
    other = repo.save(PatientZero(birth_name="Autrecas", identity_disclosure=Consent.YES))
    contact = repo.save(
        Contact(
            birth_name="Durand",
            first_names="Loïc",
            expositions=[
                Exposition(patient_zero_uuid=pz.uuid, last_contact=date(2026, 11, 23)),
                Exposition(patient_zero_uuid=other.uuid, last_contact=date(2026, 11, 22)),
            ],
        )
    )
    return pz, contact


def test_index_identity_nowhere_in_the_contact_view(qtbot, window, repo):
    pz, contact = _pz_with_contact(repo, Consent.NO)
    form = _open(qtbot, window, contact.uuid, ContactForm)
    qtbot.waitUntil(lambda: pz.uuid in form.expositions.refs, timeout=5_000)
    seen = "\n".join(texts_of(form)).casefold()
    for secret in ("secretnom", "cachenom", "anastasie", "2a004", "0611223344", "06 11 22 33 44"):
        assert secret not in seen
    captions = [r.caption.text() for r in form.expositions.rows]
    assert captions[0] == f"Patient zéro : identité non communicable (réf. {pz.uuid[:8]})"
    assert captions[1] == "Patient zéro : \u2068AUTRECAS\u2069"  # a contact of two: both shown
    badges = [r.badge.text() for r in form.expositions.rows]
    assert badges == [
        "Identité non communicable aux contacts",
        "Identité communicable aux contacts : oui",
    ]


def test_index_identity_shown_to_the_contact_after_an_explicit_yes(qtbot, window, repo):
    pz, contact = _pz_with_contact(repo, Consent.YES)
    form = _open(qtbot, window, contact.uuid, ContactForm)
    qtbot.waitUntil(lambda: pz.uuid in form.expositions.refs, timeout=5_000)
    assert "CACHENOM née SECRETNOM Anastasie" in "\n".join(
        texts_of(form)
    ) or "CACHENOM né(e) SECRETNOM Anastasie" in "\n".join(texts_of(form))


def test_not_collected_withholds_the_identity_and_badge_in_the_pz_form(qtbot, window, repo):
    pz, contact = _pz_with_contact(repo, Consent.NOT_COLLECTED)
    form = _open(qtbot, window, contact.uuid, ContactForm)
    qtbot.waitUntil(lambda: pz.uuid in form.expositions.refs, timeout=5_000)
    assert "secretnom" not in "\n".join(texts_of(form)).casefold()
    pz_form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    assert pz_form.contacts.badge.text() == "Choix non recueilli : identité non communicable"
    assert pz_form.contacts.table.item(0, 0).text() == "DURAND Loïc"
    assert pz_form.contacts.table.item(0, 5).text() == "1 autre"  # French plural form from the .qm


def test_lifecycle_validate_reopen_close_journaled(qtbot, window, repo):
    pz = repo.save(
        PatientZero(birth_name="Lefèvre", first_names="Hélène", identity_disclosure=Consent.NO)
    )
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    assert (
        form.editable
        and form.header.save_button.isVisible()
        and not form.header.reopen_button.isVisible()
    )
    form.fiche.state = LifecycleState.VALIDATED  # as if validated elsewhere
    form.update_header()
    assert (
        not form.editable
        and form.header.reopen_button.isVisible()
        and form.header.close_button.isVisible()
    )
    assert form.findChild(QLineEdit, "nom_naissance").isReadOnly()
    assert form.banner.readonly_note.isVisible()
    form.fiche.state = LifecycleState.DRAFT
    form.update_header()
    stored = complete(repo.get(pz.uuid, journal_consultation=False), get_clock().now().date())
    FicheService(repo.db, repo.user).validate(stored)
    form.fiche = repo.get(pz.uuid, journal_consultation=False)
    form.update_header()
    form.header.close_button.click()
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.CLOSED, timeout=5_000)
    form.header.reopen_button.click()
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.DRAFT, timeout=5_000)
    assert not form.findChild(QLineEdit, "nom_naissance").isReadOnly()
    actions = [r[3] for r in journal_rows(repo.db) if r[4] == pz.uuid]
    assert actions.count(JournalAction.CLOSE.value) == 1
    assert actions.count(JournalAction.REOPEN.value) == 1
    assert JournalAction.VIEW.value in actions  # opening the fiche is a consultation


def test_promote_contact_opens_the_new_patient_zero(qtbot, window, repo):
    _pz, contact = _pz_with_contact(repo, Consent.NO)
    form = _open(qtbot, window, contact.uuid, ContactForm)
    form._promote_now()
    qtbot.waitUntil(lambda: current_form(window, PatientZeroForm) is not None, timeout=5_000)
    new = current_form(window, PatientZeroForm)
    assert new.fiche.uuid != contact.uuid
    assert new.findChild(QLineEdit, "nom_naissance").text() == "Durand"
    assert repo.get(contact.uuid, journal_consultation=False).kind.value == "contact"


HOSTILE = [
    "<b>Gras</b><img src=x onerror=alert(1)>",
    '=HYPERLINK("http://exemple.invalid","clic")',
    "Abc\u202eevil.exe",
    "N" * 10_000,
]


def test_hostile_text_is_shown_literally(qtbot, window, repo):
    pz = repo.save(
        PatientZero(
            birth_name=HOSTILE[0],
            usage_name=HOSTILE[1],
            first_names=HOSTILE[2],
            email=HOSTILE[3],
            identity_disclosure=Consent.YES,
        )
    )
    big = repo.save(PatientZero(birth_name=HOSTILE[3], identity_disclosure=Consent.YES))
    repo.save(
        Contact(
            birth_name=HOSTILE[0],
            first_names=HOSTILE[2],
            expositions=[Exposition(patient_zero_uuid=pz.uuid)],
        )
    )
    form = _open(qtbot, window, pz.uuid, PatientZeroForm)
    for path, text in (("nom_naissance", 0), ("nom_usage", 1), ("prenoms", 2), ("email", 3)):
        assert form.findChild(QLineEdit, path).text() == HOSTILE[text]
    title = form.header.title
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE[1].upper() in title.full_text and "<B>GRAS</B>" in title.full_text
    for label in form.findChildren(QLabel):
        if "<" in label.text() or "\u202e" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert form.contacts.table.item(0, 0).text().startswith("<B>GRAS</B>")
    index = window.workspace.indexOf(form)
    assert len(window.workspace.tabText(index)) <= 50
    assert window.workspace.tabToolTip(index) == ""
    # a 10,000-character name neither widens the window nor is cut in the field
    big_form = _open(qtbot, window, big.uuid, PatientZeroForm)
    assert big_form.findChild(QLineEdit, "nom_naissance").text() == HOSTILE[3]
    assert window.width() <= 1366 and big_form.header.title.width() < 1366
    assert big_form.header.title.text().endswith("…")
    # the list shows names as plain cells too
    model = window.fiches.model
    window.refresh()
    qtbot.waitUntil(lambda: model.rowCount() >= 3, timeout=5_000)
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert any(n.startswith("<B>GRAS</B>") for n in names)

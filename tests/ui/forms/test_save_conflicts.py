"""Saving a fiche that changed or vanished since its form opened: known conditions, not bugs."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.models import PatientZero
from app.db.drafts import DraftStore
from app.ui.forms.patient_zero import PatientZeroForm
from tests.ui.forms.conftest import USER
from tests.ui.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot, window, uuid: str) -> PatientZeroForm:
    window.workspace.open_uuid(uuid)

    def ready() -> bool:
        form = window.workspace.current_form()
        return isinstance(form, PatientZeroForm) and form.fiche.uuid == uuid

    qtbot.waitUntil(ready, timeout=5_000)
    form = window.workspace.current_form()
    assert isinstance(form, PatientZeroForm)
    return form


def _edit(form: PatientZeroForm, path: str, text: str) -> QLineEdit:
    edit = form.findChild(QLineEdit, path)
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    return edit


def _no_bug_logged(caplog) -> None:
    bugs = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert bugs == [], [r.getMessage() for r in bugs]


def test_stale_save_says_so_keeps_the_typing_and_reloads(qtbot, window, repo, caplog):
    caplog.set_level(logging.INFO)
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène", usage_name="Ancien"))
    form = _open(qtbot, window, pz.uuid)
    # Meanwhile another tab or station changes the fiche: first names and usage name.
    other = repo.get(pz.uuid, journal_consultation=False)
    other.first_names = "Hélène Marie"
    other.usage_name = "Nouveau"
    repo.save(other)

    edit = _edit(form, "nom_usage", "Martin-Lefèvre")
    birth = _edit(form, "nom_naissance", "Lefebvre")
    form.save()
    qtbot.waitUntil(lambda: form.banner.conflict_box.isVisible(), timeout=5_000)
    assert form.banner.conflict_label.text().startswith("Cette fiche a été modifiée entre-temps")
    assert "conservée en brouillon" in form.banner.conflict_label.text()
    assert form.banner.reload_button.isVisible()
    assert edit.text() == "Martin-Lefèvre" and birth.text() == "Lefebvre"  # typing kept
    assert form.has_unsaved()
    # The typing is in the draft (durable), and nothing was written to the fiche.
    qtbot.waitUntil(
        lambda: (
            (d := DraftStore(repo.db, owner=USER).get(pz.uuid)) is not None
            and d.data["raw"].get("nom_usage") == "Martin-Lefèvre"
        ),
        timeout=5_000,
    )
    assert repo.get(pz.uuid, journal_consultation=False).birth_name == "Lefèvre"
    _no_bug_logged(caplog)

    form.banner.reload_button.click()
    qtbot.waitUntil(lambda: not form.banner.conflict_box.isVisible(), timeout=5_000)
    assert form.fiche.version == other.version
    # Their change on a field not typed here is taken; the typed fields stay.
    assert form.findChild(QLineEdit, "prenoms").text() == "Hélène Marie"
    assert edit.text() == "Martin-Lefèvre" and birth.text() == "Lefebvre"
    # The usage name was changed on both sides: the note names it.
    labels = {b.path: b.label for b in form.bindings}
    assert labels["nom_usage"] in form.banner.note.text()
    assert labels["prenoms"] not in form.banner.note.text()  # changed on their side only
    assert form.has_unsaved()
    form.save()
    qtbot.waitUntil(lambda: not form.has_unsaved() and not form.busy, timeout=5_000)
    stored = repo.get(pz.uuid, journal_consultation=False)
    assert (stored.birth_name, stored.usage_name, stored.first_names) == (
        "Lefebvre",
        "Martin-Lefèvre",
        "Hélène Marie",
    )
    qtbot.waitUntil(lambda: DraftStore(repo.db, owner=USER).get(pz.uuid) is None, timeout=5_000)
    _no_bug_logged(caplog)


def test_fiche_deleted_while_open_keeps_the_typing_in_the_draft(qtbot, window, repo, caplog):
    caplog.set_level(logging.INFO)
    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid)
    repo.delete(pz.uuid)  # deleted elsewhere (or purged) while the form is open
    edit = _edit(form, "prenoms", "Hélène Louise")
    form.save()
    qtbot.waitUntil(lambda: form.banner.conflict_box.isVisible(), timeout=5_000)
    assert form.banner.conflict_label.text().startswith("Cette fiche n’existe plus")
    assert not form.banner.reload_button.isVisible()
    assert form.gone
    assert edit.text() == "Hélène Louise"
    qtbot.waitUntil(
        lambda: (
            (d := DraftStore(repo.db, owner=USER).get(pz.uuid)) is not None
            and d.data["raw"].get("prenoms") == "Hélène Louise"
        ),
        timeout=5_000,
    )
    draft = DraftStore(repo.db, owner=USER).get(pz.uuid)
    # The draft never outlives the fiche's own retention deadline.
    assert draft.deadline <= repo.retention.deadline(pz.created_at)
    assert not repo.exists(pz.uuid)
    _no_bug_logged(caplog)


def test_db_thread_reports_both_as_known_conditions(qtbot, db_thread, caplog):
    from app.db.repositories import FicheNotFoundError, StaleVersionError

    def opener():
        return SimpleNamespace(close=lambda: None), None

    with qtbot.waitSignal(db_thread.open(opener).finished, timeout=5_000):
        pass
    for error in (StaleVersionError("u-1"), FicheNotFoundError("u-2")):

        def job(_db, error=error):
            raise error

        ticket = db_thread.submit(job)
        with qtbot.waitSignal(ticket.failed, timeout=5_000) as blocker:
            pass
        failure = blocker.args[0]
        assert not failure.internal
        assert failure.message == str(error) and "u-" not in failure.message
    _no_bug_logged(caplog)


def test_reload_of_a_fiche_closed_meanwhile_carries_the_typing_after_reopening(qtbot, window, repo):
    from complete import complete

    from app.core.clock import get_clock
    from app.core.enums import LifecycleState
    from app.services.fiches import FicheService

    pz = repo.save(PatientZero(birth_name="Lefèvre", first_names="Hélène"))
    form = _open(qtbot, window, pz.uuid)
    service = FicheService(repo.db, repo.user)  # validated then closed elsewhere
    stored = repo.get(pz.uuid, journal_consultation=False)
    service.validate(complete(stored, get_clock().now().date()))
    service.close(pz.uuid)
    edit = _edit(form, "prenoms", "Hélène Louise")
    form.save()
    qtbot.waitUntil(lambda: form.banner.conflict_box.isVisible(), timeout=5_000)
    form.banner.reload_button.click()
    qtbot.waitUntil(lambda: form.fiche.state is LifecycleState.CLOSED, timeout=5_000)
    assert "Rouvrir" in form.banner.note.text() and not form.editable
    assert edit.text() == "Hélène"  # the stored version, read-only
    form.header.reopen_button.click()
    qtbot.waitUntil(lambda: form.editable and edit.text() == "Hélène Louise", timeout=5_000)
    assert form.has_unsaved()
    form.save()
    qtbot.waitUntil(lambda: not form.has_unsaved() and not form.busy, timeout=5_000)
    assert repo.get(pz.uuid, journal_consultation=False).first_names == "Hélène Louise"

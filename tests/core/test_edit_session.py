"""The edit session of a fiche form, without Qt: unsaved typing, drafts, reload, closing."""

from __future__ import annotations

import pytest

from app.core.edit_session import (
    CloseAnswer,
    CloseDecision,
    EditSession,
    ReloadOutcome,
    merge_reload,
)

BASE = {"nom_naissance": "Lefèvre", "prenoms": "Hélène", "nom_usage": "", "telephones": ""}


# -- dirty state -----------------------------------------------------------------------
def test_a_loaded_form_is_saved_and_its_first_edit_makes_it_unsaved() -> None:
    session = EditSession()
    session.loaded(BASE)
    assert not session.has_unsaved and session.draft_is_current
    assert session.edited("nom_usage") is True  # the header shows « modifications… » now
    assert session.edited("nom_usage") is False  # already unsaved: nothing to redraw
    assert session.has_unsaved and not session.draft_is_current
    assert session.touched == {"nom_usage"}


def test_loading_the_saved_version_clears_the_unsaved_mark() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    session.loaded({**BASE, "prenoms": "Hélène Marie"})
    assert not session.has_unsaved and session.base["prenoms"] == "Hélène Marie"


def test_a_save_keeps_the_typing_made_while_it_ran() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    started = session.edits
    assert session.saved(started) is True  # nothing typed meanwhile: show the saved version
    session.edited("prenoms")
    started = session.edits
    session.edited("nom_usage")  # typed on while saving
    assert session.saved(started) is False
    assert session.saved_edits == started and session.has_unsaved


def test_drafts_follow_the_count_of_edits() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    written_at = session.edits
    session.edited("prenoms")
    session.draft_written(written_at)  # a draft taken before the last keystroke
    assert not session.draft_is_current
    session.draft_written(session.edits)
    assert session.draft_is_current
    session.draft_written(written_at)  # an older draft answering late changes nothing
    assert session.draft_is_current
    session.redraft()  # a refused save: write the draft again
    assert not session.draft_is_current and session.has_unsaved


def test_a_restored_draft_is_unsaved_already_drafted_and_shows_every_message() -> None:
    session = EditSession()
    session.loaded(BASE)
    assert not session.shows_issues("prenoms", stored=False)
    session.draft_restored()
    assert session.has_unsaved and session.draft_is_current
    assert session.shows_issues("prenoms", stored=False)


def test_a_new_form_shows_messages_of_touched_fields_only() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("nom_naissance")
    assert session.shows_issues("nom_naissance", stored=False)
    assert not session.shows_issues("prenoms", stored=False)
    assert session.shows_issues("prenoms", stored=True)  # a stored fiche: every message
    session.attempted = True  # « Enregistrer » or « Valider » asked
    assert session.shows_issues("prenoms", stored=False)


# -- merge on reload ---------------------------------------------------------------------
def test_disjoint_edits_merge() -> None:
    mine = {**BASE, "nom_usage": "Martin"}
    theirs = {**BASE, "prenoms": "Hélène Marie"}
    merge = merge_reload(BASE, mine, theirs, editable=True)
    assert merge.outcome is ReloadOutcome.CARRIED
    assert merge.typed == {"nom_usage": "Martin"}
    assert merge.conflicts == ()
    # shown next: their first names, my usage name
    assert {**theirs, **merge.typed} == {**BASE, "prenoms": "Hélène Marie", "nom_usage": "Martin"}


def test_the_same_field_changed_on_both_sides_is_a_conflict_keeping_the_typing() -> None:
    mine = {**BASE, "nom_usage": "Martin-Lefèvre", "nom_naissance": "Lefebvre"}
    theirs = {**BASE, "nom_usage": "Nouveau", "prenoms": "Hélène Marie"}
    merge = merge_reload(BASE, mine, theirs, editable=True)
    assert merge.outcome is ReloadOutcome.CONFLICTS
    assert merge.conflicts == ("nom_usage",)  # prenoms changed on their side only
    assert merge.typed == {"nom_usage": "Martin-Lefèvre", "nom_naissance": "Lefebvre"}


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    mine = {**BASE, "nom_usage": "Martin"}
    theirs = {**BASE, "nom_usage": "Martin"}
    merge = merge_reload(BASE, mine, theirs, editable=True)
    assert merge.outcome is ReloadOutcome.CARRIED and merge.conflicts == ()


def test_nothing_typed_shows_the_stored_version() -> None:
    theirs = {**BASE, "prenoms": "Hélène Marie"}
    merge = merge_reload(BASE, dict(BASE), theirs, editable=True)
    assert merge.outcome is ReloadOutcome.UNCHANGED and merge.typed == {}
    assert merge_reload(BASE, dict(BASE), theirs, editable=False).outcome is (
        ReloadOutcome.UNCHANGED
    )


def test_a_stored_state_change_defers_the_typing_until_reopened() -> None:
    session = EditSession()
    session.loaded(BASE)
    mine = {**BASE, "telephones": "06 12 34 56 78"}
    session.edited("telephones")
    theirs = {**BASE, "prenoms": "Hélène Marie"}
    merge = session.reload(session.base, mine, theirs, editable=False)
    assert merge.outcome is ReloadOutcome.DEFERRED
    assert session.carried == {"telephones": "06 12 34 56 78"}
    assert session.take_carried() == {"telephones": "06 12 34 56 78"}  # after « Rouvrir »
    assert session.carried == {} and session.take_carried() == {}


def test_an_editable_reload_keeps_nothing_aside() -> None:
    session = EditSession()
    session.loaded(BASE)
    merge = session.reload(session.base, {**BASE, "nom_usage": "Martin"}, BASE, editable=True)
    assert merge.outcome is ReloadOutcome.CARRIED and session.carried == {}


def test_a_stored_deletion_keeps_the_typing_unsaved() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    session.draft_written(session.edits)
    session.stored_gone()
    session.redraft()  # the form writes the draft again
    assert session.gone and session.has_unsaved and not session.draft_is_current
    assert session.close_decision(editable_state=True) is CloseDecision.ASK


# -- closing -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "editable_state", "busy", "expected"),
    [
        (False, True, False, CloseDecision.CLOSE),  # nothing typed
        (True, False, False, CloseDecision.CLOSE),  # a read-only fiche
        (True, True, True, CloseDecision.CLOSE),  # a save under way carries the typing
        (True, True, False, CloseDecision.ASK),
    ],
)
def test_close_decision(
    typed: bool, editable_state: bool, busy: bool, expected: CloseDecision
) -> None:
    session = EditSession()
    session.loaded(BASE)
    if typed:
        session.edited("prenoms")
    session.busy = busy
    assert session.close_decision(editable_state=editable_state) is expected


def test_save_chosen_waits_for_the_save_then_closes() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    started = session.edits
    session.busy = True  # the form submitted the save
    assert session.answer_close(CloseAnswer.SAVE, save_started=True) is CloseDecision.WAIT
    assert session.close_after_save
    assert session.close_decision(editable_state=True) is CloseDecision.WAIT  # asked again
    session.busy = False
    assert session.saved(started) and session.close_after_save  # the tab closes now


def test_save_refused_before_it_starts_keeps_the_tab() -> None:
    session = EditSession()
    assert session.answer_close(CloseAnswer.SAVE, save_started=False) is CloseDecision.STAY
    assert not session.close_after_save


def test_a_failed_save_calls_the_close_off() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    session.answer_close(CloseAnswer.SAVE, save_started=True)
    session.job_failed()  # a conflict: the typing stays on screen, the tab too
    assert not session.close_after_save
    assert session.close_decision(editable_state=True) is CloseDecision.ASK


def test_typing_during_the_save_calls_the_close_off() -> None:
    session = EditSession()
    session.loaded(BASE)
    session.edited("prenoms")
    started = session.edits
    session.answer_close(CloseAnswer.SAVE, save_started=True)
    session.edited("nom_usage")
    assert not session.saved(started) and not session.close_after_save


def test_discard_closes_and_cancel_stays() -> None:
    session = EditSession()
    assert session.answer_close(CloseAnswer.DISCARD) is CloseDecision.CLOSE
    assert session.answer_close(CloseAnswer.CANCEL) is CloseDecision.STAY

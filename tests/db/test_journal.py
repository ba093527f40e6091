"""The journal: tampering detected (doctor --json), every action kind written, retention."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from complete import complete

from app.cli import main
from app.core.accounts import Role
from app.core.enums import JournalAction
from app.core.settings import AUTOLOCK_MINUTES, JOURNAL_RETENTION_MONTHS
from app.db import journal
from app.db.accounts import AccountStore, SignInError
from app.db.connection import Database
from app.db.journal_view import JournalFilter, query_journal
from app.db.permissions import PermissionDenied
from app.db.purge import purge
from app.db.repositories import FicheRepository, journal_rows
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.exports.service import export_excel
from app.services.fiches import FicheService
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.support.markers import marker_contact, marker_patient_zero


def _doctor(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    main(["doctor", "--json"])
    return json.loads(capsys.readouterr().out)


def _journal_with_entries(data_dir: Path) -> None:
    init_store(data_dir)
    with open_store(data_dir) as db:
        repo = FicheRepository(db, "agent1")
        for _ in range(4):
            repo.save(marker_patient_zero())


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE journal SET detail = 'modifié' WHERE id = 2",
        "UPDATE journal SET user = 'quelquun' WHERE id = (SELECT max(id) FROM journal)",
        "DELETE FROM journal WHERE id = 2",
        "DELETE FROM journal WHERE id = 1",
        "DELETE FROM journal WHERE id = (SELECT max(id) FROM journal)",
    ],
)
def test_doctor_detects_an_edited_or_deleted_entry(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tamper: str
) -> None:
    _journal_with_entries(data_dir)
    assert _doctor(capsys)["journal_chain_ok"] is True
    with open_store(data_dir) as db:
        # The append-only triggers refuse it first…
        with pytest.raises(Exception, match="journal en ajout seul"):
            db.execute(tamper)
        # …someone with the key and an SQL shell removes them.
        db.execute("DROP TRIGGER journal_no_update")
        db.execute("DROP TRIGGER journal_no_delete")
        db.execute(tamper)
    report = _doctor(capsys)
    assert report["journal_chain_ok"] is False


def test_removing_the_newest_entry_then_appending_is_detected(data_dir: Path) -> None:
    _journal_with_entries(data_dir)
    with open_store(data_dir) as db:
        db.execute("DROP TRIGGER journal_no_delete")
        db.execute("DELETE FROM journal WHERE id = (SELECT max(id) FROM journal)")
        FicheRepository(db, "agent1").record(JournalAction.PRINT)  # chain looks fine…
        assert journal.chain_ok(journal_rows(db))
        assert not journal.verify(db).ok  # …but the head counted one entry more


def test_journal_retention_keeps_the_chain_valid(db: Database, fake_clock) -> None:
    repo = FicheRepository(db, "agent1")
    repo.save(marker_patient_zero())
    fake_clock.advance(timedelta(days=400))
    repo.save(marker_patient_zero())
    before = len(journal_rows(db))
    removed = journal.trim_before(db, fake_clock.now() - timedelta(days=365), "programme")
    assert removed >= 1
    rows = journal_rows(db)
    assert len(rows) == before - removed + 1
    assert rows[-1][3] == JournalAction.PURGE.value
    assert journal.verify(db).ok
    # Later entries still chain, and deleting one still breaks it.
    repo.record(JournalAction.PRINT)
    assert journal.verify(db).ok
    with pytest.raises(Exception, match="journal en ajout seul"):
        db.execute("DELETE FROM journal WHERE id = ?", (rows[-1][0],))


def test_every_action_kind_is_written(staffed: Database, fake_clock, tmp_path: Path) -> None:
    """The decree's kinds and sign-in kinds, each written by the code path that does it."""
    accounts = AccountStore(staffed)
    accounts.authenticate(AGENT, AGENT_PASSWORD)  # connexion
    with pytest.raises(SignInError):
        accounts.authenticate(AGENT, "mauvais mot de passe")  # échec de connexion
    accounts.record_lock(AGENT)  # verrouillage
    repo = FicheRepository(staffed, AGENT)
    pz = marker_patient_zero()
    repo.save(pz)  # création
    repo.get(pz.uuid)  # consultation
    pz = repo.get(pz.uuid, journal_consultation=False)
    pz.first_names = "Autre"
    repo.save(pz)  # modification
    service = FicheService(staffed, AGENT)
    pz = complete(repo.get(pz.uuid, journal_consultation=False), fake_clock.now().date())
    service.validate(pz)  # validation
    repo.record(JournalAction.TRANSMIT, pz.uuid, "v3 reçue")  # transmission (the sync's entry)
    service.close(pz.uuid)  # clôture
    contact = marker_contact(pz)
    repo.save(contact)
    repo.delete(contact.uuid)  # suppression
    export_excel(staffed, REFERENT, tmp_path / "x.xlsx")  # export
    repo.record(JournalAction.PRINT, detail="affiche A4")  # impression (app.print journals so)
    fake_clock.advance(timedelta(days=200))
    purge(staffed, "programme", as_of=fake_clock.now())  # purge
    kinds = {r[3] for r in journal_rows(staffed)}
    wanted = {
        JournalAction.CREATE,
        JournalAction.VIEW,
        JournalAction.UPDATE,
        JournalAction.DELETE,
        JournalAction.VALIDATE,
        JournalAction.CLOSE,
        JournalAction.EXPORT,
        JournalAction.PRINT,
        JournalAction.TRANSMIT,
        JournalAction.PURGE,
        JournalAction.LOGIN,
        JournalAction.LOCK,
        JournalAction.LOGIN_FAILED,
    }
    assert {k.value for k in wanted} <= kinds
    assert journal.verify(staffed).ok


def test_journal_is_read_by_the_referent_only(staffed: Database, fake_clock) -> None:
    FicheRepository(staffed, AGENT).save(marker_patient_zero())
    with pytest.raises(PermissionDenied):
        query_journal(staffed, AGENT, JournalFilter())
    total, lines = query_journal(staffed, REFERENT, JournalFilter(user=AGENT))
    assert total == len(lines) >= 1 and {line.user for line in lines} == {AGENT}
    total, _ = query_journal(
        staffed, REFERENT, JournalFilter(action=JournalAction.CREATE, since=fake_clock.now().date())
    )
    assert total >= 1
    total, _ = query_journal(
        staffed,
        REFERENT,
        JournalFilter(until=(fake_clock.now() - timedelta(days=2)).date()),
    )
    assert total == 0


def test_agent_cannot_change_settings_but_referent_can(staffed: Database) -> None:
    with pytest.raises(PermissionDenied, match="paramètres"):
        SettingsStore(staffed, AGENT).set(AUTOLOCK_MINUTES, 10)
    SettingsStore(staffed, REFERENT).set(AUTOLOCK_MINUTES, 10)
    assert SettingsStore(staffed, AGENT).get(AUTOLOCK_MINUTES) == 10
    # A name without an account has no right once the station has accounts…
    with pytest.raises(PermissionDenied):
        SettingsStore(staffed, "cli:root").set(AUTOLOCK_MINUTES, 12)
    # …a disabled référent neither, and a promoted agent gets the rights.
    AccountStore(staffed, REFERENT).set_role(AGENT, Role.REFERENT)
    SettingsStore(staffed, AGENT).set(AUTOLOCK_MINUTES, 15)


def test_purge_applies_the_journal_retention(db: Database, fake_clock) -> None:
    repo = FicheRepository(db, "agent1")
    repo.record(JournalAction.PRINT)
    first = journal_rows(db)[0][0]
    fake_clock.advance(timedelta(days=200))
    purge(db, "programme")
    assert journal_rows(db)[0][0] == first  # 12 months by default: kept
    SettingsStore(db, "cli:admin").set(JOURNAL_RETENTION_MONTHS, 6)
    purge(db, "programme")
    rows = journal_rows(db)
    assert rows[0][0] != first and journal.verify(db).ok
    assert any(r[3] == JournalAction.PURGE.value and r[5].startswith("journal") for r in rows)

"""Every entry point against every rule of the gate (issue 11).

Rows are the ways data gets in or out: the window's jobs (``app.ui.forms.service``,
the list, the search dialog, the contacts panel, the upcoming deletions), each
command, the import, demo data, promotion, reopening, sync and purge. Columns
are the rules: validated ⇒ valid; only validated ⇒ outbox; permission;
journal entry; retention instant. Each cell is one test below, named
``test_<rule>[<entry point>]``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from complete import complete

from app.cli import main
from app.core.accounts import Role
from app.core.enums import Consent, FicheKind, JournalAction, LifecycleState, SyncState
from app.core.models import Contact, Exposition, PatientZero
from app.core.retention import effective_deadline
from app.core.serialize import fiche_to_dict
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.db.permissions import PermissionDenied
from app.db.store import open_store
from app.services import retention, sync_setup, transfer
from app.services.errors import DemoRefused, FicheRefused, TransitionRefused
from app.services.fiches import FicheQuery, FicheService
from app.sync import outbox
from app.ui.forms import service as window
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)

USER = "ide.test"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    fake_clock.set(T0)
    assert main(["init"]) == 0
    capsys.readouterr()
    yield data_dir


@pytest.fixture
def db(store: Path) -> Iterator[Database]:
    database = open_store(store)
    yield database
    database.close()


def _today() -> date:
    from app.core.clock import get_clock

    return get_clock().now().date()


def _pz(**kw: Any) -> PatientZero:
    return PatientZero(birth_name="Lefèvre", first_names="Éloïse", **kw)


def _valid_pz() -> PatientZero:
    pz = _pz()
    complete(pz, _today())
    return pz


def _valid_contact(pz_uuid: str) -> Contact:
    contact = Contact(birth_name="Durand", expositions=[Exposition(patient_zero_uuid=pz_uuid)])
    complete(contact, _today())
    return contact


def _counts(db: Database) -> tuple[int, int, int]:
    def one(sql: str) -> int:
        row = db.query_one(sql)
        return int(row[0]) if row else 0

    return (
        one("SELECT count(*) FROM fiches"),
        one("SELECT count(*) FROM outbox"),
        one("SELECT count(*) FROM journal"),
    )


def _journal(db: Database) -> list[tuple[str, str, str | None, str]]:
    return [
        (str(r[0]), str(r[1]), r[2], str(r[3]))
        for r in db.query("SELECT user, action, fiche_uuid, detail FROM journal ORDER BY id")
    ]


def _pending(db: Database, uuid: str) -> int:
    row = db.query_one(
        "SELECT count(*) FROM outbox WHERE fiche_uuid = ? AND state = 'pending'", (uuid,)
    )
    return int(row[0]) if row else 0


def _stored_invalid_non_drafts(db: Database) -> list[str]:
    service = FicheService(db, USER)
    bad = []
    for (uuid,) in db.query("SELECT uuid FROM fiches WHERE state != 'brouillon'"):
        fiche = service.peek(str(uuid))
        if any(i.is_error for i in service.issues(fiche)):
            bad.append(str(uuid))
    return bad


def _drafts_in_outbox(db: Database) -> int:
    row = db.query_one(
        "SELECT count(*) FROM outbox o JOIN fiches f ON f.uuid = o.fiche_uuid"
        " WHERE o.state = 'pending' AND f.state = 'brouillon'"
    )
    return int(row[0]) if row else 0


def _write_jsonl(path: Path, fiches: list[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(fiche_to_dict(f), ensure_ascii=False) + "\n" for f in fiches),
        encoding="utf-8",
    )
    return path


# =============================================================== validated ⇒ valid


def _incomplete_validated() -> PatientZero:
    return _pz(state=LifecycleState.VALIDATED)  # no identity choice, no information…


def _window_save(db: Database) -> None:
    window.save_fiche(db, USER, _incomplete_validated())


def _window_validate(db: Database) -> None:
    window.validate_fiche(db, USER, _pz())


def _window_change_state(db: Database) -> None:
    pz = FicheService(db, USER).save(_pz())
    window.change_state(db, USER, pz.uuid, LifecycleState.VALIDATED)


def _window_quick_contact(db: Database) -> None:
    pz = FicheService(db, USER).save(_valid_pz())
    contact = Contact(birth_name="Durand", state=LifecycleState.VALIDATED)
    contact.expositions = [Exposition(patient_zero_uuid=pz.uuid)]
    window.add_contact(db, USER, pz, contact)


def _service_link(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    other = service.save(_valid_pz())
    contact = service.validate(_valid_contact(pz.uuid))
    # A link without date nor risk would make the validated contact incomplete.
    service.link(contact.uuid, Exposition(patient_zero_uuid=other.uuid))


def _service_close_draft(db: Database) -> None:
    pz = FicheService(db, USER).save(_pz())
    FicheService(db, USER).close(pz.uuid)


def _service_transmit(db: Database) -> None:
    pz = FicheService(db, USER).save(_valid_pz())
    FicheService(db, USER).set_state(pz.uuid, LifecycleState.TRANSMITTED)


REFUSALS: dict[str, tuple[Callable[[Database], None], type[Exception]]] = {
    "window-save": (_window_save, FicheRefused),
    "window-validate": (_window_validate, FicheRefused),
    "window-state": (_window_change_state, FicheRefused),
    "window-quick-contact": (_window_quick_contact, FicheRefused),
    "link": (_service_link, FicheRefused),
    "close-draft": (_service_close_draft, TransitionRefused),
    "transmit-by-hand": (_service_transmit, TransitionRefused),
}


@pytest.mark.parametrize("entry", list(REFUSALS))
def test_validated_implies_valid(entry: str, db: Database) -> None:
    job, error = REFUSALS[entry]
    with pytest.raises(error):
        job(db)
    assert _stored_invalid_non_drafts(db) == []


def test_validated_implies_valid_refusal_writes_nothing(db: Database) -> None:
    pz = FicheService(db, USER).save(_pz())
    before = _counts(db)
    with pytest.raises(FicheRefused) as caught:
        window.change_state(db, USER, pz.uuid, LifecycleState.VALIDATED)
    assert _counts(db) == before
    assert "divulgation_identite" in {i.path for i in caught.value.issues}
    assert FicheService(db, USER).peek(pz.uuid).state is LifecycleState.DRAFT


def test_validated_implies_valid_import(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _valid_pz()
    good.created_at = T0 - timedelta(days=1)
    bad = _incomplete_validated()
    bad.created_at = T0 - timedelta(days=1)
    path = _write_jsonl(tmp_path / "in.jsonl", [good, bad])
    assert main(["import", str(path)]) == 65
    err = capsys.readouterr().err
    assert "ligne 2 :" in err and "ligne 1 :" not in err
    with open_store(store) as db:
        assert _counts(db)[0] == 0  # all or nothing


def test_validated_implies_valid_demo_data(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo-data", "--count", "40", "--seed", "11"]) == 0
    with open_store(store) as db:
        assert _stored_invalid_non_drafts(db) == []
        states = {str(r[0]) for r in db.query("SELECT DISTINCT state FROM fiches")}
    assert {"brouillon", "validee"} <= states


def test_validated_implies_valid_promotion(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    contact = service.save(_valid_contact(pz.uuid))
    new = service.promote(contact.uuid)
    assert new.state is LifecycleState.DRAFT
    assert _stored_invalid_non_drafts(db) == []


# ============================================================ only validated ⇒ outbox


def test_only_validated_enter_the_outbox_window(db: Database) -> None:
    draft = _pz()
    window.save_fiche(db, USER, draft)
    assert _pending(db, draft.uuid) == 0
    assert FicheService(db, USER).list_rows(FicheQuery(), 0, 5)[0].sync_state is SyncState.LOCAL
    pz = _pz()
    contact = Contact(birth_name="Durand", expositions=[Exposition(patient_zero_uuid=pz.uuid)])
    window.add_contact(db, USER, pz, contact)
    assert _pending(db, pz.uuid) == 0 and _pending(db, contact.uuid) == 0
    complete(draft, _today())
    window.validate_fiche(db, USER, draft)
    assert _pending(db, draft.uuid) == 1
    assert outbox.count_sendable(db, T0) == 1


def test_only_validated_enter_the_outbox_reopen_withdraws(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.validate(_valid_pz())
    assert _pending(db, pz.uuid) == 1
    window.change_state(db, USER, pz.uuid, LifecycleState.DRAFT)
    assert _pending(db, pz.uuid) == 0
    assert outbox.next_batch(db, T0, 10) == []
    service.validate(service.peek(pz.uuid))
    assert [i.uuid for i in outbox.next_batch(db, T0, 10)] == [pz.uuid]


def test_only_validated_enter_the_outbox_promotion(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    contact = service.save(_valid_contact(pz.uuid))
    new = service.promote(contact.uuid)
    assert _pending(db, new.uuid) == 0


def test_only_validated_enter_the_outbox_import_and_demo(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _pz()
    draft.created_at = T0 - timedelta(days=2)
    path = _write_jsonl(tmp_path / "in.jsonl", [draft])
    assert main(["import", str(path)]) == 0
    with open_store(store) as db:
        assert _pending(db, draft.uuid) == 0
        db.execute("DELETE FROM fiches")  # a demonstration needs an empty station
    assert main(["demo-data", "--count", "30", "--seed", "5"]) == 0
    with open_store(store) as db:
        assert _drafts_in_outbox(db) == 0
        assert all(i.document["etat"] != "brouillon" for i in outbox.next_batch(db, T0, 500))


def test_only_validated_enter_the_outbox_a_draft_queued_by_hand_never_leaves(
    db: Database,
) -> None:
    """Second line: the outbox reader skips a draft whatever queued it."""
    pz = FicheService(db, USER).save(_pz())
    db.execute(
        "INSERT INTO outbox (fiche_uuid, version, op, queued_at) VALUES (?, 1, 'upsert', ?)",
        (pz.uuid, "2026-11-02T09:00:00.000000Z"),
    )
    assert outbox.next_batch(db, T0, 10) == []
    assert outbox.count_sendable(db, T0) == 0


def test_only_validated_enter_the_outbox_sync_of_demo_data(
    store: Path, central: Any, token_for: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's acceptance check: demo-data --count 120, a sync, 0 rejections, no draft."""
    assert main(["demo-data", "--count", "120", "--seed", "2026"]) == 0
    with open_store(store) as db:
        validated = db.query_one("SELECT count(*) FROM fiches WHERE state != 'brouillon'")
        drafts = db.query_one("SELECT count(*) FROM fiches WHERE state = 'brouillon'")
    assert validated and drafts and int(validated[0]) > 100 and int(drafts[0]) > 0
    capsys.readouterr()
    code = main(["sync", "--server", central.url, "--ca-bundle", central.ca, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report
    assert report["accepted"] == int(validated[0])
    assert report["rejected"] == 0 and report["conflicts"] == 0 and report["remaining"] == 0
    with open_store(store) as db:
        sent = db.query_one("SELECT count(*) FROM fiches WHERE sync_state = 'sent'")
        unsent_drafts = db.query_one(
            "SELECT count(*) FROM fiches WHERE state = 'brouillon' AND sync_state = 'local'"
        )
    assert sent and int(sent[0]) == int(validated[0])
    assert unsent_drafts and int(unsent_drafts[0]) == int(drafts[0])


# ======================================================================= permission


@pytest.fixture
def staffed(store: Path) -> Path:
    with open_store(store) as db:
        AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD)
        AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
        FicheService(db, AGENT).save(_valid_pz())
    return store


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    source = _valid_pz()
    source.created_at = T0 - timedelta(days=1)
    jsonl = _write_jsonl(tmp_path / "in.jsonl", [source])
    return {
        "export-json": ["export-json", str(tmp_path / "out.jsonl")],
        "import": ["import", str(jsonl)],
        "demo-data": ["demo-data", "--count", "2"],
        "purge-early": ["purge", "--as-of", "2099-01-01"],
        "sync-set-token": ["sync", "--server", "https://central.example/", "--set-token"],
        "journal": ["journal"],
        "export": ["export", "excel", "--out", str(tmp_path / "out.xlsx")],
        "account": ["account", "list"],
    }


COMMANDS = [
    "export-json",
    "import",
    "demo-data",
    "purge-early",
    "sync-set-token",
    "journal",
    "export",
    "account",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_permission_cli(
    command: str,
    staffed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    argv = _commands(tmp_path)[command]
    monkeypatch.setattr("sys.stdin", io.StringIO("jeton-de-test-0123456789\n"))
    with open_store(staffed) as db:
        before = _counts(db)
    # Nobody signed in: refused, nothing written, no file made.
    assert main(argv) == 77, capsys.readouterr()
    assert "--user" in capsys.readouterr().err
    with open_store(staffed) as db:
        assert _counts(db) == before
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "out.xlsx").exists()
    # An agent: refused too.
    monkeypatch.setenv("TRACING_DESK_PASSWORD", AGENT_PASSWORD)
    assert main([*argv, "--user", AGENT]) == 77
    with open_store(staffed) as db:
        fiches, queued, _ = _counts(db)
    assert (fiches, queued) == before[:2]
    # The référent, with the password: done, journaled under that account.
    monkeypatch.setenv("TRACING_DESK_PASSWORD", REFERENT_PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("jeton-de-test-0123456789\n"))
    code = main([*argv, "--user", REFERENT])
    if command == "demo-data":
        assert code == 2  # the station holds real fiches: never mixed
        assert "démonstration" in capsys.readouterr().err
    else:
        assert code == 0, capsys.readouterr()


def test_permission_cli_unattended_purge_needs_no_account(
    staffed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["purge"]) == 0
    assert main(["purge", "--dry-run", "--as-of", "2099-01-01"]) == 0  # a preview deletes nothing
    with open_store(staffed) as db:
        assert _counts(db)[0] == 1


def test_permission_services(staffed: Path, tmp_path: Path) -> None:
    """The window's path reaches the same checks (the services, not the callers)."""
    with open_store(staffed) as db:
        for call in (
            lambda: transfer.export_jsonl(db, AGENT, tmp_path / "x.jsonl"),
            lambda: transfer.import_jsonl(db, AGENT, tmp_path / "x.jsonl"),
            lambda: transfer.demo_data(db, AGENT, count=1),
            lambda: retention.run_purge(db, AGENT, as_of=datetime(2099, 1, 1, tzinfo=UTC)),
            lambda: sync_setup.save_token(db, AGENT, "https://central.example/", "t"),
        ):
            with pytest.raises(PermissionDenied):
                call()
        with pytest.raises(DemoRefused):
            transfer.demo_data(db, REFERENT, count=1)
    assert not (tmp_path / "x.jsonl").exists()


# ==================================================================== journal entry


def _actions(db: Database, uuid: str | None = None) -> list[str]:
    return [a for _, a, u, _ in _journal(db) if uuid is None or u == uuid]


def test_journal_entry_window_lifecycle(db: Database) -> None:
    pz = _pz()
    window.save_fiche(db, USER, pz)
    complete(pz, _today())
    window.validate_fiche(db, USER, pz)
    window.change_state(db, USER, pz.uuid, LifecycleState.DRAFT)
    window.validate_fiche(db, USER, FicheService(db, USER).peek(pz.uuid))
    window.change_state(db, USER, pz.uuid, LifecycleState.CLOSED)
    window.open_fiche(db, USER, pz.uuid)
    assert _actions(db, pz.uuid) == [
        JournalAction.CREATE.value,
        JournalAction.VALIDATE.value,
        JournalAction.REOPEN.value,
        JournalAction.VALIDATE.value,
        JournalAction.CLOSE.value,
        JournalAction.VIEW.value,  # the form (no contact: no panel to trace)
    ]


def test_journal_entry_consultations_carry_no_typed_text(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    service.save(_valid_contact(pz.uuid))
    before = len(_journal(db))
    window.search(db, USER, "lefèv", None)
    service.list_rows(FicheQuery(text="06 12", kind=FicheKind.CONTACT), 0, 50)
    service.list_rows(FicheQuery(text="zzz-personne"), 0, 50)  # no row shown: nothing to trace
    window.contact_lines(db, USER, pz.uuid)
    service.upcoming(T0 + timedelta(days=400))
    entries = _journal(db)[before:]
    assert [a for _, a, _, _ in entries] == [JournalAction.VIEW.value] * 4
    assert entries[0][3] == "recherche [texte (nom)]\u00a0: 1 ligne(s)"
    assert entries[1][3] == "liste [texte (téléphone ou NIR), type contact]\u00a0: 1 ligne(s)"
    assert entries[2][2] == pz.uuid and entries[2][3] == "contacts du patient zéro\u00a0: 1"
    assert entries[3][3] == "suppressions à venir\u00a0: 2 ligne(s)"
    text = json.dumps(entries, ensure_ascii=False).casefold()
    for typed in ("lefèv", "lefèvre", "06 12", "0612", "éloïse", "durand"):
        assert typed not in text


def test_journal_entry_promotion(db: Database) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    contact = service.save(_valid_contact(pz.uuid))
    new = window.promote(db, USER, contact.uuid)
    assert (USER, "modification", contact.uuid, f"promu patient zéro {new.uuid}") in _journal(db)
    assert JournalAction.CREATE.value in _actions(db, new.uuid)


def test_journal_entry_commands(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = [_valid_pz(), _pz()]
    for f in source:
        f.created_at = T0 - timedelta(days=1)
    assert main(["import", str(_write_jsonl(tmp_path / "in.jsonl", source))]) == 0
    assert main(["export-json", str(tmp_path / "out.jsonl")]) == 0
    with open_store(store) as db:
        for f in source:
            actions = _actions(db, f.uuid)
            assert actions[:1] == [JournalAction.CREATE.value]
            assert JournalAction.EXPORT.value in actions  # one entry per fiche, by UUID
        assert JournalAction.IMPORT.value in _actions(db)
    from app.core.clock import get_clock

    get_clock().advance(timedelta(days=100))  # type: ignore[attr-defined]
    assert main(["purge"]) == 0
    with open_store(store) as db:
        for f in source:
            assert _actions(db, f.uuid)[-1] == JournalAction.PURGE.value


# ================================================================= retention instant


def test_retention_instant_window_draft_then_save(db: Database, fake_clock: Any) -> None:
    """Autosaved at T0, first saved at T0 + 80 days: the 3 months ran from T0."""
    pz = _pz()
    window.put_draft(db, USER, pz.uuid, FicheKind.PATIENT_ZERO, 0, {"base": fiche_to_dict(pz)})
    fake_clock.advance(timedelta(days=80))
    saved = window.save_fiche(db, USER, pz).fiche
    assert saved.created_at == T0
    row = db.query_one("SELECT deadline FROM fiches WHERE uuid = ?", (pz.uuid,))
    assert row is not None
    assert str(row[0]).startswith("2027-02-02")
    assert effective_deadline(T0, tz="Europe/Paris", months=3) <= T0 + timedelta(days=92)


def test_retention_instant_quick_contact_keeps_the_patient_zero_draft(
    db: Database, fake_clock: Any
) -> None:
    pz = _pz()
    window.put_draft(db, USER, pz.uuid, FicheKind.PATIENT_ZERO, 0, {"base": fiche_to_dict(pz)})
    fake_clock.advance(timedelta(days=10))
    contact = Contact(birth_name="Durand", expositions=[Exposition(patient_zero_uuid=pz.uuid)])
    window.add_contact(db, USER, pz, contact)
    assert FicheService(db, USER).peek(pz.uuid).created_at == T0
    assert FicheService(db, USER).peek(contact.uuid).created_at == T0 + timedelta(days=10)


def test_retention_instant_promotion_keeps_the_contact_instant(
    db: Database, fake_clock: Any
) -> None:
    service = FicheService(db, USER)
    pz = service.save(_valid_pz())
    contact = _valid_contact(pz.uuid)
    contact.support_consent = Consent.YES
    contact.support_needed = True
    service.save(contact)
    fake_clock.advance(timedelta(days=80))
    new = service.promote(contact.uuid)
    assert new.created_at == T0
    assert new.support_consent is None  # asked again, never copied
    row = db.query_one("SELECT created_at FROM fiches WHERE uuid = ?", (new.uuid,))
    assert row is not None and str(row[0]).startswith("2026-11-02T09:00")
    fake_clock.advance(timedelta(days=15))
    retention.run_purge(db, "programme")
    assert not service.exists(new.uuid) and not service.exists(contact.uuid)


def test_retention_instant_import_and_demo(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    future = _pz()
    future.created_at = T0 + timedelta(days=3)
    old = _pz()
    old.created_at = T0 - timedelta(days=20)
    assert main(["import", str(_write_jsonl(tmp_path / "in.jsonl", [future, old]))]) == 0
    with open_store(store) as db:
        service = FicheService(db, USER)
        assert service.peek(future.uuid).created_at == T0  # never later than now
        assert service.peek(old.uuid).created_at == T0 - timedelta(days=20)
        db.execute("DELETE FROM fiches")
    assert main(["demo-data", "--count", "10", "--spread-days", "20"]) == 0
    with open_store(store) as db:
        row = db.query_one("SELECT min(created_at), max(created_at) FROM fiches")
    assert row is not None
    assert str(row[0]) >= "2026-10-13" and str(row[1]) <= "2026-11-02T09:00:00.000000Z"

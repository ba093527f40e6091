"""Putting the station into service: one transaction, the keyring written last, retry-safe."""

from __future__ import annotations

from typing import Any

import keyring.errors
import pytest
from memkeyring import MemoryKeyring

from app.core import settings as S
from app.db import keystore
from app.db.accounts import AccountError, AccountStore
from app.db.connection import Cursor, Database
from app.db.errors import DiskFullError
from app.db.provisioning import FirstRunError, Provisioning, provision
from app.db.settings_store import SECRET_PREFIX, SettingsStore, get_secret
from app.db.store import open_store
from tests.support.accounts import cheap_hasher  # noqa: F401  (autouse fixture)

LOGIN = "cadre.sante"
PASSWORD = "Une longue phrase de passe"
TOKEN_ENTRY = "sync-token:https://tracage.exemple.fr"
TOKEN = "jeton-partenaire-0123456789"


def request(**changes: Any) -> Provisioning:
    values: dict[str, Any] = {
        "login": LOGIN,
        "display_name": "Mme Cadre",
        "password": PASSWORD,
        "settings": {
            S.ESTABLISHMENT_NAME.key: "EHPAD Les Églantines",
            S.SYNC_SERVER_URL.key: "https://tracage.exemple.fr",
            S.DEMO_MODE.key: False,
        },
        "keyring_secrets": {TOKEN_ENTRY: TOKEN},
    }
    values.update(changes)
    return Provisioning(**values)


def counts(db: Database) -> tuple[int, int, int]:
    """(accounts, settings rows, journal entries)."""
    return tuple(  # type: ignore[return-value]
        int(db.query_one(f"SELECT count(*) FROM {table}")[0])  # type: ignore[index]
        for table in ("accounts", "settings", "journal")
    )


def test_provision_stores_the_account_the_settings_and_the_token(
    db: Database, memory_keyring: MemoryKeyring
) -> None:
    done = provision(db, request(database_secrets={"extra": "secret-en-base-0123"}))
    assert done.session.login == LOGIN and done.keyring_problem == ""
    assert AccountStore(db, LOGIN).get(LOGIN).display_name == "Mme Cadre"  # type: ignore[union-attr]
    settings = SettingsStore(db, LOGIN)
    assert settings.get(S.ESTABLISHMENT_NAME) == "EHPAD Les Églantines"
    assert settings.get(S.SYNC_SERVER_URL) == "https://tracage.exemple.fr"
    assert get_secret(db, "extra") == "secret-en-base-0123"
    assert memory_keyring.get_password(keystore.SERVICE, TOKEN_ENTRY) == TOKEN
    # Journaled as before: the account under its own login, settings by key only.
    details = [str(r[0]) for r in db.query("SELECT detail FROM journal ORDER BY id")]
    assert details[0].startswith(f"compte {LOGIN}")
    assert "setting establishment.name" in details
    assert not any("Églantines" in d or TOKEN in d for d in details)


def test_a_failure_in_the_middle_leaves_nothing_and_the_retry_succeeds(
    db: Database, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db)
    written = SettingsStore.write_checked
    calls: list[str] = []

    def fail_after_writing(self: SettingsStore, cur: Cursor, checked: dict[str, Any]) -> None:
        written(self, cur, checked)  # the account and the settings are written…
        calls.append("settings")
        raise DiskFullError()  # …then the disk is full

    monkeypatch.setattr(SettingsStore, "write_checked", fail_after_writing)
    with pytest.raises(DiskFullError):
        provision(db, request(database_secrets={"extra": "secret-en-base-0123"}))
    assert calls == ["settings"]
    assert counts(db) == before  # no account, no setting, no journal entry
    assert not AccountStore(db).has_accounts()
    assert db.query("SELECT key FROM settings WHERE key LIKE ?", (SECRET_PREFIX + "%",)) == []
    assert memory_keyring.get_password(keystore.SERVICE, TOKEN_ENTRY) is None

    monkeypatch.setattr(SettingsStore, "write_checked", written)
    done = provision(db, request())  # the same choices again
    assert done.session.login == LOGIN
    assert SettingsStore(db, LOGIN).get(S.ESTABLISHMENT_NAME) == "EHPAD Les Églantines"
    assert memory_keyring.get_password(keystore.SERVICE, TOKEN_ENTRY) == TOKEN


def test_the_keyring_is_written_after_the_commit(
    db: Database, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    db.on_commit(lambda: events.append("commit"))
    keep = memory_keyring.set_password

    def recording(service: str, username: str, password: str) -> None:
        if username == TOKEN_ENTRY:
            assert not db.in_transaction
            # Committed: another connection sees the account already.
            with open_store() as other:
                assert AccountStore(other).has_accounts()
            events.append("keyring")
        keep(service, username, password)

    monkeypatch.setattr(memory_keyring, "set_password", recording)
    provision(db, request())
    assert events == ["commit", "keyring"]


def test_a_refused_setting_writes_nothing(db: Database, memory_keyring: MemoryKeyring) -> None:
    before = counts(db)
    bad = {S.ESTABLISHMENT_NAME.key: "EHPAD", S.RETENTION_MONTHS.key: 12}
    with pytest.raises(FirstRunError, match="entre 1 et 3"):
        provision(db, request(settings=bad))
    assert counts(db) == before
    assert memory_keyring.get_password(keystore.SERVICE, TOKEN_ENTRY) is None
    assert provision(db, request()).session.login == LOGIN


def test_a_refused_account_writes_nothing(db: Database) -> None:
    before = counts(db)
    with pytest.raises(AccountError):
        provision(db, request(password="court"))
    assert counts(db) == before


def test_a_station_in_service_is_not_provisioned_twice(db: Database) -> None:
    provision(db, request())
    before = counts(db)
    with pytest.raises(AccountError, match="existe déjà"):
        provision(db, request(login="autre.referent"))
    assert counts(db) == before


def test_a_keyring_refusing_after_the_commit_leaves_the_station_in_service(
    db: Database, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = memory_keyring.set_password

    def refuse_token(service: str, username: str, password: str) -> None:
        if username == TOKEN_ENTRY:
            raise keyring.errors.PasswordSetError("locked")
        keep(service, username, password)

    monkeypatch.setattr(memory_keyring, "set_password", refuse_token)
    done = provision(db, request())
    assert done.session.login == LOGIN
    assert "trousseau" in done.keyring_problem.lower()
    assert AccountStore(db).has_accounts()
    assert memory_keyring.get_password(keystore.SERVICE, TOKEN_ENTRY) is None

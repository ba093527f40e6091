"""The wizard's choices applied: the token where it belongs, demo data retried alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from memkeyring import MemoryKeyring

from app.core import settings as S
from app.db import keystore
from app.db.accounts import AccountStore
from app.db.connection import Database
from app.db.errors import DiskFullError
from app.db.provisioning import FirstRunError
from app.db.settings_store import SettingsStore, get_secret
from app.db.store import init_store, open_store
from app.services import provisioning
from app.services.provisioning import DemoDataError, FirstRunChoices, apply_choices
from app.sync.config import token_entry

LOGIN = "cadre.sante"
PASSWORD = "Une longue phrase de passe"
URL = "https://tracage.exemple.fr"
TOKEN = "jeton-partenaire-0123456789"
PASSPHRASE = "cheval agrafe batterie correcte violette"


def choices(**changes: object) -> FirstRunChoices:
    values: dict[str, object] = {
        "demo": False,
        "login": LOGIN,
        "display_name": "",
        "password": PASSWORD,
        "settings": {S.ESTABLISHMENT_NAME.key: "EHPAD Les Églantines"},
        "server_url": URL,
        "token": f"  {TOKEN} ",
    }
    values.update(changes)
    return FirstRunChoices(**values)  # type: ignore[arg-type]


def fiche_count(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM fiches")
    return int(row[0]) if row else 0


def test_the_token_goes_to_the_keyring_of_a_keyring_store(
    db: Database, memory_keyring: MemoryKeyring
) -> None:
    done = apply_choices(db, choices())
    assert done.session.login == LOGIN
    assert memory_keyring.get_password(keystore.SERVICE, token_entry(URL)) == TOKEN
    assert get_secret(db, token_entry(URL)) is None
    assert SettingsStore(db, LOGIN).get(S.DEMO_MODE) is False


def test_the_token_stays_in_the_database_of_a_passphrase_store(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    init_store(data_dir, passphrase=PASSPHRASE)
    with open_store(data_dir, passphrase=PASSPHRASE) as db:
        apply_choices(db, choices())
        assert get_secret(db, token_entry(URL)) == TOKEN
    assert memory_keyring.get_password(keystore.SERVICE, token_entry(URL)) is None


def test_a_malformed_token_writes_nothing(db: Database) -> None:
    with pytest.raises(FirstRunError, match="Jeton invalide"):
        apply_choices(db, choices(token="court"))
    assert not AccountStore(db).has_accounts()
    assert apply_choices(db, choices()).session.login == LOGIN


def test_failed_demonstration_data_is_retried_alone(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = choices(demo=True, server_url="", token="")
    real_demo_data = provisioning.demo_data

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise DiskFullError()

    monkeypatch.setattr(provisioning, "demo_data", disk_full)
    with pytest.raises(DemoDataError) as caught:
        apply_choices(db, demo)
    assert caught.value.provisioned.session.login == LOGIN
    assert SettingsStore(db, LOGIN).get(S.DEMO_MODE) is True  # in service, without fiches
    assert fiche_count(db) == 0

    monkeypatch.setattr(provisioning, "demo_data", real_demo_data)
    done = apply_choices(db, demo, caught.value.provisioned)  # « Terminer » again
    assert done.session.login == LOGIN
    assert fiche_count(db) >= provisioning.DEMO_PATIENTS_ZERO
    rows = db.query("SELECT count(*) FROM accounts")
    assert rows == [(1,)]

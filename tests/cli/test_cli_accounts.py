"""``tracing-desk account``: the station's accounts from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.accounts import Role
from app.db.accounts import AccountStore
from app.db.repositories import journal_rows
from app.db.store import open_store
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)

NEW_PASSWORD = "Une phrase de passe de nuit"
OWN_PASSWORD = "Ma propre phrase de passe"
SECRETS = (REFERENT_PASSWORD, AGENT_PASSWORD, NEW_PASSWORD, OWN_PASSWORD)


@pytest.fixture
def store(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["init"]) == 0
    capsys.readouterr()
    return data_dir


def _accounts(store: Path) -> dict[str, tuple[Role, bool]]:
    with open_store(store) as db:
        return {a.login: (a.role, a.active) for a in AccountStore(db, REFERENT).list()}


def _no_secret_in_journal_or_log(store: Path) -> None:
    with open_store(store) as db:
        journal = repr(journal_rows(db))
    logs = "".join(p.read_text("utf-8") for p in (store / "logs").glob("*.log*"))
    assert "sign-in" in logs or "account" in logs  # the log file is written
    for secret in SECRETS:
        assert secret not in journal
        assert secret not in logs


def test_account_commands_from_set_up_to_référent_only(
    store: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Set-up (no account): the command line acts as référent; the first is a référent.
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", REFERENT_PASSWORD)
    assert main(["account", "add", REFERENT]) == 65
    assert "premier compte" in capsys.readouterr().err
    assert main(["account", "add", REFERENT, "--role", "referent", "--name", "M. L"]) == 0
    assert "créé (référent)" in capsys.readouterr().out

    # Accounts exist: --user and the password are needed.
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", AGENT_PASSWORD)
    assert main(["account", "add", AGENT]) == 77
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("TRACING_DESK_PASSWORD", REFERENT_PASSWORD)
    assert main(["account", "add", AGENT, "--user", REFERENT]) == 0
    assert _accounts(store)[AGENT] == (Role.AGENT, True)

    # A password breaking the rule: the rule's French message, nothing created.
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", "court")
    assert main(["account", "add", "autre", "--user", REFERENT]) == 65
    assert "au moins 12 caractères" in capsys.readouterr().err
    assert "autre" not in _accounts(store)

    # An agent can neither list, add, disable nor promote.
    monkeypatch.setenv("TRACING_DESK_PASSWORD", AGENT_PASSWORD)
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", NEW_PASSWORD)
    for argv in (
        ["account", "list"],
        ["account", "add", "intrus", "--role", "referent"],
        ["account", "disable", REFERENT],
        ["account", "role", AGENT, "--role", "referent"],
        ["account", "passwd", REFERENT],
    ):
        assert main([*argv, "--user", AGENT]) == 77, argv
        assert "réservée au référent" in capsys.readouterr().err
    assert _accounts(store) == {REFERENT: (Role.REFERENT, True), AGENT: (Role.AGENT, True)}

    # ... but may change their own password (the one typed to sign in is the old one).
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", OWN_PASSWORD)
    assert main(["account", "passwd", AGENT, "--user", AGENT]) == 0
    with open_store(store) as db:
        assert AccountStore(db).authenticate(AGENT, OWN_PASSWORD).login == AGENT

    # The référent: list, reset, disable, enable, role; the last référent stays.
    monkeypatch.setenv("TRACING_DESK_PASSWORD", REFERENT_PASSWORD)
    capsys.readouterr()
    assert main(["account", "list", "--json", "--user", REFERENT]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["login"], a["role"], a["active"]) for a in listed] == [
        (AGENT, "agent", True),
        (REFERENT, "referent", True),
    ]
    monkeypatch.setenv("TRACING_DESK_NEW_PASSWORD", NEW_PASSWORD)
    assert main(["account", "passwd", AGENT, "--user", REFERENT]) == 0
    assert main(["account", "disable", REFERENT, "--user", REFERENT]) == 65
    assert "au moins un compte référent actif" in capsys.readouterr().err
    assert main(["account", "role", REFERENT, "--role", "agent", "--user", REFERENT]) == 65
    assert main(["account", "disable", AGENT, "--user", REFERENT]) == 0
    assert _accounts(store)[AGENT] == (Role.AGENT, False)
    assert main(["account", "enable", AGENT, "--user", REFERENT]) == 0
    assert main(["account", "role", AGENT, "--role", "referent", "--user", REFERENT]) == 0
    assert _accounts(store)[AGENT] == (Role.REFERENT, True)
    assert main(["account", "disable", "personne", "--user", REFERENT]) == 65
    assert "Compte inconnu" in capsys.readouterr().err
    assert main(["account", "disable", "--user", REFERENT]) == 64
    with open_store(store) as db:
        assert AccountStore(db).authenticate(AGENT, NEW_PASSWORD).login == AGENT
        details = [(r[2], r[5]) for r in journal_rows(db)]
    assert (REFERENT, f"mot de passe {AGENT}") in details
    assert (AGENT, f"mot de passe {AGENT}") in details
    assert (REFERENT, f"compte {AGENT} désactivé") in details
    _no_secret_in_journal_or_log(store)


def test_new_password_needs_a_terminal_or_the_variable(
    store: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACING_DESK_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["account", "add", REFERENT, "--role", "referent"]) == 64
    assert "TRACING_DESK_NEW_PASSWORD" in capsys.readouterr().err
    with open_store(store) as db:
        assert not AccountStore(db).has_accounts()

"""Accounts: Argon2id hashes, the password rule, sign-in and the delays after failures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.accounts import PasswordRuleError, Role, check_login, check_password, retry_delay
from app.core.enums import JournalAction
from app.db.accounts import UNKNOWN_USER, AccountError, AccountStore, SignInError
from app.db.connection import Database
from app.db.repositories import journal_rows
from tests.support.accounts import (  # noqa: F401  (cheap_hasher: autouse fixture)
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,
)


def test_password_rule() -> None:
    with pytest.raises(PasswordRuleError, match="au moins 12 caractères"):
        check_password("court")
    with pytest.raises(PasswordRuleError, match="un seul caractère"):
        check_password("a" * 20)
    with pytest.raises(PasswordRuleError, match="différent de l’identifiant"):
        check_password("Martine.Leroy", "martine.leroy")
    # 12 characters counted after NFC: "é" typed as e + combining accent counts once.
    assert check_password("e\u0301" * 6 + "abcdef") == "é" * 6 + "abcdef"
    with pytest.raises(PasswordRuleError):
        check_password("e\u0301" * 5 + "abcdef")
    assert check_password("douze carac.") == "douze carac."


def test_login_rule() -> None:
    assert check_login("  m.lefevre ") == "m.lefevre"
    for bad in ("", "cli:root", "jean dupont", "programme", "x" * 65):
        with pytest.raises(PasswordRuleError):
            check_login(bad)


def test_retry_delay_grows_after_five_failures() -> None:
    assert [retry_delay(n).total_seconds() for n in range(5)] == [0] * 5
    assert retry_delay(5) == timedelta(seconds=30)
    assert retry_delay(6) == timedelta(seconds=60)
    assert retry_delay(7) == timedelta(seconds=120)
    assert retry_delay(50) == timedelta(minutes=15)


def test_password_is_stored_as_argon2id(staffed: Database) -> None:
    hashes = [str(r[0]) for r in staffed.query("SELECT password_hash FROM accounts")]
    assert len(hashes) == 2
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(REFERENT_PASSWORD in h or AGENT_PASSWORD in h for h in hashes)


def test_first_referent_only_once(staffed: Database) -> None:
    with pytest.raises(AccountError, match="existe déjà"):
        AccountStore(staffed).create_first_referent("autre", "un autre mot de passe")


def test_sign_in(staffed: Database, fake_clock) -> None:
    session = AccountStore(staffed).authenticate(AGENT.upper(), AGENT_PASSWORD)
    assert (session.login, session.role) == (AGENT, Role.AGENT)
    with pytest.raises(SignInError, match="Identifiant ou mot de passe incorrect"):
        AccountStore(staffed).authenticate(AGENT, "pas le bon mot de passe")
    rows = journal_rows(staffed)
    assert (rows[-2][2], rows[-2][3]) == (AGENT, JournalAction.LOGIN.value)
    assert (rows[-1][2], rows[-1][3]) == (AGENT, JournalAction.LOGIN_FAILED.value)
    # Attempts are journaled without the secret.
    assert not any("pas le bon" in str(v) for r in rows for v in r)


def test_lockout_delay_with_a_fake_clock(staffed: Database, fake_clock) -> None:
    store = AccountStore(staffed)
    for attempt in range(1, 5):
        with pytest.raises(SignInError) as err:
            store.authenticate(AGENT, f"mauvais essai {attempt}")
        assert err.value.retry_after == 0
    with pytest.raises(SignInError) as err:
        store.authenticate(AGENT, "cinquième mauvais essai")
    assert err.value.retry_after == 30
    # During the delay even the right password is refused, and says how long to wait.
    fake_clock.advance(timedelta(seconds=10))
    assert store.wait_before_next_try(AGENT) == 20
    with pytest.raises(SignInError, match="dans 20 secondes") as err:
        store.authenticate(AGENT, AGENT_PASSWORD)
    assert err.value.retry_after == 20
    # After it, one more failure doubles the delay.
    fake_clock.advance(timedelta(seconds=20))
    with pytest.raises(SignInError) as err:
        store.authenticate(AGENT, "sixième mauvais essai")
    assert err.value.retry_after == 60
    fake_clock.advance(timedelta(seconds=60))
    assert store.authenticate(AGENT, AGENT_PASSWORD).login == AGENT
    # Success resets the count.
    with pytest.raises(SignInError) as err:
        store.authenticate(AGENT, "encore une erreur")
    assert err.value.retry_after == 0
    # Another account is not slowed down by the agent's failures.
    assert store.wait_before_next_try(REFERENT) == 0


def test_unknown_names_share_one_counter_and_are_not_recorded(
    staffed: Database, fake_clock
) -> None:
    store = AccountStore(staffed)
    typed = ["Secret-typed-as-login-1", "x2", "x3", "x4", "x5"]
    for name in typed:
        with pytest.raises(SignInError):
            store.authenticate(name, "peu importe")
    assert store.wait_before_next_try("x6") == 30
    rows = journal_rows(staffed)
    failures = [r for r in rows if r[3] == JournalAction.LOGIN_FAILED.value]
    assert {r[2] for r in failures} == {UNKNOWN_USER}
    assert not any(name in str(v) for r in rows for v in r for name in typed)


def test_disabled_account_cannot_sign_in(staffed: Database, fake_clock) -> None:
    AccountStore(staffed, REFERENT).set_active(AGENT, False)
    with pytest.raises(SignInError, match="désactivé"):
        AccountStore(staffed).authenticate(AGENT, AGENT_PASSWORD)


def test_last_referent_is_kept(staffed: Database) -> None:
    with pytest.raises(AccountError, match="au moins un compte référent"):
        AccountStore(staffed, REFERENT).set_role(REFERENT, Role.AGENT)
    with pytest.raises(AccountError, match="au moins un compte référent"):
        AccountStore(staffed, REFERENT).set_active(REFERENT, False)


def test_change_own_password(staffed: Database, fake_clock) -> None:
    store = AccountStore(staffed, AGENT)
    with pytest.raises(AccountError, match="ancien mot de passe"):
        store.set_password(AGENT, "un nouveau mot de passe", old_password="faux faux faux")
    store.set_password(AGENT, "un nouveau mot de passe", old_password=AGENT_PASSWORD)
    assert AccountStore(staffed).authenticate(AGENT, "un nouveau mot de passe").login == AGENT

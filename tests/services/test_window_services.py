"""The services the window's jobs call instead of building stores: the same rules as the
stores (référent only, journal chain, recovery code check), reached through app.services."""

from __future__ import annotations

import pytest

from app.core.accounts import Role
from app.core.errors import UserError
from app.db.connection import Database
from app.db.errors import RecoveryCodeError, WeakPassphraseError
from app.db.permissions import PermissionDenied
from app.services import accounts, journal, passphrase
from tests.support.accounts import AGENT, REFERENT


def test_accounts_service_keeps_the_referents_rules(staffed: Database) -> None:
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(staffed, AGENT)
    created = accounts.create_account(
        staffed,
        REFERENT,
        "cmartin",
        "une phrase assez longue",
        Role.AGENT,
        "C. Martin",
    )
    assert created.login == "cmartin" and created.role is Role.AGENT
    accounts.set_account_active(staffed, REFERENT, "cmartin", False)
    listed = {a.login: a for a in accounts.list_accounts(staffed, REFERENT)}
    assert not listed["cmartin"].active and listed[REFERENT].role is Role.REFERENT
    with pytest.raises(UserError):  # the last active référent stays
        accounts.set_account_role(staffed, REFERENT, REFERENT, Role.AGENT)


def test_journal_page_is_for_the_referent_and_checks_the_chain(staffed: Database) -> None:
    with pytest.raises(PermissionDenied):
        journal.journal_page(staffed, AGENT, journal.JournalFilter(), limit=10)
    page = journal.journal_page(staffed, REFERENT, journal.JournalFilter(), limit=1)
    assert page.chain_ok and len(page.lines) == 1 and page.total >= 2  # two accounts made
    assert REFERENT in journal.journal_users(staffed, REFERENT)


def test_passphrase_checks_refuse_in_french_before_any_work() -> None:
    with pytest.raises(RecoveryCodeError) as typo:
        passphrase.check_recovery_code("ABCD-EFGH")
    assert "32 caractères" in str(typo.value)
    with pytest.raises(WeakPassphraseError):
        passphrase.check_new_passphrase("court")
    assert passphrase.canonical_chars("ab cd-ol") == "ABCD01"

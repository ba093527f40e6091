"""The station's accounts as « Comptes » (référent only) changes them.

Called with the open :class:`~app.db.connection.Database` the database
thread hands a job, and the signed-in :class:`~app.db.permissions.Session`:
the window never builds an account store itself. Every rule (the référent's
right, at least one active référent, the password rule, Argon2id hashing,
the journal line without any secret) stays in
:class:`~app.db.accounts.AccountStore`.
"""

from __future__ import annotations

from app.core.accounts import Role
from app.db.accounts import Account, AccountStore
from app.db.connection import Database
from app.db.permissions import Session

__all__ = [
    "Account",
    "create_account",
    "list_accounts",
    "set_account_active",
    "set_account_password",
    "set_account_role",
]


def list_accounts(db: Database, session: str | Session) -> list[Account]:
    """Every account of the station (référent only)."""
    return AccountStore(db, session).list()


def create_account(
    db: Database, session: str | Session, login: str, password: str, role: Role, name: str = ""
) -> Account:
    """A new account (référent only; the password rule of ``app.core.accounts``)."""
    return AccountStore(db, session).create(login, password, role, name)


def set_account_password(db: Database, session: str | Session, login: str, password: str) -> None:
    """Replace *login*'s password (référent only)."""
    AccountStore(db, session).set_password(login, password)


def set_account_active(db: Database, session: str | Session, login: str, active: bool) -> None:
    """Disable or re-enable *login* (the last active référent stays)."""
    AccountStore(db, session).set_active(login, active)


def set_account_role(db: Database, session: str | Session, login: str, role: Role) -> None:
    """Make *login* a référent or an agent (the last active référent stays)."""
    AccountStore(db, session).set_role(login, role)

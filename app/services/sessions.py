"""Sign-in, the lock screen and the first référent: the accounts as the window uses them.

The window's jobs call these with the open :class:`~app.db.connection.Database`
the database thread hands them; the window never builds an account or
settings store itself. Every rule (password checks, the wait after repeated
failures, the journal's ``connexion`` / ``verrouillage`` lines) stays in
:class:`~app.db.accounts.AccountStore`.
"""

from __future__ import annotations

from app.core.settings import AUTOLOCK_MINUTES, DEMO_MODE
from app.db.accounts import AccountStore, SignInError
from app.db.connection import Database
from app.db.permissions import Session
from app.db.settings_store import SettingsStore

__all__ = [
    "SignInError",
    "authenticate",
    "autolock_minutes",
    "create_first_referent",
    "demo_mode",
    "has_accounts",
    "record_lock",
]


def has_accounts(db: Database) -> bool:
    """True once the station has an account (else the first-run wizard runs)."""
    return AccountStore(db).has_accounts()


def authenticate(db: Database, login: str, password: str, *, purpose: str = "") -> Session:
    """The session of *login*, or :class:`SignInError` (its French message, the wait)."""
    return AccountStore(db).authenticate(login, password, purpose=purpose)


def create_first_referent(db: Database, login: str, password: str, name: str = "") -> Session:
    """The station's first account (a référent), signed in."""
    return AccountStore(db).create_first_referent(login, password, name)


def record_lock(db: Database, login: str, reason: str) -> None:
    """Journal ``verrouillage`` of *login*'s session (*reason*: no personal data)."""
    AccountStore(db).record_lock(login, reason)


def autolock_minutes(db: Database, login: str) -> int:
    """The idle delay before the window locks (setting ``security.autolock_minutes``)."""
    return int(SettingsStore(db, login).get(AUTOLOCK_MINUTES))


def demo_mode(db: Database, login: str) -> bool:
    """True on a demonstration station (the window shows a banner that cannot be hidden)."""
    return bool(SettingsStore(db, login).get(DEMO_MODE))

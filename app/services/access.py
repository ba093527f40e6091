"""Who may do what, checked by the services (never by their callers).

A thin layer over :mod:`app.db.permissions`: the role is read from the
accounts table for the user name the service was given. A command-line user
(``cli:<os user>``) has the référent's rights only while the station has no
account at all (its set-up); once accounts exist, the command line signs in
with ``--user`` like the window.
"""

from __future__ import annotations

from app.core.accounts import Permission
from app.db.connection import Database
from app.db.permissions import PermissionDenied, Session, has_accounts, may, require

__all__ = [
    "Permission",
    "PermissionDenied",
    "Session",
    "check",
    "has_accounts",
    "may",
    "user_name",
]


def user_name(user: str | Session) -> str:
    """The name the journal records for *user*."""
    return user.login if isinstance(user, Session) else user


def check(db: Database, user: str | Session, permission: Permission) -> str:
    """Raise :class:`PermissionDenied` unless *user* may do *permission*; returns the login."""
    require(db, user, permission)
    return user_name(user)

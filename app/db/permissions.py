"""Who may do what: the check every restricted service runs before acting.

The role is never taken from the caller: it is read from the ``accounts``
table for the user name the service was given (the same name the journal
records). So an agent's session cannot export, read the journal or change
settings, whether the call comes from a window or from code calling the
service layer directly.

Names that are not accounts:

- ``cli:<os user>`` (the command line): a référent, but only while the
  store has no account yet (set-up). Once accounts exist, restricted
  commands need ``--user LOGIN`` and that account's password (see
  ``app.cli._common``).
- Any other name: while the store has no account at all (a store created by
  ``tracing-desk init`` and not yet opened by the window), the station is in
  set-up and whoever holds the key is its référent; once an account exists,
  an unknown name has no right beyond entering fiches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from app.core.accounts import PERMISSION_LABELS, Permission, Role, allowed
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.db.connection import Database


class PermissionDenied(UserError):
    """A restricted action refused to the current user (French message): not a store error."""

    code: ClassVar[str] = "permission_denied"
    context: ClassVar[str] = "db"
    default_message: ClassVar[str] = QT_TRANSLATE_NOOP(
        "db", "Action réservée au référent : votre compte ne permet pas de la faire."
    )

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        super().__init__(
            QT_TRANSLATE_NOOP(
                "db",
                "Action réservée au référent ({action})\u00a0: "
                "votre compte ne permet pas de la faire.",
            ),
            action=PERMISSION_LABELS[permission],
        )


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in person: the login (what the journal records) and the role."""

    login: str
    role: Role
    display_name: str = ""

    def __str__(self) -> str:
        return self.login


def has_accounts(db: Database) -> bool:
    return db.query_one("SELECT 1 FROM accounts LIMIT 1") is not None


def role_of(db: Database, user: str | Session) -> Role | None:
    """The role of *user* as the database says (``None``: no restricted right)."""
    login = user.login if isinstance(user, Session) else user
    row = db.query_one("SELECT role, active FROM accounts WHERE login = ?", (login,))
    if row is not None:
        return Role(str(row[0])) if int(row[1]) else None
    if not has_accounts(db):
        return Role.REFERENT  # set-up: no account yet, whoever holds the key
    return None


def require(db: Database, user: str | Session, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless *user* may do *permission*."""
    if not allowed(role_of(db, user), permission):
        raise PermissionDenied(permission)


def may(db: Database, user: str | Session, permission: Permission) -> bool:
    return allowed(role_of(db, user), permission)

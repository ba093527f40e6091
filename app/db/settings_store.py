"""Reading and writing the declared settings in the encrypted database.

Restricted settings (all of them so far) may be changed by a référent only
(:func:`app.db.permissions.require`). A change is one transaction with its
journal entry (the setting's key, never its value: the value may be the
référent's phone number). A change of a retention setting recomputes every
fiche's deadline in that same transaction.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from app.core.accounts import Permission
from app.core.clock import get_clock
from app.core.enums import JournalAction
from app.core.settings import REGISTRY, Setting
from app.db import journal
from app.db.connection import Cursor, Database
from app.db.permissions import require
from app.db.purge import on_settings_changed
from app.db.settings_values import SettingsReader

T = TypeVar("T")


class SettingsStore(SettingsReader):
    """The settings' values (:class:`SettingsReader`) and their checked, journaled change."""

    def __init__(self, db: Database, user: str) -> None:
        super().__init__(db, user)

    def set(self, setting: Setting[T], value: T) -> T:
        """Validate and store *value*; raises ``SettingError`` with a French message."""
        return self.set_many({setting.key: value})[setting.key]  # type: ignore[no-any-return]

    def set_many(self, values: dict[str, Any]) -> dict[str, Any]:
        """Validate every value first, then store them all in one transaction."""
        checked = self.check_many(values)
        with self.db.transaction() as cur:
            self.write_checked(cur, checked)
        return checked

    def check_many(self, values: dict[str, Any]) -> dict[str, Any]:
        """The validated *values*: ``SettingError`` (French) for a refused one, and
        ``PermissionDenied`` unless the user may change settings (a référent)."""
        if any(REGISTRY[key].restricted for key in values):
            # Only a référent changes settings (the role is read from the accounts).
            require(self.db, self.user, Permission.CHANGE_SETTINGS)
        return {key: REGISTRY[key].validate(value) for key, value in values.items()}

    def write_checked(self, cur: Cursor, checked: dict[str, Any]) -> None:
        """Store values from :meth:`check_many` in the caller's transaction, journaled."""
        now = get_clock().now()
        for key, value in checked.items():
            cur.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
            journal.append(cur, now, self.user, JournalAction.UPDATE, None, f"setting {key}")
        # Deadlines follow the retention settings in the same transaction.
        on_settings_changed(cur, set(checked), self)


# -- secrets kept in the encrypted database (passphrase mode) ------------------------

#: Prefix of the ``settings`` rows that hold a secret. Such a row is never in
#: :data:`~app.core.settings.REGISTRY`, so :meth:`SettingsStore.all`, the
#: settings dialog and the exports never see it; the journal names the secret,
#: never its value.
SECRET_PREFIX = "secret:"


def get_secret(db: Database, name: str) -> str | None:
    """The secret *name* kept in the database, or ``None``."""
    row = db.query_one("SELECT value FROM settings WHERE key = ?", (SECRET_PREFIX + name,))
    if row is None:
        return None
    try:
        value = json.loads(str(row[0]))
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def set_secret(db: Database, name: str, value: str, user: str) -> None:
    """Keep *value* under *name* in the encrypted database, journaled by name only."""
    with db.transaction() as cur:
        write_secret(cur, name, value, user)


def write_secret(cur: Cursor, name: str, value: str, user: str) -> None:
    """:func:`set_secret` in the caller's transaction."""
    cur.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SECRET_PREFIX + name, json.dumps(value)),
    )
    journal.append(
        cur, get_clock().now(), user, JournalAction.UPDATE, None, f"secret {_kind(name)}"
    )


def delete_secret(db: Database, name: str, user: str) -> bool:
    """Remove the secret *name*; whether there was one (journaled only then)."""
    with db.transaction() as cur:
        cur.execute("DELETE FROM settings WHERE key = ?", (SECRET_PREFIX + name,))
        removed = cur.rowcount > 0
        if removed:
            journal.append(
                cur, get_clock().now(), user, JournalAction.DELETE, None, f"secret {_kind(name)}"
            )
    return removed


def delete_secrets(db: Database, prefix: str, user: str) -> int:
    """Remove every secret whose name starts with *prefix* (e.g. all sync tokens)."""
    rows = db.query(
        "SELECT key FROM settings WHERE substr(key, 1, ?) = ?",
        (len(SECRET_PREFIX + prefix), SECRET_PREFIX + prefix),
    )
    return sum(delete_secret(db, str(r[0])[len(SECRET_PREFIX) :], user) for r in rows)


def _kind(name: str) -> str:
    """What the journal says of a secret: its kind (``sync-token``), not the server's address."""
    return name.split(":", 1)[0]

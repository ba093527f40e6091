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
from app.db.connection import Database

T = TypeVar("T")


class SettingsStore:
    def __init__(self, db: Database, user: str) -> None:
        self.db = db
        self.user = user

    def get(self, setting: Setting[T]) -> T:
        row = self.db.query_one("SELECT value FROM settings WHERE key = ?", (setting.key,))
        if row is None:
            return setting.default
        try:
            return setting.validate(json.loads(str(row[0])))
        except ValueError:
            # A value that no longer passes its check (a rule tightened since):
            # the default is the safe reading, and the stored value is kept as is.
            return setting.default

    def all(self) -> dict[str, Any]:
        return {key: self.get(setting) for key, setting in REGISTRY.items()}

    def set(self, setting: Setting[T], value: T) -> T:
        """Validate and store *value*; raises ``SettingError`` with a French message."""
        return self.set_many({setting.key: value})[setting.key]  # type: ignore[no-any-return]

    def set_many(self, values: dict[str, Any]) -> dict[str, Any]:
        """Validate every value first, then store them all in one transaction."""
        if any(REGISTRY[key].restricted for key in values):
            # Only a référent changes settings (the role is read from the accounts).
            from app.db.permissions import require

            require(self.db, self.user, Permission.CHANGE_SETTINGS)
        checked = {key: REGISTRY[key].validate(value) for key, value in values.items()}
        now = get_clock().now()
        with self.db.transaction() as cur:
            for key, value in checked.items():
                cur.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value, ensure_ascii=False)),
                )
                journal.append(cur, now, self.user, JournalAction.UPDATE, None, f"setting {key}")
            # Deadlines follow the retention settings in the same transaction.
            from app.db.purge import on_settings_changed

            on_settings_changed(cur, set(checked), self)
        return checked

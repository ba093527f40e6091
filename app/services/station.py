"""Facts about the station for the window: « À propos », its clock, its store's state.

Called with the open :class:`~app.db.connection.Database` in the database
thread; nothing here touches a widget.
"""

from __future__ import annotations

from app.core.clock import get_clock
from app.core.dates import format_datetime
from app.core.settings import SYNC_SERVER_URL
from app.db import keystore, watermark
from app.db.connection import Database
from app.db.forget import ForgetPlan, forget_station, plan_forget
from app.db.permissions import Session
from app.db.settings_store import SettingsStore
from app.db.timefmt import use_establishment_zone

__all__ = [
    "ForgetPlan",
    "about_facts",
    "forget_plan",
    "forget_station",
    "store_state",
    "use_establishment_zone",
]


def about_facts(db: Database, user: str) -> dict[str, str]:
    """SQLCipher version, key mode, keyring backend, last successful sync, next purge.

    Dates are ``jj/mm/aaaa hh:mm`` on the establishment's clock; an empty
    string when there is none. Database thread only.
    """
    from app.db import purge
    from app.sync import outbox

    info = db.cipher_info()
    status = outbox.status(db, get_clock().now())
    next_purge = purge.next_due(db)
    return {
        "cipher": str(info.get("cipher_version", "")),
        "mode": str(info.get("key_mode", "")),
        "keyring": keystore.backend_description(passphrase_mode=db.mode == "passphrase"),
        "last_sync": format_datetime(status.last_success) if status.last_success else "",
        "next_purge": format_datetime(next_purge) if next_purge else "",
    }


def store_state(db: Database) -> watermark.StoreState:
    """Whether the store opened read-only, and why (:mod:`app.db.watermark`)."""
    return watermark.state_of(db)


def forget_plan(db: Database, session: Session) -> ForgetPlan:
    """What « Oublier ce poste » would delete (the partner token's keyring entry too);
    :class:`~app.db.permissions.PermissionDenied` unless référent."""
    from app.sync.config import token_entry

    url = SettingsStore(db, session.login).get(SYNC_SERVER_URL)
    return plan_forget(db, session, [token_entry(url)] if url else [])

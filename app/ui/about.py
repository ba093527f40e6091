"""The facts of « À propos », gathered in the database thread (no widget here)."""

from __future__ import annotations

from typing import Any

from app.core.clock import get_clock
from app.db import keystore


def about_facts(db: Any, user: str) -> dict[str, str]:
    """SQLCipher version, key mode, keyring backend, last successful sync, next purge.

    Dates are ``jj/mm/aaaa hh:mm`` on the establishment's clock; an empty
    string when there is none. Database thread only.
    """
    from app.db import purge
    from app.sync import outbox
    from app.ui.purge_panel import local_text

    info = db.cipher_info()
    status = outbox.status(db, get_clock().now())
    next_purge = purge.next_due(db)
    return {
        "cipher": info.get("cipher_version", ""),
        "mode": info.get("key_mode", ""),
        "keyring": keystore.backend_description(passphrase_mode=db.mode == "passphrase"),
        "last_sync": local_text(status.last_success) if status.last_success else "",
        "next_purge": local_text(next_purge) if next_purge else "",
    }

"""Sync set-up and runs as services: the partner token (référent), a drain of the outbox.

Only validated fiches are ever in the outbox (:mod:`app.services.fiches`), and
the outbox reader skips a draft whatever queued it, so a run sends no draft.
"""

from __future__ import annotations

from typing import Any

from app.core.accounts import Permission
from app.db.connection import Database
from app.db.permissions import Session
from app.services.access import check, user_name
from app.sync.config import (
    SyncConfig,
    check_server_url,
    delete_token,
    set_token,
    token_in_database,
)
from app.sync.engine import SyncReport, drain_once

__all__ = ["SyncReport", "forget_token", "save_token", "sync_now", "token_place"]


def save_token(
    db: Database, user: str | Session, url: str, token: str, *, dev_mode: bool = False
) -> None:
    """Keep the partner account's token for *url* (référent once accounts exist).

    In the OS keyring, or in the encrypted database of a passphrase-mode store
    (:func:`app.sync.config.token_in_database`): a station without a keyring syncs too.
    """
    check(db, user, Permission.CONFIGURE_SYNC)
    set_token(check_server_url(url, dev_mode=dev_mode), token, db, user=user_name(user))


def forget_token(db: Database, user: str | Session, url: str) -> None:
    """Remove the partner account's token for *url* from wherever it is kept."""
    check(db, user, Permission.CONFIGURE_SYNC)
    delete_token(url, db, user=user_name(user))


def token_place(db: Database) -> str:
    """Where the token is kept, in French, for the messages that confirm a save."""
    if token_in_database(db):
        return "dans la base de données chiffrée (poste sans trousseau)"
    return "dans le trousseau du système"


def sync_now(
    db: Database, user: str | Session, config: SyncConfig | None = None, **options: Any
) -> SyncReport:
    """Send the pending validated fiches once; returns the counts (*options*: retry, cancel…)."""
    return drain_once(db, user_name(user), config=config, **options)

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
from app.sync.config import SyncConfig, check_server_url, set_token
from app.sync.engine import SyncReport, drain_once

__all__ = ["SyncReport", "save_token", "sync_now"]


def save_token(
    db: Database, user: str | Session, url: str, token: str, *, dev_mode: bool = False
) -> None:
    """Keep the partner account's token for *url* in the keyring (référent once accounts exist)."""
    check(db, user, Permission.CONFIGURE_SYNC)
    set_token(check_server_url(url, dev_mode=dev_mode), token)


def sync_now(
    db: Database, user: str | Session, config: SyncConfig | None = None, **options: Any
) -> SyncReport:
    """Send the pending validated fiches once; returns the counts (*options*: retry, cancel…)."""
    return drain_once(db, user_name(user), config=config, **options)

"""Where and how to reach the central service: settings, URL rules, the partner token.

The token is kept in the OS keyring, or in the encrypted database of a
passphrase-mode store (see :func:`token_in_database`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from app.core.settings import (
    SYNC_CA_BUNDLE,
    SYNC_DEV_MODE,
    SYNC_INTERVAL_MINUTES,
    SYNC_SERVER_URL,
    SettingError,
)
from app.core.settings import check_server_url as settings_check_server_url
from app.db import keystore, settings_store
from app.db.connection import Database
from app.db.errors import StoreError
from app.db.settings_store import SettingsStore
from app.sync.errors import AuthenticationError, SyncConfigError

TOKEN_PREFIX = "sync-token:"


@dataclass(frozen=True, slots=True)
class SyncConfig:
    server_url: str = ""
    ca_bundle: str = ""
    dev_mode: bool = False
    interval_minutes: int = 15
    batch_size: int = 200
    connect_timeout: float = 5.0
    read_timeout: float = 30.0


_override: SyncConfig | None = None
_token_override: dict[str, str] = {}


def set_override(config: SyncConfig | None) -> None:
    """Use *config* instead of the stored settings for this process (``tracing-desk demo``)."""
    global _override
    _override = config


def get_override() -> SyncConfig | None:
    return _override


def load_config(db: Database, user: str = "sync") -> SyncConfig:
    """The configuration in force: the process override, else the stored settings."""
    if _override is not None:
        return _override
    store = SettingsStore(db, user)
    return SyncConfig(
        server_url=store.get(SYNC_SERVER_URL),
        ca_bundle=store.get(SYNC_CA_BUNDLE),
        dev_mode=store.get(SYNC_DEV_MODE),
        interval_minutes=store.get(SYNC_INTERVAL_MINUTES),
    )


def with_server(config: SyncConfig, server_url: str | None) -> SyncConfig:
    return config if not server_url else replace(config, server_url=server_url.rstrip("/"))


def check_server_url(url: str, *, dev_mode: bool) -> str:
    """The URL if usable (without a final ``/``); :class:`SyncConfigError` (French) otherwise.

    The rule is the setting's (:func:`app.core.settings.check_server_url`): HTTPS
    always; plain ``http://`` only to the loopback interface and only in
    development mode.
    """
    if not url.strip():
        raise SyncConfigError(
            "Aucune adresse de service central n’est configurée (Paramètres › Synchronisation)."
        )
    try:
        return settings_check_server_url(url, dev_mode=dev_mode)
    except SettingError as exc:
        raise SyncConfigError(exc.message) from None


def check_ca_bundle(path: str) -> str:
    if path and not os.path.isfile(path):
        raise SyncConfigError(f"Fichier d’autorités de certification introuvable : {path}")
    return path


def origin(url: str) -> str:
    """``scheme://host:port`` of *url*: the keyring entry of its token."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}:{port}"


def token_entry(url: str) -> str:
    return TOKEN_PREFIX + origin(url)


def set_token_override(url: str, token: str | None) -> None:
    """Keep *token* for *url* in this process's memory only (``tracing-desk demo``)."""
    if token is None:
        _token_override.pop(origin(url), None)
    else:
        _token_override[origin(url)] = token


def token_in_database(db: Database | None) -> bool:
    """Whether the partner token is kept in the encrypted database rather than the keyring.

    A passphrase-mode store is the station without a usable keyring: its token
    lives in the database (a secret row of ``settings``, encrypted with
    everything else, never shown, exported nor journaled by value). A store
    keyed from the keyring keeps its token in the keyring. Every reader and
    writer of the token goes through :func:`get_token`, :func:`set_token` and
    :func:`delete_token`, which make this choice.
    """
    return db is not None and db.mode == "passphrase"


def get_token(url: str, db: Database | None = None) -> str:
    """The partner-account token for *url*; :class:`AuthenticationError` when there is none.

    From the encrypted database for a passphrase-mode *db*, else from the OS keyring.
    """
    if origin(url) in _token_override:
        return _token_override[origin(url)]
    if token_in_database(db):
        assert db is not None
        token = settings_store.get_secret(db, token_entry(url))
    else:
        try:
            token = keystore.get_secret(token_entry(url))
        except StoreError as exc:
            raise AuthenticationError(str(exc)) from None
    if not token:
        raise AuthenticationError(
            "Aucun jeton de compte partenaire n’est enregistré pour ce service central : "
            "saisissez-le (Paramètres › Synchronisation, ou tracing-desk sync --set-token)."
        )
    return token


def check_token(token: str) -> str:
    """The partner token without surrounding spaces; :class:`SyncConfigError` if malformed."""
    token = token.strip()
    if len(token) < 16 or any(c.isspace() for c in token):
        raise SyncConfigError(
            "Jeton invalide : il doit compter au moins 16 caractères, sans espace."
        )
    return token


def set_token(url: str, token: str, db: Database | None = None, *, user: str = "sync") -> None:
    """Keep *token* in the OS keyring, or in the encrypted database of a passphrase-mode *db*.

    Never in a plain file nor a log; the journal (database case) names the token, not its value.
    """
    token = check_token(token)
    if token_in_database(db):
        assert db is not None
        settings_store.set_secret(db, token_entry(url), token, user)
    else:
        keystore.set_secret(token_entry(url), token)


def delete_token(url: str, db: Database | None = None, *, user: str = "sync") -> None:
    """Forget the token for *url* where :func:`set_token` keeps it; no error if there is none."""
    if token_in_database(db):
        assert db is not None
        settings_store.delete_secret(db, token_entry(url), user)
    else:
        keystore.delete_secret(token_entry(url))


def delete_all_tokens(db: Database, user: str) -> int:
    """Remove every partner token kept in the encrypted database (any server address)."""
    return settings_store.delete_secrets(db, TOKEN_PREFIX, user)

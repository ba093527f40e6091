"""Where and how to reach the central service: settings, URL rules, token in the keyring."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from app.core.settings import SYNC_CA_BUNDLE, SYNC_DEV_MODE, SYNC_INTERVAL_MINUTES, SYNC_SERVER_URL
from app.db import keystore
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


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, *, dev_mode: bool) -> str:
    """The URL if usable; :class:`SyncConfigError` with a French message otherwise.

    HTTPS always; plain ``http://`` only to the loopback interface and only in
    development mode.
    """
    if not url:
        raise SyncConfigError(
            "Aucune adresse de service central n'est configurée (Paramètres › Synchronisation)."
        )
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname:
        if dev_mode and _is_loopback(parts.hostname):
            return url
        raise SyncConfigError(
            "Adresse en http:// refusée : les données ne partent que chiffrées (https://). "
            "http:// n'est admis que vers la boucle locale, en mode développement."
        )
    raise SyncConfigError(f"Adresse du service central invalide : {url}")


def check_ca_bundle(path: str) -> str:
    if path and not os.path.isfile(path):
        raise SyncConfigError(f"Fichier d'autorités de certification introuvable : {path}")
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


def get_token(url: str) -> str:
    """The partner-account token for *url* from the OS keyring; :class:`AuthenticationError`."""
    if origin(url) in _token_override:
        return _token_override[origin(url)]
    try:
        token = keystore.get_secret(token_entry(url))
    except StoreError as exc:
        raise AuthenticationError(str(exc)) from None
    if not token:
        raise AuthenticationError(
            "Aucun jeton de compte partenaire n'est enregistré pour ce service central : "
            "saisissez-le (Paramètres › Synchronisation, ou tracing-desk sync --set-token)."
        )
    return token


def set_token(url: str, token: str) -> None:
    """Keep *token* in the OS keyring (never in a file or a log)."""
    token = token.strip()
    if len(token) < 16 or any(c.isspace() for c in token):
        raise SyncConfigError(
            "Jeton invalide : il doit compter au moins 16 caractères, sans espace."
        )
    keystore.set_secret(token_entry(url), token)


def delete_token(url: str) -> None:
    keystore.delete_secret(token_entry(url))

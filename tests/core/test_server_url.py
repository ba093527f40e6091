"""The central service's address: one rule, for the setting and for the sync client.

HTTPS always; plain ``http://`` only to the loopback (a central service run on
this computer for a demonstration or development) and, when syncing, only in
development mode. The setting used to take any ``http://`` address that the
sync client then refused.
"""

from __future__ import annotations

import pytest

from app.core import settings as S
from app.sync.config import check_server_url
from app.sync.errors import SyncConfigError

LOOPBACK = [
    "http://localhost:8443",
    "http://127.0.0.1:8000/",
    "http://[::1]:8000",
    "HTTP://LOCALHOST",
]
REMOTE_HTTP = ["http://central.exemple.fr", "http://192.0.2.1:8080", "http://10.0.0.1"]
INVALID = ["ftp://central.exemple.fr", "central.exemple.fr", "https://", "https://a:port"]


def test_https_is_taken_and_normalised_alike() -> None:
    url = " https://tracage.exemple.fr:8443/ "
    assert S.SYNC_SERVER_URL.validate(url) == "https://tracage.exemple.fr:8443"
    assert check_server_url(url, dev_mode=False) == "https://tracage.exemple.fr:8443"
    assert S.SYNC_SERVER_URL.validate("  ") == ""  # not configured yet: allowed


@pytest.mark.parametrize("url", REMOTE_HTTP)
def test_plain_http_to_another_computer_is_refused_by_both(url: str) -> None:
    with pytest.raises(S.SettingError) as setting:
        S.SYNC_SERVER_URL.validate(url)
    with pytest.raises(SyncConfigError) as client:
        check_server_url(url, dev_mode=True)
    assert str(setting.value) == str(client.value)
    assert str(client.value).startswith("Adresse en http:// refusée\u00a0:")


@pytest.mark.parametrize("url", LOOPBACK)
def test_plain_http_to_the_loopback_only_in_development_mode(url: str) -> None:
    assert S.SYNC_SERVER_URL.validate(url) == url.rstrip("/")  # the mode is its own setting
    assert check_server_url(url, dev_mode=True) == url.rstrip("/")
    with pytest.raises(SyncConfigError) as refused:
        check_server_url(url, dev_mode=False)
    assert "mode développement" in str(refused.value)


@pytest.mark.parametrize("url", INVALID)
def test_not_an_address(url: str) -> None:
    with pytest.raises(S.SettingError) as setting:
        S.SYNC_SERVER_URL.validate(url)
    with pytest.raises(SyncConfigError) as client:
        check_server_url(url, dev_mode=True)
    assert str(setting.value) == str(client.value)
    assert str(client.value) == (
        f"Adresse du service central invalide\u00a0: «\u202f{url}\u202f» "
        "(attendu\u00a0: https://nom-du-service)."
    )


def test_no_address_when_syncing() -> None:
    with pytest.raises(SyncConfigError) as missing:
        check_server_url("", dev_mode=True)
    assert str(missing.value).startswith("Aucune adresse de service central")

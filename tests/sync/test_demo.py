"""``tracing-desk demo``'s launcher: the local central service in a background process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.db.connection import Database
from app.sync import config as sync_config
from app.sync.demo import start_demo_central
from app.sync.engine import drain_once
from tests.support.central_service import FAST, USER, make_fiches


@pytest.fixture
def no_override() -> Iterator[None]:
    yield
    sync_config.set_override(None)
    sync_config._token_override.clear()


def test_demo_central_starts_and_the_client_trusts_it(db: Database, no_override: None) -> None:
    from app import paths

    central = start_demo_central()
    try:
        config = sync_config.get_override()
        assert config is not None and config.server_url.startswith("https://127.0.0.1:")
        assert config.ca_bundle.endswith("dev-ca.pem")
        make_fiches(db, 12)
        report = drain_once(db, USER, policy=FAST)  # settings come from the override
        assert report.ok and report.accepted == 12
        # The token was kept in memory only: nothing in the keyring, nothing on disk.
        import keyring

        assert (
            keyring.get_password("tracing-desk", sync_config.token_entry(config.server_url)) is None
        )
        token = sync_config.get_token(config.server_url)
        for path in paths.data_dir().rglob("*"):
            if path.is_file():
                assert token.encode() not in path.read_bytes(), path
    finally:
        central.stop()
    assert central.process.poll() is not None

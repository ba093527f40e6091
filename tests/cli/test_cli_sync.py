"""``tracing-desk sync``: counts, JSON, exit status, token from standard input."""

from __future__ import annotations

import io
import json

import pytest

from app.cli import main
from app.db.store import open_store
from app.sync.config import get_token
from tests.support.central_service import TOKEN, Central, make_fiches


def _setup(count: int) -> None:
    assert main(["init"]) == 0
    db = open_store()
    try:
        make_fiches(db, count)
    finally:
        db.close()


def test_sync_prints_counts_and_exits_zero_when_all_sent(
    central: Central, token_for: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _setup(7)
    capsys.readouterr()
    code = main(["sync", "--server", central.url, "--ca-bundle", central.ca])
    out = capsys.readouterr().out
    assert code == 0
    assert "Acceptées : 7" in out and "Refusées : 0" in out and "Restantes : 0" in out
    assert main(["sync", "--server", central.url, "--ca-bundle", central.ca, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["accepted"] == 0 and report["remaining"] == 0 and report["outcome"] == "ok"


def test_sync_exits_non_zero_when_fiches_remain(
    central: Central, token_for: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _setup(4)
    central.faults.add(*[("status", 503, 3600)])
    capsys.readouterr()
    code = main(["sync", "--server", central.url, "--ca-bundle", central.ca, "--json"])
    captured = capsys.readouterr()
    assert code == 1
    report = json.loads(captured.out)
    assert report["remaining"] == 4 and report["outcome"] == "offline"
    assert "indisponible" in captured.err


def test_set_token_reads_standard_input(
    central: Central, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _setup(1)
    monkeypatch.setattr("sys.stdin", io.StringIO(TOKEN + "\n"))
    assert main(["sync", "--server", central.url, "--set-token"]) == 0
    assert get_token(central.url) == TOKEN
    assert TOKEN not in capsys.readouterr().out
    assert main(["sync", "--server", central.url, "--ca-bundle", central.ca]) == 0


def test_no_server_configured(capsys: pytest.CaptureFixture[str]) -> None:
    _setup(1)
    capsys.readouterr()
    assert main(["sync"]) == 1
    assert "Aucune adresse de service central" in capsys.readouterr().err

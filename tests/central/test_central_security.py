"""The central service as a multi-establishment service (issue 12): partners own their fiches,
work is bounded before authentication, odd input is a 4xx, exactly-once under concurrency,
retention on each establishment's calendar, no personal value in any reply."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.clock import FakeClock
from central.__main__ import main as central_main
from central.clock import now
from central.guard import MAX_BODY_BYTES, AuthThrottle
from central.rules import CODE_NOT_YOURS, MAX_TEXT_CHARS, value_free
from central.server import BackgroundServer
from central.storage import Storage, sqlite_url
from tests.central.test_central import batch, make_item
from tests.support.central_service import TOKEN

TOKEN_B = "tdk_other-partner-token-abcdefghij"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[BackgroundServer]:
    with BackgroundServer(tmp_path / "central", tls=False) as srv:
        srv.storage.add_account(TOKEN, "poste-a", now(), partner="ehpad-a")
        srv.storage.add_account(TOKEN_B, "poste-b", now(), partner="ehpad-b")
        yield srv


def _http(srv: BackgroundServer, token: str = TOKEN) -> httpx.Client:
    return httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {token}"})


def assert_error_body(reply: httpx.Response, status: int, code: str | None = None) -> None:
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"code", "message"} and body["message"]
    if code is not None:
        assert body["code"] == code


# ------------------------------------------------------------ ownership


def test_another_partner_can_neither_change_nor_learn_a_fiche(server: BackgroundServer) -> None:
    item = make_item()
    with _http(server) as a, _http(server, TOKEN_B) as b:
        accepted = batch(a, [item], "owner-0001").json()["results"][0]
        assert accepted["status"] == "accepted"
        stored = server.storage.fiches()
        attempts = []
        for version in (1, 2, 2**31 - 1):
            other = copy.deepcopy(item)
            other["version"] = other["document"]["version"] = version
            other["document"]["prenoms"] = "Prise"
            attempts.append(other)
        attempts.append(item)  # the very same payload: not even « replayed »
        answers = [
            batch(b, [x], f"takeover-{i:04d}").json()["results"][0] for i, x in enumerate(attempts)
        ]
        for x, answer in zip(attempts, answers, strict=True):
            assert answer == {
                "uuid": item["uuid"],
                "version": x["version"],
                "status": "rejected",
                "code": CODE_NOT_YOURS,
                "message": answers[0]["message"],
            }
            assert "current_version" not in answer and "reference" not in answer
        single = b.put(f"/v1/fiches/{item['uuid']}/versions/2", json=attempts[1])
        assert single.status_code == 422 and single.json()["code"] == CODE_NOT_YOURS
        assert server.storage.fiches() == stored  # nothing changed, owner kept
        assert stored[0].account == "ehpad-a"
        # The owner still moves its fiche on.
        newer = copy.deepcopy(item)
        newer["version"] = newer["document"]["version"] = 2
        mine = a.put(f"/v1/fiches/{item['uuid']}/versions/2", json=newer)
        assert mine.status_code == 201 and mine.json()["reference"] == accepted["reference"]


def test_versions_are_bounded_and_never_a_server_error(server: BackgroundServer) -> None:
    with _http(server) as a:
        for version in (2**31, 2**63, 2**64 + 5, 0, -1):
            item = make_item()
            item["version"] = version
            assert_error_body(batch(a, [item], f"bounds-{version}"), 422, "requete_invalide")
        reply = a.put(f"/v1/fiches/{make_item()['uuid']}/versions/{2**63}", json=make_item())
        assert_error_body(reply, 422, "requete_invalide")
        assert server.storage.counts()["fiches"] == 0


# ---------------------------------------------------------- bounded work


def _raw_post(url: str, headers: dict[str, str], total: int) -> tuple[float, bytes]:
    """POST *total* bytes announced by Content-Length; (seconds to the reply, reply head)."""
    host, port = url.split("//")[1].split(":")
    chunk = b"x" * (1024 * 1024)
    sock = socket.create_connection((host, int(port)))
    started = time.monotonic()
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(
        f"POST /v1/fiches/batch HTTP/1.1\r\nHost: {host}\r\nContent-Length: {total}\r\n"
        f"Content-Type: application/json\r\n{head}\r\n".encode()
    )

    def pump() -> None:
        sent = 0
        try:
            while sent < total:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the service closed the connection once it answered

    writer = threading.Thread(target=pump, daemon=True)
    writer.start()
    reply = b""
    while b"\r\n\r\n" not in reply:
        data = sock.recv(65536)
        if not data:
            break
        reply += data
    elapsed = time.monotonic() - started
    sock.close()
    writer.join(5)
    return elapsed, reply


def test_an_unauthenticated_40_mb_body_is_refused_unread(server: BackgroundServer) -> None:
    tracemalloc.start()
    try:
        elapsed, reply = _raw_post(
            server.url,
            {"Authorization": "Bearer faux-jeton-123456", "Idempotency-Key": "k" * 9},
            40 * 1024 * 1024,
        )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reply.startswith(b"HTTP/1.1 401"), reply[:80]
    print(f"401 after {elapsed * 1000:.0f} ms, peak {peak / 1e6:.1f} MB traced")
    assert elapsed < 0.5
    assert peak < 8 * 1024 * 1024  # the 40 MB were never buffered


def test_a_body_over_the_limit_is_refused_unparsed(server: BackgroundServer) -> None:
    # Announced: refused at once.
    elapsed, reply = _raw_post(
        server.url,
        {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": "k" * 9},
        MAX_BODY_BYTES + 1,
    )
    assert reply.startswith(b"HTTP/1.1 413") and elapsed < 0.5

    # Chunked (no Content-Length): counted while streaming, refused at the limit.
    def chunks() -> Iterator[bytes]:
        yield b'{"protocol": 1, "fiches": ["'
        for _ in range(MAX_BODY_BYTES // (1024 * 1024) + 2):
            yield b"x" * (1024 * 1024)

    with _http(server) as a:
        try:
            reply_chunked = a.post(
                "/v1/fiches/batch", content=chunks(), headers={"Idempotency-Key": "k" * 9}
            )
        except httpx.TransportError:  # closed while still sending: the reply was 413
            pass
        else:
            assert_error_body(reply_chunked, 413, "envoi_trop_volumineux")
        # More than 500 fiches: 413 as documented, not 422.
        many = [make_item() for _ in range(501)]
        assert_error_body(batch(a, many, "many-0001"), 413, "lot_trop_grand")


def test_a_field_longer_than_the_client_allows_is_rejected(server: BackgroundServer) -> None:
    item = make_item()
    item["document"]["nom_naissance"] = "B" * (MAX_TEXT_CHARS + 1)
    with _http(server) as a:
        result = batch(a, [item], "long-0001").json()["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "champ_trop_long")
    assert "nom_naissance" in result["message"] and "BBB" not in result["message"]
    assert server.storage.counts()["fiches"] == 0


def test_failed_authentications_are_throttled_per_address(tmp_path: Path) -> None:
    ticks = [0.0]
    throttle = AuthThrottle(max_failures=3, window=60, block=30, clock=lambda: ticks[0])
    with BackgroundServer(tmp_path / "c", tls=False, throttle=throttle) as srv:
        srv.storage.add_account(TOKEN, "poste-a", now())
        with _http(srv, "faux-jeton-0000000") as bad, _http(srv) as good:
            for _ in range(3):
                assert bad.post("/v1/fiches/batch", json={}).status_code == 401
            refused = good.post(
                "/v1/fiches/batch",
                json={"protocol": 1, "fiches": []},
                headers={"Idempotency-Key": "k" * 9},
            )
            assert_error_body(refused, 429, "trop_de_tentatives")
            assert refused.headers["Retry-After"] == "30"
            ticks[0] = 31.0
            ok = good.post(
                "/v1/fiches/batch",
                json={"protocol": 1, "fiches": []},
                headers={"Idempotency-Key": "k" * 9},
            )
            assert ok.status_code == 200


# ------------------------------------------------------------- odd input


def _odd_bodies() -> list[tuple[str, bytes | dict[str, Any]]]:
    item = make_item()
    surrogate_value = copy.deepcopy(item)
    surrogate_value["document"]["prenoms"] = "\ud800"
    surrogate_key = copy.deepcopy(item)
    surrogate_key["document"]["\udfff"] = 1
    surrogate_uuid = {**copy.deepcopy(item), "uuid": "\ud83d"}
    surrogate_created = {**copy.deepcopy(item), "created_at": "2026-01-01T00:00:00\udc00"}
    big_int = copy.deepcopy(item)
    big_int["document"]["version"] = 2**70
    out: list[tuple[str, bytes | dict[str, Any]]] = [
        ("surrogate value", {"protocol": 1, "fiches": [surrogate_value]}),
        ("surrogate key", {"protocol": 1, "fiches": [surrogate_key]}),
        ("surrogate uuid", {"protocol": 1, "fiches": [surrogate_uuid]}),
        ("surrogate created_at", {"protocol": 1, "fiches": [surrogate_created]}),
        ("surrogate protocol", {"protocol": "\ud800", "fiches": []}),
        ("huge integer in the document", {"protocol": 1, "fiches": [big_int]}),
        ("deep nesting", b'{"protocol": 1, "fiches": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"),
        ("not JSON", b"{protocol"),
        ("not UTF-8", b'{"protocol": 1, "fiches": ["\xff\xfe"]}'),
        ("a list", b"[]"),
        ("null", b"null"),
    ]
    for created in ("0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "1969-12-31T23:00Z"):
        out.append(
            (created, {"protocol": 1, "fiches": [{**copy.deepcopy(item), "created_at": created}]})
        )
    return out


@pytest.mark.parametrize("name", [name for name, _ in _odd_bodies()])
def test_odd_input_is_a_4xx_with_an_error_body(server: BackgroundServer, name: str) -> None:
    body = dict(_odd_bodies())[name]
    content = (
        body
        if isinstance(body, bytes)
        else json.dumps(body, ensure_ascii=True).encode("ascii")  # \ud800 escapes kept
    )
    with _http(server) as a:
        reply = a.post(
            "/v1/fiches/batch",
            content=content,
            headers={"Idempotency-Key": "odd-input-key", "Content-Type": "application/json"},
        )
        assert reply.status_code < 500, reply.text
        data = reply.json()
        if reply.status_code == 200:  # refused fiche by fiche
            assert [r["status"] for r in data["results"]] == ["rejected"]
        else:
            assert set(data) == {"code", "message"}
        put = a.put(
            f"/v1/fiches/{make_item()['uuid']}/versions/1",
            content=content,
            headers={"Content-Type": "application/json"},
        )
        assert put.status_code < 500 and set(put.json()) >= {"code", "message"}
    assert server.storage.counts()["fiches"] == 0


# ------------------------------------------------------ exactly once


def race_one_key(srv: BackgroundServer, key: str, bodies: list[list[dict[str, Any]]]) -> list[int]:
    """POST *bodies* at once, all under *key*; the status codes."""
    barrier = threading.Barrier(len(bodies))
    replies: list[int] = []
    lock = threading.Lock()

    def post(items: list[dict[str, Any]]) -> None:
        with _http(srv) as a:
            barrier.wait()
            status = batch(a, items, key).status_code
        with lock:
            replies.append(status)

    threads = [threading.Thread(target=post, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(replies)


def test_one_idempotency_key_stores_one_body_under_concurrency(server: BackgroundServer) -> None:
    for round_ in range(5):
        replies = race_one_key(server, f"race-key-{round_:04d}", [[make_item()] for _ in range(6)])
        assert replies == [200] + [422] * 5
    assert server.storage.counts()["fiches"] == 5  # one body per key


# -------------------------------------------------- tokens, partners


def test_tokens_are_issued_listed_and_revoked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "central"
    args = ["--data-dir", str(data), "--no-tls"]
    assert (
        central_main(
            [
                *args,
                "--issue-token",
                "poste-1",
                "--partner",
                "ehpad-x",
                "--timezone",
                "America/Cayenne",
            ]
        )
        == 0
    )
    token = capsys.readouterr().out.strip()
    assert central_main([*args, "--issue-token", "poste-2", "--partner", "ehpad-x"]) == 0
    token2 = capsys.readouterr().out.strip()
    assert central_main([*args, "--timezone", "Mars/Olympus", "--issue-token", "p"]) == 64
    capsys.readouterr()
    with BackgroundServer(data, tls=False) as srv:
        principal = srv.storage.authenticate(token, now())
        assert principal is not None and (principal.partner, principal.timezone) == (
            "ehpad-x",
            "America/Cayenne",
        )
        with _http(srv, token) as one, _http(srv, token2) as two:
            assert batch(one, [make_item()], "tok-00001").status_code == 200
            assert central_main([*args, "--list-tokens"]) == 0
            listing = capsys.readouterr().out
            assert "poste-1\tehpad-x" in listing and token not in listing
            assert central_main([*args, "--revoke-token", "poste-1"]) == 0
            capsys.readouterr()
            assert_error_body(batch(one, [make_item()], "tok-00002"), 401, "jeton_refuse")
            assert batch(two, [make_item()], "tok-00003").status_code == 200  # the other post
        assert [t.revoked_at is not None for t in srv.storage.tokens()] == [True, False]
        assert srv.storage.tokens()[0].last_used_at is not None


def test_a_database_of_the_first_schema_keeps_its_tokens_and_fiches(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "central.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        """CREATE TABLE accounts (token_hash TEXT PRIMARY KEY, label TEXT NOT NULL,
               created_at TEXT NOT NULL);
           CREATE TABLE fiches (uuid TEXT PRIMARY KEY, account TEXT NOT NULL, kind TEXT NOT NULL,
               version INTEGER NOT NULL, created_at TEXT NOT NULL, deadline TEXT NOT NULL,
               received_at TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, document TEXT NOT NULL);
           CREATE INDEX fiches_deadline ON fiches(deadline);
           CREATE TABLE receipts (uuid TEXT NOT NULL, version INTEGER NOT NULL,
               payload_hash TEXT NOT NULL, reference TEXT NOT NULL, received_at TEXT NOT NULL,
               deadline TEXT NOT NULL, PRIMARY KEY (uuid, version));
           CREATE TABLE idempotency (account TEXT NOT NULL, key TEXT NOT NULL,
               request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,
               PRIMARY KEY (account, key));"""
    )
    from central.storage import token_hash

    conn.execute(
        "INSERT INTO accounts VALUES (?, 'Ehpad', '2026-11-01T00:00:00.000000Z')",
        (token_hash(TOKEN),),
    )
    uuid = make_item()["uuid"]
    conn.execute(
        "INSERT INTO fiches VALUES (?, 'Ehpad', 'patient_zero', 1, '2026-11-01T00:00:00.000000Z',"
        " '2027-02-01T00:00:00.000000Z', '2026-11-01T00:00:00.000000Z', 'CC-1', '{}')",
        (uuid,),
    )
    conn.execute(
        "INSERT INTO receipts VALUES (?, 1, 'h', 'CC-1', '2026-11-01T00:00:00.000000Z',"
        " '2027-02-01T00:00:00.000000Z')",
        (uuid,),
    )
    conn.commit()
    conn.close()
    storage = Storage(sqlite_url(path))
    try:
        principal = storage.authenticate(TOKEN, now())
        assert principal is not None and principal.partner == "Ehpad"
        assert principal.timezone == "Europe/Paris"
        assert [(f.uuid, f.account) for f in storage.fiches()] == [(uuid, "Ehpad")]
        assert storage.receipts() == [(uuid, 1, "CC-1")]
    finally:
        storage.close()
    Storage(sqlite_url(path)).close()  # opening again changes nothing


# ------------------------------------------------------------- retention


def test_retention_on_the_establishment_calendar(
    server: BackgroundServer, fake_clock: FakeClock
) -> None:
    """Created 2026-03-30 13:00 UTC = 31/03 00:00 in Nouméa: Nouméa's limit (29/06 13:00 UTC)
    is a day before Paris's (30/06 13:00 UTC); a Nouméa partner gets the earlier one."""
    server.storage.add_partner("chs-noumea", now(), timezone="Pacific/Noumea")
    noumea_token = "tdk_noumea-token-0123456789abcdef"
    server.storage.add_account(noumea_token, "poste-nc", now(), partner="chs-noumea")
    fake_clock.set(datetime(2026, 3, 30, 13, 0, tzinfo=UTC))
    item_nc, item_paris = make_item(), make_item()
    fake_clock.set(datetime(2026, 6, 30, 0, 0, tzinfo=UTC))
    with _http(server, noumea_token) as nc, _http(server) as paris:
        late = batch(nc, [item_nc], "nc-00001").json()["results"][0]
        assert (late["status"], late["code"]) == ("rejected", "delai_conservation_depasse")
        assert batch(paris, [item_paris], "pa-00001").json()["results"][0]["status"] == "accepted"
    fake_clock.set(datetime(2026, 3, 30, 13, 0, tzinfo=UTC))
    with _http(server, noumea_token) as nc:
        assert batch(nc, [item_nc], "nc-00002").json()["results"][0]["status"] == "accepted"
    deadlines = {f.account: f.deadline for f in server.storage.fiches()}
    assert deadlines == {
        "chs-noumea": "2026-06-29T13:00:00.000000Z",
        "ehpad-a": "2026-06-30T13:00:00.000000Z",
    }
    assert server.storage.purge(datetime(2026, 6, 29, 13, 0, tzinfo=UTC)) == 1
    assert [f.account for f in server.storage.fiches()] == ["ehpad-a"]


# ------------------------------------------------------ personal data


def test_rejection_messages_never_repeat_a_value(server: BackgroundServer) -> None:
    item = make_item()
    doc = item["document"]
    doc["telephones"] = ["+33 1"]
    doc["email"] = "jean.dupont@@x"
    doc["nir"] = "2580675123456" + "00"  # a wrong key: the right one must not be told
    with _http(server) as a:
        result = batch(a, [item], "pii-00001").json()["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "fiche_incomplete")
    message = result["message"]
    for value in ("+33 1", "jean.dupont", "@@x", "2580675123456"):
        assert value not in message
    from app.core.identifiers import nir_key

    assert f"attendue : {nir_key('2580675123456')}" not in message
    assert "E-mail" in message and "NIR" in message  # the field and the rule are named
    with server.storage.transaction() as tx:
        (stored,) = tx.one("SELECT response FROM idempotency") or ("",)
    assert "+33 1" not in stored and "jean.dupont" not in stored


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("Adresse e-mail invalide « {text} ».", {"text": "a@@b"}, "Adresse e-mail invalide."),
        (
            "La clé du NIR ne correspond pas (clé attendue : {key}).",
            {"key": "42"},
            "La clé du NIR ne correspond pas.",
        ),
        (
            "{field} : la date du {date} est dans le futur.",
            {"field": "Date de naissance", "date": "01/01/2030"},
            "Date de naissance : la date est dans le futur.",
        ),
        (
            "Numéro de téléphone non reconnu « {text} » (un numéro étranger commence par +).",
            {"text": "+33 1"},
            "Numéro de téléphone non reconnu (un numéro étranger commence par +).",
        ),
    ],
)
def test_value_free_messages(template: str, params: dict[str, str], expected: str) -> None:
    assert value_free(template, params) == expected


def test_time_bound_example_still_current() -> None:
    """The Nouméa example above relies on the client's rule being the earlier of both."""
    from app.core.retention import deadline

    created = datetime(2026, 3, 30, 13, 0, tzinfo=UTC)
    assert deadline(created, "Pacific/Noumea") == deadline(created, "Europe/Paris") - timedelta(
        days=1
    )

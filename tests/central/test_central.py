"""The reference central service: exactly-once, 409, idempotency keys, 3 months, TLS, tokens."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.clock import FakeClock
from app.core.enums import Consent, LifecycleState
from app.core.models import InformationGiven
from app.core.serialize import fiche_to_dict
from central.clock import now
from central.server import BackgroundServer
from central.storage import Storage, sqlite_url
from central.tls import ensure_dev_certificate
from tests.support.central_service import TOKEN, complete_patient_zero

ROOT = Path(__file__).resolve().parents[2]


def make_item(**changes: Any) -> dict[str, Any]:
    """The protocol item of a complete, validated patient zéro (drafts stay on the station)."""
    fiche = complete_patient_zero(
        now().date(), birth_name="Bérard", first_names="Lucie", identity_disclosure=Consent.NO
    )
    fiche.version = 1
    fiche.created_at = fiche.updated_at = now()
    for key, value in changes.items():
        setattr(fiche, key, value)
    return {
        "uuid": fiche.uuid,
        "version": fiche.version,
        "created_at": fiche.created_at.isoformat(),  # type: ignore[union-attr]
        "type": "patient_zero",
        "identity_disclosure": "non",
        "document": fiche_to_dict(fiche),
    }


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[httpx.Client, Storage]]:
    with BackgroundServer(tmp_path / "central", tls=False) as server:
        server.storage.add_account(TOKEN, "test", now())
        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}
        ) as http:
            yield http, server.storage


def batch(http: httpx.Client, items: list[dict[str, Any]], key: str) -> httpx.Response:
    return http.post(
        "/v1/fiches/batch",
        json={"protocol": 1, "fiches": items},
        headers={"Idempotency-Key": key},
    )


def test_exactly_once_per_uuid_and_version(client: tuple[httpx.Client, Storage]) -> None:
    http, storage = client
    item = make_item()
    first = batch(http, [item], "key-0001").json()["results"][0]
    assert first["status"] == "accepted" and not first["replayed"]
    again = batch(http, [item], "key-0002").json()["results"][0]
    assert again == {**first, "replayed": True}
    assert storage.counts()["fiches"] == 1 and len(storage.receipts()) == 1
    # Same UUID + version, another payload: conflict (409 on the single endpoint).
    other = copy.deepcopy(item)
    other["document"]["prenoms"] = "Lucile"
    result = batch(http, [other], "key-0003").json()["results"][0]
    assert result["status"] == "conflict" and result["code"] == "version_deja_recue"
    reply = http.put(f"/v1/fiches/{item['uuid']}/versions/1", json=other)
    assert reply.status_code == 409
    assert http.put(f"/v1/fiches/{item['uuid']}/versions/1", json=item).status_code == 200
    # The next version keeps the fiche's reference.
    newer = copy.deepcopy(other)
    newer["version"] = newer["document"]["version"] = 2
    reply = http.put(f"/v1/fiches/{item['uuid']}/versions/2", json=newer)
    assert reply.status_code == 201 and reply.json()["reference"] == first["reference"]
    stale = batch(http, [item], "key-0004").json()["results"][0]
    assert stale["status"] == "accepted" and stale["replayed"]  # a late duplicate of v1
    (stored,) = storage.fiches()
    assert stored.version == 2 and json.loads(stored.document)["prenoms"] == "Lucile"


def test_idempotency_key_replays_and_refuses_reuse(client: tuple[httpx.Client, Storage]) -> None:
    http, _storage = client
    items = [make_item(), make_item()]
    first = batch(http, items, "batch-key-1")
    replay = batch(http, items, "batch-key-1")
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
    reused = batch(http, [make_item()], "batch-key-1")
    assert reused.status_code == 422 and reused.json()["code"] == "cle_idempotence_reutilisee"
    assert batch(http, items, "short").status_code == 400
    missing = http.post("/v1/fiches/batch", json={"protocol": 1, "fiches": items})
    assert missing.status_code == 400 and "Idempotency-Key" in missing.json()["message"]


def test_per_fiche_results_in_request_order(client: tuple[httpx.Client, Storage]) -> None:
    http, storage = client
    good = make_item()
    no_name = make_item(birth_name="", first_names="")
    bad_uuid = {**make_item(), "uuid": "pas-un-uuid"}
    lying = make_item()
    lying["identity_disclosure"] = "oui"
    results = batch(http, [good, no_name, bad_uuid, lying, good], "mixed-0001").json()["results"]
    assert [r["status"] for r in results] == [
        "accepted",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert [r.get("code") for r in results[1:]] == [
        "fiche_incomplete",
        "uuid_invalide",
        "envoi_incoherent",
        "doublon_dans_le_lot",
    ]
    assert "Nom de naissance" in results[1]["message"]
    assert [f.uuid for f in storage.fiches()] == [good["uuid"]]


def test_a_draft_is_refused_unread(client: tuple[httpx.Client, Storage]) -> None:
    """Art. 5 II: a draft never leaves the station; the service refuses one before any check."""
    http, storage = client
    draft = make_item(state=LifecycleState.DRAFT)
    assert draft["document"]["etat"] == "brouillon"
    message = (
        "Fiche non validée (brouillon)\u00a0: un brouillon ne quitte jamais le poste."
        " Validez la fiche pour la transmettre."
    )
    result = batch(http, [draft], "draft-0001").json()["results"][0]
    assert result == {
        "uuid": draft["uuid"],
        "version": 1,
        "status": "rejected",
        "code": "fiche_non_validee",
        "message": message,
    }
    # Even an incomplete draft gets this answer, not the list of what is missing.
    bare = make_item(state=LifecycleState.DRAFT, sex=None, information=InformationGiven())
    result = batch(http, [bare], "draft-0002").json()["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "fiche_non_validee")
    # The single-fiche endpoint answers the same (422), and nothing is stored.
    reply = http.put(f"/v1/fiches/{draft['uuid']}/versions/1", json=draft)
    assert reply.status_code == 422 and reply.json()["code"] == "fiche_non_validee"
    assert storage.counts()["fiches"] == 0 and storage.receipts() == []
    # The same fiche once validated is accepted.
    validated = copy.deepcopy(draft)
    validated["document"]["etat"] = LifecycleState.VALIDATED.value
    result = batch(http, [validated], "draft-0003").json()["results"][0]
    assert result["status"] == "accepted"


def test_three_month_limit_on_receipt_and_purge(
    client: tuple[httpx.Client, Storage], fake_clock: FakeClock
) -> None:
    http, storage = client
    item = make_item()
    assert batch(http, [item], "limit-0001").json()["results"][0]["status"] == "accepted"
    fake_clock.advance(timedelta(days=93))
    late = batch(http, [make_item(created_at=now() - timedelta(days=93))], "limit-0002")
    result = late.json()["results"][0]
    assert result["status"] == "rejected" and result["code"] == "delai_conservation_depasse"
    assert storage.purge(now()) == 1
    assert storage.counts() == {"fiches": 0, "receipts": 0, "idempotency": 1, "accounts": 1}
    fake_clock.advance(timedelta(hours=25))  # batch responses are kept 24 hours for replays
    storage.purge(now())
    assert storage.counts()["idempotency"] == 0


def test_token_required(client: tuple[httpx.Client, Storage]) -> None:
    http, _ = client
    reply = http.post(
        "/v1/fiches/batch",
        json={"protocol": 1, "fiches": []},
        headers={"Idempotency-Key": "k" * 10, "Authorization": "Bearer faux-jeton-123456"},
    )
    assert reply.status_code == 401 and reply.headers["WWW-Authenticate"] == "Bearer"
    assert http.get("/v1/health").json()["protocol"] == 1


def test_too_large_or_malformed_batch(client: tuple[httpx.Client, Storage]) -> None:
    http, _ = client
    reply = http.post(
        "/v1/fiches/batch", json={"protocol": 2, "fiches": []}, headers={"Idempotency-Key": "k" * 9}
    )
    assert reply.status_code == 422 and reply.json()["code"] == "requete_invalide"


def test_dev_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    first = ensure_dev_certificate(tmp_path / "tls")
    ca = first.ca.read_bytes()
    again = ensure_dev_certificate(tmp_path / "tls")
    assert again.ca.read_bytes() == ca
    assert (first.key.stat().st_mode & 0o777) == 0o600
    assert (tmp_path / "tls" / "dev-ca-key.pem").stat().st_mode & 0o777 == 0o600


def test_python_dash_m_central_issues_a_token(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "central", "--data-dir", str(tmp_path), "--issue-token", "Ehpad"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    token = run.stdout.strip()
    storage = Storage(sqlite_url(tmp_path / "central.db"))
    try:
        assert storage.account_for(token) == "Ehpad"
    finally:
        storage.close()
    assert (tmp_path / "tls" / "dev-ca.pem").exists()


def test_openapi_document_is_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from gen_openapi import OUT, render

    assert OUT.read_text(encoding="utf-8") == render(), "run tools/gen_openapi.py"

"""The document format: the station sends it, the central service reads a range of them.

A field the central service does not know is ignored (neither checked nor kept)
unless the sender says it must be understood; a format outside the range is
refused with a message that quotes nothing received.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.enums import SyncState
from app.core.serialize import FORMAT
from app.db.connection import Database
from app.sync import outbox
from app.sync.engine import drain_once, encode_batch
from central import formats
from central.api import FicheItem
from central.clock import now
from central.rules import Checked, Result, check_item
from central.server import BackgroundServer
from tests.central.test_central import batch, make_item
from tests.support.central_service import FAST, TOKEN, USER, Central, make_fiches


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[httpx.Client, BackgroundServer]]:
    with BackgroundServer(tmp_path / "central", tls=False) as server:
        server.storage.add_account(TOKEN, "test", now())
        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"}
        ) as http:
            yield http, server


def _with_format(value: object) -> dict[str, Any]:
    item = make_item()
    item["document"]["format"] = value
    return item


def _checked(item: dict[str, Any]) -> Checked:
    out = check_item(item, now())
    assert isinstance(out, Checked), out
    return out


def _rejected(item: dict[str, Any]) -> Result:
    out = check_item(item, now())
    assert isinstance(out, Result) and out.status == "rejected", out
    return out


# ------------------------------------------------------------ the range


def test_the_format_the_station_writes_is_read() -> None:
    assert formats.MIN_FORMAT <= FORMAT == formats.CURRENT_FORMAT
    assert make_item()["document"]["format"] == FORMAT
    _checked(make_item())


@pytest.mark.parametrize("value", [0, FORMAT + 1, 99, -1, "1", None, True, 1.0])
def test_a_format_out_of_range_is_refused_without_quoting_it(value: object) -> None:
    result = _rejected(_with_format(value))
    assert result.code == "format_non_pris_en_charge"
    assert result.message == (
        "Format de document non pris en charge par le service central (format 1 accepté)"
        "\u00a0: mettez à jour le service central ou le poste."
    )
    assert "99" not in (result.message or "")


def test_a_missing_format_is_refused() -> None:
    item = make_item()
    del item["document"]["format"]
    assert _rejected(item).code == "format_non_pris_en_charge"


def test_every_format_of_the_range_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A service that reads formats 1 to 2: an older station's format 1 and format 2 both go."""
    monkeypatch.setattr(formats, "CURRENT_FORMAT", 2)
    for value in (1, 2):
        checked = _checked(_with_format(value))
        assert json.loads(checked.document)["format"] == value  # kept as sent
    result = _rejected(_with_format(3))
    assert result.message is not None and "(formats 1 à 2 acceptés)" in result.message
    monkeypatch.setattr(formats, "MIN_FORMAT", 2)
    assert _rejected(_with_format(1)).code == "format_non_pris_en_charge"
    _checked(_with_format(2))


# ----------------------------------------------------- unknown fields


def test_unknown_fields_are_ignored_neither_checked_nor_kept() -> None:
    item = make_item()
    doc = item["document"]
    doc["champ_du_futur"] = {"date": "pas une date", "rappels": [1, 2]}
    doc["adresse"]["etage"] = "3e"
    doc["information"]["langue"] = "fr"
    doc["lieux_sejour"] = [{"type": "departement", "code": "45", "nom": "", "altitude": 120}]
    checked = _checked(item)
    stored = json.loads(checked.document)
    assert "champ_du_futur" not in stored
    assert (
        "etage" not in stored["adresse"] and stored["adresse"]["lignes"] == doc["adresse"]["lignes"]
    )
    assert "langue" not in stored["information"]
    assert stored["lieux_sejour"] == [{"type": "departement", "code": "45", "nom": ""}]
    assert sorted(formats.understood(doc)[1]) == [
        "adresse.etage",
        "champ_du_futur",
        "information.langue",
        "lieux_sejour[].altitude",
    ]


def test_a_known_field_is_still_checked_strictly() -> None:
    item = make_item()
    item["document"]["date_naissance"] = "03/06/1958"
    result = _rejected(item)
    assert result.code == "document_invalide" and "date_naissance" in (result.message or "")
    assert "03/06" not in (result.message or "")


@pytest.mark.parametrize("key", ["Nom Complet", "É", "x" * 41, "1champ", "a-b", "\udfff"])
def test_an_unknown_key_that_is_no_field_name_makes_the_document_malformed(key: str) -> None:
    item = make_item()
    item["document"]["adresse"][key] = 1
    result = _rejected(item)
    assert result.code == "document_invalide"
    assert result.message == (
        "Document illisible\u00a0: champ «\u202fadresse\u202f» de type ou de valeur non admis."
    )


def test_required_fields_unknown_to_the_service_refuse_the_fiche() -> None:
    item = make_item()
    item["document"]["champ_du_futur"] = "à jour"
    item["required_fields"] = ["nom_naissance", "champ_du_futur"]
    result = _rejected(item)
    assert result.code == "champ_requis_inconnu"
    assert result.message == (
        "Le document contient un champ («\u202fchamp_du_futur\u202f») que ce service central ne "
        "connaît pas et qui ne peut pas être ignoré\u00a0: mettez à jour le service central."
    )
    item["required_fields"] = ["nom_naissance", "adresse.code_postal", "lieux_sejour[3].code"]
    _checked(item)
    item["required_fields"] = ["expositions[].date_dernier_contact"]  # a contact's field
    _checked(item)


def test_an_empty_required_list_hashes_as_an_item_without_it() -> None:
    """Replays of fiches sent before ``required_fields`` existed stay replays."""
    item = make_item()
    assert FicheItem.model_validate(item).as_item() == item
    with_list = {**item, "required_fields": ["nir"]}
    assert FicheItem.model_validate(with_list).as_item() == with_list


# ---------------------------------------------------------- over HTTP


def test_health_says_which_formats_are_read(
    client: tuple[httpx.Client, BackgroundServer],
) -> None:
    http, _server = client
    body = http.get("/v1/health").json()
    assert (body["min_format"], body["max_format"]) == (formats.MIN_FORMAT, FORMAT)


def test_batch_and_put_answer_a_format_out_of_range(
    client: tuple[httpx.Client, BackgroundServer],
) -> None:
    http, server = client
    newer = _with_format(FORMAT + 1)
    known = make_item()
    known["document"]["champ_du_futur"] = "à jour"
    reply = batch(http, [newer, known], "format-key-1")
    assert reply.status_code == 200
    results = reply.json()["results"]
    assert [r["status"] for r in results] == ["rejected", "accepted"]
    assert results[0]["code"] == "format_non_pris_en_charge"
    (stored,) = server.storage.fiches()
    assert stored.uuid == known["uuid"] and "champ_du_futur" not in json.loads(stored.document)
    put = http.put(f"/v1/fiches/{newer['uuid']}/versions/1", json=newer)
    assert put.status_code == 422 and put.json()["code"] == "format_non_pris_en_charge"
    # The same fiche again: a replay, as before required_fields existed.
    again = batch(http, [known], "format-key-2")
    assert again.json()["results"][0]["replayed"] is True


def test_a_malformed_required_path_is_a_malformed_request(
    client: tuple[httpx.Client, BackgroundServer],
) -> None:
    http, _server = client
    item = {**make_item(), "required_fields": ["Nom Complet"]}
    reply = batch(http, [item], "format-key-3")
    assert reply.status_code == 422 and reply.json()["code"] == "requete_invalide"
    assert "Nom Complet" not in reply.text


# ------------------------------------------------------ the station


def test_the_station_sends_its_format_in_every_document(db: Database) -> None:
    make_fiches(db, 3)
    body = json.loads(encode_batch(outbox.next_batch(db, now(), 10)))
    assert body["protocol"] == 1
    assert [f["document"]["format"] for f in body["fiches"]] == [FORMAT] * 3
    assert all(formats.format_of(copy.deepcopy(f["document"])) == FORMAT for f in body["fiches"])


def test_a_central_service_past_the_station_format_refuses_it_with_its_message(
    db: Database, central: Central, token_for: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A central service that no longer reads this station's format: each fiche is
    rejected with the French message, kept on the station for the référent to see."""
    (fiche,) = make_fiches(db, 1)
    monkeypatch.setattr(formats, "MIN_FORMAT", FORMAT + 1)
    monkeypatch.setattr(formats, "CURRENT_FORMAT", FORMAT + 1)
    report = drain_once(db, USER, config=central.config(), policy=FAST, rng=random.Random(4))
    assert (report.accepted, report.rejected) == (0, 1)
    detail = outbox.fiche_detail(db, fiche.uuid)
    assert detail is not None and detail.state is SyncState.REJECTED
    assert detail.message == formats.format_message()
    assert "mettez à jour" in (detail.message or "")
    assert central.server.storage.fiches() == []

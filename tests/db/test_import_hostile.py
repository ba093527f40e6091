"""``tracing-desk import`` on hostile lines: a French per-line error, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.core.models import PatientZero
from app.core.serialize import fiche_to_dict
from app.db.store import open_store

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path, fake_clock: Any, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    fake_clock.set(T0)
    assert main(["init"]) == 0
    capsys.readouterr()
    yield data_dir


def _doc(**changes: Any) -> dict[str, Any]:
    fiche = PatientZero(birth_name="Lefèvre", first_names="Éloïse")
    fiche.created_at = T0 - timedelta(days=2)
    doc = fiche_to_dict(fiche)
    doc.update(changes)
    return doc


def _line(**changes: Any) -> str:
    # ensure_ascii: a lone surrogate or a NUL is written as its JSON escape.
    return json.dumps(_doc(**changes))


def _set_key(key: str, value: Any) -> Callable[[], str]:
    return lambda: _line(**{key: value})


HOSTILE: dict[str, Callable[[], str]] = {
    "year-9999-west": _set_key("cree_le", "9999-12-31T23:59:59-05:00"),
    "year-1-east": _set_key("cree_le", "0001-01-01T00:00:00+05:00"),
    "year-1950": _set_key("cree_le", "1950-01-01T00:00:00+00:00"),
    "modified-year-9999": _set_key("modifie_le", "9999-12-31T23:59:59-05:00"),
    "lone-surrogate": _set_key("nom_naissance", "Le\ud800fèvre"),
    "lone-surrogate-in-a-key": lambda: _line(**{"\udc80": "x"}),
    "lone-surrogate-in-an-enum": _set_key("sexe", "\ud800"),
    "nested-100000": lambda: "[" * 100_000 + "]" * 100_000,
    "nested-objects-100000": lambda: '{"a":' * 100_000 + "1" + "}" * 100_000,
    "line-2mb": _set_key("nom_naissance", "A" * 2_000_000),
    "version-2**63": _set_key("version", 2**63),
    "version-negative": _set_key("version", -1),
    "integer-5000-digits": lambda: _line().replace('"version": 0', '"version": ' + "9" * 5000),
    "nul-in-name": _set_key("nom_naissance", "Dup\x00ont"),
    "soh-in-first-names": _set_key("prenoms", "\x01Jean"),
    "esc-in-name": _set_key("nom_usage", "\x1b[2J\x1b]0;pwned\x07"),
    "esc-in-email": _set_key("email", "\x1b[31mrouge"),
    "c1-in-city": _set_key("adresse", {"lignes": [], "code_postal": "", "commune": "Nîmes\x85"}),
}


def _fiches(data_dir: Path) -> int:
    with open_store(data_dir) as db:
        row = db.query_one("SELECT count(*) FROM fiches")
        return int(row[0]) if row else 0


def _import(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["import", str(path)])
    return code, capsys.readouterr().err


def _assert_clean(err: str) -> None:
    assert "Traceback" not in err and "Error" not in err
    for raw in ("\x00", "\x01", "\x1b", "\x85", "\ud800", "\udc80"):
        assert raw not in err  # never echoed to the terminal


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_line_is_a_line_error(
    name: str, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(HOSTILE[name]() + "\n", encoding="utf-8")
    code, err = _import(path, capsys)
    assert code == 65
    assert "ligne 1\u00a0" in err and "aucune fiche importée" in err
    _assert_clean(err)
    assert _fiches(store) == 0


def test_messages_are_french(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        HOSTILE["year-9999-west"](),
        HOSTILE["lone-surrogate"](),
        HOSTILE["nested-100000"](),
        HOSTILE["line-2mb"](),
        HOSTILE["version-2**63"](),
        HOSTILE["nul-in-name"](),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = _import(path, capsys)
    assert code == 65
    by_line = {
        n: next(e for e in err.splitlines() if e.startswith(f"ligne {n}\u00a0"))
        for n in range(1, 7)
    }
    assert "hors de la période admise (années 1970 à 2999)" in by_line[1]
    assert "cree_le" in by_line[1]
    assert "substitut UTF-16 isolé" in by_line[2] and "nom_naissance" in by_line[2]
    assert "structure trop imbriquée" in by_line[3]
    assert "trop longue" in by_line[4]
    assert "de 0 à 2147483647" in by_line[5] and "version" in by_line[5]
    assert "caractère de contrôle non autorisé" in by_line[6]
    assert "Nom de naissance" in by_line[6] and "Dup" not in by_line[6]
    _assert_clean(err)
    assert _fiches(store) == 0


def test_one_good_line_among_hostile_ones_imports_nothing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = [HOSTILE[name]() for name in sorted(HOSTILE)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([_line(), *hostile]) + "\n", encoding="utf-8")
    code, err = _import(path, capsys)
    assert code == 65
    assert "ligne 1\u00a0" not in err  # the good line has no error…
    for n in range(2, len(hostile) + 2):
        assert f"ligne {n}\u00a0" in err
    _assert_clean(err)
    assert _fiches(store) == 0  # …and is not imported either


def test_good_line_still_imports(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bounds refuse nothing ordinary; a raw U+2028 in a text does not split the line."""
    path = tmp_path / "in.jsonl"
    line = json.dumps(_doc(nom_usage="Martin\u2028Durand"), ensure_ascii=False)
    path.write_text(line + "\r\n", encoding="utf-8")
    code, err = _import(path, capsys)
    assert code == 0, err
    assert _fiches(store) == 1

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.enums import Sex
from app.core.models import Contact, PatientZero
from app.core.text import (
    NO_NAME,
    display_name,
    fold,
    phones_column,
    phones_digits,
    query_digits,
    search_name,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Éléonore", "eleonore"),
        ("  Lætitia  D’Orléans-Œuvre ", "laetitia d orleans oeuvre"),
        ("N’GUYEN", "n guyen"),
        ("Straße", "strasse"),
        ("ÇA", "ca"),
        ("Jean—Pierre", "jean pierre"),
        ("\tMüller\n", "muller"),
        ("ﬁlou", "filou"),  # NFKD compatibility ligature
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@settings(max_examples=1000)
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert "  " not in folded and folded == folded.strip()
    assert not any(unicodedata.combining(c) for c in folded)


def test_search_name() -> None:
    f = PatientZero(birth_name="Martin", usage_name="Durand-Léger", first_names="Zoé Anne")
    assert search_name(f) == "martin durand leger zoe anne"
    assert search_name(Contact(birth_name="Roux", usage_name="ROUX")) == "roux"
    assert search_name(Contact()) == ""


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"birth_name": "Martin", "first_names": "Marie"}, "MARTIN Marie"),
        (
            {
                "birth_name": "Martin",
                "usage_name": "Durand",
                "first_names": "Marie",
                "sex": Sex.FEMALE,
            },
            "DURAND née MARTIN Marie",
        ),
        ({"birth_name": "Petit", "usage_name": "Grand", "sex": Sex.MALE}, "GRAND né PETIT"),
        ({"birth_name": "Petit", "usage_name": "Grand"}, "GRAND né(e) PETIT"),
        ({"birth_name": "Roux", "usage_name": "roux", "first_names": "Léa"}, "ROUX Léa"),
        ({"first_names": "  Jean   Paul "}, "Jean Paul"),
        ({}, NO_NAME),
    ],
)
def test_display_name(kwargs: dict[str, object], expected: str) -> None:
    assert display_name(Contact(**kwargs)) == expected  # type: ignore[arg-type]


def test_phone_search_helpers() -> None:
    f = Contact(phones=["+33612345678", "+262692123456"])
    assert phones_column(f) == "+33612345678 +262692123456"
    digits = phones_digits(f.phones)
    assert digits == "33612345678 0612345678 262692123456"
    assert query_digits("06 12-34") in digits
    assert query_digits("+33 6 12") in digits
    assert query_digits("0033 6 12") in digits
    assert query_digits("0692 12") not in phones_digits(["+33612345678"])

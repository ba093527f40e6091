from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.core.identifiers import (
    IdentifierError,
    finess_key_ok,
    format_nir,
    format_phone,
    luhn_check_digit,
    luhn_ok,
    nir_key,
    normalize_adeli,
    normalize_ame,
    normalize_finess,
    normalize_nir,
    normalize_postal_code,
    normalize_rpps,
    parse_phone,
)
from tests.core.strategies import nirs, rpps_numbers

# ---------------------------------------------------------------------------
# NIR


@given(nirs())
def test_valid_nir_is_accepted(nir: str) -> None:
    assert normalize_nir(nir) == nir
    assert normalize_nir(format_nir(nir)) == nir
    assert normalize_nir(nir.lower()) == nir


@given(nirs(), st.data())
def test_any_single_digit_change_is_rejected(nir: str, data: st.DataObject) -> None:
    digit_positions = [i for i, c in enumerate(nir) if c.isdigit()]
    pos = data.draw(st.sampled_from(digit_positions))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != nir[pos]]))
    changed = nir[:pos] + new + nir[pos + 1 :]
    with pytest.raises(IdentifierError):
        normalize_nir(changed)


def test_corsica_key_uses_19_and_18() -> None:
    assert nir_key("253072A073004") == "43"
    assert nir_key("253072A073004") == f"{97 - int('2530719073004') % 97:02d}"
    assert nir_key("253072B073004") == f"{97 - int('2530718073004') % 97:02d}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Le NIR est vide."),
        ("25307", "15 caractères, clé comprise (5 saisis)"),
        ("253072A07300444", "les 13 premiers chiffres et la clé ne correspondent pas"),
        ("553072A07300443", "doit commencer par 1, 2, 3, 4, 7 ou 8"),
        ("253072C07300443", "2A ou 2B"),
    ],
)
def test_bad_nir_messages(text: str, message: str) -> None:
    with pytest.raises(IdentifierError) as info:
        normalize_nir(text)
    assert message in info.value.message
    assert str(info.value) == info.value.template.format(**info.value.params)


# ---------------------------------------------------------------------------
# Phones

french_national = st.builds(
    lambda first, rest: f"0{first}{rest:08d}",
    st.sampled_from("1234567 9".replace(" ", "")),
    st.integers(0, 99_999_999),
)


def _spaced(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


@given(french_national)
def test_french_national_round_trips_through_e164(national: str) -> None:
    assume(phonenumbers.is_valid_number(phonenumbers.parse(national, "FR")))
    e164 = parse_phone(_spaced(national))
    assert e164 == "+33" + national[1:]
    assert format_phone(e164) == _spaced(national)
    assert parse_phone(format_phone(e164)) == e164
    assert parse_phone("0033" + national[1:]) == e164


@pytest.mark.parametrize(
    ("text", "e164", "display"),
    [
        ("06 12 34 56 78", "+33612345678", "06 12 34 56 78"),
        ("06.12.34.56.78", "+33612345678", "06 12 34 56 78"),
        ("+33 1 42 34 56 78", "+33142345678", "01 42 34 56 78"),
        ("0692 12 34 56", "+262692123456", "+262 692 12 34 56"),  # La Réunion
        ("0696 12 34 56", "+596696123456", "+596 696 12 34 56"),  # Martinique
        ("0690 12 34 56", "+590690123456", "+590 690 12 34 56"),  # Guadeloupe
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),
        ("0049 30 901820", "+4930901820", "+49 30 901820"),
    ],
)
def test_phone_examples(text: str, e164: str, display: str) -> None:
    assert parse_phone(text) == e164
    assert format_phone(e164) == display


@pytest.mark.parametrize("text", ["", "   ", "0612", "bonjour", "+33 6 12"])
def test_bad_phones(text: str) -> None:
    with pytest.raises(IdentifierError) as info:
        parse_phone(text)
    assert "téléphone" in info.value.message


def test_format_phone_never_fails() -> None:
    assert format_phone("n’importe quoi") == "n’importe quoi"


# ---------------------------------------------------------------------------
# Postal code, FINESS, RPPS, ADELI, AME


@pytest.mark.parametrize(
    ("text", "value"),
    [("75013", "75013"), (" 20 000 ", "20000"), ("97400", "97400"), ("98800", "98800")],
)
def test_postal_codes(text: str, value: str) -> None:
    assert normalize_postal_code(text) == value


@pytest.mark.parametrize("text", ["7501", "750133", "00100", "96000", "97000", "98000", "ABCDE"])
def test_bad_postal_codes(text: str) -> None:
    with pytest.raises(IdentifierError):
        normalize_postal_code(text)


def test_luhn() -> None:
    assert luhn_ok("79927398713")
    assert not luhn_ok("79927398710")
    assert luhn_check_digit("7992739871") == "3"


def test_finess() -> None:
    assert normalize_finess("75 071 218 4") == "750712184"
    assert finess_key_ok("750712184") is True
    assert finess_key_ok("750712185") is False
    assert normalize_finess("2a0000105") == "2A0000105"
    assert finess_key_ok("2A0000105") is None
    with pytest.raises(IdentifierError, match="9 caractères"):
        normalize_finess("75071218")


@given(rpps_numbers)
def test_rpps_with_valid_key(rpps: str) -> None:
    assert normalize_rpps(rpps) == rpps
    bad = rpps[:-1] + str((int(rpps[-1]) + 1) % 10)
    with pytest.raises(IdentifierError, match="clé de contrôle"):
        normalize_rpps(bad)


def test_rpps_and_adeli_formats() -> None:
    with pytest.raises(IdentifierError, match="11 chiffres"):
        normalize_rpps("1234")
    assert normalize_adeli("75 1234567") == "751234567"
    with pytest.raises(IdentifierError, match="9 chiffres"):
        normalize_adeli("75123456A")


def test_ame() -> None:
    assert normalize_ame("  AME  2020 / 123 ") == "AME 2020 / 123"
    with pytest.raises(IdentifierError, match="AME est vide"):
        normalize_ame("   ")

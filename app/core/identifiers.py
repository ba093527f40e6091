"""Identifiers of FIELDS.md: check, normalise and display them.

Every ``normalize_*``/``parse_*`` function returns the canonical stored value or
raises ``IdentifierError`` (a ``ValueError``) whose ``template``/``params`` give
a French message marked for translation (``str(error)`` is the formatted text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import phonenumbers

# phonenumbers (its metadata) and python-stdnum load with the first number checked
# or shown, not with every module that imports this one (the window's start-up).

#: Regions tried, after the default one, for a national number such as
#: "0692 12 34 56" (La Réunion): French overseas numbering plans.
OVERSEAS_REGIONS: tuple[str, ...] = (
    "GP",  # Guadeloupe (+590)
    "BL",  # Saint-Barthélemy (+590)
    "MF",  # Saint-Martin (+590)
    "MQ",  # Martinique (+596)
    "GF",  # Guyane (+594)
    "RE",  # La Réunion (+262)
    "YT",  # Mayotte (+262)
    "PM",  # Saint-Pierre-et-Miquelon (+508)
    "WF",  # Wallis-et-Futuna (+681)
    "PF",  # Polynésie française (+689)
    "NC",  # Nouvelle-Calédonie (+687)
)

_SPACES = re.compile(r"[\s.\-/]+")


class IdentifierError(UserError, ValueError):
    """An identifier that cannot be accepted, with a translatable French message."""

    code = "identifier"

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, **params)


def _compact(text: str) -> str:
    return _SPACES.sub("", text.strip())


# ---------------------------------------------------------------------------
# NIR


def normalize_nir(text: str) -> str:
    """The 15-character NIR (key included, no spaces, 2A/2B upper-case) or an error."""
    value = _compact(text).upper()
    if not value:
        raise IdentifierError(QT_TRANSLATE_NOOP("core", "Le NIR est vide."))
    if len(value) != 15:
        raise IdentifierError(
            QT_TRANSLATE_NOOP(
                "core", "Le NIR doit compter 15 caractères, clé comprise ({count} saisis)."
            ),
            count=len(value),
        )
    from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError
    from stdnum.fr import nir as _nir

    if value[0] not in "123478":
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le NIR doit commencer par 1, 2, 3, 4, 7 ou 8.")
        )
    try:
        _nir.validate(value)
    except InvalidChecksum:
        # Never the expected key: a typo in the 13 digits would be "fixed" by
        # changing the key, and the wrong person's number kept.
        raise IdentifierError(
            QT_TRANSLATE_NOOP(
                "core",
                "NIR incohérent : les 13 premiers chiffres et la clé ne correspondent pas. "
                "Vérifiez chaque chiffre sur la carte Vitale ou l’attestation de droits.",
            )
        ) from None
    except InvalidLength:  # pragma: no cover - length checked above
        raise IdentifierError(QT_TRANSLATE_NOOP("core", "Longueur du NIR incorrecte.")) from None
    except ValidationError:
        raise IdentifierError(
            QT_TRANSLATE_NOOP(
                "core",
                "Le NIR ne contient que des chiffres (2A ou 2B pour un département de Corse).",
            )
        ) from None
    return value


def nir_key(first13: str) -> str:
    """The 2-digit key of the first 13 characters of a NIR (2A→19, 2B→18)."""
    from stdnum.fr import nir as _nir

    return str(_nir.calc_check_digits(first13.upper()))


def format_nir(nir: str) -> str:
    """Display form: ``2 53 07 2A 073 004 43``."""
    from stdnum.fr import nir as _nir

    return str(_nir.format(nir))


# ---------------------------------------------------------------------------
# Phones


def _valid_parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def parse_phone(text: str, default_region: str = "FR") -> str:
    """The E.164 form of a French (metropolitan or overseas) or international number."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    raw = text.strip()
    if not raw:
        raise IdentifierError(QT_TRANSLATE_NOOP("core", "Le numéro de téléphone est vide."))
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    number = _valid_parse(raw, default_region)
    if number is None and not raw.startswith("+"):
        found = {
            phonenumbers.format_number(n, PhoneNumberFormat.E164)
            for n in (_valid_parse(raw, r) for r in OVERSEAS_REGIONS)
            if n is not None
        }
        if len(found) == 1:
            return found.pop()
    if number is None:
        raise IdentifierError(
            QT_TRANSLATE_NOOP(
                "core",
                "Numéro de téléphone non reconnu « {text} » (un numéro étranger commence par +).",
            ),
            text=text.strip(),
        )
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def format_phone(e164: str) -> str:
    """French display: national format for +33 numbers, international for the others.

    An unparsable value is returned unchanged (display never fails).
    """
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 33:
        return str(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))


# ---------------------------------------------------------------------------
# Postal code

_OVERSEAS_POSTAL_PREFIXES = frozenset(
    {"971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988"}
)


def normalize_postal_code(text: str) -> str:
    """A French postal code: 5 digits, 01xxx–95xxx or overseas 971xx–988xx."""
    value = _compact(text)
    if not re.fullmatch(r"\d{5}", value):
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le code postal doit compter 5 chiffres (« {text} »)."),
            text=text.strip(),
        )
    head = int(value[:2])
    if 1 <= head <= 95 or value[:3] in _OVERSEAS_POSTAL_PREFIXES:
        return value
    raise IdentifierError(QT_TRANSLATE_NOOP("core", "Code postal inconnu « {text} »."), text=value)


# ---------------------------------------------------------------------------
# Luhn, FINESS, RPPS, ADELI


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn (mod 10) check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(digits: str) -> str:
    """The digit to append to ``digits`` so that the result passes ``luhn_ok``."""
    for candidate in "0123456789":
        if luhn_ok(digits + candidate):
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def normalize_finess(text: str) -> str:
    """9 characters: digits, or 2A/2B then 7 digits (Corsica); the key: ``finess_key_ok``."""
    value = _compact(text).upper()
    if not re.fullmatch(r"(\d{2}|2A|2B)\d{7}", value):
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le n° FINESS compte 9 caractères (« {text} »)."),
            text=text.strip(),
        )
    return value


def finess_key_ok(finess: str) -> bool | None:
    """Luhn check of the 9th (check) digit; ``None`` when it cannot be checked (2A/2B).

    A failing key is a *warning*: some FINESS numbers in use do not pass it.
    """
    value = _compact(finess).upper()
    if not value.isdigit() or len(value) != 9:
        return None
    return luhn_ok(value)


#: The warning of a FINESS whose check digit fails (settings dialog, first-run wizard).
FINESS_KEY_WARNING = QT_TRANSLATE_NOOP(
    "core",
    "Attention : la clé de contrôle du n° FINESS ne correspond pas. "
    "Vérifiez le numéro (il peut être enregistré quand même).",
)


def finess_key_warning(text: str) -> str:
    """:data:`FINESS_KEY_WARNING` (untranslated) when *text* is a FINESS whose check
    digit fails, else ``""``: the one rule every entry point shows."""
    return FINESS_KEY_WARNING if text.strip() and finess_key_ok(text) is False else ""


def normalize_rpps(text: str) -> str:
    """An RPPS number: 11 digits passing the Luhn check."""
    value = _compact(text)
    if not re.fullmatch(r"\d{11}", value):
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le n° RPPS compte 11 chiffres (« {text} »)."),
            text=text.strip(),
        )
    if not luhn_ok(value):
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le n° RPPS « {text} » est invalide (clé de contrôle)."),
            text=value,
        )
    return value


def normalize_adeli(text: str) -> str:
    """An ADELI number: 9 digits."""
    value = _compact(text)
    if not re.fullmatch(r"\d{9}", value):
        raise IdentifierError(
            QT_TRANSLATE_NOOP("core", "Le n° ADELI compte 9 chiffres (« {text} »)."),
            text=text.strip(),
        )
    return value


def normalize_ame(text: str) -> str:
    """An AME admission code: free text, trimmed, not empty."""
    value = " ".join(text.split())
    if not value:
        raise IdentifierError(QT_TRANSLATE_NOOP("core", "Le code d’admission AME est vide."))
    return value

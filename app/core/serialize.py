"""JSON-safe documents for fiches and expositions (database ``data``, sync, import).

Keys are the French keys declared in the models' field metadata; dates are ISO
``YYYY-MM-DD``; instants are ISO 8601 in UTC; enums are their values. A fiche
document carries ``"format": 1`` and its ``"type"`` (``FicheKind`` value).

Decoding is strict: an unknown key, a wrong type or an unknown enum value raises
``DecodeError`` (a ``ValueError``) whose message is French and names the field
path, so that the import command can report it per line. Decoding also
bounds what later arithmetic and storage must handle: instants fall in the
years ``MIN_YEAR``–``MAX_YEAR`` (UTC), integers in 0…``MAX_INT``, and a text
holding a lone UTF-16 surrogate (which UTF-8 cannot encode) is refused. A
refused value is never quoted raw (:func:`quote`).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, Union

from app.core.enums import FicheKind, gathering_purpose_for, gathering_purposes
from app.core.models import FICHE_CLASSES, AnyFiche, Exposition

FORMAT = 1
FORMAT_KEY = "format"
TYPE_KEY = "type"

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Years an instant (``cree_le``, ``modifie_le``) may have, after conversion to UTC:
#: the retention arithmetic (months added, time zones) cannot overflow within them,
#: and a workstation whose clock was reset (1970) still reads back what it stored.
MIN_YEAR = 1970
MAX_YEAR = 2999
#: The largest integer accepted (``version``): a signed 32-bit value.
MAX_INT = 2**31 - 1
#: How much of a refused value a message quotes.
QUOTE_LIMIT = 40

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def quote(value: object) -> str:
    """*value* as a message may show it: short, control characters and surrogates escaped.

    A hostile value must not reach a terminal raw (escape sequences) nor fail
    to print (a lone surrogate cannot be encoded).
    """
    text = str(value)
    short = text[:QUOTE_LIMIT]
    shown = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", short)
    return shown + ("…" if len(text) > QUOTE_LIMIT else "")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_SURROGATE = "texte contenant un caractère invalide (substitut UTF-16 isolé)"


class DecodeError(ValueError):
    """A document that cannot be read: ``path`` names the field, ``str()`` is French."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'document'} : {message}" if path else message)
        self.path = path
        self.reason = message


@dataclasses.dataclass(frozen=True, slots=True)
class _Field:
    attr: str
    key: str
    tp: Any


@cache
def _fields(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        _Field(f.name, f.metadata.get("key", f.name), hints[f.name])
        for f in dataclasses.fields(cls)
    )


def _optional_inner(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else ``None``."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return None


# ---------------------------------------------------------------------------
# encoding


_PLAIN = frozenset({str, bool, int, type(None)})


def _encode(value: Any) -> Any:
    # Exact-type checks first: this runs for every field of every fiche saved.
    kind = type(value)
    if value is None or kind is str or kind is bool or kind is int:
        return value
    if kind is list:
        return [v if type(v) in _PLAIN else _encode(v) for v in value]
    if kind is date:
        return value.isoformat()
    fields = _record_fields(kind)
    if fields is not None:
        out: dict[str, Any] = {}
        for f in fields:
            item = getattr(value, f.attr)
            out[f.key] = item if type(item) in _PLAIN else _encode(item)
        return out
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("instant sans fuseau horaire")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool | int | str):
        return value
    raise TypeError(f"cannot serialise {kind.__name__}")


_RECORD_FIELDS: dict[type, tuple[_Field, ...] | None] = {}


def _record_fields(kind: type) -> tuple[_Field, ...] | None:
    """The fields of a record class, or ``None`` for any other type (memoised)."""
    try:
        return _RECORD_FIELDS[kind]
    except KeyError:
        found = _fields(kind) if dataclasses.is_dataclass(kind) else None
        _RECORD_FIELDS[kind] = found
        return found


def fiche_to_dict(fiche: AnyFiche) -> dict[str, Any]:
    """The JSON-safe document of a fiche (contact expositions included)."""
    doc: dict[str, Any] = {FORMAT_KEY: FORMAT, TYPE_KEY: fiche.kind.value}
    body = _encode(fiche)
    assert isinstance(body, dict)
    doc.update(body)
    return doc


def exposition_to_dict(exposition: Exposition) -> dict[str, Any]:
    body = _encode(exposition)
    assert isinstance(body, dict)
    return body


# ---------------------------------------------------------------------------
# decoding


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_name(value: Any) -> str:
    names = {
        bool: "booléen",
        int: "nombre",
        float: "nombre",
        str: "texte",
        list: "liste",
        dict: "objet",
        type(None): "vide",
    }
    return names.get(type(value), type(value).__name__)


def _decode(value: Any, tp: Any, path: str) -> Any:
    inner = _optional_inner(tp)
    if inner is not None:
        return None if value is None else _decode(value, inner, path)
    if value is None:
        raise DecodeError(path, "valeur obligatoire manquante")
    origin = typing.get_origin(tp)
    if origin is list:
        if not isinstance(value, list):
            raise DecodeError(path, f"liste attendue, reçu {_type_name(value)}")
        (item_tp,) = typing.get_args(tp)
        return [_decode(v, item_tp, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(tp, type):
        if issubclass(tp, StrEnum):
            if not isinstance(value, str):
                raise DecodeError(path, f"texte attendu, reçu {_type_name(value)}")
            try:
                return tp(value)
            except ValueError:
                allowed = ", ".join(m.value for m in tp)
                raise DecodeError(
                    path, f"valeur inconnue « {quote(value)} » (valeurs admises : {allowed})"
                ) from None
        if tp is bool:
            if not isinstance(value, bool):
                raise DecodeError(path, f"oui/non (true/false) attendu, reçu {_type_name(value)}")
            return value
        if tp is int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise DecodeError(path, f"nombre entier attendu, reçu {_type_name(value)}")
            if not 0 <= value <= MAX_INT:
                raise DecodeError(path, f"nombre entier de 0 à {MAX_INT} attendu")
            return value
        if tp is str:
            if not isinstance(value, str):
                raise DecodeError(path, f"texte attendu, reçu {_type_name(value)}")
            if not _encodable(value):
                raise DecodeError(path, _SURROGATE)
            return value
        if tp is datetime:
            if not isinstance(value, str):
                raise DecodeError(
                    path, f"date et heure ISO 8601 attendues, reçu {_type_name(value)}"
                )
            try:
                instant = datetime.fromisoformat(value)
            except ValueError:
                raise DecodeError(path, f"date et heure invalides « {quote(value)} »") from None
            if instant.tzinfo is None:
                raise DecodeError(path, f"fuseau horaire manquant dans « {quote(value)} »")
            try:
                utc = instant.astimezone(UTC)
            except (OverflowError, ValueError):
                utc = None
            if utc is None or not MIN_YEAR <= utc.year <= MAX_YEAR:
                raise DecodeError(
                    path,
                    f"date et heure hors de la période admise (années {MIN_YEAR} à {MAX_YEAR})",
                )
            return utc
        if tp is date:
            if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
                raise DecodeError(path, f"date AAAA-MM-JJ attendue, reçu « {quote(value)} »")
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise DecodeError(path, f"date invalide « {quote(value)} »") from None
        if dataclasses.is_dataclass(tp):
            return _decode_record(value, tp, path)
    raise TypeError(f"unsupported field type {tp!r} at {path}")  # a programming error


def _decode_record(value: Any, cls: type, path: str, ignore: frozenset[str] = frozenset()) -> Any:
    if not isinstance(value, dict):
        raise DecodeError(path, f"objet attendu, reçu {_type_name(value)}")
    fields = _fields(cls)
    known = {f.key for f in fields} | ignore
    unknown = sorted(str(k) for k in value if k not in known)
    if unknown:
        raise DecodeError(path, f"champ inconnu « {quote(unknown[0])} »")
    kwargs = {
        f.attr: _decode(value[f.key], f.tp, _join(path, f.key)) for f in fields if f.key in value
    }
    return cls(**kwargs)


def fiche_from_dict(doc: Any) -> AnyFiche:
    """Read a fiche document; ``DecodeError`` (a ``ValueError``) with a French message."""
    if not isinstance(doc, dict):
        raise DecodeError("", f"objet attendu, reçu {_type_name(doc)}")
    fmt = doc.get(FORMAT_KEY)
    if fmt != FORMAT or isinstance(fmt, bool):
        raise DecodeError(FORMAT_KEY, f"format de document non pris en charge « {quote(fmt)} »")
    kind_value = doc.get(TYPE_KEY)
    if not isinstance(kind_value, str) or kind_value not in FicheKind.__members__.values():
        allowed = ", ".join(k.value for k in FicheKind)
        raise DecodeError(
            TYPE_KEY,
            f"type de fiche inconnu « {quote(kind_value)} » (valeurs admises : {allowed})",
        )
    kind = FicheKind(kind_value)
    cls = FICHE_CLASSES[kind]
    fiche = _decode_record(doc, cls, "", frozenset({FORMAT_KEY, TYPE_KEY}))
    assert isinstance(fiche, cls)
    _gathering_purposes_of_kind(fiche)
    return fiche


def _gathering_purposes_of_kind(fiche: AnyFiche) -> None:
    """E-l: each purpose as the list of the fiche's kind words it (decree, two lists).

    A patient zéro's « réunion familiale » or « rassemblement festif », written
    before the two lists were told apart, becomes the patient-zéro item;
    a contact cannot hold the patient-zéro item (it cannot be split).
    """
    for i, gathering in enumerate(fiche.gatherings):
        purpose = gathering_purpose_for(fiche.kind, gathering.purpose)
        if purpose is None and gathering.purpose is not None:
            allowed = ", ".join(p.value for p in gathering_purposes(fiche.kind))
            raise DecodeError(
                f"rassemblements[{i}].objet",
                f"valeur « {gathering.purpose.value} » réservée aux fiches patient zéro"
                f" (valeurs admises\u00a0: {allowed})",
            )
        gathering.purpose = purpose


def exposition_from_dict(doc: Any) -> Exposition:
    exp = _decode_record(doc, Exposition, "")
    assert isinstance(exp, Exposition)
    return exp

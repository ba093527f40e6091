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
import json
import json.encoder
import re
import types
import typing
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache
from typing import Any, Union

from app.core.enums import FicheKind, gathering_purpose_for, gathering_purposes
from app.core.errors import UserError
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


class DecodeError(UserError, ValueError):
    """A document that cannot be read: ``path`` names the field, ``str()`` is French."""

    code = "decode"

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


# Generated encoders: one function per record class, built from its declared
# field types the first time the class is encoded (as ``dataclasses`` builds
# ``__init__``). Each field takes the fast path for a value of its declared
# type; any other value goes through :func:`_encode`, the generic encoder, so
# the document is the same either way (tests/core/test_serialize.py compares
# them). A save, an export and a sync encode every fiche: this is their cost.


def _field_expr(tp: Any, var: str, env: dict[str, Any]) -> str:
    """The expression encoding *var*, a value declared as *tp* (see above)."""
    inner = _optional_inner(tp)
    if inner is not None:
        return f"None if {var} is None else ({_field_expr(inner, var, env)})"
    if tp in (str, int, bool):
        return f"{var} if type({var}) in _PLAIN else _encode({var})"
    if typing.get_origin(tp) is list:
        (item_tp,) = typing.get_args(tp)
        item = _field_expr(item_tp, "y", env)
        return f"[{item} for y in {var}] if type({var}) is list else _encode({var})"
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        env[f"_e_{tp.__name__}"] = tp
        return f"{var}._value_ if type({var}) is _e_{tp.__name__} else _encode({var})"
    if tp is date:
        return f"{var}.isoformat() if type({var}) is _date else _encode({var})"
    if tp is datetime:
        return f"_instant({var})"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        env[f"_c_{tp.__name__}"] = tp
        env[f"_r_{tp.__name__}"] = _record_encoder(tp)
        return f"_r_{tp.__name__}({var}) if type({var}) is _c_{tp.__name__} else _encode({var})"
    return f"_encode({var})"


def _compile(cls: type, head: dict[str, Any], skip: frozenset[str]) -> Any:
    """The generated encoder of *cls*: its document starts with *head*, without *skip* keys."""
    env: dict[str, Any] = {
        "_PLAIN": _PLAIN,
        "_encode": _encode,
        "_instant": _instant,
        "_date": date,
    }
    lines = [f"def encode_{cls.__name__}(v):"]
    items = [f"{key!r}: {value!r}" for key, value in head.items()]
    for i, f in enumerate(_fields(cls)):
        if f.key in skip:
            continue
        lines.append(f"    x{i} = v.{f.attr}")
        items.append(f"{f.key!r}: {_field_expr(f.tp, f'x{i}', env)}")
    lines.append("    return {" + ", ".join(items) + "}")
    exec("\n".join(lines), env)  # source built above from the models' metadata
    return env[f"encode_{cls.__name__}"]


@cache
def _record_encoder(cls: type) -> Any:
    return _compile(cls, {}, frozenset())


@cache
def _fiche_encoder(cls: type, expositions: bool) -> Any:
    kind = cls.KIND  # type: ignore[attr-defined]
    head = {FORMAT_KEY: FORMAT, TYPE_KEY: kind.value}
    return _compile(cls, head, frozenset() if expositions else frozenset({EXPOSITIONS_KEY}))


# (instant, its document text) of the last instant encoded: a batch saved at
# once shares its creation and update instants. One tuple, replaced whole.
_last_instant: tuple[datetime, str] | None = None


def _instant(value: Any) -> Any:
    global _last_instant
    if value is None:
        return None
    last = _last_instant
    if last is not None and type(value) is datetime and value == last[0]:
        return last[1]
    text = _encode(value)
    if type(value) is datetime:
        _last_instant = (value, text)
    return text


EXPOSITIONS_KEY = "expositions"


def fiche_to_dict(fiche: AnyFiche, *, expositions: bool = True) -> dict[str, Any]:
    """The JSON-safe document of a fiche (contact expositions included, unless not *expositions*).

    Keys in declaration order after ``format`` and ``type``.
    """
    cls: type = type(fiche)
    if cls in _FICHE_TYPES:
        doc: dict[str, Any] = _fiche_encoder(cls, expositions)(fiche)
        return doc
    return _generic_fiche_to_dict(fiche, expositions)


def _generic_fiche_to_dict(fiche: AnyFiche, expositions: bool = True) -> dict[str, Any]:
    """The document as the generic encoder makes it (the reference of the generated ones)."""
    doc: dict[str, Any] = {FORMAT_KEY: FORMAT, TYPE_KEY: fiche.kind.value}
    body = _encode(fiche)
    assert isinstance(body, dict)
    doc.update(body)
    if not expositions:
        doc.pop(EXPOSITIONS_KEY, None)
    return doc


_FICHE_TYPES: frozenset[Any] = frozenset(FICHE_CLASSES.values())


def exposition_to_dict(exposition: Exposition) -> dict[str, Any]:
    if type(exposition) is Exposition:
        doc: dict[str, Any] = _record_encoder(Exposition)(exposition)
        return doc
    body = _encode(exposition)
    assert isinstance(body, dict)
    return body


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SPACED = json.JSONEncoder(ensure_ascii=False).encode
# The string encoder those use (C when available): a JSON string literal, quotes included.
_string = json.encoder.encode_basestring


# Generated JSON writers: the text ``json.dumps`` would give for the document
# (the same separators, characters kept), written in one pass from the record
# without building the document: the keys are constants of the generated
# code, a value of its declared type is written directly, any other value is
# encoded by :func:`_encode` and ``json`` (the reference; the tests compare).


@dataclasses.dataclass(frozen=True, slots=True)
class _Style:
    name: str
    item: str  # between items
    key: str  # between a key and its value
    dumps: Any  # the json encoder of this style


_STYLES = {
    "compact": _Style("compact", ",", ":", _COMPACT),
    "spaced": _Style("spaced", ", ", ": ", _SPACED),
}


def _json_expr(tp: Any, var: str, env: dict[str, Any], style: _Style) -> str:
    """The expression writing *var*, a value declared as *tp*, as JSON text."""
    inner = _optional_inner(tp)
    if inner is not None:
        return f"_NULL if {var} is None else ({_json_expr(inner, var, env, style)})"
    if tp is str:
        return f"_string({var}) if type({var}) is str else _J({var})"
    if tp is bool:
        return f"(_TRUE if {var} else _FALSE) if type({var}) is bool else _J({var})"
    if tp is int:
        return f"int.__repr__({var}) if type({var}) is int else _J({var})"
    if typing.get_origin(tp) is list:
        (item_tp,) = typing.get_args(tp)
        item = _json_expr(item_tp, "y", env, style)
        joined = f"_LB + _SEP.join([{item} for y in {var}]) + _RB"
        return f"({joined}) if type({var}) is list else _J({var})"
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        env[f"_e_{tp.__name__}"] = tp
        env[f"_m_{tp.__name__}"] = {m: _string(m.value) for m in tp}
        return f"_m_{tp.__name__}[{var}] if type({var}) is _e_{tp.__name__} else _J({var})"
    if tp is date:
        return f"(_Q + {var}.isoformat() + _Q) if type({var}) is _date else _J({var})"
    if tp is datetime:
        return f"_string(_instant({var})) if type({var}) is _datetime else _J({var})"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        env[f"_c_{tp.__name__}"] = tp
        env[f"_w_{tp.__name__}"] = _record_writer(tp, style.name)
        return f"_w_{tp.__name__}({var}) if type({var}) is _c_{tp.__name__} else _J({var})"
    return f"_J({var})"


def _compile_writer(cls: type, head: dict[str, Any], skip: frozenset[str], style: _Style) -> Any:
    """The generated JSON writer of *cls* (document starting with *head*, without *skip*)."""
    env: dict[str, Any] = {
        "_string": _string,
        "_instant": _instant,
        "_date": date,
        "_datetime": datetime,
        "_NULL": "null",
        "_TRUE": "true",
        "_FALSE": "false",
        "_Q": '"',
        "_LB": "[",
        "_RB": "]",
        "_SEP": style.item,
        "_J": lambda value: style.dumps(_encode(value)),
    }
    lines = [f"def write_{cls.__name__}(v):"]
    parts: list[str] = []
    items = [style.dumps({key: value}) for key, value in head.items()]  # each '{"k": v}'
    literal = "{" + style.item.join(item[1:-1] for item in items)
    for i, f in enumerate(_fields(cls)):
        if f.key in skip:
            continue
        literal += (style.item if literal != "{" else "") + _string(f.key) + style.key
        env[f"_l{i}"] = literal
        parts.append(f"_l{i}")
        lines.append(f"    x{i} = v.{f.attr}")
        parts.append(f"({_json_expr(f.tp, f'x{i}', env, style)})")
        literal = ""
    env["_end"] = literal + "}"
    parts.append("_end")
    lines.append("    return f'" + "".join("{" + p + "}" for p in parts) + "'")
    exec("\n".join(lines), env)  # source built above from the models' metadata
    return env[f"write_{cls.__name__}"]


@cache
def _record_writer(cls: type, style: str) -> Any:
    return _compile_writer(cls, {}, frozenset(), _STYLES[style])


@cache
def _fiche_writer(cls: type, expositions: bool) -> Any:
    kind = cls.KIND  # type: ignore[attr-defined]
    head = {FORMAT_KEY: FORMAT, TYPE_KEY: kind.value}
    skip = frozenset() if expositions else frozenset({EXPOSITIONS_KEY})
    return _compile_writer(cls, head, skip, _STYLES["compact"])


def fiche_to_json(fiche: AnyFiche, *, expositions: bool = True) -> str:
    """``json.dumps(fiche_to_dict(fiche), ensure_ascii=False, separators=(",", ":"))``.

    The same text, written in one pass (the database's ``data``, the sync).
    """
    cls: type = type(fiche)
    if cls in _FICHE_TYPES:
        text: str = _fiche_writer(cls, expositions)(fiche)
        return text
    return _COMPACT(_generic_fiche_to_dict(fiche, expositions))


def exposition_to_json(exposition: Exposition) -> str:
    """``json.dumps(exposition_to_dict(exposition), ensure_ascii=False)``: the text the
    ``expositions`` table stores, written in one pass."""
    if type(exposition) is Exposition:
        text: str = _record_writer(Exposition, "spaced")(exposition)
        return text
    return _SPACED(_encode(exposition))


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

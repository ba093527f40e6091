"""Which fiche documents this central service reads: a range of formats, unknown fields ignored.

A fiche document carries its format (``"format"``, ``app.core.serialize.FORMAT``).
The rules both sides follow, so that a station and a central service of
different ages keep working together:

- a field added to the records is *optional* for a reader that does not know
  it: such a reader ignores it (leaves it out of what it checks and keeps), and
  the format does not move;
- a change an older reader must not ignore (a field it would have to
  understand, a meaning that changes, a field removed or renamed) moves the
  format to a new number, which an older central service refuses;
- a sender may also name, in the protocol item's ``required_fields``, document
  paths the reader must understand: a reader that does not know one refuses the
  fiche rather than ignore it.

This service reads the formats :data:`MIN_FORMAT` … :data:`CURRENT_FORMAT`:
each of them is what the current records read once the fields they do not
know are left out (fields are only ever added within the range; a format that
removes or renames one raises :data:`MIN_FORMAT`).

Messages name the rule, never a value received.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterable
from typing import Any

from app.core.fieldmeta import RECORDS, leaf_fields, nested_record, normalise_path
from app.core.models import FICHE_CLASSES
from app.core.serialize import FORMAT, FORMAT_KEY, TYPE_KEY, DecodeError

#: The oldest document format this service reads.
MIN_FORMAT = 1
#: The newest: the one the records of this version of the code write.
CURRENT_FORMAT = FORMAT

CODE_FORMAT = "format_non_pris_en_charge"
CODE_REQUIRED = "champ_requis_inconnu"

#: Longest ``required_fields`` list a request may carry, and its paths' shape.
MAX_REQUIRED = 100
REQUIRED_PATH_PATTERN = r"^[a-z_]{1,40}(\[\])?(\.[a-z_]{1,40}(\[\])?){0,4}$"
_REQUIRED_PATH = re.compile(REQUIRED_PATH_PATTERN)
#: What an unknown key must look like to be ignored (the records' keys all do);
#: any other key makes the document malformed.
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


def accepted_formats() -> str:
    """« format 1 » or « formats 1 à 3 », for messages and the OpenAPI document."""
    if MIN_FORMAT == CURRENT_FORMAT:
        return f"format {CURRENT_FORMAT}"
    return f"formats {MIN_FORMAT} à {CURRENT_FORMAT}"


def format_message() -> str:
    return (
        "Format de document non pris en charge par le service central "
        f"({accepted_formats()} accepté{'s' if MIN_FORMAT != CURRENT_FORMAT else ''})\u00a0: "
        "mettez à jour le service central ou le poste."
    )


def required_message(path: str) -> str:
    where = path if _REQUIRED_PATH.match(path) else "document"
    return (
        f"Le document contient un champ («\u202f{where}\u202f») que ce service central ne "
        "connaît pas et qui ne peut pas être ignoré\u00a0: mettez à jour le service central."
    )


def format_of(doc: Any) -> int | None:
    """The document's format if this service reads it, else ``None``."""
    if not isinstance(doc, dict):
        return None
    value = doc.get(FORMAT_KEY)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return value if MIN_FORMAT <= value <= CURRENT_FORMAT else None


def _known_paths() -> frozenset[str]:
    """Every path of either record, leaves and the records holding them (``key[]`` lists)."""
    paths: set[str] = {FORMAT_KEY, TYPE_KEY}
    for leaf in leaf_fields(*RECORDS):
        parts = leaf.split(".")
        paths.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return frozenset(paths)


KNOWN_PATHS = _known_paths()


def unknown_required(required: Iterable[str]) -> str | None:
    """The first of *required* this service does not know, else ``None``."""
    for path in required:
        if normalise_path(path) not in KNOWN_PATHS:
            return path
    return None


def _fields_by_key(cls: type[Any]) -> dict[str, type[Any] | None]:
    """French key → the nested record type of that field (``None``: a plain value)."""
    hints = typing.get_type_hints(cls)
    return {str(f.metadata["key"]): nested_record(hints[f.name]) for f in dataclasses.fields(cls)}


def _prune(value: Any, cls: type[Any], path: str, dropped: list[str]) -> Any:
    if not isinstance(value, dict):
        return value  # the decoder refuses what is not an object
    known = _fields_by_key(cls)
    out: dict[str, Any] = {}
    for key, inner in value.items():
        if key not in known:
            if not isinstance(key, str) or not _FIELD_NAME.fullmatch(key):
                raise DecodeError(path.rstrip(".").replace("[]", ""), "nom de champ non admis")
            dropped.append(f"{path}{key}")
            continue
        sub = known[key]
        if sub is not None and isinstance(inner, list):
            out[key] = [_prune(item, sub, f"{path}{key}[].", dropped) for item in inner]
        elif sub is not None:
            out[key] = _prune(inner, sub, f"{path}{key}.", dropped)
        else:
            out[key] = inner
    return out


def understood(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """*doc* without the fields this service does not know, at any depth, and their paths.

    ``DecodeError`` for an unknown key that is not a field name (lower-case
    letters, digits, ``_``). The result keeps the document's own format number;
    with the current one in its place it reads as the current format. A
    document whose ``type`` is not a kind of fiche is returned as is, for the
    decoder to refuse.
    """
    kinds = {kind.value: cls for kind, cls in FICHE_CLASSES.items()}
    kind = doc.get(TYPE_KEY)
    cls = kinds.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return doc, []
    dropped: list[str] = []
    body = {k: v for k, v in doc.items() if k not in (FORMAT_KEY, TYPE_KEY)}
    pruned = _prune(body, cls, "", dropped)
    return {FORMAT_KEY: doc.get(FORMAT_KEY), TYPE_KEY: doc[TYPE_KEY], **pruned}, dropped

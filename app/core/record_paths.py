"""Reading and writing a record's field at a path of French keys (no Qt here).

A path names a field by the keys of the models' metadata, dot-separated from
the record down (``"adresse.code_postal"``), as ``app.core.validation`` and
``app.core.labels`` name them.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def _attr_for(obj: Any, key: str) -> str:
    for f in dataclasses.fields(obj):
        if f.metadata.get("key") == key:
            return f.name
    raise KeyError(key)


def get_path(record: Any, path: str) -> Any:
    """The value at a path of French keys (``"adresse.code_postal"``)."""
    value = record
    for key in path.split("."):
        if value is None:
            return None
        value = getattr(value, _attr_for(value, key))
    return value


def set_path(record: Any, path: str, value: Any) -> None:
    """Set the value at a path of French keys (every record on the way exists)."""
    keys = path.split(".")
    target = record
    for key in keys[:-1]:
        target = getattr(target, _attr_for(target, key))
    setattr(target, _attr_for(target, keys[-1]), value)


def covers(path: str, issue_path: str) -> bool:
    """True if an issue at *issue_path* belongs to the field at *path*."""
    return issue_path == path or issue_path.startswith((path + "[", path + "."))

"""The audit journal's SHA-256 chain (schema version 2).

Each entry's ``hash`` covers the previous entry's hash and the entry's own
fields, so that an edited, removed or reordered entry breaks the chain from
that point on. The fields are encoded as a compact JSON array (UTF-8), which
is unambiguous: a ``|`` inside a field cannot shift a boundary, and a missing
``fiche_uuid`` (``null``) differs from an empty one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first journal entry."""


def journal_hash(
    prev_hash: str, at: str, user: str, action: str, fiche_uuid: str | None, detail: str
) -> str:
    """The hex SHA-256 of one journal entry chained to *prev_hash*."""
    payload = json.dumps(
        [prev_hash, at, user, action, fiche_uuid, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


JournalRow = tuple[int, str, str, str, str | None, str, str, str]
"""``(id, at, user, action, fiche_uuid, detail, prev_hash, hash)``, in id order."""


def first_broken_entry(rows: Iterable[JournalRow]) -> int | None:
    """The id of the first entry whose chain link is wrong, or ``None`` if all hold."""
    expected_prev = GENESIS_HASH
    for entry_id, at, user, action, fiche_uuid, detail, prev_hash, digest in rows:
        if prev_hash != expected_prev:
            return entry_id
        if journal_hash(prev_hash, at, user, action, fiche_uuid, detail) != digest:
            return entry_id
        expected_prev = digest
    return None

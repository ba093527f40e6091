"""The audit journal's SHA-256 chain (schema version 2).

Each entry's ``hash`` covers the previous entry's hash and the entry's own
fields, so that an edited, removed or reordered entry breaks the chain from
that point on. The fields are encoded as a compact JSON array (UTF-8), which
is unambiguous: a ``|`` inside a field cannot shift a boundary, and a missing
``fiche_uuid`` (``null``) differs from an empty one.
"""

from __future__ import annotations

import hashlib
import json.encoder
from collections.abc import Callable, Iterable

# The string encoder ``json.dumps(…, ensure_ascii=False)`` uses (C when available).
_string: Callable[[str], str] = json.encoder.encode_basestring
_sha256 = hashlib.sha256

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first journal entry."""


def journal_hash(
    prev_hash: str, at: str, user: str, action: str, fiche_uuid: str | None, detail: str
) -> str:
    """The hex SHA-256 of one journal entry chained to *prev_hash*.

    The payload is the compact JSON array ``[prev_hash, at, user, action,
    fiche_uuid, detail]`` (``json.dumps(…, ensure_ascii=False, separators=(",",
    ":"))``), written here string by string with the ``json`` module's own
    string encoder: the same bytes, without building an encoder per entry
    (a bulk save hashes one entry per fiche).
    """
    payload = (
        f"[{_string(prev_hash)},{_string(at)},{_string(user)},{_string(action)},"
        f"{'null' if fiche_uuid is None else _string(fiche_uuid)},{_string(detail)}]"
    )
    return _sha256(payload.encode("utf-8")).hexdigest()


def chain(prev_hash: str, entries: Iterable[tuple[str, str, str, str | None, str]]) -> list[str]:
    """The hashes of *entries* ``(at, user, action, fiche_uuid, detail)`` chained from *prev_hash*.

    One pass for a whole transaction's entries; each hash is the one
    :func:`journal_hash` gives for that entry and the hash before it.
    """
    digests: list[str] = []
    prev = prev_hash
    for at, user, action, fiche_uuid, detail in entries:
        prev = journal_hash(prev, at, user, action, fiche_uuid, detail)
        digests.append(prev)
    return digests


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

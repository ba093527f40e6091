"""The program's own exchange format: JSON lines, one fiche per line.

Schema: ``docs/format-jsonl.md``. Export writes every fiche (contacts carry
their expositions). Import validates every line first and writes nothing
unless all lines are valid, then saves them in one transaction. Both are
called by ``app.services.transfer``, which checks the permission, passes the
lifecycle gate (*check*) and *save*, and journals.

Import never lets an exception escape for what a line holds: a line longer
than ``MAX_LINE_CHARS`` is not parsed, JSON too deeply nested, a lone
surrogate, an instant outside the plausible years or an integer out of range
(``app.core.serialize``) are each a French error with the line's number.
Lines are separated by ``\n`` only (``\r\n`` accepted): a U+2028 written raw
inside a JSON string does not split a line.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.enums import JournalAction
from app.core.models import AnyFiche, Contact
from app.core.serialize import DecodeError, fiche_from_dict, fiche_to_dict
from app.db.exported_files import journal_planted_export, register_export
from app.db.repositories import FicheRepository
from app.files import AtomicFile

#: Longest line read (in characters, about 1 MB; ``_TOO_LONG`` says it); a fiche takes
#: a few kilobytes.
MAX_LINE_CHARS = 1_000_000

_NOT_UTF8 = "Le fichier n’est pas encodé en UTF-8."
_TOO_LONG = "trop longue (plus de 1\u202f000\u202f000 caractères), elle n’a pas été lue."
_UNREADABLE = "JSON illisible (colonne {column})\u00a0: {reason}"
_TOO_DEEP = "JSON illisible\u00a0: structure trop imbriquée."
_INVALID = "JSON illisible\u00a0: valeur impossible à lire."
_OUT_OF_RANGE = "fiche illisible\u00a0: une valeur est hors des limites admises."


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    #: ``(line number, French message)``; non-empty means nothing was imported.
    errors: list[tuple[int, str]] = field(default_factory=list)


def export_jsonl(repo: FicheRepository, path: Path) -> list[str]:
    """Write every fiche to *path* (mode 0600, written atomically); returns their UUIDs.

    The file is registered for deletion by the purge (``app.db.exported_files``).
    """
    uuids: list[str] = []
    # A random exclusive temporary file beside *path*, renamed into place: a link
    # or file planted at *path* is replaced, never written through (app.files).
    with AtomicFile(path, role="export_json") as target:
        out = io.TextIOWrapper(target.file, encoding="utf-8", newline="\n")
        for fiche in repo.iter_fiches():
            out.write(json.dumps(fiche_to_dict(fiche), ensure_ascii=False))
            out.write("\n")
            uuids.append(fiche.uuid)
        out.flush()
        out.detach()
    # Deleted by the purge at the earliest deadline of the fiches it holds.
    file_uuid = register_export(repo.db, path, uuids, kind="jsonl", user=repo.user)
    if target.replaced.planted:
        journal_planted_export(repo.db, repo.user, "jsonl", file_uuid)
    return uuids


def _check_line(raw: str) -> AnyFiche:
    """The fiche of one line, or ``DecodeError`` (French) whatever the line holds."""
    if len(raw) > MAX_LINE_CHARS:
        raise DecodeError("", _TOO_LONG)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DecodeError("", _UNREADABLE.format(column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise DecodeError("", _TOO_DEEP) from None
    except (ValueError, OverflowError, UnicodeError):  # e.g. an integer of 5,000 digits
        raise DecodeError("", _INVALID) from None
    try:
        return fiche_from_dict(doc)
    except RecursionError:
        raise DecodeError("", _TOO_DEEP) from None
    except DecodeError:
        raise
    except (ValueError, OverflowError, UnicodeError):
        raise DecodeError("", _OUT_OF_RANGE) from None


def _lines(text: str) -> list[str]:
    """JSON lines: split on ``\n`` only (``str.splitlines`` also splits on U+2028, U+0085…)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def import_jsonl(
    repo: FicheRepository,
    path: Path,
    *,
    check: Callable[[AnyFiche], list[str]],
    save: Callable[[list[AnyFiche]], None],
) -> ImportReport:
    """Import *path*: all lines or none. Each fiche keeps its UUID and creation instant.

    *check* returns the French errors of a fiche in its own state (the
    services' gate: a line claiming *validée* that fails validation is a
    line error); *save* stores the checked fiches in one transaction.
    """
    report = ImportReport()
    fiches: list[AnyFiche] = []
    seen: dict[str, int] = {}
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        report.errors.append((0, _NOT_UTF8))
        return report
    now = repo.now()
    for line_no, raw in enumerate(_lines(text), start=1):
        if not raw.strip():
            continue
        try:
            fiche = _check_line(raw)
        except DecodeError as exc:
            report.errors.append((line_no, str(exc)))
            continue
        if fiche.uuid in seen:
            report.errors.append(
                (line_no, f"Fiche en double dans le fichier (déjà à la ligne {seen[fiche.uuid]}).")
            )
            continue
        seen[fiche.uuid] = line_no
        try:
            refused = check(fiche)
            expired = (
                fiche.created_at is not None and repo.retention.deadline(fiche.created_at) <= now
            )
        except (ValueError, OverflowError, UnicodeError):  # a last net: never a traceback
            report.errors.append((line_no, _OUT_OF_RANGE))
            continue
        if refused:
            report.errors.extend((line_no, message) for message in refused)
            continue
        if fiche.created_at is None:
            report.errors.append((line_no, "Date de création absente (« cree_le »)."))
            continue
        if expired:
            report.errors.append(
                (line_no, "Fiche créée il y a plus de 3 mois : elle ne peut plus être conservée.")
            )
            continue
        if repo.exists(fiche.uuid):
            report.errors.append((line_no, "Une fiche avec ce même identifiant existe déjà."))
            continue
        fiches.append(fiche)
    known = set(seen)
    for fiche in fiches:
        if isinstance(fiche, Contact):
            for exp in fiche.expositions:
                if exp.patient_zero_uuid not in known and not repo.exists(exp.patient_zero_uuid):
                    report.errors.append(
                        (
                            seen[fiche.uuid],
                            f"Exposition liée à un patient zéro inconnu ({exp.patient_zero_uuid}).",
                        )
                    )
    if report.errors:
        report.errors.sort()
        return report
    for fiche in fiches:
        fiche.version = 0  # a new local record; its creation instant is kept
    save(fiches)
    repo.record(JournalAction.IMPORT, detail=f"jsonl {len(fiches)} fiches")
    report.imported = len(fiches)
    return report

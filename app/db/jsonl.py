"""The program's own exchange format: JSON lines, one fiche per line.

Schema: ``docs/format-jsonl.md``. Export writes every fiche (contacts carry
their expositions). Import validates every line first and writes nothing
unless all lines are valid, then saves them in one transaction. Both are
called by ``app.services.transfer``, which checks the permission, passes the
lifecycle gate (*check*) and *save*, and journals.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.enums import JournalAction
from app.core.models import AnyFiche, Contact
from app.core.serialize import DecodeError, fiche_from_dict, fiche_to_dict
from app.db.exported_files import register_export
from app.db.repositories import FicheRepository


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    #: ``(line number, French message)``; non-empty means nothing was imported.
    errors: list[tuple[int, str]] = field(default_factory=list)


def export_jsonl(repo: FicheRepository, path: Path) -> list[str]:
    """Write every fiche to *path* (mode 0600, written atomically); returns their UUIDs.

    The file is registered for deletion by the purge (``app.db.exported_files``).
    """
    tmp = path.with_name(path.name + ".part")
    uuids: list[str] = []
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for fiche in repo.iter_fiches():
                out.write(json.dumps(fiche_to_dict(fiche), ensure_ascii=False))
                out.write("\n")
                uuids.append(fiche.uuid)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # Deleted by the purge at the earliest deadline of the fiches it holds.
    register_export(repo.db, path, uuids, kind="jsonl", user=repo.user)
    return uuids


def _check_line(raw: str) -> AnyFiche:
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DecodeError("", f"JSON illisible (colonne {exc.colno}) : {exc.msg}") from exc
    return fiche_from_dict(doc)


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
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        report.errors.append((0, "Le fichier n'est pas encodé en UTF-8."))
        return report
    now = repo.now()
    for line_no, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            fiche = _check_line(raw)
        except (DecodeError, ValueError) as exc:
            report.errors.append((line_no, str(exc)))
            continue
        if fiche.uuid in seen:
            report.errors.append(
                (line_no, f"Fiche en double dans le fichier (déjà à la ligne {seen[fiche.uuid]}).")
            )
            continue
        seen[fiche.uuid] = line_no
        refused = check(fiche)
        if refused:
            report.errors.extend((line_no, message) for message in refused)
            continue
        if fiche.created_at is None:
            report.errors.append((line_no, "Date de création absente (« cree_le »)."))
            continue
        if repo.retention.deadline(fiche.created_at) <= now:
            report.errors.append(
                (line_no, "Fiche créée il y a plus de 3 mois : elle ne peut plus être conservée.")
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

"""Files in and out: the JSON-lines export and import, and demonstration data.

Each service checks the permission first (nothing is read or written when it
is refused), then goes through the lifecycle gate of
:class:`~app.services.fiches.FicheService`, and journals by fiche UUID.
"""

from __future__ import annotations

from pathlib import Path

from app.core.accounts import Permission
from app.core.enums import JournalAction
from app.core.models import AnyFiche
from app.core.validation import Issue
from app.db import journal, jsonl
from app.db.connection import Database
from app.db.demo import DemoResult, generate
from app.db.permissions import Session
from app.db.timefmt import to_db
from app.services.access import check
from app.services.errors import DemoRefused
from app.services.fiches import FicheService, check_storable

ImportReport = jsonl.ImportReport

__all__ = ["DemoResult", "ImportReport", "demo_data", "export_jsonl", "import_jsonl"]


def _issue_text(issue: Issue) -> str:
    return f"{issue.path}\u00a0: {issue.message}"


def export_jsonl(db: Database, user: str | Session, path: Path) -> int:
    """Every fiche to *path* (full identity: référent only); one ``export`` entry per fiche."""
    login = check(db, user, Permission.EXPORT)
    service = FicheService(db, login)
    uuids = jsonl.export_jsonl(service.repo, Path(path))
    stamp = to_db(service.now())
    entries = [journal.JournalEntry(stamp, login, JournalAction.EXPORT, u, "jsonl") for u in uuids]
    entries.append(
        journal.JournalEntry(stamp, login, JournalAction.EXPORT, None, f"jsonl {len(uuids)} fiches")
    )
    with db.transaction() as cur:
        journal.append_many(cur, entries)
    return len(uuids)


def import_jsonl(db: Database, user: str | Session, path: Path) -> jsonl.ImportReport:
    """Import a JSON-lines file, all lines or none; each line checked in its own state."""
    login = check(db, user, Permission.IMPORT)
    service = FicheService(db, login)
    today = service.today()

    def line_errors(fiche: AnyFiche) -> list[str]:
        return [_issue_text(i) for i in check_storable(fiche, today) if i.is_error]

    def save(fiches: list[AnyFiche]) -> None:
        for fiche in fiches:
            fiche.version = 0  # a new local record; its creation instant is kept
        service.save_many(fiches, keep_created_at=True)

    return jsonl.import_jsonl(service.repo, Path(path), check=line_errors, save=save)


def real_fiches(db: Database) -> int:
    """How many fiches on this station are not demonstration data."""
    row = db.query_one("SELECT count(*) FROM fiches WHERE demo = 0")
    return int(row[0]) if row else 0


def demo_data(
    db: Database,
    user: str | Session,
    *,
    count: int,
    spread_days: int = 30,
    seed: int | None = None,
) -> DemoResult:
    """Fictitious fiches, each passing its state's checks, never mixed with real ones.

    Refused on a station that holds fiches not made by this command, and once
    accounts exist, to anyone but a référent.
    """
    login = check(db, user, Permission.DEMO_DATA)
    if real_fiches(db):
        raise DemoRefused()
    service = FicheService(db, login)

    def save(fiches: list[AnyFiche]) -> None:
        service.save_many(fiches, keep_created_at=True, demo=True)

    return generate(db, count=count, spread_days=spread_days, seed=seed, user=login, save=save)

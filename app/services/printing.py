"""The journal entries of the printed documents (poster, notice).

Shared by the ``poster``/``notice`` commands and the print menu. The journal
records the document, the paper, the language and the target (``pdf`` or
``imprimante``): never a file name, which a user may have chosen freely.
Qt-free: the document kind and paper arrive as their values (``affiche``,
``A4``…), the rendering stays in :mod:`app.print`.
"""

from __future__ import annotations

from app.core.enums import JournalAction
from app.db.connection import Database
from app.services.fiches import FicheService


def journal_detail(kind: str, paper: str | None, lang: str, target: str) -> str:
    """e.g. ``affiche A4 fr pdf`` or ``notice fr imprimante``: no file name, no person."""
    parts = [str(kind), str(paper) if paper is not None else "", lang, target]
    return " ".join(p for p in parts if p)


def record_document(
    db: Database,
    user: str,
    action: JournalAction,
    kind: str,
    paper: str | None,
    lang: str,
    target: str,
) -> None:
    """Journal a print or an export of a document (its own transaction)."""
    FicheService(db, user).record(action, None, journal_detail(kind, paper, lang, target))

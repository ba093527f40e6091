"""The contact finder's jobs, run on the database thread (no widget), and their problem texts.

:func:`build_job` reads the establishment's files (bytes, in memory only, never
copied) and hands them to :func:`app.services.contact_finder.build_candidates`;
a file that cannot be read or parsed becomes a French message listing its bad
lines (at most a dozen). :func:`create_job` creates the kept fiches in one
transaction. The strings keep the ``"contact_finder"`` translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.core.contact_finder import Candidate, FinderError, Window
from app.core.rosters import RosterError
from app.core.sheets import SheetError
from app.db.connection import Database
from app.services.contact_finder import (
    ROTA,
    CandidateList,
    Created,
    build_candidates,
    create_contacts,
    file_of,
)
from app.ui.forms.fields import translate

#: At most this many problems of a bad file are listed (the others are counted).
MAX_PROBLEMS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class Built:
    """What a build job returns: the candidates, or the French reason there are none."""

    candidates: CandidateList | None
    problem: str = ""


def read_file(path: Path) -> bytes:
    """The file's bytes (in memory only); ``OSError`` carries a French message."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        message = translate(
            "contact_finder",
            "Le fichier «\u202f{name}\u202f» est introuvable\u00a0: il a été déplacé ou "
            "supprimé. Choisissez-le à nouveau.",
        )
    except OSError:
        message = translate(
            "contact_finder",
            "Le fichier «\u202f{name}\u202f» ne peut pas être lu (ouvert dans un autre "
            "programme, ou accès refusé). Fermez-le puis réessayez.",
        )
    raise OSError(message.format(name=path.name))


def sheet_error_text(exc: SheetError) -> str:
    """A :class:`SheetError` in French (its template translated, context "core")."""
    text = QCoreApplication.translate("core", exc.template).format(**exc.params)
    if exc.line is not None and "{line}" not in exc.template:
        text = translate("contact_finder", "ligne {line}\u00a0: {problem}").format(
            line=exc.line, problem=text
        )
    return text


def problem_text(exc: RosterError | SheetError, what: str) -> str:
    """The French message of a bad file, its bad lines listed (at most a dozen)."""
    head = translate(
        "contact_finder", "{file}\u00a0: le fichier n’a pas été pris en compte."
    ).format(file=what)
    if isinstance(exc, SheetError):
        return f"{head}\n{sheet_error_text(exc)}"
    lines = [
        translate("contact_finder", "ligne {line}\u00a0: {problem}").format(
            line=line, problem=problem
        )
        for line, problem in exc.problems[:MAX_PROBLEMS_SHOWN]
    ]
    more = len(exc.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        # two sentences, not « %n »: this lupdate misses the plural of a translate() call
        lines.append(
            translate("contact_finder", "… et un autre problème.")
            if more == 1
            else translate("contact_finder", "… et {count} autres problèmes.").format(count=more)
        )
    return "\n".join([head, *lines])


def build_job(
    db: Database,
    user: str,
    pz_uuid: str,
    roster: Path,
    rota: Path | None,
    window: Window | None,
) -> Built:
    """Read the files (bytes, in memory) and build the candidates, on the database thread."""
    try:
        roster_bytes = read_file(roster)
        rota_arg = (read_file(rota), rota.name) if rota is not None else None
    except OSError as exc:
        return Built(None, str(exc))
    try:
        result = build_candidates(
            db, user, pz_uuid, (roster_bytes, roster.name), rota_arg, window=window
        )
    except FinderError as exc:
        return Built(None, str(exc))
    except (RosterError, SheetError) as exc:
        if rota_arg is None or file_of(exc) != ROTA:
            what = translate("contact_finder", "Fichier des résidents «\u202f{name}\u202f»")
            return Built(None, problem_text(exc, what.format(name=roster.name)))
        what = translate("contact_finder", "Planning du personnel «\u202f{name}\u202f»")
        return Built(None, problem_text(exc, what.format(name=rota_arg[1])))
    return Built(result)


def create_job(db: Database, user: str, pz_uuid: str, kept: list[Candidate]) -> Created:
    """Create (or link) a fiche for every kept candidate, in one transaction."""
    return create_contacts(db, user, pz_uuid, kept)

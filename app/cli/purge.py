"""``tracing-desk purge [--dry-run] [--as-of DATE] [--json]``: the retention purge by command.

The operating-system task runs it while the program is closed; the program
itself runs the same purge from its scheduler (``app.workers.purge_job``).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from app.cli._common import EXIT_OK, EXIT_USAGE, add_user_argument, err, signed_in
from app.core.dates import format_datetime
from app.db.connection import Database
from app.db.purge import PurgeReport, policy_for
from app.services.retention import (
    SUSPENDED_MESSAGE,
    SuspendedPurge,
    preview_purge,
    run_purge,
)


class AsOfError(ValueError):
    """``--as-of`` could not be read; ``str()`` is French."""


def parse_as_of(text: str, timezone: str) -> datetime:
    """An ISO date or date-time, read on the establishment's calendar.

    A date alone means the end of that day (everything due that day
    included); a date-time without offset is local time of the establishment.
    """
    value = text.strip()
    zone = ZoneInfo(timezone)
    try:
        if len(value) == 10:
            day = datetime.fromisoformat(value).date()
            return datetime.combine(day, time.max, zone).astimezone(UTC)
        instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise AsOfError(
            f"Date « {text} » non reconnue : utilisez le format AAAA-MM-JJ "
            "ou AAAA-MM-JJTHH:MM (par exemple 2026-03-01)."
        ) from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=zone)
    return instant.astimezone(UTC)


def french_instant(instant: datetime, timezone: str) -> str:
    """``jj/mm/aaaa à hh:mm`` on the establishment's clock."""
    return format_datetime(instant, zone=timezone, joiner=" à ")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n <= 1 else many}"


def describe(report: PurgeReport, timezone: str) -> list[str]:
    """The French text report, one line per fact."""
    when = french_instant(report.as_of, timezone)
    if report.dry_run:
        verb = "seraient supprimées" if report.fiches > 1 else "serait supprimée"
    else:
        verb = "supprimées" if report.fiches > 1 else "supprimée"
    lines = []
    if report.dry_run:
        lines.append(f"Aperçu de la purge au {when} (rien n’a été supprimé).")
    else:
        lines.append(f"Purge au {when}.")
    lines.append(
        f"{_plural(report.fiches, 'fiche', 'fiches')} {verb}"
        f" ({_plural(report.patients_zero, 'patient zéro', 'patients zéro')}, "
        f"{_plural(report.contacts, 'personne contact', 'personnes contact')}), "
        f"{_plural(report.expositions, 'exposition', 'expositions')}, "
        f"{_plural(report.outbox, 'envoi en attente', 'envois en attente')}."
    )
    if report.files_deleted or report.dry_run:
        lines.append(
            f"Fichiers exportés {'à supprimer' if report.dry_run else 'supprimés'} : "
            f"{report.files_deleted}."
        )
    if report.backups_deleted:
        lines.append(f"Sauvegardes de migration supprimées : {report.backups_deleted}.")
    if report.next_deadline is not None:
        lines.append(f"Prochaine suppression : {french_instant(report.next_deadline, timezone)}.")
    else:
        lines.append("Aucune suppression à venir.")
    return lines


def warnings(report: PurgeReport, timezone: str) -> list[str]:
    """One French warning per exported file the purge could not delete or find.

    First, on a read-only store, that the purge is suspended (fiches overdue).
    """
    out = []
    if isinstance(report, SuspendedPurge):
        out.append(SUSPENDED_MESSAGE.format(overdue=report.overdue))
    for f in report.problem_files:
        due = french_instant(f.deadline, timezone)
        if f.state == "missing":
            out.append(
                f"ATTENTION : le fichier exporté {f.path} est introuvable (déplacé, renommé "
                f"ou support absent). Il devait être supprimé le {due} : supprimez vous-même "
                "toute copie (fichier n° " + f.uuid + ")."
            )
        else:
            out.append(
                f"ATTENTION : le fichier exporté {f.path} n’a pas pu être supprimé "
                f"({f.last_error}). Échéance : {due}. Fermez-le s’il est ouvert ou "
                "supprimez-le vous-même ; la purge réessaiera."
            )
    return out


def run(args: argparse.Namespace, db: Database, user: str) -> int:
    timezone = policy_for(db).timezone
    try:
        as_of = parse_as_of(args.as_of, timezone) if args.as_of else None
    except AsOfError as exc:
        err(str(exc))
        return EXIT_USAGE
    report = preview_purge(db, as_of) if args.dry_run else run_purge(db, user, as_of=as_of)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(describe(report, timezone)))
    for line in warnings(report, timezone):
        print(line, file=sys.stderr)
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    # The unattended purge (no --as-of) is the OS task: it needs no account;
    # an early purge is checked by the service (référent once accounts exist).
    with signed_in(args) as (db, actor):
        return run(args, db, actor)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``purge`` to *sub*."""
    p = sub.add_parser(
        "purge",
        parents=[common],
        help="supprime les fiches et fichiers arrivés à échéance de conservation",
    )
    p.add_argument("--dry-run", action="store_true", help="montre ce qui serait supprimé")
    p.add_argument(
        "--as-of",
        metavar="DATE",
        help="date ISO (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM) : aperçu à cette date, ou purge "
        "anticipée jusqu’à cette date",
    )
    p.add_argument("--json", action="store_true", help="sortie JSON (compteurs)")
    add_user_argument(p)
    p.set_defaults(handler=cmd_purge)

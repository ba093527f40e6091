"""Moving fiches in and out: ``demo-data``, ``export-json`` and ``import`` (JSON lines)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli._common import EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, add_user_argument, err, signed_in


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.services.transfer import demo_data

    if args.count < 0 or args.spread_days < 0:
        err("--count et --spread-days doivent être positifs.")
        return EXIT_USAGE
    with signed_in(args) as (db, actor):
        created = demo_data(
            db, actor, count=args.count, spread_days=args.spread_days, seed=args.seed
        )
    print(
        f"{created.patients_zero} patients zéro et {created.contacts} personnes contact "
        "de démonstration créés."
    )
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from app.services.transfer import export_jsonl

    with signed_in(args) as (db, actor):
        count = export_jsonl(db, actor, Path(args.file))
    print(f"{count} fiches exportées dans {args.file}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.transfer import import_jsonl

    with signed_in(args) as (db, actor):
        report = import_jsonl(db, actor, Path(args.file))
    if report.errors:
        for line_no, message in report.errors:
            err(f"ligne {line_no} : {message}")
        err(f"{len(report.errors)} ligne(s) en erreur : aucune fiche importée.")
        return EXIT_DATA_ERROR
    print(f"{report.imported} fiches importées.")
    return EXIT_OK


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``demo-data``, ``export-json`` and ``import`` to *sub*."""
    p = sub.add_parser(
        "demo-data", parents=[common], help="crée des fiches fictives de démonstration"
    )
    p.add_argument("--count", type=int, required=True, help="nombre de patients zéro")
    p.add_argument("--spread-days", type=int, default=30, help="étalement des créations (jours)")
    p.add_argument("--seed", type=int, default=None, help="graine du générateur")
    add_user_argument(p)
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser(
        "export-json", parents=[common], help="exporte les fiches (JSON lines, référent)"
    )
    p.add_argument("file", metavar="FICHIER")
    add_user_argument(p)
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser(
        "import", parents=[common], help="importe des fiches (JSON lines), tout ou rien"
    )
    p.add_argument("file", metavar="FICHIER")
    add_user_argument(p)
    p.set_defaults(handler=cmd_import)

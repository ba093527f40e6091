"""The ``poster`` and ``notice`` commands: write the document as a PDF file.

``tracing-desk poster --out FILE.pdf [--format A4|A3] [--lang fr|en] [--allow-incomplete]``
``tracing-desk notice --out FILE.pdf [--lang fr|en] [--allow-incomplete]``

The establishment's block comes from the settings of the encrypted database.
When something is missing (name, FINESS, référent or DPO and a way to reach
them) or the logo cannot be read, the command lists it in French on stderr
and writes nothing (exit 65): a poster is displayed for months, and a DPO
would rather fill the settings in than find blank lines on the walls. With
``--allow-incomplete`` it writes the PDF anyway, the missing items marked
"à compléter" to be filled in by hand, and still lists them.

The PDF holds no personal data. Its writing is journaled (``export``, with
the document, paper, language; never the file name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli._common import EXIT_CANNOT_WRITE, EXIT_DATA_ERROR, EXIT_OK, cli_user, err, open_db


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``poster`` and ``notice`` on the subparsers *sub* of ``tracing-desk``."""
    p = sub.add_parser(
        "poster", parents=[common], help="écrit l’affiche d’information (PDF, A4 ou A3)"
    )
    p.add_argument("--out", required=True, metavar="FICHIER.pdf", help="fichier PDF à écrire")
    p.add_argument(
        "--format", choices=["A4", "A3"], default="A4", type=str.upper, help="A4 (défaut) ou A3"
    )
    _common_options(p)
    p.set_defaults(handler=cmd_poster)

    p = sub.add_parser(
        "notice",
        parents=[common],
        help="écrit la notice d’information (PDF : deux notices A5 par feuille A4)",
    )
    p.add_argument("--out", required=True, metavar="FICHIER.pdf", help="fichier PDF à écrire")
    _common_options(p)
    p.set_defaults(handler=cmd_notice)


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=["fr", "en"], default="fr", type=str.lower, help="langue (fr par défaut)"
    )
    p.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="écrit le document même si des paramètres de l’établissement manquent "
        "(signalés « à compléter »)",
    )


def cmd_poster(args: argparse.Namespace) -> int:
    from app.print.render import DocumentKind, PaperFormat

    return _write(args, DocumentKind.POSTER, PaperFormat(args.format))


def cmd_notice(args: argparse.Namespace) -> int:
    from app.print.render import DocumentKind

    return _write(args, DocumentKind.NOTICE, None)


def _write(args: argparse.Namespace, kind: Any, paper: Any) -> int:
    from app.core.enums import JournalAction
    from app.print import output
    from app.print.establishment import load_establishment
    from app.print.render import PaperFormat, RenderError
    from app.services.printing import record_document

    out = Path(args.out).expanduser()
    output.ensure_gui_application()
    db = open_db()
    try:
        est = load_establishment(db)
        with output.translation(args.lang) as available:
            if not available:
                err(
                    f"Traduction « {args.lang} » introuvable "
                    f"({output.translation_file(args.lang)}) : document en français."
                )
            problems, logo = output.problems(est)
            if problems:
                err(output.problems_message(problems))
                if not args.allow_incomplete:
                    err("Aucun fichier écrit (--allow-incomplete pour l’écrire quand même).")
                    return EXIT_DATA_ERROR
            try:
                output.write_pdf(out, kind, est, paper=paper or PaperFormat.A4, logo=logo)
            except RenderError as exc:
                err(str(exc))
                return EXIT_CANNOT_WRITE
        lang = args.lang if available else "fr"
        record_document(db, cli_user(), JournalAction.EXPORT, kind, paper, lang, "pdf")
    finally:
        db.close()
    what = "Affiche" if paper is not None else "Notice"
    size = f" {paper.value}" if paper is not None else ""
    print(f"{what}{size} écrite : {out}", file=sys.stdout)
    return EXIT_OK

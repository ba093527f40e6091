"""PDF export and the check of the establishment's settings.

Shared by the ``poster``/``notice`` commands and the print menu; their journal
entries are written by :mod:`app.services.printing`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QTranslator
from PySide6.QtGui import QGuiApplication, QPdfWriter

from app import paths
from app.core.clock import get_clock
from app.core.dates import zone_info
from app.core.i18n import QT_TRANSLATE_NOOP
from app.files import AtomicFile
from app.print.establishment import Establishment
from app.print.render import (
    DocumentKind,
    Logo,
    PaperFormat,
    RenderError,
    load_logo,
    page_layout,
    paint,
)

TRANSLATION_BASENAME = "tracing_desk"
LANGUAGES = ("fr", "en")

MISSING_INTRO = QT_TRANSLATE_NOOP(
    "print", "Les paramètres de l’établissement sont incomplets pour imprimer ce document :"
)
MISSING_HINT = QT_TRANSLATE_NOOP(
    "print",
    "Renseignez-les dans Tracing Desk (menu Impression › Établissement…), "
    "ou imprimez quand même : les informations manquantes seront signalées "
    "« à compléter » à la main.",
)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def edition_date(est: Establishment) -> date:
    """Today in the establishment's time zone (the date printed as "Édition du")."""
    return get_clock().now().astimezone(zone_info(est.timezone)).date()


def problems(est: Establishment) -> tuple[list[str], Logo | None]:
    """Translated list of what is missing or wrong, and the logo when it loads."""
    found = [_tr(context, label) for context, label in est.missing_with_context()]
    logo, logo_problem = load_logo(est.logo_path)
    if logo_problem:
        found.append(logo_problem)
    return found, logo


def problems_message(found: list[str]) -> str:
    """The French message that lists *found* (shown before printing, or by the CLI)."""
    lines = [_tr("print", MISSING_INTRO), *(f"  – {item}" for item in found)]
    lines.append(_tr("print", MISSING_HINT))
    return "\n".join(lines)


def write_pdf(
    path: Path,
    kind: DocumentKind,
    est: Establishment,
    *,
    paper: PaperFormat = PaperFormat.A4,
    logo: Logo | None = None,
    edition: date | None = None,
) -> None:
    """Write *kind* to *path* through ``app.files.AtomicFile``.

    The PDF is drawn in memory, then written to a new file beside *path* under
    a random name (``O_EXCL``/``O_NOFOLLOW``, mode 0600) and renamed into
    place: a link or someone else's file planted at *path* is replaced, never
    written through; Qt never opens a path by name.
    """
    path = Path(path)
    cannot_write = _tr(
        "print", QT_TRANSLATE_NOOP("print", "Impossible d’écrire « {path} ».")
    ).replace("{path}", str(path))
    try:  # a missing folder or a read-only place: said plainly, before drawing
        with AtomicFile(path, role="poster") as out:
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            writer = QPdfWriter(buffer)
            writer.setPageLayout(page_layout(kind, paper))
            writer.setResolution(600)
            writer.setCreator("Tracing Desk")
            poster = QT_TRANSLATE_NOOP("print", "Affiche d’information sur la covid-19")
            notice = QT_TRANSLATE_NOOP("print", "Notice d’information sur la covid-19")
            writer.setTitle(_tr("print", poster if kind is DocumentKind.POSTER else notice))
            paint(writer, kind, est, edition or edition_date(est), logo=logo)
            del writer  # ends the PDF in the buffer
            out.file.write(bytes(buffer.data().data()))
            buffer.close()
    except (RenderError, OSError):
        raise RenderError(cannot_write) from None


# ------------------------------------------------------------ Qt environment


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new ``QGuiApplication`` (offscreen without a display)."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "tracing-desk"])


def translation_file(lang: str) -> Path:
    return paths.translations_dir() / f"{TRANSLATION_BASENAME}_{lang}.qm"


@contextmanager
def translation(lang: str) -> Iterator[bool]:
    """Install the program's translation for *lang* for the duration of the block.

    French is the source language: nothing to load. Yields whether the wanted
    language is available (``False``: the documents come out in French).
    """
    if lang == "fr":
        yield True
        return
    app = QCoreApplication.instance()
    translator = QTranslator()
    qm = translation_file(lang)
    loaded = app is not None and qm.exists() and translator.load(str(qm))
    if loaded and app is not None:
        app.installTranslator(translator)
    try:
        yield bool(loaded)
    finally:
        if loaded and app is not None:
            app.removeTranslator(translator)

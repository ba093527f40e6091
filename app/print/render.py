"""Laying out and painting the poster and the notice.

Both documents are HTML laid out by ``QTextDocument`` in *design units*: one
unit is one typographic point on an A4 sheet (the poster) or an A5 half-sheet
(the notice). CSS sizes are given in ``px`` so that they mean design units
whatever the screen's resolution; the painter then scales design units to the
device (a ``QPdfWriter`` or a ``QPrinter``). An A3 poster is the A4 design
scaled by √2, as a photocopier would enlarge it: same layout, larger type.

Every establishment field goes through :func:`html.escape` before it enters
the HTML, so ``<b>``, ``&`` and quotes print literally. Long words wrap
anywhere rather than overflow; a document taller than its page is laid out
again with smaller type (down to :data:`MIN_SCALE`) and, past that, shrunk
to fit.

Needs a ``QGuiApplication`` (fonts).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
    QTextOption,
)

from app.core.i18n import QT_TRANSLATE_NOOP
from app.print import content as C
from app.print.establishment import Establishment
from app.print.kinds import DocumentKind as DocumentKind  # named here too
from app.print.kinds import PaperFormat as PaperFormat

NAVY = "#12355b"  # 12.6:1 on white; white on it likewise
INK = "#1b1b1b"
WHITE = "#ffffff"
MUTED = "#3d3d3d"  # 10.6:1 on white
TINT = "#e6edf5"
WARN_BG = "#fff0b3"
WARN_BORDER = "#a34700"
WARN_INK = "#4a1a00"  # 13:1 on WARN_BG

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
LOGO_URL = QUrl("tracing-desk-logo:logo")
MAX_SCALE = 1.4
MIN_SCALE = 0.6
SCALE_STEP = 0.02
LAYOUT_UNITS = 10.0

A4_W, A4_H = 595.276, 841.89  # points
A5_W, A5_H = A4_H / 2, A4_W


_PAGE_IDS = {PaperFormat.A4: QPageSize.PageSizeId.A4, PaperFormat.A3: QPageSize.PageSizeId.A3}


class RenderError(RuntimeError):
    """The device could not be painted on (unwritable file, printer gone); French ``str()``."""


@dataclass(frozen=True, slots=True)
class Logo:
    image: QImage

    def size_within(self, max_w: float, max_h: float) -> tuple[float, float]:
        w, h = self.image.width(), self.image.height()
        ratio = min(max_w / w, max_h / h)
        return w * ratio, h * ratio


LOGO_UNREADABLE = QT_TRANSLATE_NOOP("print", "Le logo « {path} » ne peut pas être lu.")


def load_logo(path: str) -> tuple[Logo | None, str]:
    """The establishment's logo, or ``(None, French problem)``; ``(None, "")`` when unset."""
    if not path:
        return None, ""
    reader = QImageReader(path)
    if reader.canRead() and reader.format() in (b"svg", b"svgz"):
        # Vector logos are rasterised large enough for print.
        size = reader.size()
        if size.isValid() and size.height() > 0:
            reader.setScaledSize(size * (600 / size.height()))
        else:
            reader.setScaledSize(QSize(600, 600))
    image = reader.read()
    if image.isNull():
        message = QCoreApplication.translate("print", LOGO_UNREADABLE).format(path=Path(path).name)
        return None, message
    return Logo(image), ""


_NBSP_BEFORE = (" :", " ;", " ?", " !", " »")  # typography: ignore (what _tr replaces)


def _tr(context: str, text: str) -> str:
    """Translated, with French non-breaking spaces so that no line starts with ":" or "»"."""
    out = QCoreApplication.translate(context, text)
    for mark in _NBSP_BEFORE:
        out = out.replace(mark, "\u00a0" + mark[1:])
    return out.replace("« ", "« ").replace("n° ", "n°\u00a0").replace("N° ", "N°\u00a0")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def format_date(day: date) -> str:
    """jj/mm/aaaa."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# ---------------------------------------------------------------------- HTML


def _establishment_rows(est: Establishment) -> tuple[str, str, str]:
    """(name, FINESS line, contact lines), escaped; a missing item reads "à compléter".

    Printing with missing items happens only after the user was told (the CLI's
    ``--allow-incomplete``, the UI's "Imprimer quand même"): the blank is then
    labelled, to be filled in by hand, never an empty box.
    """
    todo = (
        f'<span style="color:{MUTED}; font-style:italic;">'
        + _e(_tr("print", C.TO_COMPLETE))
        + " : ……………………</span>"
    )
    name = _e(est.name) if est.name else todo
    finess = _e(_tr("print", C.FINESS_LINE)).replace(
        "{finess}", _e(est.finess) if est.finess else todo
    )
    who = _e(est.contact_name) if est.contact_name else todo
    means = " · ".join(f"<b>{_e(m)}</b>" for m in (est.phone_display, est.contact_email) if m)
    contact = _e(_tr("print", C.CONTACT_LINE)).replace("{contact}", who)
    contact += "<br>" + (means or todo)
    return name, finess, contact


def _par(
    markup: str,
    size: float,
    *,
    top: float = 0.0,
    color: str = INK,
    bold: bool = False,
    italic: bool = False,
    leading: int = 104,
) -> str:
    """One paragraph of *markup* (our own strings, or escaped establishment fields)."""
    style = [
        f"font-size:{size:.1f}px",
        f"color:{color}",
        f"margin-top:{top:.1f}px",
        "margin-bottom:0px",
        f"line-height:{leading}%",
    ]
    if bold:
        style.append("font-weight:bold")
    if italic:
        style.append("font-style:italic")
    return f'<p style="{"; ".join(style)};">{markup}</p>'


def _box(
    cells: str,
    pad: float,
    *,
    top: float = 0.0,
    background: str = "",
    border: str = "",
    border_width: float = 0.0,
) -> str:
    """A full-width one-row table around *cells* (``<td>…</td>``): bands and framed boxes."""
    style = [f"margin-top:{top:.1f}px"]
    if background:
        style.append(f"background-color:{background}")
    if border:
        style += [f"border:{border_width:.1f}px solid {border}", "border-collapse:collapse"]
    return (
        f'<table width="100%" cellspacing="0" cellpadding="{pad:.0f}"'
        f' style="{"; ".join(style)};"><tr>{cells}</tr></table>'
    )


def _paragraphs(section: C.Section, size: float, *, color: str = INK, first: float = 0) -> str:
    return "".join(
        _par(_tr(section.context, text), size, top=first if i == 0 else size * 0.45, color=color)
        for i, text in enumerate(section.paragraphs)
    )


def _logo_cell(logo: Logo | None, max_w: float, max_h: float, gap: float) -> str:
    if logo is None:
        return ""
    w, h = logo.size_within(max_w, max_h)
    return (
        f'<td valign="middle" width="{w + gap:.0f}">'
        f'<img src="{LOGO_URL.toString()}" width="{w:.0f}" height="{h:.0f}"></td>'
    )


def _edition(edition: date) -> str:
    return _e(_tr("print", C.EDITION_LINE)).replace("{date}", format_date(edition))


def _establishment_block(
    est: Establishment, logo: Logo | None, s: float, *, sizes: tuple[float, float, float]
) -> str:
    """The framed establishment block; *sizes* = (label, name, lines) at scale 1."""
    label, name_size, line = (size * s for size in sizes)
    name, finess, contact = _establishment_rows(est)
    text = (
        _par(_e(_tr("print", C.BLOCK_TITLE)).upper(), label, color=NAVY, bold=True)
        + _par(name, name_size, top=2 * s, bold=True)
        + _par(finess, line, top=3 * s)
        + _par(contact, line, top=2 * s)
    )
    cells = _logo_cell(logo, 6.5 * name_size, 3.5 * name_size, 12 * s)
    return _box(
        f'{cells}<td valign="middle">{text}</td>',
        8 * s,
        top=8 * s,
        border=NAVY,
        border_width=2 * s,
    )


def _warning_box(sec: C.Section, title: float, body: float, s: float, *, top: float) -> str:
    inner = _par("⚠ " + _tr(sec.context, sec.title), title, color=WARN_INK, bold=True, leading=100)
    inner += _paragraphs(sec, body, color=WARN_INK, first=3 * s)
    return _box(
        f"<td>{inner}</td>",
        9 * s,
        top=top,
        background=WARN_BG,
        border=WARN_BORDER,
        border_width=2.5 * s,
    )


def poster_html(
    est: Establishment, edition: date, *, scale: float = 1.0, logo: Logo | None = None
) -> str:
    """The poster's HTML in A4 design units; *scale* multiplies every type size."""
    s = scale
    body, h2, gap = 14 * s, 19 * s, 10 * s

    def section(sec: C.Section) -> str:
        if sec is C.POSTER_RETENTION:
            title, big, text = (_tr(sec.context, t) for t in (sec.title, *sec.paragraphs))
            inner = (
                _par(title, h2, color=NAVY, bold=True, leading=100)
                + _par(big, 34 * s, top=2 * s, color=NAVY, bold=True, leading=105)
                + _par(text, body, top=4 * s)
            )
            return _box(f"<td>{inner}</td>", 10 * s, top=gap, background=TINT)
        return _par(
            _tr(sec.context, sec.title), h2, top=gap, color=NAVY, bold=True, leading=100
        ) + _paragraphs(sec, body, first=3 * s)

    columns = "".join(
        f'<td valign="top" width="50%" style="padding:0px {9 * s:.1f}px;">'
        + "".join(section(sec) for sec in column)
        + "</td>"
        for column in C.POSTER_COLUMNS
    )
    header = (
        _par(_e(_tr("poster", C.POSTER_KICKER)), 13 * s, color=WHITE)
        + _par(_e(_tr("poster", C.POSTER_TITLE)), 38 * s, top=2 * s, color=WHITE, bold=True)
        + _par(_e(_tr("poster", C.POSTER_SUBTITLE)), 21 * s, top=3 * s, color=WHITE)
    )
    footer = f"<b>{_edition(edition)}</b> · {_e(_tr('poster', C.POSTER_REFERENCES))}"
    return (
        f'<html><body style="color:{INK};">'
        + _box(f"<td>{header}</td>", 14 * s, background=NAVY)
        + _box(columns, 0, top=4 * s)
        + _warning_box(C.POSTER_SMS, h2 * 1.1, body * 1.05, s, top=12 * s)
        + _establishment_block(est, logo, s, sizes=(11, 20, 14))
        + _par(footer, 9.5 * s, top=6 * s, color=MUTED)
        + "</body></html>"
    )


def notice_html(
    est: Establishment, edition: date, *, scale: float = 1.0, logo: Logo | None = None
) -> str:
    """One A5 notice in A5 design units (plain words; no personal data by construction)."""
    s = scale
    body, h3 = 12 * s, 13 * s
    sections = "".join(
        _par(_tr(sec.context, sec.title), h3, top=7 * s, color=NAVY, bold=True, leading=100)
        + _paragraphs(sec, body, first=1.5 * s)
        for sec in C.NOTICE_SECTIONS
    )
    title = _par(_e(_tr("notice", C.NOTICE_TITLE)), 18 * s, color=WHITE, bold=True)
    return (
        f'<html><body style="color:{INK};">'
        + _box(f"<td>{title}</td>", 9 * s, background=NAVY)
        + _par(_e(_tr("notice", C.NOTICE_INTRO)), body, top=6 * s, italic=True)
        + sections
        + _warning_box(C.NOTICE_SMS, h3, body, s, top=9 * s)
        + _establishment_block(est, logo, s, sizes=(8.5, 12, 9.5))
        + _par(_edition(edition), 8 * s, top=5 * s, color=MUTED)
        + "</body></html>"
    )


# ------------------------------------------------------------------ layout


def _document(markup: str, width: float, logo: Logo | None) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setPixelSize(30)  # the empty blocks Qt adds after tables: keep them thin
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    if logo is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, LOGO_URL, logo.image)
    doc.setHtml(markup)
    doc.setTextWidth(width)
    return doc


@dataclass(frozen=True, slots=True)
class Layout:
    """One laid-out document and the box it must fit.

    The document is laid out in :data:`LAYOUT_UNITS` per design unit: Qt rounds
    pixel font sizes to integers, so laying out ten times larger keeps type
    sizes (and the fit) proportional to the scale.
    """

    doc: QTextDocument
    width: float  # design units
    height: float
    scale: float

    @property
    def content_height(self) -> float:
        return self.doc.size().height() / LAYOUT_UNITS

    @property
    def fits(self) -> bool:
        return self.content_height <= self.height + 0.05


def fitted(
    kind: DocumentKind,
    est: Establishment,
    edition: date,
    *,
    logo: Logo | None = None,
) -> Layout:
    """Lay *kind* out with the largest type (MAX_SCALE down to MIN_SCALE) that fits its page.

    The designs are drawn at scale 1; a short establishment block leaves room
    for larger type (better from two metres), a long one gets smaller type.
    """
    if kind is DocumentKind.POSTER:
        margin = 28.0
        box_w, box_h = A4_W - 2 * margin, A4_H - 2 * margin
        build = poster_html
    else:
        margin = 22.0
        box_w, box_h = A5_W - 2 * margin, A5_H - 2 * margin
        build = notice_html
    layout: Layout | None = None
    steps = round((MAX_SCALE - MIN_SCALE) / SCALE_STEP) + 1
    for i in range(steps):
        scale = MAX_SCALE - SCALE_STEP * i
        markup = build(est, edition, scale=scale * LAYOUT_UNITS, logo=logo)
        layout = Layout(_document(markup, box_w * LAYOUT_UNITS, logo), box_w, box_h, scale)
        if layout.fits:
            break
    assert layout is not None
    return layout


# ------------------------------------------------------------------ painting


def page_layout(kind: DocumentKind, paper: PaperFormat = PaperFormat.A4) -> QPageLayout:
    """The page of *kind*: poster portrait A4/A3; notice landscape A4 (two A5 halves)."""
    if kind is DocumentKind.NOTICE:
        size, orientation = QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape
    else:
        size, orientation = QPageSize(_PAGE_IDS[paper]), QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def _draw(painter: QPainter, layout: Layout, origin: QPointF, margin: float) -> None:
    painter.save()
    painter.translate(origin.x() + margin, origin.y() + margin)
    height = layout.content_height
    if height > layout.height:  # still too tall at MIN_SCALE: shrink the whole block
        factor = layout.height / height
        painter.translate((layout.width - layout.width * factor) / 2, 0)
        painter.scale(factor, factor)
    painter.scale(1 / LAYOUT_UNITS, 1 / LAYOUT_UNITS)
    layout.doc.drawContents(
        painter,
        QRectF(0, 0, layout.width * LAYOUT_UNITS, max(height, layout.height) * LAYOUT_UNITS),
    )
    painter.restore()


def paint(
    device: QPagedPaintDevice,
    kind: DocumentKind,
    est: Establishment,
    edition: date,
    *,
    logo: Logo | None = None,
) -> None:
    """Paint *kind* on *device*, whose page layout is already :func:`page_layout`."""
    layout = fitted(kind, est, edition, logo=logo)
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError(
            _tr("print", QT_TRANSLATE_NOOP("print", "Impossible d’écrire le document."))
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if kind is DocumentKind.POSTER:
            design_w, design_h = A4_W, A4_H
        else:
            design_w, design_h = 2 * A5_W, A5_H
        factor = min(device.width() / design_w, device.height() / design_h)
        painter.scale(factor, factor)
        if kind is DocumentKind.POSTER:
            _draw(painter, layout, QPointF(0, 0), 28.0)
        else:
            for half in range(2):
                _draw(painter, layout, QPointF(half * A5_W, 0), 22.0)
            _cut_line(painter)
    finally:
        painter.end()


def _cut_line(painter: QPainter) -> None:
    """A light dashed line between the two A5 halves, with scissors, for the cutter."""
    painter.save()
    pen = QPen(QColor("#8a8a8a"))
    pen.setWidthF(0.6)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(A5_W, 14), QPointF(A5_W, A5_H - 6))
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(10)
    painter.setFont(font)
    painter.drawText(QRectF(A5_W - 8, 0, 16, 14), Qt.AlignmentFlag.AlignCenter, "✂")
    painter.restore()

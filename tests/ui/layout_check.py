"""A layout checker for widget trees: squeezed inputs, clipped texts, overlapping siblings.

``layout_problems(root)`` walks every *visible* widget under *root* (a shown
window) and reports:

* ``squeezed``: an input (line edit, combo box, spin/date box, button, check
  box, text editor, slider) smaller than its minimum size hint, or less tall
  than its size hint (a 2 px line edit, a button cut in half);
* ``clipped``: a label whose text does not fit its contents rectangle. What the
  text needs is measured with the label's font metrics (not the label's own
  size hint, which a subclass could change): the width of its longest line
  when it does not wrap, or, when it wraps, the height of the text laid out
  in the label's width (``heightForWidth`` for rich text). A label that shows
  an elided text (ends with « … ») while its full text (``full_text`` or the
  tooltip) is longer is reported too. Tabs whose text is cut are reported
  likewise, as are accents above capitals when a tab is shorter than the font;
* ``outside``: a widget that spills out of its parent (the parent is too
  small: what spills over is cut);
* ``overlap``: two visible sibling widgets that cover each other.

Scroll areas are checked by their content widget's layout, never by what the
viewport happens to show: content below the fold is scrolled to, not clipped.
The internals of item views, text editors, spin and combo boxes belong to Qt
and are not walked. A widget meant to cover its siblings (the lock screen over
the window's content) says so with the dynamic property ``layout_overlay``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QRubberBand,
    QScrollArea,
    QScrollBar,
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOptionTab,
    QTabBar,
    QTextEdit,
    QWidget,
)

TOLERANCE = 1  # pixels: rounding at fractional scale factors
OVERLAY_PROPERTY = "layout_overlay"
_INPUTS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
)
# Widgets whose children are Qt's own machinery (viewport, editor, popup...).
_OPAQUE = (QAbstractSpinBox, QComboBox, QCalendarWidget, QAbstractScrollArea)


@dataclass(frozen=True)
class Problem:
    kind: str  # squeezed, clipped, outside, overlap
    where: str  # the widget, described
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


def settle(widget: QWidget) -> None:
    """Let pending layout requests and resizes run before measuring.

    Events are processed first and the layouts last: an answer from another
    thread delivered by the last ``processEvents`` (the sync's status changing
    a label) must be laid out before the widgets are measured.
    """
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LayoutRequest))
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LayoutRequest))


def describe(widget: QWidget) -> str:
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(f"#{widget.objectName()}")
    text = _text_of(widget)
    if text:
        parts.append(repr(text[:50]))
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        if parent.objectName():
            chain.append(f"#{parent.objectName()}")
        parent = parent.parentWidget()
    if chain:
        parts.append("in " + " ".join(reversed(chain)))
    return " ".join(parts)


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return str(widget.text())
    return ""


def layout_problems(root: QWidget) -> list[Problem]:
    """Every problem under the shown widget *root* (see the module's docstring)."""
    settle(root)
    problems: list[Problem] = []
    _check_one(root, problems)
    _walk(root, problems)
    return problems


def _visible_children(widget: QWidget) -> list[QWidget]:
    out = []
    for child in widget.children():
        if not isinstance(child, QWidget) or child.isWindow() or not child.isVisible():
            continue
        if isinstance(child, QRubberBand):
            continue
        if child.width() <= 0 and child.height() <= 0:
            continue
        out.append(child)
    return out


def _walk(widget: QWidget, problems: list[Problem]) -> None:
    if isinstance(widget, QScrollArea):
        content = widget.widget()
        if content is not None and content.isVisible():
            _check_content(content, problems)
            _walk(content, problems)
        return
    if isinstance(widget, _OPAQUE):
        return
    children = _visible_children(widget)
    area = widget.rect()
    for child in children:
        _check_one(child, problems)
        if not _inside(child.geometry(), area) and not isinstance(widget, QMainWindow):
            problems.append(
                Problem(
                    "outside",
                    describe(child),
                    f"{_r(child.geometry())} spills out of its parent "
                    f"{describe(widget)} ({area.width()}×{area.height()})",
                )
            )
    _check_overlaps(children, problems)
    for child in children:
        _walk(child, problems)


def _check_content(content: QWidget, problems: list[Problem]) -> None:
    """A scroll area's content is as large as its layout needs (else it is cut)."""
    need = content.minimumSizeHint()
    layout = content.layout()
    if layout is not None and layout.hasHeightForWidth():
        need.setHeight(layout.totalHeightForWidth(content.width()))
    if content.height() + TOLERANCE < need.height() or content.width() + TOLERANCE < need.width():
        problems.append(
            Problem(
                "squeezed",
                describe(content),
                f"scrolled content {content.width()}×{content.height()} "
                f"smaller than its layout {need.width()}×{need.height()}",
            )
        )


def _inside(rect: QRect, area: QRect) -> bool:
    t = TOLERANCE
    return (
        rect.left() >= area.left() - t
        and rect.top() >= area.top() - t
        and rect.right() <= area.right() + t
        and rect.bottom() <= area.bottom() + t
    )


def _r(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"


def _check_overlaps(children: list[QWidget], problems: list[Problem]) -> None:
    candidates = [
        c
        for c in children
        if not c.property(OVERLAY_PROPERTY) and not isinstance(c, QSizeGrip | QScrollBar)
    ]
    for i, first in enumerate(candidates):
        for second in candidates[i + 1 :]:
            common = first.geometry().intersected(second.geometry())
            if common.width() > TOLERANCE and common.height() > TOLERANCE:
                problems.append(
                    Problem(
                        "overlap",
                        describe(first),
                        f"{_r(first.geometry())} overlaps {describe(second)} "
                        f"{_r(second.geometry())}",
                    )
                )


def _check_one(widget: QWidget, problems: list[Problem]) -> None:
    if isinstance(widget, _INPUTS):
        _check_input(widget, problems)
    if isinstance(widget, QLabel):
        _check_label(widget, problems)
    if isinstance(widget, QTabBar):
        _check_tabs(widget, problems)
    if isinstance(widget, QAbstractItemView):
        for header in (getattr(widget, "horizontalHeader", lambda: None)(),):
            if header is not None and header.isVisible():
                _check_header(header, problems)
    if isinstance(widget, QStatusBar):
        _check_status_message(widget, problems)


def _check_header(header: QHeaderView, problems: list[Problem]) -> None:
    """Column titles are not cut (« Autres patients zéro »)."""
    model = header.model()
    if model is None:
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        need = header.sectionSizeFromContents(section).width()
        if header.sectionSize(section) + TOLERANCE < need:
            problems.append(
                Problem(
                    "clipped",
                    f"column {section} {str(text)[:40]!r} of {describe(header.parentWidget())}",
                    f"{header.sectionSize(section)} px wide, its title needs {need}",
                )
            )


def _check_status_message(bar: QStatusBar, problems: list[Problem]) -> None:
    """A temporary message is drawn left of the permanent widgets: it must fit there."""
    message = bar.currentMessage()
    if not message:
        return
    right = bar.width() - 12
    for child in _visible_children(bar):
        if not isinstance(child, QSizeGrip):
            right = min(right, child.x())
    room = right - 6
    need = QFontMetrics(bar.font()).horizontalAdvance(message)
    if room + TOLERANCE < need:
        problems.append(
            Problem(
                "clipped",
                f"status message {message[:50]!r}",
                f"needs {need} px, has {room} before the permanent widgets",
            )
        )


def _check_input(widget: QWidget, problems: list[Problem]) -> None:
    minimum = widget.minimumSizeHint()
    hint = widget.sizeHint()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        # an editor scrolls its text: it needs room for a line, not for its hint
        line = widget.fontMetrics().lineSpacing() + 2 * widget.frameWidth()
        need_h = min(hint.height(), line + 4)
        need_w = minimum.width()
    elif isinstance(widget, QAbstractSlider):
        need_h, need_w = minimum.height(), minimum.width()
    else:
        need_h = max(minimum.height(), hint.height())
        need_w = minimum.width()
    if widget.height() + TOLERANCE < need_h or widget.width() + TOLERANCE < need_w:
        problems.append(
            Problem(
                "squeezed",
                describe(widget),
                f"{widget.width()}×{widget.height()} < needed {need_w}×{need_h}",
            )
        )


def _check_label(label: QLabel, problems: list[Problem]) -> None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return
    rect = label.contentsRect()
    margin = label.margin()
    indent = max(label.indent(), 0)
    width = rect.width() - 2 * margin - indent
    height = rect.height() - 2 * margin
    metrics = QFontMetrics(label.font())
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(max(width, 1))
            need_w = min(int(doc.idealWidth() + 0.999), width)
        else:
            need_w = int(doc.idealWidth() + 0.999)
        need_h = int(doc.size().height() + 0.999)
        # QLabel's own rich text layout is the reference when it asks for less
        if label.wordWrap():
            need_h = min(need_h, label.heightForWidth(label.width()) - 2 * margin)
    else:
        plain = text.replace("&&", "\0")
        if label.buddy() is not None:  # « &Nom : » shows « Nom : » (underlined N)
            plain = plain.replace("&", "")
        plain = plain.replace("\0", "&")
        flags = int(Qt.TextFlag.TextExpandTabs)
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
            bounds = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), flags, plain)
            need_w = min(bounds.width(), width) if width > 0 else bounds.width()
            # one word longer than the label is cut whatever the wrapping
            longest = max((metrics.horizontalAdvance(w) for w in plain.split()), default=0)
            need_w = max(need_w, longest)
        else:
            bounds = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, plain)
            need_w = bounds.width()
        need_h = bounds.height()
    if width + TOLERANCE < need_w or height + TOLERANCE < need_h:
        problems.append(
            Problem(
                "clipped",
                describe(label),
                f"text needs {need_w}×{need_h}, has {max(width, 0)}×{max(height, 0)}",
            )
        )
        return
    full = getattr(label, "full_text", None) or label.toolTip()
    shown = text.rstrip()
    elided = shown.endswith("…") and isinstance(full, str) and len(full) > len(shown)
    if elided and full.startswith(shown[:-1]):
        problems.append(Problem("clipped", describe(label), f"elided: {shown!r} of {full[:60]!r}"))


def _check_tabs(bar: QTabBar, problems: list[Problem]) -> None:
    metrics = QFontMetrics(bar.font())
    # accents above capitals reach higher than the ascent of unaccented letters
    tall = max(metrics.boundingRect("ÉÈÀÂÎÔÛ").height(), metrics.height())
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        rect = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        need_w = metrics.horizontalAdvance(text)
        where = f"tab {index} {text[:40]!r} of {describe(bar)}"
        if option.text != text and option.text.endswith("…"):
            problems.append(Problem("clipped", where, f"elided to {option.text!r}"))
        elif rect.width() + TOLERANCE < need_w:
            problems.append(
                Problem("clipped", where, f"text needs {need_w} px, has {rect.width()}")
            )
        if bar.tabRect(index).height() + TOLERANCE < tall:
            problems.append(
                Problem(
                    "clipped",
                    where,
                    f"tab {bar.tabRect(index).height()} px high, text needs {tall}",
                )
            )
        # The style clips the title to its text rectangle (shorter for an inactive
        # tab in Fusion): the glyphs, centred on their line, must stay inside it.
        line_top = rect.top() + (rect.height() - metrics.height()) // 2
        glyphs = metrics.tightBoundingRect(text).translated(0, line_top + metrics.ascent())
        cut = max(rect.top() - glyphs.top(), glyphs.bottom() - rect.bottom())
        if text and cut > TOLERANCE:
            problems.append(
                Problem("clipped", where, f"{cut} px of its glyphs cut (accents on capitals)")
            )

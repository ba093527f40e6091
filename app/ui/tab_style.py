"""Tabs whose titles keep the accents of their capitals (« Établissement », « Échéances »).

Qt's Fusion style draws an inactive tab's title in a text rectangle two pixels
shorter than the active one's, and clips the text to it: the accent of a
capital É, which rises above the font's ascent, is cut off. :func:`keep_accents`
gives a tab bar a proxy style whose text rectangle is always as tall as the
title's glyphs need.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionTab, QTabBar, QWidget


class _TabTextStyle(QProxyStyle):
    def subElementRect(
        self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None
    ) -> QRect:
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if (
            element == QStyle.SubElement.SE_TabBarTabText
            and isinstance(option, QStyleOptionTab)
            and widget is not None
        ):
            metrics = widget.fontMetrics()
            need = max(metrics.boundingRect(option.text).height(), metrics.height())
            missing = need - rect.height()
            if missing > 0:
                rect.adjust(0, -((missing + 1) // 2), 0, missing // 2)
        return rect


def keep_accents(bar: QTabBar) -> None:
    """Draw *bar*'s titles in rectangles tall enough for accented capitals."""
    style = _TabTextStyle()
    style.setParent(bar)  # lives as long as the bar
    bar.setStyle(style)

"""The demonstration mode's banner: « Mode démonstration — données fictives », always shown.

A station put into demonstration mode by the first-run wizard holds only
fictitious fiches; the banner (a toolbar that cannot be moved, hidden or
closed) and the window title say so on every screen, screenshots included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar


def install_banner(
    window: QMainWindow, name: str, text: str, *, background: str, foreground: str
) -> QToolBar:
    """A banner on top of *window* (once, by object *name*): a toolbar that cannot be
    moved, hidden or closed, holding *text* (already translated) in bold."""
    existing = window.findChild(QToolBar, name)
    if isinstance(existing, QToolBar):
        return existing
    bar = QToolBar(window)
    bar.setObjectName(name)
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not in the window's context menu
    bar.setStyleSheet(f"QToolBar {{ background: {background}; border: none; padding: 2px; }}")
    label = QLabel(text, bar)
    label.setObjectName(f"{name}_text")
    label.setStyleSheet(f"color: {foreground}; font-weight: bold;")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.show()  # the window may be on screen already
    return bar


def install_demo_banner(window: QMainWindow) -> QToolBar:
    """Add the banner on top of *window* (once) and mark its title."""
    bar = install_banner(
        window,
        "demo_banner",
        QCoreApplication.translate(
            "DemoBanner",
            "Mode démonstration — données fictives. Ne saisissez pas de données réelles sur "
            "ce poste.",
        ),
        background="#f6c343",
        foreground="#3b2a00",
    )
    title = window.windowTitle()
    suffix = QCoreApplication.translate("DemoBanner", " — DÉMONSTRATION")
    if not title.endswith(suffix):
        window.setWindowTitle(title + suffix)
    return bar

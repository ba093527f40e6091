"""The demonstration mode's banner: « Mode démonstration — données fictives », always shown.

A station put into demonstration mode by the first-run wizard holds only
fictitious fiches; the banner (a toolbar that cannot be moved, hidden or
closed) and the window title say so on every screen, screenshots included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar


def install_demo_banner(window: QMainWindow) -> QToolBar:
    """Add the banner on top of *window* (once) and mark its title."""
    existing = window.findChild(QToolBar, "demo_banner")
    if isinstance(existing, QToolBar):
        return existing
    bar = QToolBar(window)
    bar.setObjectName("demo_banner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not in the window's context menu
    bar.setStyleSheet("QToolBar { background: #f6c343; border: none; padding: 2px; }")
    label = QLabel(
        QCoreApplication.translate(
            "DemoBanner",
            "Mode démonstration — données fictives. Ne saisissez pas de données réelles sur "
            "ce poste.",
        ),
        bar,
    )
    label.setObjectName("demo_banner_text")
    label.setStyleSheet("color: #3b2a00; font-weight: bold;")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.show()  # the window may be on screen already
    title = window.windowTitle()
    suffix = QCoreApplication.translate("DemoBanner", " — DÉMONSTRATION")
    if not title.endswith(suffix):
        window.setWindowTitle(title + suffix)
    return bar

"""Fixtures of the form tests: a store, its database thread and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.db.store import init_store, open_store
from app.ui.application import install_translators
from app.ui.main_window import MainWindow

USER = "infirmiere.test"


@pytest.fixture(autouse=True)
def french(qapp: object) -> Iterator[None]:
    """The French translators, as the program installs them (plural forms included)."""
    install_translators("fr")
    yield
    install_translators("fr")


@pytest.fixture
def store(data_dir: Path, fake_clock) -> Path:
    init_store(data_dir)
    return data_dir


@pytest.fixture
def repo(store: Path) -> Iterator[FicheRepository]:
    """A repository on its own connection (fill the store before the window reads it)."""
    db: Database = open_store(store)
    yield FicheRepository(db, USER)
    db.close()


@pytest.fixture
def window(qtbot, store, open_thread) -> Iterator[MainWindow]:
    w = MainWindow(open_thread, store, USER)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=5_000)
    w.refresh()
    yield w
    for form in w.workspace.forms():
        form._autosave_timer.stop()  # no job after the thread stops


def texts_of(root: QWidget) -> list[str]:
    """Every piece of text a widget tree shows or announces."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QTabWidget,
    )

    out: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        out += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.whatsThis()]
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLabel) and hasattr(w, "full_text"):
            out.append(w.full_text)
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        if isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableWidget):
            out += [
                w.item(r, c).text()
                for r in range(w.rowCount())
                for c in range(w.columnCount())
                if w.item(r, c) is not None
            ]
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
    return [t for t in out if t]

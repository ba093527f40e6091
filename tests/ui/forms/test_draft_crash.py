"""A draft survives ``kill -9`` of the application process and reopens at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from memkeyring import FileTestKeyring
from PySide6.QtWidgets import QLineEdit

from app.db.store import init_store, open_store
from app.ui.forms.patient_zero import PatientZeroForm
from app.ui.main_window import MainWindow
from tests.ui.forms.draft_child import NAME, NIR

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("TRACING_DESK_TEST_KEYRING", str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileTestKeyring())
    yield path
    keyring.set_keyring(previous)


def test_draft_survives_kill_9(qtbot, data_dir, file_keyring, db_thread):
    init_store(data_dir)
    env = dict(os.environ)
    env.update(
        PYTHON_KEYRING_BACKEND="memkeyring.FileTestKeyring",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests" / "support")]),
        QT_QPA_PLATFORM="offscreen",
        TRACING_DESK_DATA_DIR=str(data_dir),
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.forms.draft_child", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the first draft is in the database
        assert line.strip() == "DRAFT-SAVED"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    assert child.returncode == -signal.SIGKILL

    ticket = db_thread.open(lambda: (open_store(data_dir), None))
    with qtbot.waitSignal(ticket.finished, timeout=10_000):
        pass
    window = MainWindow(db_thread, data_dir, "infirmiere.test")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: isinstance(window.workspace.current_form(), PatientZeroForm), timeout=10_000
    )
    form = window.workspace.current_form()
    assert form.findChild(QLineEdit, "nom_naissance").text() == NAME
    assert form.findChild(QLineEdit, "nir").text() == NIR  # the invalid text is kept too
    assert form.banner.note.isVisible() and "Saisie non enregistrée du" in form.banner.note.text()
    assert form.fiche.version == 0 and form.has_unsaved()
    nir_message = next(b for b in form.bindings if b.path == "nir").message
    assert nir_message.text().startswith("NIR incohérent")
    form._autosave_timer.stop()

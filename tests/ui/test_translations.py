"""The translation files: the committed ``.qm`` are exactly what the ``.ts`` sources build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import paths

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_committed_qm_is_current(tmp_path: Path, language: str) -> None:
    source = paths.translations_dir() / f"tracing_desk_{language}.ts"
    built = tmp_path / f"tracing_desk_{language}.qm"
    run = subprocess.run(
        [str(LRELEASE), str(source), "-qm", str(built)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    committed = source.with_suffix(".qm")
    assert built.read_bytes() == committed.read_bytes(), (
        f"{committed.name} is out of date: run tools/i18n.sh --release and commit it"
    )


def test_no_translation_left_in_the_old_folder() -> None:
    assert not (paths.resources_dir() / "i18n").exists()
    assert sorted(p.name for p in paths.translations_dir().glob("*.ts")) == [
        "tracing_desk_en.ts",
        "tracing_desk_fr.ts",
    ]


def test_lang_option_of_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import launcher
    from app.ui.application import ENV_LANG, choose_language

    monkeypatch.delenv(ENV_LANG, raising=False)
    args = launcher.build_parser().parse_args(["--lang", "en"])
    launcher._gui_language(args)
    assert choose_language() == "en"
    launcher._gui_language(launcher.build_parser().parse_args(["--lang", "fr"]))
    assert choose_language() == "fr"
    with pytest.raises(SystemExit):
        launcher.build_parser().parse_args(["--lang", "de"])


def test_qt_dialogs_speak_french(qapp: Any) -> None:
    """Qt's own texts (file dialog, standard buttons) are French, even those qtbase_fr lacks."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    from app.ui.application import install_translators

    installed = install_translators("fr")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert "&Chercher dans\u00a0:" in labels
        assert "Fichiers de &type\u00a0:" in labels
        assert not any("Look in" in t or "Files of" in t for t in labels)
        buttons = QMessageBox.StandardButton
        box = QMessageBox()
        box.setStandardButtons(buttons.Save | buttons.Cancel | buttons.Discard)
        assert box.button(buttons.Save).text() == "Enregistrer"
        assert box.button(buttons.Cancel).text() == "Annuler"
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Dossier"
        dialog.deleteLater()
        box.deleteLater()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)

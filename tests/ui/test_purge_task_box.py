"""The daily OS purge in the window: said when missing, registered on request, French failures."""

from __future__ import annotations

from pathlib import Path

from app.purge_task import Completed, Environment, System
from app.ui.first_run import FirstRunWizard
from app.ui.help import ADMIN_GUIDE, topic_for
from app.ui.purge_task_box import PurgeTaskBox


def _env(tmp_path: Path, answers: list[Completed], calls: list[list[str]]):
    def runner(argv):
        calls.append(list(argv))
        return answers.pop(0) if answers else Completed(0)

    def make() -> Environment:
        return Environment(
            system=System.LINUX,
            home=tmp_path,
            runner=runner,
            command=["/venv/bin/python", "-m", "app", "purge"],
            global_units=tmp_path / "etc",
            config_home=tmp_path / ".config",
        )

    return make


def test_missing_task_is_said_and_registered(qtbot, tmp_path: Path):
    calls: list[list[str]] = []
    box = PurgeTaskBox(environment=_env(tmp_path, [], calls))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: box.status is not None, timeout=5_000)
    assert not box.status.registered
    assert "ne sont supprimées que lorsque le programme est ouvert" in box.label.text()
    assert box.register_button.isVisible()
    assert not box.register_button.autoDefault()  # Entrée never registers by surprise

    with qtbot.waitSignal(box.registered, timeout=5_000) as done:
        box.register_button.click()
    assert "Purge quotidienne enregistrée" in done.args[0]
    assert calls[-1] == ["systemctl", "--user", "enable", "--now", "tracing-desk-purge.timer"]
    assert (tmp_path / ".config/systemd/user/tracing-desk-purge.timer").is_file()


def test_failure_is_explained_in_french(qtbot, tmp_path: Path):
    calls: list[list[str]] = []
    answers = [Completed(0), Completed(1, "", "Failed to connect to bus: No medium found")]
    box = PurgeTaskBox(environment=_env(tmp_path, answers, calls))
    qtbot.addWidget(box)
    qtbot.waitUntil(lambda: box.status is not None, timeout=5_000)
    with qtbot.waitSignal(box.failed, timeout=5_000):
        box.register()
    assert box.result.text().startswith("systemd n’a pas pu activer le minuteur")
    assert box.register_button.isEnabled()


def test_wizard_summary_promises_only_what_is_true(qtbot):
    wizard = FirstRunWizard("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789")
    qtbot.addWidget(wizard)
    page = wizard.summary
    qtbot.waitUntil(lambda: page.purge_task.status is not None, timeout=5_000)
    text = page.summary.text()
    if page.purge_task.status.registered:
        assert "même si le programme n’est pas ouvert" in text
    else:
        assert "même si le programme n’est pas ouvert" not in text
        assert "seulement si la purge quotidienne du système est enregistrée" in text
    # F1 on a wizard page: the administrator's guide at that step.
    assert topic_for(wizard.recovery.confirm) == (
        ADMIN_GUIDE,
        "clé-de-chiffrement-trousseau-et-code-de-récupération",
    )

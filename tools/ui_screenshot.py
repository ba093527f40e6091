"""Save a picture of the main window filled with demo data (for docs/main-window.png).

    .venv/bin/python tools/ui_screenshot.py docs/main-window.png [--count 2000] [--lang fr]

Runs in a temporary data directory with an in-memory keyring: it never touches
the real store. Uses the offscreen platform unless DISPLAY is set (xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--count", type=int, default=2000, help="patients zéro (with contacts)")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--search", default="")
    parser.add_argument("--due", action="store_true", help="tick « Supprimées dans les 7 jours »")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TRACING_DESK_LANG"] = args.lang

    import keyring
    from memkeyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.db.store import init_store, open_store
    from app.services.transfer import demo_data
    from app.ui.application import configure_application, install_translators
    from app.ui.main_window import MainWindow
    from app.workers.db_thread import DbThread

    data_dir = Path(tempfile.mkdtemp(prefix="tracing-desk-shot-")) / "data"
    init_store(data_dir)
    db = open_store(data_dir)
    try:
        demo_data(db, "demo", count=args.count, spread_days=88, seed=20261124)
    finally:
        db.close()

    qapp = QApplication([sys.argv[0]])
    configure_application(qapp)
    install_translators(args.lang)
    db_thread = DbThread()
    db_thread.start()
    opened = db_thread.open(lambda: (open_store(data_dir), None))
    window = MainWindow(db_thread, data_dir, "demo")
    window.resize(1280, 720)  # the smallest screen the program is made for

    def later(fn, ms: int = 50) -> None:
        QTimer.singleShot(ms, fn)

    def shoot() -> None:
        window.fiches.table.selectRow(2)
        qapp.processEvents()
        window.grab().save(str(args.output))
        print(f"saved {args.output}")
        qapp.quit()

    def when_summary() -> None:
        if window.summary_label.text() and window.fiches.model.is_loaded():
            if args.due and not window.fiches.due_filter.isChecked():
                window.fiches.due_filter.setChecked(True)
                later(when_summary)
                return
            if args.search and window.fiches.search.text() != args.search:
                window.fiches.search.setText(args.search)
                window.fiches.apply_query()
                later(when_summary)
                return
            later(shoot, 200)
        else:
            later(when_summary)

    opened.finished.connect(lambda _: (window.show(), window.refresh(), later(when_summary)))
    opened.failed.connect(lambda f: (print(f.message), qapp.exit(2)))
    code = qapp.exec()
    db_thread.shutdown()
    return code


if __name__ == "__main__":
    raise SystemExit(main())

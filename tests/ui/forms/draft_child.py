"""Child process of the kill -9 test: types into a new patient zéro form, then waits.

Prints ``DRAFT-SAVED`` each time the form's draft reaches the database, and
keeps running until the parent kills it (``kill -9``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit

from app.db.store import open_store
from app.ui.main_window import MainWindow
from app.workers.db_thread import DbThread
from tests.ui.helpers import type_text

NAME = "Brouillon-Éloïse"
NIR = "2 79 05 2A 004 123 08"  # wrong key: kept as typed


def main() -> int:
    data_dir = Path(sys.argv[1])
    qapp = QApplication([sys.argv[0]])
    db_thread = DbThread()
    db_thread.start()
    opened = db_thread.open(lambda: (open_store(data_dir), None))
    window = MainWindow(db_thread, data_dir, "infirmiere.test")

    def start(_info: object) -> None:
        window.show()
        form = window.workspace.new_patient_zero()
        form.draft_saved.connect(lambda: print("DRAFT-SAVED", flush=True))
        type_text(form.findChild(QLineEdit, "nom_naissance"), NAME)
        type_text(form.findChild(QLineEdit, "nir"), NIR)

    opened.finished.connect(start)
    opened.failed.connect(lambda f: (print(f.message, flush=True), qapp.exit(2)))
    return qapp.exec()


if __name__ == "__main__":
    raise SystemExit(main())

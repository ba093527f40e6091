"""A scripted session with marker identity values leaves none in logs, temp files or crash reports.

Creates, consults, edits, exports (référent), prints (the poster command),
syncs (to an unreachable service: the client's error paths log too), with an
exception injected in the middle of a save that escapes to the crash hook.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

import pytest

from app import logging_setup
from app.cli import main
from app.core.enums import JournalAction
from app.db.accounts import AccountStore
from app.db.repositories import FicheRepository
from app.db.store import open_store
from app.exports.service import export_excel, export_pseudonymised
from tests.support.accounts import (
    AGENT,
    AGENT_PASSWORD,
    REFERENT,
    REFERENT_PASSWORD,
    cheap_hasher,  # noqa: F401  (autouse fixture)
)
from tests.support.markers import MARKERS, marker_contact, marker_patient_zero


def _scan(folder: Path, skip: set[Path]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path not in skip:
            data = path.read_bytes()
            found += [f"{path.name}: {m}" for m in MARKERS if m.encode() in data]
    return found


def test_scripted_session_leaves_no_marker(
    qapp,  # the poster command would otherwise make a QGuiApplication for the whole run
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
) -> None:
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
    monkeypatch.setenv("TMPDIR", str(temp_dir))
    assert main(["init"]) == 0
    log_file = logging_setup.setup_logging(logging.DEBUG)
    restore = logging_setup.install_excepthook()
    exports = tmp_path / "exports"
    exports.mkdir()
    try:
        with open_store(data_dir) as db:
            AccountStore(db).create_first_referent(REFERENT, REFERENT_PASSWORD)
            from app.core.accounts import Role

            AccountStore(db, REFERENT).create(AGENT, AGENT_PASSWORD, Role.AGENT)
            session = AccountStore(db).authenticate(AGENT, AGENT_PASSWORD)
            repo = FicheRepository(db, session.login)
            pz = marker_patient_zero()
            repo.save(pz)  # create
            pz = repo.get(pz.uuid)  # consult
            pz.first_names += " Bis"
            repo.save(pz)  # edit
            contact = marker_contact(pz)
            # An exception in the middle of a save (after the fiche row is built).
            original = FicheRepository._columns

            def broken(self, fiche, instants, stamp):  # type: ignore[no-untyped-def]
                original(self, fiche, instants, stamp)
                raise ValueError(f"boom {fiche.birth_name} {fiche.phones}")

            monkeypatch.setattr(FicheRepository, "_columns", broken)
            with pytest.raises(ValueError) as err:
                repo.save(contact)
            # Reaches the crash hook as an uncaught exception would.
            sys.excepthook(err.type, err.value, err.tb)
            logging.getLogger("test").exception("save failed", exc_info=err.value)
            logging.getLogger("test").warning("value %s", pz.birth_name)  # masked
            monkeypatch.setattr(FicheRepository, "_columns", original)
            assert not repo.exists(contact.uuid)  # nothing half-written
            contact.version = 0  # save_many bumped it in memory before failing
            repo.save(contact)
            export_excel(db, REFERENT, exports / "t.xlsx")
            export_pseudonymised(db, REFERENT, exports / "p.csv")
            repo.record(JournalAction.PRINT, detail="affiche")
        assert main(["poster", "--out", str(tmp_path / "affiche.pdf"), "--allow-incomplete"]) == 0
        main(["sync", "--server", "https://127.0.0.1:9"])  # unreachable: offline path
    finally:
        restore()
        logging_setup.shutdown_logging()
    capsys.readouterr()
    assert log_file is not None and log_file.exists() and log_file.stat().st_size > 0
    text = log_file.read_text(encoding="utf-8")
    assert "ValueError" in text and "[masqué]" in text  # the crash is there, without its text
    leaks = _scan(data_dir, skip={data_dir / "tracing.db", data_dir / "tracing.db-wal"})
    leaks += _scan(temp_dir, skip=set())
    assert leaks == []
    # The encrypted database holds them, of course, but not in clear.
    raw = (data_dir / "tracing.db").read_bytes()
    assert not any(m.encode() in raw for m in MARKERS)

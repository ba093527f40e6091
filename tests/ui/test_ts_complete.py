"""The committed ``.ts`` files hold every string the code asks Qt to translate.

``pyside6-lupdate`` reads ``app/`` into a temporary ``.ts`` exactly as
``tools/i18n.sh`` does; every (context, source, disambiguation) it finds must
be in the committed file, else the English window shows that text in French
(``tracing_desk_en.ts``) or a French plural is never chosen
(``tracing_desk_fr.ts``, plural forms only). Entries the code no longer uses
are not this test's business (``tools/i18n.sh`` drops them). The fix for a
failure is always the same: run ``sh tools/i18n.sh``, translate, commit.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest

from app import paths

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"

#: (context, source text, disambiguation comment)
Entry = tuple[str, str, str]

#: The committed file → the extra lupdate options ``tools/i18n.sh`` gives it.
FILES = {
    "tracing_desk_en.ts": ["-target-language", "en_GB"],
    "tracing_desk_fr.ts": ["-pluralonly", "-target-language", "fr_FR"],
}


def ts_entries(ts: Path) -> set[Entry]:
    """The live entries of a ``.ts`` file (obsolete and vanished ones left out)."""
    out: set[Entry] = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            out.add((name, message.findtext("source") or "", message.findtext("comment") or ""))
    return out


def code_entries(sources: Sequence[Path], options: Sequence[str], out: Path) -> set[Entry]:
    """What lupdate finds in *sources*, written to a fresh ``.ts`` at *out*."""
    run = subprocess.run(
        [
            str(LUPDATE),
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "fr_FR",
            *options,
            *(str(s) for s in sources),
            "-ts",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return ts_entries(out)


def missing_from(
    committed: Path, sources: Sequence[Path], options: Sequence[str], workdir: Path
) -> list[Entry]:
    """The strings of *sources* that *committed* lacks, sorted (lupdate writes in *workdir*)."""
    fresh = workdir / f"lupdate-{committed.name}"
    return sorted(code_entries(sources, options, fresh) - ts_entries(committed))


def _app_sources() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py"))


def _report(name: str, missing: list[Entry]) -> str:
    shown = "\n".join(
        f"  [{ctx}] {src!r}" + (f" ({cmt})" if cmt else "") for ctx, src, cmt in missing[:25]
    )
    more = f"\n  … and {len(missing) - 25} more" if len(missing) > 25 else ""
    return (
        f"{name} lacks {len(missing)} string(s) of the code; run sh tools/i18n.sh:\n{shown}{more}"
    )


@pytest.mark.parametrize("name", sorted(FILES))
def test_committed_ts_holds_every_string_of_the_code(tmp_path: Path, name: str) -> None:
    committed = paths.translations_dir() / name
    missing = missing_from(committed, _app_sources(), FILES[name], tmp_path)
    assert not missing, _report(name, missing)


SCRATCH = """\
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


class ScratchWidget(QWidget):
    def texts(self) -> list[str]:
        return [
            self.tr("Chaîne ajoutée pour l’essai\u00a0: {n}"),
            self.tr("%n fiche(s) de l’essai", "", 2),
        ]


LABEL = QCoreApplication.translate("scratch", "Libellé de l’essai")
"""


def test_a_string_added_to_the_code_is_caught(tmp_path: Path) -> None:
    """The check can fail: a new string is reported until the ``.ts`` is regenerated."""
    source = tmp_path / "scratch.py"
    source.write_text(SCRATCH, encoding="utf-8")
    committed = paths.translations_dir() / "tracing_desk_en.ts"
    en = FILES["tracing_desk_en.ts"]
    assert missing_from(committed, [source], en, tmp_path) == [
        ("ScratchWidget", "%n fiche(s) de l’essai", ""),
        ("ScratchWidget", "Chaîne ajoutée pour l’essai\u00a0: {n}", ""),
        ("scratch", "Libellé de l’essai", ""),
    ]
    fr = paths.translations_dir() / "tracing_desk_fr.ts"
    assert missing_from(fr, [source], FILES["tracing_desk_fr.ts"], tmp_path) == [
        ("ScratchWidget", "%n fiche(s) de l’essai", "")
    ]
    # Once regenerated from the code, nothing is missing.
    regenerated = tmp_path / "regenerated.ts"
    code_entries([source], en, regenerated)
    assert missing_from(regenerated, [source], en, tmp_path) == []


def test_obsolete_entries_do_not_count(tmp_path: Path) -> None:
    ts = tmp_path / "old.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">\n'
        "<context><name>scratch</name>\n"
        '<message><source>Libellé de l’essai</source><translation type="vanished">Old'
        "</translation></message>\n"
        "<message><source>Encore là</source><translation>Still</translation></message>\n"
        "</context></TS>\n",
        encoding="utf-8",
    )
    assert ts_entries(ts) == {("scratch", "Encore là", "")}

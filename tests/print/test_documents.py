"""The poster and the notice as PDF files: page sizes, required statements, escaping, wrapping.

Checked with poppler (``pdfinfo``, ``pdftotext``), as a reader of the file would see it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.cli import main
from app.core.clock import FakeClock
from app.db.connection import Database
from app.db.repositories import journal_rows
from app.db.settings_store import SettingsStore
from app.db.store import init_store, open_store
from app.print.establishment import Establishment
from app.print.render import DocumentKind, notice_html, poster_html
from app.services.transfer import demo_data

ROOT = Path(__file__).resolve().parents[2]

NAME = "Centre hospitalier Saint-Éloi"
COMPLETE = {
    "establishment.name": NAME,
    "establishment.finess": "750712184",
    "establishment.contact_name": "Délégué à la protection des données",
    "establishment.contact_phone": "01 45 67 89 12",
    "establishment.contact_email": "dpo@ch-saint-eloi.fr",
}


def configure(data_dir: Path, values: dict[str, str]) -> None:
    init_store(data_dir)
    db = open_store(data_dir)
    try:
        SettingsStore(db, "test:print").set_many(values)
    finally:
        db.close()


def with_db(data_dir: Path, fn):  # type: ignore[no-untyped-def]
    db: Database = open_store(data_dir)
    try:
        return fn(db)
    finally:
        db.close()


def page_size(pdf: Path) -> tuple[str, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) pts", info)
    pages = re.search(r"Pages:\s+(\d+)", info)
    assert size and pages, info
    return f"{round(float(size[1]))}x{round(float(size[2]))}", int(pages[1])


def text_of(pdf: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())


@pytest.fixture
def configured(data_dir: Path) -> Path:
    configure(data_dir, COMPLETE)
    return data_dir


def run(argv: list[str]) -> int:
    return main(argv)


# ---------------------------------------------------------------- the poster


@pytest.mark.parametrize(("paper", "expected"), [("A4", "595x842"), ("A3", "842x1191")])
def test_poster_page_size_and_statements(
    qapp, configured: Path, tmp_path: Path, paper: str, expected: str
) -> None:
    out = tmp_path / f"affiche-{paper}.pdf"
    assert run(["poster", "--out", str(out), "--format", paper]) == 0
    assert page_size(out) == (expected, 1)
    text = text_of(out)
    for statement in (
        "3 mois maximum",
        "38663",
        "ameli.fr",
        "assure.ameli.fr",
        "jamais vos coordonnées bancaires (RIB, IBAN, carte bancaire)",
        "caisse de rattachement",
        "vous choisissez si votre identité peut être donnée",
        "vous ne pouvez pas vous opposer au traitement",
        "pseudonymisées",
        "secret professionnel",
        "Assurance Maladie",
        "Contact Covid",
        NAME,  # accents survive: the font is embedded with its glyphs
        "N° FINESS : 750712184",  # typography: ignore (the PDF's text has plain spaces)
        "Délégué à la protection des données",
        "01 45 67 89 12",
        "dpo@ch-saint-eloi.fr",
    ):
        assert statement in text, statement


def test_poster_edition_date_in_the_establishment_time_zone(
    qapp, configured: Path, tmp_path: Path, fake_clock: FakeClock
) -> None:
    fake_clock.set(datetime(2026, 11, 24, 23, 30, tzinfo=UTC))  # 00:30 on the 25th in Paris
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 0
    assert "Édition du 25/11/2026" in text_of(out)


def test_html_in_establishment_fields_is_printed_literally(
    qapp, data_dir: Path, tmp_path: Path
) -> None:
    name = "Clinique <b>Les \"Lilas\"</b> & Fils 'Sud' <img src=x>"
    contact = "M. <i>Martin</i> & Cie"
    configure(
        data_dir, COMPLETE | {"establishment.name": name, "establishment.contact_name": contact}
    )
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 0
    text = text_of(out)
    assert name in text
    assert contact in text
    notice = tmp_path / "notice.pdf"
    assert run(["notice", "--out", str(notice)]) == 0
    assert name in text_of(notice)


def test_escaping_in_the_html_itself() -> None:
    est = Establishment(name='<b>X</b> & "Y"', finess="<i>", contact_name="&amp;")
    for markup in (
        poster_html(est, datetime(2026, 1, 2).date()),
        notice_html(est, datetime(2026, 1, 2).date()),
    ):
        assert "&lt;b&gt;X&lt;/b&gt; &amp; &quot;Y&quot;" in markup
        assert "<b>X</b>" not in markup and "<i>" not in markup
        assert "&amp;amp;" in markup


def test_long_names_wrap_inside_the_page(qapp, data_dir: Path, tmp_path: Path) -> None:
    long_word = "Intercommunal" * 9  # 117 characters, no space to break at
    name = f"{long_word} " + " ".join(["Établissement d’hébergement pour personnes âgées"] * 4)
    configure(data_dir, COMPLETE | {"establishment.name": name})
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 0
    assert page_size(out) == ("595x842", 1)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes = [
        tuple(float(v) for v in m.groups())
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', bbox
        )
    ]
    assert len(boxes) > 200
    for x_min, y_min, x_max, y_max in boxes:
        assert x_min >= 20 and x_max <= 595 - 20, (x_min, x_max)
        assert y_min >= 20 and y_max <= 842 - 20, (y_min, y_max)
    # All of the name is there, cut into lines rather than clipped.
    assert "".join(text_of(out).split()).count("Intercommunal") >= 9


def test_logo_is_drawn_and_an_unreadable_logo_is_flagged(
    qapp, configured: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f43"))
    assert image.save(str(logo))
    with_db(
        configured,
        lambda db: SettingsStore(db, "t").set_many({"establishment.logo_path": str(logo)}),
    )
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 0
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1

    logo.write_bytes(b"not an image")
    out.unlink()
    assert run(["poster", "--out", str(out)]) == 65
    assert "Le logo « logo.png » ne peut pas être lu." in capsys.readouterr().err
    assert not out.exists()


# ---------------------------------------------------------------- the notice


def test_notice_two_a5_per_landscape_a4_without_personal_data(
    qapp, configured: Path, tmp_path: Path
) -> None:
    with_db(configured, lambda db: demo_data(db, "test", count=15, seed=7))
    rows = with_db(
        configured,
        lambda db: db.query(
            "SELECT json_extract(data, '$.nom_naissance'), json_extract(data, '$.prenoms'),"
            " nir, phones FROM fiches"
        ),
    )
    assert len(rows) >= 15
    out = tmp_path / "notice.pdf"
    assert run(["notice", "--out", str(out)]) == 0
    assert page_size(out) == ("842x595", 1)
    text = text_of(out)
    assert text.count("38663") == 2  # two identical leaflets on the sheet
    for statement in (
        "3 mois maximum",
        "jamais vos coordonnées bancaires (RIB, IBAN, carte bancaire)",
        "caisse de rattachement",
        "C’est vous qui choisissez",
        NAME,
    ):
        assert text.count(statement) == 2, statement
    digits = re.sub(r"\D", "", text)
    for surname, first_names, nir, phones in rows:
        for value in (surname, first_names):
            if value and len(value) > 3:
                assert value not in text
        if nir:
            assert str(nir) not in digits
        for phone in str(phones or "").split():
            national = re.sub(r"\D", "", phone)[-9:]
            if len(national) == 9:
                assert national not in digits


# ------------------------------------------------------ missing settings, journal


def test_missing_settings_are_listed_and_nothing_is_written(
    qapp, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(data_dir, {"establishment.name": NAME})
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 65
    err = capsys.readouterr().err
    assert "incomplets" in err
    for label in (
        "N° FINESS",
        "Référent ou DPO à contacter",
        "Téléphone ou adresse e-mail du référent ou DPO",
    ):
        assert f"– {label}" in err
    assert "– Nom de l’établissement" not in err
    assert not out.exists()
    assert not [r for r in with_db(data_dir, journal_rows) if r[3] == "export"]

    assert run(["poster", "--out", str(out), "--allow-incomplete"]) == 0
    assert "incomplets" in capsys.readouterr().err  # still told
    text = text_of(out)
    assert NAME in text
    assert text.count("à compléter") == 3


def test_every_export_is_journaled_without_file_name(
    qapp, configured: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "Affiche pour Mme Dupont"
    out_dir.mkdir()
    assert run(["poster", "--out", str(out_dir / "affiche Dupont.pdf"), "--format", "A3"]) == 0
    assert run(["notice", "--out", str(out_dir / "notice Dupont.pdf")]) == 0
    rows = with_db(configured, journal_rows)
    exports = [(r[2], r[3], r[4], r[5]) for r in rows if r[3] == "export"]
    user = exports[0][0]
    assert user.startswith("cli:")
    assert exports == [
        (user, "export", None, "affiche A3 fr pdf"),
        (user, "export", None, "notice fr pdf"),
    ]
    assert not any("Dupont" in str(r) for r in rows)


def test_unwritable_target_is_reported_and_not_journaled(
    qapp, configured: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 73
    assert "Impossible d’écrire" in capsys.readouterr().err
    assert not [r for r in with_db(configured, journal_rows) if r[3] == "export"]


def test_no_store_means_a_store_error(qapp, tmp_path: Path, capsys) -> None:
    assert run(["poster", "--out", str(tmp_path / "a.pdf")]) == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "a.pdf").exists()


def test_missing_translation_falls_back_to_french(
    qapp, configured: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.print import output

    monkeypatch.setattr(output, "translation_file", lambda lang: tmp_path / "absent.qm")
    out = tmp_path / "notice.pdf"
    assert run(["notice", "--out", str(out), "--lang", "en"]) == 0
    assert "introuvable" in capsys.readouterr().err
    assert "3 mois maximum" in text_of(out)
    exports = [r[5] for r in with_db(configured, journal_rows) if r[3] == "export"]
    assert exports == ["notice fr pdf"]


# ---------------------------------------------------------------- subprocess


def test_command_without_display_in_a_subprocess(
    configured: Path, tmp_path: Path, memory_keyring
) -> None:
    """The real command, no display: it picks the offscreen platform by itself."""
    import json

    from app.db.store import store_id

    keyfile = tmp_path / "keyring.json"
    sid = store_id(configured)
    keyfile.write_text(
        json.dumps({f"tracing-desk\x00{sid}": memory_keyring.get_password("tracing-desk", sid)})
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env |= {
        "PYTHON_KEYRING_BACKEND": "memkeyring.FileTestKeyring",
        "PYTHONPATH": str(ROOT / "tests" / "support"),
        "TRACING_DESK_TEST_KEYRING": str(keyfile),
    }
    out = tmp_path / "affiche.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "app", "poster", "--out", str(out), "--data-dir", str(configured)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Affiche A4 écrite" in result.stdout
    assert page_size(out) == ("595x842", 1)
    assert NAME in text_of(out)
    assert DocumentKind.POSTER.value == "affiche"


def test_english_poster(qapp, configured: Path, tmp_path: Path) -> None:
    out = tmp_path / "poster-en.pdf"
    assert run(["poster", "--out", str(out), "--lang", "en"]) == 0
    text = text_of(out)
    for statement in (
        "3 months maximum",
        "38663",
        "never ask for your bank details (RIB, IBAN, bank card)",
        "caisse de rattachement",
        "you choose whether your identity may be given",
        NAME,
    ):
        assert statement in text, statement
    assert "Vos droits" not in text
    exports = [r[5] for r in with_db(configured, journal_rows) if r[3] == "export"]
    assert exports == ["affiche A4 en pdf"]
    # The translation is removed afterwards: the next document is French again.
    assert run(["poster", "--out", str(out)]) == 0
    assert "Vos droits" in text_of(out)

"""app.core.sheets: tables read from bytes (CSV or .xlsx), French errors with line numbers."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from app.core import sheets
from app.core.sheets import SheetError, column_key, parse_pasted, read_sheet, split_pasted

REQUIRED = ("nom", "prenom", "date_naissance")


def _values(rows: list[sheets.SheetRow]) -> list[dict[str, str]]:
    return [r.values for r in rows]


def test_column_key_folds_accents_case_spaces_and_hyphens() -> None:
    assert column_key("\ufeffPrénom ") == "prenom"
    assert column_key("Date-Naissance") == "date_naissance"
    assert column_key("DATE  naissance") == "date_naissance"
    assert column_key("Unité") == "unite"


@pytest.mark.parametrize("sep", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_separator_detected_with_or_without_bom(sep: str, bom: bytes) -> None:
    text = sep.join(["Prénom", "NOM", "Date naissance", "Divers"]) + "\r\n"
    text += sep.join(["Éloïse", "Lefèvre", "02/03/1941", "x"]) + "\r\n"
    rows = read_sheet(bom + text.encode(), "liste.csv", REQUIRED, ("unite",))
    assert _values(rows) == [
        {
            "unite": "",
            "prenom": "Éloïse",
            "nom": "Lefèvre",
            "date_naissance": "02/03/1941",
            "divers": "x",
        }
    ]
    assert rows[0].line == 2


def test_lines_numbered_as_in_the_file_empty_lines_skipped_quotes_kept() -> None:
    data = (
        b"\n"
        b"nom;prenom;date_naissance\n"
        b"A;B;01/01/1950\n"
        b"\n"
        b" ; ;\n"
        b'"Dupont; fils";"Jean\nPierre";02/02/1950\n'
        b"C;D;03/03/1950\n"
    )
    rows = read_sheet(data, "x.CSV", REQUIRED)
    assert [r.line for r in rows] == [3, 6, 8]
    assert rows[1].values["nom"] == "Dupont; fils"
    assert rows[1].values["prenom"] == "Jean\nPierre"


def test_short_row_gets_empty_cells_and_header_only_gives_no_rows() -> None:
    rows = read_sheet(b"nom;prenom;date_naissance\nA\n", "x.csv", REQUIRED)
    assert rows[0].values == {"nom": "A", "prenom": "", "date_naissance": ""}
    assert read_sheet(b"nom;prenom;date_naissance\n", "x.csv", REQUIRED) == []


def test_missing_required_column_named_in_french_on_the_header_line() -> None:
    with pytest.raises(SheetError) as caught:
        read_sheet(b"nom;date_naissance;unite\nA;01/01/1950;U\n", "x.csv", REQUIRED)
    assert caught.value.line == 1
    assert "«\u202fprenom\u202f»" in str(caught.value)
    assert "manquante" in str(caught.value)


def test_duplicate_column_refused() -> None:
    with pytest.raises(SheetError, match="deux fois") as caught:
        read_sheet(b"nom;prenom;Nom;date_naissance\n", "x.csv", REQUIRED)
    assert caught.value.line == 1


def test_not_utf8_names_the_line_and_the_way_out() -> None:
    data = "nom;prenom;date_naissance\nA;B;01/01/1950\nLefèvre;É;01/01/1950\n".encode("cp1252")
    with pytest.raises(SheetError) as caught:
        read_sheet(data, "x.csv", REQUIRED)
    assert caught.value.line == 3
    assert str(caught.value) == (
        "Le fichier n’est pas en UTF-8 (ligne 3). Enregistrez-le en «\u202fCSV UTF-8\u202f»."
    )


def test_utf16_text_export_of_excel_is_read() -> None:
    data = "nom\tprenom\tdate_naissance\r\nŒuvre\tÉa\t01/01/1950\r\n".encode("utf-16")
    assert read_sheet(data, "x.txt", REQUIRED)[0].values["nom"] == "Œuvre"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "vide"),
        (b"  \r\n\n ", "vide"),
        (bytes(range(256)) * 40, "UTF-8"),
        (b"nom;prenom;date_naissance\nA;B\x00;C\n", "caractère nul"),
        (b'nom;prenom;date_naissance\n"A;B;C\n', "guillemet"),
        (b"PK\x03\x04 not really", "classeur"),
    ],
)
def test_hostile_csv_refused_in_french(data: bytes, fragment: str) -> None:
    with pytest.raises(SheetError, match=fragment):
        read_sheet(data, "x.csv", REQUIRED)


def test_more_filled_cells_than_header_refused_with_line() -> None:
    data = b"nom,prenom,date_naissance\nA,B,01/01/1950,\nDupont, Jean,C,01/01/1950\n"
    with pytest.raises(SheetError, match="plus de cellules") as caught:
        read_sheet(data, "x.csv", REQUIRED)
    assert caught.value.line == 3


def test_too_many_rows_and_too_big_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheets, "MAX_ROWS", 10)
    data = b"nom;prenom;date_naissance\n" + b"A;B;01/01/1950\n" * 11
    with pytest.raises(SheetError, match="plus de 10 lignes") as caught:
        read_sheet(data, "x.csv", REQUIRED)
    assert caught.value.line == 12
    monkeypatch.setattr(sheets, "MAX_BYTES", 100)
    with pytest.raises(SheetError, match="trop volumineux"):
        read_sheet(data, "x.csv", REQUIRED)


def test_old_formats_refused_with_the_way_out() -> None:
    with pytest.raises(SheetError, match="CSV UTF-8"):
        read_sheet(b"\xd0\xcf\x11\xe0junk", "liste.xls", REQUIRED)


def _xlsx(rows: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    book.create_sheet("Autre").append(["ignorée"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_first_sheet_dates_as_french_text_numbers_without_decimals() -> None:
    data = _xlsx(
        [
            [],
            ["Nom", "Prénom", "Date naissance", "Début", "Chambre", "Vide"],
            ["Lefèvre", "Éloïse", date(1941, 3, 2), datetime(2026, 11, 20, 21, 0), 12, None],
            [None, None, None],
            ["Martin", "Léa", date(1950, 1, 1), datetime(2026, 11, 21, 0, 0), 12.5, None],
        ],
        formats={"D5": "dd/mm/yyyy hh:mm", "C3": "dd/mm/yyyy"},
    )
    rows = read_sheet(data, "Résidents.XLSX", REQUIRED)
    assert [r.line for r in rows] == [3, 5]
    assert rows[0].values == {
        "nom": "Lefèvre",
        "prenom": "Éloïse",
        "date_naissance": "02/03/1941",
        "debut": "20/11/2026 21:00",
        "chambre": "12",
        "vide": "",
    }
    assert rows[1].values["debut"] == "21/11/2026 00:00"  # the cell's format shows the hour
    assert rows[1].values["chambre"] == "12.5"


def test_xlsx_missing_column_and_junk_refused() -> None:
    with pytest.raises(SheetError, match="prenom") as caught:
        read_sheet(_xlsx([["nom", "date_naissance"], ["A", "B"]]), "x.xlsx", REQUIRED)
    assert caught.value.line == 1
    with pytest.raises(SheetError, match="classeur Excel"):
        read_sheet(b"\x00junk" * 100, "x.xlsx", REQUIRED)
    with pytest.raises(SheetError, match="classeur Excel"):
        read_sheet(b"nom;prenom\n", "x.xlsx", REQUIRED)


def test_xlsx_zip_bomb_claim_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _xlsx([["nom", "prenom", "date_naissance"]] + [["A", "B", "C"]] * 50)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        size = sum(i.file_size for i in archive.infolist())
    monkeypatch.setattr(sheets, "MAX_UNZIPPED_BYTES", size - 1)
    with pytest.raises(SheetError, match="trop volumineux"):
        read_sheet(data, "x.xlsx", REQUIRED)


def test_nothing_written_to_disk(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened")

    data = _xlsx([["nom", "prenom", "date_naissance"], ["A", "B", date(1950, 1, 1)]])
    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", refuse)
    assert read_sheet(data, "x.xlsx", REQUIRED)[0].values["date_naissance"] == "01/01/1950"
    assert read_sheet(b"nom;prenom;date_naissance\nA;B;C\n", "x.csv", REQUIRED)


# -- pasted text ----------------------------------------------------------------------
def test_pasted_rows_skip_header_and_empty_lines_keep_quoted_breaks() -> None:
    text = 'Nom\tPrénom\tDate de naissance\r\nA\tB\t01/01/1950\r\n\r\nC\t"x\ny"\t\r\n'
    rows = parse_pasted(text, REQUIRED, headers=("Date de naissance",))
    assert [(r.line, r.values) for r in rows] == [
        (2, {"nom": "A", "prenom": "B", "date_naissance": "01/01/1950"}),
        (4, {"nom": "C", "prenom": "x\ny", "date_naissance": ""}),
    ]


def test_pasted_first_line_of_data_is_kept_and_extra_cells_refused() -> None:
    rows = parse_pasted("Nom\tB\n", REQUIRED)
    assert rows[0].values["nom"] == "Nom"
    assert parse_pasted("A\tB\tC\t\t\n", REQUIRED)[0].values["date_naissance"] == "C"
    with pytest.raises(SheetError, match="plus de cellules") as caught:
        parse_pasted("A\tB\tC\n1\t2\t3\t4\n", REQUIRED)
    assert caught.value.line == 2


def test_split_pasted_keeps_positions() -> None:
    assert split_pasted("a\tb\n\tc\n") == [(1, ["a", "b"]), (2, ["", "c"])]

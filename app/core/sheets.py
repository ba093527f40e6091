"""Read a table (CSV or the first sheet of an ``.xlsx``) from bytes, never touching disk.

The establishment's lists (residents, staff rota, contacts typed in a
spreadsheet) arrive as the bytes of a file the user picked: they are read
into memory only (no copy, no temporary file, nothing of them in a log).
Columns are found by their header, whatever their order; a header is folded
(``text.fold``, spaces → ``_``) so ``« Date naissance »`` and
``date_naissance`` name the same column. Every refusal is a ``SheetError``
whose ``str()`` is French and whose ``line`` says where, when known.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from app.core.dates import format_date, format_wall_clock
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.text import fold

#: Rows of data read at most (the header not counted).
MAX_ROWS = 100_000
#: Size of the file at most, and, for an ``.xlsx``, of its content once unzipped.
MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
#: Columns of a header at most.
MAX_COLUMNS = 500
#: Characters of one cell at most.
MAX_CELL_CHARS = 10_000

_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_UNSUPPORTED_SUFFIXES = (".xls", ".ods", ".numbers", ".xlsb")
_SEPARATORS = (";", "\t", ",")


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row of data: its line in the file (header = its own line) and its cells by column."""

    line: int
    values: dict[str, str]


class SheetError(UserError, ValueError):
    """A table that cannot be read: French ``template`` + ``params`` (translated by the UI)."""

    code = "sheet"

    def __init__(self, template: str, line: int | None = None, **params: Any) -> None:
        super().__init__(template, **({"line": line, **params} if line is not None else params))
        self.line = line


def column_key(header: str) -> str:
    """The key of a column: ``"Date de naissance "`` → ``"date_de_naissance"``."""
    return fold(header.replace("\ufeff", "")).replace(" ", "_")


def read_sheet(
    data: bytes,
    filename: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> list[SheetRow]:
    """The data rows of a CSV (UTF-8, ``;`` ``,`` or TAB) or ``.xlsx`` file given as bytes.

    Every row's ``values`` holds each required and optional column (``""``
    when an optional column is absent from the file) and the file's other
    columns, cell text stripped. Empty rows are skipped. Raises
    ``SheetError`` (French, with the line) for an empty, unreadable, too
    large file or a missing required column.
    """
    if not data or not data.strip():
        raise SheetError(QT_TRANSLATE_NOOP("core", "Le fichier est vide."))
    if len(data) > MAX_BYTES:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Le fichier est trop volumineux (plus de {mb}\u00a0Mo)\u00a0: "
                "est-ce le bon fichier\u202f?",
            ),
            mb=MAX_BYTES // (1024 * 1024),
        )
    suffix = _suffix(filename)
    if suffix in _UNSUPPORTED_SUFFIXES:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Format de fichier non pris en charge («\u202f{suffix}\u202f»)\u00a0: "
                "enregistrez-le en «\u202fCSV UTF-8\u202f» ou en classeur Excel (.xlsx).",
            ),
            suffix=suffix,
        )
    if suffix in _XLSX_SUFFIXES:
        lines = _xlsx_lines(data)
    else:
        if data.startswith(b"PK\x03\x04"):
            raise SheetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Ce fichier est un classeur, pas un texte CSV\u00a0: donnez-lui l’extension "
                    ".xlsx ou enregistrez-le en «\u202fCSV UTF-8\u202f».",
                )
            )
        lines = _csv_lines(_decode(data))
    return _table(lines, required, optional)


def parse_pasted(
    text: str,
    columns: Sequence[str],
    headers: Iterable[str] = (),
) -> list[SheetRow]:
    """Rows pasted from a spreadsheet (TAB-separated, the cells in the order of *columns*).

    A first line that names the columns (by their key or one of *headers*,
    compared folded) is skipped; lines are numbered from 1 as pasted; empty
    lines are skipped; cells beyond *columns* are dropped only when empty.
    """
    names = {column_key(c) for c in columns} | {column_key(h) for h in headers}
    out: list[SheetRow] = []
    for line, cells in split_pasted(text):
        if line == 1 and cells and all(column_key(c) in names for c in cells if c.strip()):
            continue
        if not any(c.strip() for c in cells):
            continue
        extra = [c for c in cells[len(columns) :] if c.strip()]
        if extra:
            raise SheetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Ligne {line}\u00a0: plus de cellules remplies que de colonnes ({count}).",
                ),
                line=line,
                count=len(columns),
            )
        values = {key: "" for key in columns}
        for key, cell in zip(columns, cells, strict=False):
            values[key] = cell.strip()
        out.append(SheetRow(line, values))
    return out


def split_pasted(text: str) -> list[tuple[int, list[str]]]:
    """Clipboard text from Excel or LibreOffice cut into (line, cells), line from 1.

    A cell holding a line break or a TAB comes quoted (``"a<LF>b"``), as both
    programs copy it; the trailing line break of a copied block adds no row.
    """
    if len(text) > MAX_BYTES:
        raise SheetError(QT_TRANSLATE_NOOP("core", "Le texte collé est trop long."))
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t")
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
            if len(rows) > MAX_ROWS:
                raise _too_many_rows(start)
    except csv.Error as exc:
        raise SheetError(
            QT_TRANSLATE_NOOP("core", "Ligne {line}\u00a0: texte illisible ({detail})."),
            line=start,
            detail=str(exc),
        ) from None
    return rows


# -- internals --------------------------------------------------------------------------
def _suffix(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _too_many_rows(line: int) -> SheetError:
    return SheetError(
        QT_TRANSLATE_NOOP(
            "core",
            "Le fichier compte plus de {count} lignes (ligne {line})\u00a0: "
            "est-ce le bon fichier\u202f?",
        ),
        line=line,
        count=f"{MAX_ROWS:,}".replace(",", "\u202f"),
    )


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's « Texte Unicode » export
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: bom + exc.start].count(b"\n") + 1
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Le fichier n’est pas en UTF-8 (ligne {line}). "
                "Enregistrez-le en «\u202fCSV UTF-8\u202f».",
            ),
            line=line,
        ) from None


def _separator(header: str) -> str:
    """The most frequent of ``;``, TAB, ``,`` in the header line, outside quotes."""
    counts = dict.fromkeys(_SEPARATORS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_SEPARATORS, key=lambda s: counts[s])  # ties: first in _SEPARATORS
    return best if counts[best] else ";"


def _csv_lines(text: str) -> Iterator[tuple[int, list[str]]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Ligne {line}\u00a0: caractère nul, ce fichier n’est pas un texte CSV. "
                "Enregistrez-le en «\u202fCSV UTF-8\u202f».",
            ),
            line=line,
        )
    header = next((raw for raw in text.split("\n") if raw.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_separator(header), strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Ligne {line}\u00a0: cellule illisible "
                "(guillemet non fermé ou cellule trop longue).",
            ),
            line=start,
        ) from None


def _xlsx_lines(data: bytes) -> Iterator[tuple[int, list[str]]]:
    unreadable = SheetError(
        QT_TRANSLATE_NOOP(
            "core",
            "Ce fichier n’est pas un classeur Excel (.xlsx) lisible. "
            "Enregistrez-le en «\u202fCSV UTF-8\u202f» ou en .xlsx.",
        )
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise unreadable from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Ce classeur est trop volumineux une fois ouvert\u00a0: "
                "est-ce le bon fichier\u202f?",
            )
        )
    from openpyxl import load_workbook  # heavy: only when a classeur is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise unreadable from None
    try:
        if not book.worksheets:
            raise unreadable
        sheet = book.worksheets[0]
        try:
            for number, row in enumerate(sheet.iter_rows(), start=1):
                yield number, [_cell_text(cell) for cell in row]
        except SheetError:
            raise
        except Exception:
            raise unreadable from None
    finally:
        book.close()


def _cell_text(cell: Any) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, datetime):
        fmt = str(getattr(cell, "number_format", "") or "").lower()
        with_time = value.time() != time(0, 0) or _format_has_time(fmt)
        return format_wall_clock(value) if with_time else format_date(value.date())
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _format_has_time(fmt: str) -> bool:
    """Whether an Excel number format shows hours (``"h"`` outside quoted text)."""
    quoted = False
    for char in fmt:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "h":
            return True
    return False


def _table(
    lines: Iterable[tuple[int, list[str]]],
    required: Sequence[str],
    optional: Sequence[str],
) -> list[SheetRow]:
    keys: list[str] | None = None
    rows: list[SheetRow] = []
    for line, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        if keys is None:
            keys = _header(line, cells, required)
            continue
        for cell in cells:
            if len(cell) > MAX_CELL_CHARS:
                raise SheetError(
                    QT_TRANSLATE_NOOP("core", "Ligne {line}\u00a0: une cellule est trop longue."),
                    line=line,
                )
        if any(c.strip() for c in cells[len(keys) :]):
            raise SheetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Ligne {line}\u00a0: plus de cellules remplies que de colonnes dans l’en-tête "
                    "({count}). Une cellule contient-elle le séparateur sans guillemets\u202f?",
                ),
                line=line,
                count=len(keys),
            )
        if len(rows) >= MAX_ROWS:
            raise _too_many_rows(line)
        values = dict.fromkeys(optional, "")
        for key, cell in zip(keys, cells, strict=False):
            if key:
                values[key] = cell.strip()
        for key in keys[len(cells) :]:
            if key:
                values[key] = ""
        rows.append(SheetRow(line, values))
    if keys is None:
        raise SheetError(QT_TRANSLATE_NOOP("core", "Le fichier est vide."))
    return rows


def _header(line: int, cells: list[str], required: Sequence[str]) -> list[str]:
    if len(cells) > MAX_COLUMNS:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core", "Ligne {line}\u00a0: l’en-tête compte plus de {count} colonnes."
            ),
            line=line,
            count=MAX_COLUMNS,
        )
    keys = [column_key(c) for c in cells]
    seen: set[str] = set()
    for key in keys:
        if key and key in seen:
            raise SheetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Ligne {line}\u00a0: la colonne «\u202f{column}\u202f» figure deux fois.",
                ),
                line=line,
                column=key,
            )
        seen.add(key)
    missing = [c for c in required if c not in seen]
    if missing:
        raise SheetError(
            QT_TRANSLATE_NOOP(
                "core",
                "Ligne {line}\u00a0: colonne(s) manquante(s)\u00a0: {columns}. La première ligne "
                "doit donner le nom de chaque colonne\u00a0: {expected}.",
            ),
            line=line,
            columns=", ".join(f"«\u202f{c}\u202f»" for c in missing),
            expected=", ".join(required),
        )
    return keys

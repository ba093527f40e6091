"""French typography of the user-facing texts: a lint (``--check``) and a fixer (``--fix``).

French wants a no-break space (U+00A0) before « : », a narrow no-break space
(U+202F) before « ; ! ? » and inside « » («\u202ftexte\u202f»), and the
apostrophe ’ (U+2019) rather than ' between letters.

Where it looks:

- ``app/**/*.py``: every string literal passed to ``tr``/``translate``/
  ``QT_TRANSLATE_NOOP``, and every other string literal that reads as French
  (accents, guillemets or French function words). Docstrings, bare string
  statements, logging calls (logs are English), regular expressions and SQL
  are out of scope. Format placeholders (``{x:>3}``, f-string expressions),
  HTML tags, URLs, ``10:58`` and ``%H:%M`` are never flagged. Adjacent literals
  (``"a" "b"``) are read as one text, as ``lupdate`` does.
- ``README.md`` and ``docs/*.md``: the lines that read as French, outside code
  blocks, code spans, link targets and HTML comments.
- ``resources/translations/*.ts``: every ``<source>`` (French source strings)
  and, in the French file, the ``<translation>`` texts; the English
  translations are left alone. The fixer rewrites a ``<source>`` exactly as it
  rewrites the string in the code, so the English translation keeps matching
  when ``lupdate -no-obsolete`` runs next.

A line may opt out with a comment holding ``typography: ignore``
(``# typography: ignore`` in Python, ``<!-- typography: ignore -->`` in Markdown).

Usage (from the repository root)::

    .venv/bin/python tools/typography.py --check   # exit 1 and file:line for each fault
    .venv/bin/python tools/typography.py --fix     # rewrite the faulty characters in place
    .venv/bin/python tools/typography.py --check path/to/file.py ...
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NBSP = "\u00a0"
NNBSP = "\u202f"
APOSTROPHE = "\u2019"
OPT_OUT = "typography: ignore"

#: A character of the view that stands for text not to look into (placeholder,
#: URL…). It counts as a word character: ``{label}: x`` is faulty.
MARK = "\ufffc"

_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿŒœÆæ"
_FRENCH_CHARS = re.compile(r"[àâäçéèêëîïôöûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŒ«»’]")
_FRENCH_WORDS = re.compile(
    r"\b(le|la|les|des|du|une|est|sont|pas|pour|dans|avec|sur|aux|au|ou|et|de|vous|votre"
    r"|vos|ce|cette|ces|sera|être|fiche|fiches|aucun|aucune|veuillez|fichier|mot)\b"
)
_URL = re.compile(r"(?:https?|ftp|file|mailto|sqlite|postgresql\+?\w*)://?[^\s<>\"'`)\]]*")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->")
_ENTITIES = {
    "&nbsp;": NBSP,
    "&#160;": NBSP,
    "&#xa0;": NBSP,
    "&#xA0;": NBSP,
    "&#8239;": NNBSP,
    "&#x202f;": NNBSP,
    "&#x202F;": NNBSP,
    "&laquo;": "«",
    "&raquo;": "»",
    "&rsquo;": APOSTROPHE,
    "&apos;": "'",
    "&quot;": '"',
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
}
_ENTITY = re.compile("|".join(re.escape(e) for e in _ENTITIES))

_TR_FUNCS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"}
_LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
#: SQL (whole statements or fragments): upper-case key words, never French prose.
_SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|FROM|WHERE|AND|OR|NOT|NULL"
    r"|VALUES|SET|JOIN|ORDER BY|GROUP BY|LIMIT|LIKE|ESCAPE|IN|IS|BETWEEN|COLLATE|CASE"
    r"|WHEN|THEN|ELSE|END|EXISTS|DISTINCT|UNION|ASC|DESC)\b"
)
_SQL_METHODS = {"execute", "executemany", "executescript"}


#: « l'état », « qu'il »: French elisions (not English « don't »).
_ELISION = re.compile(r"\b(?:qu|[dlnsjcm])['’][a-zàâéèêîôûœ]")
#: A space before « : ; ? ! » or « » »: only French writes it (``{path} : {message}``).
_FRENCH_SPACING = re.compile(rf"[{_LETTER}0-9){MARK}][ \u00a0\u202f][:;?!»](?:\s|$)|«")
_ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|to|is|are|an|in|for|with|on|by|from|it|its|be|when|each|every|or|not"
    r"|as|at|this|that|which|no|one|any|only|into|if|then|than|has|have|was|were|keeps)\b"
)


def looks_french(text: str) -> bool:
    """Whether a text reads as French rather than English or code.

    More French function words than English ones; or, with no English word,
    accents or guillemets (``"Numéro"``).
    """
    lower = text.lower()
    french = len(_FRENCH_WORDS.findall(lower)) + len(_ELISION.findall(lower))
    french += len(_FRENCH_SPACING.findall(text))
    english = len(_ENGLISH_WORDS.findall(lower))
    if french or english:
        return french > english
    return bool(_FRENCH_CHARS.search(text))


# -- the view: decoded characters mapped to their place in the file ----------
@dataclass(slots=True)
class Char:
    """One character of a text as read (escapes decoded), with its span in the file."""

    ch: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fault:
    path: Path
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the file with ``new``."""

    start: int
    end: int
    new: str


_WORDISH = re.compile(rf"[{_LETTER}0-9){MARK}»\]*_%]")
_APOS_LEFT = re.compile(rf"[{_LETTER}{MARK}]")
_APOS_RIGHT = re.compile(rf"[{_LETTER}0-9{MARK}]")
_SPACE = {" ", "\t", NBSP, NNBSP}
_HARD_SPACE = {" ", "\t"}


def _after_is_boundary(view: list[Char], i: int) -> bool:
    """The character after ``view[i]`` ends a word (space, end, quote, closing mark)."""
    if i + 1 >= len(view):
        return True
    nxt = view[i + 1].ch
    return nxt.isspace() or nxt in "\"'»)]”\n<"


def faults_in(view: list[Char]) -> list[tuple[int, str, Edit]]:
    """(view index, message, fix) for every typographic fault of a French text."""
    found: list[tuple[int, str, Edit]] = []
    n = len(view)
    for i, c in enumerate(view):
        prev = view[i - 1] if i > 0 else None
        if c.ch == ":" and prev is not None and _after_is_boundary(view, i):
            if prev.ch in _HARD_SPACE or prev.ch == NNBSP:
                found.append(
                    (i, "espace insécable (U+00A0) attendue avant « : »", _sub(prev, NBSP))
                )
            elif _WORDISH.match(prev.ch):
                found.append((i, "espace insécable (U+00A0) manquante avant « : »", _ins(c, NBSP)))
        elif c.ch in ";!?" and prev is not None:
            if prev.ch in _HARD_SPACE or prev.ch == NBSP:
                if c.ch == ";" and not _after_is_boundary(view, i):
                    continue
                if i > 1 and view[i - 2].ch in "=<>(,":  # a placeholder: « kind = ? »
                    continue
                found.append(
                    (
                        i,
                        f"espace fine insécable (U+202F) attendue avant « {c.ch} »",
                        _sub(prev, NNBSP),
                    )
                )
            elif c.ch in "!?" and _APOS_LEFT.match(prev.ch) and _after_is_boundary(view, i):
                found.append(
                    (
                        i,
                        f"espace fine insécable (U+202F) manquante avant « {c.ch} »",
                        _ins(c, NNBSP),
                    )
                )
        elif c.ch == "«" and i + 1 < n:
            nxt = view[i + 1]
            if nxt.ch in _HARD_SPACE or nxt.ch == NBSP:
                found.append(
                    (i, "espace fine insécable (U+202F) attendue après « « »", _sub(nxt, NNBSP))
                )
            elif nxt.ch not in _SPACE and not nxt.ch.isspace():
                found.append(
                    (i, "espace fine insécable (U+202F) manquante après « « »", _ins(nxt, NNBSP))
                )
        elif c.ch == "»" and prev is not None:
            if prev.ch in _HARD_SPACE or prev.ch == NBSP:
                found.append(
                    (i, "espace fine insécable (U+202F) attendue avant « » »", _sub(prev, NNBSP))
                )
            elif prev.ch not in _SPACE and not prev.ch.isspace():
                found.append(
                    (i, "espace fine insécable (U+202F) manquante avant « » »", _ins(c, NNBSP))
                )
        elif (
            c.ch == "'"
            and prev is not None
            and i + 1 < n
            and _APOS_LEFT.match(prev.ch)
            and _APOS_RIGHT.match(view[i + 1].ch)
        ):
            found.append((i, "apostrophe droite ' au lieu de ’", _sub(c, APOSTROPHE)))
    return found


def _sub(c: Char, new: str) -> Edit:
    return Edit(c.start, c.end, new)


def _ins(c: Char, new: str) -> Edit:
    return Edit(c.start, c.start, new)


def _mask(view: list[Char], pattern: re.Pattern[str], *, drop: bool = False) -> list[Char]:
    """Replace each match of ``pattern`` in the view by one MARK (or nothing)."""
    text = "".join(c.ch for c in view)
    out: list[Char] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() == m.end():
            continue
        out.extend(view[pos : m.start()])
        if not drop:
            out.append(Char(MARK, view[m.start()].start, view[m.end() - 1].end))
        pos = m.end()
    out.extend(view[pos:])
    return out


def _mask_placeholders(view: list[Char]) -> list[Char]:
    """``{…}`` (format fields, f-string expressions, nested braces) → one MARK; ``{{`` stays."""
    out: list[Char] = []
    i, n = 0, len(view)
    while i < n:
        c = view[i]
        if c.ch in "{}" and i + 1 < n and view[i + 1].ch == c.ch:
            out.extend(view[i : i + 2])
            i += 2
            continue
        if c.ch == "{":
            depth, j = 0, i
            while j < n:
                if view[j].ch == "{":
                    depth += 1
                elif view[j].ch == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:  # unbalanced: leave as is
                out.append(c)
                i += 1
                continue
            out.append(Char(MARK, c.start, view[j].end))
            i = j + 1
            continue
        out.append(c)
        i += 1
    return out


def _decode_entities(view: list[Char]) -> list[Char]:
    text = "".join(c.ch for c in view)
    out: list[Char] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        out.extend(view[pos : m.start()])
        out.append(Char(_ENTITIES[m.group()], view[m.start()].start, view[m.end() - 1].end))
        pos = m.end()
    out.extend(view[pos:])
    return out


def prepare(view: list[Char], *, placeholders: bool = True) -> list[Char]:
    """The view with entities decoded and tags, URLs and placeholders masked."""
    view = _decode_entities(view)
    view = _mask(view, _HTML_TAG, drop=True)
    view = _mask(view, _URL)
    if placeholders:
        view = _mask_placeholders(view)
    return view


# -- Python sources -------------------------------------------------------------
_ESCAPE = re.compile(
    r"\\(N\{[^}]*\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|.)", re.S
)
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\n": "",
}


def _literal_view(source: str, start: int, end: int) -> tuple[list[Char], bool]:
    """The decoded characters of one string token ``source[start:end]``, and whether raw."""
    token = source[start:end]
    m = re.match(r"[A-Za-z]*", token)
    prefix = m.group().lower() if m else ""
    quote = token[len(prefix) : len(prefix) + 3]
    if quote not in ('"""', "'''"):
        quote = quote[0]
    body_start = start + len(prefix) + len(quote)
    body_end = end - len(quote)
    raw = "r" in prefix
    view: list[Char] = []
    i = body_start
    while i < body_end:
        ch = source[i]
        if ch == "\\" and not raw:
            em = _ESCAPE.match(source, i, body_end)
            if em:
                code = em.group(1)
                if code in _SIMPLE_ESCAPES:
                    decoded = _SIMPLE_ESCAPES[code]
                elif code[0] in "uUx":
                    decoded = chr(int(code[1:], 16))
                elif code[0] == "N":
                    import unicodedata

                    try:
                        decoded = unicodedata.lookup(code[2:-1])
                    except KeyError:
                        decoded = "?"
                elif code[0].isdigit():
                    decoded = chr(int(code, 8))
                else:
                    decoded = "\\" + code
                for d in decoded or "":
                    view.append(Char(d, i, em.end()))
                i = em.end()
                continue
        view.append(Char(ch, i, i + 1))
        i += 1
    return view, raw


def _offsets(source: str) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


@dataclass(slots=True)
class _Group:
    """Adjacent string tokens read as one text (implicit concatenation)."""

    tokens: list[tuple[int, int]]  # (start, end) offsets
    line: int
    col: int


def _string_groups(source: str) -> list[_Group]:
    starts = _offsets(source)
    groups: list[_Group] = []
    current: _Group | None = None
    fdepth = 0
    fstart = 0
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = tok.type
        name = tokenize.tok_name.get(kind, "")
        off = starts[tok.start[0] - 1] + tok.start[1]
        end = starts[tok.end[0] - 1] + tok.end[1]
        if name == "FSTRING_START":  # Python 3.12+
            if fdepth == 0:
                fstart = off
                fline, fcol = tok.start
            fdepth += 1
            continue
        if fdepth:
            if name == "FSTRING_END":
                fdepth -= 1
                if fdepth == 0:
                    span = (fstart, end)
                    if current is None:
                        current = _Group([], fline, fcol)
                        groups.append(current)
                    current.tokens.append(span)
            continue
        if kind == tokenize.STRING:
            if current is None:
                current = _Group([], tok.start[0], tok.start[1])
                groups.append(current)
            current.tokens.append((off, end))
        elif kind in (tokenize.NL, tokenize.COMMENT):
            continue
        else:
            current = None
    return groups


def _fstring_view(source: str, start: int, end: int) -> list[Char]:
    """An f-string on Python 3.12+ (one span): decoded like a plain literal."""
    return _literal_view(source, start, end)[0]


def _call_name(node: ast.Call) -> tuple[str, str]:
    """(receiver name, function name) of a call: ``log.info`` → ("log", "info")."""
    func = node.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        value = func.value
        receiver = ""
        if isinstance(value, ast.Name):
            receiver = value.id
        elif isinstance(value, ast.Attribute):
            receiver = value.attr
        elif isinstance(value, ast.Call):
            receiver = _call_name(value)[1]
        return receiver, func.attr
    return "", ""


def _classify(tree: ast.AST) -> dict[tuple[int, int], str]:
    """(line, col) of each string node → "tr", "skip" or "auto"."""
    kinds: dict[tuple[int, int], str] = {}

    def visit(node: ast.AST, mode: str) -> None:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Expr)
                    and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)
                ):
                    kinds[(stmt.value.lineno, stmt.value.col_offset)] = "skip"
        if isinstance(node, ast.Expr) and isinstance(node.value, (ast.Constant, ast.JoinedStr)):
            kinds.setdefault((node.value.lineno, node.value.col_offset), "skip")
        if isinstance(node, ast.Call):
            receiver, name = _call_name(node)
            logging = name in _LOG_METHODS and "log" in receiver.lower()
            if logging or receiver == "re" or name in _SQL_METHODS | {"strftime", "strptime"}:
                mode = "skip"
            elif name in _TR_FUNCS and mode != "skip":
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    visit(arg, "tr")
                visit(node.func, mode)
                return
        if isinstance(node, (ast.Constant, ast.JoinedStr)):
            if isinstance(node, ast.JoinedStr) or isinstance(node.value, str):
                kinds.setdefault((node.lineno, node.col_offset), mode)
            if isinstance(node, ast.JoinedStr):
                for value in node.values:
                    if isinstance(value, ast.FormattedValue):
                        visit(value, mode)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, mode)

    visit(tree, "auto")
    return kinds


def skipped_strings(tree: ast.AST) -> set[tuple[int, int]]:
    """(line, col) of the string nodes out of scope: docstrings, logs, SQL, regexes."""
    return {place for place, mode in _classify(tree).items() if mode == "skip"}


def _is_bytes(token: str) -> bool:
    """Whether a string token is a bytes literal (ASCII only: never French prose to fix)."""
    m = re.match(r"[A-Za-z]*", token)
    return "b" in (m.group().lower() if m else "")


def python_edits(path: Path, source: str) -> tuple[list[Fault], list[Edit]]:
    """Faults and fixes of one Python file."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [], []
    kinds = _classify(tree)
    lines = source.splitlines()
    starts = _offsets(source)
    faults: list[Fault] = []
    edits: list[Edit] = []
    for group in _string_groups(source):
        mode = kinds.get((group.line, group.col), "auto")
        if mode == "skip" or any(_is_bytes(source[start:end]) for start, end in group.tokens):
            continue
        view: list[Char] = []
        for start, end in group.tokens:
            view.extend(_literal_view(source, start, end)[0])
        text = "".join(c.ch for c in view)
        if mode == "auto" and _SQL.search(text):
            continue
        found: list[tuple[int, str, Edit]] = []
        for part in _lines(prepare(view)):
            # outside tr(), a text is judged on its words (placeholders masked), line by
            # line (a generated file may mix French and English)
            if mode == "tr" or looks_french("".join(c.ch for c in part)):
                found += faults_in(part)
        for _, message, edit in found:
            line = _line_of(starts, edit.start)
            if OPT_OUT in lines[line - 1]:
                continue
            faults.append(Fault(path, line, message))
            edits.append(edit)
    return faults, edits


def _lines(view: list[Char]) -> Iterator[list[Char]]:
    line: list[Char] = []
    for c in view:
        if c.ch == "\n":
            yield line
            line = []
        else:
            line.append(c)
    yield line


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


# -- Markdown -------------------------------------------------------------------
_MD_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_AUTOLINK = re.compile(r"<[a-z]+:[^>]*>")


def markdown_edits(path: Path, source: str) -> tuple[list[Fault], list[Edit]]:
    faults: list[Fault] = []
    edits: list[Edit] = []
    offset = 0
    fence: str | None = None
    in_comment = False
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        start = offset
        offset += len(line)
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            continue
        if OPT_OUT in line:
            continue
        view = [Char(ch, start + k, start + k + 1) for k, ch in enumerate(line.rstrip("\n"))]
        view = _mask(view, _MD_CODE_SPAN)
        view = _mask(view, _MD_AUTOLINK)
        view = _mask(view, _MD_IMAGE)
        view = _mask(view, _MD_LINK_TARGET, drop=True)
        text = "".join(c.ch for c in view)
        if not looks_french(text):
            continue
        for _, message, edit in faults_in(prepare(view, placeholders=False)):
            faults.append(Fault(path, number, message))
            edits.append(edit)
    return faults, edits


# -- Qt Linguist .ts ------------------------------------------------------------
_TS_MESSAGE = re.compile(r"<message\b[^>]*>.*?</message>", re.S)
_TS_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_TS_TRANSLATIONS = re.compile(r"<(translation|numerusform)\b[^>]*>([^<]*)</\1>", re.S)


def ts_edits(path: Path, source: str) -> tuple[list[Fault], list[Edit]]:
    """The ``<source>`` texts (French), and the translations of the French file."""
    french_file = bool(re.search(r'<TS\b[^>]*\blanguage="fr', source))
    starts = _offsets(source)
    faults: list[Fault] = []
    edits: list[Edit] = []
    for message in _TS_MESSAGE.finditer(source):
        spans: list[tuple[int, int]] = []
        src = _TS_SOURCE.search(source, message.start(), message.end())
        if src:
            spans.append(src.span(1))
        if french_file:
            for tr in _TS_TRANSLATIONS.finditer(source, message.start(), message.end()):
                spans.append(tr.span(2))
        for a, b in spans:
            view = [Char(source[k], k, k + 1) for k in range(a, b)]
            for _, text_fault, edit in faults_in(prepare(view)):
                faults.append(Fault(path, _line_of(starts, edit.start), text_fault))
                edits.append(edit)
    return faults, edits


# -- driver ---------------------------------------------------------------------
#: Files that show faulty texts on purpose (the lint's own tests).
_NOT_SCANNED = {"test_typography.py"}


def default_paths(root: Path = ROOT) -> list[Path]:
    found = sorted((root / "app").rglob("*.py"))
    # the central service's messages reach the nurse through the client
    found += sorted((root / "central").rglob("*.py"))
    # the tests assert the program's texts: they follow the same typography
    found += [p for p in sorted((root / "tests").rglob("*.py")) if p.name not in _NOT_SCANNED]
    found.append(root / "README.md")
    found += sorted((root / "docs").glob("*.md"))
    found += sorted((root / "resources" / "translations").glob("*.ts"))
    return [p for p in found if p.is_file()]


def file_edits(path: Path, source: str) -> tuple[list[Fault], list[Edit]]:
    if path.suffix == ".py":
        return python_edits(path, source)
    if path.suffix == ".md":
        return markdown_edits(path, source)
    if path.suffix == ".ts":
        return ts_edits(path, source)
    return [], []


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """The text with every edit applied (edits at the same place applied once)."""
    unique = sorted(set(edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in unique:
        source = source[: edit.start] + edit.new + source[edit.end :]
    return source


def fix_text(path: Path, source: str) -> str:
    """The file's text with its faults fixed (repeated until stable)."""
    for _ in range(5):
        _, edits = file_edits(path, source)
        if not edits:
            break
        source = apply_edits(source, edits)
    return source


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def iter_faults(paths: Iterable[Path]) -> Iterator[Fault]:
    for path in paths:
        if path.is_file():  # a file may go while another hand edits the tree
            yield from file_edits(path, path.read_text(encoding="utf-8"))[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report faults, exit 1 if any")
    mode.add_argument("--fix", action="store_true", help="rewrite the faulty characters")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root")
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: the whole scope)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    paths = args.paths or default_paths(root)
    if args.fix:
        changed = 0
        for path in paths:
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            fixed = fix_text(path, text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
                changed += 1
        print(f"typography: {changed} file(s) rewritten")
    faults = list(iter_faults(paths))
    for fault in faults:
        print(f"{_relative(fault.path, root)}:{fault.line}: {fault.message}")
    if faults:
        print(f"typography: {len(faults)} fault(s); fix with tools/typography.py --fix")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

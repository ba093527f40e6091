"""tools/typography.py: the French-typography lint and its fixer, and the wording it keeps.

The samples below hold faulty French on purpose: this file is left out of the
lint's default scope (``_NOT_SCANNED``).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import typography as typo  # noqa: E402

NB = "\u00a0"
NN = "\u202f"


def py_faults(source: str) -> list[str]:
    return [f.message for f in typo.python_edits(Path("x.py"), source)[0]]


def py_fix(source: str) -> str:
    return typo.fix_text(Path("x.py"), source)


# -- the lint ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "fixed"),
    [
        ('tr("Nom : x")', f'tr("Nom{NB}: x")'),
        ('tr("Nom: x")', f'tr("Nom{NB}: x")'),
        ('tr("Nom :")', f'tr("Nom{NB}:")'),
        ('tr("Voulez-vous fermer ?")', f'tr("Voulez-vous fermer{NN}?")'),
        ('tr("Fermer?")', f'tr("Fermer{NN}?")'),
        ('tr("Attention !")', f'tr("Attention{NN}!")'),
        ('tr("a ; b")', f'tr("a{NN}; b")'),
        ('tr("le bouton « Valider »")', f'tr("le bouton «{NN}Valider{NN}»")'),
        ('tr("le bouton «Valider»")', f'tr("le bouton «{NN}Valider{NN}»")'),
        (f'tr("le bouton «{NB}Valider{NB}»")', f'tr("le bouton «{NN}Valider{NN}»")'),
        ("tr(\"l'état de l'établissement\")", 'tr("l’état de l’établissement")'),
        ("tr('l\\'état')", "tr('l’état')"),
        ('translate("core", "Nom : {name}")', f'translate("core", "Nom{NB}: {{name}}")'),
        ('QT_TRANSLATE_NOOP("core", "d\'1 m")', 'QT_TRANSLATE_NOOP("core", "d’1 m")'),
        # outside tr(), a French text is checked too
        ('x = "Échéance : demain"', f'x = "Échéance{NB}: demain"'),
        ('raise ValueError(f"valeur « {v} » : inconnue")', None),
        # a text cut in adjacent literals is read as one, as lupdate does
        ('tr("Nom "\n   ": x")', f'tr("Nom{NB}"\n   ": x")'),
    ],
)
def test_python_fault_found_and_fixed(source: str, fixed: str | None) -> None:
    assert py_faults(source), source
    result = py_fix(source)
    if fixed is not None:
        assert result == fixed
    assert py_faults(result) == []
    ast.parse(result)  # still Python


@pytest.mark.parametrize(
    "source",
    [
        # code, not prose
        'd = {"nom": "x", "prénom": "y"}',
        'f"{count:>3} fiches"',
        'tr("Total : {n:>3}").replace(" ", "")'.replace("Total : ", f"Total{NB}: "),
        'url = "https://exemple.fr/é?page=2"',
        'tr("Voir https://www.cnil.fr/fr/la-cnil, pour le détail")',
        'when.strftime("%d/%m/%Y à %H:%M")',
        'tr("Créée à 10:58 le 01/12/2026")',
        # logs are English and out of scope, even with a French word in them
        'log.warning("Échéance: %s", uuid)',
        'logger.info(f"purge done: {n} fiches")',
        # docstrings and bare strings
        'def f():\n    """Renvoie l\'état : la valeur."""\n',
        # English
        'raise RuntimeError(f"{cls.__name__}: no label for {missing}")',
        'msg = "The patient zéro\'s tab: open it"',
        # SQL and regular expressions
        'db.query_one("SELECT min(deadline) FROM fiches WHERE deadline > ?", (x,))',
        're.compile(r"^(?P<nom>[^:]+) : (.*)$")',
        # HTML markup inside a French text
        f"tr(\"<p style='color: red'>Échéance{NB}: demain</p>\")",
        # correct French
        f'tr("Nom{NB}: x ; «{NN}y{NN}» l’état{NN}?")'.replace(" ;", f"{NN};"),
        # an escaped no-break space is a no-break space
        'tr("Nom\\u00a0: x")',
        # the explicit opt-out
        'x = "Échéance : demain"  # typography: ignore',
        # bytes are ASCII data, never prose to fix (a fix would not even parse)
        'VICTIM = b"document d\'un autre : elle-meme\\n"',
        'assert data.startswith(b"\\xef\\xbb\\xbfPseudonyme ;")',
    ],
)
def test_python_false_positives(source: str) -> None:
    assert py_faults(source) == []


def test_fault_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = tmp_path / "app" / "m.py"
    module.parent.mkdir()
    module.write_text('A = 1\nB = tr("Nom : x")\n', encoding="utf-8")
    assert typo.main(["--check", "--root", str(tmp_path), str(module)]) == 1
    out = capsys.readouterr().out
    assert "app/m.py:2:" in out and "U+00A0" in out


def test_markdown_code_and_english_left_alone() -> None:
    text = (
        "# Guide\n"
        "\n"
        "Le bouton « Valider » vérifie l'état : voir `tracing-desk init : x` ici.\n"
        "\n"
        "```\n"
        "tracing-desk purge : l'aperçu\n"
        "```\n"
        "\n"
        "The station's key: kept in the keyring (see « Oublier ce poste »).\n"
        "Voir [la page](https://exemple.fr/a:b) et ![](x.png) ; fin.\n"
        "Rien à dire : c'est voulu. <!-- typography: ignore -->\n"
    )
    faults, _ = typo.markdown_edits(Path("g.md"), text)
    assert sorted({f.line for f in faults}) == [3, 10]  # English (9) and code left alone
    fixed = typo.fix_text(Path("g.md"), text)
    lines = fixed.splitlines()
    assert lines[2] == (
        f"Le bouton «{NN}Valider{NN}» vérifie l’état{NB}: voir `tracing-desk init : x` ici."
    )
    assert lines[5] == "tracing-desk purge : l'aperçu"  # code block untouched
    assert lines[8] == "The station's key: kept in the keyring (see « Oublier ce poste »)."
    assert lines[9] == f"Voir [la page](https://exemple.fr/a:b) et ![](x.png){NN}; fin."
    assert lines[10].startswith("Rien à dire : c'est")


def test_ts_sources_fixed_like_the_code_english_translations_kept() -> None:
    ts = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">\n'
        "<context>\n    <name>core</name>\n    <message>\n"
        "        <source>L&apos;état : « validée » ?</source>\n"
        "        <translation>The state: &quot;validated&quot;?</translation>\n"
        "    </message>\n</context>\n</TS>\n"
    )
    code = 'QT_TRANSLATE_NOOP("core", "L\'état : « validée » ?")'
    fixed_ts = typo.fix_text(Path("tracing_desk_en.ts"), ts)
    fixed_code = py_fix(code)
    source = re.search(r"<source>(.*)</source>", fixed_ts)
    assert source is not None
    literal = ast.literal_eval(fixed_code.split(",", 1)[1].strip()[:-1])
    assert source.group(1) == literal == f"L’état{NB}: «{NN}validée{NN}»{NN}?"
    assert "<translation>The state: &quot;validated&quot;?</translation>" in fixed_ts
    assert typo.ts_edits(Path("t.ts"), fixed_ts)[0] == []


def test_french_ts_translations_are_checked() -> None:
    ts = (
        '<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">\n'
        '<context><message numerus="yes">'
        "<source>%n fiche(s) : ok</source><translation>"
        "<numerusform>%n fiche : ok</numerusform><numerusform>%n fiches : ok</numerusform>"
        "</translation></message></context></TS>\n"
    )
    fixed = typo.fix_text(Path("tracing_desk_fr.ts"), ts)
    assert fixed.count(f"{NB}:") == 3


def test_fixer_is_stable_and_idempotent() -> None:
    source = 'tr("« a » : b ; l\'c ?")\nx = "Échéance : demain"\n'
    once = py_fix(source)
    assert py_fix(once) == once
    assert py_faults(once) == []


def test_default_scope(tmp_path: Path) -> None:
    for rel in (
        "app/a.py",
        "tests/test_x.py",
        "tests/test_typography.py",
        "docs/g.md",
        "README.md",
        "resources/translations/t_en.ts",
        "central/c.py",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("", encoding="utf-8")
    found = {p.relative_to(tmp_path).as_posix() for p in typo.default_paths(tmp_path)}
    assert found == {
        "app/a.py",
        "central/c.py",
        "tests/test_x.py",
        "docs/g.md",
        "README.md",
        "resources/translations/t_en.ts",
    }


def test_check_runs_the_lint_before_pytest() -> None:
    check = (ROOT / "tools" / "check.py").read_text(encoding="utf-8")
    assert "tools/typography.py" in check
    assert check.index("typography") < check.index('run("pytest"')


# -- wording kept right (finding 13) ----------------------------------------------
def _source_strings() -> list[tuple[Path, int, str]]:
    """Every string literal of app/ (path, line, text)."""
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = typo.skipped_strings(tree)  # docstrings, logs (English)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and (node.lineno, node.col_offset) not in skipped
            ):
                found.append((path, node.lineno, node.value))
    return found


def test_no_optional_plural_in_messages() -> None:
    """Counts use Qt's plural forms (``%n`` with ``tr(…, n)``, whose French forms say
    « 1 fiche » / « 2 fiches »), never a plain « fiche(s) »."""
    bad = [
        f"{p.relative_to(ROOT)}:{line}"
        for p, line, text in _source_strings()
        if re.search(r"\bfiche\(s\)", text) and "%n" not in text and "%Ln" not in text
    ]
    assert bad == []


def test_no_decree_letter_in_labels() -> None:
    """« (a) », « (h) », « (q, r, s) » mean nothing to a nurse: not in a shown text."""
    letter = re.compile(r"(?:^|\s)\((?:[a-s])(?:,\s*[a-s])*\)")
    bad = [
        f"{p.relative_to(ROOT)}:{line}: {text}"
        for p, line, text in _source_strings()
        if letter.search(text) and looks_shown(text)
    ]
    assert bad == []


def looks_shown(text: str) -> bool:
    return typo.looks_french(text) and not text.lstrip().startswith(("SELECT", "INSERT"))


def test_covid_named_as_the_decree_does() -> None:
    """The decree writes « la covid-19 », never « le/du Covid-19 »."""
    bad = [
        f"{p.relative_to(ROOT)}:{line}"
        for p, line, text in _source_strings()
        if re.search(r"\b(?:du|le|au)\s+covid", text, re.IGNORECASE)
        or re.search(r"[a-zé’']\s+Covid-19", text)
    ]
    assert bad == []


@pytest.mark.parametrize(
    "source",
    [
        'clause.add("search_name LIKE ? ESCAPE \'\\\\\'", "%" + word + "%")',
        'clause.add("nir LIKE ? ESCAPE", "é")',
        'clause.add("kind = ?", value)',
        'sql.append("user = ?")',
        'db.query("UPDATE fiches SET état = ? WHERE uuid = ?", (a, b))',
    ],
)
def test_sql_fragments_left_alone(source: str) -> None:
    assert py_faults(source) == []

"""What the seeds ask the poster and the notice to say, beyond the 3 months and the SMS.

Décret 2020-1385 art. 3 VII (the préfecture's social-support cells, with consent),
the rights of access and rectification and the Cnil, and the service-public.fr advice
on calls (the adviser can name your doctor, or the patient zéro only with their
agreement) and on social networks (never personal information there).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.print import content as C
from tests.print.test_documents import COMPLETE, configure, page_size, run, text_of


@pytest.fixture
def configured(data_dir: Path) -> Path:
    configure(data_dir, COMPLETE)
    return data_dir


POSTER_ITEMS = (
    "cellules d’accompagnement social de la préfecture",
    "seulement si vous êtes d’accord",
    "Accès et rectification",
    "faire corriger auprès de votre caisse d’assurance maladie",
    "Cnil (cnil.fr)",
    "nom de votre médecin",
    "seulement s’il a donné son accord",
    "Sur les réseaux sociaux",
    "n’échange jamais d’information personnelle",
)
NOTICE_ITEMS = (
    "cellule d’accompagnement social de la préfecture",
    "Voir ou corriger vos informations",
    "Cnil (cnil.fr)",
    "nom de votre médecin",
    "seulement s’il l’a accepté",
    "réseaux sociaux",
)


def _normal(text: str) -> str:
    """The ligatures of the embedded font (ﬁ) and the no-break spaces, made plain."""
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ").replace("\u202f", " ")


def test_poster_says_what_the_seeds_say_on_one_page(qapp, configured: Path, tmp_path: Path):
    out = tmp_path / "affiche.pdf"
    assert run(["poster", "--out", str(out)]) == 0
    assert page_size(out) == ("595x842", 1)
    text = _normal(text_of(out))
    for item in POSTER_ITEMS:
        assert item in text, item


def test_notice_says_it_on_each_leaflet(qapp, configured: Path, tmp_path: Path):
    out = tmp_path / "notice.pdf"
    assert run(["notice", "--out", str(out)]) == 0
    assert page_size(out) == ("842x595", 1)
    text = _normal(text_of(out))
    for item in NOTICE_ITEMS:
        assert text.count(item) == 2, item


def test_new_strings_use_french_typography():
    sections = [
        *(s for column in C.POSTER_COLUMNS for s in column),
        C.POSTER_SMS,
        *C.NOTICE_SECTIONS,
        C.NOTICE_SMS,
    ]
    new = [
        t
        for s in sections
        for t in (s.title, *s.paragraphs)
        if any(k in t for k in ("préfecture", "Cnil", "médecin", "corriger", "appels"))
    ]
    assert len(new) >= 7
    for text in new:
        assert "'" not in text, text  # ’
        assert " :" not in text and " ?" not in text and " ;" not in text, text

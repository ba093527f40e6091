from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.db.fiche_queries import FicheQuery
from app.db.repositories import FicheRepository
from app.ui.fiche_model import MAX_IN_FLIGHT, PAGE_SIZE, PLACEHOLDER, FicheListModel
from tests.support.ui_store import repo_factory
from tests.ui.fakes import FakeSource, make_rows

N = 5_000
DISPLAY = Qt.ItemDataRole.DisplayRole


def loaded_model(qtbot, db_thread, factory=repo_factory, query=None) -> FicheListModel:
    model = FicheListModel(db_thread, factory, query if query is not None else FicheQuery())
    with qtbot.waitSignal(model.count_changed, timeout=10_000):
        model.refresh()
    return model


def text(model: FicheListModel, row: int, column: int) -> str:
    return model.data(model.index(row, column), DISPLAY)


@pytest.fixture
def store_5000(make_store):
    return make_store(N)


def test_counts_then_pages_on_demand(qtbot, store_5000, open_thread):
    calls: list[tuple[int, int]] = []

    class Spy(FicheRepository):
        def list_rows(self, query, offset, limit):
            calls.append((offset, limit))
            return super().list_rows(query, offset, limit)

    model = loaded_model(qtbot, open_thread, lambda db: Spy(db, "test:ui"))
    assert model.rowCount() == N
    assert model.columnCount() == 8
    assert calls == [(0, PAGE_SIZE)]  # count + first page, nothing else yet
    assert text(model, 0, FicheListModel.COL_NAME) == "LEFÈVRE Élodie"

    row = 4_321
    assert text(model, row, FicheListModel.COL_NAME) == PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as blocker:
        pass
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() <= row <= bottom.row()
    assert text(model, row, FicheListModel.COL_NAME) != PLACEHOLDER
    assert calls == [(0, PAGE_SIZE), (row // PAGE_SIZE * PAGE_SIZE, PAGE_SIZE)]
    assert model.data(model.index(row, 0), FicheListModel.UuidRole).endswith(f"{row:012d}")


def test_columns_are_formatted_in_french(qtbot, store_5000, open_thread):
    model = loaded_model(qtbot, open_thread)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [
        "Type",
        "Nom",
        "Date de naissance",
        "Unité",
        "État",
        "Créée le",
        "Suppression prévue le",
        "Synchronisation",
    ]
    row0 = [text(model, 0, c) for c in range(8)]
    # created 2026-11-24 10:00 UTC = 11:00 in Paris; deadline 90 days later
    assert row0 == [
        "Patient zéro",
        "LEFÈVRE Élodie",
        "01/01/1940",
        "Cardiologie",
        "Validée",
        "24/11/2026 11:00",
        "22/02/2027",
        "En attente d’envoi",
    ]
    assert text(model, 1, FicheListModel.COL_KIND) == "Personne contact"


def test_modeltester(qtbot, qtmodeltester, store_5000, open_thread):
    model = loaded_model(qtbot, open_thread)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_search_and_filters(qtbot, store_5000, open_thread):
    model = loaded_model(qtbot, open_thread)
    with qtbot.waitSignal(model.count_changed, timeout=10_000) as blocker:
        model.set_query(FicheQuery(text="lefevre"))
    assert blocker.args == [N // 8]
    assert all("LEFÈVRE" in text(model, r, 1) for r in range(20))

    with qtbot.waitSignal(model.count_changed, timeout=10_000) as blocker:
        model.set_query(FicheQuery(text="Œuvray chloé"))
    assert blocker.args[0] > 0
    assert text(model, 0, 1) == "ŒUVRAY Chloé"

    from app.core.enums import FicheKind

    with qtbot.waitSignal(model.count_changed, timeout=10_000) as blocker:
        model.set_query(FicheQuery(kind=FicheKind.PATIENT_ZERO))
    assert blocker.args == [N // 4]


def test_new_query_drops_stale_results(qtbot, db_thread):
    """Typing fast: only the last query's count reaches the model."""
    source = FakeSource(make_rows(1_000))
    _open_fake(qtbot, db_thread)
    model = FicheListModel(db_thread, lambda db: source, "")
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    source.gate.clear()
    for query in ["N", "NO", "NOM", "NOM1"]:
        model.set_query(query)
    source.gate.set()
    qtbot.waitUntil(lambda: counts == [111])  # NOM1, NOM1x, NOM1xx, NOM1xxx
    assert model.rowCount() == 111


def test_fast_scrolling_fetches_only_recent_pages(qtbot, db_thread):
    source = FakeSource(make_rows(100 * PAGE_SIZE))
    _open_fake(qtbot, db_thread)
    model = loaded_model(qtbot, db_thread, lambda db: source, "")
    source.calls.clear()
    source.gate.clear()  # the database is slow: nothing comes back while "scrolling"
    for page in range(1, 60):
        assert text(model, page * PAGE_SIZE + 5, 1) == PLACEHOLDER
        qtbot.wait(0)  # let the model's pump run, as a repaint would
    assert len(model._in_flight) <= MAX_IN_FLIGHT
    source.gate.set()
    qtbot.waitUntil(lambda: not model._in_flight and not model._wanted)
    fetched = [offset // PAGE_SIZE for kind, offset in source.calls if kind == "list"]
    assert len(fetched) < 15  # not all 59 pages scrolled past
    assert 59 in fetched  # the page on screen now
    assert text(model, 59 * PAGE_SIZE + 5, 1) == f"NOM{59 * PAGE_SIZE + 5} Prénom"


def test_failure_is_reported(qtbot, db_thread):
    from app.db.errors import DiskIOError

    class Broken:
        def count(self, query):
            raise DiskIOError()

        def list_rows(self, query, offset, limit):
            raise DiskIOError()

    _open_fake(qtbot, db_thread)
    model = FicheListModel(db_thread, lambda db: Broken(), "")
    with qtbot.waitSignal(model.failed) as blocker:
        model.refresh()
    assert blocker.args == [str(DiskIOError())]


class _FakeDb:
    def close(self) -> None:
        pass


def _open_fake(qtbot, db_thread) -> None:
    ticket = db_thread.open(lambda: (_FakeDb(), None))
    with qtbot.waitSignal(ticket.finished):
        pass


def test_a_million_rows_in_a_view(qtbot, db_thread):
    """A view over a million fiches asks only for the pages it shows."""
    import time

    from PySide6.QtWidgets import QTableView

    from tests.ui.fakes import GeneratedSource

    n = 1_000_000
    source = GeneratedSource(n)
    _open_fake(qtbot, db_thread)
    model = loaded_model(qtbot, db_thread, lambda db: source, "")
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().hide()
    view.resize(900, 600)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)

    started = time.perf_counter()
    for fraction in (0.1, 0.25, 0.5, 0.75, 1.0):
        view.verticalScrollBar().setValue(int(view.verticalScrollBar().maximum() * fraction))
        qtbot.wait(1)
    elapsed = time.perf_counter() - started
    last = n - 1
    qtbot.waitUntil(lambda: text(model, last, 1) == f"NOM{last} Prénom", timeout=5_000)
    assert elapsed < 1.0  # scrolling never waited for the database
    assert len(source.pages) <= 12
    assert (n - 1) // PAGE_SIZE * PAGE_SIZE in source.pages  # the page on screen


def test_first_page_shows_before_the_count(qtbot, db_thread):
    """A search shows its first rows at once; the full length follows the count."""
    import threading

    _open_fake(qtbot, db_thread)
    rows = make_rows(3 * PAGE_SIZE + 7)
    source = FakeSource(rows)
    counting = threading.Event()
    release = threading.Event()
    original_count = source.count

    def slow_count(query):
        counting.set()
        release.wait(10)
        return original_count(query)

    source.count = slow_count
    model = FicheListModel(db_thread, lambda db: source, "")
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and counting.is_set())
    assert text(model, 0, FicheListModel.COL_NAME) == "NOM0 Prénom"
    assert not model.is_loaded() and counts == []
    with qtbot.waitSignal(model.count_changed):
        release.set()
    assert model.rowCount() == len(rows) and counts == [len(rows)]
    assert model.is_loaded()


def test_a_short_first_page_needs_no_count(qtbot, db_thread):
    _open_fake(qtbot, db_thread)
    source = FakeSource(make_rows(12))
    model = FicheListModel(db_thread, lambda db: source, "")
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.refresh()
    assert blocker.args == [12] and model.rowCount() == 12
    assert [kind for kind, _ in source.calls] == ["list"]

"""An in-memory stand-in for the fiche repository, for model tests without a database."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from app.core.enums import FicheKind, LifecycleState, SyncState


@dataclass(frozen=True)
class FakeRow:
    uuid: str
    kind: FicheKind
    state: LifecycleState
    display_name: str
    birth_date: date | None
    unit: str
    created_at: datetime
    deadline: datetime
    sync_state: SyncState


def make_rows(n: int) -> list[FakeRow]:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    rows = []
    for i in range(n):
        created = start - timedelta(minutes=i)
        rows.append(
            FakeRow(
                uuid=f"00000000-0000-4000-8000-{i:012d}",
                kind=FicheKind.PATIENT_ZERO if i % 5 == 0 else FicheKind.CONTACT,
                state=LifecycleState.VALIDATED,
                display_name=f"NOM{i} Prénom",
                birth_date=date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                unit="Cardiologie",
                created_at=created,
                deadline=created + timedelta(days=90),
                sync_state=SyncState.PENDING,
            )
        )
    return rows


class FakeSource:
    """Answers count/list_rows over a list; the query is a substring of the name."""

    def __init__(self, rows: list[FakeRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[str, int]] = []
        self.gate = threading.Event()
        self.gate.set()

    def _match(self, query: str) -> list[FakeRow]:
        return [r for r in self.rows if query.lower() in r.display_name.lower()]

    def count(self, query: str) -> int:
        self.gate.wait(10)
        self.calls.append(("count", 0))
        return len(self._match(query))

    def list_rows(self, query: str, offset: int, limit: int) -> list[FakeRow]:
        self.gate.wait(10)
        self.calls.append(("list", offset))
        return self._match(query)[offset : offset + limit]


class GeneratedSource:
    """A source of *n* fiches made up on demand (no memory for a million rows)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pages: list[int] = []

    def count(self, query: object) -> int:
        return self.n

    def list_rows(self, query: object, offset: int, limit: int) -> list[FakeRow]:
        self.pages.append(offset)
        start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
        rows = []
        for i in range(offset, min(offset + limit, self.n)):
            created = start - timedelta(seconds=i)
            rows.append(
                FakeRow(
                    uuid=f"00000000-0000-4000-8000-{i:012d}",
                    kind=FicheKind.CONTACT,
                    state=LifecycleState.DRAFT,
                    display_name=f"NOM{i} Prénom",
                    birth_date=None,
                    unit="",
                    created_at=created,
                    deadline=created + timedelta(days=90),
                    sync_state=SyncState.LOCAL,
                )
            )
        return rows

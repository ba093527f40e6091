"""The real central service over loopback TLS for tests, and a PostgreSQL server for it.

A pytest plugin (registered in ``tests/conftest.py``): the fixtures ``central``,
``token_for``, ``pg_cluster`` (one per session) and ``pg_url`` are available to
every test; the helpers (``start_central``, ``make_fiches``, ``TOKEN``…) are
imported from here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.clock import get_clock
from app.core.enums import (
    Consent,
    EstablishmentStatus,
    ExamResult,
    ExamType,
    InformationMode,
    LifecycleState,
    Sex,
)
from app.core.models import EstablishmentPlace, InfectionEvidence, InformationGiven, PatientZero
from app.db.connection import Database
from app.db.repositories import FicheRepository
from app.sync.backoff import RetryPolicy
from app.sync.config import SyncConfig, set_token
from central.clock import now
from central.server import BackgroundServer
from tests.support.faults import FaultInjector

TOKEN = "tdk_test-partner-token-0123456789"
USER = "test:sync"
FAST = RetryPolicy(base=0.01, cap=0.05, max_attempts=8, max_retry_after=2.0)


@dataclass
class Central:
    server: BackgroundServer
    faults: FaultInjector

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def ca(self) -> str:
        assert self.server.cert is not None
        return str(self.server.cert.ca)

    def config(self, **kw: object) -> SyncConfig:
        values: dict[str, object] = {
            "server_url": self.url,
            "ca_bundle": self.ca,
            "batch_size": 50,
            "read_timeout": 2.0,
            "connect_timeout": 1.0,
        }
        values.update(kw)
        return SyncConfig(**values)  # type: ignore[arg-type]


def start_central(
    directory: Path, *, port: int | None = None, database_url: str | None = None
) -> Central:
    holder: list[FaultInjector] = []

    def wrap(app: object) -> FaultInjector:
        holder.append(FaultInjector(app))
        return holder[0]

    server = BackgroundServer(
        directory, asgi_wrapper=wrap, port=port, database_url=database_url
    ).start()
    server.storage.add_account(TOKEN, "test", now())
    return Central(server, holder[0])


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
    c = start_central(tmp_path / "central")
    yield c
    c.server.stop()


@pytest.fixture
def token_for(central: Central) -> str:
    set_token(central.url, TOKEN)
    return TOKEN


def complete_patient_zero(today: date, **changes: Any) -> PatientZero:
    """A validated patient zéro that passes ``check_for_validation`` on *today* (and later).

    Only a validated fiche is queued and sent: a draft never leaves the station,
    and the central service refuses one (``fiche_non_validee``). *changes* set
    attributes (``birth_name="…"``).
    """
    fiche = PatientZero(
        state=LifecycleState.VALIDATED,
        birth_name="Fiche",
        first_names="Élise",
        birth_date=date(1958, 6, 3),
        sex=Sex.FEMALE,
        phones=["+33612345678"],
        establishment=EstablishmentPlace(status=EstablishmentStatus.RESIDENT, unit="EHPAD B"),
        support_needed=False,
        support_consent=Consent.NO,
        infection=InfectionEvidence(
            exam_type=ExamType.RT_PCR,
            sample_date=today - timedelta(days=2),
            result=ExamResult.POSITIVE,
            symptom_onset=today - timedelta(days=3),
        ),
        identity_disclosure=Consent.YES,
        information=InformationGiven(
            given_on=today - timedelta(days=1),
            given_by="ide.test",
            modes=[InformationMode.ORAL],
            research_opposition_right=True,
        ),
    )
    for key, value in changes.items():
        setattr(fiche, key, value)
    return fiche


def make_fiches(db: Database, count: int, prefix: str = "Fiche") -> list[PatientZero]:
    """*count* validated, complete patients zéro saved (and queued for the sync)."""
    today = get_clock().now().date()
    fiches = [complete_patient_zero(today, birth_name=f"{prefix} {i}") for i in range(count)]
    FicheRepository(db, USER).save_many(fiches)
    return fiches


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A real PostgreSQL server; skipped only when its binaries are not installed."""
    from tests.support.pgcluster import PgCluster

    try:
        cluster = PgCluster()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):  # .ci/run installs postgresql: never skipped there
            pytest.fail(f"PostgreSQL server binaries missing in CI ({exc})")
        pytest.skip(f"PostgreSQL server binaries not installed ({exc}): apt-get install postgresql")
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object, request: pytest.FixtureRequest) -> str:
    import re
    import uuid

    name = re.sub(r"\W", "_", request.node.name)[:30] + "_" + uuid.uuid4().hex[:6]
    return pg_cluster.create_database(name.lower())  # type: ignore[attr-defined,no-any-return]

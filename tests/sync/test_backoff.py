"""Backoff delays: full jitter within its bounds, Retry-After honoured, attempts bounded."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from app.sync.backoff import RetryPolicy, call_with_retries, parse_retry_after, retry_delay
from app.sync.errors import TransientError, UnreachableError


def test_full_jitter_stays_within_bounds_and_spreads() -> None:
    policy = RetryPolicy(base=0.5, cap=20.0)
    rng = random.Random(7)
    for attempt in range(12):
        bound = min(20.0, 0.5 * 2**attempt)
        assert policy.bound(attempt) == bound
        delays = [policy.jittered(attempt, rng) for _ in range(400)]
        assert all(0.0 <= d <= bound for d in delays)
        # Full jitter uses the whole interval, not just its top.
        assert min(delays) < 0.1 * bound and max(delays) > 0.9 * bound
    assert policy.bound(50) == 20.0


def test_retry_after_wins_over_jitter() -> None:
    policy = RetryPolicy(base=1, cap=60)
    rng = random.Random(1)
    assert retry_delay(policy, 5, 7.0, rng) == 7.0
    assert retry_delay(policy, 0, 0.0, rng) == 0.0
    assert 0 <= retry_delay(policy, 3, None, rng) <= 8


def test_parse_retry_after() -> None:
    now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after(" 0 ", now) == 0.0
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(later, now) == pytest.approx(90)
    earlier = format_datetime(now - timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(earlier, now) == 0.0
    assert parse_retry_after(None, now) is None
    assert parse_retry_after("bientôt", now) is None
    assert parse_retry_after("-5", now) is None


class _Recorder(threading.Event):
    """An event whose waits are recorded instead of slept."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout or 0.0)
        return False


def test_call_with_retries_sleeps_the_jittered_delays_then_gives_up() -> None:
    policy = RetryPolicy(base=1.0, cap=8.0, max_attempts=6)
    sleeper = _Recorder()
    calls = []

    def failing() -> None:
        calls.append(1)
        raise TransientError("panne")

    with pytest.raises(UnreachableError):
        call_with_retries(failing, policy, rng=random.Random(3), cancel=sleeper)
    assert len(calls) == 6 and len(sleeper.waits) == 5
    for attempt, delay in enumerate(sleeper.waits):
        assert 0.0 <= delay <= min(8.0, 2.0**attempt)


def test_call_with_retries_honours_retry_after_and_its_ceiling() -> None:
    policy = RetryPolicy(base=1.0, cap=8.0, max_attempts=4, max_retry_after=60)
    sleeper = _Recorder()
    answers = iter([TransientError("a", retry_after=42), TransientError("b", retry_after=3)])

    def flaky() -> str:
        exc = next(answers, None)
        if exc is not None:
            raise exc
        return "ok"

    assert call_with_retries(flaky, policy, cancel=sleeper) == "ok"
    assert sleeper.waits == [42, 3]
    # Beyond the ceiling: no waiting at all, the sync ends and says when to come back.
    sleeper.waits.clear()

    def too_long() -> None:
        raise TransientError("c", retry_after=3600)

    with pytest.raises(UnreachableError) as info:
        call_with_retries(too_long, policy, cancel=sleeper)
    assert sleeper.waits == [] and info.value.retry_after == 3600

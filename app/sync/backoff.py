"""Retries with exponential backoff and full jitter, honouring ``Retry-After``.

Full jitter (AWS architecture blog, "Exponential Backoff and Jitter"): the
delay before retry *n* (0-based) is uniform in ``[0, min(cap, base * 2**n)]``.
When the server says ``Retry-After`` (seconds or an HTTP date), that delay is
used instead, as long as it is not above ``max_retry_after``; a longer one ends
this sync (the caller schedules the next one no earlier).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from app.sync.errors import TransientError, UnreachableError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base: float = 1.0
    cap: float = 60.0
    max_attempts: int = 6
    max_retry_after: float = 300.0

    def bound(self, attempt: int) -> float:
        """The upper bound of the delay before retry number *attempt* (0-based)."""
        return min(self.cap, self.base * (2.0**attempt))

    def jittered(self, attempt: int, rng: random.Random) -> float:
        return rng.uniform(0.0, self.bound(attempt))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header, or ``None`` if absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def retry_delay(
    policy: RetryPolicy, attempt: int, retry_after: float | None, rng: random.Random
) -> float:
    """The delay before retry *attempt*: the server's ``Retry-After``, else full jitter."""
    if retry_after is not None:
        return max(0.0, retry_after)
    return policy.jittered(attempt, rng)


def call_with_retries(
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    rng: random.Random | None = None,
    cancel: threading.Event | None = None,
    on_retry: Callable[[int, float, TransientError], None] | None = None,
) -> T:
    """``fn()``, retried on :class:`TransientError` up to ``policy.max_attempts`` times.

    Sleeps on *cancel* (an event set when the program quits), so a wait is cut
    short; raises :class:`UnreachableError` when the attempts are spent, the
    wait asked for is too long, or *cancel* is set.
    """
    rng = rng or random.Random()
    cancel = cancel or threading.Event()
    last: TransientError | None = None
    for attempt in range(policy.max_attempts):
        if cancel.is_set():
            break
        try:
            return fn()
        except TransientError as exc:
            last = exc
        if attempt + 1 >= policy.max_attempts:
            break
        delay = retry_delay(policy, attempt, last.retry_after, rng)
        if delay > policy.max_retry_after:
            break
        if on_retry is not None:
            on_retry(attempt, delay, last)
        if cancel.wait(delay):
            break
    message = str(last) if last is not None else "Synchronisation interrompue."
    raise UnreachableError(message, retry_after=last.retry_after if last else None)

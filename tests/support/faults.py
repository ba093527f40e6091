"""A fault-injecting ASGI middleware put in front of the real central service in tests.

Each request to the batch endpoint takes the next planned fault (or none):

- ``("status", 503, retry_after[, fn])``: answer that status without reaching the
  service (after calling ``fn()`` if given);
- ``("hang", seconds)``: wait before answering (the client's read timeout fires);
- ``("drop_after_commit",)``: let the service process and commit the batch, then
  start a response and break the connection mid-body, so the client never sees
  the answer (a duplicate delivery follows);
- ``("callback", fn)``: call ``fn()`` in the server, then process normally.

Every batch body is recorded (``seen``: the UUID + version pairs that reached
the server, whatever happened next).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

BATCH_PATH = "/v1/fiches/batch"


class FaultInjector:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.plan: deque[tuple[Any, ...]] = deque()
        self.seen: list[tuple[str, int]] = []
        self.requests = 0
        self.statuses: list[int] = []
        self.latency = 0.0
        self._lock = threading.Lock()

    def add(self, *faults: tuple[Any, ...]) -> None:
        with self._lock:
            self.plan.extend(faults)

    def _next(self) -> tuple[Any, ...] | None:
        with self._lock:
            return self.plan.popleft() if self.plan else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != BATCH_PATH:
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        try:
            doc = json.loads(body)
            pairs = [(f["uuid"], f["version"]) for f in doc.get("fiches", [])]
        except (ValueError, KeyError, TypeError):
            pairs = []
        with self._lock:
            self.requests += 1
            self.seen.extend(pairs)
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        if self.latency:
            await asyncio.sleep(self.latency)
        fault = self._next()
        kind = fault[0] if fault else None
        if kind == "status":
            status, retry_after = fault[1], fault[2]  # type: ignore[index]
            if len(fault) > 3:  # type: ignore[arg-type]
                await run_in_threadpool(fault[3])  # type: ignore[index]
            headers = [(b"content-type", b"application/json")]
            if retry_after is not None:
                headers.append((b"retry-after", str(retry_after).encode()))
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send(
                {
                    "type": "http.response.body",
                    "body": json.dumps({"code": "panne", "message": "Panne simulée."}).encode(),
                }
            )
            self.statuses.append(status)
            return
        if kind == "hang":
            await asyncio.sleep(fault[1])  # type: ignore[index]
        if kind == "callback":
            await run_in_threadpool(fault[1])  # type: ignore[index]
        if kind == "drop_after_commit":
            captured: list[dict[str, Any]] = []

            async def swallow(message: dict[str, Any]) -> None:
                captured.append(message)

            await self.app(scope, replay, swallow)  # processed and committed
            start = next(m for m in captured if m["type"] == "http.response.start")
            await send({**start, "headers": [(b"content-length", b"100000")]})
            await send({"type": "http.response.body", "body": b'{"protocol"', "more_body": True})
            self.statuses.append(-1)
            raise ConnectionAbortedError("simulated connection drop after commit")
        self.statuses.append(200)
        await self.app(scope, replay, send)

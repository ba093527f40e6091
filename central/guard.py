"""What a request to the fiche endpoints goes through before the application reads it.

:class:`Guard` is an ASGI middleware in front of ``/v1/fiches``:

1. a client address that failed authentication too often gets 429 with
   ``Retry-After`` (:class:`AuthThrottle`), before its token is even looked at;
2. the token (``Authorization: Bearer``) is checked before one byte of the body
   is read: 401 otherwise;
3. a body announced (``Content-Length``) or streamed (chunked) beyond
   :data:`MAX_BODY_BYTES` gets 413 without being parsed: the guard stops
   reading at the limit.

Only then does the application see the request, with the partner in
``request.state.principal`` and the body buffered. Every refusal is an
``ErrorBody`` (``code`` + French ``message``), the values of the request never
quoted.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool

from central.clock import now
from central.storage import Principal, Storage

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Largest body accepted: 500 fiches of the largest realistic fiche (a contact with
#: many expositions and every text filled, about 12 KB of JSON), with a margin of
#: more than twice: 16 MiB. Larger is refused (413) unread.
MAX_BODY_BYTES = 16 * 1024 * 1024
#: A token longer than this is not looked up (tokens issued are 47 characters).
MAX_TOKEN_CHARS = 512
PROTECTED_PREFIX = "/v1/fiches"

MESSAGE_UNAUTHORIZED = (
    "Jeton du compte partenaire absent, inconnu ou révoqué : saisissez un nouveau jeton."
)
MESSAGE_THROTTLED = (
    "Trop d’échecs d’authentification depuis cette adresse\u00a0: réessayez plus tard."
)
MESSAGE_TOO_LARGE = (
    "Envoi trop volumineux (plus de 16\u202fMio)\u00a0: envoyez les fiches en lots plus petits."
)
MESSAGE_BAD_LENGTH = "En-tête Content-Length invalide."


@dataclass
class AuthThrottle:
    """Failed authentications per client address: *max_failures* in *window* seconds blocks
    the address for *block* seconds (429 with ``Retry-After``), token unchecked.

    Kept in memory, per process: behind a load balancer each process counts its
    own, which bounds an attacker to ``processes × max_failures`` guesses a window.
    """

    max_failures: int = 10
    window: float = 60.0
    block: float = 60.0
    clock: Callable[[], float] = time.monotonic
    max_addresses: int = 100_000
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _blocked: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def retry_after(self, address: str) -> int | None:
        """Seconds until *address* may try again, or ``None`` when it may now."""
        with self._lock:
            until = self._blocked.get(address)
            if until is None:
                return None
            left = until - self.clock()
            if left <= 0:
                del self._blocked[address]
                return None
            return max(1, int(left + 0.999))

    def failed(self, address: str) -> None:
        with self._lock:
            at = self.clock()
            if len(self._failures) >= self.max_addresses:
                self._prune(at)
            recent = [t for t in self._failures.get(address, []) if at - t < self.window]
            recent.append(at)
            if len(recent) >= self.max_failures:
                self._blocked[address] = at + self.block
                self._failures.pop(address, None)
            else:
                self._failures[address] = recent

    def _prune(self, at: float) -> None:
        self._failures = {
            a: ts for a, ts in self._failures.items() if ts and at - ts[-1] < self.window
        }
        self._blocked = {a: u for a, u in self._blocked.items() if u > at}
        if len(self._failures) >= self.max_addresses:  # a flood of addresses: forget the oldest
            oldest = sorted(self._failures, key=lambda a: self._failures[a][-1])
            for a in oldest[: len(oldest) // 2]:
                del self._failures[a]


async def send_error(
    send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> None:
    body = json.dumps({"code": code, "message": message}, ensure_ascii=False).encode("utf-8")
    raw = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    raw += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def bearer_token(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            text = bytes(value).decode("latin-1")
            if not text.startswith("Bearer "):
                return None
            token: str = text[len("Bearer ") :].strip()
            if not token or len(token) > MAX_TOKEN_CHARS or not token.isascii():
                return None
            return token
    return None


class Guard:
    """Throttle, token, then body size: before the application reads anything."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        storage: Storage,
        throttle: AuthThrottle,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.storage = storage
        self.throttle = throttle
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(PROTECTED_PREFIX):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = str(client[0]) if client else "?"
        wait = self.throttle.retry_after(address)
        if wait is not None:
            await send_error(
                send, 429, "trop_de_tentatives", MESSAGE_THROTTLED, {"Retry-After": str(wait)}
            )
            return
        token = bearer_token(scope)
        principal: Principal | None = None
        if token is not None:
            principal = await run_in_threadpool(self.storage.authenticate, token, now())
        if principal is None:
            self.throttle.failed(address)
            await send_error(
                send, 401, "jeton_refuse", MESSAGE_UNAUTHORIZED, {"WWW-Authenticate": "Bearer"}
            )
            return
        scope.setdefault("state", {})["principal"] = principal
        length: int | None = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                text = value.decode("latin-1").strip()
                if not text.isdigit() or len(text) > 18:
                    await send_error(send, 400, "requete_invalide", MESSAGE_BAD_LENGTH)
                    return
                length = int(text)
        if length is not None and length > self.max_body:
            await send_error(send, 413, "envoi_trop_volumineux", MESSAGE_TOO_LARGE)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await send_error(send, 413, "envoi_trop_volumineux", MESSAGE_TOO_LARGE)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        chunks.clear()
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

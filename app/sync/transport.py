"""HTTP to the central service (httpx): TLS always verified, timeouts, errors sorted.

One :class:`CentralClient` per sync run. It sends one request per call and
sorts the outcome: a parsed reply, :class:`TransientError` (network, timeout,
5xx, 429 with its ``Retry-After``: the caller retries), :class:`AuthenticationError`
(401/403), :class:`ServerRefusedError` (other 4xx, never retried unchanged; 413:
the engine splits the batch), :class:`TlsError`.
Proxies come from the environment (``HTTPS_PROXY``/``NO_PROXY``, httpx's
``trust_env``). The token only ever goes into the ``Authorization`` header.
"""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass
from typing import Any

import certifi
import httpx

from app import __version__
from app.core.clock import get_clock
from app.sync.backoff import parse_retry_after
from app.sync.config import SyncConfig, check_ca_bundle, check_server_url
from app.sync.errors import (
    AuthenticationError,
    ServerRefusedError,
    SyncConfigError,
    TlsError,
    TransientError,
)

PROTOCOL = 1
BATCH_PATH = "/v1/fiches/batch"
HEALTH_PATH = "/v1/health"


@dataclass(frozen=True, slots=True)
class FicheOutcome:
    """The central service's answer for one fiche."""

    uuid: str
    version: int
    status: str  # accepted | rejected | conflict
    reference: str = ""
    code: str = ""
    message: str = ""


def ssl_context(ca_bundle: str) -> ssl.SSLContext:
    """Verification always on; a CA bundle replaces the default authorities."""
    check_ca_bundle(ca_bundle)
    try:
        if ca_bundle:
            return ssl.create_default_context(cafile=ca_bundle)
        ctx = ssl.create_default_context()
        ctx.load_verify_locations(cafile=certifi.where())
        return ctx
    except (ssl.SSLError, OSError) as exc:
        raise SyncConfigError(
            f"Fichier d’autorités de certification illisible : {ca_bundle} ({type(exc).__name__})"
        ) from None


def _is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _error_message(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
        return str(body.get("code", "")), str(body.get("message", ""))
    except (ValueError, AttributeError):
        return "", ""


class CentralClient:
    """Requests to one central service with one partner-account token."""

    def __init__(
        self,
        config: SyncConfig,
        token: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        url = check_server_url(config.server_url, dev_mode=config.dev_mode)
        verify: ssl.SSLContext | bool = (
            ssl_context(config.ca_bundle) if url.startswith("https:") else False
        )
        self._http = httpx.Client(
            base_url=url,
            verify=verify,
            trust_env=True,
            transport=transport,
            timeout=httpx.Timeout(
                connect=config.connect_timeout,
                read=config.read_timeout,
                write=config.read_timeout,
                pool=config.connect_timeout,
            ),
            headers={
                "User-Agent": f"tracing-desk/{__version__}",
                "Accept": "application/json",
            },
        )
        if token:
            self._http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- calls

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise TransientError(
                f"Le service central ne répond pas ({type(exc).__name__})."
            ) from None
        except httpx.TransportError as exc:
            if _is_tls_failure(exc):
                raise TlsError(
                    "Le certificat du service central n’est pas reconnu : la connexion est "
                    "refusée. Vérifiez l’adresse, ou le fichier d’autorités de certification "
                    "(Paramètres › Synchronisation)."
                ) from None
            raise TransientError(f"Service central injoignable ({type(exc).__name__}).") from None

    def _check(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        retry_after = parse_retry_after(response.headers.get("Retry-After"), get_clock().now())
        code, message = _error_message(response)
        if status >= 500:
            raise TransientError(
                f"Le service central est indisponible (HTTP {status}).", retry_after=retry_after
            )
        if status in (401, 403):
            raise AuthenticationError(
                message
                or "Le service central refuse le jeton du compte partenaire : "
                "saisissez un nouveau jeton."
            )
        if status == 429:  # too many requests: retried after Retry-After (backoff otherwise)
            raise TransientError(
                message or "Le service central demande d’attendre avant un nouvel envoi.",
                retry_after=retry_after,
            )
        raise ServerRefusedError(
            message or f"Le service central refuse l’envoi (HTTP {status}).",
            status=status,
            code=code,
            retry_after=retry_after,
        )

    def health(self) -> bool:
        """True when the service answers its health probe (no token needed)."""
        try:
            response = self._request("GET", HEALTH_PATH)
        except (TransientError, TlsError):
            return False
        return response.status_code == 200

    def post_batch(self, body: bytes, key: str) -> list[FicheOutcome]:
        """POST one batch (already encoded) with its Idempotency-Key; one attempt."""
        response = self._request(
            "POST",
            BATCH_PATH,
            content=body,
            headers={"Idempotency-Key": key, "Content-Type": "application/json"},
        )
        self._check(response)
        try:
            data = response.json()
            results = data["results"]
            return [
                FicheOutcome(
                    uuid=str(r["uuid"]),
                    version=int(r["version"]),
                    status=str(r["status"]),
                    reference=str(r.get("reference") or ""),
                    code=str(r.get("code") or ""),
                    message=str(r.get("message") or ""),
                )
                for r in results
            ]
        except (ValueError, KeyError, TypeError, json.JSONDecodeError):
            # A garbled reply (a proxy's page): the server may have committed, so
            # the same batch is sent again with the same key.
            raise TransientError("Réponse illisible du service central.") from None

"""The HTTP API of the reference central service (FastAPI), protocol version 1.

The OpenAPI document generated from this module is committed as
``resources/api/openapi.json`` (``tools/gen_openapi.py``; a test keeps it in step).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import Depends, FastAPI, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from central import PROTOCOL_VERSION
from central.clock import now, to_text
from central.rules import Checked, Result, check_item, store_item
from central.storage import Storage

log = logging.getLogger("central")

MAX_BATCH = 500
_KEY_RE = re.compile(r"^[\x21-\x7e]{8,200}$")


# ----------------------------------------------------------------- models


class FicheItem(BaseModel):
    """One fiche: its identity, version, creation instant, anonymity choice and every field."""

    uuid: str = Field(description="UUID of the fiche (lowercase, canonical form).")
    version: int = Field(
        ge=1, description="Version of the fiche (1 at creation, +1 at every save)."
    )
    created_at: str = Field(
        description="Creation instant, ISO 8601 UTC, fixed at the first save; "
        "the 3-month limit counts from it."
    )
    type: Literal["patient_zero", "contact"] = Field(description="Kind of fiche.")
    identity_disclosure: Literal["oui", "non", "non_recueilli"] | None = Field(
        description="Patient zéro: may the identity be given to the contacts (MARS 109)? "
        "null for a contact, or when not yet recorded. Same value as the document's "
        "`divulgation_identite`."
    )
    document: dict[str, Any] = Field(
        description="Every field of the fiche (FIELDS.md), French keys, as in "
        "docs/format-jsonl.md: `format`, `type`, `uuid`, `version`, `cree_le`…; "
        "a contact carries its `expositions`."
    )


class BatchRequest(BaseModel):
    protocol: Literal[1] = Field(description="Protocol version.")
    fiches: list[FicheItem] = Field(max_length=MAX_BATCH, description="At most 500 fiches.")


class FicheResult(BaseModel):
    uuid: str
    version: int
    status: Literal["accepted", "rejected", "conflict"]
    reference: str | None = Field(
        default=None, description="accepted: the central reference (stable for the fiche)."
    )
    replayed: bool | None = Field(
        default=None,
        description="accepted: true when this UUID + version had already been received "
        "with the same payload (nothing was stored twice).",
    )
    code: str | None = Field(default=None, description="rejected / conflict: a stable code.")
    message: str | None = Field(
        default=None, description="rejected / conflict: a French message for the user."
    )
    current_version: int | None = Field(
        default=None, description="conflict: the version the central service holds."
    )


class BatchResponse(BaseModel):
    protocol: Literal[1]
    results: list[FicheResult] = Field(description="One result per fiche, in request order.")


class ErrorBody(BaseModel):
    code: str
    message: str = Field(description="French message.")


class Health(BaseModel):
    status: Literal["ok"]
    protocol: int
    service: str


# ------------------------------------------------------------------- app


def _error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


class _Unauthorized(Exception):
    pass


def create_app(storage: Storage, *, purge_interval: float | None = 3600.0) -> FastAPI:
    """The ASGI application over *storage*; purges every *purge_interval* seconds (None: never)."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = None
        if purge_interval:

            async def purge_loop() -> None:
                while True:
                    try:
                        deleted = await run_in_threadpool(storage.purge, now())
                        if deleted:
                            log.info("purge: %d fiche(s) past the 3-month limit deleted", deleted)
                    except Exception:
                        log.exception("purge failed")
                    await asyncio.sleep(purge_interval)

            task = asyncio.create_task(purge_loop())
        yield
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    app = FastAPI(
        title="Tracing Desk sync protocol",
        version=f"{PROTOCOL_VERSION}.0.0",
        description=(
            "Versioned JSON-over-HTTPS protocol between Tracing Desk and the central tracing "
            "service. This reference implementation stands in for the national service "
            "(development, demonstrations, tests).\n\n"
            "Authentication: the establishment's partner-account token, "
            "`Authorization: Bearer <token>`; 401 means the token must be replaced.\n\n"
            "Exactly-once: a fiche version is identified by UUID + version. A second delivery "
            "with the same payload is acknowledged again with the same reference "
            "(`replayed`: true); with a different payload it is a conflict (409 on the "
            "single-fiche endpoint).\n\n"
            "Retries: 5xx and network failures may be retried with the same "
            "`Idempotency-Key`; `Retry-After` (seconds or HTTP date) may accompany 429 and "
            "503. 4xx replies other than 429 must not be retried unchanged.\n\n"
            "Retention: fiches are deleted 3 calendar months after their creation; a fiche "
            "older than that is rejected (`delai_conservation_depasse`)."
        ),
        lifespan=lifespan,
    )
    app.state.storage = storage

    @app.exception_handler(_Unauthorized)
    async def unauthorized(_request: Request, _exc: _Unauthorized) -> JSONResponse:
        return _error(
            401,
            "jeton_refuse",
            "Jeton du compte partenaire absent, inconnu ou révoqué : saisissez un nouveau jeton.",
            **{"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()[:5])
        return _error(422, "requete_invalide", f"Requête mal formée ({where}).")

    def account(authorization: str | None = Header(default=None)) -> str:
        if not authorization or not authorization.startswith("Bearer "):
            raise _Unauthorized
        found = storage.account_for(authorization[len("Bearer ") :].strip())
        if found is None:
            raise _Unauthorized
        return found

    @app.get("/v1/health", response_model=Health, summary="Reachability probe (no token).")
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "service": "tracing-desk-central"}

    @app.post(
        "/v1/fiches/batch",
        response_model=BatchResponse,
        summary="Deliver a batch of fiches (at most 500), idempotently.",
        responses={
            400: {"model": ErrorBody, "description": "missing or malformed Idempotency-Key"},
            401: {"model": ErrorBody, "description": "token missing, unknown or revoked"},
            413: {"model": ErrorBody, "description": "more than 500 fiches"},
            422: {
                "model": ErrorBody,
                "description": "malformed request, or Idempotency-Key reused for another body",
            },
        },
    )
    def post_batch(
        body: BatchRequest,
        idempotency_key: str | None = Header(
            default=None,
            alias="Idempotency-Key",
            description="8–200 printable ASCII characters; the same key with the same body "
            "returns the stored response (for 24 hours).",
        ),
        who: str = Depends(account),
    ) -> Any:
        if idempotency_key is None or not _KEY_RE.match(idempotency_key):
            return _error(400, "cle_idempotence", "En-tête Idempotency-Key absent ou mal formé.")
        items = [f.model_dump() for f in body.fiches]
        request_hash = hashlib.sha256(
            json.dumps(items, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ).hexdigest()
        at = now()
        with storage.transaction() as tx:
            row = tx.one(
                "SELECT request_hash, response FROM idempotency WHERE account = ? AND key = ?",
                (who, idempotency_key),
            )
        if row is not None:
            if row[0] != request_hash:
                return _error(
                    422,
                    "cle_idempotence_reutilisee",
                    "Cette clé Idempotency-Key a déjà servi pour un autre envoi.",
                )
            return JSONResponse(json.loads(row[1]), headers={"Idempotent-Replayed": "true"})
        results: list[Result | None] = [None] * len(items)
        to_store: list[tuple[int, Checked]] = []
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item["uuid"] in seen:
                results[i] = Result(
                    str(item["uuid"]),
                    int(item["version"]),
                    "rejected",
                    code="doublon_dans_le_lot",
                    message="La fiche figure deux fois dans le même envoi.",
                )
                continue
            seen.add(item["uuid"])
            checked = check_item(item, at)
            if isinstance(checked, Result):
                results[i] = checked
            else:
                to_store.append((i, checked))
        to_store.sort(key=lambda pair: pair[1].uuid)  # a fixed lock order
        with storage.transaction() as tx:
            for i, checked in to_store:
                results[i] = store_item(tx, who, checked, at)
            response = {
                "protocol": PROTOCOL_VERSION,
                "results": [r.as_json() for r in results if r is not None],
            }
            tx.execute(
                "INSERT INTO idempotency (account, key, request_hash, response, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, key) DO NOTHING",
                (who, idempotency_key, request_hash, json.dumps(response), to_text(at)),
            )
        return JSONResponse(response)

    @app.put(
        "/v1/fiches/{uuid}/versions/{version}",
        response_model=FicheResult,
        summary="Deliver one fiche version (200 replay, 201 new, 409 conflict, 422 rejected).",
        status_code=201,
        responses={
            200: {"model": FicheResult, "description": "already received with this payload"},
            401: {"model": ErrorBody},
            409: {"model": FicheResult, "description": "same UUID + version, another payload"},
            422: {"model": FicheResult, "description": "rejected (code + French message)"},
        },
    )
    def put_fiche(uuid: str, version: int, item: FicheItem, who: str = Depends(account)) -> Any:
        data = item.model_dump()
        if data["uuid"] != uuid or data["version"] != version:
            return _error(422, "requete_invalide", "L'adresse ne correspond pas à la fiche.")
        at = now()
        checked = check_item(data, at)
        if isinstance(checked, Result):
            return JSONResponse(checked.as_json(), status_code=422)
        with storage.transaction() as tx:
            result = store_item(tx, who, checked, at)
        status = {"accepted": 200 if result.replayed else 201, "conflict": 409}[result.status]
        return JSONResponse(result.as_json(), status_code=status)

    return app

"""The HTTP API of the reference central service (FastAPI), protocol version 1.

The OpenAPI document generated from this module is committed as
``resources/api/openapi.json`` (``tools/gen_openapi.py``; a test keeps it in step).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from central import PROTOCOL_VERSION, formats
from central.clock import now, to_text
from central.guard import MAX_BODY_BYTES, MESSAGE_UNAUTHORIZED, AuthThrottle, Guard
from central.rules import (
    CODE_NOT_YOURS,
    MAX_TEXT_CHARS,
    MAX_VERSION,
    Checked,
    Result,
    canonical_hash,
    check_item,
    store_item,
)
from central.storage import Principal, Storage, month_of

log = logging.getLogger("central")

MAX_BATCH = 500
_UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_KEY_PATTERN = r"^[\x21-\x7e]{8,200}$"
#: Structure of one document: what no fiche comes near (a contact with a hundred
#: expositions is a few thousand values); beyond, the request is malformed (422).
MAX_DOCUMENT_DEPTH = 8
MAX_DOCUMENT_VALUES = 20_000
MAX_DOCUMENT_CHARS = 1_000_000  # the client's longest JSONL line (app.db.jsonl.MAX_LINE_CHARS)

MESSAGE_KEY = "En-tête Idempotency-Key absent ou mal formé."
_FORMATS = (
    f"format {formats.CURRENT_FORMAT}"
    if formats.MIN_FORMAT == formats.CURRENT_FORMAT
    else f"formats {formats.MIN_FORMAT} to {formats.CURRENT_FORMAT}"
)
MESSAGE_KEY_REUSED = "Cette clé Idempotency-Key a déjà servi pour un autre envoi."
_HTTP_CODES = {404: "introuvable", 405: "methode_non_permise", 400: "requete_invalide"}
_HTTP_MESSAGES = {
    404: "Adresse inconnue du service central.",
    405: "Méthode non permise pour cette adresse.",
    400: "Requête illisible.",
}


def _printable(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("caractère invalide (substitut UTF-16 isolé)") from None
    return value


def _document_shape(doc: dict[str, Any]) -> dict[str, Any]:
    """Bound the structure of a document (depth, values, characters), without recursion."""
    values = chars = 0
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        values += 1
        if values > MAX_DOCUMENT_VALUES or depth > MAX_DOCUMENT_DEPTH:
            raise ValueError("document trop grand ou trop imbriqué")
        if isinstance(value, dict):
            for key, inner in value.items():
                chars += len(key)
                stack.append((inner, depth + 1))
        elif isinstance(value, list):
            stack.extend((inner, depth + 1) for inner in value)
        elif isinstance(value, str):
            chars += len(value)
        if chars > MAX_DOCUMENT_CHARS:
            raise ValueError("document trop volumineux")
    return doc


# ----------------------------------------------------------------- models


class FicheItem(BaseModel):
    """One fiche: its identity, version, creation instant, anonymity choice and every field."""

    uuid: str = Field(max_length=36, description="UUID of the fiche (lowercase, canonical form).")
    version: int = Field(
        ge=1,
        le=MAX_VERSION,
        description="Version of the fiche (1 at creation, +1 at every save), 1 … 2³¹−1.",
    )
    created_at: str = Field(
        max_length=64,
        description="Creation instant, ISO 8601 UTC, fixed at the first save; "
        "the 3-month limit counts from it.",
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
        "a contact carries its `expositions`. Each text holds at most 32767 characters "
        "(longer: the fiche is rejected, `champ_trop_long`). "
        f"`format` is the document's format: this service reads {_FORMATS}; another "
        f"value is rejected (`{formats.CODE_FORMAT}`). A field this service does not "
        "know is ignored (neither checked nor kept), unless `required_fields` names it."
    )
    required_fields: list[Annotated[str, Field(pattern=formats.REQUIRED_PATH_PATTERN)]] = Field(
        default_factory=list,
        max_length=formats.MAX_REQUIRED,
        description="Optional: paths of the document (French keys, `key[]` for the items of "
        "a list, e.g. `expositions[].date_dernier_contact`) that the receiver must "
        "understand rather than ignore. A path this service does not know rejects the "
        f"fiche (`{formats.CODE_REQUIRED}`).",
    )

    _text = field_validator("uuid", "created_at")(_printable)
    _shape = field_validator("document")(_document_shape)

    def as_item(self) -> dict[str, Any]:
        """The item as checked and hashed; without ``required_fields`` when it is empty,
        so that an item hashes as it did before that field existed (replays stay replays)."""
        return self.model_dump(exclude=None if self.required_fields else {"required_fields"})


class BatchRequest(BaseModel):
    protocol: Literal[1] = Field(description="Protocol version.")
    fiches: list[FicheItem] = Field(
        description=f"At most {MAX_BATCH} fiches (more: 413).",
        json_schema_extra={"maxItems": MAX_BATCH},
    )


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
    min_format: int = Field(description="Oldest fiche document format this service reads.")
    max_format: int = Field(description="Newest fiche document format this service reads.")


# ------------------------------------------------------------------- app


def _error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


class _Unauthorized(Exception):
    pass


_LOC_PART = re.compile(r"^[A-Za-z_-]{1,40}$")


def _where(errors: Sequence[Any]) -> str:
    """The places of validation errors (model field names and indexes only, no value)."""
    places = []
    for e in errors[:5]:
        parts = [
            str(p)
            for p in e.get("loc", ())
            if isinstance(p, int) or (isinstance(p, str) and _LOC_PART.match(p))
        ]
        places.append(".".join(parts) or "corps")
    return ", ".join(dict.fromkeys(places))


def _error_response(description: str, *, retry_after: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"model": ErrorBody, "description": description}
    if retry_after:
        out["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "schema": {"type": "integer"},
            }
        }
    return out


#: Replies every fiche endpoint may give besides its own (all an ``ErrorBody``).
_COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error_response("malformed request (Content-Length, body unreadable)"),
    401: {
        **_error_response("token missing, unknown or revoked (checked before the body is read)"),
        "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}},
    },
    404: _error_response("no such address (an empty UUID or version in the path)"),
    413: _error_response(
        f"body over {MAX_BODY_BYTES} bytes (refused unread), or more than {MAX_BATCH} fiches"
    ),
    429: _error_response("too many failed authentications from this address", retry_after=True),
    503: _error_response("storage unavailable: retry later", retry_after=True),
}


_BEARER = HTTPBearer(auto_error=False, description="The partner's token.")


def partner(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)],
) -> Principal:
    found = getattr(request.state, "principal", None)
    if not isinstance(found, Principal):  # the guard let nothing through without one
        raise _Unauthorized
    return found


def create_app(
    storage: Storage,
    *,
    purge_interval: float | None = 3600.0,
    throttle: AuthThrottle | None = None,
    max_body: int = MAX_BODY_BYTES,
) -> FastAPI:
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
                    except Exception as exc:
                        log.error("purge failed (%s)", type(exc).__name__)
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
            "Partners: a partner is an establishment (label, FINESS, time zone) with one "
            "token per workstation, each revocable. A fiche belongs to the partner that "
            "first delivered it: another partner gets `rejected` "
            f"(`{CODE_NOT_YOURS}`), whatever that fiche holds, and nothing changes.\n\n"
            "Authentication: the partner's token, `Authorization: Bearer <token>`, checked "
            "before the body is read; 401 means the token must be replaced. Repeated "
            "failures from one address get 429 with `Retry-After`.\n\n"
            f"Limits: a body over {MAX_BODY_BYTES} bytes gets 413 unread (Content-Length or "
            f"counted while streaming); at most {MAX_BATCH} fiches a batch (413); a text "
            f"field holds at most {MAX_TEXT_CHARS} characters; versions are 1 to "
            f"{MAX_VERSION}.\n\n"
            "Exactly-once: a fiche version is identified by UUID + version. A second delivery "
            "with the same payload is acknowledged again with the same reference "
            "(`replayed`: true); with a different payload it is a conflict (409 on the "
            "single-fiche endpoint). A batch and its Idempotency-Key record are written in "
            "one transaction: two requests with one key and different bodies cannot both "
            "be stored (the second gets 422).\n\n"
            "Retries: 5xx and network failures may be retried with the same "
            "`Idempotency-Key`; `Retry-After` (seconds) may accompany 429 and "
            "503. 4xx replies other than 429 must not be retried unchanged.\n\n"
            "Retention: fiches are deleted 3 calendar months after their creation, counted "
            "on the partner's time zone and on UTC, the earlier applying; a fiche older "
            "than that is rejected (`delai_conservation_depasse`).\n\n"
            "Formats: each fiche document carries its `format`; this service reads "
            f"{_FORMATS} (`/v1/health` says which). A field added to the records is optional "
            "for a reader that does not know it: ignored, neither checked nor kept, and the "
            "format does not move; a change an older reader must not ignore moves the format, "
            f"which it then rejects (`{formats.CODE_FORMAT}`). A sender may also name, in "
            "`required_fields`, paths the reader must understand: an unknown one rejects the "
            f"fiche (`{formats.CODE_REQUIRED}`).\n\n"
            "Messages name the field and the rule, never the value received."
        ),
        lifespan=lifespan,
    )
    app.state.storage = storage
    app.add_middleware(
        Guard, storage=storage, throttle=throttle or AuthThrottle(), max_body=max_body
    )

    @app.exception_handler(_Unauthorized)
    async def unauthorized(_request: Request, _exc: _Unauthorized) -> JSONResponse:
        return _error(401, "jeton_refuse", MESSAGE_UNAUTHORIZED, **{"WWW-Authenticate": "Bearer"})

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(tuple(e.get("loc", ()))[:2] == ("header", "Idempotency-Key") for e in errors):
            return _error(400, "cle_idempotence", MESSAGE_KEY)
        return _error(422, "requete_invalide", f"Requête mal formée ({_where(errors)}).")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "requete_invalide")
        message = _HTTP_MESSAGES.get(exc.status_code, "Requête refusée.")
        return _error(exc.status_code, code, message, **(exc.headers or {}))

    @app.exception_handler(Exception)
    async def unavailable(_request: Request, exc: Exception) -> JSONResponse:
        log.error("request failed (%s)", type(exc).__name__)
        return _error(
            503,
            "service_indisponible",
            "Service central momentanément indisponible\u00a0: réessayez plus tard.",
            **{"Retry-After": "30"},
        )

    @app.get("/v1/health", response_model=Health, summary="Reachability probe (no token).")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "protocol": PROTOCOL_VERSION,
            "service": "tracing-desk-central",
            "min_format": formats.MIN_FORMAT,
            "max_format": formats.CURRENT_FORMAT,
        }

    @app.post(
        "/v1/fiches/batch",
        response_model=BatchResponse,
        summary=f"Deliver a batch of fiches (at most {MAX_BATCH}), idempotently.",
        responses={
            200: {
                "description": "one result per fiche; `Idempotent-Replayed: true` on a replay",
                "headers": {"Idempotent-Replayed": {"schema": {"type": "string"}}},
            },
            **_COMMON_ERRORS,
            400: _error_response(
                "missing or malformed Idempotency-Key, or malformed request (Content-Length, "
                "body unreadable)"
            ),
            422: _error_response("malformed request, or Idempotency-Key reused for another body"),
        },
    )
    def post_batch(
        body: BatchRequest,
        who: Annotated[Principal, Depends(partner)],
        idempotency_key: str = Header(
            alias="Idempotency-Key",
            pattern=_KEY_PATTERN,
            description="8–200 printable ASCII characters; the same key with the same body "
            "returns the stored response (for 24 hours); missing or malformed: 400.",
        ),
    ) -> Any:
        if len(body.fiches) > MAX_BATCH:
            return _error(
                413,
                "lot_trop_grand",
                f"Lot de plus de {MAX_BATCH} fiches\u00a0: envoyez-les en lots plus petits.",
            )
        items = [f.as_item() for f in body.fiches]
        request_hash = canonical_hash(items)
        at = now()
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
            checked = check_item(item, at, who.timezone)
            if isinstance(checked, Result):
                results[i] = checked
            else:
                to_store.append((i, checked))
        to_store.sort(key=lambda pair: pair[1].uuid)  # a fixed lock order
        storage.ensure_partitions((who.partner, month_of(c.created_at)) for _i, c in to_store)
        with storage.transaction() as tx:
            # The key's record is read and written in the batch's own transaction,
            # under the key's lock: one body per key, whatever the concurrency.
            tx.lock_key(who.partner, idempotency_key)
            row = tx.one(
                "SELECT request_hash, response FROM idempotency WHERE account = ? AND key = ?",
                (who.partner, idempotency_key),
            )
            if row is not None:
                if row[0] != request_hash:
                    return _error(422, "cle_idempotence_reutilisee", MESSAGE_KEY_REUSED)
                return JSONResponse(json.loads(row[1]), headers={"Idempotent-Replayed": "true"})
            for i, checked in to_store:
                results[i] = store_item(tx, who.partner, checked, at)
            response = {
                "protocol": PROTOCOL_VERSION,
                "results": [r.as_json() for r in results if r is not None],
            }
            tx.execute(
                "INSERT INTO idempotency (account, key, request_hash, response, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    who.partner,
                    idempotency_key,
                    request_hash,
                    json.dumps(response, ensure_ascii=False),
                    to_text(at),
                ),
            )
        return JSONResponse(response)

    @app.put(
        "/v1/fiches/{uuid}/versions/{version}",
        response_model=FicheResult,
        summary="Deliver one fiche version (200 replay, 201 new, 409 conflict, 422 rejected).",
        status_code=201,
        responses={
            200: {"model": FicheResult, "description": "already received with this payload"},
            **_COMMON_ERRORS,
            409: {"model": FicheResult, "description": "same UUID + version, another payload"},
            422: {
                "description": "rejected fiche (a FicheResult: code + French message), or a "
                "malformed request (an ErrorBody)",
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/FicheResult"},
                                {"$ref": "#/components/schemas/ErrorBody"},
                            ]
                        }
                    }
                },
            },
        },
    )
    def put_fiche(
        item: FicheItem,
        who: Annotated[Principal, Depends(partner)],
        uuid: str = Path(pattern=_UUID_PATTERN, description="UUID of the fiche (canonical)."),
        version: int = Path(ge=1, le=MAX_VERSION, description="Version of the fiche."),
    ) -> Any:
        data = item.as_item()
        if data["uuid"] != uuid or data["version"] != version:
            return _error(
                422, "requete_invalide", "L’adresse ne correspond pas à la fiche envoyée."
            )
        at = now()
        checked = check_item(data, at, who.timezone)
        if isinstance(checked, Result):
            return JSONResponse(checked.as_json(), status_code=422)
        storage.ensure_partitions([(who.partner, month_of(checked.created_at))])
        with storage.transaction() as tx:
            result = store_item(tx, who.partner, checked, at)
        status = {"accepted": 200 if result.replayed else 201, "conflict": 409, "rejected": 422}
        return JSONResponse(result.as_json(), status_code=status[result.status])

    return app

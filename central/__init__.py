"""Reference central service of the Tracing Desk sync protocol (version 1).

It stands in for the national tracing service, whose API is not public, for
development, demonstrations and tests: it implements the protocol documented
in ``resources/api/openapi.json`` for real (TLS, partners — establishments —
with one revocable token per workstation, each fiche owned by the partner that
first sent it, work bounded before authentication, idempotent batches,
exactly-once per fiche UUID + version, the 3-month limit on each
establishment's calendar). Deployment at scale: ``docs/central-deployment.md``.
It is not the national service and holds no real data.

Started with ``python -m central [--host 127.0.0.1] [--port P] [--data-dir DIR]``.
"""

PROTOCOL_VERSION = 1

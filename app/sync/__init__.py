"""Client side of the sync protocol (no Qt): outbox, HTTP transport, retries, the drain.

``engine.drain_once`` sends the outbox to the central service; a worker
(``app.workers.sync_worker``) drives it off the UI thread and the command
``tracing-desk sync`` runs it once. The protocol is documented in
``resources/api/openapi.json``.
"""

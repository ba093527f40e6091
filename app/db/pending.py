"""The one count of fiches « en attente » of the central service.

Used by the status bar (``app.sync.outbox``), the list (filter « en attente
d'envoi ») and ``doctor``, through :mod:`app.services.fiches`; it sits in the
store so that the sync, below the services, reads the same count.
"""

from __future__ import annotations

from app.core.enums import SyncState
from app.db.connection import Database
from app.db.fiche_queries import FicheQuery
from app.db.repositories import FicheRepository

#: « En attente » (of the central service): the fiches whose latest validated
#: version is queued and not yet acknowledged (``sync_state = pending``). Not
#: counted: drafts (never queued: « non transmise »), fiches whose latest version
#: was acknowledged (« transmise »), refused or in conflict (each counted apart). A
#: pending fiche that reached its deletion deadline stays counted until the purge
#: deletes it (it is never sent: the sync report says so).
PENDING_QUERY = FicheQuery(sync_state=SyncState.PENDING)


def pending_sync_count(db: Database) -> int:
    """How many fiches are « en attente » (:data:`PENDING_QUERY`: the list's own query)."""
    return FicheRepository(db, "").count(PENDING_QUERY)

"""Why a sync stopped. ``str()`` is a French message for the user (never personal data).

Every one is a :class:`~app.core.errors.UserError`: a known condition (an
address to correct, a token to renew, a network to wait for), never a bug.
"""

from __future__ import annotations

from typing import ClassVar

from app.core.errors import UserError


class SyncError(UserError):
    """Base class; ``outcome`` is the short word recorded in ``sync_runs``."""

    code: ClassVar[str] = "sync_error"
    context: ClassVar[str] = "sync"
    outcome = "error"

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SyncConfigError(SyncError):
    """No server address, a refused ``http://`` address, an unreadable CA bundle."""

    code = "sync_config"
    outcome = "config"


class AuthenticationError(SyncError):
    """401/403, or no token in the keyring: a new partner-account token is needed."""

    code = "sync_auth"
    outcome = "auth"


class TlsError(SyncError):
    """The server's certificate is not trusted (never bypassed)."""

    code = "sync_tls"
    outcome = "tls"


class ServerRefusedError(SyncError):
    """A 4xx reply other than 401/403: not retried. ``server_code``: the service's own code."""

    code = "sync_refused"
    outcome = "refused"

    def __init__(
        self, message: str, *, status: int, code: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(message, retry_after=retry_after)
        self.status = status
        self.server_code = code


class TransientError(SyncError):
    """Network failure, timeout or 5xx: worth another attempt."""

    code = "sync_transient"
    outcome = "offline"


class UnreachableError(SyncError):
    """Every attempt of this sync failed transiently: try again later."""

    code = "sync_unreachable"
    outcome = "offline"


class SyncBusyError(SyncError):
    """Another sync (another window or command) is running."""

    code = "sync_busy"
    outcome = "busy"

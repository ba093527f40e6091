"""Why a sync stopped. ``str()`` is a French message for the user (never personal data)."""

from __future__ import annotations


class SyncError(Exception):
    """Base class; ``outcome`` is the short word recorded in ``sync_runs``."""

    outcome = "error"

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SyncConfigError(SyncError):
    """No server address, a refused ``http://`` address, an unreadable CA bundle."""

    outcome = "config"


class AuthenticationError(SyncError):
    """401/403, or no token in the keyring: a new partner-account token is needed."""

    outcome = "auth"


class TlsError(SyncError):
    """The server's certificate is not trusted (never bypassed)."""

    outcome = "tls"


class ServerRefusedError(SyncError):
    """A 4xx reply other than 401/403: not retried."""

    outcome = "refused"

    def __init__(
        self, message: str, *, status: int, code: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(message, retry_after=retry_after)
        self.status = status
        self.code = code


class TransientError(SyncError):
    """Network failure, timeout or 5xx: worth another attempt."""

    outcome = "offline"


class UnreachableError(SyncError):
    """Every attempt of this sync failed transiently: try again later."""

    outcome = "offline"


class SyncBusyError(SyncError):
    """Another sync (another window or command) is running."""

    outcome = "busy"

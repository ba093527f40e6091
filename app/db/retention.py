"""The establishment's retention policy: how long a fiche is kept, read from its settings.

Used by the repositories (each fiche's deadline), the drafts and the purge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core import settings as app_settings
from app.core.retention import DEFAULT_TZ, effective_deadline
from app.db.settings_values import SettingsReader


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """The establishment's retention settings (never longer than 3 months).

    ``after_transmission_days`` (``None``: no such rule) deletes a fiche that
    many days after the central service acknowledged its latest version, when
    that comes before the period after creation.
    """

    timezone: str = DEFAULT_TZ
    months: int = 3
    after_transmission_days: int | None = None

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> RetentionPolicy:
        """The policy the establishment set (an unknown time zone reads as Europe/Paris)."""
        tz = settings.get(app_settings.ESTABLISHMENT_TIMEZONE)
        try:
            ZoneInfo(tz)
        except (ValueError, ZoneInfoNotFoundError):
            tz = DEFAULT_TZ
        after = None
        if settings.get(app_settings.RETENTION_AFTER_TRANSMISSION):
            after = settings.get(app_settings.RETENTION_AFTER_TRANSMISSION_DAYS)
        return cls(tz, settings.get(app_settings.RETENTION_MONTHS), after)

    def deadline(self, created_at: datetime, acknowledged_at: datetime | None = None) -> datetime:
        return effective_deadline(
            created_at,
            tz=self.timezone,
            months=self.months,
            transmitted_at=acknowledged_at,
            after_transmission_days=self.after_transmission_days,
        )

    def fingerprint(self) -> str:
        """A short text that changes whenever a deadline could change."""
        return f"{self.timezone}|{self.months}|{self.after_transmission_days}"

"""Declarative settings: each one's key, type, default, French label and check, in one place.

Values live in the encrypted database (``settings`` table, JSON values) and
are read and written through ``app.db.settings_store``. A feature that needs a
setting declares it here with :func:`declare`; the settings dialog, the CLI
and the tests read :data:`REGISTRY`. No setting can carry personal data of a
patient; the establishment's own details (name, FINESS, référent contact) are
settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.identifiers import IdentifierError, normalize_finess, parse_phone
from app.core.timefmt import DEFAULT_ZONE, ZONE_NAMES

T = TypeVar("T")


class SettingError(ValueError):
    """A value refused by a setting's check; ``str()`` is a French message."""


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    label: str
    #: Raises ``SettingError`` with a French message, or returns the normalised value.
    check: Callable[[T], T] | None = None
    #: Shown to the référent next to the field.
    help: str = ""
    #: Only a référent may change it (issue: access control).
    restricted: bool = True
    #: Set by the program itself (first-run wizard), not shown in the settings dialog.
    internal: bool = False

    def validate(self, value: Any) -> T:
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise SettingError(
                f"« {self.label} » : valeur de type inattendu ({type(value).__name__})."
            )
        return self.check(value) if self.check is not None else value


REGISTRY: dict[str, Setting[Any]] = {}


def declare(setting: Setting[T]) -> Setting[T]:
    """Register *setting*; a key may be declared once only."""
    if setting.key in REGISTRY:
        raise ValueError(f"setting {setting.key!r} declared twice")
    setting.validate(setting.default)
    REGISTRY[setting.key] = setting
    return setting


def int_between(low: int, high: int, label: str) -> Callable[[int], int]:
    def check(value: int) -> int:
        if not low <= value <= high:
            raise SettingError(f"« {label} » doit être compris entre {low} et {high}.")
        return value

    return check


def _stripped(value: str) -> str:
    return value.strip()


# ---------------------------------------------------------------- establishment

ESTABLISHMENT_NAME = declare(
    Setting(
        "establishment.name",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Nom de l’établissement"),
        _stripped,
    )
)


def _finess_or_empty(value: str) -> str:
    """9 characters (``identifiers.normalize_finess``); a failing check digit is only a
    warning (``identifiers.finess_key_warning``), shown alike by every entry point."""
    value = value.strip()
    if not value:
        return ""
    try:
        return normalize_finess(value)
    except IdentifierError as exc:
        raise SettingError(exc.message) from None


ESTABLISHMENT_FINESS = declare(
    Setting(
        "establishment.finess",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "N° FINESS"),
        _finess_or_empty,
    )
)
ESTABLISHMENT_ADDRESS = declare(
    Setting(
        "establishment.address",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Adresse de l’établissement"),
        _stripped,
        help=QT_TRANSLATE_NOOP("core", "Adresse postale, sur une ou plusieurs lignes."),
    )
)


def _known_zone(value: str) -> str:
    value = value.strip()
    if value not in ZONE_NAMES:
        raise SettingError(f"Fuseau horaire inconnu : « {value} ».")
    return value


ESTABLISHMENT_TIMEZONE = declare(
    Setting(
        "establishment.timezone",
        str,
        DEFAULT_ZONE,
        QT_TRANSLATE_NOOP("core", "Fuseau horaire de l’établissement"),
        _known_zone,
        help=QT_TRANSLATE_NOOP(
            "core",
            "Toutes les dates et heures affichées ou imprimées (fiches, liste, journal, "
            "suppressions) le sont dans ce fuseau.",
        ),
    )
)

# The référent or DPO whom patients may contact: printed on the information
# poster and notice (issue 5). A professional contact, never a patient's.

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _phone_or_empty(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        return parse_phone(value)
    except IdentifierError as exc:
        raise SettingError(exc.message) from None


def _email_or_empty(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.fullmatch(value):
        raise SettingError(f"Adresse e-mail non reconnue « {value} ».")
    return value


def _short_text(limit: int, label: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = " ".join(value.split())
        if len(value) > limit:
            raise SettingError(f"« {label} » : {limit} caractères au plus.")
        return value

    return check


ESTABLISHMENT_CONTACT_NAME = declare(
    Setting(
        "establishment.contact_name",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Référent ou DPO à contacter"),
        _short_text(120, "Référent ou DPO à contacter"),
        help=QT_TRANSLATE_NOOP(
            "core", "Nom ou fonction (par exemple : Délégué à la protection des données)."
        ),
    )
)
ESTABLISHMENT_CONTACT_PHONE = declare(
    Setting(
        "establishment.contact_phone",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Téléphone du référent ou DPO"),
        _phone_or_empty,
    )
)
ESTABLISHMENT_CONTACT_EMAIL = declare(
    Setting(
        "establishment.contact_email",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Adresse e-mail du référent ou DPO"),
        _email_or_empty,
    )
)
ESTABLISHMENT_LOGO_PATH = declare(
    Setting(
        "establishment.logo_path",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Logo de l’établissement (facultatif)"),
        _stripped,
        help=QT_TRANSLATE_NOOP(
            "core", "Image PNG, JPEG ou SVG imprimée sur l’affiche et la notice d’information."
        ),
    )
)

# -------------------------------------------------------------------- retention

RETENTION_MONTHS = declare(
    Setting(
        "retention.months",
        int,
        3,
        QT_TRANSLATE_NOOP("core", "Durée de conservation (mois)"),
        int_between(1, 3, "Durée de conservation (mois)"),
        help=QT_TRANSLATE_NOOP(
            "core", "3 mois au plus après la création de la fiche (décret 2020-551, art. 5)."
        ),
    )
)

# ------------------------------------------------------------------------- sync


def _server_url(value: str) -> str:
    value = value.strip()
    if value and not value.lower().startswith(("https://", "http://")):
        raise SettingError(
            "« Adresse du service central » doit commencer par https:// (ou http:// vers "
            "la boucle locale en mode développement)."
        )
    return value.rstrip("/")


SYNC_SERVER_URL = declare(
    Setting(
        "sync.server_url",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Adresse du service central"),
        _server_url,
        help=QT_TRANSLATE_NOOP("core", "Par exemple https://tracage.exemple.fr (HTTPS)."),
    )
)
SYNC_INTERVAL_MINUTES = declare(
    Setting(
        "sync.interval_minutes",
        int,
        15,
        QT_TRANSLATE_NOOP("core", "Synchronisation automatique (minutes)"),
        int_between(1, 1440, "Synchronisation automatique (minutes)"),
    )
)
SYNC_CA_BUNDLE = declare(
    Setting(
        "sync.ca_bundle",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Autorités de certification (fichier PEM)"),
        _stripped,
        help=QT_TRANSLATE_NOOP(
            "core",
            "Vide : autorités du système. Sinon seules celles du fichier sont reconnues "
            "(proxy de l’hôpital, service central de démonstration).",
        ),
    )
)
SYNC_DEV_MODE = declare(
    Setting(
        "sync.dev_mode",
        bool,
        False,
        QT_TRANSLATE_NOOP("core", "Mode développement (http:// vers la boucle locale)"),
    )
)
RETENTION_AFTER_TRANSMISSION = declare(
    Setting(
        "retention.after_transmission",
        bool,
        False,
        QT_TRANSLATE_NOOP("core", "Supprimer aussi après transmission acquittée"),
        help=QT_TRANSLATE_NOOP(
            "core",
            "Supprime la fiche quelques jours après l’accusé de réception du service "
            "central, si c’est plus tôt que la durée de conservation.",
        ),
    )
)
RETENTION_AFTER_TRANSMISSION_DAYS = declare(
    Setting(
        "retention.after_transmission_days",
        int,
        7,
        QT_TRANSLATE_NOOP("core", "Délai après transmission acquittée (jours)"),
        int_between(0, 92, "Délai après transmission acquittée (jours)"),
        help=QT_TRANSLATE_NOOP("core", "0 : suppression dès l’accusé de réception."),
    )
)

# ------------------------------------------------------------------------ purge

PURGE_WARN_DAYS = declare(
    Setting(
        "purge.warn_days",
        int,
        7,
        QT_TRANSLATE_NOOP("core", "Alerte avant suppression des fiches non transmises (jours)"),
        int_between(1, 60, "Alerte avant suppression des fiches non transmises (jours)"),
        help=QT_TRANSLATE_NOOP(
            "core",
            "Un bandeau signale les fiches non transmises dont la suppression approche : "
            "elles seront supprimées quand même.",
        ),
    )
)

#: The settings a fiche's deadline depends on: changing one recomputes every deadline.
RETENTION_KEYS = frozenset(
    {
        "retention.months",
        "retention.after_transmission",
        "retention.after_transmission_days",
        "establishment.timezone",
    }
)

# --------------------------------------------------------------------- security

AUTOLOCK_MINUTES = declare(
    Setting(
        "security.autolock_minutes",
        int,
        5,
        QT_TRANSLATE_NOOP("core", "Verrouillage automatique après inactivité (minutes)"),
        int_between(1, 60, "Verrouillage automatique après inactivité (minutes)"),
        help=QT_TRANSLATE_NOOP(
            "core",
            "Sur un poste partagé, l’écran se masque après ce délai sans clavier ni souris.",
        ),
    )
)
JOURNAL_RETENTION_MONTHS = declare(
    Setting(
        "journal.retention_months",
        int,
        12,
        QT_TRANSLATE_NOOP("core", "Conservation du journal des accès (mois)"),
        int_between(6, 36, "Conservation du journal des accès (mois)"),
        help=QT_TRANSLATE_NOOP(
            "core",
            "Les entrées plus anciennes sont supprimées par la purge. Le journal ne contient "
            "aucune donnée personnelle des patients (identifiants de fiches seulement).",
        ),
    )
)

# ------------------------------------------------------------------ first run

DEMO_MODE = declare(
    Setting(
        "demo.enabled",
        bool,
        False,
        QT_TRANSLATE_NOOP("core", "Mode démonstration (données fictives)"),
        help=QT_TRANSLATE_NOOP(
            "core",
            "Choisi à la mise en service : le poste ne contient que des données fictives et "
            "l’affiche en permanence. Pour passer en service réel : « Oublier ce poste ».",
        ),
        internal=True,
    )
)

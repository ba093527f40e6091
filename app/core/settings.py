"""Declarative settings: each one's key, type, default, French label and check, in one place.

Values live in the encrypted database (``settings`` table, JSON values) and
are read and written through ``app.db.settings_store``. A feature that needs a
setting declares it here with :func:`declare`; the settings dialog, the CLI
and the tests read :data:`REGISTRY`. No setting can carry personal data of a
patient; the establishment's own details (name, FINESS, référent contact) are
settings.

A declaration says everything an editor needs (``app.ui.settings_editor``
builds every settings screen from it): the type, the label and help, the bounds
of a number, the choices of a list, a multi-line text, a file to choose, how a
stored value is shown, a warning that does not refuse. Each setting has one
check, :meth:`Setting.validate`, which every entry point (window, wizard,
command line, the store) goes through.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

from app.core.dates import DEFAULT_ZONE, ZONE_NAMES, ZONES
from app.core.errors import UserError
from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.identifiers import (
    IdentifierError,
    finess_key_warning,
    format_phone,
    normalize_finess,
    parse_phone,
)

T = TypeVar("T")

T_TYPE = QT_TRANSLATE_NOOP(
    "core", "«\u202f{label}\u202f»\u00a0: valeur de type inattendu ({type})."
)
T_BETWEEN = QT_TRANSLATE_NOOP(
    "core", "«\u202f{label}\u202f» doit être compris entre {low} et {high}."
)
T_ZONE = QT_TRANSLATE_NOOP("core", "Fuseau horaire inconnu\u00a0: «\u202f{value}\u202f».")
T_EMAIL = QT_TRANSLATE_NOOP("core", "Adresse e-mail non reconnue «\u202f{value}\u202f».")
T_TOO_LONG = QT_TRANSLATE_NOOP("core", "«\u202f{label}\u202f»\u00a0: {limit} caractères au plus.")
T_URL_HTTP = QT_TRANSLATE_NOOP(
    "core",
    "Adresse en http:// refusée\u00a0: les données ne partent que chiffrées (https://). "
    "http:// n’est admis que vers la boucle locale, en mode développement.",
)
T_URL_BAD = QT_TRANSLATE_NOOP(
    "core",
    "Adresse du service central invalide\u00a0: «\u202f{url}\u202f» "
    "(attendu\u00a0: https://nom-du-service).",
)


class SettingError(UserError, ValueError):
    """A value refused by a setting's check; ``str()`` is a French message."""

    code = "setting"


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
    #: An integer's lowest and highest values (checked by :meth:`validate`).
    bounds: tuple[int, int] | None = None
    #: The values offered, with their labels (``QT_TRANSLATE_NOOP("core", …)``).
    choices: tuple[tuple[str, str], ...] = ()
    #: A text of several lines (an address).
    multiline: bool = False
    #: A file path chosen with a file dialog: its name filter (``QT_TRANSLATE_NOOP``).
    file_filter: str = ""
    #: The grey hint of an empty field.
    placeholder: str = ""
    #: How a stored value is shown in its field (a phone number, nationally).
    display: Callable[[T], str] | None = None
    #: A warning for a value accepted all the same (untranslated template, ``""`` if none).
    warning: Callable[[T], str] | None = None

    def validate(self, value: Any) -> T:
        """The value to store, normalised; :class:`SettingError` (French) if refused."""
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise SettingError(T_TYPE, label=self.label, type=type(value).__name__)
        if self.bounds is not None:
            low, high = self.bounds
            if isinstance(value, int) and not low <= value <= high:
                raise SettingError(T_BETWEEN, label=self.label, low=low, high=high)
        return self.check(value) if self.check is not None else value

    def shown(self, value: T) -> str:
        """*value* as its field shows it."""
        return self.display(value) if self.display is not None and value else str(value)


REGISTRY: dict[str, Setting[Any]] = {}


def declare(setting: Setting[T]) -> Setting[T]:
    """Register *setting*; a key may be declared once only."""
    if setting.key in REGISTRY:
        raise ValueError(f"setting {setting.key!r} declared twice")
    setting.validate(setting.default)
    REGISTRY[setting.key] = setting
    return setting


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
        raise SettingError(exc.template, **exc.params) from None


ESTABLISHMENT_FINESS = declare(
    Setting(
        "establishment.finess",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "N° FINESS"),
        _finess_or_empty,
        warning=finess_key_warning,
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
        multiline=True,
    )
)


def _known_zone(value: str) -> str:
    value = value.strip()
    if value not in ZONE_NAMES:
        raise SettingError(T_ZONE, value=value)
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
        choices=ZONES,
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
        raise SettingError(exc.template, **exc.params) from None


def _email_or_empty(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.fullmatch(value):
        raise SettingError(T_EMAIL, value=value)
    return value


def _short_text(limit: int, label: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = " ".join(value.split())
        if len(value) > limit:
            raise SettingError(T_TOO_LONG, label=label, limit=limit)
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
        display=format_phone,
    )
)
ESTABLISHMENT_CONTACT_EMAIL = declare(
    Setting(
        "establishment.contact_email",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Adresse e-mail du référent ou DPO"),
        _email_or_empty,
        placeholder="dpo@exemple.fr",
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
        file_filter=QT_TRANSLATE_NOOP("core", "Images (*.png *.jpg *.jpeg *.svg)"),
    )
)

# -------------------------------------------------------------------- retention

RETENTION_MONTHS = declare(
    Setting(
        "retention.months",
        int,
        3,
        QT_TRANSLATE_NOOP("core", "Durée de conservation (mois)"),
        None,
        bounds=(1, 3),
        help=QT_TRANSLATE_NOOP(
            "core", "3 mois au plus après la création de la fiche (décret 2020-551, art. 5)."
        ),
    )
)

# ------------------------------------------------------------------------- sync


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, *, dev_mode: bool = True) -> str:
    """The one rule for the central service's address; the address without blanks nor
    final ``/``, or :class:`SettingError` with a French message.

    ``https://`` and a host. Plain ``http://`` only to this computer's loopback
    (``localhost``, ``127.0.0.1``, ``::1``: a central service run for a
    demonstration or for development), and only in development mode. The
    setting's own check lets the loopback through (the mode is a setting of its
    own, read with the address); the sync client passes the mode in force.
    """
    value = url.strip().rstrip("/")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _port = parts.port  # a port that is not a number: ValueError
    except ValueError:
        raise SettingError(T_URL_BAD, url=url.strip()) from None
    scheme = parts.scheme.lower()
    if scheme == "https" and host:
        return value
    if scheme == "http" and host:
        if dev_mode and _is_loopback(host):
            return value
        raise SettingError(T_URL_HTTP)
    raise SettingError(T_URL_BAD, url=url.strip())


def _server_url(value: str) -> str:
    return check_server_url(value) if value.strip() else ""


SYNC_SERVER_URL = declare(
    Setting(
        "sync.server_url",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Adresse du service central"),
        _server_url,
        help=QT_TRANSLATE_NOOP("core", "Par exemple https://tracage.exemple.fr (HTTPS)."),
        placeholder="https://",
    )
)
SYNC_INTERVAL_MINUTES = declare(
    Setting(
        "sync.interval_minutes",
        int,
        15,
        QT_TRANSLATE_NOOP("core", "Synchronisation automatique (minutes)"),
        None,
        bounds=(1, 1440),
    )
)
SYNC_CA_BUNDLE = declare(
    Setting(
        "sync.ca_bundle",
        str,
        "",
        QT_TRANSLATE_NOOP("core", "Autorités de certification (fichier PEM)"),
        _stripped,
        file_filter=QT_TRANSLATE_NOOP("core", "Certificats (*.pem *.crt)"),
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
        None,
        bounds=(0, 92),
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
        None,
        bounds=(1, 60),
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
        None,
        bounds=(1, 60),
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
        None,
        bounds=(6, 36),
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

"""The texts of the poster and the notice, in French, after the seeds.

Sources: MARS n°2020_109 of 19/11/2020 (controller, 3 months, identity
choice, opposition, secrecy), décret n° 2020-551 as amended by décret
n° 2020-1385 (data items, pseudonymised recipients, social support with
consent, art. 3 VII: the préfecture's social-support cells, identity and
phone only with consent) and service-public.fr of 19/11/2020 (SMS from 38663,
ameli.fr links, no bank details; on the phone the adviser can name your doctor,
or the patient zéro only with their agreement; never personal information on
social networks, as the Cnil recommends). The rights of access and
rectification are exercised with the health-insurance fund, as every right
over an Assurance Maladie processing (MARS: « caisse de rattachement »); a
complaint goes to the Cnil.

Every string is marked with ``QT_TRANSLATE_NOOP`` (contexts ``poster``,
``notice`` and ``print``) and translated at render time. The strings may hold
``<b>`` markup: they are ours, never user input. Establishment fields are
escaped by :mod:`app.print.render`.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Section:
    context: str
    title: str
    paragraphs: tuple[str, ...]


def _p(title: str, *paragraphs: str) -> Section:
    return Section("poster", title, paragraphs)


def _n(title: str, *paragraphs: str) -> Section:
    return Section("notice", title, paragraphs)


# ---------------------------------------------------------------------- poster

POSTER_KICKER = QT_TRANSLATE_NOOP("poster", "Information des patients, résidents et visiteurs")
POSTER_TITLE = QT_TRANSLATE_NOOP("poster", "Covid-19 : suivi des contacts")
POSTER_SUBTITLE = QT_TRANSLATE_NOOP("poster", "Vos données personnelles et vos droits")

POSTER_WHO = _p(
    QT_TRANSLATE_NOOP("poster", "Qui traite vos données, et pourquoi ?"),
    QT_TRANSLATE_NOOP(
        "poster",
        "L’<b>Assurance Maladie</b> (Cnam) est responsable du traitement "
        "<b>« Contact Covid »</b>. Notre établissement y enregistre les informations utiles "
        "pour prévenir vite les personnes contact d’une personne infectée, et limiter la "
        "propagation de la covid-19.",
    ),
)
POSTER_WHAT = _p(
    QT_TRANSLATE_NOOP("poster", "Quelles données ?"),
    QT_TRANSLATE_NOOP(
        "poster",
        "Identité et coordonnées, caisse d’assurance maladie, test ou symptômes, personnes "
        "contact, lieux, structures collectives et rassemblements fréquentés pendant les "
        "14 derniers jours, accord pour un accompagnement social.",
    ),
)
POSTER_RECIPIENTS = _p(
    QT_TRANSLATE_NOOP("poster", "Qui les reçoit ?"),
    QT_TRANSLATE_NOOP(
        "poster",
        "L’Assurance Maladie et les professionnels du suivi des contacts, selon leur besoin "
        "d’en connaître. Pour les statistiques, les données sont <b>pseudonymisées</b> : "
        "sans nom, n° de sécurité sociale, adresse, téléphone ni e-mail.",
    ),
    QT_TRANSLATE_NOOP(
        "poster",
        "Les <b>cellules d’accompagnement social de la préfecture</b> reçoivent votre identité "
        "et votre téléphone <b>seulement si vous êtes d’accord</b>.",
    ),
)
POSTER_RETENTION = _p(
    QT_TRANSLATE_NOOP("poster", "Combien de temps ?"),
    QT_TRANSLATE_NOOP("poster", "3 mois maximum"),
    QT_TRANSLATE_NOOP(
        "poster",
        "Jamais plus de 3 mois après leur création ; nous les supprimons dès que possible.",
    ),
)
POSTER_IDENTITY = _p(
    QT_TRANSLATE_NOOP("poster", "Votre identité : vous décidez"),
    QT_TRANSLATE_NOOP(
        "poster",
        "Personne infectée, <b>vous choisissez</b> si votre identité peut être donnée aux "
        "personnes avec qui vous avez été en contact, ou si vous restez anonyme.",
    ),
)
POSTER_RIGHTS = _p(
    QT_TRANSLATE_NOOP("poster", "Vos droits"),
    QT_TRANSLATE_NOOP(
        "poster",
        "<b>Personne infectée</b> : vous ne pouvez pas vous opposer au traitement (intérêt "
        "de santé publique), mais vous restez libre d’indiquer, ou non, vos contacts.",
    ),
    QT_TRANSLATE_NOOP(
        "poster",
        "<b>Personne infectée ou contact</b> : vous pouvez vous opposer à la réutilisation "
        "de vos données pour la recherche, auprès de votre caisse d’assurance maladie "
        "(caisse de rattachement).",
    ),
    QT_TRANSLATE_NOOP(
        "poster",
        "<b>Accès et rectification</b>\u00a0: vous pouvez obtenir vos données et les faire "
        "corriger auprès de votre caisse d’assurance maladie. En cas de difficulté, vous "
        "pouvez saisir la <b>Cnil</b> (cnil.fr).",
    ),
)
POSTER_SECRECY = _p(
    QT_TRANSLATE_NOOP("poster", "Secret professionnel"),
    QT_TRANSLATE_NOOP(
        "poster",
        "Tous les acteurs du suivi des contacts sont tenus au secret professionnel et "
        "n’accèdent qu’aux données dont ils ont besoin.",
    ),
)
POSTER_SMS = _p(
    QT_TRANSLATE_NOOP("poster", "SMS du 38663, appels\u00a0: méfiez-vous des arnaques"),
    QT_TRANSLATE_NOOP(
        "poster",
        "Les personnes contact reçoivent un SMS du <b>38663</b>. Les vrais messages "
        "renvoient uniquement vers <b>ameli.fr</b> ou <b>assure.ameli.fr</b> et ne "
        "demandent <b>jamais vos coordonnées bancaires</b> (RIB, IBAN, carte bancaire).",
    ),
    QT_TRANSLATE_NOOP(
        "poster",
        "<b>Au téléphone</b>, le conseiller de l’Assurance Maladie peut vous donner le nom de "
        "votre médecin, ou celui du patient zéro <b>seulement s’il a donné son accord</b>. "
        "<b>Sur les réseaux sociaux</b>, l’Assurance Maladie n’échange jamais d’information "
        "personnelle (n° de sécurité sociale, état de santé…).",
    ),
)

#: The two columns, each read top to bottom; the 3-month section is drawn as a box.
#: The SMS warning comes below them, across the page.
POSTER_COLUMNS = (
    (POSTER_WHO, POSTER_WHAT, POSTER_RECIPIENTS, POSTER_SECRECY),
    (POSTER_RETENTION, POSTER_IDENTITY, POSTER_RIGHTS),
)

POSTER_REFERENCES = QT_TRANSLATE_NOOP(
    "poster",
    "Références : MARS n°2020_109 du 19/11/2020 ; décret n° 2020-551 du 12 mai 2020 "
    "modifié par le décret n° 2020-1385 du 14 novembre 2020.",
)

# ---------------------------------------------------------------------- notice

NOTICE_TITLE = QT_TRANSLATE_NOOP("notice", "Covid-19 : vos données et vos droits")
NOTICE_INTRO = QT_TRANSLATE_NOOP(
    "notice",
    "Ce document explique ce que deviennent les informations que vous donnez à l’équipe "
    "soignante pour le suivi des contacts.",
)
NOTICE_SECTIONS = (
    _n(
        QT_TRANSLATE_NOOP("notice", "Pourquoi ?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "Pour prévenir vite les personnes que le virus a pu toucher. Vos informations "
            "vont dans « Contact Covid », l’outil de l’Assurance Maladie.",
        ),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Quelles informations ?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "Qui vous êtes, comment vous joindre, votre caisse, votre test ou vos symptômes, "
            "les personnes et les lieux fréquentés ces 14 derniers jours.",
        ),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Qui les voit ?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "L’Assurance Maladie et les soignants qui en ont besoin, tous tenus au secret "
            "professionnel. Les statistiques se font sans votre nom ni vos coordonnées.",
        ),
        QT_TRANSLATE_NOOP(
            "notice",
            "Si vous êtes d’accord, la cellule d’accompagnement social de la préfecture reçoit "
            "votre nom et votre téléphone pour vous aider.",
        ),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Combien de temps ?"),
        QT_TRANSLATE_NOOP("notice", "<b>3 mois maximum</b>, puis tout est effacé."),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Votre nom sera-t-il donné à vos contacts ?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "<b>C’est vous qui choisissez.</b> Si vous êtes malade, vous pouvez rester anonyme.",
        ),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Pouvez-vous refuser ?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "Malade, vous ne pouvez pas refuser l’enregistrement, mais vous choisissez les "
            "personnes que vous nommez. Malade ou contact, vous pouvez refuser que vos "
            "données servent à la recherche : demandez-le à votre caisse d’assurance "
            "maladie (caisse de rattachement).",
        ),
    ),
    _n(
        QT_TRANSLATE_NOOP("notice", "Voir ou corriger vos informations\u202f?"),
        QT_TRANSLATE_NOOP(
            "notice",
            "Demandez-le à votre caisse d’assurance maladie. En cas de problème, vous pouvez "
            "vous adresser à la <b>Cnil</b> (cnil.fr).",
        ),
    ),
)
NOTICE_SMS = _n(
    QT_TRANSLATE_NOOP("notice", "Attention aux faux messages"),
    QT_TRANSLATE_NOOP(
        "notice",
        "Le SMS de l’Assurance Maladie vient du <b>38663</b>. Ses liens mènent seulement à "
        "<b>ameli.fr</b> ou <b>assure.ameli.fr</b>. On ne vous demandera <b>jamais vos "
        "coordonnées bancaires</b> (RIB, IBAN, carte bancaire).",
    ),
    QT_TRANSLATE_NOOP(
        "notice",
        "Au téléphone, le conseiller peut vous dire le nom de votre médecin, ou celui du "
        "malade <b>seulement s’il l’a accepté</b>. Sur les réseaux sociaux, l’Assurance "
        "Maladie n’échange jamais d’information personnelle.",
    ),
)

# ------------------------------------------------------------- establishment

BLOCK_TITLE = QT_TRANSLATE_NOOP("print", "Votre contact dans l’établissement")
FINESS_LINE = QT_TRANSLATE_NOOP("print", "N° FINESS : {finess}")
CONTACT_LINE = QT_TRANSLATE_NOOP("print", "Référent ou DPO : {contact}")
TO_COMPLETE = QT_TRANSLATE_NOOP("print", "à compléter")
EDITION_LINE = QT_TRANSLATE_NOOP("print", "Édition du {date}")

"""The ``tracing-desk`` command: admin commands, and the main window without one.

Every command accepts ``--data-dir DIR``. The journal records the operating
system user as ``cli:<user>``. Known problems (wrong key, locked database…)
print their French message on stderr and exit non-zero; nothing is created
or replaced on a failure.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__, paths

if TYPE_CHECKING:
    from app.db.connection import Database
    from app.services.fiches import FicheService

EXIT_OK = 0
EXIT_STORE_ERROR = 2
EXIT_USAGE = 64
EXIT_DATA_ERROR = 65
EXIT_SOFTWARE = 70  # sysexits EX_SOFTWARE: an internal error (a bug), reported in logs/
EXIT_DENIED = 77  # sysexits EX_NOPERM

Handler = Callable[[argparse.Namespace], int]


def cli_user() -> str:
    """How the journal names a person using the command line."""
    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment (containers)
        name = str(os.getuid()) if hasattr(os, "getuid") else "inconnu"
    return f"cli:{name}"


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _passphrase_for_open() -> str | None:
    """Passphrase-mode stores: from TRACING_DESK_PASSPHRASE, else typed at a terminal."""
    from app.db.store import store_mode

    if store_mode() != "passphrase":
        return None
    env = os.environ.get("TRACING_DESK_PASSPHRASE")
    if env:
        return env
    if sys.stdin.isatty():
        return getpass.getpass("Phrase secrète de la base : ")
    return None


def _open() -> Database:
    from app.db.store import open_store
    from app.db.timefmt import use_establishment_zone

    db = open_store(passphrase=_passphrase_for_open())
    use_establishment_zone(db)  # dates printed on the establishment's clock
    return db


def _repo(db: Database) -> FicheService:
    from app.services.fiches import FicheService

    return FicheService(db, cli_user())


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from app.core.enums import JournalAction
    from app.db.store import init_store

    passphrase: str | None = None
    if args.passphrase:
        passphrase = _typed_twice(
            "TRACING_DESK_PASSPHRASE",
            "Mode phrase secrète\u00a0: définissez TRACING_DESK_PASSPHRASE ou lancez la commande "
            "dans un terminal.",
            ("Nouvelle phrase secrète (12 caractères au moins)", "Confirmez la phrase secrète"),
            "rien n’a été créé",
        )
        if passphrase is None:
            return EXIT_USAGE
        if len(passphrase) < 12:
            _err("La phrase secrète doit compter au moins 12 caractères : rien n’a été créé.")
            return EXIT_USAGE
    result = init_store(passphrase=passphrase)
    db = _open() if passphrase is None else _open_with(passphrase)
    try:
        _repo(db).record(JournalAction.INIT, detail=f"store {result.store_id}")
    finally:
        db.close()
    print(f"Base de données créée : {paths.database_path()}")
    if result.mode == "keyring":
        print("Clé de chiffrement enregistrée dans le trousseau du système.")
    else:
        print("Mode phrase secrète : la phrase sera demandée à chaque ouverture.")
    print()
    print("CODE DE RÉCUPÉRATION (affiché une seule fois) :")
    print(f"    {result.recovery_code}")
    print()
    print(
        "Notez-le et conservez-le en lieu sûr, hors de ce poste. Il permet de retrouver "
        "l’accès aux données si le trousseau est perdu (tracing-desk recover)."
    )
    return EXIT_OK


def _open_with(passphrase: str) -> Database:
    from app.db.store import open_store
    from app.db.timefmt import use_establishment_zone

    db = open_store(passphrase=passphrase)
    use_establishment_zone(db)  # dates printed on the establishment's clock
    return db


ENV_NEW_PASSPHRASE = "TRACING_DESK_NEW_PASSPHRASE"


def _recovery_code(args: argparse.Namespace) -> str:
    """The code: typed (hidden) at a terminal, else the first line of standard input.

    ``--code`` is still accepted, but the list of processes shows it to the
    other users of the machine: prefer standard input or the prompt.
    """
    code: str | None = args.code
    if not code:
        if sys.stdin.isatty():
            code = getpass.getpass("Code de récupération\u00a0: ")
        else:
            code = sys.stdin.readline().strip()
    return code


def _typed_twice(
    env_var: str, no_terminal: str, prompts: tuple[str, str], nothing_done: str
) -> str | None:
    """A new secret from *env_var*, else typed twice at a terminal; ``None`` after a message."""
    env = os.environ.get(env_var)
    if env:
        return env
    if not sys.stdin.isatty():
        _err(no_terminal)
        return None
    first = getpass.getpass(f"{prompts[0]}\u00a0: ")
    if getpass.getpass(f"{prompts[1]}\u00a0: ") != first:
        _err(f"Les deux saisies diffèrent\u00a0: {nothing_done}.")
        return None
    return first


def _new_passphrase() -> str | None:
    """TRACING_DESK_NEW_PASSPHRASE, else typed twice at a terminal; ``None`` after a message."""
    return _typed_twice(
        ENV_NEW_PASSPHRASE,
        "Nouvelle phrase secrète\u00a0: définissez TRACING_DESK_NEW_PASSPHRASE "
        "ou lancez la commande dans un terminal. Rien n’a été modifié.",
        (
            "Nouvelle phrase secrète (12 caractères au moins)",
            "Confirmez la nouvelle phrase secrète",
        ),
        "rien n’a été modifié",
    )


def _recover_passphrase(args: argparse.Namespace) -> int:
    """Passphrase mode: the code and a new passphrase; the old one is never asked."""
    from app.db.errors import WeakPassphraseError
    from app.db.recovery import normalise_code
    from app.db.store import check_new_passphrase, recover_passphrase

    code = _recovery_code(args)
    normalise_code(code)  # a typing mistake is said before anything else is asked
    new = _new_passphrase()
    if new is None:
        return EXIT_USAGE
    try:
        check_new_passphrase(new)
    except WeakPassphraseError as exc:
        _err(f"{exc} Rien n’a été modifié.")
        return EXIT_USAGE
    recover_passphrase(code, new, user=cli_user())
    print(
        "Phrase secrète remplacée\u00a0: la base s’ouvre désormais avec la nouvelle phrase "
        "secrète\u202f; l’ancienne ne l’ouvre plus. Le même code de récupération reste valable."
    )
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from app.core.enums import JournalAction
    from app.db.store import recover, recovery_kind

    if recovery_kind() == "passphrase":
        return _recover_passphrase(args)
    code = _recovery_code(args)
    recover(code)
    db = _open()
    try:
        _repo(db).record(JournalAction.KEY_RECOVERY)
    finally:
        db.close()
    print("Clé restaurée dans le trousseau : la base s’ouvre de nouveau.")
    return EXIT_OK


def doctor_report() -> dict[str, Any]:
    """The health report of ``doctor --json`` (also used by the À propos dialog)."""
    from app.db import keystore, watermark
    from app.db.errors import TamperedError
    from app.db.journal import verify
    from app.db.store import store_id

    db = _open()
    try:
        state = watermark.state_of(db)
        problems = db.integrity_problems()
        if problems:  # later opens stay read-only until the repair (docs/guide-admin.md)
            watermark.record_integrity_failure(paths.data_dir(), store_id(), len(problems))
        repo = _repo(db)
        info = db.cipher_info()
        try:
            summary: dict[str, Any] = repo.summary()
            oldest = repo.oldest_created()
            next_deadline = repo.next_deadline()
            chain_ok: bool | None = verify(db).ok
        except TamperedError:  # a damaged page among the fiches or the journal: told, not raised
            if not problems:
                raise
            summary = dict.fromkeys(("total", "patients_zero", "contacts", "pending_sync"))
            oldest = next_deadline = chain_ok = None
        return {
            "version": __version__,
            "data_dir": str(paths.data_dir()),
            "cipher_version": info.get("cipher_version"),
            "cipher": info,
            "integrity_ok": not problems and not state.integrity_failed,
            "journal_chain_ok": chain_ok,
            **state.as_json(),
            "store_warning": state.message() or None,
            "keyring_backend": keystore.backend_name(),
            "keyring": keystore.backend_description(passphrase_mode=db.mode == "passphrase"),
            "schema_version": db.schema_version,
            "fiches_total": summary["total"],
            "patients_zero": summary["patients_zero"],
            "contacts": summary["contacts"],
            "pending_sync": summary["pending_sync"],
            "oldest_created": oldest.isoformat() if oldest else None,
            "next_deadline": next_deadline.isoformat() if next_deadline else None,
            **_purge_facts(db),
        }
    finally:
        db.close()


def _purge_facts(db: Any) -> dict[str, Any]:
    """``purge_suspended`` (read-only store), fiches past their deadline, and what to say."""
    from app.db.errors import StoreError
    from app.services.retention import SUSPENDED_MESSAGE, overdue_fiches, purge_suspended

    suspended = purge_suspended(db)
    try:
        overdue: int | None = overdue_fiches(db)
    except StoreError:  # a damaged page among the fiches: told by the integrity check
        overdue = None
    return {
        "purge_suspended": suspended,
        "purge_overdue": overdue,
        "purge_warning": SUSPENDED_MESSAGE.format(overdue=overdue if overdue is not None else "?")
        if suspended
        else None,
    }


def cmd_doctor(args: argparse.Namespace) -> int:
    from datetime import datetime

    from app.core.timefmt import format_datetime

    report = doctor_report()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        labels = {
            "cipher_version": "Version SQLCipher",
            "integrity_ok": "Intégrité",
            "journal_chain_ok": "Chaînage du journal",
            "keyring": "Trousseau",
            "schema_version": "Version du schéma",
            "fiches_total": "Fiches",
            "patients_zero": "Patients zéro",
            "contacts": "Personnes contact",
            "pending_sync": "En attente de synchronisation",
            "oldest_created": "Plus ancienne création",
            "next_deadline": "Prochaine suppression",
            "data_dir": "Dossier de données",
            "rollback_detected": "Données manquantes",
            "missing_journal_entries": "Entrées du journal manquantes",
            "mark_tampered": "Repère d’état modifié",
            "read_only": "Lecture seule",
        }
        for key, label in labels.items():
            value = report[key]
            if key in ("rollback_detected", "mark_tampered", "read_only"):
                value = "OUI" if value else "non"
            elif isinstance(value, bool):
                value = "correcte" if value else "ÉCHEC"
            elif key in ("oldest_created", "next_deadline") and value:
                value = format_datetime(datetime.fromisoformat(value))  # establishment's clock
            print(f"{label:32} {value if value is not None else '—'}")
        if report["store_warning"]:
            print()
            print(report["store_warning"])
        if report["purge_warning"]:
            print()
            print(report["purge_warning"])
    ok = (
        report["integrity_ok"]
        and report["journal_chain_ok"]
        and not report["rollback_detected"]
        and not report["mark_tampered"]
    )
    return EXIT_OK if ok else EXIT_DATA_ERROR


def cmd_accept_restore(args: argparse.Namespace) -> int:
    """A référent accepts a deliberate restore: journaled, then the store's mark moves."""
    from app.cli_access import signed_in
    from app.db.watermark import accept_restore

    with signed_in(args) as (db, actor):
        state = accept_restore(db, actor)
    if state.rollback_detected:
        print(
            "Restauration acceptée (entrées du journal manquantes\u00a0: "
            f"{state.missing_entries})\u00a0: "
            "l’acceptation est inscrite au journal et la base accepte de nouveau les modifications."
        )
    else:
        print(
            "Repère d’état réinitialisé\u00a0: l’acceptation est inscrite au journal et la base "
            "accepte de nouveau les modifications."
        )
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.cli_access import signed_in
    from app.services.transfer import demo_data

    if args.count < 0 or args.spread_days < 0:
        _err("--count et --spread-days doivent être positifs.")
        return EXIT_USAGE
    with signed_in(args) as (db, actor):
        created = demo_data(
            db, actor, count=args.count, spread_days=args.spread_days, seed=args.seed
        )
    print(
        f"{created.patients_zero} patients zéro et {created.contacts} personnes contact "
        "de démonstration créés."
    )
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from app.cli_access import signed_in
    from app.services.transfer import export_jsonl

    with signed_in(args) as (db, actor):
        count = export_jsonl(db, actor, Path(args.file))
    print(f"{count} fiches exportées dans {args.file}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.cli_access import signed_in
    from app.services.transfer import import_jsonl

    with signed_in(args) as (db, actor):
        report = import_jsonl(db, actor, Path(args.file))
    if report.errors:
        for line_no, message in report.errors:
            _err(f"ligne {line_no} : {message}")
        _err(f"{len(report.errors)} ligne(s) en erreur : aucune fiche importée.")
        return EXIT_DATA_ERROR
    print(f"{report.imported} fiches importées.")
    return EXIT_OK


def _gui_language(args: argparse.Namespace) -> None:
    """``--lang`` chooses the window's language (read by ``app.ui.application``)."""
    lang = getattr(args, "gui_lang", None)
    if lang:
        os.environ["TRACING_DESK_LANG"] = lang


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.application import run_gui

    _gui_language(args)
    code: int = run_gui(sys.argv[:1], paths.data_dir())
    return code


def cmd_sync(args: argparse.Namespace) -> int:
    from app.cli_access import signed_in
    from app.cli_sync import run

    with signed_in(args) as (db, actor):
        return run(args, db, actor)


def cmd_demo(args: argparse.Namespace) -> int:
    """The main window with the local central service started for a demonstration."""
    from app.sync.demo import DemoError, start_demo_central

    _gui_language(args)
    try:
        central = start_demo_central()
    except DemoError as exc:
        _err(str(exc))
        return EXIT_DATA_ERROR
    print(f"Service central de démonstration : {central.config.server_url}")
    try:
        return cmd_gui(args)
    finally:
        central.stop()


def cmd_purge(args: argparse.Namespace) -> int:
    from app.cli_access import signed_in
    from app.cli_purge import run

    # The unattended purge (no --as-of) is the OS task: it needs no account;
    # an early purge is checked by the service (référent once accounts exist).
    with signed_in(args) as (db, actor):
        return run(args, db, actor)


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    from app.cli_access import add_user_argument

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier de données (remplace TRACING_DESK_DATA_DIR et le dossier par défaut)",
    )
    parser = argparse.ArgumentParser(
        prog="tracing-desk",
        description="Tracing Desk : traçage des contacts en établissement. "
        "Sans commande, ouvre la fenêtre principale.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"tracing-desk {__version__}")
    parser.add_argument(
        "--lang",
        dest="gui_lang",
        choices=("fr", "en"),
        default=None,
        help="langue de la fenêtre (par défaut : français, ou la langue du système)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    p = sub.add_parser(
        "init", parents=[common], help="crée la base chiffrée, sa clé et le code de récupération"
    )
    p.add_argument("--passphrase", action="store_true", help="mode phrase secrète (sans trousseau)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser(
        "recover",
        parents=[common],
        help="retrouve l’accès avec le code de récupération\u00a0: clé remise dans le "
        "trousseau, ou nouvelle phrase secrète (TRACING_DESK_NEW_PASSPHRASE, sinon demandée)",
    )
    p.add_argument(
        "--code",
        help="code de récupération (sinon demandé, ou lu sur l’entrée standard\u00a0: "
        "préférable, la liste des processus montre les arguments)",
    )
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser(
        "doctor", parents=[common], help="état de la base : chiffrement, intégrité, compteurs"
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_doctor)

    p = sub.add_parser(
        "accept-restore",
        parents=[common],
        help="accepte une sauvegarde remise en place volontairement (référent, journalisé)",
    )
    add_user_argument(p)
    p.set_defaults(handler=cmd_accept_restore)

    p = sub.add_parser(
        "demo-data", parents=[common], help="crée des fiches fictives de démonstration"
    )
    p.add_argument("--count", type=int, required=True, help="nombre de patients zéro")
    p.add_argument("--spread-days", type=int, default=30, help="étalement des créations (jours)")
    p.add_argument("--seed", type=int, default=None, help="graine du générateur")
    add_user_argument(p)
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser(
        "export-json", parents=[common], help="exporte les fiches (JSON lines, référent)"
    )
    p.add_argument("file", metavar="FICHIER")
    add_user_argument(p)
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser(
        "import", parents=[common], help="importe des fiches (JSON lines), tout ou rien"
    )
    p.add_argument("file", metavar="FICHIER")
    add_user_argument(p)
    p.set_defaults(handler=cmd_import)

    from app.cli_sync import add_arguments as add_sync_arguments

    p = sub.add_parser(
        "sync", parents=[common], help="envoie une fois les fiches en attente au service central"
    )
    add_sync_arguments(p)
    add_user_argument(p)
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="ouvre la fenêtre avec le service central local de démonstration",
    )
    p.set_defaults(handler=cmd_demo)

    from app.cli_purge import add_parser as add_purge_parser

    p = add_purge_parser(sub, common)
    add_user_argument(p)
    p.set_defaults(handler=cmd_purge)

    from app.print.command import add_parsers as add_print_parsers

    add_print_parsers(sub, common)

    from app.cli_access import add_parsers as add_access_parsers

    add_access_parsers(sub, common)

    from app.cli_accounts import add_parser as add_account_parser

    add_account_parser(sub, common)

    from app.cli_contacts import add_parsers as add_contacts_parsers

    add_contacts_parsers(sub, common)
    return parser


def _crash(exc: Exception) -> int:
    """An unexpected exception (a bug): a crash report as the window makes, one French line.

    The report (a log record and ``logs/crash-<reference>.json``) holds the
    exception's type and frames, never its text, which may quote personal data;
    stderr gets the reference only, never the text nor a traceback. Without a
    log file (no data folder) nothing is written and no folder is created.
    """
    from app.logging_setup import logging_active, record_crash, short_reference

    logged = logging_active()
    reference, _summary, _report = record_crash(type(exc), exc, exc.__traceback__, persist=logged)
    short = short_reference(reference)
    if logged:
        _err(
            f"Erreur interne (référence {short})\u00a0: l’incident est consigné dans le "
            "journal technique du poste (dossier logs). Aucune donnée n’a été affichée."
        )
    else:
        _err(
            f"Erreur interne (référence {short})\u00a0: l’incident n’a pas pu être consigné "
            "dans le journal technique du poste. Aucune donnée n’a été affichée."
        )
    return EXIT_SOFTWARE


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli_access import SignInRefused
    from app.db.errors import StoreError
    from app.db.permissions import PermissionDenied

    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if getattr(args, "data_dir", None):
        paths.set_data_dir_override(args.data_dir)
    handler: Handler = getattr(args, "handler", cmd_gui)
    from app.logging_setup import install_excepthook, setup_logging, shutdown_logging

    if paths.data_dir(create=False).is_dir():  # never create a data folder just to log
        setup_logging()
    # Log records are for the log file: never printed on stderr in English by
    # logging's last-resort handler when no file is open (« Oublier ce poste »
    # closes it; a read-only data folder has none). Messages to the user are French.
    app_log = logging.getLogger("app")
    if not any(isinstance(h, logging.NullHandler) for h in app_log.handlers):
        app_log.addHandler(logging.NullHandler())
    restore_hooks = install_excepthook()
    try:
        return handler(args)
    except PermissionDenied as exc:
        from app.cli_access import denied

        return denied(exc)
    except SignInRefused:
        return EXIT_DENIED
    except StoreError as exc:
        _err(str(exc))
        return EXIT_STORE_ERROR
    except KeyboardInterrupt:
        _err("Interrompu.")
        return 130
    except Exception as exc:  # a bug: reported without its text (SystemExit passes through)
        return _crash(exc)
    finally:
        restore_hooks()
        shutdown_logging()


if __name__ == "__main__":
    sys.exit(main())

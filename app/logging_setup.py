"""The program's logs: structured (one JSON object per line), rotating, in ``paths.logs_dir()``.

Used by the command line and the window alike (:func:`setup_logging`). Logs
never hold personal data: code logs events, counts, UUIDs and exception
*types* with their code location (never an exception's text, which could
quote a value), and this module enforces it at the last step:

- a record's message is written as its format string only when it has
  arguments that are not plain numbers (``log.info("saved %s", name)`` writes
  ``"saved %s"``);
- ``extra`` fields are kept only when they are numbers, booleans or short
  identifiers (an event name, a UUID, an outcome word);
- an exception is written as its type and its frames (file, line,
  function), never its message nor the source lines.

The same rules apply to uncaught exceptions (:func:`install_excepthook`, and
the command line's unexpected errors through :func:`record_crash`): the crash
report is a log record, in the same file, and a ``crash-<reference>.json`` file.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from app import files, paths

LOG_FILENAME = "tracing-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
MASKED = "[masqué]"

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_LOWER_WORDS = re.compile(r"^[a-z0-9_ ]{0,60}$")
_EXC_NAME = re.compile(r"^[A-Za-z_.]*(Error|Exception|Warning|Exit|Interrupt)$")
_CODE_PLACE = re.compile(r"^[\w./\\:<>\- ]*\.py[\w./\\:<>\- ]*$")
_LONG_DIGITS = re.compile(r"\d{8,}")
_STANDARD = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}
_handler: logging.Handler | None = None
_lock = threading.Lock()


def _technical(text: str) -> bool:
    """True for what code writes (event words, UUIDs, exception names, code places).

    Names, NIR, phone numbers, addresses and e-mails typed by a person do not
    look like these: a capitalised word, a long digit run, "@" or an accent
    makes a value "[masqué]".
    """
    if _LONG_DIGITS.search(text) and not _UUID.match(text):
        return False
    return bool(
        _UUID.match(text)
        or _LOWER_WORDS.match(text)
        or _EXC_NAME.match(text)
        or (len(text) < 2000 and _CODE_PLACE.match(text))
    )


def _safe_value(value: Any) -> Any:
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, str) and _technical(value):
        return value
    return MASKED


def _safe_message(record: logging.LogRecord) -> str:
    template = str(record.msg)
    args = record.args
    if not args:
        return template
    if isinstance(args, dict):
        safe: Any = {k: _safe_value(v) for k, v in args.items()}
    else:
        safe = tuple(_safe_value(a) for a in args)
    try:
        return str(template % safe)
    except (TypeError, ValueError):
        return template


def exception_summary(
    exc_type: type[BaseException] | None, tb: TracebackType | None
) -> dict[str, Any]:
    """An exception without its message: its type and frames (file, line, function)."""
    frames = [
        {"file": Path(f.filename).name, "line": f.lineno, "function": f.name}
        for f in traceback.extract_tb(tb)
    ]
    return {"type": exc_type.__qualname__ if exc_type else "?", "frames": frames}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, personal data kept out (see the module docstring)."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": _safe_message(record),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = _safe_value(value)
        if record.exc_info and record.exc_info[0] is not None:
            out["exception"] = exception_summary(record.exc_info[0], record.exc_info[2])
        return json.dumps(out, ensure_ascii=False)


def logs_dir() -> Path:
    """``logs/`` in the data folder: a real directory of ours, mode 0700 (``app.files``).

    A link planted in its place is removed, never followed.
    """
    return files.private_dir(paths.data_dir() / "logs", role="logs")


def log_path() -> Path:
    return logs_dir() / LOG_FILENAME


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file, opened through :func:`app.files.open_append`.

    Mode 0600; a link or another account's file planted at the log's path (or
    at a rotated name, which rotation renames or deletes as an entry, never
    through the link) is unlinked, never written through.
    """

    def _open(self) -> Any:
        fd = files.open_append(Path(self.baseFilename), role="log")
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's logs to the rotating JSON file (once per process).

    Returns the file, or ``None`` when the logs folder cannot be created
    (a read-only data folder): the program runs on without a log file.
    """
    global _handler
    with _lock:
        if _handler is not None:
            return Path(getattr(_handler, "baseFilename", ""))
        try:
            path = log_path()
            handler = PrivateRotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
            )
        except OSError:
            return None
        handler.setFormatter(JsonFormatter())
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)
        _handler = handler
        return path


def shutdown_logging() -> None:
    """Close the log file (before « Oublier ce poste » deletes it, and in tests)."""
    global _handler
    with _lock:
        if _handler is not None:
            logging.getLogger().removeHandler(_handler)
            _handler.close()
            _handler = None


def write_crash_report(reference: str, summary: dict[str, Any]) -> Path | None:
    """``logs/crash-<reference>.json``: version, platform, the exception's type and frames.

    No message text, no argument values, no local variables: nothing personal.
    Returns the file, or ``None`` when it cannot be written.
    """
    import platform

    from app import __version__

    report = {
        "reference": reference,
        "version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "exception": summary,
    }
    try:
        path = logs_dir() / f"crash-{reference}.json"
        data = json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")
        files.atomic_write(path, data, role="crash", ref=reference)
    except OSError:
        return None
    return path


def short_reference(reference: str) -> str:
    """The part of a crash reference shown to people: enough for the IT staff to find the report."""
    return reference[:8]


def logging_active() -> bool:
    """True when :func:`setup_logging` has installed the log file (records have somewhere to go)."""
    with _lock:
        return _handler is not None


def record_crash(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    persist: bool = True,
) -> tuple[str, dict[str, Any], Path | None]:
    """Give an unexpected exception a reference and, if *persist*, log it and write its report.

    The log record and ``logs/crash-<reference>.json`` hold the exception's type
    and frames, never its text. With *persist* false (no log file: the data
    folder does not exist) nothing is written anywhere, and the data folder is
    not created. Returns the reference (a UUID), the summary
    (:func:`exception_summary`) and the report file (``None`` when not written).
    """
    import uuid

    reference = str(uuid.uuid4())
    summary = exception_summary(exc_type, tb)
    if not persist:
        return reference, summary, None
    logging.getLogger("app.crash").critical(
        "uncaught exception", exc_info=(exc_type, exc, tb), extra={"reference": reference}
    )
    return reference, summary, write_crash_report(reference, summary)


CrashCallback = Callable[[str, dict[str, Any]], None]


def install_excepthook(on_crash: CrashCallback | None = None) -> Callable[[], None]:
    """Uncaught exceptions (any thread) become a log record without their message.

    Each crash gets a reference (a UUID) written in the log record and in a
    report file (:func:`write_crash_report`); *on_crash(reference, summary)*
    is then called (the window shows the reference: it may come from any
    thread). Returns a function that puts the previous hooks back.
    """
    previous = (sys.excepthook, threading.excepthook)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        reference, summary, _report = record_crash(exc_type, exc, tb)
        where = summary["frames"][-1] if summary["frames"] else {}
        print(
            f"Erreur interne du programme ({summary['type']}"
            f"{', ' + where['file'] + ':' + str(where['line']) if where else ''}). "
            f"Référence : {short_reference(reference)}. "
            "Le détail technique est dans le journal technique du programme.",
            file=sys.stderr,
        )
        if on_crash is not None:
            try:
                on_crash(reference, summary)
            except Exception:  # the crash handler itself must never raise
                logging.getLogger("app.crash").exception("crash callback failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not None and args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous

    return restore

"""Qt widgets, item models and dialogs of Tracing Desk."""

from app.workers import qt_compat  # noqa: F401  (PySide6 6.12 refcount bug: see there)

"""Qt widgets, item models and dialogs of Tracing Desk."""

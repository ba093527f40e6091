"""The gate: every action a person or a script can take on the station's data.

The window, every command and the workers call these services; none of them
builds a repository or writes a fiche itself (the import-linter contract in
``pyproject.toml`` keeps ``app.ui``, ``app.cli`` and ``app.workers`` away
from ``app.db.repositories``, ``app.db.jsonl`` and ``app.db.demo``). Each
service takes the current user (an account login, or ``cli:<os user>`` on a
station without accounts) and checks, in one place:

- the permission (:mod:`app.services.access`: the role is read from the
  accounts, never trusted from the caller);
- the lifecycle (:mod:`app.services.fiches`: a fiche is stored as *validée*
  or later only if ``check_for_validation`` passes at that moment; only such
  fiches enter the outbox; a reopening withdraws the pending version);
- the retention instant (a fiche's creation is its first byte stored: its
  first draft, or the contact it was promoted from);
- the journal entry (user, instant, action, fiche UUID, never personal data),
  consultations included.

Qt-free; mypy strict.
"""

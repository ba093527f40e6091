"""The *Raccourcis clavier* sheet of the help window, made from the main window's actions.

Every action with a shortcut (or a shortcut written in its text, « (Ctrl+F) »),
menu by menu, then the window's other actions and ``QShortcut`` objects; the
keys as written on a French keyboard (« Ctrl+Maj+N », « Entrée »). The sheet
is Markdown, shown by :class:`app.ui.help.HelpWindow`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

# -- the shortcut sheet ------------------------------------------------------------------
_FRENCH_KEYS = {
    "Shift": "Maj",
    "Return": "Entrée",
    "Retour": "Entrée",
    "Enter": "Entrée",
    "Esc": "Échap",
    "Escape": "Échap",
    "Del": "Suppr",
    "Delete": "Suppr",
    "Ins": "Inser",
    "Insert": "Inser",
    "Backspace": "Retour arrière",
    "Space": "Espace",
    "Home": "Début",
    "End": "Fin",
    "PgUp": "Page préc.",
    "PgDown": "Page suiv.",
    "Left": "Gauche",
    "Right": "Droite",
    "Up": "Haut",
    "Down": "Bas",
    "Print": "Impr. écran",
}


def french_keys(sequence: QKeySequence) -> str:
    """*sequence* as written on a French keyboard: « Ctrl+Maj+N », « Ctrl+Entrée »."""
    chords = []
    for chord in sequence.toString(QKeySequence.SequenceFormat.NativeText).split(", "):
        tokens = [*chord[:-2].split("+"), "+"] if chord.endswith("++") else chord.split("+")
        chords.append("+".join(_FRENCH_KEYS.get(t, t) for t in tokens if t))
    return ", ".join(chords)


_WRITTEN_KEYS = re.compile(r"\s*\(((?:Ctrl|Alt|Shift|Maj|Meta)\+[^()]+|F\d{1,2})\)\s*$")


def action_label(text: str) -> str:
    """A menu text without its mnemonic (&), its « … » and a shortcut written in it."""
    label = re.sub(r"&(.)", r"\1", text).replace("…", "").replace("...", "")
    return _WRITTEN_KEYS.sub("", label).strip()


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    menu: str
    action: str
    keys: str


def _keys_of(action: QAction) -> str:
    keys: list[str] = []
    for sequence in action.shortcuts():
        text = french_keys(sequence)
        if text and text not in keys:
            keys.append(text)
    return " ou ".join(keys)


def _documented_keys(text: str) -> str:
    """A shortcut written in an action's text: « Rechercher dans la liste (Ctrl+F) »."""
    match = _WRITTEN_KEYS.search(text)
    if not match:
        return ""
    sequence = QKeySequence.fromString(match[1], QKeySequence.SequenceFormat.PortableText)
    return "" if sequence.isEmpty() else french_keys(sequence)


def collect_shortcuts(window: QWidget) -> list[ShortcutEntry]:
    """Every action of *window* that has a shortcut, by menu (then the others)."""
    entries: list[ShortcutEntry] = []
    seen: set[int] = set()

    def add(action: QAction, menu: str) -> None:
        if id(action) in seen or action.isSeparator() or action.menu() is not None:
            return
        seen.add(id(action))
        keys = _keys_of(action) or _documented_keys(action.text())
        if keys:
            entries.append(ShortcutEntry(menu, action_label(action.text()), keys))

    def visit(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                visit(sub, title)
            else:
                add(action, title)

    if isinstance(window, QMainWindow):
        for top in window.menuBar().actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                visit(sub, action_label(top.text()))
    others = QApplication.translate("HelpWindow", "Autres")
    for action in [*window.actions(), *window.findChildren(QAction)]:
        add(action, others)
    known = {e.keys for e in entries}
    for shortcut in window.findChildren(QShortcut):
        sequences = [shortcut.key(), *shortcut.keys()]
        keys = " ou ".join(dict.fromkeys(french_keys(k) for k in sequences if not k.isEmpty()))
        label = shortcut.whatsThis()
        if keys and keys not in known and label:
            entries.append(ShortcutEntry(others, label, keys))
            known.add(keys)
    return entries


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def shortcut_sheet(window: QWidget | None) -> str:
    """The Markdown of *Raccourcis clavier*, made from the window's actions."""
    title = QApplication.translate("HelpWindow", "Raccourcis clavier")
    lines = [f"# {title}", ""]
    if window is None:
        lines.append(
            QApplication.translate(
                "HelpWindow",
                "Les raccourcis de la fenêtre principale s’affichent ici une fois le poste ouvert.",
            )
        )
        return "\n".join(lines)
    lines += [
        QApplication.translate(
            "HelpWindow",
            "Cette liste est faite à partir des menus du programme\u00a0: elle est toujours "
            "à jour. **F1** ouvre le guide à la section de l’écran affiché.",
        ),
        "",
    ]
    keys = QApplication.translate("HelpWindow", "Touches")
    action = QApplication.translate("HelpWindow", "Action")
    current = None
    for entry in collect_shortcuts(window):
        if entry.menu != current:
            current = entry.menu
            lines += ["", f"## {entry.menu}", "", f"| {keys} | {action} |", "| --- | --- |"]
        lines.append(f"| {_cell(entry.keys)} | {_cell(entry.action)} |")
    return "\n".join(lines) + "\n"

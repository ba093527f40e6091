"""French for the few texts of Qt's own dialogs that ``qtbase_fr.qm`` lacks.

Qt's French catalogue (shipped with PySide6) predates some of Qt 6's source
texts: the non-native file dialog still shows « Look in », « Files of type »,
and the file-type column « Folder » / « Drive ». This translator answers those
texts only, and is installed next to ``qtbase_fr``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

#: (context, Qt's source text) → French.
MISSING_FROM_QTBASE_FR: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Chercher dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
}


class QtFrenchSupplement(QTranslator):
    """A translator holding :data:`MISSING_FROM_QTBASE_FR`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contexts = {context for context, _ in MISSING_FROM_QTBASE_FR}

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": PySide hands "" to Qt as an (empty) translation that wins
        # over the source text, while None is Qt's "not translated here".
        if context not in self._contexts:  # the common case: one set look-up
            return None
        return MISSING_FROM_QTBASE_FR.get((context, source_text))

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return "fr_FR"

"""Plural messages of the fiche forms."""

from __future__ import annotations

from PySide6.QtCore import QObject


class FicheFormPlurals(QObject):
    """The forms' plural messages. ``self.tr`` of a class nobody subclasses: PySide6
    looks a ``tr`` up in the context of the object's own class (a subclass's name
    for a method of ``FicheForm``), and this ``pyside6-lupdate`` reads a plural only
    from ``self.tr``."""

    def cannot_save(self, n: int) -> str:
        return self.tr("Enregistrement impossible : %n erreur(s) à corriger", "", n)

    def cannot_validate(self, n: int) -> str:
        return self.tr("Validation impossible : %n élément(s) à compléter ou corriger", "", n)

    def save_refused(self, n: int) -> str:
        return self.tr("Enregistrement refusé : %n erreur(s) à corriger", "", n)


PLURALS = FicheFormPlurals()

"""The tracing forms: patient zéro, personne contact, their lists and choices.

Layout of the package:

- ``fields``: one *binding* per form field (a widget, its inline message,
  how it reads and writes the record at a French-key path);
- ``lists``: editable lists of places (j), structures (k), gatherings (l);
- ``consent``: the explicit oui / non / non recueilli choices, the anonymity
  badge and the rights reminder;
- ``exposition``: one contact's exposition to one patient zéro;
- ``validation_panel``: what is missing, each line leading to its field;
- ``service``: the database jobs the forms submit to the database thread;
- ``fiche_form``, ``patient_zero``, ``contact``: the forms themselves;
- ``workspace``: the tabs (the list of fiches, then one tab per open fiche).
"""

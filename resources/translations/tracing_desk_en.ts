<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../app/ui/first_run_pages.py" line="+163"/>
        <source>Compte du référent</source>
        <translation>Référent&apos;s account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le premier compte du poste&#x202f;; les autres seront créés par lui.</source>
        <translation>The workstation&apos;s first account; the référent creates the others.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="+62"/>
        <source>Mot de passe&#xa0;: au moins {n} caractères (une phrase facile à retenir convient), pas un seul caractère répété, différent de l’identifiant. Aucune obligation de majuscules, chiffres ou symboles&#xa0;: c’est la longueur qui rend un mot de passe solide (recommandations de l’ANSSI et du NIST). Après {free} essais infructueux, chaque nouvel essai de connexion est retardé.</source>
        <translation>Password: at least {n} characters (an easy-to-remember phrase is fine), not a single repeated character, different from the username. No need for capitals, digits or symbols: length is what makes a password strong (ANSSI and NIST recommendations). After {free} failed attempts, each new sign-in attempt is delayed.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Comptes du poste</source>
        <translation>Workstation accounts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Identifiant</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom affiché</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Créé le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Nouveau compte…</source>
        <translation>&amp;New account…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Réinitialiser le mot de passe…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+93"/>
        <source>&amp;Désactiver</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+97"/>
        <source>Passer &amp;référent</source>
        <translation>Make &amp;référent</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Un agent de traçage saisit et consulte les fiches&#x202f;; un référent fait aussi les exports, consulte le journal, règle les paramètres et gère les comptes. Un compte désactivé ne peut plus se connecter&#x202f;; le poste garde toujours au moins un référent actif. Chaque changement est inscrit au journal.</source>
        <translation>A tracing agent enters and views records; a référent also exports, views the log, changes the settings and manages accounts. A deactivated account can no longer sign in; the workstation always keeps at least one active référent. Every change is recorded in the log.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>actif</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>désactivé</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ré&amp;activer</source>
        <translation>Re&amp;activate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passer &amp;agent de traçage</source>
        <translation>Make tracing &amp;agent</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Compte «&#x202f;{login}&#x202f;» créé ({role}).</source>
        <translation>Account “{login}” created ({role}).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Mot de passe de «&#x202f;{login}&#x202f;» remplacé&#xa0;: communiquez-le à la personne de vive voix, jamais par écrit.</source>
        <translation>Password of “{login}” replaced: tell it to the person face to face, never in writing.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Compte «&#x202f;{login}&#x202f;» réactivé.</source>
        <translation>Account “{login}” reactivated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compte «&#x202f;{login}&#x202f;» désactivé&#xa0;: il ne peut plus se connecter.</source>
        <translation>Account “{login}” deactivated: it can no longer sign in.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Compte «&#x202f;{login}&#x202f;»&#xa0;: rôle {role}.</source>
        <translation>Account “{login}”: role {role}.</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <location filename="../../app/ui/lock.py" line="+165"/>
        <source>&amp;Verrouiller le poste</source>
        <translation>&amp;Lock the workstation</translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location filename="../../app/ui/first_run_pages.py" line="+156"/>
        <source>Service central</source>
        <translation>Central service</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Les fiches validées y sont transmises dès qu’il est joignable. On peut travailler hors ligne et le configurer plus tard (Synchronisation › Paramètres).</source>
        <translation>Validated records are sent to it whenever it can be reached. You can work offline and set it up later (Synchronisation › Settings).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Travailler &amp;hors ligne pour l’instant</source>
        <translation>Work &amp;offline for now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Configurer le service central&#xa0;:</source>
        <translation>&amp;Set up the central service:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>vide&#xa0;: autorités du système</source>
        <translation>empty: the system&apos;s authorities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adresse&#xa0;:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autorités de certification&#xa0;:</source>
        <translation>Certificate authorities:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jeton du compte partenaire&#xa0;:</source>
        <translation>Partner account token:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le proxy de l’établissement est pris dans la configuration du système (variables HTTPS_PROXY / NO_PROXY). Derrière un proxy qui inspecte le trafic, indiquez le fichier PEM de son autorité de certification. Le jeton est gardé dans le trousseau du système (sur un poste sans trousseau, dans la base chiffrée), jamais dans un fichier en clair.</source>
        <translation>The establishment&apos;s proxy is taken from the system configuration (HTTPS_PROXY / NO_PROXY variables). Behind a proxy that inspects traffic, give the PEM file of its certificate authority. The token is kept in the system keyring (on a workstation without a keyring, in the encrypted database), never in a plain-text file.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Autorités de certification</source>
        <translation>Certificate authorities</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</source>
        <translation>PEM certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ContactFinderDialog</name>
    <message>
        <location filename="../../app/ui/forms/contact_finder.py" line="+76"/>
        <source>Construire la liste des contacts</source>
        <extracomment>The program&apos;s settings keys: the folder of the last file chosen, never its name.</extracomment>
        <translation>Build the contact list</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Le programme lit les fichiers de l’établissement (CSV ou Excel) sans les copier et propose les personnes qui ont partagé la chambre, la table, l’unité ou l’équipe du patient zéro pendant sa période de contagiosité. Seules les personnes cochées deviennent des fiches.</source>
        <translation>The program reads the establishment&apos;s files (CSV or Excel) without copying them and suggests the people who shared the patient zero&apos;s room, table, unit or team during their infectious period. Only the ticked people become records.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+148"/>
        <source>Fichier des résidents (séjours)</source>
        <translation>Residents file (stays)</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Planning du personnel (facultatif)</source>
        <translation>Staff rota (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Choisir le fichier des résidents</source>
        <translation>Choose the residents file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choisir le planning du personnel</source>
        <translation>Choose the staff rota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer le planning du personnel</source>
        <translation>Remove the staff rota</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Début de la fenêtre</source>
        <translation>Start of the window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fin de la fenêtre</source>
        <translation>End of the window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalculer</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Période de contagiosité du</source>
        <translation>Infectious period from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder_table.py" line="+88"/>
        <source>Personnes proposées</source>
        <translation>Suggested people</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+61"/>
        <source>Garder</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déjà contact</source>
        <translation>Already a contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jours partagés</source>
        <translation>Shared days</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder.py" line="+31"/>
        <source>Tout cocher</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tout décocher</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Créer les fiches</source>
        <translation>Create the records</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Aucun fichier choisi</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tableaux (*.csv *.xlsx);;Fichier CSV (*.csv);;Classeur Excel (*.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx);;CSV file (*.csv);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Planning du personnel</source>
        <translation>Staff rota</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Indiquez les deux dates de la période (jj/mm/aaaa), ou effacez-les toutes les deux pour la faire calculer.</source>
        <translation>Enter both dates of the period (dd/mm/yyyy), or clear both to have it calculated.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>La période se termine le {end}, avant son début le {start}&#xa0;: corrigez l’une des deux dates.</source>
        <translation>The period ends on {end}, before its start on {start}: correct one of the two dates.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choisissez d’abord le fichier des résidents.</source>
        <translation>Choose the residents file first.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lecture des fichiers…</source>
        <translation>Reading the files…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Patient zéro retrouvé dans le fichier des résidents.</source>
        <translation>Patient zero found in the residents file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient zéro retrouvé dans le planning du personnel.</source>
        <translation>Patient zero found in the staff rota.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient zéro absent des fichiers&#xa0;: pris comme résident de l’unité et de la chambre de sa fiche.</source>
        <translation>Patient zero not in the files: taken as a resident of the unit and room on their record.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>%n line read</numerusform>
            <numerusform>%n lines read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n personne(s) proposée(s).</source>
        <translation>
            <numerusform>%n person suggested.</numerusform>
            <numerusform>%n people suggested.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder_table.py" line="+30"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Déjà personne contact de ce patient zéro</source>
        <translation>Already a contact person of this patient zero</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder.py" line="+33"/>
        <source>Création des fiches…</source>
        <translation>Creating the records…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n fiche(s) créée(s)</source>
        <translation>
            <numerusform>%n record created</numerusform>
            <numerusform>%n records created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n liée(s)</source>
        <translation>
            <numerusform>%n linked</numerusform>
            <numerusform>%n linked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n déjà liée(s)</source>
        <translation>
            <numerusform>%n already linked</numerusform>
            <numerusform>%n already linked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n fiche(s) validée(s) repassée(s) en brouillon pour compléter l’exposition</source>
        <translation>
            <numerusform>%n validated record returned to draft to complete the exposure</numerusform>
            <numerusform>%n validated records returned to draft to complete the exposure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n personne(s) cochée(s)</source>
        <translation>
            <numerusform>%n person ticked</numerusform>
            <numerusform>%n people ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactGridDialog</name>
    <message>
        <location filename="../../app/ui/forms/contact_grid.py" line="+60"/>
        <source>nouvelle fiche</source>
        <translation>new record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fiche existante&#xa0;: sera liée</source>
        <translation>existing record: will be linked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>déjà contact de ce patient zéro</source>
        <translation>already a contact of this patient zero</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saisie en tableau des personnes contact</source>
        <translation>Enter contact persons in a table</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Une ligne par personne. Copiez des lignes dans Excel ou LibreOffice, placez-vous sur une cellule, puis Ctrl+V (ou «&#x202f;Coller&#x202f;»).</source>
        <extracomment>check_row&apos;s answer by the cells&apos; texts (the checks are pure: a row checked once)</extracomment>
        <translation>One row per person. Copy rows in Excel or LibreOffice, click a cell, then press Ctrl+V (or “Paste”).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Personnes contact</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fiche</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Coller</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supprimer les lignes sélectionnées</source>
        <translation>Delete the selected rows</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Créer les fiches</source>
        <translation>Create the records</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Le presse-papiers ne contient pas de texte à coller.</source>
        <translation>The clipboard contains no text to paste.</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n cellule(s) au-delà de la colonne «&#x202f;Statut&#x202f;» ignorée(s).</source>
        <translation>
            <numerusform>%n cell beyond the “Status” column ignored.</numerusform>
            <numerusform>%n cells beyond the “Status” column ignored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+103"/>
        <source>%n ligne(s) à corriger</source>
        <translation>
            <numerusform>%n row to correct</numerusform>
            <numerusform>%n rows to correct</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ligne {line}&#xa0;: {problem}</source>
        <translation>row {line}: {problem}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n personne(s) prête(s) à créer.</source>
        <translation>
            <numerusform>%n person ready to be created.</numerusform>
            <numerusform>%n people ready to be created.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune ligne remplie.</source>
        <translation>No rows filled in.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Création des fiches en cours…</source>
        <translation>Creating the records…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Aucune fiche créée. Ligne {line}&#xa0;: {problem}</source>
        <translation>No records created. Row {line}: {problem}</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n fiche(s) créée(s)</source>
        <translation>
            <numerusform>%n record created</numerusform>
            <numerusform>%n records created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n liée(s)</source>
        <translation>
            <numerusform>%n linked</numerusform>
            <numerusform>%n linked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n déjà liée(s)</source>
        <translation>
            <numerusform>%n already linked</numerusform>
            <numerusform>%n already linked</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucune fiche créée, votre saisie est conservée.</source>
        <translation>No records created; what you typed is kept.</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/patient_zero.py" line="+195"/>
        <source>%n autre(s)</source>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n personne(s) contact</source>
        <translation>
            <numerusform>%n contact person</numerusform>
            <numerusform>%n contact persons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../app/ui/crash.py" line="+73"/>
        <source>Une erreur interne est survenue. Ce que vous étiez en train de saisir a été conservé en brouillon&#xa0;: il sera rouvert au prochain démarrage.</source>
        <translation>An internal error occurred. What you were typing has been kept as a draft: it will reopen at the next start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Référence de l’incident&#xa0;: {reference}

Communiquez cette référence au service informatique&#xa0;: le rapport technique (sans aucune donnée personnelle) est dans le dossier des journaux du programme. Vous pouvez continuer, mais enregistrez votre travail et redémarrez le programme dès que possible.</source>
        <translation>Incident reference: {reference}

Give this reference to the IT staff: the technical report (with no personal data) is in the program&apos;s logs folder. You may go on, but save your work and restart the program as soon as possible.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tracing Desk — erreur interne</source>
        <translation>Tracing Desk — internal error</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fermer le programme</source>
        <translation>Close the program</translation>
    </message>
</context>
<context>
    <name>DbThread</name>
    <message>
        <location filename="../../app/workers/db_thread.py" line="+161"/>
        <source>Erreur interne du programme ({name}). L’opération n’a pas été effectuée&#x202f;; le détail technique est dans le journal.</source>
        <translation>Internal program error ({name}). The operation was not carried out; the technical details are in the log.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{message} (détail technique&#xa0;: {detail})</source>
        <translation>{message} (technical detail: {detail})</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../app/ui/demo_banner.py" line="+44"/>
        <source>Mode démonstration — données fictives. Ne saisissez pas de données réelles sur ce poste.</source>
        <translation>Demonstration mode — fictitious data. Do not enter real data on this workstation.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> — DÉMONSTRATION</source>
        <translation> — DEMONSTRATION</translation>
    </message>
</context>
<context>
    <name>EstablishmentDialog</name>
    <message>
        <location filename="../../app/ui/establishment_dialog.py" line="+49"/>
        <source>Établissement&#xa0;: affiche et notice d’information</source>
        <translation>Establishment: information poster and leaflet</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Corrigez les valeurs signalées&#x202f;; rien n’a été enregistré.</source>
        <translation>Correct the flagged values; nothing has been saved.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Ces informations s’impriment sur l’affiche et la notice remises aux patients et résidents. Indiquez un téléphone ou une adresse e-mail (ou les deux).</source>
        <extracomment>The field of each setting (the editor&apos;s line edits).</extracomment>
        <translation>These details are printed on the poster and the leaflet given to patients and residents. Give a phone number or an e-mail address (or both).</translation>
    </message>
</context>
<context>
    <name>EstablishmentPage</name>
    <message>
        <location filename="../../app/ui/establishment_page.py" line="+42"/>
        <source>Établissement</source>
        <extracomment>The establishment page&apos;s settings, in order.</extracomment>
        <translation>Establishment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imprimé sur l’affiche et la notice d’information remises aux patients et résidents. Modifiable ensuite&#xa0;: Fichier › Paramètres.</source>
        <translation>Printed on the information poster and notice given to patients and residents. Can be changed later: File › Settings.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>EHPAD de démonstration</source>
        <extracomment>The field of each setting (the editor&apos;s). The warning under a FINESS whose check digit fails (the editor&apos;s).</extracomment>
        <translation>Demonstration care home</translation>
    </message>
</context>
<context>
    <name>FicheBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/banner.py" line="+201"/>
        <source>%n autre(s) fiche(s) semblable(s).</source>
        <translation>
            <numerusform>%n other similar record.</numerusform>
            <numerusform>%n other similar records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FicheFormPlurals</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/plurals.py" line="+15"/>
        <source>Enregistrement impossible&#xa0;: %n erreur(s) à corriger</source>
        <translation>
            <numerusform>Cannot save: %n error to correct</numerusform>
            <numerusform>Cannot save: %n errors to correct</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Validation impossible&#xa0;: %n élément(s) à compléter ou corriger</source>
        <translation>
            <numerusform>Cannot validate: %n item to complete or correct</numerusform>
            <numerusform>Cannot validate: %n items to complete or correct</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Enregistrement refusé&#xa0;: %n erreur(s) à corriger</source>
        <translation>
            <numerusform>Save refused: %n error to correct</numerusform>
            <numerusform>Save refused: %n errors to correct</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FicheListModel</name>
    <message>
        <location filename="../../app/ui/fiche_model.py" line="+127"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Créée le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suppression prévue le</source>
        <translation>Deletion scheduled on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>Suppression automatique prévue le {date}</source>
        <translation>Automatic deletion scheduled on {date}</translation>
    </message>
</context>
<context>
    <name>FicheListPanel</name>
    <message>
        <location filename="../../app/ui/fiche_list.py" line="+67"/>
        <source>Rechercher&#xa0;: nom, date de naissance (jj/mm/aaaa), NIR ou téléphone</source>
        <translation>Search: name, date of birth (dd/mm/yyyy), NIR or phone</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tous les états</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toutes synchronisations</source>
        <translation>Any synchronisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiches d’une unité (service) seulement</source>
        <translation>Records of one unit (ward) only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toutes les unités</source>
        <translation>All units</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Suppression d’ici 7 jours</source>
        <translation>Due for deletion within 7 days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fiches dont la suppression automatique aura lieu dans les 7 prochains jours</source>
        <translation>Records that will be deleted automatically within the next 7 days</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Aucune fiche ne correspond à la recherche</source>
        <translation>No record matches the search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucune fiche enregistrée</source>
        <translation>No record yet</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln fiche(s) affichée(s)</source>
        <translation>
            <numerusform>%Ln record shown</numerusform>
            <numerusform>%Ln records shown</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recherche…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="+244"/>
        <source>Créez le compte du référent de ce poste. Il consulte le journal, fait les exports, règle les paramètres et crée les comptes des agents de traçage. Le mot de passe compte au moins {n} caractères&#xa0;: une phrase facile à retenir convient.</source>
        <translation>Create the account of this workstation&apos;s référent, who reads the journal, makes the exports, sets the settings and creates the tracing agents&apos; accounts. The password has at least {n} characters: an easy-to-remember sentence will do.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tracing Desk — compte référent</source>
        <translation>Tracing Desk — référent&apos;s account</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Créer le compte</source>
        <translation>Create the account</translation>
    </message>
</context>
<context>
    <name>FirstAccountForm</name>
    <message>
        <location line="-72"/>
        <source>&amp;Identifiant&#xa0;:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nom affiché&#xa0;:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mot de passe&#xa0;:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirmation&#xa0;:</source>
        <translation>&amp;Confirmation:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Les deux saisies sont différentes.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>FirstRunController</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="+309"/>
        <source>Le poste est mis en service, mais les fiches fictives n’ont pas pu être créées&#xa0;: {reason} Choisissez «&#x202f;Terminer&#x202f;» pour réessayer.</source>
        <translation>The workstation has been set up, but the fictitious records could not be created: {reason} Choose “Finish” to try again.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Jeton du compte partenaire</source>
        <translation>Partner account token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le poste est mis en service, mais le jeton du compte partenaire n’a pas pu être gardé dans le trousseau&#xa0;: {reason} Saisissez-le de nouveau&#xa0;: Synchronisation › Jeton du compte partenaire.</source>
        <translation>The workstation has been set up, but the partner account token could not be kept in the keyring: {reason} Enter it again: Synchronisation › Partner account token.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_pages.py" line="-324"/>
        <source>Tracing Desk — code de récupération</source>
        <translation>Tracing Desk — recovery code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce code permet de retrouver l’accès à la base de données chiffrée de ce poste si la clé de chiffrement est perdue (profil Windows réinitialisé, trousseau effacé, phrase secrète oubliée).</source>
        <translation>This code restores access to this workstation&apos;s encrypted database if the encryption key is lost (Windows profile reset, keyring erased, passphrase forgotten).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rangez cette feuille sous clé, hors de portée des personnes non autorisées, et jamais avec le poste. Qui détient ce code et une copie de la base peut lire les données.</source>
        <translation>Keep this sheet locked away, out of reach of unauthorised people, and never with the workstation. Whoever holds this code and a copy of the database can read the data.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utilisation&#xa0;: «&#x202f;tracing-desk recover&#x202f;», puis saisir le code (voir le guide d’administration).</source>
        <translation>Use: &quot;tracing-desk recover&quot;, then type the code (see the administration guide).</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="-185"/>
        <source>Tracing Desk — mise en service du poste</source>
        <translation>Tracing Desk — workstation set-up</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Terminer</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Enregistrement en cours…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Le code de récupération ne sera plus affiché&#xa0;: notez-le d’abord. La base de données chiffrée est déjà créée.</source>
        <translation>The recovery code will not be shown again: write it down first. The encrypted database has already been created.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quitter la mise en service&#x202f;?</source>
        <translation>Quit the set-up?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La mise en service n’est pas terminée&#xa0;: le programme va se fermer.</source>
        <translation>The set-up is not finished: the program will close.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continuer la mise en service</source>
        <translation>Continue the set-up</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../app/ui/help.py" line="+492"/>
        <source>&amp;Aide sur cet écran</source>
        <translation>&amp;Help on this screen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Guide de l’&amp;infirmier(ère)</source>
        <translation>&amp;Nurse&apos;s guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guide de l’a&amp;dministrateur</source>
        <translation>A&amp;dministrator&apos;s guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../app/ui/help_guides.py" line="+54"/>
        <source>illustration absente</source>
        <translation>illustration missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_shortcuts.py" line="+112"/>
        <source>Autres</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="-326"/>
        <source>Tracing Desk — aide</source>
        <extracomment>Widest an illustration is shown (design pixels), whatever its file&apos;s size. A screen (class name, or object name) → (guide, heading anchor). Anchors are :func:`slug` of the heading without its number. The settings dialog, tab by tab (Établissement, Conservation, Sécurité, Synchronisation).</extracomment>
        <translation>Tracing Desk — help</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Guide de l’infirmier(ère)</source>
        <translation>Nurse&apos;s guide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide de l’administrateur</source>
        <translation>Administrator&apos;s guide</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/ui/help_shortcuts.py" line="+20"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_shortcuts.py" line="+4"/>
        <source>Les raccourcis de la fenêtre principale s’affichent ici une fois le poste ouvert.</source>
        <translation>The main window&apos;s shortcuts are shown here once the workstation is open.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cette liste est faite à partir des menus du programme&#xa0;: elle est toujours à jour. **F1** ouvre le guide à la section de l’écran affiché.</source>
        <translation>This list is made from the program&apos;s menus, so it is always up to date. **F1** opens the guide at the section of the screen shown.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/help.py" line="+2"/>
        <source>&amp;Document&#xa0;:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Rechercher dans ce document</source>
        <translation>Search this document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Précédent</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Suivant</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+45"/>
        <source># Document introuvable

Le fichier «&#x202f;{name}&#x202f;» n’est pas installé avec le programme ({folder}).</source>
        <translation># Document not found

The file “{name}” is not installed with the program ({folder}).</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Aucun résultat pour «&#x202f;{text}&#x202f;»</source>
        <translation>No results for “{text}”</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{n} sur {total}</source>
        <translation>{n} of {total}</translation>
    </message>
</context>
<context>
    <name>JournalViewer</name>
    <message>
        <location filename="../../app/ui/journal_viewer.py" line="+51"/>
        <source>Journal des accès</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tous les utilisateurs</source>
        <translation>All users</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toutes les actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Depuis le</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jusqu’au</source>
        <translation>Until</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Filtrer</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiche (identifiant)</source>
        <translation>Record (ID)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n entrée(s) affichée(s)</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n au total</source>
        <translation>
            <numerusform>%n in total</numerusform>
            <numerusform>%n in total</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chaînage du journal&#xa0;: intact</source>
        <translation>Log chain: intact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chaînage du journal&#xa0;: ROMPU (journal modifié)</source>
        <translation>Log chain: BROKEN (log modified)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/ui/lock.py" line="-86"/>
        <source>Session verrouillée</source>
        <extracomment>Why the session was locked (journal detail, no personal data).</extracomment>
        <translation>Session locked</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Session de {who}. Saisissez votre mot de passe pour reprendre, ou connectez-vous avec votre propre compte&#xa0;: le travail en cours de {who} lui sera conservé sans vous être montré.</source>
        <translation>{who}&apos;s session. Enter your password to resume, or sign in with your own account: {who}&apos;s work in progress will be kept for them without being shown to you.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+78"/>
        <source>Tracing Desk — fiches de traçage</source>
        <extracomment>The background jobs (purge, sync) start once the first screen is drawn with its list (first page and count); a window never drawn (not shown, minimised) or whose list did not load starts them this long after it was built or shown all the same. Pure-Python libraries the first screen does not need, loaded by a background thread once it is drawn, so that the first phone number shown or checked does not wait.</extracomment>
        <translation>Tracing Desk — tracing records</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actualiser la liste</source>
        <translation>&amp;Refresh the list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>À &amp;propos de Tracing Desk</source>
        <translation>&amp;About Tracing Desk</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%Ln fiche(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln patient(s) zéro</source>
        <translation>
            <numerusform>%Ln patient zero</numerusform>
            <numerusform>%Ln patients zero</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tracing Desk</source>
        <translation>Tracing Desk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{backend} (non utilisé&#xa0;: base protégée par une phrase secrète)</source>
        <translation>{backend} (not used: the database is protected by a passphrase)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version du programme&#xa0;: {version}</source>
        <translation>Program version: {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version de SQLCipher&#xa0;: {version}</source>
        <translation>SQLCipher version: {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier de données&#xa0;: {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trousseau du système&#xa0;: {backend}</source>
        <translation>System keyring: {backend}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dernière synchronisation réussie&#xa0;: {when}</source>
        <translation>Last successful synchronisation: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prochaine suppression programmée&#xa0;: {when}</source>
        <translation>Next scheduled deletion: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucune (aucune fiche)</source>
        <translation>none (no records)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>À propos de Tracing Desk</source>
        <translation>About Tracing Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing Desk — poste de traçage des contacts</source>
        <translation>Tracing Desk — contact-tracing workstation</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="-343"/>
        <source>Nouveau compte</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Rôle&#xa0;:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Créer le compte</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="+38"/>
        <source>Nouvelle phrase secrète</source>
        <extracomment>:meth:`QDialog.done` code of « J’ai oublié ma phrase secrète » (neither accepted nor rejected).</extracomment>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phrase secrète</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choisissez la phrase secrète qui protégera la base de données (au moins {n} caractères, par exemple plusieurs mots). Elle sera demandée à chaque démarrage.</source>
        <translation>Choose the passphrase that will protect the database (at least {n} characters, for example several words). It will be asked for at every start.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cette base de données est protégée par une phrase secrète. Saisissez-la.</source>
        <translation>This database is protected by a passphrase. Please type it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Phrase secrète&#xa0;:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation&#xa0;:</source>
        <translation>Confirm:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>J’ai oublié ma phrase secrète…</source>
        <translation>I&apos;ve forgotten my passphrase…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Trop courte&#xa0;: au moins {n} caractères.</source>
        <translation>Too short: at least {n} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Les deux saisies sont différentes.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/accounts_dialog.py" line="+40"/>
        <source>Nouveau mot de passe</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nouveau mot de passe du compte «&#x202f;{login}&#x202f;»&#xa0;:</source>
        <translation>New password for the account “{login}”:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Mot de passe&#xa0;:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirmation&#xa0;:</source>
        <translation>&amp;Confirmation:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enregistrer le mot de passe</source>
        <translation>Save the password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Les deux saisies sont différentes.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../app/ui/print_menu.py" line="+68"/>
        <source>&amp;Impression</source>
        <translation>&amp;Printing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Affiche d’information &amp;A4</source>
        <translation>Information poster &amp;A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affiche d’information A&amp;3</source>
        <translation>Information poster A&amp;3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notice d’information (2 par feuille A4)</source>
        <translation>Information &amp;leaflet (2 per A4 sheet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Aperçu avant impression…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Exporter en PDF…</source>
        <translation>&amp;Export as PDF…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>É&amp;tablissement…</source>
        <translation>Es&amp;tablishment…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paramètres de l’établissement incomplets</source>
        <translation>Incomplete establishment settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Renseigner l’établissement…</source>
        <translation>Fill in the establishment…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer quand même</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Exporter en PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Document enregistré&#xa0;: {path}</source>
        <translation>Document saved: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Document envoyé à l’imprimante.</source>
        <translation>Document sent to the printer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Affiche d’information {paper}</source>
        <translation>Information poster {paper}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice d’information</source>
        <translation>Information leaflet</translation>
    </message>
</context>
<context>
    <name>PurgeBanner</name>
    <message>
        <location filename="../../app/ui/purge_panel.py" line="+104"/>
        <source>Voir les suppressions à venir</source>
        <translation>See upcoming deletions</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n fiche(s) non transmise(s) seront supprimées d’ici le {date} (délai de conservation)&#xa0;: transmettez-les maintenant.</source>
        <translation>
            <numerusform>%n record not yet transmitted will be deleted by {date} (retention limit): transmit it now.</numerusform>
            <numerusform>%n records not yet transmitted will be deleted by {date} (retention limit): transmit them now.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fichier exporté introuvable (déplacé ou renommé&#x202f;?)&#xa0;: {path}. Supprimez vous-même toute copie avant le {date}.</source>
        <translation>Exported file not found (moved or renamed?): {path}. Delete any copy yourself before {date}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Le fichier exporté {path} n’a pas pu être supprimé ({error})&#x202f;; fermez-le s’il est ouvert. La purge réessaiera.</source>
        <translation>The exported file {path} could not be deleted ({error}); close it if it is open. The purge will try again.</translation>
    </message>
</context>
<context>
    <name>PurgeControls</name>
    <message>
        <location line="+191"/>
        <source>&amp;Conservation</source>
        <translation>&amp;Retention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Suppressions à venir…</source>
        <translation>&amp;Upcoming deletions…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lancer la purge maintenant</source>
        <translation>&amp;Run the purge now</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <location line="+22"/>
        <source>%n fiche(s) supprimée(s) le {date}</source>
        <translation>
            <numerusform>%n record deleted on {date}</numerusform>
            <numerusform>%n records deleted on {date}</numerusform>
        </translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Purge de conservation</source>
        <translation>Retention purge</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Aucune suppression programmée.</source>
        <translation>No deletion scheduled.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prochaine suppression&#xa0;: {date}</source>
        <translation>Next deletion: {date}</translation>
    </message>
</context>
<context>
    <name>PurgeJob</name>
    <message>
        <location filename="../../app/workers/purge_job.py" line="+322"/>
        <source>La purge automatique a échoué ({name})&#x202f;; elle sera relancée. Le détail technique est dans le journal.</source>
        <translation>The automatic purge failed ({name}); it will run again. The technical details are in the log.</translation>
    </message>
</context>
<context>
    <name>PurgeTaskBox</name>
    <message>
        <location filename="../../app/ui/purge_task_box.py" line="+47"/>
        <source>La tâche n’a pas pu être enregistrée ({kind}).</source>
        <translation>The task could not be registered ({kind}).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Vérification de la tâche de purge quotidienne du système…</source>
        <translation>Checking the system&apos;s daily purge task…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Enregistrer la purge quotidienne</source>
        <translation>&amp;Register the daily purge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enregistre pour votre compte une tâche du système qui supprime chaque jour les fiches échues, même quand le programme est fermé.</source>
        <translation>Registers a system task for your account that deletes expired records every day, even when the program is closed.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Les fiches sont supprimées à leur échéance, au plus tard 3 mois après leur création, même quand le programme est fermé&#xa0;: {description}</source>
        <translation>Records are deleted when due, no later than 3 months after their creation, even when the program is closed: {description}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{description} Les fiches échues ne sont supprimées que lorsque le programme est ouvert. Pour que la limite de 3 mois tienne aussi quand il reste fermé, enregistrez la purge quotidienne pour votre compte.</source>
        <translation>{description} Expired records are deleted only while the program is open. For the 3-month limit to hold when it stays closed too, register the daily purge for your account.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enregistrement de la tâche en cours…</source>
        <translation>Registering the task…</translation>
    </message>
</context>
<context>
    <name>RecoverPassphraseDialog</name>
    <message>
        <location filename="../../app/ui/recover_dialog.py" line="+103"/>
        <source>Phrase secrète oubliée</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saisissez le code de récupération imprimé à la création de la base (32&#xa0;caractères, tirets et espaces facultatifs), puis choisissez une nouvelle phrase secrète (au moins {n}&#xa0;caractères, par exemple plusieurs mots). L’ancienne phrase secrète ne servira plus&#x202f;; le même code de récupération reste valable.</source>
        <translation>Enter the recovery code printed when the database was created (32 characters, dashes and spaces optional), then choose a new passphrase (at least {n} characters, for example several words). The old passphrase will no longer work; the same recovery code remains valid.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Code de récupération&#xa0;:</source>
        <translation>Recovery code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelle phrase secrète&#xa0;:</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation&#xa0;:</source>
        <translation>Confirm:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remplacement de la phrase secrète en cours, patientez…</source>
        <translation>Replacing the passphrase, please wait…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remplacer la phrase secrète</source>
        <translation>Replace the passphrase</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+2"/>
        <location line="+11"/>
        <source>Les deux saisies de la phrase secrète sont différentes.</source>
        <translation>The two passphrase entries differ.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Erreur interne&#xa0;: la phrase secrète n’a pas été remplacée. Réessayez&#x202f;; si cela persiste, utilisez «&#x202f;tracing-desk recover&#x202f;» ou contactez le service informatique.</source>
        <translation>Internal error: the passphrase has not been replaced. Try again; if this persists, use “tracing-desk recover” or contact the IT department.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../app/ui/first_run_pages.py" line="+109"/>
        <location line="+123"/>
        <source>Code de récupération</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Notez-le et conservez-le en lieu sûr&#xa0;: il ne sera plus jamais affiché.</source>
        <translation>Write it down and keep it safe: it will never be shown again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ce code permet de retrouver l’accès à la base de données si la clé de chiffrement est perdue (profil Windows réinitialisé, nouveau poste, phrase secrète oubliée). Imprimez-le ou écrivez-le sur papier et rangez-le sous clé, hors du poste.</source>
        <translation>This code restores access to the database if the encryption key is lost (Windows profile reset, new workstation, passphrase forgotten). Print it or write it on paper and keep it locked away, away from the workstation.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Enregistrer en PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Un fichier PDF ne doit pas rester sur ce poste&#xa0;: enregistrez-le sur un support rangé sous clé, ou imprimez-le puis supprimez-le.</source>
        <translation>A PDF file must not stay on this workstation: save it on a medium kept locked away, or print it and then delete it.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pour vérifier, saisissez les groupes n° {a} et n° {b} du code&#xa0;:</source>
        <translation>To check, type groups no. {a} and no. {b} of the code:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} caractères</source>
        <translation>{n} characters</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ce ne sont pas les groupes n° {a} et n° {b} du code affiché. Relisez le code (les groupes sont séparés par des tirets) et saisissez-les à nouveau.</source>
        <translation>These are not groups no. {a} and no. {b} of the code shown. Read the code again (the groups are separated by dashes) and type them again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imprimer le code de récupération</source>
        <translation>Print the recovery code</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enregistrer le code de récupération</source>
        <translation>Save the recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le fichier n’a pas pu être écrit à cet emplacement.</source>
        <translation>The file could not be written there.</translation>
    </message>
</context>
<context>
    <name>RefusedFichesDialog</name>
    <message>
        <location filename="../../app/ui/sync_menu.py" line="+130"/>
        <source>Fiches refusées par le service central</source>
        <translation>Records refused by the central service</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Corrigez chaque fiche selon le message du service central puis enregistrez-la&#xa0;: elle repartira à la synchronisation suivante.</source>
        <translation>Correct each record as the central service&apos;s message says, then save it: it will be sent again at the next synchronisation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune fiche refusée.</source>
        <translation>No refused records.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message du service central</source>
        <translation>Central service message</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../app/ui/forms/search_dialog.py" line="+56"/>
        <source>Nom, date de naissance (jj/mm/aaaa), NIR ou téléphone</source>
        <translation>Name, date of birth (dd/mm/yyyy), NIR or phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>né(e) le {date}</source>
        <translation>born on {date}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n résultat(s)&#x202f;; Entrée pour choisir.</source>
        <translation>
            <numerusform>%n result; Enter to choose.</numerusform>
            <numerusform>%n results; Enter to choose.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucune fiche ne correspond.</source>
        <translation>No matching record.</translation>
    </message>
</context>
<context>
    <name>SecurityMenu</name>
    <message>
        <location filename="../../app/ui/security_menu.py" line="+58"/>
        <source>&amp;Sécurité</source>
        <translation>Se&amp;curity</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connecté&#xa0;: {login} ({role})</source>
        <translation>Signed in: {login} ({role})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporter le fichier &amp;Excel (transmission)…</source>
        <translation>Export the &amp;Excel file (transmission)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporter les données &amp;pseudonymisées…</source>
        <translation>Export &amp;pseudonymised data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Journal des accès…</source>
        <translation>Access &amp;log…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comptes…</source>
        <translation>&amp;Accounts…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Oublier ce poste…</source>
        <translation>&amp;Forget this workstation…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fichier Excel de transmission</source>
        <translation>Excel transmission file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export pseudonymisé</source>
        <translation>Pseudonymised export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx);;Fichier CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Export terminé&#xa0;: %n fiche(s). Il sera supprimé à l’échéance de conservation.</source>
        <translation>
            <numerusform>Export complete: %n record. It will be deleted when the retention period ends.</numerusform>
            <numerusform>Export complete: %n records. It will be deleted when the retention period ends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Oublier ce poste</source>
        <translation>Forget this workstation</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Toutes les données de ce poste vont être supprimées définitivement&#xa0;: %n fiche(s), la clé de chiffrement du trousseau et les fichiers exportés.</source>
        <translation>
            <numerusform>All data on this workstation will be permanently deleted: %n record, the encryption key in the keyring and the exported files.</numerusform>
            <numerusform>All data on this workstation will be permanently deleted: %n records, the encryption key in the keyring and the exported files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n fiche(s) n’ont pas encore été transmises au service central&#xa0;: elles seront perdues.</source>
        <translation>
            <numerusform>%n record has not yet been sent to the central service: it will be lost.</numerusform>
            <numerusform>%n records have not yet been sent to the central service: they will be lost.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Le code de récupération n’ouvrira plus rien&#xa0;: il n’y aura aucun moyen de retrouver ces données.</source>
        <translation>The recovery code will no longer open anything: there will be no way to get this data back.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supprimer définitivement</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="+34"/>
        <source>Établissement</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conservation des données</source>
        <translation>Data retention</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Autres</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Corrigez les valeurs signalées&#x202f;; rien n’a été enregistré.</source>
        <extracomment>The field of each setting shown (the editor&apos;s).</extracomment>
        <translation>Correct the values flagged; nothing has been saved.</translation>
    </message>
</context>
<context>
    <name>SettingsEditor</name>
    <message>
        <location filename="../../app/ui/settings_editor.py" line="+173"/>
        <source>Parcourir…</source>
        <extracomment>An extra check of a screen: the French problem with *value*, ``&quot;&quot;`` if none. The field of each key (a QLineEdit, QPlainTextEdit, QSpinBox, QComboBox or QCheckBox). The French message under each field (hidden unless its value is refused). The warning under a field whose setting declares one. The values last loaded (what « changed » compares with).</extracomment>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="-73"/>
        <source>Tracing Desk — connexion</source>
        <translation>Tracing Desk — sign in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Données de santé couvertes par le secret professionnel&#xa0;: connectez-vous avec votre compte personnel.</source>
        <translation>Health data covered by professional secrecy: sign in with your personal account.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location line="-88"/>
        <source>Se connecter</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Identifiant&#xa0;:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mot de passe&#xa0;:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Indiquez votre identifiant et votre mot de passe.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Trop d’essais infructueux&#xa0;: nouvel essai possible dans %n seconde(s).</source>
        <translation>
            <numerusform>Too many failed attempts: try again in %n second.</numerusform>
            <numerusform>Too many failed attempts: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../app/ui/application.py" line="+178"/>
        <source>Création de la base de données chiffrée…</source>
        <translation>Creating the encrypted database…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trousseau indisponible</source>
        <translation>Keyring unavailable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vous pouvez protéger la base de données par une phrase secrète, qui sera demandée à chaque démarrage.</source>
        <translation>You can protect the database with a passphrase instead; it will be asked for at every start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utiliser une phrase secrète</source>
        <translation>Use a passphrase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ouverture de la base de données chiffrée…</source>
        <translation>Opening the encrypted database…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Base de données inaccessible</source>
        <translation>Database unavailable</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Tracing Desk</source>
        <translation>Tracing Desk</translation>
    </message>
</context>
<context>
    <name>StoreWarning</name>
    <message>
        <location filename="../../app/ui/store_warning.py" line="+74"/>
        <location line="+31"/>
        <source>Base en lecture seule</source>
        <translation>Read-only database</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>La base de données est ouverte en lecture seule&#xa0;: vous pouvez consulter et exporter les fiches, mais aucune modification ne sera enregistrée.</source>
        <translation>The database is open read-only: you can view and export records, but no changes will be saved.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Base en lecture seule — consultation et export possibles, modifications refusées. Prévenez le référent.</source>
        <translation>Read-only database — viewing and export possible, changes refused. Inform the référent.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="-195"/>
        <source>Prêt</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>«&#x202f;Terminer&#x202f;» enregistre ces choix et ouvre le poste.</source>
        <translation>&quot;Finish&quot; saves these choices and opens the workstation.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>• Mode démonstration&#xa0;: {n} patients zéro fictifs et leurs contacts seront créés&#x202f;; rien ne sera envoyé au service central.</source>
        <translation>• Demonstration mode: {n} fictitious index cases and their contacts will be created; nothing will be sent to the central service.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• Poste en service réel.</source>
        <translation>• Workstation in real service.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Établissement&#xa0;: {name}</source>
        <translation>• Establishment: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Compte référent&#xa0;: {login}</source>
        <translation>• Référent&apos;s account: {login}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• Code de récupération noté et vérifié.</source>
        <translation>• Recovery code written down and checked.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>• Travail hors ligne (service central à configurer plus tard).</source>
        <translation>• Offline work (central service to be set up later).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• Service central&#xa0;: {url}</source>
        <translation>• Central service: {url}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  (jeton à saisir ensuite&#xa0;: Synchronisation › Jeton du compte partenaire)</source>
        <translation>  (token to be entered later: Synchronisation › Partner account token)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>• Les fiches sont supprimées au plus tard 3 mois après leur création, même si le programme n’est pas ouvert (tâche quotidienne du système).</source>
        <translation>• Records are deleted no later than 3 months after their creation, even when the program is not opened (daily system task).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• Les fiches échues (3 mois au plus après leur création) sont supprimées à chaque ouverture du programme et tant qu’il reste ouvert&#x202f;; programme fermé, seulement si la purge quotidienne du système est enregistrée.</source>
        <translation>• Expired records (no more than 3 months after their creation) are deleted each time the program starts and for as long as it stays open; while the program is closed, only if the system&apos;s daily purge is registered.</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <location filename="../../app/ui/sync_menu.py" line="+63"/>
        <source>&amp;Synchronisation</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Jeton du compte partenaire…</source>
        <translation>Partner account &amp;token…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fiches &amp;refusées…</source>
        <translation>&amp;Refused records…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paramètres de synchronisation…</source>
        <translation>Synchronisation &amp;settings…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Aucun service central n’est configuré&#xa0;: les fiches validées restent en attente sur ce poste. Pour en configurer un, ouvrez Synchronisation › Paramètres de synchronisation (adresse du service), puis Synchronisation › Jeton du compte partenaire.</source>
        <translation>No central service is set up: validated records stay pending on this workstation. To set one up, open Synchronisation › Synchronisation settings (service address), then Synchronisation › Partner account token.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saisissez le jeton du compte partenaire de l’établissement.</source>
        <translation>Enter the establishment&apos;s partner account token.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location line="-179"/>
        <source>Paramètres de synchronisation</source>
        <extracomment>The sync settings&apos; dialog shows these, in this order (the settings editor&apos;s fields).</extracomment>
        <translation>Synchronisation settings</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Corrigez les valeurs signalées&#x202f;; rien n’a été enregistré.</source>
        <translation>Correct the flagged values; nothing has been saved.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="+48"/>
        <source>connexion…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>envoi %v / %m</source>
        <translation>sending %v / %m</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Synchronise now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Envoyer maintenant les fiches en attente au service central</source>
        <translation>Send the pending records to the central service now</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>en ligne</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hors ligne</source>
        <translation>offline</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln en attente</source>
        <translation>
            <numerusform>%Ln pending</numerusform>
            <numerusform>%Ln pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln refusée(s)</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dernière synchronisation&#xa0;: {when}</source>
        <translation>last synchronisation: {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>jamais synchronisé</source>
        <translation>never synchronised</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>service central à configurer</source>
        <translation>central service to be set up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>réglages de synchronisation à corriger</source>
        <translation>synchronisation settings to be corrected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>envoi suspendu (lecture seule)</source>
        <translation>sending suspended (read-only)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dernier envoi&#xa0;: {a} acceptée(s), {r} refusée(s), {c} conflit(s)</source>
        <translation>Last upload: {a} accepted, {r} refused, {c} conflict(s)</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location line="+17"/>
        <source>Jeton du compte partenaire</source>
        <translation>Partner account token</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>jeton fourni pour le compte partenaire</source>
        <translation>token provided for the partner account</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Jeton invalide&#xa0;: au moins 16 caractères, sans espace.</source>
        <translation>Invalid token: at least 16 characters, no spaces.</translation>
    </message>
</context>
<context>
    <name>UpcomingDialog</name>
    <message>
        <location filename="../../app/ui/purge_panel.py" line="-218"/>
        <source>Suppressions à venir</source>
        <translation>Upcoming deletions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>7 prochains jours</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>30 prochains jours</source>
        <translation>Next 30 days</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n fiche(s) seront supprimées dans les {days} prochains jours.</source>
        <translation>
            <numerusform>%n record will be deleted in the next {days} days.</numerusform>
            <numerusform>%n records will be deleted in the next {days} days.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Les {shown} premières sont affichées.</source>
        <translation>The first {shown} are shown.</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <location line="-104"/>
        <source>Suppression le</source>
        <translation>Deletion on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/first_run_pages.py" line="-194"/>
        <source>Bienvenue dans Tracing Desk</source>
        <translation>Welcome to Tracing Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mise en service de ce poste de traçage des contacts, en quelques étapes.</source>
        <translation>Setting up this contact-tracing workstation, in a few steps.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Les données saisies sont des données de santé, chiffrées sur ce poste et supprimées au plus tard 3 mois après leur création. Choisissez l’usage du poste&#xa0;:</source>
        <translation>The data entered are health data, encrypted on this workstation and deleted no later than 3 months after their creation. Choose how the workstation will be used:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Mettre le poste en service (données réelles)</source>
        <translation>&amp;Put the workstation into service (real data)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mode &amp;démonstration (formation&#xa0;: données fictives uniquement)</source>
        <translation>&amp;Demonstration mode (training: fictitious data only)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>En mode démonstration, le poste est rempli de fiches inventées, un bandeau «&#x202f;Mode démonstration — données fictives&#x202f;» reste affiché et rien n’est envoyé au service central. Pour passer ensuite en service réel&#xa0;: Sécurité › Oublier ce poste, puis une nouvelle mise en service.</source>
        <translation>In demonstration mode, the workstation is filled with invented records, a &quot;Demonstration mode — fictitious data&quot; banner stays on screen and nothing is sent to the central service. To switch to real service later: Security › Forget this workstation, then a new set-up.</translation>
    </message>
</context>
<context>
    <name>contact_finder</name>
    <message>
        <location filename="../../app/ui/forms/contact_finder_table.py" line="-98"/>
        <source>même chambre</source>
        <translation>same room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>même table</source>
        <translation>same table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personnel de l’unité</source>
        <translation>unit staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>même équipe</source>
        <translation>same team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>même unité</source>
        <translation>same unit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>personnel</source>
        <translation>staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>résident</source>
        <translation>resident</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder_jobs.py" line="+48"/>
        <source>Le fichier «&#x202f;{name}&#x202f;» est introuvable&#xa0;: il a été déplacé ou supprimé. Choisissez-le à nouveau.</source>
        <translation>The file “{name}” cannot be found: it has been moved or deleted. Choose it again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le fichier «&#x202f;{name}&#x202f;» ne peut pas être lu (ouvert dans un autre programme, ou accès refusé). Fermez-le puis réessayez.</source>
        <translation>The file “{name}” cannot be read (open in another program, or access denied). Close it, then try again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+14"/>
        <source>ligne {line}&#xa0;: {problem}</source>
        <translation>line {line}: {problem}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{file}&#xa0;: le fichier n’a pas été pris en compte.</source>
        <translation>{file}: the file was not used.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>… et un autre problème.</source>
        <translation>… and one more problem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… et {count} autres problèmes.</source>
        <translation>… and {count} more problems.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Fichier des résidents «&#x202f;{name}&#x202f;»</source>
        <translation>Residents file “{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planning du personnel «&#x202f;{name}&#x202f;»</source>
        <translation>Staff rota “{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact_finder.py" line="-170"/>
        <source>Date non reconnue «&#x202f;{text}&#x202f;» (jj/mm/aaaa).</source>
        <translation>Date not recognised “{text}” (dd/mm/yyyy).</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../app/core/enums.py" line="+67"/>
        <source>patient zéro</source>
        <translation>patient zero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personne contact</source>
        <translation>contact person</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>initialisée</source>
        <translation>draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validée</source>
        <translation>validated</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>transmise</source>
        <translation>transmitted</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>clôturée</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>non transmise</source>
        <translation>not sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en attente d’envoi</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refusée</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en conflit</source>
        <translation>in conflict</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>masculin</source>
        <translation>male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>féminin</source>
        <translation>female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>indéterminé</source>
        <translation>undetermined</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>patient hospitalisé</source>
        <translation>inpatient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>résident</source>
        <translation>resident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>professionnel de l’établissement</source>
        <translation>establishment staff member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intervenant extérieur</source>
        <translation>external worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visiteur</source>
        <translation>visitor</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>autre</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+18"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>non recueilli</source>
        <translation>not collected</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ne sait pas</source>
        <translation>does not know</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>oral</source>
        <translation>verbal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>affichette</source>
        <translation>notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notice remise</source>
        <translation>leaflet given</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>RT-PCR</source>
        <translation>RT-PCR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test antigénique</source>
        <translation>antigen test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sérologie</source>
        <translation>serology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imagerie</source>
        <translation>imaging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnostic clinique</source>
        <translation>clinical diagnosis</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>positif</source>
        <translation>positive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>négatif</source>
        <translation>negative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>douteux</source>
        <translation>inconclusive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en attente</source>
        <translation>pending</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>même lieu de vie</source>
        <translation>same household</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face-à-face à moins d’1 m</source>
        <translation>face to face within 1 m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soins ou actes d’hygiène donnés ou reçus</source>
        <translation>care or hygiene procedures given or received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>espace confiné partagé ≥ 15 min</source>
        <translation>shared enclosed space ≥ 15 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>même classe</source>
        <translation>same class</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>masque chirurgical ou FFP2 porté par le cas</source>
        <translation>surgical or FFP2 mask worn by the case</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>masque chirurgical ou FFP2 porté par le contact</source>
        <translation>surgical or FFP2 mask worn by the contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>séparation physique</source>
        <translation>physical separation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>à risque</source>
        <translation>at risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>à risque négligeable</source>
        <translation>negligible risk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>département</source>
        <translation>département</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collectivité mentionnée à l’article 72-3 de la Constitution</source>
        <translation>overseas collectivity (article 72-3 of the Constitution)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pays</source>
        <translation>country</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>structures ou lieux d’hébergement collectif</source>
        <extracomment>INSEE codes of the départements (metropolitan France, Corsica as 2A/2B). INSEE codes of the overseas départements and collectivités (art. 72-3 of the Constitution), plus Nouvelle-Calédonie (988) which the picker also offers. Every code of the letter-j picker, in picker order.</extracomment>
        <translation>collective accommodation facilities or places</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>structures d’accueil du jeune enfant</source>
        <translation>childcare facilities</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>milieu scolaire</source>
        <translation>school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>milieu universitaire</source>
        <translation>university</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>établissements de santé</source>
        <translation>healthcare establishments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>autres établissements recevant du public dans lesquels les gestes barrières ne peuvent être pleinement respectés</source>
        <translation>other establishments open to the public where protective measures cannot be fully observed</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>foyer</source>
        <translation>hostel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pensionnat</source>
        <translation>boarding school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>établissement d’hébergement pour personnes âgées dépendantes</source>
        <translation>nursing home for dependent elderly people (EHPAD)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>établissement médico-social accompagnant des personnes handicapées</source>
        <translation>medico-social establishment supporting people with disabilities</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>établissements pénitentiaires</source>
        <translation>prisons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>structure d’hébergement touristique</source>
        <translation>tourist accommodation</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>événement sportif</source>
        <translation>sports event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>événement culturel</source>
        <translation>cultural event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>réunion familiale, rassemblement festif</source>
        <translation>family gathering, festive gathering</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>réunion familiale</source>
        <translation>family gathering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rassemblement festif</source>
        <translation>festive gathering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rassemblement pour raison professionnelle</source>
        <translation>work-related gathering</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>autre type de rassemblement</source>
        <translation>other type of gathering</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>personne identifiée comme cas contact à risque de contamination à la covid-19</source>
        <extracomment>E-l as the decree lists it for each kind of fiche, in the decree&apos;s order.</extracomment>
        <translation>person identified as a contact at risk of COVID-19 infection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne ayant dans son entourage une personne dépistée positive à la covid-19</source>
        <translation>person with someone close to them who tested positive for COVID-19</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne présentant des symptômes de contamination à la covid-19</source>
        <translation>person with symptoms of COVID-19 infection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne ayant dans son entourage une personne présentant des symptômes de contamination à la covid-19</source>
        <translation>person with someone close to them who has symptoms of COVID-19 infection</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>création</source>
        <translation>creation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consultation</source>
        <translation>viewing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modification</source>
        <translation>modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suppression</source>
        <translation>deletion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clôture</source>
        <translation>closure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>réouverture</source>
        <translation>reopening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impression</source>
        <translation>printing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transmission</source>
        <translation>transmission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purge</source>
        <translation>purge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connexion</source>
        <translation>sign-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verrouillage</source>
        <translation>lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>échec de connexion</source>
        <translation>failed sign-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initialisation</source>
        <translation>initialisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>récupération de la clé</source>
        <translation>key recovery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>migration</source>
        <translation>migration</translation>
    </message>
    <message>
        <location filename="../../app/core/identifiers.py" line="+62"/>
        <source>Le NIR est vide.</source>
        <extracomment>Regions tried, after the default one, for a national number such as &quot;0692 12 34 56&quot; (La Réunion): French overseas numbering plans.</extracomment>
        <translation>The NIR is empty.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR doit compter 15 caractères, clé comprise ({count} saisis).</source>
        <translation>The NIR must have 15 characters, including the key ({count} entered).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le NIR doit commencer par 1, 2, 3, 4, 7 ou 8.</source>
        <translation>The NIR must start with 1, 2, 3, 4, 7 or 8.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>NIR incohérent&#xa0;: les 13 premiers chiffres et la clé ne correspondent pas. Vérifiez chaque chiffre sur la carte Vitale ou l’attestation de droits.</source>
        <translation>Inconsistent NIR: the first 13 digits and the key do not match. Check each digit against the Carte Vitale or the health insurance certificate (attestation de droits).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Longueur du NIR incorrecte.</source>
        <translation>Incorrect NIR length.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR ne contient que des chiffres (2A ou 2B pour un département de Corse).</source>
        <translation>The NIR contains only digits (2A or 2B for a Corsican département).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Le numéro de téléphone est vide.</source>
        <translation>The phone number is empty.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Numéro de téléphone non reconnu «&#x202f;{text}&#x202f;» (un numéro étranger commence par +).</source>
        <translation>Phone number not recognised “{text}” (a foreign number starts with +).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Le code postal doit compter 5 chiffres («&#x202f;{text}&#x202f;»).</source>
        <translation>The postcode must have 5 digits (“{text}”).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code postal inconnu «&#x202f;{text}&#x202f;».</source>
        <translation>Unknown postcode “{text}”.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Le n° FINESS compte 9 caractères («&#x202f;{text}&#x202f;»).</source>
        <translation>The FINESS number has 9 characters (“{text}”).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Attention&#xa0;: la clé de contrôle du n° FINESS ne correspond pas. Vérifiez le numéro (il peut être enregistré quand même).</source>
        <extracomment>The warning of a FINESS whose check digit fails (settings dialog, first-run wizard).</extracomment>
        <translation>Warning: the FINESS number&apos;s check digit does not match. Check the number (it can be saved anyway).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Le n° RPPS compte 11 chiffres («&#x202f;{text}&#x202f;»).</source>
        <translation>The RPPS number has 11 digits (“{text}”).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Le n° RPPS «&#x202f;{text}&#x202f;» est invalide (clé de contrôle).</source>
        <translation>The RPPS number “{text}” is invalid (check digit).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le n° ADELI compte 9 chiffres («&#x202f;{text}&#x202f;»).</source>
        <translation>The ADELI number has 9 digits (“{text}”).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le code d’admission AME est vide.</source>
        <translation>The AME admission code is empty.</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="+93"/>
        <source>Ligne(s) d’adresse</source>
        <translation>Address line(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commune</source>
        <translation>Town</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pays</source>
        <extracomment>``&quot;&quot;`` means France.</extracomment>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_rows.py" line="+33"/>
        <location filename="../../app/core/models.py" line="+14"/>
        <location line="+13"/>
        <location line="+110"/>
        <source>Nom</source>
        <extracomment>Required columns, in the order of the grid. French header of each column (the grid&apos;s headers; a pasted header line may use them).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}&#xa0;: date illisible (attendu jj/mm/aaaa).</source>
        <translation>{field}: unreadable date (expected dd/mm/yyyy).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: numéro non reconnu (un numéro étranger commence par +).</source>
        <translation>{field}: number not recognised (a foreign number starts with +).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field}&#xa0;: statut inconnu (admis&#xa0;: {allowed}).</source>
        <translation>{field}: unknown status (allowed: {allowed}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: à renseigner (avec le prénom).</source>
        <translation>{field}: required (with the first name).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: texte trop long.</source>
        <translation>{field}: text too long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ligne {line}&#xa0;: {problem}</source>
        <translation>line {line}: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="-121"/>
        <source>Lien avec la personne</source>
        <translation>Relationship to the person</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_rows.py" line="-15"/>
        <location filename="../../app/core/models.py" line="+3"/>
        <location line="+13"/>
        <location line="+129"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="-132"/>
        <source>Spécialité</source>
        <translation>Speciality</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N° RPPS</source>
        <translation>RPPS no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° ADELI</source>
        <translation>ADELI no.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type d’examen</source>
        <translation>Test type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date de prélèvement</source>
        <translation>Sample date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date des premiers symptômes</source>
        <translation>Date of first symptoms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asymptomatique</source>
        <translation>Asymptomatic</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Statut dans l’établissement</source>
        <translation>Status in the establishment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service / unité</source>
        <translation>Ward / unit</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_rows.py" line="+3"/>
        <location filename="../../app/core/models.py" line="+3"/>
        <source>Chambre</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="+9"/>
        <source>Date de l’information</source>
        <translation>Date informed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Information donnée par</source>
        <translation>Informed by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Modalités d’information</source>
        <translation>How informed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Informé(e) du droit d’opposition à la réutilisation pour la recherche</source>
        <translation>Informed of the right to object to reuse for research</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code</source>
        <extracomment>INSEE code for a département / collectivité; empty or ISO code for a country.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type de structure</source>
        <translation>Facility type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type d’hébergement collectif</source>
        <translation>Collective accommodation type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom de la structure</source>
        <translation>Facility name</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+177"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Date de fréquentation</source>
        <translation>Date attended</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Objet du rassemblement</source>
        <translation>Purpose of the gathering</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Précision</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>En quarantaine au cours des 14 derniers jours</source>
        <translation>In quarantine during the last 14 days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Raisons de la quarantaine</source>
        <translation>Reasons for quarantine</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+268"/>
        <source>Symptômes</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>Date de début des symptômes</source>
        <translation>Symptom onset date</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+56"/>
        <source>Identifiant</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Patient zéro</source>
        <translation>Patient zero</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_rows.py" line="-2"/>
        <location filename="../../app/core/models.py" line="+9"/>
        <source>Date du dernier contact</source>
        <translation>Date of last contact</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="+7"/>
        <source>Circonstances</source>
        <translation>Circumstances</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Autre circonstance</source>
        <translation>Other circumstance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mesures de protection</source>
        <translation>Protective measures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Évaluation suggérée</source>
        <translation>Suggested assessment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Évaluation du risque</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <extracomment>0 before the first save, 1 at creation, +1 at every save (the db sets it).</extracomment>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Créée le</source>
        <extracomment>Fixed at first save, aware UTC; the retention deadline derives from it.</extracomment>
        <translation>Created on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Modifiée le</source>
        <translation>Modified on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom de naissance</source>
        <translation>Birth name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nom d’usage</source>
        <translation>Used name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prénoms</source>
        <translation>First names</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_rows.py" line="-2"/>
        <location filename="../../app/core/models.py" line="+4"/>
        <source>Date de naissance</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="+3"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Représentant légal</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIR</source>
        <extracomment>15 characters, no spaces (``identifiers.normalize_nir``).</extracomment>
        <translation>NIR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code d’admission AME</source>
        <translation>AME admission code</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Téléphones</source>
        <extracomment>E.164 numbers (``identifiers.parse_phone``).</extracomment>
        <translation>Phones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisme d’affiliation</source>
        <translation>Health insurance body</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Médecin</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place dans l’établissement</source>
        <translation>Place in the establishment</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Besoin d’un accompagnement sanitaire ou social</source>
        <translation>Needs health or social support</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consentement à la communication de l’identité et des coordonnées à l’organisme compétent</source>
        <translation>Consent to the identity and contact details being passed to the competent body</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lieux de séjour des 14 derniers jours</source>
        <translation>Places stayed in the last 14 days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date de retour en France</source>
        <translation>Date of return to France</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Structures fréquentées (14 derniers jours)</source>
        <translation>Facilities attended (last 14 days)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rassemblements</source>
        <translation>Gatherings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Information de la personne</source>
        <translation>Informing the person</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Établissement de l’infection</source>
        <translation>Establishment of infection</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accepte que son identité soit communiquée à ses contacts</source>
        <extracomment>MARS 109: may the identity be given to the contacts?</extracomment>
        <translation>Agrees to their identity being given to their contacts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quarantaine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact avec une personne infectée ou symptomatique (14 derniers jours)</source>
        <translation>Contact with an infected or symptomatic person (last 14 days)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dépisté(e) lors d’une campagne organisée par l’ARS</source>
        <translation>Screened during a campaign organised by the ARS</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Expositions</source>
        <translation>Exposures</translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="+40"/>
        <source>«&#x202f;{label}&#x202f;»&#xa0;: valeur de type inattendu ({type}).</source>
        <translation>“{label}”: value of unexpected type ({type}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>«&#x202f;{label}&#x202f;» doit être compris entre {low} et {high}.</source>
        <translation>“{label}” must be between {low} and {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fuseau horaire inconnu&#xa0;: «&#x202f;{value}&#x202f;».</source>
        <translation>Unknown time zone: “{value}”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adresse e-mail non reconnue «&#x202f;{value}&#x202f;».</source>
        <translation>E-mail address not recognised “{value}”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>«&#x202f;{label}&#x202f;»&#xa0;: {limit} caractères au plus.</source>
        <translation>“{label}”: {limit} characters at most.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adresse en http:// refusée&#xa0;: les données ne partent que chiffrées (https://). http:// n’est admis que vers la boucle locale, en mode développement.</source>
        <translation>http:// address refused: data is only sent encrypted (https://). http:// is allowed only to the local loopback, in development mode.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adresse du service central invalide&#xa0;: «&#x202f;{url}&#x202f;» (attendu&#xa0;: https://nom-du-service).</source>
        <translation>Invalid central service address: “{url}” (expected: https://service-name).</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Nom de l’établissement</source>
        <extracomment>Raises ``SettingError`` with a French message, or returns the normalised value. Shown to the référent next to the field. Only a référent may change it (issue: access control). Set by the program itself (first-run wizard), not shown in the settings dialog. An integer&apos;s lowest and highest values (checked by :meth:`validate`). The values offered, with their labels (``QT_TRANSLATE_NOOP(&quot;core&quot;, …)``). A text of several lines (an address). A file path chosen with a file dialog: its name filter (``QT_TRANSLATE_NOOP``). The grey hint of an empty field. How a stored value is shown in its field (a phone number, nationally). A warning for a value accepted all the same (untranslated template, ``&quot;&quot;`` if none).</extracomment>
        <translation>Establishment name</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>N° FINESS</source>
        <translation>FINESS no.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adresse de l’établissement</source>
        <translation>Establishment address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adresse postale, sur une ou plusieurs lignes.</source>
        <translation>Postal address, on one or more lines.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fuseau horaire de l’établissement</source>
        <translation>Establishment time zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toutes les dates et heures affichées ou imprimées (fiches, liste, journal, suppressions) le sont dans ce fuseau.</source>
        <translation>All dates and times shown or printed (records, list, log, deletions) are in this time zone.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Référent ou DPO à contacter</source>
        <translation>Référent or DPO to contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nom ou fonction (par exemple&#xa0;: Délégué à la protection des données).</source>
        <translation>Name or role (for example: Data protection officer).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Téléphone du référent ou DPO</source>
        <translation>Phone of the référent or DPO</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adresse e-mail du référent ou DPO</source>
        <translation>E-mail address of the référent or DPO</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Logo de l’établissement (facultatif)</source>
        <translation>Establishment logo (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image PNG, JPEG ou SVG imprimée sur l’affiche et la notice d’information.</source>
        <translation>PNG, JPEG or SVG image printed on the information poster and leaflet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Durée de conservation (mois)</source>
        <translation>Retention period (months)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>3 mois au plus après la création de la fiche (décret 2020-551, art. 5).</source>
        <translation>At most 3 months after the record is created (decree 2020-551, art. 5).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Adresse du service central</source>
        <translation>Central service address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par exemple https://tracage.exemple.fr (HTTPS).</source>
        <translation>For example https://tracage.exemple.fr (HTTPS).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Synchronisation automatique (minutes)</source>
        <translation>Automatic synchronisation (minutes)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Autorités de certification (fichier PEM)</source>
        <translation>Certificate authorities (PEM file)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificats (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vide&#xa0;: autorités du système. Sinon seules celles du fichier sont reconnues (proxy de l’hôpital, service central de démonstration).</source>
        <translation>Empty: system authorities. Otherwise only those in the file are trusted (hospital proxy, demonstration central service).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mode développement (http:// vers la boucle locale)</source>
        <translation>Development mode (http:// to the loopback)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supprimer aussi après transmission acquittée</source>
        <translation>Also delete after acknowledged transmission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supprime la fiche quelques jours après l’accusé de réception du service central, si c’est plus tôt que la durée de conservation.</source>
        <translation>Deletes the record a few days after the central service&apos;s acknowledgement, if that comes before the retention period.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Délai après transmission acquittée (jours)</source>
        <translation>Delay after acknowledged transmission (days)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0&#xa0;: suppression dès l’accusé de réception.</source>
        <translation>0: deletion as soon as acknowledged.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alerte avant suppression des fiches non transmises (jours)</source>
        <translation>Warning before deletion of records not transmitted (days)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un bandeau signale les fiches non transmises dont la suppression approche&#xa0;: elles seront supprimées quand même.</source>
        <translation>A banner shows the records not yet transmitted whose deletion is near: they will be deleted anyway.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Verrouillage automatique après inactivité (minutes)</source>
        <extracomment>The settings a fiche&apos;s deadline depends on: changing one recomputes every deadline.</extracomment>
        <translation>Automatic lock after inactivity (minutes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sur un poste partagé, l’écran se masque après ce délai sans clavier ni souris.</source>
        <translation>On a shared workstation, the screen is hidden after this time without keyboard or mouse activity.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Conservation du journal des accès (mois)</source>
        <translation>Access log retention (months)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Les entrées plus anciennes sont supprimées par la purge. Le journal ne contient aucune donnée personnelle des patients (identifiants de fiches seulement).</source>
        <translation>Older entries are deleted by the purge. The log contains no personal patient data (record IDs only).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mode démonstration (données fictives)</source>
        <translation>Demonstration mode (fictitious data)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisi à la mise en service&#xa0;: le poste ne contient que des données fictives et l’affiche en permanence. Pour passer en service réel&#xa0;: «&#x202f;Oublier ce poste&#x202f;».</source>
        <translation>Chosen at set-up: the workstation holds fictitious data only and says so at all times. To switch to real service: &quot;Forget this workstation&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="+39"/>
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../app/core/validation.py" line="+95"/>
        <source>{field}&#xa0;: à renseigner.</source>
        <extracomment>A contact counts only within 14 days before the patient zéro&apos;s diagnosis. Unicode category Cc: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F).</extracomment>
        <translation>{field}: required.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez au moins un nom, un prénom ou un numéro de téléphone.</source>
        <translation>Enter at least a surname, a first name or a phone number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Indiquez au moins un téléphone ou une adresse.</source>
        <translation>Enter at least a phone number or an address.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: la date du {date} est dans le futur.</source>
        <translation>{field}: the date {date} is in the future.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance peu plausible ({date}&#xa0;: plus de {years} ans).</source>
        <translation>Implausible date of birth ({date}: over {years} years ago).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Personne mineure&#xa0;: indiquez son représentant légal (nom, lien, téléphone).</source>
        <translation>Minor: enter their legal representative (name, relationship, phone).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adresse e-mail invalide «&#x202f;{text}&#x202f;».</source>
        <translation>Invalid email address “{text}”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un NIR et un code d’admission AME sont tous deux saisis&#xa0;: un seul suffit.</source>
        <translation>Both an NIR and an AME admission code are entered: one is enough.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR ne correspond pas au sexe indiqué.</source>
        <translation>The NIR does not match the sex entered.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le NIR ne correspond pas à la date de naissance (année ou mois).</source>
        <translation>The NIR does not match the date of birth (year or month).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code INSEE inconnu «&#x202f;{code}&#x202f;» ({kind}).</source>
        <translation>Unknown INSEE code “{code}” ({kind}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez le pays.</source>
        <translation>Enter the country.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez la date de retour en France après le séjour à l’étranger.</source>
        <translation>Enter the date of return to France after the stay abroad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le type d’hébergement ne s’applique qu’aux structures ou lieux d’hébergement collectif.</source>
        <translation>The accommodation type applies only to collective accommodation facilities or places.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Précisez le type d’hébergement collectif.</source>
        <translation>Specify the type of collective accommodation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez la raison de la quarantaine.</source>
        <translation>Enter the reason for quarantine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Des raisons de quarantaine sont indiquées pour une personne qui n’était pas en quarantaine.</source>
        <translation>Reasons for quarantine are given for a person who was not in quarantine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Une date de premiers symptômes est saisie pour une personne asymptomatique.</source>
        <translation>A date of first symptoms is entered for an asymptomatic person.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Indiquez la date des premiers symptômes ou cochez «&#x202f;asymptomatique&#x202f;».</source>
        <translation>Enter the date of first symptoms or tick “asymptomatic”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le résultat de l’examen n’est pas positif.</source>
        <translation>The test result is not positive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: la date du {date} précède la date de naissance.</source>
        <translation>{field}: the date {date} is before the date of birth.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Une date de début des symptômes est saisie alors que la personne n’a pas de symptômes.</source>
        <translation>A symptom onset date is entered although the person has no symptoms.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recueillez le choix de la personne&#xa0;: son identité peut-elle être communiquée à ses contacts (oui ou non)&#x202f;?</source>
        <translation>Ask for the person&apos;s choice: may their identity be given to their contacts (yes or no)?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indiquez comment la personne a été informée.</source>
        <translation>Enter how the person was informed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez que la personne a été informée de son droit de s’opposer à la réutilisation de ses données pour la recherche.</source>
        <translation>Record that the person was told of their right to object to the reuse of their data for research.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consentement à la communication pour un accompagnement recueilli alors qu’aucun besoin d’accompagnement n’est indiqué&#xa0;: vérifiez le besoin ou le consentement.</source>
        <translation>Consent to disclosure for support recorded although no need for support is stated: check the need or the consent.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Liez la personne contact à au moins un patient zéro (exposition).</source>
        <translation>Link the contact person to at least one patient zero (exposure).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exposition sans patient zéro.</source>
        <translation>Exposure without a patient zero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une personne ne peut pas être son propre contact.</source>
        <translation>A person cannot be their own contact.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce patient zéro est déjà lié à la personne contact (exposition n° {number}).</source>
        <translation>This patient zero is already linked to the contact person (exposure no. {number}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dernier contact le {date}, plus de {days} jours avant le diagnostic du patient zéro ({diagnosis}).</source>
        <translation>Last contact on {date}, more than {days} days before the patient zero&apos;s diagnosis ({diagnosis}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Précisez l’autre circonstance.</source>
        <translation>Specify the other circumstance.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}&#xa0;: caractère de contrôle non autorisé.</source>
        <translation>{field}: control character not allowed.</translation>
    </message>
    <message>
        <location filename="../../app/core/accounts.py" line="+48"/>
        <source>agent de traçage</source>
        <translation>tracing agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>référent</source>
        <translation>référent</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>exporter des fiches</source>
        <translation>export records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consulter le journal</source>
        <translation>view the log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modifier les paramètres</source>
        <translation>change the settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gérer les comptes</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oublier ce poste</source>
        <translation>forget this workstation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>importer des fiches</source>
        <translation>import records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>créer des fiches de démonstration</source>
        <translation>create demonstration records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purger avant l’échéance</source>
        <translation>purge before the deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configurer la synchronisation</source>
        <translation>configure synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/core/dates.py" line="+39"/>
        <source>France métropolitaine et Corse (Europe/Paris)</source>
        <extracomment>The zones an establishment may choose: (IANA name, French label).</extracomment>
        <translation>Metropolitan France and Corsica (Europe/Paris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guadeloupe, Martinique</source>
        <translation>Guadeloupe, Martinique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guyane</source>
        <translation>French Guiana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La Réunion</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mayotte</source>
        <translation>Mayotte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saint-Pierre-et-Miquelon</source>
        <translation>Saint Pierre and Miquelon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polynésie française</source>
        <translation>French Polynesia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelle-Calédonie</source>
        <translation>New Caledonia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wallis-et-Futuna</source>
        <translation>Wallis and Futuna</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Date non reconnue «&#x202f;{text}&#x202f;»&#xa0;: attendu jj/mm/aaaa.</source>
        <translation>Date not recognised “{text}”: expected dd/mm/yyyy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date et heure non reconnues «&#x202f;{text}&#x202f;»&#xa0;: attendu jj/mm/aaaa hh:mm.</source>
        <translation>Date and time not recognised “{text}”: expected dd/mm/yyyy hh:mm.</translation>
    </message>
    <message>
        <location filename="../../app/core/contact_finder.py" line="+81"/>
        <source>La fiche du patient zéro n’indique ni date des premiers symptômes ni date de prélèvement&#xa0;: la fenêtre de contagiosité ne peut pas être calculée. Renseignez l’une de ces dates, ou saisissez la fenêtre.</source>
        <extracomment>The « autre circonstance » text of a contact found by the unit rule (stored in the fiche).</extracomment>
        <translation>The patient zero&apos;s record gives neither a date of first symptoms nor a sample date: the infectious window cannot be calculated. Fill in one of these dates, or enter the window.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le patient zéro est asymptomatique et sa fiche n’indique pas de date de prélèvement&#xa0;: la fenêtre de contagiosité ne peut pas être calculée. Renseignez-la, ou saisissez la fenêtre.</source>
        <translation>The patient zero is asymptomatic and their record gives no sample date: the infectious window cannot be calculated. Fill in the sample date, or enter the window.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La fenêtre finit le {end}, avant son début le {start}&#xa0;: corrigez ses dates.</source>
        <translation>The window ends on {end}, before its start on {start}: correct its dates.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le patient zéro ne figure pas dans les fichiers (nom, prénom et date de naissance) et sa fiche n’indique pas d’unité&#xa0;: renseignez son unité et sa chambre, ou vérifiez son identité dans les fichiers.</source>
        <translation>The patient zero is not in the files (name, first name and date of birth) and their record gives no unit: fill in their unit and room, or check their identity in the files.</translation>
    </message>
    <message>
        <location filename="../../app/core/errors.py" line="+38"/>
        <source>L’opération n’a pas été effectuée.</source>
        <extracomment>The translation context of ``template`` (``QT_TRANSLATE_NOOP``&apos;s first argument).</extracomment>
        <translation>The operation was not carried out.</translation>
    </message>
    <message>
        <location filename="../../app/core/rosters.py" line="+39"/>
        <source>nom</source>
        <extracomment>How each column is named in a message (French, as the nurse knows the file).</extracomment>
        <translation>name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prénom</source>
        <translation>first name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date de naissance</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unité</source>
        <translation>unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chambre</source>
        <translation>room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date d’arrivée</source>
        <translation>arrival date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date de départ</source>
        <translation>departure date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>début du service</source>
        <translation>shift start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fin du service</source>
        <translation>shift end</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{column}&#xa0;: à renseigner</source>
        <translation>{column}: required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{column} illisible «&#x202f;{value}&#x202f;» (jj/mm/aaaa)</source>
        <translation>unreadable {column} “{value}” (dd/mm/yyyy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{column} illisible «&#x202f;{value}&#x202f;» (jj/mm/aaaa hh:mm)</source>
        <translation>unreadable {column} “{value}” (dd/mm/yyyy hh:mm)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date de départ ({departure}) antérieure à la date d’arrivée ({arrival})</source>
        <translation>departure date ({departure}) before the arrival date ({arrival})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fin du service ({end}) avant ou à son début ({start})</source>
        <translation>shift end ({end}) at or before its start ({start})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ligne {line}&#xa0;: {message}</source>
        <translation>line {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../app/core/sheets.py" line="+80"/>
        <location line="+290"/>
        <source>Le fichier est vide.</source>
        <extracomment>Rows of data read at most (the header not counted). Size of the file at most, and, for an ``.xlsx``, of its content once unzipped. Columns of a header at most. Characters of one cell at most.</extracomment>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Le fichier est trop volumineux (plus de {mb}&#xa0;Mo)&#xa0;: est-ce le bon fichier&#x202f;?</source>
        <translation>The file is too large (more than {mb} MB): is it the right file?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format de fichier non pris en charge («&#x202f;{suffix}&#x202f;»)&#xa0;: enregistrez-le en «&#x202f;CSV UTF-8&#x202f;» ou en classeur Excel (.xlsx).</source>
        <translation>File format not supported (“{suffix}”): save it as “CSV UTF-8” or as an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ce fichier est un classeur, pas un texte CSV&#xa0;: donnez-lui l’extension .xlsx ou enregistrez-le en «&#x202f;CSV UTF-8&#x202f;».</source>
        <translation>This file is a workbook, not CSV text: give it the .xlsx extension or save it as “CSV UTF-8”.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ligne {line}&#xa0;: plus de cellules remplies que de colonnes ({count}).</source>
        <translation>Line {line}: more filled cells than columns ({count}).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Le texte collé est trop long.</source>
        <translation>The pasted text is too long.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ligne {line}&#xa0;: texte illisible ({detail}).</source>
        <translation>Line {line}: unreadable text ({detail}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Le fichier compte plus de {count} lignes (ligne {line})&#xa0;: est-ce le bon fichier&#x202f;?</source>
        <translation>The file has more than {count} lines (line {line}): is it the right file?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Le fichier n’est pas en UTF-8 (ligne {line}). Enregistrez-le en «&#x202f;CSV UTF-8&#x202f;».</source>
        <translation>The file is not in UTF-8 (line {line}). Save it as “CSV UTF-8”.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ligne {line}&#xa0;: caractère nul, ce fichier n’est pas un texte CSV. Enregistrez-le en «&#x202f;CSV UTF-8&#x202f;».</source>
        <translation>Line {line}: null character, so this file is not CSV text. Save it as “CSV UTF-8”.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ligne {line}&#xa0;: cellule illisible (guillemet non fermé ou cellule trop longue).</source>
        <translation>Line {line}: unreadable cell (unclosed quotation mark or cell too long).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ce fichier n’est pas un classeur Excel (.xlsx) lisible. Enregistrez-le en «&#x202f;CSV UTF-8&#x202f;» ou en .xlsx.</source>
        <translation>This file is not a readable Excel workbook (.xlsx). Save it as “CSV UTF-8” or as .xlsx.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ce classeur est trop volumineux une fois ouvert&#xa0;: est-ce le bon fichier&#x202f;?</source>
        <translation>This workbook is too large once opened: is it the right file?</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Ligne {line}&#xa0;: une cellule est trop longue.</source>
        <translation>Line {line}: a cell is too long.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ligne {line}&#xa0;: plus de cellules remplies que de colonnes dans l’en-tête ({count}). Une cellule contient-elle le séparateur sans guillemets&#x202f;?</source>
        <translation>Line {line}: more filled cells than columns in the header ({count}). Does a cell contain the separator without quotation marks?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ligne {line}&#xa0;: l’en-tête compte plus de {count} colonnes.</source>
        <translation>Line {line}: the header has more than {count} columns.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ligne {line}&#xa0;: la colonne «&#x202f;{column}&#x202f;» figure deux fois.</source>
        <translation>Line {line}: the column “{column}” appears twice.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ligne {line}&#xa0;: colonne(s) manquante(s)&#xa0;: {columns}. La première ligne doit donner le nom de chaque colonne&#xa0;: {expected}.</source>
        <translation>Line {line}: missing column(s): {columns}. The first line must give the name of each column: {expected}.</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_finder.py" line="+53"/>
        <source>Cette fiche n’est pas celle d’un patient zéro&#xa0;: la liste ne peut pas être construite.</source>
        <translation>This is not a patient zero record: the list cannot be built.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>liste des résidents</source>
        <extracomment>Data rows read from the two files (headers and empty lines not counted). Among ``linked``: validated (or closed) contacts that the new exposition made incomplete (its risk is to be assessed), stored as drafts again (« réouverture »). Which list a file error comes from (:func:`file_of`).</extracomment>
        <translation>residents list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planning du personnel</source>
        <translation>staff rota</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <location filename="../../app/db/errors.py" line="+28"/>
        <source>La base de données locale est inutilisable. Notez ce message et contactez le service informatique.</source>
        <translation>The local database is unusable. Note this message and contact the IT department.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>La clé de chiffrement trouvée ne correspond pas à la base de données&#xa0;: la base n’a pas été modifiée. Si la clé du trousseau a été remplacée, restaurez-la avec «&#x202f;tracing-desk recover&#x202f;» et votre code de récupération.</source>
        <translation>The encryption key found does not match the database: the database has not been changed. If the keyring key has been replaced, restore it with “tracing-desk recover” and your recovery code.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phrase secrète incorrecte, ou fichier de base de données endommagé&#xa0;: la base n’a pas été modifiée. Vérifiez la phrase secrète (majuscules, accents) et réessayez&#x202f;; si elle est perdue, utilisez «&#x202f;tracing-desk recover&#x202f;» avec votre code de récupération.</source>
        <translation>Incorrect passphrase, or damaged database file: the database has not been changed. Check the passphrase (capitals, accents) and try again; if it is lost, use “tracing-desk recover” with your recovery code.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le fichier de base de données a été modifié ou endommagé (la clé est correcte mais le contenu ne se déchiffre pas). Rien n’a été effacé ni remplacé. Ne supprimez pas le fichier&#xa0;: contactez le service informatique, qui pourra repartir d’une sauvegarde du dossier de données.</source>
        <translation>The database file has been modified or damaged (the key is correct but the content cannot be decrypted). Nothing has been erased or replaced. Do not delete the file: contact the IT department, who can restore from a backup of the data folder.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cette base de données a été créée ou mise à jour par une version plus récente de Tracing Desk. Installez la version la plus récente du programme&#x202f;; la base n’a pas été modifiée.</source>
        <translation>This database was created or updated by a newer version of Tracing Desk. Install the latest version of the program; the database has not been changed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le disque est plein&#xa0;: l’enregistrement n’a pas été fait (rien n’a été perdu de ce qui était déjà enregistré). Libérez de la place ou contactez le service informatique, puis réessayez.</source>
        <translation>The disk is full: the record was not saved (nothing already saved has been lost). Free up some space or contact the IT department, then try again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La base de données est occupée par une autre fenêtre ou une tâche en cours. Attendez quelques secondes puis réessayez&#x202f;; si cela persiste, fermez les autres instances de Tracing Desk.</source>
        <translation>The database is in use by another window or a running task. Wait a few seconds and try again; if this persists, close the other instances of Tracing Desk.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La base de données ne peut pas être modifiée (fichier ou dossier en lecture seule, droits insuffisants). Contactez le service informatique.</source>
        <translation>The database cannot be modified (read-only file or folder, insufficient permissions). Contact the IT department.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Erreur de lecture ou d’écriture sur le disque. L’opération n’a pas été faite. Vérifiez le disque ou le partage réseau, puis réessayez&#x202f;; si cela persiste, contactez le service informatique.</source>
        <translation>Disk read or write error. The operation was not carried out. Check the disk or network share, then try again; if this persists, contact the IT department.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le fichier de base de données ne peut pas être ouvert (dossier absent, inaccessible ou droits insuffisants). Contactez le service informatique.</source>
        <translation>The database file cannot be opened (folder missing, inaccessible or insufficient permissions). Contact the IT department.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le fichier n’utilise pas le chiffrement attendu (SQLCipher 4, PBKDF2-HMAC-SHA512, HMAC-SHA512, en-tête chiffré). Il n’a pas été créé par cette version de Tracing Desk&#x202f;; il n’a pas été modifié. Contactez le service informatique.</source>
        <translation>The file does not use the expected encryption (SQLCipher 4, PBKDF2-HMAC-SHA512, HMAC-SHA512, encrypted header). It was not created by this version of Tracing Desk; it has not been changed. Contact the IT department.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun trousseau sécurisé du système n’est disponible (ou le trousseau trouvé enregistre les secrets en clair)&#xa0;: la clé de la base ne peut pas y être conservée. Utilisez le mode phrase secrète («&#x202f;tracing-desk init --passphrase&#x202f;») ou demandez au service informatique d’activer le trousseau du système.</source>
        <translation>No secure system keyring is available (or the keyring found stores secrets in plain text): the database key cannot be kept there. Use passphrase mode (“tracing-desk init --passphrase”) or ask the IT department to enable the system keyring.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le trousseau du système n’a pas répondu ou a refusé l’accès (verrouillé&#x202f;?). Déverrouillez votre session ou le trousseau, puis réessayez.</source>
        <translation>The system keyring did not respond or refused access (locked?). Unlock your session or the keyring, then try again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La base de données existe mais sa clé est absente du trousseau de cet utilisateur (profil réinitialisé, autre poste&#x202f;?). La base n’a pas été modifiée. Utilisez «&#x202f;tracing-desk recover&#x202f;» avec votre code de récupération.</source>
        <translation>The database exists but its key is missing from this user&apos;s keyring (profile reset, another workstation?). The database has not been changed. Use “tracing-desk recover” with your recovery code.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucune base de données n’existe encore dans ce dossier de données. Créez-la avec «&#x202f;tracing-desk init&#x202f;», ou vérifiez le dossier choisi.</source>
        <translation>No database exists in this data folder yet. Create it with “tracing-desk init”, or check the folder chosen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Une base de données existe déjà dans ce dossier&#xa0;: elle n’a pas été remplacée. Pour repartir de zéro, le service informatique doit d’abord la déplacer.</source>
        <translation>A database already exists in this folder: it has not been replaced. To start from scratch, the IT department must first move it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ce code de récupération ne correspond pas à cette base de données. Vérifiez la saisie (32 caractères, les tirets et espaces sont facultatifs) et qu’il s’agit bien du code imprimé pour ce poste.</source>
        <translation>This recovery code does not match this database. Check what you typed (32 characters, hyphens and spaces are optional) and that it is the code printed for this workstation.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le fichier de récupération (tracing.db.recovery) est absent ou illisible&#xa0;: la clé ne peut pas être restaurée avec le code. Contactez le service informatique.</source>
        <translation>The recovery file (tracing.db.recovery) is missing or unreadable: the key cannot be restored with the code. Contact the IT department.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cette base est protégée par une phrase secrète&#xa0;: saisissez-la (ou définissez TRACING_DESK_PASSPHRASE pour les scripts).</source>
        <translation>This database is protected by a passphrase: enter it (or set TRACING_DESK_PASSPHRASE for scripts).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phrase secrète trop courte&#xa0;: choisissez au moins 12 caractères, par exemple plusieurs mots.</source>
        <translation>Passphrase too short: choose at least 12 characters, for example several words.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Modification refusée&#xa0;: la base de données est ouverte en lecture seule (vérification d’intégrité échouée ou données manquantes). Consultation et export restent possibles&#x202f;; prévenez le référent.</source>
        <translation>Change refused: the database is open read-only (integrity check failed or data missing). Viewing and export remain possible; inform the référent.</translation>
    </message>
    <message>
        <location filename="../../app/db/accounts.py" line="+81"/>
        <source>Identifiant ou mot de passe incorrect.</source>
        <translation>Incorrect username or password.</translation>
    </message>
    <message>
        <location filename="../../app/db/permissions.py" line="+37"/>
        <source>Action réservée au référent&#xa0;: votre compte ne permet pas de la faire.</source>
        <translation>Action reserved for the référent: your account does not allow it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Action réservée au référent ({action})&#xa0;: votre compte ne permet pas de la faire.</source>
        <translation>Action reserved for the référent ({action}): your account does not allow it.</translation>
    </message>
    <message>
        <location filename="../../app/db/repositories.py" line="+56"/>
        <source>Cette fiche n’existe plus&#xa0;: elle a été supprimée (échéance de conservation atteinte, ou suppression depuis un autre poste ou un autre onglet).</source>
        <translation>This record no longer exists: it has been deleted (retention period reached, or deleted from another workstation or another tab).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cette fiche a été modifiée entre-temps (autre onglet ou autre poste)&#xa0;: rechargez-la avant d’enregistrer.</source>
        <translation>This record has been modified in the meantime (another tab or another workstation): reload it before saving.</translation>
    </message>
    <message>
        <location filename="../../app/services/errors.py" line="+28"/>
        <source>Fiche incomplète ou invalide&#xa0;: elle ne peut pas être enregistrée dans cet état.</source>
        <translation>Incomplete or invalid record: it cannot be saved in this state.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ce changement d’état n’est pas possible pour cette fiche.</source>
        <translation>This change of state is not possible for this record.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ce poste contient déjà des fiches réelles&#xa0;: les fiches de démonstration ne peuvent pas s’y mêler. Utilisez un dossier de données vide (--data-dir) pour une démonstration.</source>
        <translation>This workstation already holds real records: demonstration records cannot be mixed with them. Use an empty data folder (--data-dir) for a demonstration.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Le patient zéro lié à cette personne contact n’existe plus (supprimé, ou arrivé à échéance de conservation)&#xa0;: retirez cette exposition, puis enregistrez. Votre saisie est conservée.</source>
        <translation>The patient zero linked to this contact no longer exists (deleted, or past the retention deadline): remove this exposure, then save. What you typed is kept.</translation>
    </message>
    <message>
        <location filename="../../app/db/watermark.py" line="+74"/>
        <source>Des données enregistrées manquent dans la base. Entrées du journal disparues depuis le dernier état connu&#xa0;: {missing} (fichier -wal perdu ou endommagé, ou ancienne copie de la base remise en place). La base est ouverte en lecture seule&#xa0;: consultation et export restent possibles, les modifications sont refusées. Prévenez le référent&#x202f;; s’il s’agit d’une restauration voulue, il l’accepte avec «&#x202f;tracing-desk accept-restore --user IDENTIFIANT&#x202f;».</source>
        <translation>Data recorded in the database is missing. Journal entries lost since the last known state: {missing} (the -wal file lost or damaged, or an older copy of the database put back). The database is open read-only: viewing and export remain possible, changes are refused. Tell the référent; if this is a deliberate restore, they accept it with &quot;tracing-desk accept-restore --user LOGIN&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le journal de la base ne prolonge plus son dernier état connu&#xa0;: une autre copie de la base a été remise en place. La base est ouverte en lecture seule&#xa0;: consultation et export restent possibles, les modifications sont refusées. Prévenez le référent&#x202f;; s’il s’agit d’une restauration voulue, il l’accepte avec «&#x202f;tracing-desk accept-restore --user IDENTIFIANT&#x202f;».</source>
        <translation>The database log no longer continues from its last known state: another copy of the database has been put back. The database is open read-only: viewing and export remain possible, changes are refused. Inform the référent; if this is an intended restore, they accept it with “tracing-desk accept-restore --user USERNAME”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le repère d’état de la base (tracing.db.mark) a été modifié ou ne correspond pas à sa clé&#xa0;: un retour en arrière des données ne peut pas être exclu. La base est ouverte en lecture seule&#xa0;: consultation et export restent possibles, les modifications sont refusées. Prévenez le référent, qui vérifie la base puis l’accepte avec «&#x202f;tracing-desk accept-restore --user IDENTIFIANT&#x202f;».</source>
        <translation>The database state marker (tracing.db.mark) has been modified or does not match its key: a rollback of the data cannot be ruled out. The database is open read-only: viewing and export remain possible, changes are refused. Inform the référent, who checks the database and then accepts it with “tracing-desk accept-restore --user USERNAME”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Modification refusée, rien n’a été enregistré.</source>
        <translation>Change refused, nothing has been saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La vérification d’intégrité de la base a échoué&#xa0;: elle est ouverte en lecture seule (consultation et export possibles, modifications refusées) jusqu’à sa réparation par le référent&#xa0;: export, recréation de la base, import (voir le guide d’administration).</source>
        <translation>The database integrity check failed: it is open read-only (viewing and export possible, changes refused) until the référent repairs it: export, re-creation of the database, import (see the administrator&apos;s guide).</translation>
    </message>
    <message>
        <location line="+383"/>
        <source>Aucun retour en arrière ni repère modifié n’a été constaté sur cette base&#xa0;: il n’y a rien à accepter.</source>
        <translation>No rollback or modified marker has been found on this database: there is nothing to accept.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../app/ui/forms/common.py" line="+74"/>
        <source>15 caractères, clé comprise</source>
        <translation>15 characters, including the key</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Représentant légal (mineur ou majeur protégé)</source>
        <translation>Legal representative (minor or protected adult)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Identité</source>
        <extracomment>Suggestions for the organisme d&apos;affiliation (c); free text stays possible.</extracomment>
        <translation>Identity</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Coordonnées et organisme d’affiliation</source>
        <translation>Contact details and health insurance body</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/ui/forms/lists.py" line="+309"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/ui/forms/lists.py" line="+8"/>
        <source>France si vide</source>
        <translation>France if empty</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Place dans l’établissement</source>
        <translation>Place in the establishment</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Information délivrée à la personne</source>
        <translation>Information given to the person</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Informé(e) aujourd’hui, par moi</source>
        <translation>Informed today, by me</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Lieux, structures et rassemblements des 14 derniers jours</source>
        <translation>Places, facilities and gatherings in the last 14 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/consent.py" line="+26"/>
        <source>identité non communicable</source>
        <translation>identity not to be disclosed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Identité communicable aux contacts&#xa0;: oui</source>
        <translation>Identity may be given to contacts: yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identité non communicable aux contacts</source>
        <translation>Identity not to be given to contacts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choix non recueilli&#xa0;: identité non communicable</source>
        <translation>Choice not collected: identity not to be disclosed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choix à recueillir&#xa0;: identité non communicable</source>
        <translation>Choice to be collected: identity not to be disclosed</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Droits&#xa0;: une personne infectée ne peut pas s’opposer au traitement (elle reste libre de nommer ou non ses contacts)&#x202f;; toute personne peut s’opposer à la réutilisation de ses données pour la recherche auprès de sa caisse d’assurance maladie.</source>
        <translation>Rights: an infected person cannot object to the processing (they remain free to name their contacts or not); anyone can object to the reuse of their data for research by contacting their health insurance fund.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/contact.py" line="+41"/>
        <source>Place dans l’établissement et symptômes</source>
        <translation>Place in the establishment and symptoms</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Exposition aux patients zéro</source>
        <translation>Exposure to patients zero</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accompagnement</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Médecin traitant</source>
        <translation>Regular doctor (GP)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+62"/>
        <source>Promouvoir en patient zéro</source>
        <translation>Promote to patient zero</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Crée une fiche patient zéro pour cette personne&#x202f;; la fiche contact est conservée.</source>
        <translation>Creates a patient zero record for this person; the contact record is kept.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Lier à un patient zéro</source>
        <translation>Link to a patient zero</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Créer une fiche patient zéro pour cette personne (identité, coordonnées, lieux et structures repris)&#x202f;? La fiche contact est conservée avec ses expositions.</source>
        <translation>Create a patient zero record for this person (identity, contact details, places and facilities copied)? The contact record is kept with its exposures.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fiche patient zéro créée.</source>
        <translation>Patient zero record created.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/exposition.py" line="+40"/>
        <source>Patient zéro&#xa0;: {name}</source>
        <translation>Patient zero: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient zéro&#xa0;: {hidden} (réf. {ref})</source>
        <translation>Patient zero: {hidden} (ref. {ref})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exposition</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Retenir la suggestion</source>
        <translation>Accept the suggestion</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Évaluation du risque (décision)</source>
        <translation>Risk assessment (decision)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Suggestion du programme&#xa0;: {risk}</source>
        <translation>Program&apos;s suggestion: {risk}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Lier à un patient zéro…</source>
        <translation>Link to a patient zero…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun patient zéro lié.</source>
        <translation>No patient zero linked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/header.py" line="+83"/>
        <location filename="../../app/ui/forms/workspace.py" line="+94"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer la fiche (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/ui/forms/workspace.py" line="+3"/>
        <source>&amp;Valider</source>
        <translation>&amp;Validate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vérifier que la fiche est complète et la valider (Ctrl+Entrée)</source>
        <translation>Check that the record is complete and validate it (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rouvrir</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rouvrir la fiche pour la corriger</source>
        <translation>Reopen the record to correct it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clô&amp;turer</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clôturer la fiche&#xa0;: le traçage est terminé</source>
        <translation>Close the record: tracing is finished</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/banner.py" line="-148"/>
        <source>Ouvrir la fiche existante</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rec&amp;harger la fiche</source>
        <translation>Re&amp;load the record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Afficher la version enregistrée et y reporter les champs que vous avez modifiés</source>
        <translation>Show the saved version and carry over the fields you have changed</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Saisie non enregistrée du {when} restaurée&#xa0;: vérifiez-la puis enregistrez (Ctrl+S).</source>
        <translation>Unsaved entry from {when} restored: check it, then save (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attention&#xa0;: la fiche a été modifiée depuis cette saisie.</source>
        <translation>Warning: the record has been modified since this entry.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/header.py" line="+37"/>
        <source>Nouvelle fiche (non enregistrée)</source>
        <extracomment>The form&apos;s own buttons (« Promouvoir en patient zéro »…), before the lifecycle ones.</extracomment>
        <translation>New record (not saved)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — modifications non enregistrées</source>
        <translation> — unsaved changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/banner.py" line="-13"/>
        <source>Fiche {state}&#xa0;: lecture seule. «&#x202f;Rouvrir&#x202f;» pour la corriger.</source>
        <translation>Record {state}: read-only. “Reopen” to correct it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/fiche_form.py" line="+334"/>
        <source>Prête à valider&#x202f;; à vérifier&#xa0;:</source>
        <extracomment>« Enregistrer » was refused: its list of errors follows the typing. Buttons that change the record (shown only while it may be edited).</extracomment>
        <translation>Ready to validate; to check:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prête à valider.</source>
        <translation>Ready to validate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/banner.py" line="+46"/>
        <source>Cette fiche a été modifiée entre-temps (autre onglet, autre poste ou promotion)&#xa0;: votre saisie n’a pas été enregistrée. Elle reste affichée et conservée en brouillon. «&#x202f;Recharger la fiche&#x202f;» affiche la version enregistrée et y reporte les champs que vous avez modifiés&#x202f;; vérifiez-les puis enregistrez.</source>
        <translation>This record has been modified in the meantime (another tab, another workstation or a promotion): your entry has not been saved. It stays on screen and is kept as a draft. “Reload the record” shows the saved version and carries over the fields you have changed; check them, then save.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enregistrement refusé&#xa0;: fiche modifiée entre-temps.</source>
        <translation>Save refused: record modified in the meantime.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cette fiche n’existe plus&#xa0;: elle a été supprimée pendant que vous la modifiiez (échéance de conservation atteinte, ou suppression depuis un autre poste). Votre saisie n’a pas été enregistrée&#x202f;; elle reste affichée dans cet onglet et conservée en brouillon au plus jusqu’à l’échéance de conservation de la fiche.</source>
        <translation>This record no longer exists: it was deleted while you were editing it (retention period reached, or deleted from another workstation). Your entry has not been saved; it stays on screen in this tab and is kept as a draft at most until the record&apos;s retention deadline.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enregistrement refusé&#xa0;: la fiche n’existe plus.</source>
        <translation>Save refused: the record no longer exists.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Fiche rechargée&#xa0;: elle est maintenant «&#x202f;{state}&#x202f;». Votre saisie y sera reportée si vous la rouvrez («&#x202f;Rouvrir&#x202f;»)&#x202f;; elle reste dans votre brouillon.</source>
        <translation>Record reloaded: it is now “{state}”. Your entry will be carried over if you reopen it (“Reopen”); it stays in your draft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fiche rechargée. Modifiés des deux côtés, ces champs gardent votre saisie&#xa0;: {fields}. Vérifiez-les puis enregistrez (Ctrl+S).</source>
        <translation>Record reloaded. Changed on both sides, these fields keep your entry: {fields}. Check them, then save (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fiche rechargée avec votre saisie reportée&#xa0;: vérifiez-la puis enregistrez (Ctrl+S).</source>
        <translation>Record reloaded with your entry carried over: check it, then save (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fiche rechargée.</source>
        <translation>Record reloaded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/fiche_form.py" line="+127"/>
        <source>Brouillon non enregistré&#xa0;: base en lecture seule</source>
        <translation>Draft not saved: read-only database</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Brouillon enregistré automatiquement à {time}</source>
        <translation>Draft saved automatically at {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/closing.py" line="+28"/>
        <source>Ne pas enregistrer</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>«&#x202f;{button}&#x202f;» abandonne la saisie (le brouillon est supprimé).</source>
        <translation>“{button}” discards what you typed (the draft is deleted).</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/fiche_form.py" line="+85"/>
        <source>Fiche enregistrée à {time} ({state}).</source>
        <translation>Record saved at {time} ({state}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/banner.py" line="+47"/>
        <source>le même NIR</source>
        <translation>the same NIR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>les mêmes nom, prénoms et date de naissance</source>
        <translation>the same surname, first names and date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Doublon possible&#xa0;: une fiche {kind} ({state}, créée le {created}) a {reason}.</source>
        <translation>Possible duplicate: a {kind} record ({state}, created on {created}) has {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/closing.py" line="-11"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer les modifications de cette fiche avant de la fermer&#x202f;?</source>
        <translation>Save the changes to this record before closing it?</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/fields.py" line="+256"/>
        <location filename="../../app/ui/forms/patient_zero.py" line="-87"/>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{field}&#xa0;: date non reconnue «&#x202f;{text}&#x202f;» (jj/mm/aaaa).</source>
        <translation>{field}: date not recognised “{text}” (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>06 12 34 56 78&#x202f;; +44 …</source>
        <translation>06 12 34 56 78 ; +44 …</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Nom du représentant</source>
        <translation>Representative&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lien (parent, tuteur…)</source>
        <translation>Relationship (parent, guardian…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Téléphone du représentant</source>
        <translation>Representative&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/lists.py" line="-122"/>
        <source>Retirer</source>
        <extracomment>Territory codes of Babel that are not countries, and French territories (j lists them apart).</extracomment>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Lieu de séjour</source>
        <translation>Place of stay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type de lieu</source>
        <translation>Place type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Département, collectivité ou pays</source>
        <translation>Département, collectivity or country</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Structure fréquentée</source>
        <translation>Facility attended</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Rassemblement</source>
        <translation>Gathering</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Aucun.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Ajouter un lieu de séjour</source>
        <translation>Add a place of stay</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ajouter une structure</source>
        <translation>Add a facility</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ajouter un rassemblement</source>
        <translation>Add a gathering</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/patient_zero.py" line="-35"/>
        <source>Personnes contact liées</source>
        <translation>Linked contact persons</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+36"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+37"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Dernier contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risque</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autres patients zéro</source>
        <translation>Other patients zero</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ajouter le contact</source>
        <translation>Add the contact</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prénoms</source>
        <translation>First names</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Circonstance</source>
        <translation>Circumstance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date du dernier contact</source>
        <translation>Date of last contact</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lier une personne existante…</source>
        <translation>Link an existing person…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Construire la liste des contacts…</source>
        <translation>Build the contact list…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coller depuis un tableur…</source>
        <translation>Paste from a spreadsheet…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saisie rapide d’une personne contact (Entrée pour ajouter&#x202f;; fiche complète liée à ce patient zéro&#xa0;: Ctrl+Maj+N)&#xa0;:</source>
        <translation>Quick entry of a contact person (Enter to add; full record linked to this patient zero: Ctrl+Shift+N):</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Établissement de l’infection</source>
        <translation>Establishment of infection</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Quarantaine, contacts et dépistage</source>
        <translation>Quarantine, contacts and testing</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Médecin à l’origine de l’inscription</source>
        <translation>Doctor who initiated the registration</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Choix de la personne et consentement</source>
        <translation>Person&apos;s choice and consent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Son identité peut-elle être communiquée aux personnes contact&#x202f;?</source>
        <translation>May their identity be given to the contact persons?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Personnes contact</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Date du dernier contact non reconnue «&#x202f;{text}&#x202f;» (jj/mm/aaaa).</source>
        <extracomment>The contact finder or grid dialog last opened (issue 17), a child of the form.</extracomment>
        <translation>Date of last contact not recognised “{text}” (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Indiquez au moins un nom, un prénom ou un téléphone.</source>
        <translation>Enter at least a surname, a first name or a phone number.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Lier une personne contact existante</source>
        <translation>Link an existing contact person</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Personne contact ajoutée.</source>
        <translation>Contact person added.</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/validation_panel.py" line="+35"/>
        <source>Éléments à compléter ou à vérifier</source>
        <translation>Items to complete or check</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Entrée ou clic&#xa0;: aller au champ</source>
        <translation>Enter or click: go to the field</translation>
    </message>
    <message>
        <location filename="../../app/ui/forms/workspace.py" line="-30"/>
        <source>Fiches</source>
        <translation>Records</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fi&amp;che</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nouveau &amp;patient zéro</source>
        <translation>New &amp;patient zero</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nouvelle personne &amp;contact</source>
        <translation>New &amp;contact person</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Fermer l’onglet</source>
        <translation>Close &amp;tab</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Rechercher dans la liste (Ctrl+F)</source>
        <translation>&amp;Search the list (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>PZ</source>
        <translation>PZ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
</context>
<context>
    <name>notice</name>
    <message>
        <location filename="../../app/print/content.py" line="+158"/>
        <source>Covid-19&#xa0;: vos données et vos droits</source>
        <translation>Covid-19: your data and your rights</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce document explique ce que deviennent les informations que vous donnez à l’équipe soignante pour le suivi des contacts.</source>
        <translation>This leaflet explains what happens to the information you give the care team for contact tracing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pourquoi&#x202f;?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pour prévenir vite les personnes que le virus a pu toucher. Vos informations vont dans «&#x202f;Contact Covid&#x202f;», l’outil de l’Assurance Maladie.</source>
        <translation>To warn quickly the people the virus may have reached. Your information goes into “Contact Covid”, the Assurance Maladie tool.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Qui vous êtes, comment vous joindre, votre caisse, votre test ou vos symptômes, les personnes et les lieux fréquentés ces 14 derniers jours.</source>
        <translation>Who you are, how to reach you, your health-insurance fund, your test or symptoms, the people and places you saw in the last 14 days.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>L’Assurance Maladie et les soignants qui en ont besoin, tous tenus au secret professionnel. Les statistiques se font sans votre nom ni vos coordonnées.</source>
        <translation>Assurance Maladie and the carers who need it, all bound by professional secrecy. Statistics are made without your name or contact details.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Si vous êtes d’accord, la cellule d’accompagnement social de la préfecture reçoit votre nom et votre téléphone pour vous aider.</source>
        <translation>If you agree, the prefecture&apos;s social support unit receives your name and phone number to help you.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;3 mois maximum&lt;/b&gt;, puis tout est effacé.</source>
        <translation>&lt;b&gt;3 months maximum&lt;/b&gt;, then everything is deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;C’est vous qui choisissez.&lt;/b&gt; Si vous êtes malade, vous pouvez rester anonyme.</source>
        <translation>&lt;b&gt;You choose.&lt;/b&gt; If you are ill, you can stay anonymous.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Malade, vous ne pouvez pas refuser l’enregistrement, mais vous choisissez les personnes que vous nommez. Malade ou contact, vous pouvez refuser que vos données servent à la recherche&#xa0;: demandez-le à votre caisse d’assurance maladie (caisse de rattachement).</source>
        <translation>If you are ill, you cannot refuse the recording, but you choose whom you name. Ill or contact, you can refuse that your data be used for research: ask your health-insurance fund (caisse de rattachement).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Voir ou corriger vos informations&#x202f;?</source>
        <translation>See or correct your information?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demandez-le à votre caisse d’assurance maladie. En cas de problème, vous pouvez vous adresser à la &lt;b&gt;Cnil&lt;/b&gt; (cnil.fr).</source>
        <translation>Ask your health-insurance fund. If there is a problem, you can contact the &lt;b&gt;Cnil&lt;/b&gt; (cnil.fr).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le SMS de l’Assurance Maladie vient du &lt;b&gt;38663&lt;/b&gt;. Ses liens mènent seulement à &lt;b&gt;ameli.fr&lt;/b&gt; ou &lt;b&gt;assure.ameli.fr&lt;/b&gt;. On ne vous demandera &lt;b&gt;jamais vos coordonnées bancaires&lt;/b&gt; (RIB, IBAN, carte bancaire).</source>
        <translation>The Assurance Maladie SMS comes from &lt;b&gt;38663&lt;/b&gt;. Its links lead only to &lt;b&gt;ameli.fr&lt;/b&gt; or &lt;b&gt;assure.ameli.fr&lt;/b&gt;. You will &lt;b&gt;never be asked for your bank details&lt;/b&gt; (RIB, IBAN, bank card).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Au téléphone, le conseiller peut vous dire le nom de votre médecin, ou celui du malade &lt;b&gt;seulement s’il l’a accepté&lt;/b&gt;. Sur les réseaux sociaux, l’Assurance Maladie n’échange jamais d’information personnelle.</source>
        <translation>On the phone, the adviser can tell you your doctor&apos;s name, or the ill person&apos;s name &lt;b&gt;only if they have agreed&lt;/b&gt;. On social media, Assurance Maladie never exchanges personal information.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Quelles informations&#x202f;?</source>
        <translation>What information?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Qui les voit&#x202f;?</source>
        <translation>Who sees it?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Combien de temps&#x202f;?</source>
        <translation>How long?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Votre nom sera-t-il donné à vos contacts&#x202f;?</source>
        <translation>Will your name be given to your contacts?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pouvez-vous refuser&#x202f;?</source>
        <translation>Can you refuse?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Attention aux faux messages</source>
        <translation>Beware of fake messages</translation>
    </message>
</context>
<context>
    <name>poster</name>
    <message>
        <location line="-180"/>
        <source>Information des patients, résidents et visiteurs</source>
        <translation>Information for patients, residents and visitors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covid-19&#xa0;: suivi des contacts</source>
        <translation>Covid-19: contact tracing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vos données personnelles et vos droits</source>
        <translation>Your personal data and your rights</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qui traite vos données, et pourquoi&#x202f;?</source>
        <translation>Who processes your data, and why?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Identité et coordonnées, caisse d’assurance maladie, test ou symptômes, personnes contact, lieux, structures collectives et rassemblements fréquentés pendant les 14 derniers jours, accord pour un accompagnement social.</source>
        <translation>Identity and contact details, health-insurance fund, test or symptoms, contacts, places, collective facilities and gatherings attended in the last 14 days, consent to social support.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>L’Assurance Maladie et les professionnels du suivi des contacts, selon leur besoin d’en connaître. Pour les statistiques, les données sont &lt;b&gt;pseudonymisées&lt;/b&gt;&#xa0;: sans nom, n° de sécurité sociale, adresse, téléphone ni e-mail.</source>
        <translation>Assurance Maladie and the contact-tracing professionals, on a need-to-know basis. For statistics, the data is &lt;b&gt;pseudonymised&lt;/b&gt;: no name, social security number, address, phone or e-mail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Les &lt;b&gt;cellules d’accompagnement social de la préfecture&lt;/b&gt; reçoivent votre identité et votre téléphone &lt;b&gt;seulement si vous êtes d’accord&lt;/b&gt;.</source>
        <translation>The &lt;b&gt;prefecture&apos;s social support units&lt;/b&gt; receive your identity and phone number &lt;b&gt;only if you agree&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Jamais plus de 3 mois après leur création&#x202f;; nous les supprimons dès que possible.</source>
        <translation>Never more than 3 months after it was created; we delete it as soon as possible.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Personne infectée, &lt;b&gt;vous choisissez&lt;/b&gt; si votre identité peut être donnée aux personnes avec qui vous avez été en contact, ou si vous restez anonyme.</source>
        <translation>If you are the infected person, &lt;b&gt;you choose&lt;/b&gt; whether your identity may be given to the people you were in contact with, or whether you stay anonymous.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Personne infectée&lt;/b&gt;&#xa0;: vous ne pouvez pas vous opposer au traitement (intérêt de santé publique), mais vous restez libre d’indiquer, ou non, vos contacts.</source>
        <translation>&lt;b&gt;Infected person&lt;/b&gt;: you cannot object to the processing (public-health interest), but you remain free to name your contacts, or not.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Personne infectée ou contact&lt;/b&gt;&#xa0;: vous pouvez vous opposer à la réutilisation de vos données pour la recherche, auprès de votre caisse d’assurance maladie (caisse de rattachement).</source>
        <translation>&lt;b&gt;Infected person or contact&lt;/b&gt;: you can object to the reuse of your data for research, with your health-insurance fund (caisse de rattachement).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Accès et rectification&lt;/b&gt;&#xa0;: vous pouvez obtenir vos données et les faire corriger auprès de votre caisse d’assurance maladie. En cas de difficulté, vous pouvez saisir la &lt;b&gt;Cnil&lt;/b&gt; (cnil.fr).</source>
        <translation>&lt;b&gt;Access and rectification&lt;/b&gt;: you can obtain your data and have it corrected by your health-insurance fund. If you run into difficulties, you can refer the matter to the &lt;b&gt;Cnil&lt;/b&gt; (cnil.fr).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tous les acteurs du suivi des contacts sont tenus au secret professionnel et n’accèdent qu’aux données dont ils ont besoin.</source>
        <translation>Everyone involved in contact tracing is bound by professional secrecy and sees only the data they need.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMS du 38663, appels&#xa0;: méfiez-vous des arnaques</source>
        <translation>SMS from 38663, calls: beware of scams</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les personnes contact reçoivent un SMS du &lt;b&gt;38663&lt;/b&gt;. Les vrais messages renvoient uniquement vers &lt;b&gt;ameli.fr&lt;/b&gt; ou &lt;b&gt;assure.ameli.fr&lt;/b&gt; et ne demandent &lt;b&gt;jamais vos coordonnées bancaires&lt;/b&gt; (RIB, IBAN, carte bancaire).</source>
        <translation>Contacts receive an SMS from &lt;b&gt;38663&lt;/b&gt;. Genuine messages link only to &lt;b&gt;ameli.fr&lt;/b&gt; or &lt;b&gt;assure.ameli.fr&lt;/b&gt; and &lt;b&gt;never ask for your bank details&lt;/b&gt; (RIB, IBAN, bank card).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Au téléphone&lt;/b&gt;, le conseiller de l’Assurance Maladie peut vous donner le nom de votre médecin, ou celui du patient zéro &lt;b&gt;seulement s’il a donné son accord&lt;/b&gt;. &lt;b&gt;Sur les réseaux sociaux&lt;/b&gt;, l’Assurance Maladie n’échange jamais d’information personnelle (n° de sécurité sociale, état de santé…).</source>
        <translation>&lt;b&gt;On the phone&lt;/b&gt;, the Assurance Maladie adviser can give you your doctor&apos;s name, or the patient zero&apos;s name &lt;b&gt;only if they have agreed&lt;/b&gt;. &lt;b&gt;On social media&lt;/b&gt;, Assurance Maladie never exchanges personal information (social security number, state of health…).</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Quelles données&#x202f;?</source>
        <translation>What data?</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>L’&lt;b&gt;Assurance Maladie&lt;/b&gt; (Cnam) est responsable du traitement &lt;b&gt;«&#x202f;Contact Covid&#x202f;»&lt;/b&gt;. Notre établissement y enregistre les informations utiles pour prévenir vite les personnes contact d’une personne infectée, et limiter la propagation de la covid-19.</source>
        <translation>&lt;b&gt;Assurance Maladie&lt;/b&gt; (Cnam) is the data controller for &lt;b&gt;“Contact Covid”&lt;/b&gt;. Our establishment records in it the information needed to warn the contacts of an infected person quickly and to limit the spread of Covid-19.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Qui les reçoit&#x202f;?</source>
        <translation>Who receives it?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Combien de temps&#x202f;?</source>
        <translation>How long?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 mois maximum</source>
        <translation>3 months maximum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Votre identité&#xa0;: vous décidez</source>
        <translation>Your identity: you decide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vos droits</source>
        <translation>Your rights</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Secret professionnel</source>
        <translation>Professional secrecy</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Références&#xa0;: MARS n°2020_109 du 19/11/2020&#x202f;; décret n° 2020-551 du 12 mai 2020 modifié par le décret n° 2020-1385 du 14 novembre 2020.</source>
        <extracomment>The two columns, each read top to bottom; the 3-month section is drawn as a box. The SMS warning comes below them, across the page.</extracomment>
        <translation>References: MARS n°2020_109 of 19/11/2020; décret n° 2020-551 of 12 May 2020 as amended by décret n° 2020-1385 of 14 November 2020.</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location line="+92"/>
        <source>Votre contact dans l’établissement</source>
        <translation>Your contact in the establishment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° FINESS&#xa0;: {finess}</source>
        <translation>FINESS no.: {finess}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référent ou DPO&#xa0;: {contact}</source>
        <translation>Référent or DPO: {contact}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>à compléter</source>
        <translation>to be completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Édition du {date}</source>
        <translation>Edition of {date}</translation>
    </message>
    <message>
        <location filename="../../app/print/establishment.py" line="+20"/>
        <source>Téléphone ou adresse e-mail du référent ou DPO</source>
        <extracomment>French source label of a missing phone-or-e-mail (translated by the caller, context &quot;print&quot;).</extracomment>
        <translation>Phone or e-mail address of the référent or DPO</translation>
    </message>
    <message>
        <location filename="../../app/print/output.py" line="+38"/>
        <source>Les paramètres de l’établissement sont incomplets pour imprimer ce document&#xa0;:</source>
        <translation>The establishment settings are incomplete for printing this document:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renseignez-les dans Tracing Desk (menu Impression › Établissement…), ou imprimez quand même&#xa0;: les informations manquantes seront signalées «&#x202f;à compléter&#x202f;» à la main.</source>
        <translation>Fill them in within Tracing Desk (Printing › Establishment… menu), or print anyway: the missing items will be marked “to be completed” by hand.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Affiche d’information sur la covid-19</source>
        <translation>Covid-19 information poster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice d’information sur la covid-19</source>
        <translation>Covid-19 information leaflet</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Impossible d’écrire «&#x202f;{path}&#x202f;».</source>
        <translation>Cannot write “{path}”.</translation>
    </message>
    <message>
        <location filename="../../app/print/render.py" line="+84"/>
        <source>Le logo «&#x202f;{path}&#x202f;» ne peut pas être lu.</source>
        <translation>The logo “{path}” cannot be read.</translation>
    </message>
    <message>
        <location line="+355"/>
        <source>Impossible d’écrire le document.</source>
        <translation>Cannot write the document.</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <location filename="../../app/services/retention.py" line="+67"/>
        <source>Purge suspendue&#xa0;: base en lecture seule</source>
        <translation>Purge suspended: read-only database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purge suspendue&#xa0;: base en lecture seule. Fiches arrivées à échéance et gardées en attente&#xa0;: {overdue}. La suppression à 3&#xa0;mois est une obligation légale&#xa0;: la réparation de la base par le référent doit être faite rapidement.</source>
        <translation>Purge suspended: read-only database. Records past their deadline and kept pending: {overdue}. Deletion at 3 months is a legal obligation: the référent must repair the database promptly.</translation>
    </message>
    <message>
        <location filename="../../app/services/contact_import.py" line="+63"/>
        <source>Cette fiche n’est pas celle d’un patient zéro&#xa0;: les contacts s’ajoutent à un patient zéro.</source>
        <translation>This is not a patient zero record: contacts are added to a patient zero.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../app/sync/engine.py" line="+39"/>
        <source>Synchronisation suspendue&#xa0;: la base est ouverte en lecture seule, les fiches restent en attente sur ce poste jusqu’à sa réparation par le référent.</source>
        <translation>Synchronisation suspended: the database is open read-only; records stay pending on this workstation until the référent repairs it.</translation>
    </message>
</context>
</TS>

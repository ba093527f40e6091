<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>DbThread</name>
    <message>
        <location filename="../../app/workers/db_thread.py" line="+169"/>
        <source>Erreur interne du programme ({name}). L&apos;opération n&apos;a pas été effectuée ; le détail technique est dans le journal.</source>
        <translation>Internal program error ({name}). The operation was not carried out; the technical details are in the log.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{message} (détail technique : {detail})</source>
        <translation>{message} (technical detail: {detail})</translation>
    </message>
</context>
<context>
    <name>FicheListModel</name>
    <message>
        <location filename="../../app/ui/fiche_model.py" line="+150"/>
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
        <source>Supprimée le</source>
        <translation>Deleted on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Suppression automatique prévue le {date}</source>
        <translation>Automatic deletion scheduled on {date}</translation>
    </message>
</context>
<context>
    <name>FicheListPanel</name>
    <message>
        <location filename="../../app/ui/fiche_list.py" line="+64"/>
        <source>Rechercher : nom, date de naissance (jj/mm/aaaa), NIR ou téléphone</source>
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
        <location line="+2"/>
        <source>Supprimées dans les 7 jours</source>
        <translation>Deleted within 7 days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fiches dont la suppression automatique aura lieu dans les 7 prochains jours</source>
        <translation>Records that will be deleted automatically within the next 7 days</translation>
    </message>
    <message>
        <location line="+109"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+33"/>
        <source>Tracing Desk — fiches de traçage</source>
        <translation>Tracing Desk — tracing records</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actualiser la liste</source>
        <translation>&amp;Refresh the list</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À &amp;propos de Tracing Desk</source>
        <translation>&amp;About Tracing Desk</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
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
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln en attente de synchronisation</source>
        <translation>
            <numerusform>%Ln awaiting synchronisation</numerusform>
            <numerusform>%Ln awaiting synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tracing Desk</source>
        <translation>Tracing Desk</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{backend} (non utilisé : base protégée par une phrase secrète)</source>
        <translation>{backend} (not used: the database is protected by a passphrase)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version du programme : {version}</source>
        <translation>Program version: {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version de SQLCipher : {version}</source>
        <translation>SQLCipher version: {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier de données : {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trousseau du système : {backend}</source>
        <translation>System keyring: {backend}</translation>
    </message>
    <message>
        <location line="+8"/>
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
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="+90"/>
        <source>Nouvelle phrase secrète</source>
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
        <source>Phrase secrète :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation :</source>
        <translation>Confirm:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Trop courte : au moins {n} caractères.</source>
        <translation>Too short: at least {n} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Les deux saisies sont différentes.</source>
        <translation>The two entries differ.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location line="-132"/>
        <source>Code de récupération</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code de récupération — notez-le et conservez-le en lieu sûr</source>
        <translation>Recovery code — write it down and keep it in a safe place</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ce code permet de retrouver l&apos;accès à la base de données si la clé de chiffrement est perdue (profil Windows réinitialisé, nouveau poste, phrase secrète oubliée). Il ne sera plus jamais affiché. Écrivez-le sur papier et rangez-le sous clé ; ne l&apos;enregistrez pas sur ce poste.</source>
        <translation>This code restores access to the database if the encryption key is lost (reset Windows profile, new workstation, forgotten passphrase). It will never be shown again. Write it on paper and lock it away; do not save it on this workstation.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>J&apos;ai noté le code</source>
        <translation>I have written the code down</translation>
    </message>
</context>
<context>
    <name>StartupFlow</name>
    <message>
        <location filename="../../app/ui/application.py" line="+148"/>
        <source>Création de la base de données chiffrée…</source>
        <translation>Creating the encrypted database…</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+18"/>
        <source>Ouverture de la base de données chiffrée…</source>
        <translation>Opening the encrypted database…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Base de données inaccessible</source>
        <translation>Database unavailable</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Tracing Desk</source>
        <translation>Tracing Desk</translation>
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
        <source>en attente d&apos;envoi</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>féminin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>indéterminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>patient hospitalisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>résident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>professionnel de l&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intervenant extérieur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visiteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>autre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+18"/>
        <source>oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <source>non recueilli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ne sait pas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>oral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>affichette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notice remise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>RT-PCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test antigénique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sérologie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diagnostic clinique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>positif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>négatif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>douteux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>même lieu de vie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face-à-face à moins d&apos;1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soins ou actes d&apos;hygiène donnés ou reçus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>espace confiné partagé ≥ 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>même classe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>masque chirurgical ou FFP2 porté par le cas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>masque chirurgical ou FFP2 porté par le contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>séparation physique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>à risque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>à risque négligeable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>département</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collectivité mentionnée à l&apos;article 72-3 de la Constitution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+152"/>
        <source>structures ou lieux d&apos;hébergement collectif</source>
        <extracomment>INSEE codes of the départements (metropolitan France, Corsica as 2A/2B). INSEE codes of the overseas départements and collectivités (art. 72-3 of the Constitution), plus Nouvelle-Calédonie (988) which the picker also offers. Every code of the letter-j picker, in picker order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>structures d&apos;accueil du jeune enfant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>milieu scolaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>milieu universitaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>établissements de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>autres établissements recevant du public dans lesquels les gestes barrières ne peuvent être pleinement respectés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>foyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pensionnat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>établissement d&apos;hébergement pour personnes âgées dépendantes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>établissement médico-social accompagnant des personnes handicapées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>établissements pénitentiaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>structure d&apos;hébergement touristique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>événement sportif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>événement culturel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>réunion familiale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rassemblement festif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rassemblement pour raison professionnelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>autre type de rassemblement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>personne identifiée comme cas contact à risque de contamination à la covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne ayant dans son entourage une personne dépistée positive à la covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne présentant des symptômes de contamination à la covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>personne ayant dans son entourage une personne présentant des symptômes de contamination à la covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>création</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clôture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>réouverture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verrouillage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>échec de connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>récupération de la clé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/identifiers.py" line="+64"/>
        <source>Le NIR est vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR doit compter 15 caractères, clé comprise ({count} saisis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Le NIR doit commencer par 1, 2, 3, 4, 7 ou 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>La clé du NIR ne correspond pas (clé attendue : {key}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Longueur du NIR incorrecte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR ne contient que des chiffres (2A ou 2B pour un département de Corse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Le numéro de téléphone est vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Numéro de téléphone non reconnu « {text} » (un numéro étranger commence par +).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Le code postal doit compter 5 chiffres (« {text} »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code postal inconnu « {text} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Le n° FINESS compte 9 caractères (« {text} »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Le n° RPPS compte 11 chiffres (« {text} »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Le n° RPPS « {text} » est invalide (clé de contrôle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le n° ADELI compte 9 chiffres (« {text} »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le code d&apos;admission AME est vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/models.py" line="+56"/>
        <source>Ligne(s) d&apos;adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pays</source>
        <extracomment>``&quot;&quot;`` means France.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <location line="+87"/>
        <source>Nom</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Lien avec la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <location line="+103"/>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Spécialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N° RPPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° ADELI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type d&apos;examen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date de prélèvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date des premiers symptômes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asymptomatique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Statut dans l&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service / unité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chambre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date de l&apos;information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Information donnée par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Modalités d&apos;information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Informé(e) du droit d&apos;opposition à la réutilisation pour la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <extracomment>INSEE code for a département / collectivité; empty or ISO code for a country.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type de structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type d&apos;hébergement collectif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nom de la structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+137"/>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Date de fréquentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lieu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objet du rassemblement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Précision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>En quarantaine au cours des 14 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Raisons de la quarantaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+220"/>
        <source>Symptômes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Date de début des symptômes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+38"/>
        <source>Identifiant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Patient zéro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date du dernier contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Circonstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Autre circonstance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mesures de protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Évaluation suggérée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Évaluation du risque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>État</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <extracomment>0 before the first save, 1 at creation, +1 at every save (the db sets it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Créée le</source>
        <extracomment>Fixed at first save, aware UTC; the retention deadline derives from it.</extracomment>
        <translation type="unfinished">Created on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modifiée le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nom de naissance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nom d&apos;usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prénoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date de naissance</source>
        <translation type="unfinished">Date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sexe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Représentant légal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NIR</source>
        <extracomment>15 characters, no spaces (``identifiers.normalize_nir``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code d&apos;admission AME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Téléphones</source>
        <extracomment>E.164 numbers (``identifiers.parse_phone``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisme d&apos;affiliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Médecin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Place dans l&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Besoin d&apos;un accompagnement sanitaire ou social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Consentement à la communication de l&apos;identité et des coordonnées à l&apos;organisme compétent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lieux de séjour des 14 derniers jours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date de retour en France</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Structures fréquentées (14 derniers jours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rassemblements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Information de la personne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Établissement de l&apos;infection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accepte que son identité soit communiquée à ses contacts</source>
        <extracomment>MARS 109: may the identity be given to the contacts?</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quarantaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact avec une personne infectée ou symptomatique (14 derniers jours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dépisté(e) lors d&apos;une campagne organisée par l&apos;ARS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Expositions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/settings.py" line="+83"/>
        <source>Nom de l&apos;établissement</source>
        <extracomment>Raises ``SettingError`` with a French message, or returns the normalised value. Shown to the référent next to the field. Only a référent may change it (issue: access control).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>N° FINESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fuseau horaire de l&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Europe/Paris, ou le fuseau d&apos;outre-mer (America/Cayenne, Indian/Reunion…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Référent ou DPO à contacter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nom ou fonction (par exemple : Délégué à la protection des données).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Téléphone du référent ou DPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Adresse e-mail du référent ou DPO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logo de l&apos;établissement (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image PNG, JPEG ou SVG imprimée sur l&apos;affiche et la notice d&apos;information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Durée de conservation (mois)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 mois au plus après la création de la fiche (décret 2020-551, art. 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Adresse du service central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Par exemple https://tracage.exemple.fr (HTTPS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Synchronisation automatique (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Autorités de certification (fichier PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vide : autorités du système. Sinon seules celles du fichier sont reconnues (proxy de l&apos;hôpital, service central de démonstration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mode développement (http:// vers la boucle locale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/text.py" line="+39"/>
        <source>(sans nom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/validation.py" line="+91"/>
        <source>{field} : à renseigner.</source>
        <extracomment>A contact counts only within 14 days before the patient zéro&apos;s diagnosis.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez au moins un nom, un prénom ou un numéro de téléphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Indiquez au moins un téléphone ou une adresse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} : la date du {date} est dans le futur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de naissance peu plausible ({date} : plus de {years} ans).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Personne mineure : indiquez son représentant légal (nom, lien, téléphone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adresse e-mail invalide « {text} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un NIR et un code d&apos;admission AME sont tous deux saisis : un seul suffit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le NIR ne correspond pas au sexe indiqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le NIR ne correspond pas à la date de naissance (année ou mois).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code INSEE inconnu « {code} » ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez le pays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez la date de retour en France après le séjour à l&apos;étranger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le type d&apos;hébergement ne s&apos;applique qu&apos;aux structures ou lieux d&apos;hébergement collectif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Précisez le type d&apos;hébergement collectif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indiquez la raison de la quarantaine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Des raisons de quarantaine sont indiquées pour une personne qui n&apos;était pas en quarantaine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Une date de premiers symptômes est saisie pour une personne asymptomatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Indiquez la date des premiers symptômes ou cochez « asymptomatique ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le résultat de l&apos;examen n&apos;est pas positif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} : la date du {date} précède la date de naissance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Une date de début des symptômes est saisie alors que la personne n&apos;a pas de symptômes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recueillez le choix de la personne : son identité peut-elle être communiquée à ses contacts (oui ou non) ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indiquez comment la personne a été informée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liez la personne contact à au moins un patient zéro (exposition).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exposition sans patient zéro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une personne ne peut pas être son propre contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce patient zéro est déjà lié à la personne contact (exposition n° {number}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dernier contact le {date}, plus de {days} jours avant le diagnostic du patient zéro ({diagnosis}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Précisez l&apos;autre circonstance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <location filename="../../app/db/errors.py" line="+24"/>
        <source>La base de données locale est inutilisable. Notez ce message et contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>La clé de chiffrement trouvée ne correspond pas à la base de données : la base n&apos;a pas été modifiée. Si la clé du trousseau a été remplacée, restaurez-la avec « tracing-desk recover » et votre code de récupération.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phrase secrète incorrecte, ou fichier de base de données endommagé : la base n&apos;a pas été modifiée. Vérifiez la phrase secrète (majuscules, accents) et réessayez ; si elle est perdue, utilisez « tracing-desk recover » avec votre code de récupération.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le fichier de base de données a été modifié ou endommagé (la clé est correcte mais le contenu ne se déchiffre pas). Rien n&apos;a été effacé ni remplacé. Ne supprimez pas le fichier : contactez le service informatique, qui pourra repartir d&apos;une sauvegarde du dossier de données.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cette base de données a été créée ou mise à jour par une version plus récente de Tracing Desk. Installez la version la plus récente du programme ; la base n&apos;a pas été modifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le disque est plein : l&apos;enregistrement n&apos;a pas été fait (rien n&apos;a été perdu de ce qui était déjà enregistré). Libérez de la place ou contactez le service informatique, puis réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La base de données est occupée par une autre fenêtre ou une tâche en cours. Attendez quelques secondes puis réessayez ; si cela persiste, fermez les autres instances de Tracing Desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La base de données ne peut pas être modifiée (fichier ou dossier en lecture seule, droits insuffisants). Contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Erreur de lecture ou d&apos;écriture sur le disque. L&apos;opération n&apos;a pas été faite. Vérifiez le disque ou le partage réseau, puis réessayez ; si cela persiste, contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le fichier de base de données ne peut pas être ouvert (dossier absent, inaccessible ou droits insuffisants). Contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le fichier n&apos;utilise pas le chiffrement attendu (SQLCipher 4, PBKDF2-HMAC-SHA512, HMAC-SHA512, en-tête chiffré). Il n&apos;a pas été créé par cette version de Tracing Desk ; il n&apos;a pas été modifié. Contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun trousseau sécurisé du système n&apos;est disponible (ou le trousseau trouvé enregistre les secrets en clair) : la clé de la base ne peut pas y être conservée. Utilisez le mode phrase secrète (« tracing-desk init --passphrase ») ou demandez au service informatique d&apos;activer le trousseau du système.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Le trousseau du système n&apos;a pas répondu ou a refusé l&apos;accès (verrouillé ?). Déverrouillez votre session ou le trousseau, puis réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La base de données existe mais sa clé est absente du trousseau de cet utilisateur (profil réinitialisé, autre poste ?). La base n&apos;a pas été modifiée. Utilisez « tracing-desk recover » avec votre code de récupération.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucune base de données n&apos;existe encore dans ce dossier de données. Créez-la avec « tracing-desk init », ou vérifiez le dossier choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Une base de données existe déjà dans ce dossier : elle n&apos;a pas été remplacée. Pour repartir de zéro, le service informatique doit d&apos;abord la déplacer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ce code de récupération ne correspond pas à cette base de données. Vérifiez la saisie (32 caractères, les tirets et espaces sont facultatifs) et qu&apos;il s&apos;agit bien du code imprimé pour ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Le fichier de récupération (tracing.db.recovery) est absent ou illisible : la clé ne peut pas être restaurée avec le code. Contactez le service informatique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cette base est protégée par une phrase secrète : saisissez-la (ou définissez TRACING_DESK_PASSPHRASE pour les scripts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phrase secrète trop courte : choisissez au moins 12 caractères, par exemple plusieurs mots.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notice</name>
    <message>
        <location filename="../../app/print/content.py" line="+139"/>
        <source>Covid-19 : le suivi de vos contacts et vos données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;équipe soignante vous remet ce document. Il explique simplement ce que deviennent les informations que vous lui donnez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pourquoi ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pour prévenir vite les personnes que le virus a pu toucher, et freiner l&apos;épidémie. Vos informations sont enregistrées dans « Contact Covid », l&apos;outil de l&apos;Assurance Maladie, qui en est responsable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quelles informations ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qui vous êtes et comment vous joindre, votre caisse d&apos;assurance maladie, votre test ou vos symptômes, les personnes que vous avez côtoyées et les lieux fréquentés ces 14 derniers jours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Qui les voit ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;Assurance Maladie et les soignants qui en ont besoin, tous tenus au secret professionnel. Les statistiques n&apos;utilisent que des données sans votre nom ni vos coordonnées (données pseudonymisées).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Combien de temps ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;3 mois maximum&lt;/b&gt; après leur enregistrement, puis elles sont effacées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Votre nom sera-t-il donné à vos contacts ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;C&apos;est vous qui choisissez.&lt;/b&gt; Si vous êtes malade, vous pouvez accepter que votre identité soit donnée aux personnes que vous avez côtoyées, ou rester anonyme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pouvez-vous refuser ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si vous êtes malade, vous ne pouvez pas refuser l&apos;enregistrement de vos informations, mais vous décidez des personnes dont vous donnez le nom. Malade ou contact, vous pouvez refuser que vos données servent à la recherche : adressez-vous à votre caisse d&apos;assurance maladie (caisse de rattachement).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attention aux faux messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le SMS de l&apos;Assurance Maladie vient du &lt;b&gt;38663&lt;/b&gt;. Ses liens mènent seulement à &lt;b&gt;ameli.fr&lt;/b&gt; ou &lt;b&gt;assure.ameli.fr&lt;/b&gt;. Personne ne vous demandera vos &lt;b&gt;coordonnées bancaires&lt;/b&gt; (RIB, IBAN, carte bancaire) : ne les donnez jamais.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poster</name>
    <message>
        <location line="-161"/>
        <source>Information des patients, résidents et visiteurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covid-19 : suivi des contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vos données personnelles et vos droits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qui traite vos données, et pourquoi ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;&lt;b&gt;Assurance Maladie&lt;/b&gt; (Cnam) est responsable du traitement &lt;b&gt;« Contact Covid »&lt;/b&gt;. Notre établissement y enregistre les informations nécessaires pour prévenir rapidement les personnes qui ont été en contact avec une personne infectée, et limiter ainsi la propagation du Covid-19.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quelles données ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votre identité et vos coordonnées, votre caisse d&apos;assurance maladie, votre test ou vos symptômes, les personnes avec lesquelles vous avez été en contact, les lieux, structures collectives et rassemblements fréquentés au cours des 14 derniers jours, et votre accord pour un éventuel accompagnement social.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Qui les reçoit ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;Assurance Maladie et les professionnels chargés du suivi des contacts, selon leur besoin d&apos;en connaître. Pour les statistiques et la surveillance de l&apos;épidémie, les données sont &lt;b&gt;pseudonymisées&lt;/b&gt; : sans nom, prénoms, n° de sécurité sociale, adresse, téléphone ni e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Combien de temps ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 mois maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les données ne sont jamais conservées plus de 3 mois après leur création ; notre établissement les supprime dès que possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Votre identité : vous décidez</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si vous êtes la personne infectée, &lt;b&gt;vous choisissez&lt;/b&gt; si votre identité peut être communiquée aux personnes avec lesquelles vous avez été en contact, ou si vous restez anonyme. Votre choix est noté dans l&apos;outil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vos droits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Personne infectée&lt;/b&gt; : en raison de l&apos;intérêt de santé publique, vous ne pouvez pas vous opposer au traitement de vos données. Vous restez libre d&apos;indiquer les personnes avec lesquelles vous avez été en contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Personne infectée ou personne contact&lt;/b&gt; : vous pouvez vous opposer à la réutilisation de vos données pour des projets de recherche, auprès de votre caisse d&apos;assurance maladie (caisse de rattachement).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Secret professionnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toutes les personnes qui participent au suivi des contacts sont soumises au secret professionnel et n&apos;accèdent qu&apos;aux données dont elles ont besoin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SMS du 38663 : méfiez-vous des arnaques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les personnes contact reçoivent un SMS du &lt;b&gt;38663&lt;/b&gt;. Les vrais messages de l&apos;Assurance Maladie renvoient uniquement vers &lt;b&gt;ameli.fr&lt;/b&gt; ou &lt;b&gt;assure.ameli.fr&lt;/b&gt; et ne demandent &lt;b&gt;jamais vos coordonnées bancaires&lt;/b&gt; (RIB, IBAN, carte bancaire).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Références : MARS n°2020_109 du 19/11/2020 ; décret n° 2020-551 du 12 mai 2020 modifié par le décret n° 2020-1385 du 14 novembre 2020.</source>
        <extracomment>The two columns of sections, each read top to bottom (then the 3-month and SMS boxes).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <location line="+79"/>
        <source>Votre contact dans l&apos;établissement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° FINESS : {finess}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référent ou DPO : {contact}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>à compléter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Édition du {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/print/establishment.py" line="+19"/>
        <source>Téléphone ou adresse e-mail du référent ou DPO</source>
        <extracomment>French source label of a missing phone-or-e-mail (translated by the caller, context &quot;print&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/print/output.py" line="+41"/>
        <source>Les paramètres de l&apos;établissement sont incomplets pour imprimer ce document :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renseignez-les dans Tracing Desk (menu Impression › Établissement…), ou imprimez quand même : les informations manquantes seront signalées « à compléter » à la main.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Affiche d&apos;information Covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice d&apos;information Covid-19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Impossible d&apos;écrire « {path} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/print/render.py" line="+91"/>
        <source>Le logo « {path} » ne peut pas être lu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+312"/>
        <source>Impossible d&apos;écrire le document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>ContactFinderDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/contact_finder.py" line="+360"/>
        <source>%n ligne(s) lue(s)</source>
        <translation>
            <numerusform>%n ligne lue</numerusform>
            <numerusform>%n lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n personne(s) proposée(s).</source>
        <translation>
            <numerusform>%n personne proposée.</numerusform>
            <numerusform>%n personnes proposées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n fiche(s) créée(s)</source>
        <translation>
            <numerusform>%n fiche créée</numerusform>
            <numerusform>%n fiches créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n liée(s)</source>
        <translation>
            <numerusform>%n liée</numerusform>
            <numerusform>%n liées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n déjà liée(s)</source>
        <translation>
            <numerusform>%n déjà liée</numerusform>
            <numerusform>%n déjà liées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n fiche(s) validée(s) repassée(s) en brouillon pour compléter l’exposition</source>
        <translation>
            <numerusform>%n fiche validée repassée en brouillon pour compléter l’exposition</numerusform>
            <numerusform>%n fiches validées repassées en brouillon pour compléter l’exposition</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n personne(s) cochée(s)</source>
        <translation>
            <numerusform>%n personne cochée</numerusform>
            <numerusform>%n personnes cochées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactGridDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/contact_grid.py" line="+253"/>
        <source>%n cellule(s) au-delà de la colonne «&#x202f;Statut&#x202f;» ignorée(s).</source>
        <translation>
            <numerusform>%n cellule au-delà de la colonne «&#x202f;Statut&#x202f;» ignorée.</numerusform>
            <numerusform>%n cellules au-delà de la colonne «&#x202f;Statut&#x202f;» ignorées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+103"/>
        <source>%n ligne(s) à corriger</source>
        <translation>
            <numerusform>%n ligne à corriger</numerusform>
            <numerusform>%n lignes à corriger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n personne(s) prête(s) à créer.</source>
        <translation>
            <numerusform>%n personne prête à créer.</numerusform>
            <numerusform>%n personnes prêtes à créer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>%n fiche(s) créée(s)</source>
        <translation>
            <numerusform>%n fiche créée</numerusform>
            <numerusform>%n fiches créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n liée(s)</source>
        <translation>
            <numerusform>%n liée</numerusform>
            <numerusform>%n liées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n déjà liée(s)</source>
        <translation>
            <numerusform>%n déjà liée</numerusform>
            <numerusform>%n déjà liées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/patient_zero.py" line="+195"/>
        <source>%n autre(s)</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n personne(s) contact</source>
        <translation>
            <numerusform>%n personne contact</numerusform>
            <numerusform>%n personnes contact</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FicheBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/banner.py" line="+201"/>
        <source>%n autre(s) fiche(s) semblable(s).</source>
        <translation>
            <numerusform>%n autre fiche semblable.</numerusform>
            <numerusform>%n autres fiches semblables.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FicheFormPlurals</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/plurals.py" line="+15"/>
        <source>Enregistrement impossible&#xa0;: %n erreur(s) à corriger</source>
        <translation>
            <numerusform>Enregistrement impossible&#xa0;: %n erreur à corriger</numerusform>
            <numerusform>Enregistrement impossible&#xa0;: %n erreurs à corriger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Validation impossible&#xa0;: %n élément(s) à compléter ou corriger</source>
        <translation>
            <numerusform>Validation impossible&#xa0;: %n élément à compléter ou corriger</numerusform>
            <numerusform>Validation impossible&#xa0;: %n éléments à compléter ou corriger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Enregistrement refusé&#xa0;: %n erreur(s) à corriger</source>
        <translation>
            <numerusform>Enregistrement refusé&#xa0;: %n erreur à corriger</numerusform>
            <numerusform>Enregistrement refusé&#xa0;: %n erreurs à corriger</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FicheListPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/fiche_list.py" line="+237"/>
        <source>%Ln fiche(s) affichée(s)</source>
        <translation>
            <numerusform>%Ln fiche affichée</numerusform>
            <numerusform>%Ln fiches affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/help.py" line="+369"/>
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalViewer</name>
    <message numerus="yes">
        <location filename="../../app/ui/journal_viewer.py" line="+171"/>
        <source>%n entrée(s) affichée(s)</source>
        <translation>
            <numerusform>%n entrée affichée</numerusform>
            <numerusform>%n entrées affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n au total</source>
        <translation>
            <numerusform>%n au total</numerusform>
            <numerusform>%n au total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="+272"/>
        <source>%Ln fiche(s)</source>
        <translation>
            <numerusform>%Ln fiche</numerusform>
            <numerusform>%Ln fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln patient(s) zéro</source>
        <translation>
            <numerusform>%Ln patient zéro</numerusform>
            <numerusform>%Ln patients zéro</numerusform>
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
</context>
<context>
    <name>PurgeBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/purge_panel.py" line="+126"/>
        <source>%n fiche(s) non transmise(s) seront supprimées d’ici le {date} (délai de conservation)&#xa0;: transmettez-les maintenant.</source>
        <translation>
            <numerusform>%n fiche non transmise sera supprimée d’ici le {date} (délai de conservation)&#xa0;: transmettez-la maintenant.</numerusform>
            <numerusform>%n fiches non transmises seront supprimées d’ici le {date} (délai de conservation)&#xa0;: transmettez-les maintenant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeControls</name>
    <message numerus="yes">
        <location line="+271"/>
        <location line="+22"/>
        <source>%n fiche(s) supprimée(s) le {date}</source>
        <translation>
            <numerusform>%n fiche supprimée le {date}</numerusform>
            <numerusform>%n fiches supprimées le {date}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/forms/search_dialog.py" line="+119"/>
        <source>%n résultat(s)&#x202f;; Entrée pour choisir.</source>
        <translation>
            <numerusform>%n résultat&#x202f;; Entrée pour choisir.</numerusform>
            <numerusform>%n résultats&#x202f;; Entrée pour choisir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecurityMenu</name>
    <message numerus="yes">
        <location filename="../../app/ui/security_menu.py" line="+133"/>
        <source>Export terminé&#xa0;: %n fiche(s). Il sera supprimé à l’échéance de conservation.</source>
        <translation>
            <numerusform>Export terminé&#xa0;: %n fiche. Il sera supprimé à l’échéance de conservation.</numerusform>
            <numerusform>Export terminé&#xa0;: %n fiches. Il sera supprimé à l’échéance de conservation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Toutes les données de ce poste vont être supprimées définitivement&#xa0;: %n fiche(s), la clé de chiffrement du trousseau et les fichiers exportés.</source>
        <translation>
            <numerusform>Toutes les données de ce poste vont être supprimées définitivement&#xa0;: %n fiche, la clé de chiffrement du trousseau et les fichiers exportés.</numerusform>
            <numerusform>Toutes les données de ce poste vont être supprimées définitivement&#xa0;: %n fiches, la clé de chiffrement du trousseau et les fichiers exportés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n fiche(s) n’ont pas encore été transmises au service central&#xa0;: elles seront perdues.</source>
        <translation>
            <numerusform>%n fiche n’a pas encore été transmise au service central&#xa0;: elle sera perdue.</numerusform>
            <numerusform>%n fiches n’ont pas encore été transmises au service central&#xa0;: elles seront perdues.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message numerus="yes">
        <location filename="../../app/ui/login.py" line="+137"/>
        <source>Trop d’essais infructueux&#xa0;: nouvel essai possible dans %n seconde(s).</source>
        <translation>
            <numerusform>Trop d’essais infructueux&#xa0;: nouvel essai possible dans %n seconde.</numerusform>
            <numerusform>Trop d’essais infructueux&#xa0;: nouvel essai possible dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="+82"/>
        <source>%Ln en attente</source>
        <translation>
            <numerusform>%Ln en attente</numerusform>
            <numerusform>%Ln en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln refusée(s)</source>
        <translation>
            <numerusform>%Ln refusée</numerusform>
            <numerusform>%Ln refusées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/purge_panel.py" line="-161"/>
        <source>%n fiche(s) seront supprimées dans les {days} prochains jours.</source>
        <translation>
            <numerusform>%n fiche sera supprimée dans les {days} prochains jours.</numerusform>
            <numerusform>%n fiches seront supprimées dans les {days} prochains jours.</numerusform>
        </translation>
    </message>
</context>
</TS>

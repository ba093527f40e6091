<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>FicheListPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/fiche_list.py" line="+196"/>
        <source>%Ln fiche(s) affichée(s)</source>
        <translation>
            <numerusform>%Ln fiche affichée</numerusform>
            <numerusform>%Ln fiches affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="+104"/>
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
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln en attente de synchronisation</source>
        <translation>
            <numerusform>%Ln en attente de synchronisation</numerusform>
            <numerusform>%Ln en attente de synchronisation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/purge_panel.py" line="+134"/>
        <source>%n fiche(s) non transmise(s) seront supprimées d&apos;ici le {date} (délai de conservation) : transmettez-les maintenant.</source>
        <translation>
            <numerusform>%n fiche non transmise sera supprimée d&apos;ici le {date} (délai de conservation) : transmettez-la maintenant.</numerusform>
            <numerusform>%n fiches non transmises seront supprimées d&apos;ici le {date} (délai de conservation) : transmettez-les maintenant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeControls</name>
    <message numerus="yes">
        <location line="+241"/>
        <location line="+20"/>
        <source>%n fiche(s) supprimée(s) le {date}</source>
        <translation>
            <numerusform>%n fiche supprimée le {date}</numerusform>
            <numerusform>%n fiches supprimées le {date}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="+78"/>
        <source>%n en attente</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refusée(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/purge_panel.py" line="-126"/>
        <source>%n fiche(s) seront supprimées dans les {days} prochains jours.</source>
        <translation>
            <numerusform>%n fiche sera supprimée dans les {days} prochains jours.</numerusform>
            <numerusform>%n fiches seront supprimées dans les {days} prochains jours.</numerusform>
        </translation>
    </message>
</context>
</TS>

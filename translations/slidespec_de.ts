<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ComponentPalette</name>
    <message>
        <location filename="../qml/panels/ComponentPalette.qml" line="20"/>
        <source>Search components</source>
        <translation>Komponenten suchen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PowerPoint</source>
        <translation>PowerPoint</translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PNG images</source>
        <translation>PNG-Bilder</translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="18"/>
        <source>Export as %1</source>
        <translation>Als %1 exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/ExportDialog.qml" line="58"/>
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>%n Datei exportiert.</numerusform>
            <numerusform>%n Dateien exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="73"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="81"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="81"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../qml/panels/Inspector.qml" line="45"/>
        <source>%n elements selected</source>
        <translation>
            <numerusform>%n Element ausgewählt</numerusform>
            <numerusform>%n Elemente ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="46"/>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="47"/>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="55"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="63"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="69"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="74"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="79"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="84"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="89"/>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="95"/>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="99"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="112"/>
        <source>Off-brand colour: pick a brand token.</source>
        <translation>Farbe nicht aus der Marke: Wähle eine Markenfarbe.</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="114"/>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="123"/>
        <source>Decorative (no alt text needed)</source>
        <translation>Dekorativ (kein Alternativtext nötig)</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="130"/>
        <source>Speaker notes</source>
        <translation>Vortragsnotizen</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="136"/>
        <source>Notes for the presenter</source>
        <translation>Notizen für die Vortragenden</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="145"/>
        <source>Brand colours</source>
        <translation>Markenfarben</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="22"/>
        <source>This slide</source>
        <translation>Diese Folie</translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="23"/>
        <source>Whole deck</source>
        <translation>Ganzer Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="27"/>
        <source>The deck has no issues.</source>
        <translation>Der Foliensatz hat keine Probleme.</translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="27"/>
        <source>This slide has no issues.</source>
        <translation>Diese Folie hat keine Probleme.</translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="63"/>
        <source>Slide %1 · %2</source>
        <translation>Folie %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="72"/>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="16"/>
        <source>Open from workspace</source>
        <translation>Aus dem Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="24"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="53"/>
        <source>New deck from template</source>
        <translation>Neuer Foliensatz aus Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="55"/>
        <source>Blank deck</source>
        <translation>Leerer Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="73"/>
        <source>Search decks</source>
        <translation>Foliensätze suchen</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="97"/>
        <source>Open the deck</source>
        <translation>Foliensatz öffnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/LibraryDialog.qml" line="121"/>
        <source>%n slide(s)</source>
        <translation>
            <numerusform>%n Folie</numerusform>
            <numerusform>%n Folien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="122"/>
        <source>Modified %1</source>
        <translation>Geändert %1</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="132"/>
        <source>No deck matches.</source>
        <translation>Kein Foliensatz passt.</translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="132"/>
        <source>No decks in the workspace yet.</source>
        <translation>Noch keine Foliensätze im Arbeitsbereich.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/app/Main.qml" line="32"/>
        <source>Untitled deck</source>
        <translation>Unbenannter Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="33"/>
        <source>Slidespec</source>
        <translation>Slidespec</translation>
    </message>
    <message>
        <source>Could not save: the deck has no file yet.</source>
        <translation type="vanished">Speichern nicht möglich: Der Foliensatz hat noch keine Datei.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="186"/>
        <location filename="../qml/app/Main.qml" line="203"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="186"/>
        <location filename="../qml/app/Main.qml" line="203"/>
        <source>Could not save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="191"/>
        <source>Open deck</source>
        <translation>Foliensatz öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="192"/>
        <location filename="../qml/app/Main.qml" line="200"/>
        <source>Slide specs (*.json)</source>
        <translation>Foliensätze (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="174"/>
        <source>Could not open: %1</source>
        <translation>Öffnen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="76"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="87"/>
        <source>Could not save to the workspace: %1</source>
        <translation>Konnte nicht im Arbeitsbereich speichern: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="88"/>
        <source>Saved to the workspace.</source>
        <translation>Im Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="119"/>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="119"/>
        <source>Export PowerPoint</source>
        <translation>PowerPoint exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="122"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="123"/>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint-Präsentationen (*.pptx)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="128"/>
        <source>Export PNG images to folder</source>
        <translation>PNG-Bilder in Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="197"/>
        <source>Save deck as</source>
        <translation>Foliensatz speichern unter</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="213"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="215"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="220"/>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="236"/>
        <source>Clear recent files</source>
        <translation>Zuletzt geöffnete Dateien leeren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="241"/>
        <source>Open from workspace…</source>
        <translation>Aus dem Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="242"/>
        <source>New deck from template…</source>
        <translation>Neuer Foliensatz aus Vorlage…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="243"/>
        <source>Save to workspace</source>
        <translation>Im Arbeitsbereich speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="248"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="253"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="257"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="259"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="264"/>
        <source>PowerPoint (PPTX)…</source>
        <translation>PowerPoint (PPTX)…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="265"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="266"/>
        <source>PNG images…</source>
        <translation>PNG-Bilder…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="271"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="276"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="281"/>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="286"/>
        <source>Align left</source>
        <translation>Links ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="287"/>
        <source>Align centre</source>
        <translation>Zentriert ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="288"/>
        <source>Align right</source>
        <translation>Rechts ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="289"/>
        <source>Align top</source>
        <translation>Oben ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="290"/>
        <source>Align middle</source>
        <translation>Mittig ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="291"/>
        <source>Align bottom</source>
        <translation>Unten ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="294"/>
        <source>Distribute horizontally</source>
        <translation>Horizontal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="299"/>
        <source>Distribute vertically</source>
        <translation>Vertikal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="304"/>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="306"/>
        <source>Bring forward</source>
        <translation>Eine Ebene nach vorn</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="307"/>
        <source>Send backward</source>
        <translation>Eine Ebene nach hinten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="310"/>
        <source>Group</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="315"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="324"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="326"/>
        <source>Fit (%1 %)</source>
        <translation>Einpassen (%1 %)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="339"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="340"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="357"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="357"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="360"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="393"/>
        <source>Inspector</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="394"/>
        <source>Issues (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="395"/>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="414"/>
        <source>Slide %1 of %2</source>
        <translation>Folie %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="418"/>
        <source>%n problem(s) in the deck</source>
        <translation>
            <numerusform>%n Problem im Foliensatz</numerusform>
            <numerusform>%n Probleme im Foliensatz</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../qml/app/PdfViewer.qml" line="24"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/PdfViewer.qml" line="37"/>
        <source>Cannot show the PDF: %1</source>
        <translation>Das PDF kann nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/PdfViewer.qml" line="38"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="16"/>
        <source>Recover unsaved work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="23"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="35"/>
        <source>Slidespec stopped before these decks were saved. Recover opens the autosaved deck; discard deletes the autosave.</source>
        <translation>Slidespec wurde beendet, bevor diese Foliensätze gespeichert waren. „Wiederherstellen“ öffnet den automatisch gesicherten Foliensatz, „Verwerfen“ löscht die Sicherung.</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="53"/>
        <source>Untitled deck</source>
        <translation>Unbenannter Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="59"/>
        <source>Autosaved %1</source>
        <translation>Automatisch gesichert %1</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="61"/>
        <source>never saved</source>
        <translation>nie gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="67"/>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="75"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="16"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="23"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="34"/>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="43"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="51"/>
        <source>Snapping</source>
        <translation>Einrasten</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="58"/>
        <source>Show grid</source>
        <translation>Raster anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="64"/>
        <source>Grid size (pt)</source>
        <translation>Rasterweite (pt)</translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="74"/>
        <source>Autosave after (ms)</source>
        <translation>Automatisch speichern nach (ms)</translation>
    </message>
</context>
<context>
    <name>SlidesPanel</name>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="89"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="119"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="124"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="129"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="135"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="155"/>
        <source>Add a slide</source>
        <translation>Folie hinzufügen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="25"/>
        <source>Slidespec desktop editor</source>
        <translation>Slidespec-Desktop-Editor</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>Deck file to open (default: a sample deck).</source>
        <translation>Zu öffnende Foliensatzdatei (Standard: ein Beispiel).</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="36"/>
        <source>Cannot open %1:
%2
</source>
        <translation>%1 lässt sich nicht öffnen:
%2
</translation>
    </message>
</context>
<context>
    <name>slidespec::EditorSession</name>
    <message>
        <location filename="../qml/editorsession.cpp" line="213"/>
        <location filename="../qml/editorsession.cpp" line="221"/>
        <location filename="../qml/editorsession.cpp" line="229"/>
        <source>No document.</source>
        <translation>Kein Dokument.</translation>
    </message>
</context>
<context>
    <name>slidespec::ExportSession</name>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="53"/>
        <source>There is no deck to export.</source>
        <translation>Es gibt keinen Foliensatz zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="55"/>
        <source>An export is already running: wait for it or cancel it.</source>
        <translation>Ein Export läuft bereits: Warten Sie auf ihn oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="57"/>
        <source>Unknown export format %1.</source>
        <translation>Unbekanntes Exportformat %1.</translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="60"/>
        <source>Choose where to export to.</source>
        <translation>Wählen Sie, wohin exportiert werden soll.</translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="71"/>
        <source>The export could not start.</source>
        <translation>Der Export konnte nicht starten.</translation>
    </message>
</context>
<context>
    <name>slidespec::WorkspaceSession</name>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="167"/>
        <location filename="../qml/app/workspacesession.cpp" line="236"/>
        <location filename="../qml/app/workspacesession.cpp" line="269"/>
        <location filename="../qml/app/workspacesession.cpp" line="299"/>
        <source>No document to recover into.</source>
        <translation>Kein Dokument zum Wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="176"/>
        <source>Cannot read the autosave %1: %2</source>
        <translation>Die automatische Sicherung %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="234"/>
        <location filename="../qml/app/workspacesession.cpp" line="267"/>
        <source>The workspace is not open: %1</source>
        <translation>Der Arbeitsbereich ist nicht geöffnet: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="238"/>
        <source>The deck %1 is not in the workspace.</source>
        <translation>Der Foliensatz %1 ist nicht im Arbeitsbereich.</translation>
    </message>
</context>
</TS>

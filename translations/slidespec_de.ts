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
    <name>Main</name>
    <message>
        <location filename="../qml/app/Main.qml" line="25"/>
        <source>Untitled deck</source>
        <translation>Unbenannter Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="26"/>
        <source>Slidespec</source>
        <translation>Slidespec</translation>
    </message>
    <message>
        <source>Could not save: the deck has no file yet.</source>
        <translation>Speichern nicht möglich: Der Foliensatz hat noch keine Datei.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <location filename="../qml/app/Main.qml" line="106"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <location filename="../qml/app/Main.qml" line="106"/>
        <source>Could not save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="91"/>
        <source>Open deck</source>
        <translation>Foliensatz öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="92"/>
        <location filename="../qml/app/Main.qml" line="103"/>
        <source>Slide specs (*.json)</source>
        <translation>Foliensätze (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="95"/>
        <source>Could not open: %1</source>
        <translation>Öffnen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="100"/>
        <source>Save deck as</source>
        <translation>Foliensatz speichern unter</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="114"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="115"/>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="118"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="123"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="127"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="130"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="135"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="140"/>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="145"/>
        <source>Align left</source>
        <translation>Links ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="146"/>
        <source>Align centre</source>
        <translation>Zentriert ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="147"/>
        <source>Align right</source>
        <translation>Rechts ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="148"/>
        <source>Align top</source>
        <translation>Oben ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="149"/>
        <source>Align middle</source>
        <translation>Mittig ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="150"/>
        <source>Align bottom</source>
        <translation>Unten ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="153"/>
        <source>Distribute horizontally</source>
        <translation>Horizontal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="158"/>
        <source>Distribute vertically</source>
        <translation>Vertikal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="163"/>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="164"/>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="165"/>
        <source>Bring forward</source>
        <translation>Eine Ebene nach vorn</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="166"/>
        <source>Send backward</source>
        <translation>Eine Ebene nach hinten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="169"/>
        <source>Group</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="174"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="183"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="185"/>
        <source>Fit (%1 %)</source>
        <translation>Einpassen (%1 %)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="198"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="199"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="216"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="216"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="251"/>
        <source>Inspector</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="252"/>
        <source>Issues (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="253"/>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="272"/>
        <source>Slide %1 of %2</source>
        <translation>Folie %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="276"/>
        <source>%n problem(s) in the deck</source>
        <translation>
            <numerusform>%n Problem im Foliensatz</numerusform>
            <numerusform>%n Probleme im Foliensatz</numerusform>
        </translation>
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
        <location filename="../qml/editorsession.cpp" line="207"/>
        <location filename="../qml/editorsession.cpp" line="215"/>
        <location filename="../qml/editorsession.cpp" line="223"/>
        <source>No document.</source>
        <translation>Kein Dokument.</translation>
    </message>
</context>
</TS>

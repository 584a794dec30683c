<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BrandKitColors</name>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="43"/>
        <source>Colour tokens</source>
        <translation>Farb-Tokens</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="92"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="92"/>
        <source>background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="97"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="110"/>
        <source>New token, e.g. onSurface</source>
        <translation>Neues Token, z. B. onSurface</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="121"/>
        <source>Add colour</source>
        <translation>Farbe hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="131"/>
        <source>Tokens named text… or onX are drawn as text; background, surface… and each X with an onX are drawn behind it.</source>
        <translation>Tokens namens text… oder onX werden als Text gezeichnet; background, surface… und jedes X mit einem onX dahinter.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="139"/>
        <source>Contrast (WCAG): text tokens down, background tokens across</source>
        <translation>Kontrast (WCAG): Text-Tokens nach unten, Hintergrund-Tokens nach rechts</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="218"/>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="231"/>
        <source>fail</source>
        <translation>zu gering</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="238"/>
        <source>%1 on %2: %3:1 (the kit asks %4:1%5)</source>
        <translation>%1 auf %2: %3:1 (das Kit verlangt %4:1%5)</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="241"/>
        <source>; not a pairing the kit intends</source>
        <translation>; keine vom Kit vorgesehene Kombination</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="147"/>
        <source>Every intended pairing passes the kit&apos;s contrast level.</source>
        <translation>Jede vorgesehene Kombination erreicht die Kontraststufe des Kits.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/BrandKitColors.qml" line="148"/>
        <source>%n intended pairing(s) fail the kit&apos;s contrast level:</source>
        <translation>
            <numerusform>%n vorgesehene Kombination erreicht die Kontraststufe des Kits nicht:</numerusform>
            <numerusform>%n vorgesehene Kombinationen erreichen die Kontraststufe des Kits nicht:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrandKitDialog</name>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="29"/>
        <source>Brand kits</source>
        <translation>Brand-Kits</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="37"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="59"/>
        <source>Rename brand kit</source>
        <translation>Brand-Kit umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="60"/>
        <source>New brand kit from this deck&apos;s kit</source>
        <translation>Neues Brand-Kit aus dem Kit dieses Decks</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="60"/>
        <source>New brand kit</source>
        <translation>Neues Brand-Kit</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="64"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="64"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="69"/>
        <location filename="../qml/app/BrandKitDialog.qml" line="124"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="75"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="116"/>
        <source>Delete brand kit</source>
        <translation>Brand-Kit löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="120"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="130"/>
        <source>Delete the brand kit &quot;%1&quot;? Decks that embed it keep their colours; this cannot be undone.</source>
        <translation>Das Brand-Kit „%1“ löschen? Decks, die es eingebettet haben, behalten ihre Farben; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="146"/>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="152"/>
        <source>Import logo</source>
        <translation>Logo importieren</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="153"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="204"/>
        <source>In this deck</source>
        <translation>In diesem Deck</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="210"/>
        <source>Built-in</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="224"/>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="225"/>
        <source>My brand</source>
        <translation>Meine Marke</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="230"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="237"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="244"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="255"/>
        <source>New kit from this deck…</source>
        <translation>Neues Kit aus diesem Deck…</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="258"/>
        <source>Keep the open deck&apos;s colours, fonts and logos as a kit of your own</source>
        <translation>Farben, Schriften und Logos des offenen Decks als eigenes Kit behalten</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="260"/>
        <source>Deck kit</source>
        <translation>Deck-Kit</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="266"/>
        <source>Some kit files were skipped:</source>
        <translation>Einige Kit-Dateien wurden übersprungen:</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="285"/>
        <source>No kit chosen</source>
        <translation>Kein Kit gewählt</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="292"/>
        <source>Apply to current deck</source>
        <translation>Auf aktuelles Deck anwenden</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="295"/>
        <source>Restyle the open deck with this kit (one undo step)</source>
        <translation>Das offene Deck mit diesem Kit neu gestalten (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="298"/>
        <source>The open deck now uses &quot;%1&quot;; Undo restores its previous kit.</source>
        <translation>Das offene Deck verwendet jetzt „%1“; Rückgängig stellt das vorige Kit wieder her.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="304"/>
        <source>New deck from this kit</source>
        <translation>Neues Deck aus diesem Kit</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="321"/>
        <source>A built-in kit is read-only: duplicate it to make your own changes.</source>
        <translation>Ein mitgeliefertes Kit ist schreibgeschützt: duplizieren Sie es, um es zu ändern.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="327"/>
        <source>The open deck uses: %1</source>
        <translation>Das offene Deck verwendet: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="329"/>
        <source>a kit of its own, without a name</source>
        <translation>ein eigenes Kit ohne Namen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="355"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="356"/>
        <source>Fonts</source>
        <translation>Schriften</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="357"/>
        <source>Logos</source>
        <translation>Logos</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="358"/>
        <source>Guidance</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="400"/>
        <source>⚠ Not installed here: drawn with %1</source>
        <translation>⚠ Hier nicht installiert: gezeichnet mit %1</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="401"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="407"/>
        <location filename="../qml/app/BrandKitDialog.qml" line="501"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="415"/>
        <source>Slides name roles as brand:heading, brand:body…; a family that is not installed is replaced by its fallbacks when drawing and exporting.</source>
        <translation>Folien nennen Rollen als brand:heading, brand:body…; eine nicht installierte Schrift wird beim Zeichnen und Exportieren durch ihre Ersatzschriften ersetzt.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="423"/>
        <source>Role, e.g. caption</source>
        <translation>Rolle, z. B. caption</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="433"/>
        <source>Add role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="452"/>
        <source>Import logo…</source>
        <translation>Logo importieren…</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="483"/>
        <source>Image missing</source>
        <translation>Bild fehlt</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Any background</source>
        <translation>Jeder Hintergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Light backgrounds</source>
        <translation>Helle Hintergründe</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Dark backgrounds</source>
        <translation>Dunkle Hintergründe</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="511"/>
        <source>PNG, JPEG or SVG files; each image is stored once, by its content.</source>
        <translation>PNG-, JPEG- oder SVG-Dateien; jedes Bild wird einmal gespeichert, nach seinem Inhalt.</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="528"/>
        <source>Smallest font size (pt)</source>
        <translation>Kleinste Schriftgröße (pt)</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="537"/>
        <source>Contrast level</source>
        <translation>Kontraststufe</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="545"/>
        <source>Only the kit&apos;s colours</source>
        <translation>Nur die Farben des Kits</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="551"/>
        <source>Only the kit&apos;s fonts</source>
        <translation>Nur die Schriften des Kits</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="559"/>
        <source>Rules for people
(one per line)</source>
        <translation>Regeln für Menschen
(eine pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="573"/>
        <source>Save rules</source>
        <translation>Regeln speichern</translation>
    </message>
</context>
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
    <name>HistoryPanel</name>
    <message>
        <location filename="../qml/panels/HistoryPanel.qml" line="57"/>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/panels/HistoryPanel.qml" line="64"/>
        <source>The deck as last opened or saved</source>
        <translation>Der Foliensatz, wie er zuletzt geöffnet oder gespeichert wurde</translation>
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
        <location filename="../qml/panels/Inspector.qml" line="119"/>
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
        <source>Outline</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="129"/>
        <source>Outline width</source>
        <translation>Konturstärke</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="142"/>
        <source>Off-brand outline colour: pick a brand token.</source>
        <translation>Konturfarbe außerhalb der Marke: wählen Sie eine Markenfarbe.</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="144"/>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="153"/>
        <source>Decorative (no alt text needed)</source>
        <translation>Dekorativ (kein Alternativtext nötig)</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="160"/>
        <source>Speaker notes</source>
        <translation>Vortragsnotizen</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="166"/>
        <source>Notes for the presenter</source>
        <translation>Notizen für die Vortragenden</translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="175"/>
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
        <location filename="../qml/app/Main.qml" line="42"/>
        <location filename="../qml/app/Main.qml" line="241"/>
        <source>Untitled deck</source>
        <translation>Unbenannter Foliensatz</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="43"/>
        <source>Slidespec</source>
        <translation>Slidespec</translation>
    </message>
    <message>
        <source>Could not save: the deck has no file yet.</source>
        <translation type="vanished">Speichern nicht möglich: Der Foliensatz hat noch keine Datei.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="223"/>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="223"/>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Could not save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="288"/>
        <source>Open deck</source>
        <translation>Foliensatz öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="289"/>
        <location filename="../qml/app/Main.qml" line="297"/>
        <source>Slide specs (*.json)</source>
        <translation>Foliensätze (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="209"/>
        <source>Could not open: %1</source>
        <translation>Öffnen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="120"/>
        <location filename="../qml/app/Main.qml" line="252"/>
        <source>Could not save to the workspace: %1</source>
        <translation>Konnte nicht im Arbeitsbereich speichern: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="121"/>
        <source>Saved to the workspace.</source>
        <translation>Im Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="152"/>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="152"/>
        <source>Export PowerPoint</source>
        <translation>PowerPoint exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="155"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="156"/>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPoint-Präsentationen (*.pptx)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="161"/>
        <source>Export PNG images to folder</source>
        <translation>PNG-Bilder in Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="255"/>
        <source>Your changes are saved in the workspace.</source>
        <translation>Ihre Änderungen sind im Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="294"/>
        <source>Save deck as</source>
        <translation>Foliensatz speichern unter</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="318"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="320"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="325"/>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="341"/>
        <source>Clear recent files</source>
        <translation>Zuletzt geöffnete Dateien leeren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="346"/>
        <source>Open from workspace…</source>
        <translation>Aus dem Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="347"/>
        <source>New deck from template…</source>
        <translation>Neuer Foliensatz aus Vorlage…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="348"/>
        <source>Save to workspace</source>
        <translation>Im Arbeitsbereich speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="353"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="358"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="362"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="364"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="369"/>
        <source>PowerPoint (PPTX)…</source>
        <translation>PowerPoint (PPTX)…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="370"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="371"/>
        <source>PNG images…</source>
        <translation>PNG-Bilder…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="376"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="381"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="386"/>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="391"/>
        <source>Align left</source>
        <translation>Links ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="392"/>
        <source>Align centre</source>
        <translation>Zentriert ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="393"/>
        <source>Align right</source>
        <translation>Rechts ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="394"/>
        <source>Align top</source>
        <translation>Oben ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="395"/>
        <source>Align middle</source>
        <translation>Mittig ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="396"/>
        <source>Align bottom</source>
        <translation>Unten ausrichten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="399"/>
        <source>Distribute horizontally</source>
        <translation>Horizontal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="404"/>
        <source>Distribute vertically</source>
        <translation>Vertikal verteilen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="409"/>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="410"/>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="411"/>
        <source>Bring forward</source>
        <translation>Eine Ebene nach vorn</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="412"/>
        <source>Send backward</source>
        <translation>Eine Ebene nach hinten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="415"/>
        <source>Group</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="420"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="427"/>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="432"/>
        <source>Brand kits…</source>
        <translation>Brand-Kits…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="436"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="441"/>
        <source>Template gallery…</source>
        <translation>Vorlagengalerie…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="443"/>
        <source>Save current slide as template…</source>
        <translation>Aktuelle Folie als Vorlage speichern…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="448"/>
        <source>Save deck as template…</source>
        <translation>Deck als Vorlage speichern…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="458"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="460"/>
        <source>Fit (%1 %)</source>
        <translation>Einpassen (%1 %)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="473"/>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="474"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="491"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="491"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="494"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="527"/>
        <source>Inspector</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="528"/>
        <source>Issues (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="529"/>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="530"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="550"/>
        <source>Slide %1 of %2</source>
        <translation>Folie %1 von %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="554"/>
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
    <name>SaveChangesDialog</name>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="21"/>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="47"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="52"/>
        <source>Don&apos;t save</source>
        <translation>Nicht speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="57"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="66"/>
        <source>“%1” has changes that are not saved. Save them before you go on? If you don&apos;t, they are lost.</source>
        <translation>„%1“ hat ungespeicherte Änderungen. Vor dem Fortfahren speichern? Sonst gehen sie verloren.</translation>
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
        <location filename="../qml/panels/SlidesPanel.qml" line="106"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="136"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="141"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="146"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="152"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="172"/>
        <source>Add a slide</source>
        <translation>Folie hinzufügen</translation>
    </message>
</context>
<context>
    <name>TemplateGalleryDialog</name>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="31"/>
        <source>Template gallery</source>
        <translation>Vorlagengalerie</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="39"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="120"/>
        <source>Save deck as template</source>
        <translation>Deck als Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="120"/>
        <source>Save slide as template</source>
        <translation>Folie als Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="124"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="129"/>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="188"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="135"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="141"/>
        <source>e.g. Quarterly update</source>
        <translation>z. B. Quartalsbericht</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="141"/>
        <source>e.g. Big number</source>
        <translation>z. B. Große Zahl</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="146"/>
        <source>What it is for (optional)</source>
        <translation>Wofür sie gedacht ist (optional)</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="167"/>
        <source>Saved the deck as the template &quot;%1&quot;.</source>
        <translation>Das Deck wurde als Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="168"/>
        <source>Saved the slide as the template &quot;%1&quot;.</source>
        <translation>Die Folie wurde als Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="180"/>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="184"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="194"/>
        <source>Delete the template &quot;%1&quot;? Decks made from it stay as they are; this cannot be undone.</source>
        <translation>Die Vorlage „%1“ löschen? Decks, die daraus entstanden sind, bleiben, wie sie sind; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="214"/>
        <source>Search templates</source>
        <translation>Vorlagen durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>All templates</source>
        <translation>Alle Vorlagen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>Slide templates</source>
        <translation>Folienvorlagen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>Deck templates</source>
        <translation>Deckvorlagen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="228"/>
        <source>Save current slide as template…</source>
        <translation>Aktuelle Folie als Vorlage speichern…</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="234"/>
        <source>Save deck as template…</source>
        <translation>Deck als Vorlage speichern…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="304"/>
        <source>Deck · %n slide(s)</source>
        <translation>
            <numerusform>Deck · %n Folie</numerusform>
            <numerusform>Deck · %n Folien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="304"/>
        <source>Slide</source>
        <translation>Folie</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="305"/>
        <source>Built-in</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="305"/>
        <source>Yours</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="315"/>
        <source>No template matches.</source>
        <translation>Keine Vorlage passt.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="315"/>
        <source>No templates.</source>
        <translation>Keine Vorlagen.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="341"/>
        <source>Choose a template.</source>
        <translation>Wählen Sie eine Vorlage.</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="347"/>
        <source>New deck from template</source>
        <translation>Neues Deck aus Vorlage</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="353"/>
        <source>Insert slide</source>
        <translation>Folie einfügen</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="356"/>
        <source>Insert it after the current slide (one undo step)</source>
        <translation>Nach der aktuellen Folie einfügen (ein Rückgängig-Schritt)</translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="361"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
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
    <name>slidespec::BrandKitLibrary</name>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="104"/>
        <source>%1: this brand kit was skipped because it does not load; fix or remove the file.
%2</source>
        <translation>%1: Dieses Brand-Kit wurde übersprungen, weil es sich nicht laden lässt; korrigieren oder entfernen Sie die Datei.
%2</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="110"/>
        <source>%1: skipped: its id &quot;%2&quot; is a bundled kit&apos;s; give it another id.</source>
        <translation>%1: übersprungen: seine ID „%2“ gehört einem mitgelieferten Kit; geben Sie ihm eine andere ID.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="117"/>
        <source>%1: skipped: another file already has the id &quot;%2&quot;.</source>
        <translation>%1: übersprungen: eine andere Datei hat schon die ID „%2“.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="172"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="215"/>
        <source>A brand kit needs a name.</source>
        <translation>Ein Brand-Kit braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="181"/>
        <source>There is no brand kit &quot;%1&quot; to start from.</source>
        <translation>Es gibt kein Brand-Kit „%1“, von dem ausgegangen werden könnte.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="197"/>
        <source>There is no brand kit &quot;%1&quot; to duplicate.</source>
        <translation>Es gibt kein Brand-Kit „%1“ zum Duplizieren.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="200"/>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="207"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="227"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="277"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="424"/>
        <source>There is no brand kit &quot;%1&quot;.</source>
        <translation>Es gibt kein Brand-Kit „%1“.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="211"/>
        <source>&quot;%1&quot; is a bundled brand kit and cannot be renamed; duplicate it first.</source>
        <translation>„%1“ ist ein mitgeliefertes Brand-Kit und kann nicht umbenannt werden; duplizieren Sie es zuerst.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="231"/>
        <source>&quot;%1&quot; is a bundled brand kit and cannot be deleted.</source>
        <translation>„%1“ ist ein mitgeliefertes Brand-Kit und kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="236"/>
        <source>Could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="246"/>
        <source>A brand kit needs an id.</source>
        <translation>Ein Brand-Kit braucht eine ID.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="250"/>
        <source>&quot;%1&quot; is a bundled brand kit and is read-only; duplicate it to change it.</source>
        <translation>„%1“ ist ein mitgeliefertes Brand-Kit und schreibgeschützt; duplizieren Sie es, um es zu ändern.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="254"/>
        <source>Cannot create the brand kit folder &quot;%1&quot;.</source>
        <translation>Der Brand-Kit-Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="261"/>
        <source>The brand kit is not valid: %1</source>
        <translation>Das Brand-Kit ist nicht gültig: %1</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="281"/>
        <source>&quot;%1&quot; is a bundled brand kit and is read-only; duplicate it to add logos.</source>
        <translation>„%1“ ist ein mitgeliefertes Brand-Kit und schreibgeschützt; duplizieren Sie es, um Logos hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="286"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="290"/>
        <source>%1 is too large for a logo (at most %2 MB).</source>
        <translation>%1 ist für ein Logo zu groß (höchstens %2 MB).</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="304"/>
        <source>%1 is not a PNG, JPEG or SVG image; logos must be one of those.</source>
        <translation>%1 ist kein PNG-, JPEG- oder SVG-Bild; Logos müssen eines davon sein.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="312"/>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="354"/>
        <source>logo &quot;%1&quot;: %2 has no file in %3</source>
        <translation>Logo „%1“: %2 hat keine Datei in %3</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="360"/>
        <source>logo &quot;%1&quot;: %2</source>
        <translation>Logo „%1“: %2</translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="365"/>
        <source>logo &quot;%1&quot;: &quot;%2&quot; is neither asset:ID nor a data URI</source>
        <translation>Logo „%1“: „%2“ ist weder asset:ID noch eine data-URI</translation>
    </message>
</context>
<context>
    <name>slidespec::BrandKitSession</name>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="242"/>
        <source>%1 on %2: %3:1, needs %4:1</source>
        <translation>%1 auf %2: %3:1, nötig sind %4:1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="310"/>
        <source>Give the brand kit a name.</source>
        <translation>Geben Sie dem Brand-Kit einen Namen.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="312"/>
        <source>The name is too long: at most %1 characters.</source>
        <translation>Der Name ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="315"/>
        <source>There is already a brand kit named &quot;%1&quot;.</source>
        <translation>Es gibt schon ein Brand-Kit namens „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="324"/>
        <source>Give the colour token a name, for example &quot;primary&quot; or &quot;onPrimary&quot;.</source>
        <translation>Geben Sie dem Farb-Token einen Namen, zum Beispiel „primary“ oder „onPrimary“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="326"/>
        <source>&quot;%1&quot; cannot name a colour token: use up to 64 letters, digits, dots, dashes or underscores, no spaces.</source>
        <translation>„%1“ kann kein Farb-Token benennen: bis zu 64 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche, keine Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="329"/>
        <source>The kit already has a colour token &quot;%1&quot;.</source>
        <translation>Das Kit hat schon ein Farb-Token „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="340"/>
        <location filename="../qml/app/brandkitsession.cpp" line="354"/>
        <source>Could not create the brand kit: %1</source>
        <translation>Das Brand-Kit konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="348"/>
        <source>There is no open deck to take the kit from.</source>
        <translation>Es ist kein Deck offen, aus dem das Kit kommen könnte.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="370"/>
        <source>Could not save the deck&apos;s kit: %1</source>
        <translation>Das Kit des Decks konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="381"/>
        <source>Could not duplicate the brand kit: %1</source>
        <translation>Das Brand-Kit konnte nicht dupliziert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="390"/>
        <location filename="../qml/app/brandkitsession.cpp" line="408"/>
        <source>There is no brand kit &quot;%1&quot;.</source>
        <translation>Es gibt kein Brand-Kit „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="392"/>
        <source>&quot;%1&quot; is a bundled kit and cannot be renamed; duplicate it first.</source>
        <translation>„%1“ ist ein mitgeliefertes Kit und kann nicht umbenannt werden; duplizieren Sie es zuerst.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="399"/>
        <source>Could not rename the brand kit: %1</source>
        <translation>Das Brand-Kit konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="410"/>
        <source>&quot;%1&quot; is a bundled kit and cannot be deleted.</source>
        <translation>„%1“ ist ein mitgeliefertes Kit und kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="415"/>
        <source>Could not delete the brand kit: %1</source>
        <translation>Das Brand-Kit konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="426"/>
        <location filename="../qml/app/brandkitsession.cpp" line="668"/>
        <source>Choose a brand kit first.</source>
        <translation>Wählen Sie zuerst ein Brand-Kit.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="430"/>
        <source>&quot;%1&quot; is a bundled kit and is read-only; duplicate it to change it.</source>
        <translation>„%1“ ist ein mitgeliefertes Kit und schreibgeschützt; duplizieren Sie es, um es zu ändern.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="440"/>
        <source>Could not save the brand kit: %1</source>
        <translation>Das Brand-Kit konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="451"/>
        <location filename="../qml/app/brandkitsession.cpp" line="484"/>
        <location filename="../qml/app/brandkitsession.cpp" line="498"/>
        <source>The kit has no colour token &quot;%1&quot;.</source>
        <translation>Das Kit hat kein Farb-Token „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="454"/>
        <location filename="../qml/app/brandkitsession.cpp" line="471"/>
        <source>&quot;%1&quot; is not a colour: write it as #RRGGBB, for example #1D4ED8.</source>
        <translation>„%1“ ist keine Farbe: schreiben Sie sie als #RRGGBB, zum Beispiel #1D4ED8.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="516"/>
        <source>&quot;%1&quot; cannot name a font role: use letters and digits, for example &quot;heading&quot;.</source>
        <translation>„%1“ kann keine Schriftrolle benennen: verwenden Sie Buchstaben und Ziffern, zum Beispiel „heading“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="519"/>
        <source>Choose a font family for the %1 role.</source>
        <translation>Wählen Sie eine Schriftfamilie für die Rolle %1.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="537"/>
        <source>The kit has no font role &quot;%1&quot;.</source>
        <translation>Das Kit hat keine Schriftrolle „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="552"/>
        <source>Could not import the logo: %1</source>
        <translation>Das Logo konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="565"/>
        <location filename="../qml/app/brandkitsession.cpp" line="586"/>
        <source>The kit has no logo &quot;%1&quot;.</source>
        <translation>Das Kit hat kein Logo „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="576"/>
        <source>A logo is for light or dark backgrounds, or for any.</source>
        <translation>Ein Logo ist für helle oder dunkle Hintergründe oder für jeden.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="612"/>
        <source>The smallest font size must be between 0 (none) and 400 points.</source>
        <translation>Die kleinste Schriftgröße muss zwischen 0 (keine) und 400 Punkt liegen.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="631"/>
        <source>The contrast level is AA or AAA, not &quot;%1&quot;.</source>
        <translation>Die Kontraststufe ist AA oder AAA, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="679"/>
        <source>The logo &quot;%1&quot; cannot be read: %2</source>
        <translation>Das Logo „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="691"/>
        <source>There is no open deck to apply the kit to.</source>
        <translation>Es ist kein Deck offen, auf das das Kit angewendet werden könnte.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="697"/>
        <source>The deck already uses this kit as it is.</source>
        <translation>Das Deck verwendet dieses Kit bereits genau so.</translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="706"/>
        <source>Could not make a deck from the kit: %1</source>
        <translation>Aus dem Kit konnte kein Deck werden: %1</translation>
    </message>
</context>
<context>
    <name>slidespec::Commands</name>
    <message>
        <location filename="../editor/document/commands.cpp" line="229"/>
        <source>Move element</source>
        <translation>Element verschieben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="230"/>
        <source>Move elements</source>
        <translation>Elemente verschieben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="232"/>
        <source>Resize element</source>
        <translation>Elementgröße ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="233"/>
        <source>Resize elements</source>
        <translation>Größe der Elemente ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="235"/>
        <source>Rotate element</source>
        <translation>Element drehen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="236"/>
        <source>Rotate elements</source>
        <translation>Elemente drehen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="301"/>
        <source>Nudge element</source>
        <translation>Element schrittweise verschieben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="302"/>
        <source>Nudge elements</source>
        <translation>Elemente schrittweise verschieben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="325"/>
        <source>Rename element</source>
        <translation>Element umbenennen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="326"/>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="327"/>
        <source>Lock or unlock element</source>
        <translation>Element sperren oder entsperren</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="328"/>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="329"/>
        <source>Change fill</source>
        <translation>Füllung ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="330"/>
        <source>Change outline</source>
        <translation>Kontur ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="331"/>
        <source>Change alternative text</source>
        <translation>Alternativtext ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="332"/>
        <source>Mark as decorative</source>
        <translation>Als dekorativ markieren</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="334"/>
        <source>Change component settings</source>
        <translation>Komponenteneinstellungen ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="335"/>
        <source>Replace image</source>
        <translation>Bild ersetzen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="337"/>
        <source>Change corner radius</source>
        <translation>Eckenradius ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="338"/>
        <source>Change image fit</source>
        <translation>Bildanpassung ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="402"/>
        <source>Add element</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="403"/>
        <source>Add elements</source>
        <translation>Elemente hinzufügen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="424"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="441"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="497"/>
        <source>Delete element</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="498"/>
        <source>Delete elements</source>
        <translation>Elemente löschen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="516"/>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="517"/>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="519"/>
        <source>Bring forward</source>
        <translation>Eine Ebene nach vorn</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="521"/>
        <source>Send backward</source>
        <translation>Eine Ebene nach hinten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="538"/>
        <source>Group</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="555"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="577"/>
        <source>Align left</source>
        <translation>Links ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="579"/>
        <source>Align centre</source>
        <translation>Zentriert ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="580"/>
        <source>Align right</source>
        <translation>Rechts ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="581"/>
        <source>Align top</source>
        <translation>Oben ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="582"/>
        <source>Align middle</source>
        <translation>Mittig ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="583"/>
        <source>Align bottom</source>
        <translation>Unten ausrichten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="647"/>
        <source>Distribute horizontally</source>
        <translation>Horizontal verteilen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="648"/>
        <source>Distribute vertically</source>
        <translation>Vertikal verteilen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="681"/>
        <source>Delete slide</source>
        <translation>Folie löschen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="700"/>
        <source>Move slide</source>
        <translation>Folie verschieben</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="756"/>
        <source>Skip slide</source>
        <translation>Folie überspringen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="757"/>
        <source>Show slide</source>
        <translation>Folie zeigen</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="758"/>
        <source>Edit speaker notes</source>
        <translation>Sprechernotizen bearbeiten</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="760"/>
        <source>Change background colour</source>
        <translation>Hintergrundfarbe ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="762"/>
        <source>Change background image</source>
        <translation>Hintergrundbild ändern</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="815"/>
        <source>Apply brand kit</source>
        <translation>Markenpaket anwenden</translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="840"/>
        <source>Fix issue</source>
        <translation>Problem beheben</translation>
    </message>
</context>
<context>
    <name>slidespec::DocumentController</name>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="65"/>
        <source>Untitled deck</source>
        <translation>Unbenannter Foliensatz</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="121"/>
        <source>The deck has no file yet: choose where to save it (Save As).</source>
        <translation>Der Foliensatz hat noch keine Datei: wählen Sie, wo er gespeichert werden soll (Speichern unter).</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="518"/>
        <source>Format text</source>
        <translation>Text formatieren</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="666"/>
        <source>The clipboard holds no slide elements.</source>
        <translation>Die Zwischenablage enthält keine Folienelemente.</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="702"/>
        <source>There is no layout template &quot;%1&quot;.</source>
        <translation>Es gibt keine Layoutvorlage „%1“.</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="736"/>
        <source>New slide</source>
        <translation>Neue Folie</translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="749"/>
        <source>Duplicate slide</source>
        <translation>Folie duplizieren</translation>
    </message>
</context>
<context>
    <name>slidespec::EditorSession</name>
    <message>
        <location filename="../qml/editorsession.cpp" line="201"/>
        <location filename="../qml/editorsession.cpp" line="209"/>
        <location filename="../qml/editorsession.cpp" line="217"/>
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
    <name>slidespec::TemplateLibrary</name>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="50"/>
        <source>The slide uses the image &quot;%1&quot;, which belongs to its deck; save it from the deck so the image can be embedded.</source>
        <translation>Die Folie verwendet das Bild „%1“, das zu ihrem Deck gehört; speichern Sie sie aus dem Deck, damit das Bild eingebettet werden kann.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="56"/>
        <source>Cannot embed the image &quot;%1&quot;: %2</source>
        <translation>Das Bild „%1“ kann nicht eingebettet werden: %2</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="82"/>
        <source>Cannot embed asset &quot;%1&quot; (%2) in the template: %3</source>
        <translation>Die Ressource „%1“ (%2) kann nicht in die Vorlage eingebettet werden: %3</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="118"/>
        <source>%1: cannot open the template: %2</source>
        <translation>%1: Die Vorlage kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="192"/>
        <source>%1: this template was skipped because it does not load; fix or remove the file.
%2</source>
        <translation>%1: Diese Vorlage wurde übersprungen, weil sie sich nicht laden lässt; korrigieren oder entfernen Sie die Datei.
%2</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="198"/>
        <source>%1: skipped: the id &quot;%2&quot; is already taken.</source>
        <translation>%1: übersprungen: die ID „%2“ ist schon vergeben.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="219"/>
        <source>%1: this deck template was skipped because it does not load; fix or remove the file.
%2</source>
        <translation>%1: Diese Deckvorlage wurde übersprungen, weil sie sich nicht laden lässt; korrigieren oder entfernen Sie die Datei.
%2</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="227"/>
        <source>%1: skipped: the id &quot;%2&quot; is a bundled deck template&apos;s; rename the file.</source>
        <translation>%1: übersprungen: die ID „%2“ gehört einer mitgelieferten Deckvorlage; benennen Sie die Datei um.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="285"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="318"/>
        <source>A template needs a name.</source>
        <translation>Eine Vorlage braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="289"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="322"/>
        <source>Cannot create the template folder &quot;%1&quot;.</source>
        <translation>Der Vorlagenordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="344"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="350"/>
        <source>&quot;%1&quot; is a bundled template and cannot be deleted.</source>
        <translation>„%1“ ist eine mitgelieferte Vorlage und kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="355"/>
        <source>There is no template &quot;%1&quot;.</source>
        <translation>Es gibt keine Vorlage „%1“.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="360"/>
        <source>Could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="378"/>
        <source>There is no slide template &quot;%1&quot;.</source>
        <translation>Es gibt keine Folienvorlage „%1“.</translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="403"/>
        <source>There is no deck template &quot;%1&quot;.</source>
        <translation>Es gibt keine Deckvorlage „%1“.</translation>
    </message>
</context>
<context>
    <name>slidespec::TemplateSession</name>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="67"/>
        <source>There is no editor window to open the new deck in.</source>
        <translation>Es gibt kein Editorfenster, in dem das neue Deck aufgehen könnte.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="72"/>
        <source>Could not add the new deck to the workspace: %1</source>
        <translation>Das neue Deck konnte nicht in den Arbeitsbereich aufgenommen werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="321"/>
        <source>Give the template a name.</source>
        <translation>Geben Sie der Vorlage einen Namen.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="323"/>
        <source>The name is too long: at most %1 characters.</source>
        <translation>Der Name ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="327"/>
        <source>There is already a deck template named &quot;%1&quot;.</source>
        <translation>Es gibt schon eine Deckvorlage namens „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="332"/>
        <source>There is already a slide template named &quot;%1&quot;.</source>
        <translation>Es gibt schon eine Folienvorlage namens „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="345"/>
        <location filename="../qml/app/templatesession.cpp" line="378"/>
        <source>Could not make a deck from the template: %1</source>
        <translation>Aus der Vorlage konnte kein Deck werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="351"/>
        <source>There is no slide template &quot;%1&quot;.</source>
        <translation>Es gibt keine Folienvorlage „%1“.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="393"/>
        <source>There is no open deck to insert the slide into.</source>
        <translation>Es ist kein Deck offen, in das die Folie eingefügt werden könnte.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="397"/>
        <source>Could not insert the slide: %1</source>
        <translation>Die Folie konnte nicht eingefügt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="401"/>
        <source>Insert slide from template</source>
        <translation>Folie aus Vorlage einfügen</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="409"/>
        <source>There is no slide to save: open a deck and choose a slide.</source>
        <translation>Es gibt keine Folie zum Speichern: öffnen Sie ein Deck und wählen Sie eine Folie.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="416"/>
        <source>Could not save the slide as a template: %1</source>
        <translation>Die Folie konnte nicht als Vorlage gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="425"/>
        <source>There is no deck to save: open a deck with at least one slide.</source>
        <translation>Es gibt kein Deck zum Speichern: öffnen Sie ein Deck mit mindestens einer Folie.</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="431"/>
        <source>Could not save the deck as a template: %1</source>
        <translation>Das Deck konnte nicht als Vorlage gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="441"/>
        <source>Could not delete the template: %1</source>
        <translation>Die Vorlage konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>slidespec::UndoHistoryModel</name>
    <message>
        <location filename="../qml/panels/undohistorymodel.cpp" line="48"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
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

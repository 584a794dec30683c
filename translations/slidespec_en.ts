<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BrandKitColors</name>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="43"/>
        <source>Colour tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="92"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="92"/>
        <source>background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="97"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="110"/>
        <source>New token, e.g. onSurface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="121"/>
        <source>Add colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="131"/>
        <source>Tokens named text… or onX are drawn as text; background, surface… and each X with an onX are drawn behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="139"/>
        <source>Contrast (WCAG): text tokens down, background tokens across</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="218"/>
        <source>Aa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="231"/>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="238"/>
        <source>%1 on %2: %3:1 (the kit asks %4:1%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="241"/>
        <source>; not a pairing the kit intends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitColors.qml" line="147"/>
        <source>Every intended pairing passes the kit&apos;s contrast level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/BrandKitColors.qml" line="148"/>
        <source>%n intended pairing(s) fail the kit&apos;s contrast level:</source>
        <translation>
            <numerusform>%n intended pairing fails the kit&apos;s contrast level:</numerusform>
            <numerusform>%n intended pairings fail the kit&apos;s contrast level:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrandKitDialog</name>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="29"/>
        <source>Brand kits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="37"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="59"/>
        <source>Rename brand kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="60"/>
        <source>New brand kit from this deck&apos;s kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="60"/>
        <source>New brand kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="64"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="64"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="69"/>
        <location filename="../qml/app/BrandKitDialog.qml" line="124"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="75"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="116"/>
        <source>Delete brand kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="120"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="130"/>
        <source>Delete the brand kit &quot;%1&quot;? Decks that embed it keep their colours; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="146"/>
        <source>Colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="152"/>
        <source>Import logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="153"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="204"/>
        <source>In this deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="210"/>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="224"/>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="225"/>
        <source>My brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="230"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="237"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="244"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="255"/>
        <source>New kit from this deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="258"/>
        <source>Keep the open deck&apos;s colours, fonts and logos as a kit of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="260"/>
        <source>Deck kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="266"/>
        <source>Some kit files were skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="285"/>
        <source>No kit chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="292"/>
        <source>Apply to current deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="295"/>
        <source>Restyle the open deck with this kit (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="298"/>
        <source>The open deck now uses &quot;%1&quot;; Undo restores its previous kit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="304"/>
        <source>New deck from this kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="321"/>
        <source>A built-in kit is read-only: duplicate it to make your own changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="327"/>
        <source>The open deck uses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="329"/>
        <source>a kit of its own, without a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="355"/>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="356"/>
        <source>Fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="357"/>
        <source>Logos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="358"/>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="400"/>
        <source>⚠ Not installed here: drawn with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="401"/>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="407"/>
        <location filename="../qml/app/BrandKitDialog.qml" line="501"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="415"/>
        <source>Slides name roles as brand:heading, brand:body…; a family that is not installed is replaced by its fallbacks when drawing and exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="423"/>
        <source>Role, e.g. caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="433"/>
        <source>Add role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="452"/>
        <source>Import logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="483"/>
        <source>Image missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Any background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Light backgrounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="495"/>
        <source>Dark backgrounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="511"/>
        <source>PNG, JPEG or SVG files; each image is stored once, by its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="528"/>
        <source>Smallest font size (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="537"/>
        <source>Contrast level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="545"/>
        <source>Only the kit&apos;s colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="551"/>
        <source>Only the kit&apos;s fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="559"/>
        <source>Rules for people
(one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/BrandKitDialog.qml" line="573"/>
        <source>Save rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComponentPalette</name>
    <message>
        <location filename="../qml/panels/ComponentPalette.qml" line="20"/>
        <source>Search components</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PowerPoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="14"/>
        <source>PNG images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="18"/>
        <source>Export as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/ExportDialog.qml" line="58"/>
        <source>Exported %n file(s).</source>
        <translation>
            <numerusform>Exported %n file.</numerusform>
            <numerusform>Exported %n files.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="73"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/ExportDialog.qml" line="81"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../qml/panels/HistoryPanel.qml" line="57"/>
        <source>saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/HistoryPanel.qml" line="64"/>
        <source>The deck as last opened or saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../qml/panels/Inspector.qml" line="45"/>
        <source>%n elements selected</source>
        <translation>
            <numerusform>%n element selected</numerusform>
            <numerusform>%n elements selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="46"/>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="47"/>
        <source>Element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="55"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="63"/>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="69"/>
        <source>Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="74"/>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="79"/>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="84"/>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="89"/>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="95"/>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="99"/>
        <location filename="../qml/panels/Inspector.qml" line="119"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="112"/>
        <source>Off-brand colour: pick a brand token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="114"/>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="129"/>
        <source>Outline width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="142"/>
        <source>Off-brand outline colour: pick a brand token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="144"/>
        <source>Alt text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="153"/>
        <source>Decorative (no alt text needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="160"/>
        <source>Speaker notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="166"/>
        <source>Notes for the presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="175"/>
        <source>Brand colours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="22"/>
        <source>This slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="23"/>
        <source>Whole deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="27"/>
        <source>The deck has no issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="27"/>
        <source>This slide has no issues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="63"/>
        <source>Slide %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/IssuesPanel.qml" line="72"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="16"/>
        <source>Open from workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="24"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="53"/>
        <source>New deck from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="55"/>
        <source>Blank deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="73"/>
        <source>Search decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="97"/>
        <source>Open the deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/LibraryDialog.qml" line="121"/>
        <source>%n slide(s)</source>
        <translation>
            <numerusform>%n slide</numerusform>
            <numerusform>%n slides</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="122"/>
        <source>Modified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="132"/>
        <source>No deck matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/LibraryDialog.qml" line="132"/>
        <source>No decks in the workspace yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/app/Main.qml" line="42"/>
        <location filename="../qml/app/Main.qml" line="241"/>
        <source>Untitled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="43"/>
        <source>Slidespec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="223"/>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="223"/>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="288"/>
        <source>Open deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="289"/>
        <location filename="../qml/app/Main.qml" line="297"/>
        <source>Slide specs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="209"/>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="120"/>
        <location filename="../qml/app/Main.qml" line="252"/>
        <source>Could not save to the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="121"/>
        <source>Saved to the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="152"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="152"/>
        <source>Export PowerPoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="155"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="156"/>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="161"/>
        <source>Export PNG images to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="255"/>
        <source>Your changes are saved in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="294"/>
        <source>Save deck as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="318"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="320"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="325"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="341"/>
        <source>Clear recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="346"/>
        <source>Open from workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="347"/>
        <source>New deck from template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="348"/>
        <source>Save to workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="353"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="358"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="362"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="364"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="369"/>
        <source>PowerPoint (PPTX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="370"/>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="371"/>
        <source>PNG images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="376"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="381"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="386"/>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="391"/>
        <source>Align left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="392"/>
        <source>Align centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="393"/>
        <source>Align right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="394"/>
        <source>Align top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="395"/>
        <source>Align middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="396"/>
        <source>Align bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="399"/>
        <source>Distribute horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="404"/>
        <source>Distribute vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="409"/>
        <source>Bring to front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="410"/>
        <source>Send to back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="411"/>
        <source>Bring forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="412"/>
        <source>Send backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="415"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="420"/>
        <source>Ungroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="427"/>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="432"/>
        <source>Brand kits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="436"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="441"/>
        <source>Template gallery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="443"/>
        <source>Save current slide as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="448"/>
        <source>Save deck as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="458"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="460"/>
        <source>Fit (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="473"/>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="474"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="491"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="491"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="494"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="527"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="528"/>
        <source>Issues (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="529"/>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="530"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="550"/>
        <source>Slide %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="554"/>
        <source>%n problem(s) in the deck</source>
        <translation>
            <numerusform>%n problem in the deck</numerusform>
            <numerusform>%n problems in the deck</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../qml/app/PdfViewer.qml" line="24"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/PdfViewer.qml" line="37"/>
        <source>Cannot show the PDF: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/PdfViewer.qml" line="38"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="16"/>
        <source>Recover unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="23"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="35"/>
        <source>Slidespec stopped before these decks were saved. Recover opens the autosaved deck; discard deletes the autosave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="53"/>
        <source>Untitled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="59"/>
        <source>Autosaved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="61"/>
        <source>never saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="67"/>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/RecoveryDialog.qml" line="75"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveChangesDialog</name>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="21"/>
        <source>Save changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="47"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="52"/>
        <source>Don&apos;t save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="57"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SaveChangesDialog.qml" line="66"/>
        <source>“%1” has changes that are not saved. Save them before you go on? If you don&apos;t, they are lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="16"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="23"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="34"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="38"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="43"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="51"/>
        <source>Snapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="58"/>
        <source>Show grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="64"/>
        <source>Grid size (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/SettingsDialog.qml" line="74"/>
        <source>Autosave after (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlidesPanel</name>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="106"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="136"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="141"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="146"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="152"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="172"/>
        <source>Add a slide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateGalleryDialog</name>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="31"/>
        <source>Template gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="39"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="120"/>
        <source>Save deck as template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="120"/>
        <source>Save slide as template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="124"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="129"/>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="188"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="135"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="141"/>
        <source>e.g. Quarterly update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="141"/>
        <source>e.g. Big number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="146"/>
        <source>What it is for (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="167"/>
        <source>Saved the deck as the template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="168"/>
        <source>Saved the slide as the template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="180"/>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="184"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="194"/>
        <source>Delete the template &quot;%1&quot;? Decks made from it stay as they are; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="214"/>
        <source>Search templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>All templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>Slide templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="220"/>
        <source>Deck templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="228"/>
        <source>Save current slide as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="234"/>
        <source>Save deck as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="304"/>
        <source>Deck · %n slide(s)</source>
        <translation>
            <numerusform>Deck · %n slide</numerusform>
            <numerusform>Deck · %n slides</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="304"/>
        <source>Slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="305"/>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="305"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="315"/>
        <source>No template matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="315"/>
        <source>No templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="341"/>
        <source>Choose a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="347"/>
        <source>New deck from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="353"/>
        <source>Insert slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="356"/>
        <source>Insert it after the current slide (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/TemplateGalleryDialog.qml" line="361"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="25"/>
        <source>Slidespec desktop editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>Deck file to open (default: a sample deck).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="36"/>
        <source>Cannot open %1:
%2
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::BrandKitLibrary</name>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="104"/>
        <source>%1: this brand kit was skipped because it does not load; fix or remove the file.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="110"/>
        <source>%1: skipped: its id &quot;%2&quot; is a bundled kit&apos;s; give it another id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="117"/>
        <source>%1: skipped: another file already has the id &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="172"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="215"/>
        <source>A brand kit needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="181"/>
        <source>There is no brand kit &quot;%1&quot; to start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="197"/>
        <source>There is no brand kit &quot;%1&quot; to duplicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="200"/>
        <source>Copy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="207"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="227"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="277"/>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="424"/>
        <source>There is no brand kit &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="211"/>
        <source>&quot;%1&quot; is a bundled brand kit and cannot be renamed; duplicate it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="231"/>
        <source>&quot;%1&quot; is a bundled brand kit and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="236"/>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="246"/>
        <source>A brand kit needs an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="250"/>
        <source>&quot;%1&quot; is a bundled brand kit and is read-only; duplicate it to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="254"/>
        <source>Cannot create the brand kit folder &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="261"/>
        <source>The brand kit is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="281"/>
        <source>&quot;%1&quot; is a bundled brand kit and is read-only; duplicate it to add logos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="286"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="290"/>
        <source>%1 is too large for a logo (at most %2 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="304"/>
        <source>%1 is not a PNG, JPEG or SVG image; logos must be one of those.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="312"/>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="354"/>
        <source>logo &quot;%1&quot;: %2 has no file in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="360"/>
        <source>logo &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/brand/brandkitlibrary.cpp" line="365"/>
        <source>logo &quot;%1&quot;: &quot;%2&quot; is neither asset:ID nor a data URI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::BrandKitSession</name>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="242"/>
        <source>%1 on %2: %3:1, needs %4:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="310"/>
        <source>Give the brand kit a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="312"/>
        <source>The name is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="315"/>
        <source>There is already a brand kit named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="324"/>
        <source>Give the colour token a name, for example &quot;primary&quot; or &quot;onPrimary&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="326"/>
        <source>&quot;%1&quot; cannot name a colour token: use up to 64 letters, digits, dots, dashes or underscores, no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="329"/>
        <source>The kit already has a colour token &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="340"/>
        <location filename="../qml/app/brandkitsession.cpp" line="354"/>
        <source>Could not create the brand kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="348"/>
        <source>There is no open deck to take the kit from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="370"/>
        <source>Could not save the deck&apos;s kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="381"/>
        <source>Could not duplicate the brand kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="390"/>
        <location filename="../qml/app/brandkitsession.cpp" line="408"/>
        <source>There is no brand kit &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="392"/>
        <source>&quot;%1&quot; is a bundled kit and cannot be renamed; duplicate it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="399"/>
        <source>Could not rename the brand kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="410"/>
        <source>&quot;%1&quot; is a bundled kit and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="415"/>
        <source>Could not delete the brand kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="426"/>
        <location filename="../qml/app/brandkitsession.cpp" line="668"/>
        <source>Choose a brand kit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="430"/>
        <source>&quot;%1&quot; is a bundled kit and is read-only; duplicate it to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="440"/>
        <source>Could not save the brand kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="451"/>
        <location filename="../qml/app/brandkitsession.cpp" line="484"/>
        <location filename="../qml/app/brandkitsession.cpp" line="498"/>
        <source>The kit has no colour token &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="454"/>
        <location filename="../qml/app/brandkitsession.cpp" line="471"/>
        <source>&quot;%1&quot; is not a colour: write it as #RRGGBB, for example #1D4ED8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="516"/>
        <source>&quot;%1&quot; cannot name a font role: use letters and digits, for example &quot;heading&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="519"/>
        <source>Choose a font family for the %1 role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="537"/>
        <source>The kit has no font role &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="552"/>
        <source>Could not import the logo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="565"/>
        <location filename="../qml/app/brandkitsession.cpp" line="586"/>
        <source>The kit has no logo &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="576"/>
        <source>A logo is for light or dark backgrounds, or for any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="612"/>
        <source>The smallest font size must be between 0 (none) and 400 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="631"/>
        <source>The contrast level is AA or AAA, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="679"/>
        <source>The logo &quot;%1&quot; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="691"/>
        <source>There is no open deck to apply the kit to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="697"/>
        <source>The deck already uses this kit as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/brandkitsession.cpp" line="706"/>
        <source>Could not make a deck from the kit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::Commands</name>
    <message>
        <location filename="../editor/document/commands.cpp" line="229"/>
        <source>Move element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="230"/>
        <source>Move elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="232"/>
        <source>Resize element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="233"/>
        <source>Resize elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="235"/>
        <source>Rotate element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="236"/>
        <source>Rotate elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="301"/>
        <source>Nudge element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="302"/>
        <source>Nudge elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="325"/>
        <source>Rename element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="326"/>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="327"/>
        <source>Lock or unlock element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="328"/>
        <source>Edit text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="329"/>
        <source>Change fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="330"/>
        <source>Change outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="331"/>
        <source>Change alternative text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="332"/>
        <source>Mark as decorative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="334"/>
        <source>Change component settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="335"/>
        <source>Replace image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="337"/>
        <source>Change corner radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="338"/>
        <source>Change image fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="402"/>
        <source>Add element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="403"/>
        <source>Add elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="424"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="441"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="497"/>
        <source>Delete element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="498"/>
        <source>Delete elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="516"/>
        <source>Bring to front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="517"/>
        <source>Send to back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="519"/>
        <source>Bring forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="521"/>
        <source>Send backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="538"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="555"/>
        <source>Ungroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="577"/>
        <source>Align left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="579"/>
        <source>Align centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="580"/>
        <source>Align right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="581"/>
        <source>Align top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="582"/>
        <source>Align middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="583"/>
        <source>Align bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="647"/>
        <source>Distribute horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="648"/>
        <source>Distribute vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="681"/>
        <source>Delete slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="700"/>
        <source>Move slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="756"/>
        <source>Skip slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="757"/>
        <source>Show slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="758"/>
        <source>Edit speaker notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="760"/>
        <source>Change background colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="762"/>
        <source>Change background image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="815"/>
        <source>Apply brand kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/commands.cpp" line="840"/>
        <source>Fix issue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::DocumentController</name>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="65"/>
        <source>Untitled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="121"/>
        <source>The deck has no file yet: choose where to save it (Save As).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="518"/>
        <source>Format text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="666"/>
        <source>The clipboard holds no slide elements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="702"/>
        <source>There is no layout template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="736"/>
        <source>New slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/document/documentcontroller.cpp" line="749"/>
        <source>Duplicate slide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::EditorSession</name>
    <message>
        <location filename="../qml/editorsession.cpp" line="201"/>
        <location filename="../qml/editorsession.cpp" line="209"/>
        <location filename="../qml/editorsession.cpp" line="217"/>
        <source>No document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::ExportSession</name>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="53"/>
        <source>There is no deck to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="55"/>
        <source>An export is already running: wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="57"/>
        <source>Unknown export format %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="60"/>
        <source>Choose where to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/exportsession.cpp" line="71"/>
        <source>The export could not start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::TemplateLibrary</name>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="50"/>
        <source>The slide uses the image &quot;%1&quot;, which belongs to its deck; save it from the deck so the image can be embedded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="56"/>
        <source>Cannot embed the image &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="82"/>
        <source>Cannot embed asset &quot;%1&quot; (%2) in the template: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="118"/>
        <source>%1: cannot open the template: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="192"/>
        <source>%1: this template was skipped because it does not load; fix or remove the file.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="198"/>
        <source>%1: skipped: the id &quot;%2&quot; is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="219"/>
        <source>%1: this deck template was skipped because it does not load; fix or remove the file.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="227"/>
        <source>%1: skipped: the id &quot;%2&quot; is a bundled deck template&apos;s; rename the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="285"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="318"/>
        <source>A template needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="289"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="322"/>
        <source>Cannot create the template folder &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="344"/>
        <location filename="../editor/templates/templatelibrary.cpp" line="350"/>
        <source>&quot;%1&quot; is a bundled template and cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="355"/>
        <source>There is no template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="360"/>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="378"/>
        <source>There is no slide template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../editor/templates/templatelibrary.cpp" line="403"/>
        <source>There is no deck template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::TemplateSession</name>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="67"/>
        <source>There is no editor window to open the new deck in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="72"/>
        <source>Could not add the new deck to the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="321"/>
        <source>Give the template a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="323"/>
        <source>The name is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="327"/>
        <source>There is already a deck template named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="332"/>
        <source>There is already a slide template named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="345"/>
        <location filename="../qml/app/templatesession.cpp" line="378"/>
        <source>Could not make a deck from the template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="351"/>
        <source>There is no slide template &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="393"/>
        <source>There is no open deck to insert the slide into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="397"/>
        <source>Could not insert the slide: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="401"/>
        <source>Insert slide from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="409"/>
        <source>There is no slide to save: open a deck and choose a slide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="416"/>
        <source>Could not save the slide as a template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="425"/>
        <source>There is no deck to save: open a deck with at least one slide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="431"/>
        <source>Could not save the deck as a template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/templatesession.cpp" line="441"/>
        <source>Could not delete the template: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>slidespec::UndoHistoryModel</name>
    <message>
        <location filename="../qml/panels/undohistorymodel.cpp" line="48"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="176"/>
        <source>Cannot read the autosave %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="234"/>
        <location filename="../qml/app/workspacesession.cpp" line="267"/>
        <source>The workspace is not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/workspacesession.cpp" line="238"/>
        <source>The deck %1 is not in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

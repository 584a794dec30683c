<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>Alt text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="123"/>
        <source>Decorative (no alt text needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="130"/>
        <source>Speaker notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="136"/>
        <source>Notes for the presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/Inspector.qml" line="145"/>
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
        <location filename="../qml/app/Main.qml" line="32"/>
        <source>Untitled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="33"/>
        <source>Slidespec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="186"/>
        <location filename="../qml/app/Main.qml" line="203"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="186"/>
        <location filename="../qml/app/Main.qml" line="203"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="191"/>
        <source>Open deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="192"/>
        <location filename="../qml/app/Main.qml" line="200"/>
        <source>Slide specs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="174"/>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="76"/>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="87"/>
        <source>Could not save to the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="88"/>
        <source>Saved to the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="119"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="119"/>
        <source>Export PowerPoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="122"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="123"/>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="128"/>
        <source>Export PNG images to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="197"/>
        <source>Save deck as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="213"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="215"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="220"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="236"/>
        <source>Clear recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="241"/>
        <source>Open from workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="242"/>
        <source>New deck from template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="243"/>
        <source>Save to workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="248"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="253"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="257"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="259"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="264"/>
        <source>PowerPoint (PPTX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="265"/>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="266"/>
        <source>PNG images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="271"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="276"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="281"/>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="286"/>
        <source>Align left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="287"/>
        <source>Align centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="288"/>
        <source>Align right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="289"/>
        <source>Align top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="290"/>
        <source>Align middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="291"/>
        <source>Align bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="294"/>
        <source>Distribute horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="299"/>
        <source>Distribute vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="304"/>
        <source>Bring to front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="305"/>
        <source>Send to back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="306"/>
        <source>Bring forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="307"/>
        <source>Send backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="310"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="315"/>
        <source>Ungroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="324"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="326"/>
        <source>Fit (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="339"/>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="340"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="357"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="357"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="360"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="393"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="394"/>
        <source>Issues (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="395"/>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="414"/>
        <source>Slide %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="418"/>
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
        <location filename="../qml/panels/SlidesPanel.qml" line="89"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="119"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="124"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="129"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="135"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/panels/SlidesPanel.qml" line="155"/>
        <source>Add a slide</source>
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
    <name>slidespec::EditorSession</name>
    <message>
        <location filename="../qml/editorsession.cpp" line="213"/>
        <location filename="../qml/editorsession.cpp" line="221"/>
        <location filename="../qml/editorsession.cpp" line="229"/>
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

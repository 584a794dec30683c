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
    <name>Main</name>
    <message>
        <location filename="../qml/app/Main.qml" line="25"/>
        <source>Untitled deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="26"/>
        <source>Slidespec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <location filename="../qml/app/Main.qml" line="106"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="86"/>
        <location filename="../qml/app/Main.qml" line="106"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="91"/>
        <source>Open deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="92"/>
        <location filename="../qml/app/Main.qml" line="103"/>
        <source>Slide specs (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="95"/>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="100"/>
        <source>Save deck as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="114"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="115"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="118"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="123"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="127"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="130"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="135"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="140"/>
        <source>Arrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="145"/>
        <source>Align left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="146"/>
        <source>Align centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="147"/>
        <source>Align right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="148"/>
        <source>Align top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="149"/>
        <source>Align middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="150"/>
        <source>Align bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="153"/>
        <source>Distribute horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="158"/>
        <source>Distribute vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="163"/>
        <source>Bring to front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="164"/>
        <source>Send to back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="165"/>
        <source>Bring forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="166"/>
        <source>Send backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="169"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="174"/>
        <source>Ungroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="183"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="185"/>
        <source>Fit (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="198"/>
        <source>No problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="199"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="216"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="216"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="251"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="252"/>
        <source>Issues (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="253"/>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/app/Main.qml" line="272"/>
        <source>Slide %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/app/Main.qml" line="276"/>
        <source>%n problem(s) in the deck</source>
        <translation>
            <numerusform>%n problem in the deck</numerusform>
            <numerusform>%n problems in the deck</numerusform>
        </translation>
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
        <location filename="../qml/editorsession.cpp" line="207"/>
        <location filename="../qml/editorsession.cpp" line="215"/>
        <location filename="../qml/editorsession.cpp" line="223"/>
        <source>No document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BatchEditDialog</name>
    <message numerus="yes">
        <source>%Ln stories will change.</source>
        <translation>
            <numerusform>%Ln story will change.</numerusform>
            <numerusform>%Ln stories will change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag {path}: %Ln stories.</source>
        <translation>
            <numerusform>Tag {path}: %Ln story.</numerusform>
            <numerusform>Tag {path}: %Ln stories.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag {path}: %Ln stories.</source>
        <translation>
            <numerusform>Untag {path}: %Ln story.</numerusform>
            <numerusform>Untag {path}: %Ln stories.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link {record}: %Ln stories.</source>
        <translation>
            <numerusform>Link {record}: %Ln story.</numerusform>
            <numerusform>Link {record}: %Ln stories.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln field values (below).</source>
        <translation>
            <numerusform>%Ln field value (below).</numerusform>
            <numerusform>%Ln field values (below).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Export %Ln Stories</source>
        <translation>
            <numerusform>Export %Ln Story</numerusform>
            <numerusform>Export %Ln Stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln stories to {path}</source>
        <translation>
            <numerusform>Exported %Ln story to {path}</numerusform>
            <numerusform>Exported %Ln stories to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldCopyDialog</name>
    <message numerus="yes">
        <source>The whole library (%Ln stories)</source>
        <translation>
            <numerusform>The whole library (%Ln story)</numerusform>
            <numerusform>The whole library (%Ln stories)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message numerus="yes">
        <source>{shown} of %Ln terms; {in_story} in this story.</source>
        <translation>
            <numerusform>{shown} of %Ln term; {in_story} in this story.</numerusform>
            <numerusform>{shown} of %Ln terms; {in_story} in this story.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message numerus="yes">
        <source>%Ln changes since the story was added.</source>
        <translation>
            <numerusform>%Ln change since the story was added.</numerusform>
            <numerusform>%Ln changes since the story was added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <source>%Ln records in these files cannot be read.</source>
        <translation>
            <numerusform>%Ln record in these files cannot be read.</numerusform>
            <numerusform>%Ln records in these files cannot be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln Records</source>
        <translation>
            <numerusform>Import %Ln Record</numerusform>
            <numerusform>Import %Ln Records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln into the stories they repeat.</source>
        <translation>
            <numerusform>Merged %Ln into the story it repeats.</numerusform>
            <numerusform>Merged %Ln into the stories they repeat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them with warnings: odd values were normalised or kept as given (see the details).</source>
        <translation>
            <numerusform>%Ln of them with warnings: odd values were normalised or kept as given (see the details).</numerusform>
            <numerusform>%Ln of them with warnings: odd values were normalised or kept as given (see the details).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records could not be read.</source>
        <translation>
            <numerusform>%Ln record could not be read.</numerusform>
            <numerusform>%Ln records could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln records.</source>
        <translation>
            <numerusform>Merged %Ln record.</numerusform>
            <numerusform>Merged %Ln records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message numerus="yes">
        <source>%Ln stories</source>
        <translation>
            <numerusform>%Ln story</numerusform>
            <numerusform>%Ln stories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tags</source>
        <translation>
            <numerusform>%Ln tag</numerusform>
            <numerusform>%Ln tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln authority records</source>
        <translation>
            <numerusform>%Ln authority record</numerusform>
            <numerusform>%Ln authority records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln glossary terms</source>
        <translation>
            <numerusform>%Ln glossary term</numerusform>
            <numerusform>%Ln glossary terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln collections</source>
        <translation>
            <numerusform>%Ln collection</numerusform>
            <numerusform>%Ln collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln translations</source>
        <translation>
            <numerusform>%Ln translation</numerusform>
            <numerusform>%Ln translations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <translation>
            <numerusform>%Ln attachment</numerusform>
            <numerusform>%Ln attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryFlow</name>
    <message numerus="yes">
        <source>Search index rebuilt (%Ln stories).</source>
        <translation>
            <numerusform>Search index rebuilt (%Ln story).</numerusform>
            <numerusform>Search index rebuilt (%Ln stories).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message numerus="yes">
        <source>Delete the tag “{path}”? %Ln stories will lose it.</source>
        <translation>
            <numerusform>Delete the tag “{path}”? %Ln story will lose it.</numerusform>
            <numerusform>Delete the tag “{path}”? %Ln stories will lose it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln tags inside it go too.</source>
        <translation>
            <numerusform>The %Ln tag inside it goes too.</numerusform>
            <numerusform>The %Ln tags inside it go too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message numerus="yes">
        <source>%Ln stories selected. Select one to edit it.</source>
        <translation>
            <numerusform>%Ln story selected. Select one to edit it.</numerusform>
            <numerusform>%Ln stories selected. Select one to edit it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryPane</name>
    <message numerus="yes">
        <source>{shown} of %Ln stories</source>
        <translation>
            <numerusform>{shown} of %Ln story</numerusform>
            <numerusform>{shown} of %Ln stories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryTools</name>
    <message numerus="yes">
        <source>Change the %Ln selected stories.</source>
        <translation>
            <numerusform>Change the selected story.</numerusform>
            <numerusform>Change the %Ln selected stories.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No story is selected: change all %Ln stories listed.</source>
        <translation>
            <numerusform>No story is selected: change the %Ln story listed.</numerusform>
            <numerusform>No story is selected: change all %Ln stories listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln stories.</source>
        <translation>
            <numerusform>Changed %Ln story.</numerusform>
            <numerusform>Changed %Ln stories.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamFlow</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>Delete the %Ln stories in the Trash for good?</source>
        <translation>
            <numerusform>Delete the %Ln story in the Trash for good?</numerusform>
            <numerusform>Delete the %Ln stories in the Trash for good?</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Select words in the story, then Annotate Selection.</source>
        <extracomment>the text widget the user was last in (buttons take the focus)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations of this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary term</source>
        <extracomment>the glossary&apos;s terms (id, record), for term annotations</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The glossary term these words are (found in the selection when it holds one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment, or the rendering you suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate the words selected in the story (Ctrl+Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no term: the note says what it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the glossary has no terms yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words are no longer in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the words to annotate in the title, summary or body first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Library in use</source>
        <extracomment>Fonts with Chinese glyphs, preferred in this order after the system font; the SC faces keep Simplified Chinese glyph forms (not Japanese ones).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup {name} now? The damaged file is kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <extracomment>Thumbnails made so far, by content hash (each image is read once).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to attach them; double-click one to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files (photos, PDFs, audio notes) to this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>daily, on opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a large import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngodesk backs the library up when you open it (once a day) and before merges and large imports. Restoring closes the library, puts the backup back and opens it again; the state it replaces is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet: Back Up Now makes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message>
        <source>Batch Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag: type a path, press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a tag: type a path, press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A language code such as en, zh-Hans or zh-Hant; empty: no language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Xinhua (empty: no source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set status to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set language to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set source to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags and records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text to find (empty: no replacing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace with (regular expressions: \1 is the first group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to change, then Preview: every change is shown before anything is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Preview to see every change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of the changes cannot be made (shown first, in red); change the form and preview again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing would change: the stories are like that already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} stories will change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag {path}: {n} stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag {path}: {n} stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {record}: {n} stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} field values (below).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChipEdit</name>
    <message>
        <source>Enter adds what you typed; Backspace in the empty field removes the last one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMap</name>
    <message>
        <source>Title</source>
        <extracomment>Rows shown in the preview. Sample values shown per column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags (several: a; b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People (several: a; b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations (several: a; b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places (several: a; b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in extra data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMapDialog</name>
    <message>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the story field each column of {file} fills. Columns kept in extra data stay with the story under their heading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first stories, as they will be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the title.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Could not undo “{action}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo “{action}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag 1 Story with {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %n Stories with {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag 1 Story from {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag %n Stories from {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch Edit 1 Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch Edit %n Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Tag {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Thesaurus Entry of {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link 1 Suggested Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Collection {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Collection {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add 1 Story to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Tag {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Colour of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Tag {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Tag {source} into {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Duplicate of {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Record {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Record {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {source} into {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Record {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split Record {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to Revision {n} of {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach 1 File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove 1 Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle Conflict in {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Term {term}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Term {term}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Term {term}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Annotation on “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Annotation on “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the value to keep, e.g. from both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;Combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combined value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle &amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflicts left stay listed (File &gt; Merge Conflicts…); your values are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on one side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflicts to settle. Your library keeps its own values until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts left to settle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}

(edited since the last merge; kept here until you choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side} · {who} · {at}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>the same web address</source>
        <extracomment>Why two stories look like one (``duplicates``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {score}% similar title on the same day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Likely Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 pair of stories looks like the same story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pairs of stories look like the same story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No likely duplicates: no two stories share an address, a title or a day with a similar title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldCopyDialog</name>
    <message>
        <source>Export Field Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field copy is a library of its own to take where there is no connection. Merge it back later with File &gt; Merge Library…: changes on both sides are combined, and conflicts are shown to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole library ({n} stories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stories listed now ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected stories ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file ({suffix}), for a USB stick or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder for the Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Copy File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broader tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden renderings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>BibTeX or BibLaTeX</source>
        <extracomment>File formats by their English titles (``formats`` TITLE, ``exporting`` descriptions).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CDB listing (plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSL-JSON (Zotero, Pandoc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS or Atom feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngodesk JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dublin Core (OAI-PMH ListRecords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIS (reference managers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WordPress export (WXR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSV table (tab-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngodesk JSON (everything, for another library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dublin Core XML (OAI-PMH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML catalogue (printable)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Filter: Chinese, pinyin or English…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only terms in this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;rm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ndering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from the term when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not: {forbidden}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} terms; {in_story} in this story.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>What</source>
        <extracomment>Characters of a value shown in the list (the tooltip has more).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go Back to This Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the story as it was at the chosen revision (fields, tags and records); you can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a story to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision {n} · {when} · {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision 1 · {when} · added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes since the story was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes since the story was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before: {old}
After: {new}
By {who}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTypes</name>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments (media library entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of type “{type}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTypesDialog</name>
    <message>
        <source>Import WordPress Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; holds these kinds of items. Which of them should become stories?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <extracomment>Languages translations are made into (``translations.LANGUAGES``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (simplified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (traditional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ngodesk — {name}</source>
        <extracomment>After an edit in the editor, the list&apos;s order and counts follow this late. Imports of up to this many stories are one undo step (taking back 10,000 took ~10 s, on the GUI thread); larger ones are not undoable. Files that may be tables: their columns are mapped in a dialog first. Files whose import may ask for choices first (tables, WordPress exports). Columns hidden until the user shows them (header context menu). a backup (path) to put back: the owner closes this window first</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngodesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: words, &quot;phrases&quot;, -exclude, tag:, org:, year:2018, 丝路 or silu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words must all match; &quot;exact phrase&quot;; -word excludes; a OR b; (groups);
fields: tag: org: person: place: source: title: lang: status: year:2015..2018 date: is:untagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (read-only)</source>
        <extracomment>Set while a refresh deselects the story being edited (it stays). Until the user moves the splitter (or one is restored), the panes share the window&apos;s width in proportion: see resizeEvent.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the running task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a story to the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stories from files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the listed stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Selected Stories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the stories selected in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Field &amp;Copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Co&amp;nflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild Search &amp;Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest &amp;Records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authority Records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Thesaurus Entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts on the tag selected in the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ngodesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ngodesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ngodesk {version}
An offline catalogue of news stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an ngodesk library (it has no {file}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story files, format recognised ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files, format recognised (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records in these files cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the other {n} records, or nothing? The details list what cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {n} Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {added}; skipped {skipped} already in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged {n} into the stories they repeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import of more than {n:,} stories cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Into Those Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Them Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged {n} records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stories to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {n} Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} stories to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the {n} selected stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No story is selected: change all {n} stories listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stories to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed {n} stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field copy written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the field copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field copies and libraries (*{suffix} {db})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} {kind} {how}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: {summary}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the library as it was on {when}? Changes made since are set aside (the current state is backed up first, so this can be reversed by restoring that backup).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Duplicate Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stories to look at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for records named in the stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search index rebuilt ({n} stories).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stories match. Change the search or click “All stories” to clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no stories yet. Add one with Story &gt; New Story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeStoriesDialog</name>
    <message>
        <source>Merge Duplicate Stories</source>
        <extracomment>Characters of a value shown (the tooltip holds more).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These stories look like one ({reason}). Pick the value to keep in each row; tags, linked records, translations, annotations and collection places of both are kept. The other story&apos;s uuid will lead to the one kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story A (left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story B (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the record of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept from both: tags {a} + {b}, records {c} + {d}, translations {e} + {f}, annotations {g} + {h}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in each story&apos;s history with the changes you make (empty: {name}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when ngodesk next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Authority Records</source>
        <extracomment>Stories listed at most when splitting a record.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other {kind} to merge “{name}” into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({n} stories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{name}” into (its stories move there, its names become alternative names):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{name}”? {n} stories lose the link to it. You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the catalogue files it under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names in other languages and scripts, acronyms, old names. Tick Preferred for the name to use in that language (one per language).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. foundation, university, city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. a Wikidata id such as Q5100608 (kept as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xternal id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record to see also</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See also</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;See also:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{a}” and “{b}” cannot both be preferred in {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>Authority Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a record by any of its names (中文, English, acronym…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record has a name like “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records yet: New… makes one; so does linking a name to a story in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Browse</source>
        <extracomment>Records listed per section at most (the most frequent in the result). (query text, filters) of a saved search the user chose story ids to export (a collection&apos;s) (generation, saved search id -&gt; count), from the counting thread</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags and facets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stories</source>
        <extracomment>what the window searches for now and which stories are selected (set by the window; saving a search and making a collection use them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all stories: clear the search and the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show only these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to exclude these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to drop this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tags yet (right-click to add one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sidebar filters only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved search: {query}. Click to run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet (right-click to save a search or make one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{language}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag Inside “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thesaurus Entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Only These</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude These</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Current Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection from Selected Stories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Selected Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the collection “{name}”? Its stories stay in the library. You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the tag “{path}”? 1 story will lose it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “{path}”? %n stories will lose it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The tag inside it goes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n tags inside it go too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new {kind} takes the names and stories you tick away from “{name}”; the two will see each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names it takes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories about it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>draft</source>
        <extracomment>Story statuses (``StoryStatus``), story-list and sidebar words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untranslated</source>
        <extracomment>Translation statuses (``TranslationStatus``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>Glossary term statuses (``TermStatus``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <source>Select a story to see and edit it here.</source>
        <extracomment>Fields whose value was refused, and the last reason (shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2018, 2018-12 or 2018-12-07</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag (Region/Asia)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an organisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <extracomment>field name -&gt; (read the widget, write the widget) The field widgets: focus entering one starts a visit, leaving saves. Tag paths and record names offered as completions: read again only after tags or records changed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ranslation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved in “{title}”: {reason}. The story keeps its earlier value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n:,} stories selected. Select one to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <extracomment>Stories in the library when last counted (for empty-state hints). Recently shown blocks of rows; None marks a story deleted meanwhile.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggested Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} suggestions: records that seem to be named in {m} of the {s} stories chosen and are not linked to them. Untick those that are wrong: they will not be suggested again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions: no record&apos;s name or alternative name stands in the {s} stories chosen that they are not linked to already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link Ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &amp;None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThesaurusDialog</name>
    <message>
        <source>Thesaurus Entry of “{path}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another name, e.g. Burma for Myanmar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Synonyms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag to see also</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Related:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this tag is for, and what it is not for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <source>Your name, kept with what you translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translated {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PreviewModel</name>
    <message>
        <source>Story</source>
        <extracomment>Characters of context shown on each side of a change in the preview.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

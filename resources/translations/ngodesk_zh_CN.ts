<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Select words in the story, then Annotate Selection.</source>
        <extracomment>the text widget the user was last in (buttons take the focus)</extracomment>
        <translation>先在报道中选中文字，再点击“批注所选”。</translation>
    </message>
    <message>
        <source>Annotations of this story</source>
        <translation>本报道的批注</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <extracomment>the glossary&apos;s terms (id, record), for term annotations</extracomment>
        <translation>术语</translation>
    </message>
    <message>
        <source>The glossary term these words are (found in the selection when it holds one)</source>
        <translation>这些文字对应的术语（选中内容含有术语时自动识别）</translation>
    </message>
    <message>
        <source>Comment, or the rendering you suggest</source>
        <translation>评论，或您建议的译法</translation>
    </message>
    <message>
        <source>&amp;Annotate Selection</source>
        <translation>批注所选(&amp;A)</translation>
    </message>
    <message>
        <source>Annotate the words selected in the story (Ctrl+Alt+A)</source>
        <translation>为报道中选中的文字添加批注（Ctrl+Alt+A）</translation>
    </message>
    <message>
        <source>Save Text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>(no term: the note says what it is)</source>
        <translation>（无术语：由批注说明）</translation>
    </message>
    <message>
        <source>(the glossary has no terms yet)</source>
        <translation>（术语表中还没有术语）</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>批注（可选）</translation>
    </message>
    <message>
        <source>The words are no longer in the text.</source>
        <translation>原文中已找不到这些文字。</translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation>作者：{author}</translation>
    </message>
    <message>
        <source>Select the words to annotate in the title, summary or body first.</source>
        <translation>请先在标题、摘要或正文中选中要批注的文字。</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Suggested rendering</source>
        <translation>建议译法</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>术语</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Not a library</source>
        <extracomment>The desktop entry&apos;s id (packaging/io.github.ngodesk.Ngodesk.desktop). Fonts with Chinese glyphs, preferred in this order after the system font; the SC faces keep Simplified Chinese glyph forms (not Japanese ones).</extracomment>
        <translation>不是资料库</translation>
    </message>
    <message>
        <source>{folder} holds other files and no ngodesk library. Make a new library in it?</source>
        <translation>{folder} 中有其他文件，但没有 ngodesk 资料库。要在其中新建资料库吗？</translation>
    </message>
    <message>
        <source>Library in use</source>
        <translation>资料库正在使用中</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>以只读方式打开吗？</translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation>无法打开资料库</translation>
    </message>
    <message>
        <source>Library damaged</source>
        <translation>资料库已损坏</translation>
    </message>
    <message>
        <source>Restore the backup {name} now? The damaged file is kept beside it.</source>
        <translation>现在恢复备份 {name} 吗？已损坏的文件会保留在同一位置。</translation>
    </message>
    <message>
        <source>Field Copy</source>
        <translation>外业副本</translation>
    </message>
    <message>
        <source>{name} is a field copy of a library. Open it to work in it (it is unpacked into a folder beside the file), or merge it into your library?</source>
        <translation>{name} 是某个资料库的外业副本。要打开它进行工作（它会被解压到文件旁边的文件夹中），还是将其合并到您的资料库？</translation>
    </message>
    <message>
        <source>&amp;Open the Copy</source>
        <translation>打开副本(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Merge into My Library</source>
        <translation>合并到我的资料库(&amp;M)</translation>
    </message>
    <message>
        <source>Cannot open the field copy</source>
        <translation>无法打开外业副本</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Attachments</source>
        <extracomment>Thumbnails made so far, by content hash (each image is read once).</extracomment>
        <translation>附件</translation>
    </message>
    <message>
        <source>Drop files here to attach them; double-click one to open it.</source>
        <translation>将文件拖放到此处即可添加为附件；双击附件可将其打开。</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Attach files (photos, PDFs, audio notes) to this story</source>
        <translation>为本报道添加附件（照片、PDF、录音笔记）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>打开附件</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>daily, on opening</source>
        <translation>每日，打开时</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>手动创建</translation>
    </message>
    <message>
        <source>before a large import</source>
        <translation>大批量导入前</translation>
    </message>
    <message>
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>ngodesk backs the library up when you open it (once a day) and before merges and large imports. Restoring closes the library, puts the backup back and opens it again; the state it replaces is backed up first.</source>
        <translation>ngodesk 会在您打开资料库时（每天一次）以及合并和大批量导入之前自动备份资料库。恢复时会关闭资料库、放回备份并重新打开；被替换的当前状态会先行备份。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>No backups yet: Back Up Now makes one.</source>
        <translation>还没有备份：点击“立即备份”即可创建。</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <source>backups</source>
        <translation>个备份</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message>
        <source>Batch Edit</source>
        <translation>批量编辑</translation>
    </message>
    <message>
        <source>Add a tag: type a path, press Enter</source>
        <translation>添加标签：输入路径后按 Enter</translation>
    </message>
    <message>
        <source>Tags to add</source>
        <translation>要添加的标签</translation>
    </message>
    <message>
        <source>Remove a tag: type a path, press Enter</source>
        <translation>移除标签：输入路径后按 Enter</translation>
    </message>
    <message>
        <source>Tags to remove</source>
        <translation>要移除的标签</translation>
    </message>
    <message>
        <source>A language code such as en, zh-Hans or zh-Hant; empty: no language</source>
        <translation>语言代码，如 en、zh-Hans 或 zh-Hant；留空表示无语言</translation>
    </message>
    <message>
        <source>e.g. Xinhua (empty: no source)</source>
        <translation>如：新华社（留空表示无来源）</translation>
    </message>
    <message>
        <source>Set status to</source>
        <translation>将状态设为</translation>
    </message>
    <message>
        <source>Set language to</source>
        <translation>将语言设为</translation>
    </message>
    <message>
        <source>Set source to</source>
        <translation>将来源设为</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Tags and records</source>
        <translation>标签与规范记录</translation>
    </message>
    <message>
        <source>Add tags:</source>
        <translation>添加标签：</translation>
    </message>
    <message>
        <source>Remove tags:</source>
        <translation>移除标签：</translation>
    </message>
    <message>
        <source>Link record:</source>
        <translation>关联规范记录：</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>text to find (empty: no replacing)</source>
        <translation>要查找的文本（留空则不替换）</translation>
    </message>
    <message>
        <source>replace with (regular expressions: \1 is the first group)</source>
        <translation>替换为（正则表达式中 \1 表示第一个分组）</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Find and replace</source>
        <translation>查找替换</translation>
    </message>
    <message>
        <source>In:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Choose what to change, then Preview: every change is shown before anything is applied.</source>
        <translation>选择要修改的内容，然后点击“预览”：应用之前会列出每一处更改。</translation>
    </message>
    <message>
        <source>Press Preview to see every change.</source>
        <translation>点击“预览”查看每一处更改。</translation>
    </message>
    <message>
        <source>Working out the changes</source>
        <translation>正在计算更改</translation>
    </message>
    <message>
        <source>{n} of the changes cannot be made (shown first, in red); change the form and preview again.</source>
        <translation>有 {n} 处更改无法进行（以红色显示在最前面）；请修改设置后重新预览。</translation>
    </message>
    <message>
        <source>Nothing would change: the stories are like that already.</source>
        <translation>不会有任何更改：报道已是这一状态。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stories will change.</source>
        <translation>
            <numerusform>将修改 %Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag {path}: %Ln stories.</source>
        <translation>
            <numerusform>添加标签 {path}：%Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag {path}: %Ln stories.</source>
        <translation>
            <numerusform>移除标签 {path}：%Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link {record}: %Ln stories.</source>
        <translation>
            <numerusform>关联 {record}：%Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln field values (below).</source>
        <translation>
            <numerusform>%Ln 个字段值（见下方）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChipEdit</name>
    <message>
        <source>Enter adds what you typed; Backspace in the empty field removes the last one</source>
        <extracomment>what the popup offers, by row the chip under the mouse (-1: none), for its context menu</extracomment>
        <translation>按 Enter 添加输入的内容；在空白输入框中按 Backspace 删除最后一项</translation>
    </message>
    <message>
        <source>Type any name of a record (中文, English, pinyin, acronym); Enter takes the first one offered</source>
        <translation>输入记录的任一名称（中文、英文、拼音、缩写）；按 Enter 选取第一个建议</translation>
    </message>
    <message>
        <source>Make First</source>
        <translation>设为第一</translation>
    </message>
    <message>
        <source>Remove {value}</source>
        <translation>移除“{value}”</translation>
    </message>
</context>
<context>
    <name>CollectionsSection</name>
    <message>
        <source>Collections</source>
        <extracomment>A saved search&apos;s count (or &quot;?&quot;) and what went wrong counting it (&quot;&quot;).</extracomment>
        <translation>合集</translation>
    </message>
    <message>
        <source>Counting the saved searches</source>
        <translation>统计已保存搜索的报道数</translation>
    </message>
    <message>
        <source>(sidebar filters only)</source>
        <translation>（仅侧栏筛选）</translation>
    </message>
    <message>
        <source>Saved search: {query}. Click to run it.</source>
        <translation>已存搜索：{query}。单击即可运行。</translation>
    </message>
    <message>
        <source>None yet (right-click to save a search or make one)</source>
        <translation>暂无（右键单击可保存搜索或新建合集）</translation>
    </message>
    <message>
        <source>Could not count the saved searches: {error}</source>
        <translation>无法统计已保存搜索的报道数：{error}</translation>
    </message>
    <message>
        <source>Save Current Search…</source>
        <translation>保存当前搜索…</translation>
    </message>
    <message>
        <source>New Collection from Selected Stories…</source>
        <translation>用所选报道新建合集…</translation>
    </message>
    <message>
        <source>Add Selected Stories</source>
        <translation>添加所选报道</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation>已存搜索的名称：</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>新建合集</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>合集名称：</translation>
    </message>
    <message>
        <source>Rename Collection</source>
        <translation>重命名合集</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete the collection “{name}”? Its stories stay in the library. You can undo this.</source>
        <translation>删除合集“{name}”吗？其中的报道仍会保留在资料库中。此操作可撤销。</translation>
    </message>
    <message>
        <source>Delete Collection</source>
        <translation>删除合集</translation>
    </message>
</context>
<context>
    <name>ColumnMap</name>
    <message>
        <source>Title</source>
        <extracomment>Rows shown in the preview. Sample values shown per column.</extracomment>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Tags (several: a; b)</source>
        <translation>标签（多个：a; b）</translation>
    </message>
    <message>
        <source>People (several: a; b)</source>
        <translation>人物（多个：a; b）</translation>
    </message>
    <message>
        <source>Organisations (several: a; b)</source>
        <translation>机构（多个：a; b）</translation>
    </message>
    <message>
        <source>Places (several: a; b)</source>
        <translation>地点（多个：a; b）</translation>
    </message>
    <message>
        <source>Keep in extra data</source>
        <translation>保留为附加数据</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>ColumnMapDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Choose the story field each column of {file} fills. Columns kept in extra data stay with the story under their heading.</source>
        <translation>为 {file} 的每一列选择要填入的报道字段。保留为附加数据的列将以其列标题随报道一起保存。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Story field</source>
        <translation>报道字段</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The first stories, as they will be imported:</source>
        <translation>前几篇报道的导入效果：</translation>
    </message>
    <message>
        <source>Choose the column that holds the title.</source>
        <translation>请选择包含标题的列。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Could not undo “{action}”: {reason}</source>
        <extracomment>what the next undo or redo changed, done already off the GUI thread (see ``off_thread``): it is only announced</extracomment>
        <translation>无法撤销“{action}”：{reason}</translation>
    </message>
    <message>
        <source>Could not redo “{action}”: {reason}</source>
        <translation>无法重做“{action}”：{reason}</translation>
    </message>
    <message>
        <source>Edit {fields}</source>
        <translation>编辑{fields}</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加“{name}”</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除“{name}”</translation>
    </message>
    <message>
        <source>Make {name} First</source>
        <translation>将 {name} 设为第一</translation>
    </message>
    <message>
        <source>Tag 1 Story with {path}</source>
        <translation>为 1 篇报道添加标签“{path}”</translation>
    </message>
    <message>
        <source>Tag %Ln Stories with {path}</source>
        <translation>为 %Ln 篇报道添加标签“{path}”</translation>
    </message>
    <message>
        <source>Untag 1 Story from {path}</source>
        <translation>移除 1 篇报道的标签“{path}”</translation>
    </message>
    <message>
        <source>Untag %Ln Stories from {path}</source>
        <translation>移除 %Ln 篇报道的标签“{path}”</translation>
    </message>
    <message>
        <source>Batch Edit 1 Story</source>
        <translation>批量编辑 1 篇报道</translation>
    </message>
    <message>
        <source>Batch Edit %Ln Stories</source>
        <translation>批量编辑 %Ln 篇报道</translation>
    </message>
    <message>
        <source>New Story</source>
        <translation>新建报道</translation>
    </message>
    <message>
        <source>Delete Story</source>
        <translation>删除报道</translation>
    </message>
    <message>
        <source>Delete %Ln Stories</source>
        <translation>删除 %Ln 篇报道</translation>
    </message>
    <message>
        <source>Restore Story</source>
        <translation>恢复报道</translation>
    </message>
    <message>
        <source>Restore %Ln Stories</source>
        <translation>恢复 %Ln 篇报道</translation>
    </message>
    <message>
        <source>New Tag {name}</source>
        <translation>新建标签“{name}”</translation>
    </message>
    <message>
        <source>Rename Tag {old} to {new}</source>
        <translation>将标签“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Edit Thesaurus Entry of {path}</source>
        <translation>编辑“{path}”的叙词表条目</translation>
    </message>
    <message>
        <source>Link 1 Suggested Record</source>
        <translation>关联 1 条建议的规范记录</translation>
    </message>
    <message>
        <source>Link %Ln Suggested Records</source>
        <translation>关联 %Ln 条建议的规范记录</translation>
    </message>
    <message>
        <source>Save Search {name}</source>
        <translation>保存搜索“{name}”</translation>
    </message>
    <message>
        <source>New Collection {name}</source>
        <translation>新建合集“{name}”</translation>
    </message>
    <message>
        <source>Delete Collection {name}</source>
        <translation>删除合集“{name}”</translation>
    </message>
    <message>
        <source>Rename Collection {old} to {new}</source>
        <translation>将合集“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Add 1 Story to {name}</source>
        <translation>将 1 篇报道添加到“{name}”</translation>
    </message>
    <message>
        <source>Add %Ln Stories to {name}</source>
        <translation>将 %Ln 篇报道加入 {name}</translation>
    </message>
    <message>
        <source>Remove 1 Story from {name}</source>
        <translation>从 {name} 移除 1 篇报道</translation>
    </message>
    <message>
        <source>Remove %Ln Stories from {name}</source>
        <translation>从 {name} 移除 %Ln 篇报道</translation>
    </message>
    <message>
        <source>Move Tag {name}</source>
        <translation>移动标签“{name}”</translation>
    </message>
    <message>
        <source>Set Colour of {name}</source>
        <translation>设置“{name}”的颜色</translation>
    </message>
    <message>
        <source>Delete Tag {name}</source>
        <translation>删除标签“{name}”</translation>
    </message>
    <message>
        <source>Merge Tag {source} into {target}</source>
        <translation>将标签“{source}”合并到“{target}”</translation>
    </message>
    <message>
        <source>Import Story</source>
        <translation>导入报道</translation>
    </message>
    <message>
        <source>Import %Ln Stories</source>
        <translation>导入 %Ln 篇报道</translation>
    </message>
    <message>
        <source>Merge Duplicate</source>
        <translation>合并重复报道</translation>
    </message>
    <message>
        <source>Merge %Ln Duplicates</source>
        <translation>合并 %Ln 组重复</translation>
    </message>
    <message>
        <source>Merge Duplicate of {title}</source>
        <translation>合并“{title}”的重复报道</translation>
    </message>
    <message>
        <source>New Record {name}</source>
        <translation>新建规范记录“{name}”</translation>
    </message>
    <message>
        <source>Edit Record {name}</source>
        <translation>编辑规范记录“{name}”</translation>
    </message>
    <message>
        <source>Merge {source} into {target}</source>
        <translation>将“{source}”合并到“{target}”</translation>
    </message>
    <message>
        <source>Delete Record {name}</source>
        <translation>删除规范记录“{name}”</translation>
    </message>
    <message>
        <source>Split Record {name}</source>
        <translation>拆分规范记录“{name}”</translation>
    </message>
    <message>
        <source>Go Back to Revision {n} of {title}</source>
        <translation>将“{title}”回退到版本 {n}</translation>
    </message>
    <message>
        <source>Attach 1 File</source>
        <translation>添加 1 个附件</translation>
    </message>
    <message>
        <source>Attach %Ln Files</source>
        <translation>附加 %Ln 个文件</translation>
    </message>
    <message>
        <source>Remove 1 Attachment</source>
        <translation>移除 1 个附件</translation>
    </message>
    <message>
        <source>Remove %Ln Attachments</source>
        <translation>移除 %Ln 个附件</translation>
    </message>
    <message>
        <source>Settle Conflict in {label}</source>
        <translation>解决“{label}”中的冲突</translation>
    </message>
    <message>
        <source>Translate {field}</source>
        <translation>翻译{field}</translation>
    </message>
    <message>
        <source>New Term {term}</source>
        <translation>新建术语“{term}”</translation>
    </message>
    <message>
        <source>Edit Term {term}</source>
        <translation>编辑术语“{term}”</translation>
    </message>
    <message>
        <source>Delete Term {term}</source>
        <translation>删除术语“{term}”</translation>
    </message>
    <message>
        <source>Annotate “{quote}”</source>
        <translation>批注“{quote}”</translation>
    </message>
    <message>
        <source>Edit Annotation on “{quote}”</source>
        <translation>编辑“{quote}”的批注</translation>
    </message>
    <message>
        <source>Delete Annotation on “{quote}”</source>
        <translation>删除“{quote}”的批注</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge Conflicts</source>
        <translation>合并冲突</translation>
    </message>
    <message>
        <source>Write the value to keep, e.g. from both</source>
        <translation>填写要保留的值，例如综合双方的内容</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Use &amp;Combined</source>
        <translation>使用合并后的值(&amp;C)</translation>
    </message>
    <message>
        <source>Combined value:</source>
        <translation>合并后的值：</translation>
    </message>
    <message>
        <source>Settle &amp;Later</source>
        <translation>稍后解决(&amp;L)</translation>
    </message>
    <message>
        <source>The conflicts left stay listed (File &gt; Merge Conflicts…); your values are kept.</source>
        <translation>未解决的冲突会继续列出（文件 &gt; 合并冲突…）；您的值保持不变。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Authority record</source>
        <translation>规范记录</translation>
    </message>
    <message>
        <source>Glossary term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>合集</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Deleted on one side</source>
        <translation>一方已删除</translation>
    </message>
    <message>
        <source>{what}: {label}</source>
        <translation>{what}：{label}</translation>
    </message>
    <message>
        <source>1 conflict to settle. Your library keeps its own value until you choose.</source>
        <translation>有 1 处冲突待解决。在您作出选择之前，本资料库保留自己的值。</translation>
    </message>
    <message>
        <source>{n} conflicts to settle. Your library keeps its own values until you choose.</source>
        <translation>有 {n} 处冲突待解决。在您作出选择之前，本资料库保留自己的值。</translation>
    </message>
    <message>
        <source>No conflicts left to settle.</source>
        <translation>没有待解决的冲突了。</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>本资料库</translation>
    </message>
    <message>
        <source>Merged in</source>
        <translation>并入方</translation>
    </message>
    <message>
        <source>{label}

(edited since the last merge; kept here until you choose)</source>
        <translation>{label}

（上次合并后有过修改；在您作出选择之前保留在此处）</translation>
    </message>
    <message>
        <source>(deleted here)</source>
        <translation>（此处已删除）</translation>
    </message>
    <message>
        <source>(deleted there)</source>
        <translation>（对方已删除）</translation>
    </message>
    <message>
        <source>&amp;Delete It</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep It</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>{side} · {who} · {at}</source>
        <translation>{side} · {who} · {at}</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Likely Duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>疑似重复于</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Show in List</source>
        <translation>在列表中显示</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>1 pair of stories looks like the same story.</source>
        <translation>有 1 对报道疑似为同一篇。</translation>
    </message>
    <message>
        <source>{n} pairs of stories look like the same story.</source>
        <translation>有 {n} 对报道疑似为同一篇。</translation>
    </message>
    <message>
        <source>No likely duplicates: no two stories share an address, a title or a day with a similar title.</source>
        <translation>未发现疑似重复：没有任何两篇报道网址相同、标题相同，或在同一天发布且标题相似。</translation>
    </message>
    <message>
        <source>Merged. </source>
        <translation>已合并。</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>No stories to export.</source>
        <translation>没有可导出的报道。</translation>
    </message>
    <message numerus="yes">
        <source>Export %Ln Stories</source>
        <translation>
            <numerusform>导出 %Ln 篇报道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln stories to {path}</source>
        <translation>
            <numerusform>已将 %Ln 篇报道导出到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Field copy written to {path}.</source>
        <translation>外业副本已写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the field copy</source>
        <translation>正在写入外业副本</translation>
    </message>
</context>
<context>
    <name>FieldCopyDialog</name>
    <message>
        <source>Export Field Copy</source>
        <translation>导出外业副本</translation>
    </message>
    <message>
        <source>A field copy is a library of its own to take where there is no connection. Merge it back later with File &gt; Merge Library…: changes on both sides are combined, and conflicts are shown to you.</source>
        <translation>外业副本是一个独立的资料库，可带到没有网络的地方使用。之后可通过“文件 &gt; 合并资料库…”将其合并回来：双方的更改会合并在一起，冲突会列出供您处理。</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>报道</translation>
    </message>
    <message numerus="yes">
        <source>The whole library (%Ln stories)</source>
        <translation>
            <numerusform>整个资料库（%Ln 篇报道）</numerusform>
        </translation>
    </message>
    <message>
        <source>The stories listed now ({n})</source>
        <translation>当前列出的报道（{n} 篇）</translation>
    </message>
    <message>
        <source>The selected stories ({n})</source>
        <translation>所选报道（{n} 篇）</translation>
    </message>
    <message>
        <source>One file ({suffix}), for a USB stick or e-mail</source>
        <translation>单个文件（{suffix}），适合用 U 盘或电子邮件传递</translation>
    </message>
    <message>
        <source>A library folder</source>
        <translation>资料库文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>New Folder for the Copy</source>
        <translation>存放副本的新文件夹</translation>
    </message>
    <message>
        <source>Field copies</source>
        <translation>外业副本</translation>
    </message>
    <message>
        <source>Field Copy File</source>
        <translation>外业副本文件</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Scope note</source>
        <translation>范围注释</translation>
    </message>
    <message>
        <source>Broader tag</source>
        <translation>上位标签</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部标识符</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Traditional form</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>译法</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>其他译法</translation>
    </message>
    <message>
        <source>Forbidden renderings</source>
        <translation>禁用译法</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>译者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>原文片段</translation>
    </message>
    <message>
        <source>Passage lost</source>
        <translation>原文片段已丢失</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <source>ngodesk</source>
        <extracomment>The ids of the stories a flow acts on: those listed, or those selected.</extracomment>
        <translation>ngodesk</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>BibTeX or BibLaTeX</source>
        <extracomment>File formats by their English titles (``formats`` TITLE, ``exporting`` descriptions).</extracomment>
        <translation>BibTeX 或 BibLaTeX</translation>
    </message>
    <message>
        <source>CDB listing (plain text)</source>
        <translation>CDB 列表（纯文本）</translation>
    </message>
    <message>
        <source>CSL-JSON (Zotero, Pandoc)</source>
        <translation>CSL-JSON（Zotero、Pandoc）</translation>
    </message>
    <message>
        <source>RSS or Atom feed</source>
        <translation>RSS 或 Atom 订阅源</translation>
    </message>
    <message>
        <source>ngodesk JSON</source>
        <translation>ngodesk JSON</translation>
    </message>
    <message>
        <source>Dublin Core (OAI-PMH ListRecords)</source>
        <translation>Dublin Core（OAI-PMH ListRecords）</translation>
    </message>
    <message>
        <source>RIS (reference managers)</source>
        <translation>RIS（文献管理软件）</translation>
    </message>
    <message>
        <source>WordPress export (WXR)</source>
        <translation>WordPress 导出文件（WXR）</translation>
    </message>
    <message>
        <source>Zotero RDF</source>
        <translation>Zotero RDF</translation>
    </message>
    <message>
        <source>MODS (library catalogues)</source>
        <translation>MODS（图书馆目录）</translation>
    </message>
    <message>
        <source>EndNote XML</source>
        <translation>EndNote XML</translation>
    </message>
    <message>
        <source>NoteExpress (CNKI)</source>
        <translation>NoteExpress（中国知网）</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>TSV table (tab-separated)</source>
        <translation>TSV 表格（制表符分隔）</translation>
    </message>
    <message>
        <source>ngodesk JSON (everything, for another library)</source>
        <translation>ngodesk JSON（全部数据，用于另一个资料库）</translation>
    </message>
    <message>
        <source>CSV spreadsheet (UTF-8)</source>
        <translation>CSV 电子表格（UTF-8）</translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <source>Dublin Core XML (OAI-PMH)</source>
        <translation>Dublin Core XML（OAI-PMH）</translation>
    </message>
    <message>
        <source>HTML catalogue (printable)</source>
        <translation>HTML 目录（可打印）</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Filter: Chinese, pinyin or English…</source>
        <translation>筛选：中文、拼音或英文…</translation>
    </message>
    <message>
        <source>Only terms in this story</source>
        <translation>仅显示本报道中的术语</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>译法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Te&amp;rm</source>
        <translation>术语(&amp;R)</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Re&amp;ndering</source>
        <translation>译法(&amp;N)</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>其他译法</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>禁用译法</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>made from the term when empty</source>
        <translation>留空则根据术语自动生成</translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation>以“;”分隔</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>New Term</source>
        <translation>新建术语</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Not: {forbidden}</source>
        <translation>禁用：{forbidden}</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln terms; {in_story} in this story.</source>
        <translation>
            <numerusform>共 %Ln 个术语，显示 {shown} 个；本报道中有 {in_story} 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>ngodesk User Guide</source>
        <extracomment>The guide&apos;s translations: interface language -&gt; folder in the guide.</extracomment>
        <translation>ngodesk 用户指南</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>The user guide is not installed ({path} is missing).</source>
        <translation>未安装用户指南（缺少 {path}）。</translation>
    </message>
    <message>
        <source>ngodesk User Guide: {page}</source>
        <translation>ngodesk 用户指南：{page}</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>What</source>
        <extracomment>Characters of a value shown in the list (the tooltip has more).</extracomment>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>&amp;Go Back to This Revision</source>
        <translation>回退到此版本(&amp;G)</translation>
    </message>
    <message>
        <source>Make the story as it was at the chosen revision (fields, tags and records); you can undo this.</source>
        <translation>将报道恢复为所选版本时的状态（字段、标签和规范记录）；此操作可撤销。</translation>
    </message>
    <message>
        <source>Select a story to see its history.</source>
        <translation>选择一篇报道以查看其历史。</translation>
    </message>
    <message>
        <source>Revision {n} · {when} · {who}</source>
        <translation>版本 {n} · {when} · {who}</translation>
    </message>
    <message>
        <source>Revision 1 · {when} · added</source>
        <translation>版本 1 · {when} · 添加</translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes since the story was added.</source>
        <translation>
            <numerusform>自报道添加以来共有 %Ln 处更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes since the story was added.</source>
        <translation>自报道添加以来没有更改。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Before: {old}
After: {new}
By {who}</source>
        <translation>修改前：{old}
修改后：{new}
修改人：{who}</translation>
    </message>
</context>
<context>
    <name>ImportDetails</name>
    <message>
        <source>{file}, {position}: {reason}</source>
        <translation>{file}，{position}：{reason}</translation>
    </message>
    <message>
        <source>{file}, {position}: left out: {reason}</source>
        <translation>{file}，{position}：未导入：{reason}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Story files, format recognised ({patterns})</source>
        <extracomment>Files whose import may ask for choices first (tables, WordPress exports).</extracomment>
        <translation>报道文件，自动识别格式 ({patterns})</translation>
    </message>
    <message>
        <source>All files, format recognised (*)</source>
        <translation>所有文件，自动识别格式 (*)</translation>
    </message>
    <message>
        <source>Import Stories</source>
        <translation>导入报道</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records in these files cannot be read.</source>
        <translation>
            <numerusform>这些文件中有 %Ln 条记录无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the other {n} records, or nothing? The details list what cannot be read.</source>
        <translation>导入其余 {n} 条记录，还是全部不导入？详细信息中列出了无法读取的内容。</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln Records</source>
        <translation>
            <numerusform>导入 %Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>Imported {added}; skipped {skipped} already in the library.</source>
        <translation>已导入 {added} 篇；跳过资料库中已有的 {skipped} 篇。</translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln into the stories they repeat.</source>
        <translation>
            <numerusform>已将 %Ln 篇合并到与之重复的报道中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them with warnings: odd values were normalised or kept as given (see the details).</source>
        <translation>
            <numerusform>其中 %Ln 篇带有警告：异常的值已规范化或按原样保留（见详细信息）。</numerusform>
        </translation>
    </message>
    <message>
        <source>They are listed under “Last import”; Undo takes them all back.</source>
        <translation>它们列在“上次导入”下；撤销会把它们全部撤回。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records could not be read.</source>
        <translation>
            <numerusform>%Ln 条记录无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge Into Those Stories</source>
        <translation>合并到已有报道</translation>
    </message>
    <message>
        <source>Add Them Anyway</source>
        <translation>仍然添加</translation>
    </message>
    <message numerus="yes">
        <source>Merged %Ln records.</source>
        <translation>
            <numerusform>已合并 %Ln 条记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemTypes</name>
    <message>
        <source>Posts</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Attachments (media library entries)</source>
        <translation>附件（媒体库条目）</translation>
    </message>
    <message>
        <source>Menu items</source>
        <translation>菜单项</translation>
    </message>
    <message>
        <source>Items of type “{type}”</source>
        <translation>“{type}”类型的条目</translation>
    </message>
</context>
<context>
    <name>ItemTypesDialog</name>
    <message>
        <source>Import WordPress Export</source>
        <translation>导入 WordPress 导出文件</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; holds these kinds of items. Which of them should become stories?</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 包含以下类型的条目。要将哪些导入为报道？</translation>
    </message>
    <message>
        <source>{kind} ({n})</source>
        <translation>{kind}（{n}）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <extracomment>what the counts count when it is not items (&quot;MB&quot;), or &quot;&quot;</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Another task is still running.</source>
        <extracomment>saves typing not yet saved (before a job reads the library)</extracomment>
        <translation>另一项任务仍在运行。</translation>
    </message>
    <message>
        <source>Cancelled; nothing changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>“{task}” is still running: wait for it to end (or cancel it) to undo or redo.</source>
        <translation>“{task}”仍在运行：请等它结束（或取消它）后再撤销或重做。</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Progress of the running task</source>
        <translation>正在运行的任务的进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the task; nothing it did is kept</source>
        <translation>停止任务；它所做的一切都不会保留</translation>
    </message>
    <message>
        <source>{task}: cancelling…</source>
        <translation>{task}：正在取消…</translation>
    </message>
    <message>
        <source>{task}…</source>
        <translation>{task}…</translation>
    </message>
    <message>
        <source>{task} {done} of {total}</source>
        <translation>{task} {done} / {total}</translation>
    </message>
    <message>
        <source>({rate} {unit} a second, {left} left)</source>
        <translation>（每秒 {rate} {unit}，剩余 {left}）</translation>
    </message>
    <message>
        <source>({rate} a second, {left} left)</source>
        <translation>（每秒 {rate} 篇，剩余 {left}）</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message numerus="yes">
        <source>%Ln stories</source>
        <translation>
            <numerusform>%Ln 篇报道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tags</source>
        <translation>
            <numerusform>%Ln 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln authority records</source>
        <translation>
            <numerusform>%Ln 条规范记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln glossary terms</source>
        <translation>
            <numerusform>%Ln 个术语</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln collections</source>
        <translation>
            <numerusform>%Ln 个合集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln translations</source>
        <translation>
            <numerusform>%Ln 条译文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln 条批注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <translation>
            <numerusform>%Ln 个附件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>No language</source>
        <extracomment>The names of the languages the editor offers, per interface language (as ``interface_language`` says it), written out as langcodes gives them: the editor needs them before the window&apos;s first paint, and langcodes takes 0.1 s to import (a test compares them with langcodes&apos;).</extracomment>
        <translation>无语言</translation>
    </message>
</context>
<context>
    <name>LibraryFlow</name>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>New Library</source>
        <translation>新建资料库</translation>
    </message>
    <message>
        <source>{path} exists already.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>打开资料库</translation>
    </message>
    <message>
        <source>{path} is not an ngodesk library (it has no {file}).</source>
        <translation>{path} 不是 ngodesk 资料库（缺少 {file}）。</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Put back the library as it was on {when}? Changes made since are set aside (the current state is backed up first, so this can be reversed by restoring that backup).</source>
        <translation>将资料库恢复到 {when} 时的状态吗？此后所做的更改将被搁置（恢复前会先备份当前状态，之后可通过恢复该备份来撤回此操作）。</translation>
    </message>
    <message>
        <source>Rebuilding the search index</source>
        <translation>正在重建搜索索引</translation>
    </message>
    <message numerus="yes">
        <source>Search index rebuilt (%Ln stories).</source>
        <translation>
            <numerusform>搜索索引已重建（%Ln 篇报道）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ngodesk — {name}</source>
        <extracomment>The Trash lets go of stories deleted 30 days ago this long after the window opens. a backup (path) to put back: the owner closes this window first</extracomment>
        <translation>ngodesk — {name}</translation>
    </message>
    <message>
        <source>ngodesk</source>
        <translation>ngodesk</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>  (read-only)</source>
        <extracomment>Until the user moves the splitter (or one is restored), the panes share the window&apos;s width in proportion: see resizeEvent. Whether the window was fitted to its screen when first shown.</extracomment>
        <translation>  （只读）</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Colu&amp;mns</source>
        <translation>列(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>About ngodesk</source>
        <translation>关于 ngodesk</translation>
    </message>
    <message>
        <source>ngodesk {version}
An offline catalogue of news stories.</source>
        <translation>ngodesk {version}
离线新闻报道目录。</translation>
    </message>
    <message>
        <source>“{task}” is still running: wait for it to end (or cancel it) to make changes.</source>
        <translation>“{task}”仍在运行：请等它结束（或取消它）后再做修改。</translation>
    </message>
</context>
<context>
    <name>MergeFlow</name>
    <message>
        <source>Field copies and libraries (*{suffix} {db})</source>
        <translation>外业副本和资料库 (*{suffix} {db})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Merge Library</source>
        <translation>合并资料库</translation>
    </message>
    <message>
        <source>{records} {how}</source>
        <translation>{how} {records}</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <source>Merged {name}: {summary}.</source>
        <translation>已合并 {name}：{summary}。</translation>
    </message>
    <message>
        <source>1 record of the other library could not be taken and was left out.</source>
        <translation>另一个资料库中有 1 条记录无法接收，已略去。</translation>
    </message>
    <message>
        <source>{n} records of the other library could not be taken and were left out.</source>
        <translation>另一个资料库中有 {n} 条记录无法接收，已略去。</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>正在合并</translation>
    </message>
</context>
<context>
    <name>MergeStoriesDialog</name>
    <message>
        <source>Merge Duplicate Stories</source>
        <extracomment>Characters of a value shown (the tooltip holds more).</extracomment>
        <translation>合并重复报道</translation>
    </message>
    <message>
        <source>These stories look like one ({reason}). Pick the value to keep in each row; tags, linked records, translations, annotations and collection places of both are kept. The other story&apos;s uuid will lead to the one kept.</source>
        <translation>这两篇报道似乎是同一篇（{reason}）。请在每一行选择要保留的值；双方的标签、关联的规范记录、译文、批注及所属合集都会保留。另一篇报道的 uuid 将指向保留的报道。</translation>
    </message>
    <message>
        <source>Story A (left)</source>
        <translation>报道 A（左）</translation>
    </message>
    <message>
        <source>Story B (right)</source>
        <translation>报道 B（右）</translation>
    </message>
    <message>
        <source>Keep the record of:</source>
        <translation>保留的报道条目：</translation>
    </message>
    <message>
        <source>Story A</source>
        <translation>报道 A</translation>
    </message>
    <message>
        <source>Story B</source>
        <translation>报道 B</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Kept from both: tags {a} + {b}, records {c} + {d}, translations {e} + {f}, annotations {g} + {h}.</source>
        <translation>双方均保留：标签 {a} + {b}，规范记录 {c} + {d}，译文 {e} + {f}，批注 {g} + {h}。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>&apos;{text}&apos; is not a date: use YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>“{text}”不是日期：请使用 YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: year out of range</source>
        <translation>“{text}”：年份超出范围</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: month must be 01-12</source>
        <translation>“{text}”：月份必须在 01-12 之间</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: day must be 01-{last:02d}</source>
        <translation>“{text}”：日必须在 01-{last:02d} 之间</translation>
    </message>
    <message>
        <source>{what} has bytes that are not valid UTF-8 at column {value}; check the terminal&apos;s or the file&apos;s encoding.</source>
        <extracomment>Control characters no text of a library holds (tab and line ends aside). A BCP 47 language tag such as en, zh or zh-Hant.</extracomment>
        <translation>{what} 的第 {value} 列含有无效的 UTF-8 字节；请检查终端或文件的编码。</translation>
    </message>
    <message>
        <source>{path}: cannot read the file: {strerror}</source>
        <extracomment>Records left out on purpose (deleted upstream, WordPress pages...): reported, but not failures. Tags and authority records to create before the stories (ngodesk&apos;s own JSON only). The importers&apos; names, in the order ``auto`` tries them (``_registry``&apos;s keys, written out so that naming them imports no format module).</extracomment>
        <translation>{path}：无法读取文件：{strerror}</translation>
    </message>
    <message>
        <source>{path}: contains NUL characters; it looks like a binary file, not text</source>
        <translation>{path}：含有 NUL 字符，看起来是二进制文件而不是文本</translation>
    </message>
    <message>
        <source>unknown format &apos;{format_name}&apos;; known: auto, {join}</source>
        <extracomment>Characters at the start of a file that sniffers of line-based formats look at (splitting a large file&apos;s whole text only to read its first lines took half a second per 100 MB). Formats of XML documents and of those that start with ``{`` or ``[`` (JSON, and NoteExpress&apos;s ``{Field}:`` lines), by name.</extracomment>
        <translation>未知格式“{format_name}”；可用格式：auto, {join}</translation>
    </message>
    <message>
        <source>{path}: cannot tell what format it is in; the formats known are {join}</source>
        <translation>{path}：无法识别文件格式；可识别的格式有 {join}</translation>
    </message>
    <message>
        <source>no {name} records found in it: is it in another format?</source>
        <translation>其中没有找到 {name} 记录：它是不是别的格式？</translation>
    </message>
    <message>
        <source>the file</source>
        <extracomment>What may come before an XML document&apos;s root element: the declaration, processing instructions, comments, a DOCTYPE (with its internal subset).
----------
The encoding an XML declaration names: the text is decoded already.
----------
The scheme every export describes. concepts read with a remark (e.g. a second broader concept left out)</extracomment>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>line {start}: {error}</source>
        <extracomment>Story fields a column can map onto; the last four hold lists. A column mapped to this is left out on purpose; to EXTRA, kept in the story&apos;s extra data under its header (what unmapped columns get). Zotero&apos;s CSV export: its &quot;Place&quot; is where the publisher is, not a place the story is about. Columns our export writes for translations: &quot;title (en)&quot;, &quot;body (zh-Hant)&quot;... Cells larger than this are refused (the csv module&apos;s own limit is 128 KB; the limit is process-wide, so it is set once, here). Errors of the csv module after which no row can be told apart (a quoted cell open at the end of the file; a cell past FIELD_LIMIT).</extracomment>
        <translation>第 {start} 行：{error}</translation>
    </message>
    <message>
        <source>quotes written \&quot; in the row read as quotes</source>
        <translation>该行中写作 \&quot; 的引号已按引号读取</translation>
    </message>
    <message>
        <source>the row is not well-formed {name} ({error}); read as Python&apos;s csv module reads it, the row as given kept in extra as row_as_given</source>
        <translation>该行不是格式正确的 {name}（{error}）；已按 Python 的 csv 模块的方式读取，原样的行保存在附加数据 row_as_given 中</translation>
    </message>
    <message>
        <source>no header row: the first row must name the columns</source>
        <translation>没有标题行：第一行必须写明各列的名称</translation>
    </message>
    <message>
        <source>not readable as {name}: {error} (nothing after it was read)</source>
        <translation>无法按 {name} 读取：{error}（之后的内容均未读取）</translation>
    </message>
    <message>
        <source>no column named {names}; the columns are: {columns}</source>
        <translation>没有名为 {names} 的列；现有的列为：{columns}</translation>
    </message>
    <message>
        <source>{names} is not a story field; fields are: {allowed}</source>
        <translation>{names} 不是报道字段；可用字段为：{allowed}</translation>
    </message>
    <message>
        <source>no column holds the title; map one to title (columns: {columns})</source>
        <translation>没有存放标题的列；请将一列对应到 title（列：{columns}）</translation>
    </message>
    <message>
        <source>{cells} cells but the header names {columns} columns</source>
        <translation>有 {cells} 个单元格，但标题行只有 {columns} 列</translation>
    </message>
    <message>
        <source>the row has no title</source>
        <translation>该行没有标题</translation>
    </message>
    <message>
        <source>{source}: declares the encoding &apos;{declared}&apos;, which is not known</source>
        <extracomment>Encodings read as a superset that decodes all they do. What a guess may be: the legacy encodings of the collections we import. Largest &quot;chaos&quot; (share of odd characters) a guess may show.</extracomment>
        <translation>{source}：声明的编码“{declared}”无法识别</translation>
    </message>
    <message>
        <source>{source}: not UTF-8 (line {line}, byte {start}) and not recognisably GBK/GB18030, Big5 or Latin-1; save it as UTF-8 and import again</source>
        <translation>{source}：不是 UTF-8 编码（第 {line} 行，第 {start} 字节），也无法识别为 GBK/GB18030、Big5 或 Latin-1；请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>{source}: {why} {upper}, but line {line} (byte {start}) is not valid {upper}</source>
        <translation>{source}：{why} {upper}，但第 {line} 行（第 {start} 字节）不是有效的 {upper}</translation>
    </message>
    <message>
        <source>{key}: expected text, found {dumps}</source>
        <translation>{key}：应为文本，实际为 {dumps}</translation>
    </message>
    <message>
        <source>{key}: expected a list of texts</source>
        <translation>{key}：应为文本列表</translation>
    </message>
    <message>
        <source>uuid: &apos;{value}&apos; is not a uuid</source>
        <translation>uuid: “{value}”不是有效的 uuid</translation>
    </message>
    <message>
        <source>{key}: &apos;{get}&apos; is not a date and time</source>
        <translation>{key}: “{get}”不是有效的日期时间</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>kind: &apos;{get}&apos; is not organisation, person or place</source>
        <translation>kind: “{get}”不是 organisation（机构）、person（人物）或 place（地点）</translation>
    </message>
    <message>
        <source>alt_names: expected a list of objects</source>
        <translation>alt_names：应为对象列表</translation>
    </message>
    <message>
        <source>extra: expected an object</source>
        <translation>extra：应为对象</translation>
    </message>
    <message>
        <source>status: &apos;{get}&apos; is not draft, catalogued or reviewed</source>
        <translation>status：“{get}”不是 draft、catalogued 或 reviewed</translation>
    </message>
    <message>
        <source>translations: expected a list</source>
        <translation>translations：应为列表</translation>
    </message>
    <message>
        <source>entities: {join} not among the file&apos;s records</source>
        <translation>entities：{join} 不在文件的记录中</translation>
    </message>
    <message>
        <source>revision: &apos;{revision}&apos; is not a positive whole number</source>
        <translation>revision: “{revision}”不是正整数</translation>
    </message>
    <message>
        <source>translations: expected objects</source>
        <translation>translations：应为对象</translation>
    </message>
    <message>
        <source>translations: status &apos;{get}&apos; is not draft or reviewed</source>
        <translation>translations：状态“{get}”不是 draft 或 reviewed</translation>
    </message>
    <message>
        <source>not readable JSON: {error}</source>
        <translation>不是可读取的 JSON：{error}</translation>
    </message>
    <message>
        <source>not an ngodesk library file (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>不是 ngodesk 资料库文件（缺少 &quot;format&quot;: &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>written by a newer ngodesk (format version {version})</source>
        <translation>由较新版本的 ngodesk 写入（格式版本 {version}）</translation>
    </message>
    <message>
        <source>{keys}: expected a list</source>
        <translation>{keys}：应为列表</translation>
    </message>
    <message>
        <source>tags {number}</source>
        <translation>第 {number} 个标签</translation>
    </message>
    <message>
        <source>entities {number}</source>
        <translation>第 {number} 条规范记录</translation>
    </message>
    <message>
        <source>story {number} ({uuid})</source>
        <translation>第 {number} 篇报道（{uuid}）</translation>
    </message>
    <message>
        <source>story {number}</source>
        <translation>第 {number} 篇报道</translation>
    </message>
    <message>
        <source>no passage at {start}..{end} of a text of {n} characters</source>
        <translation>长度为 {n} 个字符的文本中，{start}..{end} 处没有原文片段</translation>
    </message>
    <message>
        <source>unhandled field {name}</source>
        <extracomment>Fields the parser never produces, for filters chosen outside the query text: a tag (with its descendants) and a record, by id; undated stories. a sidebar filter: &quot;en:draft&quot;, the language exactly (trans: includes its variants) a sidebar filter: the stories of a manual collection, by id a sidebar filter: stories by a range of ids, &quot;first-last&quot; (an import&apos;s)</extracomment>
        <translation>未处理的字段 {name}</translation>
    </message>
    <message>
        <source>unhandled node {node!r}</source>
        <translation>未处理的节点 {node!r}</translation>
    </message>
    <message>
        <source>The phrase starting at column {value} has no closing quote (&quot;).</source>
        <extracomment>typed in quotes (taken exactly: not read as pinyin) Nesting deeper than this (parentheses, NOT) is refused, not recursed into.</extracomment>
        <translation>从第 {value} 列开始的短语缺少右引号（&quot;）。</translation>
    </message>
    <message>
        <source>&apos;{group}&apos; at column {value} needs a value.</source>
        <translation>第 {value} 列的“{group}”需要一个值。</translation>
    </message>
    <message>
        <source>Unknown field &apos;{field}:&apos; at column {value}. Fields are: {join}. To search for the text itself, put it in quotes: &quot;{text}&quot;.</source>
        <translation>第 {value} 列的字段“{field}:”不存在。可用的字段有：{join}。要搜索这段文字本身，请给它加上引号：&quot;{text}&quot;。</translation>
    </message>
    <message>
        <source>status:{value} at column {value2}: status is one of {join}.</source>
        <translation>第 {value2} 列的 status:{value}：status 只能是 {join} 之一。</translation>
    </message>
    <message>
        <source>trans:{value} at column {value2}: use trans:LANGUAGE or trans:LANGUAGE:STATUS (e.g. trans:en:draft); status is one of {join}.</source>
        <translation>第 {value2} 列的 trans:{value}：请使用 trans:LANGUAGE 或 trans:LANGUAGE:STATUS（LANGUAGE 为语言代码，STATUS 为状态，如 trans:en:draft）；STATUS 只能是 {join} 之一。</translation>
    </message>
    <message>
        <source>is:{value} at column {value2}: use {join}.</source>
        <translation>第 {value2} 列的 is:{value}：请使用 {join}。</translation>
    </message>
    <message>
        <source>{name}:{value} at column {value2} has no letters or digits to search for.</source>
        <translation>第 {value2} 列的 {name}:{value} 中没有可搜索的字母或数字。</translation>
    </message>
    <message>
        <source>lang:{value} at column {value2}: not a language; did you mean lang:{tag}?</source>
        <translation>第 {value2} 列的 lang:{value}：不是一种语言；您是否想输入 lang:{tag}？</translation>
    </message>
    <message>
        <source>lang:{value} at column {value2}: not one language; use a code such as lang:en, lang:zh or lang:zh-Hant, or a name such as lang:English or lang:中文.</source>
        <translation>第 {value2} 列的 lang:{value}：不是单一语言；请使用 lang:en、lang:zh 或 lang:zh-Hant 之类的代码，或 lang:English、lang:中文 之类的名称。</translation>
    </message>
    <message>
        <source>a range needs at least one end</source>
        <translation>范围至少需要给出起点或终点</translation>
    </message>
    <message>
        <source>year: takes years only, e.g. year:2018 or year:2015..2018</source>
        <translation>year：只接受年份，如 year:2018 或 year:2015..2018</translation>
    </message>
    <message>
        <source>{name}:{value} at column {value2}: {error}</source>
        <translation>第 {value2} 列的 {name}:{value}：{error}</translation>
    </message>
    <message>
        <source>{name}:{value} at column {value2}: the range ends before it starts.</source>
        <translation>第 {value2} 列的 {name}:{value}：范围的终点早于起点。</translation>
    </message>
    <message>
        <source>Unmatched &apos;)&apos; at column {value}.</source>
        <translation>第 {value} 列的 &apos;)&apos; 没有匹配的 &apos;(&apos;。</translation>
    </message>
    <message>
        <source>&apos;{strip}&apos; at column 1 has no letters or digits to search for.</source>
        <translation>第 1 列的“{strip}”中没有可搜索的字母或数字。</translation>
    </message>
    <message>
        <source>OR at column {value} needs a search term before it.</source>
        <translation>第 {value} 列的 OR 前面需要一个搜索词。</translation>
    </message>
    <message>
        <source>Expected a search term at column {value}.</source>
        <translation>第 {value} 列处应有一个搜索词。</translation>
    </message>
    <message>
        <source>OR at column {value} needs a search term after it.</source>
        <translation>第 {value} 列的 OR 后面需要一个搜索词。</translation>
    </message>
    <message>
        <source>The query nests too deeply at column {value} (at most {MAX_DEPTH} levels).</source>
        <translation>查询在第 {value} 列处嵌套过深（最多 {MAX_DEPTH} 层）。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; at column {value} must be followed by what to exclude.</source>
        <translation>第 {value} 列的“{text}”后面必须跟上要排除的内容。</translation>
    </message>
    <message>
        <source>The &apos;(&apos; at column {value} is never closed.</source>
        <translation>第 {value} 列的“(”没有对应的“)”。</translation>
    </message>
    <message>
        <source>Empty parentheses at column {value}.</source>
        <translation>第 {value} 列处的括号中没有内容。</translation>
    </message>
    <message>
        <source>The query has bytes that are not valid UTF-8 at column {value}.</source>
        <translation>查询的第 {value} 列含有无效的 UTF-8 字节。</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; cannot be annotated; fields are: {join}</source>
        <extracomment>Longest comment or rendering kept. the words as the user saw them selected: when the saved text differs there (saving trims it), the nearest place they stand is taken</extracomment>
        <translation>“{field}”不能添加批注；可批注的字段：{join}</translation>
    </message>
    <message>
        <source>no story with id {story_id}</source>
        <translation>找不到 id 为 {story_id} 的报道</translation>
    </message>
    <message>
        <source>no glossary term {term_uuid}</source>
        <translation>找不到术语 {term_uuid}</translation>
    </message>
    <message>
        <source>the annotation is longer than {BODY_MAX:,} characters</source>
        <translation>批注超过了 {BODY_MAX:,} 个字符</translation>
    </message>
    <message>
        <source>an annotation needs a comment or a rendering</source>
        <translation>批注需要填写评论或译法</translation>
    </message>
    <message>
        <source>a glossary term annotation needs a term of the glossary</source>
        <translation>术语批注需要指定术语表中的术语</translation>
    </message>
    <message>
        <source>the story has no {language} translation of its {field}</source>
        <translation>该报道的 {field} 没有 {language} 译文</translation>
    </message>
    <message>
        <source>{field}: the words “{quote}” are not in the text as saved</source>
        <translation>{field}：已保存的文本中找不到文字“{quote}”</translation>
    </message>
    <message>
        <source>{field}: {error}</source>
        <translation>{field}：{error}</translation>
    </message>
    <message>
        <source>no annotation {uuid}</source>
        <translation>找不到批注 {uuid}</translation>
    </message>
    <message>
        <source>{path}, {position}: {reason}; nothing was imported</source>
        <extracomment>already in the library (the same uuid): left as they are added, but their words are not in the text now</extracomment>
        <translation>{path}，{position}：{reason}；未导入任何内容</translation>
    </message>
    <message>
        <source>no story {story_uuid} in this library</source>
        <translation>此资料库中没有报道 {story_uuid}</translation>
    </message>
    <message>
        <source>the story has no {language} translation of its {name}</source>
        <translation>该报道的 {name} 没有 {language} 译文</translation>
    </message>
    <message>
        <source>{path} leads outside {root}; it was not used.</source>
        <extracomment>Bytes read at a time while hashing and copying. What a file name is not made of.</extracomment>
        <translation>{path} 指向 {root} 之外，未予使用。</translation>
    </message>
    <message>
        <source>{value!r} is not the SHA-256 of an attached file.</source>
        <translation>{value!r} 不是附件文件的 SHA-256。</translation>
    </message>
    <message>
        <source>its content does not have the SHA-256 it is listed under</source>
        <translation>其内容与登记的 SHA-256 不符</translation>
    </message>
    <message>
        <source>{source}: cannot be attached: {value}</source>
        <translation>{source}：无法添加为附件：{value}</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>它不是文件</translation>
    </message>
    <message>
        <source>Could not copy {source} into {folder}: {error}</source>
        <translation>无法将 {source} 复制到 {folder}：{error}</translation>
    </message>
    <message>
        <source>{path}: not a file that can be attached.</source>
        <translation>{path}：不是可添加为附件的文件。</translation>
    </message>
    <message>
        <source>No attachment {uuid}.</source>
        <translation>找不到附件 {uuid}。</translation>
    </message>
    <message>
        <source>The file of {name} is no longer in {value}.</source>
        <translation>{name} 的文件已不在 {value} 中。</translation>
    </message>
    <message>
        <source>Cannot open {name}: {value}</source>
        <translation>无法打开 {name}：{value}</translation>
    </message>
    <message>
        <source>Cannot read the backup {path} to see which files it needs: {error}</source>
        <translation>无法读取备份 {path}，因而无法确定它需要哪些文件：{error}</translation>
    </message>
    <message>
        <source>The library is open read-only; no file was deleted.</source>
        <translation>资料库以只读方式打开；未删除任何文件。</translation>
    </message>
    <message>
        <source>Keep between 1 and {MAX_KEEP} backups, not {count}.</source>
        <extracomment>File in the backups folder saying how many backups are kept (there, not in the database, so that restoring an older backup does not change it). A library opened when its newest backup is older than this is backed up. Imports of at least this many stories into a non-empty library are preceded by a backup.</extracomment>
        <translation>保留的备份数应在 1 到 {MAX_KEEP} 之间，不能是 {count}。</translation>
    </message>
    <message>
        <source>{folder} is open read-only.</source>
        <translation>{folder} 是以只读方式打开的。</translation>
    </message>
    <message>
        <source>Could not save the number of backups to keep in {setting}: {error}</source>
        <translation>无法将要保留的备份数保存到 {setting}：{error}</translation>
    </message>
    <message>
        <source>{folder} has no backups.</source>
        <translation>{folder} 没有备份。</translation>
    </message>
    <message>
        <source>{what} of {folder} named &apos;{name}&apos;; `ngodesk backups` lists them.</source>
        <translation>{folder} 中名为“{name}”的备份：{what}；`ngodesk backups` 可列出全部备份。</translation>
    </message>
    <message>
        <source>Could not restore {backup}: {error}</source>
        <translation>无法恢复 {backup}：{error}</translation>
    </message>
    <message>
        <source>Find and replace works in {join}, not in &apos;{field}&apos;.</source>
        <extracomment>Fields a batch can set to one value for every story. Fields find-and-replace works in. Stories read or written per step (progress is reported per step). Fields the annotations are anchored in (their passages follow an edit).</extracomment>
        <translation>查找替换只能用于 {join}，不能用于“{field}”。</translation>
    </message>
    <message>
        <source>Find and replace needs something to find.</source>
        <translation>查找替换需要填写要查找的内容。</translation>
    </message>
    <message>
        <source>The regular expression &apos;{find}&apos; is not valid: {error}</source>
        <translation>正则表达式“{find}”无效：{error}</translation>
    </message>
    <message>
        <source>The replacement &apos;{replace}&apos; is not valid: {error}</source>
        <translation>替换文本“{replace}”无效：{error}</translation>
    </message>
    <message>
        <source>The batch edit was cancelled; nothing changed.</source>
        <extracomment>(field, value) for fields in SETTABLE</extracomment>
        <translation>批量编辑已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>A batch sets {join}, not &apos;{name}&apos;.</source>
        <translation>批量编辑只能设置 {join}，不能设置“{name}”。</translation>
    </message>
    <message>
        <source>There is no tag &apos;{path}&apos; to remove.</source>
        <translation>没有可移除的标签“{path}”。</translation>
    </message>
    <message>
        <source>There is no tag &apos;{path}&apos; any more.</source>
        <translation>标签“{path}”已不存在。</translation>
    </message>
    <message>
        <source>No conflict {conflict_uuid}.</source>
        <extracomment>The field of a conflict about a record one side deleted. The table of each kind of record a conflict can be about. A row as it was: (table, its primary key&apos;s columns, all its columns, the column to set again when the row was not deleted but had its reference set to NULL).</extracomment>
        <translation>找不到冲突 {conflict_uuid}。</translation>
    </message>
    <message>
        <source>That conflict is settled already.</source>
        <translation>该冲突已经解决。</translation>
    </message>
    <message>
        <source>The story of this conflict ({label}) is no longer in the library.</source>
        <translation>此冲突涉及的报道（{label}）已不在资料库中。</translation>
    </message>
    <message>
        <source>The tag {label} has narrower tags now; delete or move them first.</source>
        <translation>标签 {label} 现在有下位标签；请先删除或移走它们。</translation>
    </message>
    <message>
        <source>The record of this conflict ({label}) is no longer in the library.</source>
        <translation>此冲突涉及的记录（{label}）已不在资料库中。</translation>
    </message>
    <message>
        <source>{value!r} is taken by another {kind} already.</source>
        <translation>{value!r} 已被另一个 {kind} 占用。</translation>
    </message>
    <message>
        <source>a {score:.0f}% similar title on the same day</source>
        <extracomment>Title similarity (0-100) above which stories of the same day match. Stories of one address or title compared pairwise by ``find_pairs`` at most, and stories of one title (or alike titles of one day) whose authors and identifiers an incoming story&apos;s are compared with (a title such as &quot;Daily briefing&quot; can repeat thousands of times). Rows of a day&apos;s similarity matrix computed at once by ``find_pairs``. Keys looked up per query (SQLite&apos;s variable limit is 32766). Only for stories whose identity is known (ngodesk&apos;s own JSON). its people and extra data as given (read only when a title matches); None for a story of the library (then looked up) the story&apos;s uuid (&quot;&quot; for one of the same import not written yet) Keys of ``extra`` that identify a work, lower-cased (the formats write ``DOI``, ``doi``...); an ISSN names a journal, not a story.</extracomment>
        <translation>同一天的标题相似度 {score:.0f}%</translation>
    </message>
    <message>
        <source>the same story: its uuid</source>
        <extracomment>Stories with this id or above are known only through ``add`` (the stories being imported), not looked up. uuids of stories merged into others (tombstones) -&gt; the survivor per day: the titles (for rapidfuzz) and, in the same order, the stories stories&apos; uuids, to name them in a report (authors, identifiers) of the stories compared so far the last incoming key compared and its (authors, identifiers)</extracomment>
        <translation>同一篇报道：uuid 相同</translation>
    </message>
    <message>
        <source>the same story: it was merged into this one</source>
        <translation>同一篇报道：它已合并到这篇中</translation>
    </message>
    <message>
        <source>the same web address</source>
        <extracomment>pairs by title alone, kept when their authors and identifiers agree</extracomment>
        <translation>网址相同</translation>
    </message>
    <message>
        <source>the same title</source>
        <translation>标题相同</translation>
    </message>
    <message>
        <source>The search for duplicates was cancelled.</source>
        <translation>已取消查找重复。</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of record; kinds are: {allowed}</source>
        <translation>“{kind}”不是规范记录的类别；可用类别：{allowed}</translation>
    </message>
    <message>
        <source>A record needs a name.</source>
        <extracomment>Longest name of a record: the longest names of organisations run to some 100 characters (中国国际民间组织合作促进会, or in English). Longest note on a record (a page or two of text).</extracomment>
        <translation>规范记录必须有名称。</translation>
    </message>
    <message>
        <source>{what} &apos;{start}…&apos; is longer than {limit} characters.</source>
        <translation>{what}“{start}…”超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A record&apos;s note is longer than {limit:,} characters.</source>
        <translation>记录的备注超过 {limit:,} 个字符。</translation>
    </message>
    <message>
        <source>&apos;{preferred_in}&apos; and &apos;{cleaned}&apos; cannot both be the preferred name in {language}.</source>
        <translation>“{preferred_in}”和“{cleaned}”不能同时作为 {language} 的首选名称。</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a detail of a record; details are: {join}</source>
        <extracomment>What ``create_entity`` and ``update_entity`` set besides names and note.</extracomment>
        <translation>“{key}”不是规范记录的详细信息项；可用项：{join}</translation>
    </message>
    <message>
        <source>The new record needs a name other than &apos;{name}&apos;.</source>
        <translation>新规范记录需要一个不同于“{name}”的名称。</translation>
    </message>
    <message>
        <source>&apos;{wrong}&apos; is not an alternative name of &apos;{name}&apos;.</source>
        <translation>“{wrong}”不是“{name}”的其他名称。</translation>
    </message>
    <message>
        <source>Story {value} is not linked to &apos;{name}&apos;.</source>
        <translation>报道 {value} 未与“{name}”关联。</translation>
    </message>
    <message>
        <source>A record cannot be merged into itself.</source>
        <translation>规范记录不能合并到自身。</translation>
    </message>
    <message>
        <source>{kinds} are different kinds of record: not merged.</source>
        <translation>{kinds} 是不同类别的规范记录，未合并。</translation>
    </message>
    <message>
        <source>A record cannot be its own “see also”.</source>
        <translation>规范记录不能“参见”自身。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <extracomment>Export formats by name (``--format``): file extension and description. Formats whose writer needs nothing but the stories.</extracomment>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Cannot write {target}: it is a folder; give the name of a file.</source>
        <translation>无法写入 {target}：这是一个文件夹；请给出文件名。</translation>
    </message>
    <message>
        <source>Cannot write {target}: {value}</source>
        <translation>无法写入 {target}：{value}</translation>
    </message>
    <message>
        <source>Cannot write to standard output: {value}</source>
        <extracomment>A partial file of an export of the same name older than this was left by an export that was killed (SIGKILL, a power cut): no export runs so long.</extracomment>
        <translation>无法写入标准输出：{value}</translation>
    </message>
    <message>
        <source>unknown export format &apos;{format_name}&apos;; known: {join}</source>
        <translation>未知的导出格式“{format_name}”；可用格式：{join}</translation>
    </message>
    <message>
        <source>The facet index was not built: stopped.</source>
        <translation>分面索引未建立：已停止。</translation>
    </message>
    <message>
        <source>{out} exists and is not an empty folder: choose a new one for the copy.</source>
        <extracomment>File name ending of field-copy archives. An archive that unpacks to more than ``SMALL`` bytes may unpack to at most ``MAX_RATIO`` times its own size: a library&apos;s database and files compress far less, a zip bomb far more (an empty library, small, more). Bytes read at a time while unpacking.</extracomment>
        <translation>{out} 已存在且不是空文件夹：请为副本另选一个新文件夹。</translation>
    </message>
    <message>
        <source>Could not make a field copy in {out}: {error}</source>
        <translation>无法在 {out} 中创建外业副本：{error}</translation>
    </message>
    <message>
        <source>{out} exists already: choose a new file name for the copy.</source>
        <translation>{out} 已存在：请为副本另取一个文件名。</translation>
    </message>
    <message>
        <source>Could not write the field copy {out}: {error}</source>
        <translation>无法写入外业副本 {out}：{error}</translation>
    </message>
    <message>
        <source>{path} holds more than it says ({size}); it was not unpacked.</source>
        <translation>{path} 的内容多于其声明（{size}），未解包。</translation>
    </message>
    <message>
        <source>{path} is not a field copy (it holds no {DB_NAME}).</source>
        <translation>{path} 不是外业副本（其中没有 {DB_NAME}）。</translation>
    </message>
    <message>
        <source>{path}: the entry {name!r} would be written outside the copy.</source>
        <translation>{path}：条目 {name!r} 会被写到副本之外。</translation>
    </message>
    <message>
        <source>{folder} is not a field copy: its identity {value!r} is not a uuid.</source>
        <translation>{folder} 不是外业副本：其标识 {value!r} 不是 uuid。</translation>
    </message>
    <message>
        <source>{path} is not a readable field-copy archive: {error}</source>
        <translation>{path} 不是可读取的外业副本压缩包：{error}</translation>
    </message>
    <message>
        <source>{path}: the entry {name!r} is a link or a device; a field copy holds only files.</source>
        <translation>{path}：条目 {name!r} 是链接或设备；外业副本中只能有文件。</translation>
    </message>
    <message>
        <source>{path} would unpack to {size}, {ratio:,} times its own size: that is not a field copy. Nothing was unpacked.</source>
        <translation>{path} 解包后将达 {size}，是其自身大小的 {ratio:,} 倍：这不是外业副本。未解包任何内容。</translation>
    </message>
    <message>
        <source>{path} would unpack to {size}, but {folder} has {free} free. Nothing was unpacked.</source>
        <translation>{path} 解包后将达 {size}，但 {folder} 只有 {free} 可用空间。未解包任何内容。</translation>
    </message>
    <message>
        <source>Could not unpack {path} into {target}: {error}</source>
        <translation>无法将 {path} 解压到 {target}：{error}</translation>
    </message>
    <message>
        <source>{problem}: {error}</source>
        <extracomment>Headlines run to 100-200 characters; a title of a thousand is a paragraph. Abstracts stay under 5,000 characters; feeds that put a whole article in the description (which becomes the summary) reach about 50,000. Long-form articles run to 150,000 characters, a whole report pasted in to some 600,000; the editor lays a million out in about 1.4 s and 60 MB. A publication&apos;s name; a web address (browsers keep up to some 8,000). Extra data (what a format has that no field takes: a CSL note, other titles) is read whenever the story is shown, as JSON text of at most this. Fields whose longer values are refused, with their limits. Fields whose longer text an import shortens (keeping it whole as an attachment of the story) instead of refusing the record.</extracomment>
        <translation>{problem}：{error}</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a story field; fields are: {join}</source>
        <translation>“{field}”不是报道字段；可用字段：{join}</translation>
    </message>
    <message>
        <source>{field}: {length:,} characters, more than the {limit:,} a story&apos;s {field} holds</source>
        <translation>{field}：{length:,} 个字符，超过报道{field}可容纳的 {limit:,} 个字符</translation>
    </message>
    <message>
        <source>; keep a longer text as an attachment</source>
        <translation>；更长的文本请作为附件保存</translation>
    </message>
    <message>
        <source>title: a story needs a title</source>
        <translation>标题：报道必须有标题</translation>
    </message>
    <message>
        <source>published: {error}</source>
        <translation>发布日期：{error}</translation>
    </message>
    <message>
        <source>language: &apos;{value}&apos; names several languages; a story has one, such as {first}</source>
        <translation>语言：“{value}”指多种语言；一篇报道只有一种语言，例如 {first}</translation>
    </message>
    <message>
        <source>language: &apos;{value}&apos; is not a language; did you mean {name} ({tag})?</source>
        <translation>语言：“{value}”不是一种语言；您是否想输入 {name}（{tag}）？</translation>
    </message>
    <message>
        <source>language: &apos;{value}&apos; is not a language; give a name such as English or 中文, or a code such as en, zh or zh-Hant</source>
        <translation>语言：“{value}”不是一种语言；请输入 English 或 中文 之类的名称，或 en、zh、zh-Hant 之类的代码</translation>
    </message>
    <message>
        <source>language &apos;{value}&apos; names several languages; {tag} kept, the value as given</source>
        <translation>语言“{value}”指多种语言；保留 {tag}，并保存原样的值</translation>
    </message>
    <message>
        <source>language &apos;{value}&apos; not read; kept as given, the story without a language</source>
        <translation>无法读取语言“{value}”；已按原样保存，报道不设语言</translation>
    </message>
    <message>
        <source>status: &apos;{text}&apos; is not one of {allowed}</source>
        <translation>状态：“{text}”不是 {allowed} 之一</translation>
    </message>
    <message>
        <source>{what}: &apos;{value}&apos; is not a language code such as zh, en or zh-Hant</source>
        <extracomment>Glossary file formats by name (``--format``). The sample collection&apos;s terms (a new default library gets them).</extracomment>
        <translation>{what}: “{value}”不是语言代码（如 zh、en 或 zh-Hant）</translation>
    </message>
    <message>
        <source>term: a glossary entry needs a term</source>
        <extracomment>Longest term accepted (a term is a word or phrase; readings are made for it). Characters XML (and so a TBX export) cannot hold.</extracomment>
        <translation>术语：术语表条目必须有术语</translation>
    </message>
    <message>
        <source>term: longer than {TERM_MAX} characters ({n:,}); is it a definition?</source>
        <translation>术语：超过 {TERM_MAX} 个字符（共 {n:,} 个）；这是否是定义？</translation>
    </message>
    <message>
        <source>{position}: {reason}; nothing was imported</source>
        <extracomment>terms that were there and got fields or renderings they lacked</extracomment>
        <translation>{position}：{reason}；未导入任何内容</translation>
    </message>
    <message>
        <source>unknown glossary format &apos;{format_name}&apos;; known: auto, {join}</source>
        <translation>未知的术语表格式“{format_name}”；可用格式：auto, {join}</translation>
    </message>
    <message>
        <source>unknown glossary export format &apos;{format_name}&apos;; known: tbx, csv</source>
        <translation>未知的术语表导出格式“{format_name}”；可用格式：tbx, csv</translation>
    </message>
    <message>
        <source>The story has revisions 1 to {revision}, not {revision2}.</source>
        <translation>该报道只有版本 1 到 {revision}，没有版本 {revision2}。</translation>
    </message>
    <message>
        <source>date &apos;{value}&apos; not read; kept as given, the story undated</source>
        <extracomment>Records written between two progress reports: a chunk is written in parts, so that the window&apos;s counts move at least twice a second. Imports smaller than this are prepared in this process (a helper process takes about half a second to start). Files smaller than this in all are read in this process. Chunks prepared ahead of the writer at most (bounds memory). Stories whose index documents are kept back and added together: ids descend from chunk to chunk, and FTS5 writes a segment out whenever a rowid goes down, so indexing chunk by chunk made many small segments to merge again (a 100k import&apos;s index took 1.5x as long). the duplicate record itself, to import it after all (``import_again``) the uuid of the story a duplicate matched left out on purpose (deleted upstream, WordPress pages...): not failures what was odd in records imported all the same (a value normalised or kept as given, a text too long shortened and attached whole): one entry per warning, action &quot;warning&quot; the stories duplicates were merged into, as they were before (where it came from, the record) per record: (column values, index texts, duplicate key, warnings) or the reason it is invalid</extracomment>
        <translation>无法读取日期“{value}”；已按原样保留，报道不设日期</translation>
    </message>
    <message>
        <source>more than the {total} records counted in advance; nothing was imported</source>
        <extracomment>The attachment that keeps a field&apos;s whole text, by field (see _whole_texts). records to come in all; each gets id ``first_id + total - 1 - its place``, so that the first record of a file is listed first (lists show the highest id first); a skipped record leaves its id unused records that match no story are left out (merging after the fact) authority records of ngodesk&apos;s own JSON, by uuid (story to merge into, the record, where it came from) (where it came from, story id, record, whole texts) of new stories that keep a text shortened, to attach once the stories are in files new in files/ (whole texts): removed again when the import fails index documents not added yet (see INDEX_BATCH)</extracomment>
        <translation>记录数超过了预先统计的 {total} 条；未导入任何内容</translation>
    </message>
    <message>
        <source>matches no story any more; not imported</source>
        <translation>已不再与任何报道重复；未导入</translation>
    </message>
    <message>
        <source>a repeat of “{title}” earlier in this import ({reason})</source>
        <translation>与本次导入中前面的“{title}”重复（{reason}）</translation>
    </message>
    <message>
        <source>already in the library as “{title}” ({reason})</source>
        <translation>资料库中已有“{title}”（{reason}）</translation>
    </message>
    <message>
        <source>{field}: {length:,} characters, more than the {limit:,} a story keeps; {done} “{file}”</source>
        <translation>{field}：{length:,} 个字符，超过报道可保存的 {limit:,} 个字符；{done}“{file}”</translation>
    </message>
    <message>
        <source>left out, attached whole as</source>
        <translation>已略去，全文作为附件保存为</translation>
    </message>
    <message>
        <source>shortened, the whole text attached as</source>
        <translation>已截短，全文作为附件保存为</translation>
    </message>
    <message>
        <source>the authority record {uuid} is neither in the file nor in the library</source>
        <translation>规范记录 {uuid} 既不在文件中，也不在资料库中</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>reading the files failed in the helper process:
{message}</source>
        <translation>辅助进程读取文件失败：
{message}</translation>
    </message>
    <message>
        <source>{file}, {position}: {reason}{more}; nothing was imported</source>
        <translation>{file}，{position}：{reason}{more}；未导入任何内容</translation>
    </message>
    <message>
        <source>Rebuilding the search index was cancelled; the old index is kept.</source>
        <translation>已取消重建搜索索引，原有索引保持不变。</translation>
    </message>
    <message>
        <source>Belt and Road</source>
        <extracomment>Where the sample&apos;s stories were published: the listing it was saved from. Meta key set once the default library has received the sample collection. The namespace of the sample&apos;s stories&apos; uuids (``_sample_identities``).</extracomment>
        <translation>一带一路</translation>
    </message>
    <message>
        <source>Stories naming CFPA</source>
        <translation>提到中国扶贫基金会的报道</translation>
    </message>
    <message>
        <source>Not yet reviewed</source>
        <translation>尚未审校</translation>
    </message>
    <message>
        <source>{path} holds other files and no ngodesk library; nothing was made there. Give an empty or new folder, or make a library there on purpose with: ngodesk --library {path} init</source>
        <translation>{path} 中有其他文件，但没有 ngodesk 资料库；未在其中创建任何内容。请指定一个空文件夹或新文件夹，或者用以下命令有意在该处创建资料库：ngodesk --library {path} init</translation>
    </message>
    <message>
        <source>The search index of {path} was built by another version of ngodesk; open the library for writing once to rebuild it.</source>
        <translation>{path} 的搜索索引是由其他版本的 ngodesk 建立的；请以可写方式打开一次资料库以重建索引。</translation>
    </message>
    <message>
        <source>A library cannot be merged into itself.</source>
        <extracomment>A story&apos;s links merged as sets: (table, the records&apos;, their column) what was not taken (a value this library cannot hold, a file that is not what it says), each with why</extracomment>
        <translation>资料库不能合并到自身。</translation>
    </message>
    <message>
        <source>{folder} is this library (a copy of its folder, not a field copy).</source>
        <translation>{folder} 就是本资料库（是其文件夹的副本，而不是外业副本）。</translation>
    </message>
    <message>
        <source>{path}, the state both libraries share, cannot be read ({problems}); nothing was merged.</source>
        <translation>无法读取两个资料库共有的状态 {path}（{problems}）；未合并任何内容。</translation>
    </message>
    <message>
        <source>{path} is an empty file, not a library that can be merged.</source>
        <translation>{path} 是空文件，不是可以合并的资料库。</translation>
    </message>
    <message>
        <source>{kind} “{label}” was not merged: {reason}</source>
        <extracomment>this library, written (rows as stored: ``store.rows``) and read deletions made before this merge (those it makes take who and when from the other side&apos;s tombstones) their uuid -&gt; the uuid of the same record here (made on both sides) the stories&apos; links the merge looks at, as base, mine and theirs have them: table -&gt; (story uuid -&gt; linked uuids) for each the ids here of the tags and records stories link to, by uuid (known once they are merged, before the stories) the uuids of the tags and records the other library has</extracomment>
        <translation>{kind}“{label}”未合并：{reason}</translation>
    </message>
    <message>
        <source>{kind} “{label}” was merged without its {columns}, which cannot be read</source>
        <translation>{kind}“{label}”已合并，但其 {columns} 无法读取，未一并合并</translation>
    </message>
    <message>
        <source>The merge was cancelled; nothing changed.</source>
        <translation>合并已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>its parent tag was not merged</source>
        <translation>其上级标签未合并</translation>
    </message>
    <message>
        <source>its {columns} cannot be read</source>
        <translation>其 {columns} 无法读取</translation>
    </message>
    <message>
        <source>&apos;{reference}&apos; is not a story uuid (or its first 4 or more characters).</source>
        <extracomment>Merges followed from a merged-away uuid to its survivor at most.</extracomment>
        <translation>“{reference}”不是报道的 uuid（也不是其前 4 个或更多字符）。</translation>
    </message>
    <message>
        <source>Story {uuid} was deleted on {deleted_at:%Y-%m-%d %H:%M} UTC.</source>
        <translation>报道 {uuid} 已于 {deleted_at:%Y-%m-%d %H:%M}（UTC）删除。</translation>
    </message>
    <message>
        <source>It is in the Trash, from which it can be restored.</source>
        <translation>它在回收站中，可以从那里恢复。</translation>
    </message>
    <message>
        <source>No story with uuid {reference}.</source>
        <translation>找不到 uuid 为 {reference} 的报道。</translation>
    </message>
    <message>
        <source>&apos;{reference}&apos; is the start of several stories&apos; uuids; give more of it.</source>
        <translation>“{reference}”是多篇报道 uuid 的开头；请输入更多位。</translation>
    </message>
    <message>
        <source>No story with id {story_id}.</source>
        <translation>找不到 id 为 {story_id} 的报道。</translation>
    </message>
    <message>
        <source>No {what} with id {record_id}.</source>
        <translation>找不到 id 为 {record_id} 的 {what}。</translation>
    </message>
    <message>
        <source>Cannot restore the stories: their place in the library was taken meanwhile.</source>
        <translation>无法恢复这些报道：其间它们在资料库中的位置已被占用。</translation>
    </message>
    <message>
        <source>Cannot restore the records: their place in the library was taken meanwhile.</source>
        <translation>无法恢复这些规范记录：其间它们在资料库中的位置已被占用。</translation>
    </message>
    <message>
        <source>There is no tag &apos;{path}&apos;.</source>
        <extracomment>(kind, name) of an organisation, person or place.</extracomment>
        <translation>没有标签“{path}”。</translation>
    </message>
    <message>
        <source>There is no {value} named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的 {value}。</translation>
    </message>
    <message>
        <source>A collection needs a name.</source>
        <extracomment>the saved search&apos;s text; None for a manual collection</extracomment>
        <translation>合集必须有名称。</translation>
    </message>
    <message>
        <source>Collection name &apos;{cleaned}…&apos; is longer than 200 characters.</source>
        <translation>合集名称“{cleaned}…”超过 200 个字符。</translation>
    </message>
    <message>
        <source>There is a collection named &apos;{name}&apos; already.</source>
        <translation>已有名为“{name}”的合集。</translation>
    </message>
    <message>
        <source>A saved search cannot hold a collection filter.</source>
        <extracomment>Filters whose values are record ids: stored by uuid, so that a merge (the tombstone&apos;s replaced_by) or a copy of the library keeps them.</extracomment>
        <translation>已存搜索不能包含合集筛选条件。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a saved search: its stories are those it finds.</source>
        <translation>“{name}”是已存搜索：其中的报道就是它搜索到的报道。</translation>
    </message>
    <message>
        <source>The new order of &apos;{name}&apos; must hold exactly its %Ln stories.</source>
        <translation>“{name}”的新顺序必须恰好包含其全部 %Ln 篇报道。</translation>
    </message>
    <message>
        <source>Cannot restore the collection: its place was taken meanwhile.</source>
        <translation>无法恢复合集：其间它的位置已被占用。</translation>
    </message>
    <message>
        <source>&apos;{unknown}&apos; is not a field a merge can take; fields are: {join}</source>
        <extracomment>The fields a merge picks between, in the order they are shown. Fields whose translations and annotations belong to their text.</extracomment>
        <translation>“{unknown}”不是合并时可采用的字段；可用字段：{join}</translation>
    </message>
    <message>
        <source>A story cannot be merged into itself.</source>
        <translation>报道不能合并到自身。</translation>
    </message>
    <message>
        <source>Looking for suggestions was cancelled.</source>
        <extracomment>Names shorter than this (in characters) are not looked for: too many words contain them (an acronym of two capitals is looked for). Stories read per query.</extracomment>
        <translation>已取消查找建议。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签必须有名称。</translation>
    </message>
    <message>
        <source>Tag name &apos;{cleaned}&apos;: &apos;/&apos; separates levels and cannot be part of a name.</source>
        <translation>标签名称“{cleaned}”：&apos;/&apos; 用于分隔层级，不能出现在名称中。</translation>
    </message>
    <message>
        <source>Tag name &apos;{cleaned}…&apos; is longer than 200 characters.</source>
        <translation>标签名称“{cleaned}…”超过 200 个字符。</translation>
    </message>
    <message>
        <source>The tag &apos;{join}&apos; already exists.</source>
        <translation>标签“{join}”已存在。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a synonym of the tag &apos;{value}&apos;.</source>
        <translation>“{name}”是标签“{value}”的同义词。</translation>
    </message>
    <message>
        <source>A tag named &apos;{name}&apos; already exists there.</source>
        <translation>该位置已有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>A tag named &apos;{name}&apos; already exists beside &apos;{name2}&apos;.</source>
        <translation>“{name2}”的同级已有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>Cannot move &apos;{name}&apos; under itself or one of its own children.</source>
        <translation>不能将“{name}”移到其自身或其下级标签之下。</translation>
    </message>
    <message>
        <source>A tag named &apos;{name}&apos; already exists there; merge them instead.</source>
        <translation>该位置已有名为“{name}”的标签；请改为合并两者。</translation>
    </message>
    <message>
        <source>Colour &apos;{colour}&apos; is not of the form #RRGGBB.</source>
        <translation>颜色“{colour}”不符合 #RRGGBB 格式。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is already a synonym of &apos;{value}&apos;.</source>
        <translation>“{label}”已是“{value}”的同义词。</translation>
    </message>
    <message>
        <source>Cannot merge &apos;{name}&apos; into itself or one of its own children.</source>
        <translation>不能将“{name}”合并到其自身或其下级标签中。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has {value} tag(s) below it; move them first or delete them too.</source>
        <translation>“{name}”下有 {value} 个标签；请先移走它们，或将它们一并删除。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is not a synonym of &apos;{path_of}&apos;.</source>
        <extracomment>Longest scope note kept. stories with this tag or one below it</extracomment>
        <translation>“{label}”不是“{path_of}”的同义词。</translation>
    </message>
    <message>
        <source>A scope note is longer than {NOTE_MAX:,} characters.</source>
        <translation>范围注释超过了 {NOTE_MAX:,} 个字符。</translation>
    </message>
    <message>
        <source>A tag cannot be related to itself.</source>
        <translation>标签不能与自身相关。</translation>
    </message>
    <message>
        <source>unknown thesaurus format &apos;{format_name}&apos;; known: {join}</source>
        <translation>未知的叙词表格式“{format_name}”；可用格式：{join}</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <extracomment>concepts left out, and why concepts imported with a remark</extracomment>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>left out: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <source>synonym &apos;{label}&apos; left out: {error}</source>
        <translation>同义词“{label}”未导入：{error}</translation>
    </message>
    <message>
        <source>more than {limit} levels of broader concepts; left out</source>
        <translation>上位概念超过 {limit} 层；已略去</translation>
    </message>
    <message>
        <source>its broader concepts form a cycle; left out</source>
        <translation>其上位概念构成循环；未导入</translation>
    </message>
    <message>
        <source>broader concept {broader} is not in the file</source>
        <translation>上位概念 {broader} 不在文件中</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; has no translations; fields that do: {fields}</source>
        <extracomment>Languages offered for translation, besides any other language code.</extracomment>
        <translation>“{field}”不可翻译；可翻译的字段：{fields}</translation>
    </message>
    <message>
        <source>&apos;{language}&apos; is not a language code such as en, zh-Hans or zh-Hant</source>
        <translation>“{language}”不是语言代码（如 en、zh-Hans 或 zh-Hant）</translation>
    </message>
    <message>
        <source>a translation is a draft or reviewed (clear its text to make it untranslated)</source>
        <translation>译文的状态只能是草稿或已审校（清空译文即为未翻译）</translation>
    </message>
    <message>
        <source>Could not copy {db_path} to {target}: {error}</source>
        <extracomment>Companion files of a database in WAL mode. The name ending of a copy being written (and of its rollback journal, ``.partial-journal``): a process killed mid-copy leaves them behind. Pages copied per step of a backup (8 MiB-64 MiB by page size): between steps progress is told and a cancel is heard. Told (bytes copied, bytes in all) after each step of a copy; returns False to stop it.</extracomment>
        <translation>无法将 {db_path} 复制到 {target}：{error}</translation>
    </message>
    <message>
        <source>The backup was cancelled.</source>
        <translation>备份已取消。</translation>
    </message>
    <message>
        <source>Could not back up {db_path} into {folder}: {error}</source>
        <translation>无法将 {db_path} 备份到 {folder}：{error}</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>not a readable SQLite database: {error}</source>
        <translation>不是可读的 SQLite 数据库：{error}</translation>
    </message>
    <message>
        <source>the file is empty: it holds no tables</source>
        <translation>文件是空的：其中没有任何表</translation>
    </message>
    <message>
        <source>an SQLite database, but not an ngodesk library</source>
        <translation>是 SQLite 数据库，但不是 ngodesk 资料库</translation>
    </message>
    <message>
        <source>its schema revision is not recorded</source>
        <translation>未记录其结构版本</translation>
    </message>
    <message>
        <source>written by a newer version of ngodesk (schema {revision})</source>
        <translation>由更新版本的 ngodesk 写入（结构 {revision}）</translation>
    </message>
    <message>
        <source>{name} cannot be restored ({problems}); choose another backup.</source>
        <translation>无法恢复 {name}（{problems}）；请选择其他备份。</translation>
    </message>
    <message>
        <source>Could not restore {name} into {parent}: {error}</source>
        <translation>无法将 {name} 恢复到 {parent}：{error}</translation>
    </message>
    <message>
        <source>Cannot open {db_path}: {error}</source>
        <extracomment>Where a library keeps the states of libraries merged into it. Page cache per connection: writers need room for FTS segment merges; readers (one per thread that searches) less, to keep memory down. Bytes per database page of new libraries. The ``meta`` key of ``Library.state``.</extracomment>
        <translation>无法打开 {db_path}：{error}</translation>
    </message>
    <message>
        <source>{db_path} is an SQLite database but not an ngodesk library.</source>
        <translation>{db_path} 是 SQLite 数据库，但不是 ngodesk 资料库。</translation>
    </message>
    <message>
        <source>{db_path} records no schema revision; it was not changed.</source>
        <translation>{db_path} 未记录结构版本；未作任何更改。</translation>
    </message>
    <message>
        <source>{db_path} is not a readable SQLite database: {error}</source>
        <translation>{db_path} 不是可读取的 SQLite 数据库：{error}</translation>
    </message>
    <message>
        <source>{folder} is a file, not a library folder.</source>
        <extracomment>who the history records as making the changes written from now on The write session open in each thread (writes nest: see ``write``). Why ``write`` refuses now (damage found after opening), or &quot;&quot;.</extracomment>
        <translation>{folder} 是文件，不是资料库文件夹。</translation>
    </message>
    <message>
        <source>{folder} is not a library (no {DB_NAME}).</source>
        <translation>{folder} 不是资料库（缺少 {DB_NAME}）。</translation>
    </message>
    <message>
        <source>{folder} needs a schema upgrade, which read-only mode cannot do; open it for writing once.</source>
        <translation>{folder} 需要升级数据库结构，只读模式下无法进行；请以可写方式打开一次。</translation>
    </message>
    <message>
        <source>Cannot create the library folder {folder}: {strerror}</source>
        <translation>无法创建资料库文件夹 {folder}：{strerror}</translation>
    </message>
    <message>
        <source>{db_path} was written by a newer version of ngodesk (schema {revision}); this version knows schemas up to {head_revision}. Upgrade ngodesk to open it. The library was not changed.</source>
        <translation>{db_path} 由较新版本的 ngodesk 写入（数据库结构 {revision}）；此版本只支持到 {head_revision} 的数据库结构。请升级 ngodesk 后再打开。资料库未被更改。</translation>
    </message>
    <message>
        <source>The newest sound backup is {name}: restore it (ngodesk restore {name}).</source>
        <translation>最新的完好备份是 {name}：请恢复它（ngodesk restore {name}）。</translation>
    </message>
    <message>
        <source>There is no sound backup to restore.</source>
        <translation>没有可恢复的完好备份。</translation>
    </message>
    <message>
        <source>The database of {parent} is damaged ({shown}); it was not changed. {advice}</source>
        <translation>{parent} 的数据库已损坏（{shown}）；未对其做任何更改。{advice}</translation>
    </message>
    <message>
        <source>Could not write to {folder}: {reason}. Nothing was changed.</source>
        <translation>无法写入 {folder}：{reason}。未作任何更改。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <extracomment>SQLite&apos;s primary result codes that say the storage failed, not the program (see https://sqlite.org/rescode.html).</extracomment>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk could not be read or written (an input/output error)</source>
        <translation>磁盘无法读写（输入/输出错误）</translation>
    </message>
    <message>
        <source>the database cannot be written to (read-only)</source>
        <translation>数据库无法写入（只读）</translation>
    </message>
    <message>
        <source>another program kept the database busy</source>
        <translation>另一个程序一直占用数据库</translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <source>{folder} cannot be written to (a read-only medium or folder), and {program} needs to write there. Search, show, info, tags, history and export work; to change the library, copy its folder to a writable disk.</source>
        <translation>{folder} 无法写入（只读介质或文件夹），而 {program} 需要在那里写入。搜索、查看、信息、标签、历史和导出仍可使用；如需修改该资料库，请将其文件夹复制到可写的磁盘上。</translation>
    </message>
    <message>
        <source>another process</source>
        <extracomment>The ``program`` a main window takes the lock as. How long a waiting writer sleeps between tries (seconds). Bytes of holder information read back at most.</extracomment>
        <translation>另一个进程</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>进程 {pid}</translation>
    </message>
    <message>
        <source>user {user}</source>
        <translation>用户 {user}</translation>
    </message>
    <message>
        <source>since {since}</source>
        <translation>自 {since} 起</translation>
    </message>
    <message>
        <source>{program} ({details})</source>
        <translation>{program}（{details}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{path} is a link or not a plain file; ngodesk writes nothing through it. Remove it (it is made again) and try again.</source>
        <translation>{path} 是链接或不是普通文件；ngodesk 不会通过它写入任何内容。请删除它（会重新创建）后重试。</translation>
    </message>
    <message>
        <source>The library {folder} is open for writing in {value}.</source>
        <translation>资料库 {folder} 已被 {value} 以可写方式打开。</translation>
    </message>
    <message>
        <source>too deeply nested: {depth} levels of brackets, ngodesk reads at most {limit}</source>
        <extracomment>What is skipped when counting brackets: JSON strings. Turtle&apos;s long and short strings, IRIs and comments.</extracomment>
        <translation>嵌套过深：括号达 {depth} 层，ngodesk 最多读取 {limit} 层</translation>
    </message>
    <message>
        <source>date &apos;{value}&apos; read as {date}; kept as given in extra as date_as_given</source>
        <extracomment>Full dates (the whole value): ISO with - / . or 年月日, a time after it. Characters of a text a stand-in title is made of at most.</extracomment>
        <translation>日期“{value}”读作 {date}；原样保存在附加数据 date_as_given 中</translation>
    </message>
    <message>
        <source>url &apos;{value}&apos; is not a web address; kept in extra as url_as_given</source>
        <translation>网址“{value}”不是有效的网址；已保存在附加数据 url_as_given 中</translation>
    </message>
    <message>
        <source>no title; its {what} made the title</source>
        <translation>没有标题；以其{what}作为标题</translation>
    </message>
    <message>
        <source>the record has neither a title nor a text</source>
        <translation>该记录既没有标题也没有正文</translation>
    </message>
    <message>
        <source>no title; the start of its text made the title</source>
        <translation>没有标题；以正文开头作为标题</translation>
    </message>
    <message>
        <source>not a readable entry: {reason}</source>
        <extracomment>What BibTeX writers escape in addresses: % # &amp; _ ~ $</extracomment>
        <translation>不是可读取的条目：{reason}</translation>
    </message>
    <message>
        <source>line {line} ({key})</source>
        <translation>第 {line} 行（{key}）</translation>
    </message>
    <message>
        <source>the entry has no title</source>
        <translation>该条目没有标题</translation>
    </message>
    <message>
        <source>url holds {count} web addresses; the first kept, the others in extra as other_urls</source>
        <translation>网址字段含有 {count} 个网址；保留第一个，其余保存在附加数据 other_urls 中</translation>
    </message>
    <message>
        <source>date {given} cannot be a story&apos;s date; kept as given in extra as {key}, the story undated</source>
        <extracomment>Where a date that a story cannot hold as it is given is kept.</extracomment>
        <translation>日期 {given} 不能作为报道日期；原样保存在附加数据 {key} 中，报道不设日期</translation>
    </message>
    <message>
        <source>date range {given}: its start kept as the date, the range in extra as {key}</source>
        <translation>日期范围 {given}：以起始日期作为日期，范围保存在附加数据 {key} 中</translation>
    </message>
    <message>
        <source>date {given} is approximate: kept as {date}, as given in extra as {key}</source>
        <translation>日期 {given} 为约数：保存为 {date}，原样保存在附加数据 {key} 中</translation>
    </message>
    <message>
        <source>not valid JSON: {error}</source>
        <translation>不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>record {number}</source>
        <translation>第 {number} 条记录</translation>
    </message>
    <message>
        <source>not a CSL item (an object with a type)</source>
        <translation>不是 CSL 条目（带 type 的对象）</translation>
    </message>
    <message>
        <source>the item has no title</source>
        <translation>该条目没有标题</translation>
    </message>
    <message>
        <source>short title</source>
        <extracomment>Fields read into story fields (the rest goes to extra). Other contributors, by EndNote&apos;s name for them and what they are. Address lists of ``urls`` that are the record&apos;s web addresses. Fields whose line breaks are kept.
----------
Namespaces only Zotero&apos;s export (and its Bibliontology ancestor) declare. The creators that are an item&apos;s people: its authors, or when it has none the first of Zotero&apos;s other primary creator types (a film&apos;s directors...), or its editors. Properties read into story fields or walked (the rest goes to extra). Identifiers Zotero writes as ``TYPE value`` literals. Subject nodes that hold a call number, not a tag.</extracomment>
        <translation>短标题</translation>
    </message>
    <message>
        <source>translated title</source>
        <extracomment>Fields read into story fields (the rest goes to extra).</extracomment>
        <translation>译名标题</translation>
    </message>
    <message>
        <source>alternative title</source>
        <extracomment>Dates of ``originInfo`` in the order they date a record. Subject terms that are tags (geographic ones are places). Parts of ``part/detail`` kept by their type. Other titles, in the order one stands in for a missing title.</extracomment>
        <translation>其他标题</translation>
    </message>
    <message>
        <source>record {number} (rec-number {rec_number})</source>
        <translation>第 {number} 条记录（rec-number {rec_number}）</translation>
    </message>
    <message>
        <source>no EndNote records (records/record) found in it</source>
        <translation>其中未找到 EndNote 记录（records/record）</translation>
    </message>
    <message>
        <source>keywords: split only at commas with no space after them, as Mendeley and Better BibTeX write them ({count} tags); the list as given kept in extra as keywords_as_given</source>
        <extracomment>where a list read the Mendeley / Better BibTeX way is kept as given a comma with no space after it (and not at the end) what a reference manager keeps inside a keyword: a comma and a space, a semicolon</extracomment>
        <translation>关键词：仅在其后没有空格的逗号处拆分，这是 Mendeley 和 Better BibTeX 的写法（{count} 个标签）；原样的列表保存在附加数据 keywords_as_given 中</translation>
    </message>
    <message>
        <source>uniform title</source>
        <translation>统一题名</translation>
    </message>
    <message>
        <source>abbreviated title</source>
        <translation>缩写标题</translation>
    </message>
    <message>
        <source>record {number} ({identifier})</source>
        <translation>第 {number} 条记录（{identifier}）</translation>
    </message>
    <message>
        <source>no MODS records (mods) found in it</source>
        <translation>其中未找到 MODS 记录（mods）</translation>
    </message>
    <message>
        <source>TY given {count} times before the record&apos;s ER ({types}); read as one record</source>
        <translation>在记录的 ER 之前出现了 {count} 次 TY（{types}）；按一条记录读取</translation>
    </message>
    <message>
        <source>not a readable RIS record: {error}</source>
        <translation>不是可读取的 RIS 记录：{error}</translation>
    </message>
    <message>
        <source>the record has no title (TI, T1 or ST)</source>
        <translation>该记录没有标题（TI、T1 或 ST）</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>item {number} ({about})</source>
        <translation>第 {number} 个条目（{about}）</translation>
    </message>
    <message>
        <source>no Zotero items (z:itemType) found in it</source>
        <translation>其中未找到 Zotero 条目（z:itemType）</translation>
    </message>
    <message>
        <source>Could not count the sidebar&apos;s entries: {error}</source>
        <extracomment>Rows fetched for the first answer: a screenful and then some. How long the worker waits for the first page to be painted at most. The state of the index saved in the library&apos;s folder, if known.</extracomment>
        <translation>无法统计侧栏条目：{error}</translation>
    </message>
    <message>
        <source>“{title}” is in the library again (a merge or an import brought it back); the Trash&apos;s copy was left as it was.</source>
        <extracomment>Days a story stays in the Trash. Links to a record or tag merged away are followed to the one it went into, this many merges deep at most. What a story in the Trash names by uuid.</extracomment>
        <translation>“{title}”已重新出现在资料库中（由合并或导入带回）；回收站中的副本保持不变。</translation>
    </message>
    <message>
        <source>More than one story in the Trash starts with {uuid}; give more of it.</source>
        <translation>回收站中有不止一篇报道以 {uuid} 开头；请给出更多字符。</translation>
    </message>
    <message>
        <source>No story {uuid} in the Trash.</source>
        <translation>回收站中没有报道 {uuid}。</translation>
    </message>
    <message>
        <source>text without a story title before it; skipped</source>
        <extracomment>Plain .txt is too common to mean this format: auto-detection needs the ``Keyword:`` header (``sniff``), or the user names the format. &quot;… read more »&quot; at the end of a summary, with the space before it. (A match starts only where a run of spaces does and never gives spaces back: the pattern without that took cubic time on a long run of them.)</extracomment>
        <translation>文字前没有报道标题；已跳过</translation>
    </message>
    <message>
        <source>no stories found: the file is empty or has only a header</source>
        <translation>未找到报道：文件为空或只有标题行</translation>
    </message>
    <message>
        <source>declares XML entities; refused for safety</source>
        <translation>声明了 XML 实体；出于安全考虑拒绝读取</translation>
    </message>
    <message>
        <source>not a readable feed: {error}</source>
        <translation>不是可读取的订阅源：{error}</translation>
    </message>
    <message>
        <source>entry {number}</source>
        <translation>第 {number} 个条目</translation>
    </message>
    <message>
        <source>deleted in the repository</source>
        <translation>已在存储库中删除</translation>
    </message>
    <message>
        <source>has no oai_dc metadata</source>
        <translation>没有 oai_dc 元数据</translation>
    </message>
    <message>
        <source>the record has no dc:title</source>
        <translation>该记录没有 dc:title</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>not readable XML: {error}</source>
        <translation>不是可读取的 XML：{error}</translation>
    </message>
    <message>
        <source>not readable as SKOS ({syntax}): {error}</source>
        <translation>无法按 SKOS（{syntax}）读取：{error}</translation>
    </message>
    <message>
        <source>a concept without a skos:prefLabel</source>
        <translation>没有 skos:prefLabel 的概念</translation>
    </message>
    <message>
        <source>more than one broader concept; placed under the first ({first})</source>
        <translation>有多个上位概念；已放在第一个（{first}）之下</translation>
    </message>
    <message>
        <source>the entry has no term</source>
        <extracomment>Term notes that say a term&apos;s status (TBX&apos;s administrativeStatus, TBX-Default&apos;s normativeAuthorization, TBX-Min&apos;s usageStatus, a temporal qualifier), and their values by what ngodesk makes of them, written without &quot;Term&quot; and the &quot;-admn-sts&quot;/&quot;-tq&quot; endings, in lower case. What a status written in our own files is (see ``write``). processStatus values for the term&apos;s status, both ways what ngodesk makes of it: _PREFERRED, _ADMITTED, _FORBIDDEN or _OBSOLETE the status as the file writes it, when that says more than ``status``</extracomment>
        <translation>该条目没有术语</translation>
    </message>
    <message>
        <source>not a TBX document (its root is &lt;{root}&gt;)</source>
        <translation>不是 TBX 文档（其根元素为 &lt;{root}&gt;）</translation>
    </message>
    <message>
        <source>entry {number} ({id})</source>
        <translation>第 {number} 个条目（{id}）</translation>
    </message>
    <message>
        <source>not readable as a table: {error}</source>
        <extracomment>Field -&gt; the headings that name it (compared case-insensitively). Columns of an export, in order, with their headings.</extracomment>
        <translation>无法按表格读取：{error}</translation>
    </message>
    <message>
        <source>the row has no term</source>
        <translation>该行没有术语</translation>
    </message>
    <message>
        <source>status: &apos;{status}&apos; is not one of {allowed}</source>
        <translation>状态：“{status}”不是 {allowed} 之一</translation>
    </message>
    <message>
        <source>not a Web Annotation document (a JSON object or list)</source>
        <translation>不是 Web Annotation 文档（应为 JSON 对象或列表）</translation>
    </message>
    <message>
        <source>not a Web Annotation document (its type is {type})</source>
        <translation>不是 Web Annotation 文档（其类型为 {type}）</translation>
    </message>
    <message>
        <source>not an annotation</source>
        <translation>不是批注</translation>
    </message>
    <message>
        <source>its target is not a story (urn:uuid:...)</source>
        <translation>其目标不是报道（urn:uuid:...）</translation>
    </message>
    <message>
        <source>it quotes no text (no TextQuoteSelector)</source>
        <translation>未引用任何文字（没有 TextQuoteSelector）</translation>
    </message>
    <message>
        <source>not JSON: {error} at line {line}</source>
        <translation>不是 JSON：{error}（第 {line} 行）</translation>
    </message>
    <message>
        <source>annotation {number}</source>
        <translation>第 {number} 条批注</translation>
    </message>
    <message>
        <source>in the WordPress trash</source>
        <translation>在 WordPress 回收站中</translation>
    </message>
    <message>
        <source>an empty automatic draft</source>
        <translation>空的自动草稿</translation>
    </message>
    <message>
        <source>not a WordPress export (no channel or wxr_version)</source>
        <translation>不是 WordPress 导出文件（没有 channel 或 wxr_version）</translation>
    </message>
    <message>
        <source>item {number} (post {post})</source>
        <translation>第 {number} 个条目（文章 {post}）</translation>
    </message>
    <message>
        <source>item {number}</source>
        <translation>第 {number} 个条目</translation>
    </message>
    <message>
        <source>%Ln item(s) of type &apos;{type}&apos; left out (importing: {wanted})</source>
        <translation>未导入 %Ln 个“{type}”类型的条目（导入的类型：{wanted}）</translation>
    </message>
    <message>
        <source>This library is not joined to a team hub (File &gt; Team &gt; Join Team Hub, or ngodesk team join URL).</source>
        <extracomment>The mirror&apos;s meta keys: the hub&apos;s version it holds, and which hub it is. What a library joined to no hub is told.</extracomment>
        <translation>此资料库尚未加入团队中心（文件 &gt; 团队 &gt; 加入团队中心，或 ngodesk team join URL）。</translation>
    </message>
    <message>
        <source>This library is joined to the hub {hub} already: leave it first.</source>
        <extracomment>Pull-merge-push rounds a sync tries before giving up (others pushing the same records all the while).</extracomment>
        <translation>此资料库已加入团队中心 {hub}：请先退出。</translation>
    </message>
    <message>
        <source>The hub {hub} does not let you read it: ask its owner to grant you a role.</source>
        <translation>团队中心 {hub} 不允许您读取：请让其所有者为您分配角色。</translation>
    </message>
    <message>
        <source>The hub {hub} kept changing under this sync; nothing was lost: sync again.</source>
        <translation>同步期间团队中心 {hub} 一直在变化；没有丢失任何内容：请再同步一次。</translation>
    </message>
    <message>
        <source>Your role on the hub {hub} lets you pull only (a reader): {n} changes here were not sent. Ask its owner to make you an editor (ngodesk team grant URL ROLE --editor).</source>
        <translation>您在团队中心 {hub} 的角色只能拉取（读者）：本机的 {n} 项更改未发送。请让其所有者将您设为编辑者（ngodesk team grant URL ROLE --editor）。</translation>
    </message>
    <message>
        <source>The sync was cancelled; nothing changed.</source>
        <translation>同步已取消；没有任何更改。</translation>
    </message>
    <message>
        <source>Not a PostgreSQL URL: {url} (a hub&apos;s URL looks like postgresql://user@host/database)</source>
        <extracomment>The URL schemes a hub may be given with. SQLSTATEs of a server going away (admin shutdown, crash, cannot connect now). What libpq says when it refuses a connection (it gives no SQLSTATE then).</extracomment>
        <translation>不是 PostgreSQL 网址：{url}（团队中心网址形如 postgresql://user@host/database）</translation>
    </message>
    <message>
        <source>The hub {hub} refused the password of {user} (it is taken from the URL, PGPASSWORD or ~/.pgpass; it is never stored in the library)</source>
        <extracomment>Seconds to wait for a hub to answer a connection (unless the URL says ``connect_timeout=``): a hub out of reach is said, not waited on.</extracomment>
        <translation>团队中心 {hub} 拒绝了 {user} 的密码（密码取自网址、PGPASSWORD 或 ~/.pgpass；绝不保存在资料库中）</translation>
    </message>
    <message>
        <source>The hub {hub} does not let {user} in: {detail}</source>
        <translation>团队中心 {hub} 不允许 {user} 登录：{detail}</translation>
    </message>
    <message>
        <source>No such database on the hub&apos;s server: {hub} ({detail})</source>
        <translation>团队中心的服务器上没有这个数据库：{hub}（{detail}）</translation>
    </message>
    <message>
        <source>The hub {hub} did not allow {user} this: {detail}</source>
        <translation>团队中心 {hub} 不允许 {user} 执行此操作：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach the hub {hub} ({detail}). Nothing half-done is left there; work on and sync later.</source>
        <translation>无法连接团队中心 {hub}（{detail}）。那里没有留下做了一半的更改；请继续工作，稍后再同步。</translation>
    </message>
    <message>
        <source>The hub {hub} failed: {detail}</source>
        <translation>团队中心 {hub} 出错：{detail}</translation>
    </message>
    <message>
        <source>{hub} is not a team hub (make one with ngodesk team create URL)</source>
        <translation>{hub} 不是团队中心（用 ngodesk team create URL 创建一个）</translation>
    </message>
    <message>
        <source>The hub {hub} was made by a newer ngodesk (schema {revision}; this one knows up to {known}): update ngodesk to use it; the hub was not changed</source>
        <translation>团队中心 {hub} 由更新版本的 ngodesk 创建（架构 {revision}；本程序最多支持 {known}）：请更新 ngodesk 后再使用；团队中心未被改动</translation>
    </message>
    <message>
        <source>The hub {hub} has an older schema ({revision}): its owner brings it up to date with ngodesk team create URL</source>
        <translation>团队中心 {hub} 的架构较旧（{revision}）：其所有者可用 ngodesk team create URL 升级</translation>
    </message>
    <message>
        <source>{hub} already holds other tables ({tables}): a hub needs an empty database of its own</source>
        <translation>{hub} 中已有其他表（{tables}）：团队中心需要一个独占的空数据库</translation>
    </message>
    <message>
        <source>Making a hub makes its editors&apos; and readers&apos; roles: connect as a user who may create roles (CREATEROLE)</source>
        <extracomment>The hub&apos;s tables (and Alembic&apos;s) everyone on the team reads. The tables editors write (never delete from: a deletion is a tombstone).</extracomment>
        <translation>创建团队中心时会创建其编辑者和读者角色：请以可以创建角色的用户（CREATEROLE）连接</translation>
    </message>
    <message>
        <source>There is no role {role} on the hub&apos;s server: make it first (CREATE ROLE {role} LOGIN PASSWORD &apos;…&apos;), then grant it</source>
        <translation>团队中心的服务器上没有角色 {role}：请先创建（CREATE ROLE {role} LOGIN PASSWORD &apos;…&apos;），再授予权限</translation>
    </message>
    <message>
        <source>{database} has no team roles: is it a hub? (make one with ngodesk team create URL)</source>
        <translation>{database} 没有团队角色：它是团队中心吗？（用 ngodesk team create URL 创建一个）</translation>
    </message>
</context>
<context>
    <name>NewRecord</name>
    <message>
        <source>Create a new organisation “{name}”?</source>
        <translation>新建机构“{name}”？</translation>
    </message>
    <message>
        <source>Create a new person “{name}”?</source>
        <translation>新建人物“{name}”？</translation>
    </message>
    <message>
        <source>Create a new place “{name}”?</source>
        <translation>新建地点“{name}”？</translation>
    </message>
    <message>
        <source>New Record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Did you mean {name}?</source>
        <translation>您是指 {name} 吗？</translation>
    </message>
    <message>
        <source>Link {name}</source>
        <translation>关联 {name}</translation>
    </message>
    <message>
        <source>Create “{name}”</source>
        <translation>新建“{name}”</translation>
    </message>
</context>
<context>
    <name>OpeningChecks</name>
    <message>
        <source>Checking the library</source>
        <extracomment>Bytes in the status bar&apos;s units. How long the status bar says that the daily backup was made, or that a check or backup failed (ms). the daily backup&apos;s progress, in the window&apos;s status bar</extracomment>
        <translation>正在检查文库</translation>
    </message>
    <message>
        <source>{task} failed: {error}</source>
        <translation>{task}失败：{error}</translation>
    </message>
    <message>
        <source>The library&apos;s database is damaged: changes are refused. Restore a backup (File &gt; Restore Backup…).</source>
        <translation>文库数据库已损坏：不再接受修改。请恢复备份（文件 &gt; 恢复备份…）。</translation>
    </message>
    <message>
        <source>  (damaged)</source>
        <translation>  （已损坏）</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Daily backup cancelled; the previous backups are kept.</source>
        <translation>每日备份已取消；之前的备份均保留。</translation>
    </message>
    <message>
        <source>Backed up to {name}.</source>
        <translation>已备份到 {name}。</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>&amp;Sidebar</source>
        <extracomment>In the Translate layout the list takes this share of the width (at least LIST_MIN_WIDTH). The splitter&apos;s panes, in its order. How the panes were before the Translate layout (None when it is off).</extracomment>
        <translation>侧栏(&amp;S)</translation>
    </message>
    <message>
        <source>Story &amp;List</source>
        <translation>报道列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>编辑器(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Translate Layout</source>
        <translation>翻译布局(&amp;T)</translation>
    </message>
    <message>
        <source>Original and translation side by side across the window, beside a narrow story list</source>
        <translation>原文和译文并排占满窗口，旁边是较窄的报道列表</translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Recorded in each story&apos;s history with the changes you make (empty: {name}).</source>
        <translation>与您所做的更改一起记入每篇报道的历史（留空则使用 {name}）。</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>您的登录名</translation>
    </message>
    <message>
        <source>The system&apos;s ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>A new language applies when ngodesk next starts.</source>
        <translation>新的界面语言将在 ngodesk 下次启动时生效。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Authority Records</source>
        <extracomment>Stories listed at most when splitting a record.</extracomment>
        <translation>规范记录</translation>
    </message>
    <message>
        <source>Merge Record</source>
        <translation>合并规范记录</translation>
    </message>
    <message>
        <source>There is no other {kind} to merge “{name}” into.</source>
        <translation>没有其他{kind}可供“{name}”并入。</translation>
    </message>
    <message>
        <source>{name} ({n} stories)</source>
        <translation>{name}（{n} 篇报道）</translation>
    </message>
    <message>
        <source>Merge “{name}” into (its stories move there, its names become alternative names):</source>
        <translation>将“{name}”合并到（其报道将移至该记录，其名称成为其他名称）：</translation>
    </message>
    <message>
        <source>Delete Record</source>
        <translation>删除规范记录</translation>
    </message>
    <message>
        <source>Delete “{name}”? {n} stories lose the link to it. You can undo this.</source>
        <translation>删除“{name}”吗？{n} 篇报道将失去与它的关联。此操作可撤销。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New Record</source>
        <translation>新建规范记录</translation>
    </message>
    <message>
        <source>Record “{name}”</source>
        <translation>规范记录“{name}”</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>The name the catalogue files it under</source>
        <translation>目录中用于归档的名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>Names in other languages and scripts, acronyms, old names. Tick Preferred for the name to use in that language (one per language).</source>
        <translation>其他语言和文字的名称、缩写、旧称。勾选“首选”可指定在该语言中使用的名称（每种语言一个）。</translation>
    </message>
    <message>
        <source>Add Name</source>
        <translation>添加名称</translation>
    </message>
    <message>
        <source>Remove Name</source>
        <translation>移除名称</translation>
    </message>
    <message>
        <source>Other names:</source>
        <translation>其他名称：</translation>
    </message>
    <message>
        <source>e.g. foundation, university, city</source>
        <translation>如：基金会、大学、城市</translation>
    </message>
    <message>
        <source>e.g. a Wikidata id such as Q5100608 (kept as text)</source>
        <translation>如 Wikidata 标识符 Q5100608（按文本保存）</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>国家(&amp;C)：</translation>
    </message>
    <message>
        <source>E&amp;xternal id:</source>
        <translation>外部标识符(&amp;X)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>批注(&amp;O)：</translation>
    </message>
    <message>
        <source>A record to see also</source>
        <translation>参见的规范记录</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>参见</translation>
    </message>
    <message>
        <source>&amp;See also:</source>
        <translation>参见(&amp;S)：</translation>
    </message>
    <message>
        <source>A record needs a name.</source>
        <translation>规范记录必须有名称。</translation>
    </message>
    <message>
        <source>“{a}” and “{b}” cannot both be preferred in {language}.</source>
        <translation>“{a}”和“{b}”不能同时作为{language}的首选名称。</translation>
    </message>
    <message>
        <source>no language</source>
        <translation>未指定语言</translation>
    </message>
</context>
<context>
    <name>RecordFinder</name>
    <message>
        <source>Reading the records&apos; names</source>
        <translation>读取规范记录的名称</translation>
    </message>
    <message>
        <source>Could not read the records&apos; names: {error}</source>
        <translation>无法读取规范记录的名称：{error}</translation>
    </message>
    <message>
        <source>{name} ({other})</source>
        <translation>{name}（{other}）</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>Authority Records</source>
        <translation>规范记录</translation>
    </message>
    <message>
        <source>Find a record by any of its names (中文, English, acronym…)</source>
        <translation>按任一名称查找规范记录（中文、English、缩写…）</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>拆分(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Show &amp;Stories</source>
        <translation>显示报道(&amp;S)</translation>
    </message>
    <message>
        <source>No record has a name like “{text}”.</source>
        <translation>没有名称与“{text}”相近的规范记录。</translation>
    </message>
    <message>
        <source>No records yet: New… makes one; so does linking a name to a story in the editor.</source>
        <translation>还没有规范记录：点击“新建…”即可创建；在编辑器中为报道关联名称时也会创建。</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search: words, &quot;phrases&quot;, -exclude, tag:, org:, year:2018, 丝路 or silu…</source>
        <extracomment>How long typing pauses before the search runs. The field&apos;s look while its query is malformed.</extracomment>
        <translation>搜索：词语、&quot;短语&quot;、-排除词、tag:、org:、year:2018、丝路或 silu…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Words must all match; &quot;exact phrase&quot;; -word excludes; a OR b; (groups);
fields: tag: org: person: place: source: title: lang: status: year:2015..2018 date: is:untagged</source>
        <translation>所有词语均须匹配；&quot;精确短语&quot;；-词语 表示排除；a OR b 表示任选其一；(…) 表示分组；
字段：tag: org: person: place: source: title: lang: status: year:2015..2018 date: is:untagged</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Browse</source>
        <extracomment>(query text, filters) of a saved search the user chose story ids to export (a collection&apos;s) the Trash entry was clicked counting the saved searches failed: what to tell the user</extracomment>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Tags and facets</source>
        <translation>标签与分面</translation>
    </message>
    <message>
        <source>All stories</source>
        <extracomment>what the window searches for now and which stories are selected (set by the window; saving a search and making a collection use them)</extracomment>
        <translation>所有报道</translation>
    </message>
    <message>
        <source>Show all stories: clear the search and the filters</source>
        <translation>显示所有报道：清除搜索和筛选</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted stories, kept 30 days: click to restore or let go</source>
        <translation>已删除的报道，保留 30 天：单击可恢复或彻底删除</translation>
    </message>
    <message>
        <source>Click to show only these</source>
        <translation>单击仅显示这些</translation>
    </message>
    <message>
        <source>Click again to exclude these</source>
        <translation>再次单击排除这些</translation>
    </message>
    <message>
        <source>Click again to drop this filter</source>
        <translation>再次单击取消此筛选</translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation>又名：{names}</translation>
    </message>
    <message>
        <source>No tags yet (right-click to add one)</source>
        <translation>还没有标签（右键单击可添加）</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>上次导入</translation>
    </message>
    <message>
        <source>The stories the last import added (until the window closes)</source>
        <translation>上次导入添加的报道（直到窗口关闭）</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>{language}: {state}</source>
        <translation>{language}：{state}</translation>
    </message>
    <message>
        <source>New Tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>New Tag Inside “{name}”…</source>
        <translation>在“{name}”下新建标签…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Set Colour…</source>
        <translation>设置颜色…</translation>
    </message>
    <message>
        <source>Thesaurus Entry…</source>
        <translation>叙词表条目…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Move to the Top</source>
        <translation>移到顶层</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit Record…</source>
        <translation>编辑规范记录…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Delete Record…</source>
        <translation>删除规范记录…</translation>
    </message>
    <message>
        <source>Show Only These</source>
        <translation>仅显示这些</translation>
    </message>
    <message>
        <source>Exclude These</source>
        <translation>排除这些</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>将“{name}”合并到：</translation>
    </message>
    <message>
        <source>Delete the tag “{path}”? 1 story will lose it.</source>
        <translation>删除标签“{path}”吗？1 篇报道将失去此标签。</translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “{path}”? %Ln stories will lose it.</source>
        <translation>
            <numerusform>删除标签“{path}”吗？%Ln 篇报道将失去此标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>The tag inside it goes too.</source>
        <translation>其下的 1 个标签也将一并删除。</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln tags inside it go too.</source>
        <translation>
            <numerusform>其下的 %Ln 个标签也将一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation>此操作可撤销。</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split “{name}”</source>
        <translation>拆分“{name}”</translation>
    </message>
    <message>
        <source>A new {kind} takes the names and stories you tick away from “{name}”; the two will see each other.</source>
        <translation>新建一个{kind}，从“{name}”中移出您勾选的名称和报道；两者将互为“参见”。</translation>
    </message>
    <message>
        <source>Name of the new record</source>
        <translation>新规范记录的名称</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>新名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Names it takes:</source>
        <translation>移入的名称：</translation>
    </message>
    <message>
        <source>Stories about it:</source>
        <translation>相关报道：</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>拆分(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>draft</source>
        <extracomment>Story statuses (``StoryStatus``), story-list and sidebar words.</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>catalogued</source>
        <translation>已编目</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审校</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <extracomment>Translation statuses (``TranslationStatus``).</extracomment>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>Draft</source>
        <extracomment>Glossary term statuses (``TermStatus``).</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审校</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <source>Select a story to see and edit it here.</source>
        <extracomment>Fields whose value was refused, and the last reason (shown).</extracomment>
        <translation>选择一篇报道即可在此查看和编辑。</translation>
    </message>
    <message>
        <source>2018, 2018-12 or 2018-12-07</source>
        <translation>2018、2018-12 或 2018-12-07</translation>
    </message>
    <message>
        <source>Choose a language, or type its name or code (中文, English, zh-Hant…)</source>
        <translation>选择一种语言，或输入其名称或代码（中文、English、zh-Hant…）</translation>
    </message>
    <message>
        <source>Add a tag (Region/Asia)…</source>
        <translation>添加标签（如“地区/亚洲”）…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add an organisation…</source>
        <translation>添加机构…</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加人物…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Add a place…</source>
        <translation>添加地点…</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文文本</translation>
    </message>
    <message>
        <source>Body preview</source>
        <translation>正文预览</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <source>Atta&amp;chments</source>
        <translation>附件(&amp;C)</translation>
    </message>
    <message>
        <source>Sto&amp;ry</source>
        <extracomment>field name -&gt; (read the widget, write the widget) The text fields&apos; widgets, by field. Fields of the story shown whose text is longer than a story holds now (a library from before the limits): shown cut, read-only. The field widgets: focus entering one starts a visit, leaving saves. Tag paths offered as completions: read again only after tags changed. What the record fields offer as the user types.</extracomment>
        <translation>报道(&amp;R)</translation>
    </message>
    <message>
        <source>Tra&amp;nslation</source>
        <translation>翻译(&amp;N)</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>历史(&amp;Y)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stories selected. Select one to edit it.</source>
        <translation>
            <numerusform>已选择 %Ln 篇报道。只选择一篇即可编辑。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation>发布日期(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>网址(&amp;W)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>摘要(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>正文(&amp;B)</translation>
    </message>
    <message>
        <source>Not saved in “{title}”: {reason}. The story keeps its earlier value.</source>
        <translation>未保存到“{title}”：{reason}。报道保留原来的值。</translation>
    </message>
    <message>
        <source>The {field} is longer than the {limit:,} characters a story keeps now: only its beginning is shown, and it cannot be edited here.</source>
        <translation>{field}超过报道目前可保存的 {limit:,} 个字符：只显示开头部分，且无法在此编辑。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>StoryList</name>
    <message>
        <source>Stories</source>
        <extracomment>Columns hidden until the user shows them (header context menu). The columns&apos; first widths, in pixels (room for &quot;Chinese (Simplified)&quot;, &quot;catalogued&quot;). Rows selected at most when a selection is put back (after a search). Sorting by a column: (its key, descending); None: the search&apos;s own order (relevance, or newest first).</extracomment>
        <translation>报道</translation>
    </message>
</context>
<context>
    <name>StoryPane</name>
    <message>
        <source>Searching…</source>
        <extracomment>After an edit in the editor, the list&apos;s order and counts follow this late. The stories to select once the running search has listed them. Set while a refresh deselects the story being edited (it stays).</extracomment>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln stories</source>
        <translation>
            <numerusform>{shown} / %Ln 篇报道</numerusform>
        </translation>
    </message>
    <message>
        <source>No stories match. Change the search or click “All stories” to clear the filters.</source>
        <translation>没有匹配的报道。请修改搜索，或点击“所有报道”清除筛选。</translation>
    </message>
    <message>
        <source>This library has no stories.</source>
        <translation>此资料库中没有报道。</translation>
    </message>
    <message>
        <source>This library has no stories yet. &lt;a href=&quot;import&quot;&gt;Import&lt;/a&gt; stories from files, or add one with &lt;a href=&quot;new&quot;&gt;New Story&lt;/a&gt;.</source>
        <translation>此资料库中还没有报道。可以从文件&lt;a href=&quot;import&quot;&gt;导入&lt;/a&gt;报道，或用&lt;a href=&quot;new&quot;&gt;新建报道&lt;/a&gt;添加一篇。</translation>
    </message>
</context>
<context>
    <name>StoryTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <extracomment>Stories in the library when last counted (for empty-state hints). Recently shown blocks of rows; None marks a story deleted meanwhile.</extracomment>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a story&apos;s tags</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>StoryTools</name>
    <message>
        <source>Untitled story</source>
        <translation>无标题报道</translation>
    </message>
    <message>
        <source>Remove from “{name}”</source>
        <translation>从“{name}”中移除</translation>
    </message>
    <message>
        <source>Remove from &amp;Collection</source>
        <translation>从合集中移除(&amp;C)</translation>
    </message>
    <message>
        <source>Show a collection (in the sidebar) and select its stories first.</source>
        <translation>请先在侧栏中显示一个合集，并选中其中的报道。</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>正在查找重复</translation>
    </message>
    <message numerus="yes">
        <source>Change the %Ln selected stories.</source>
        <translation>
            <numerusform>修改所选的 %Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No story is selected: change all %Ln stories listed.</source>
        <translation>
            <numerusform>未选择报道：将修改列表中的全部 %Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message>
        <source>No stories to edit.</source>
        <translation>没有可编辑的报道。</translation>
    </message>
    <message numerus="yes">
        <source>Changed %Ln stories.</source>
        <translation>
            <numerusform>已修改 %Ln 篇报道。</numerusform>
        </translation>
    </message>
    <message>
        <source>Changing stories</source>
        <translation>正在修改报道</translation>
    </message>
    <message>
        <source>Merge Duplicate Stories</source>
        <translation>合并重复报道</translation>
    </message>
    <message>
        <source>No stories to look at.</source>
        <translation>没有可查看的报道。</translation>
    </message>
    <message>
        <source>Looking for records named in the stories</source>
        <translation>正在查找报道中提及的规范记录</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggested Records</source>
        <translation>建议的规范记录</translation>
    </message>
    <message>
        <source>{n} suggestions: records that seem to be named in {m} of the {s} stories chosen and are not linked to them. Untick those that are wrong: they will not be suggested again.</source>
        <translation>{n} 条建议：这些规范记录似乎在所选 {s} 篇报道中的 {m} 篇里被提及，但尚未与之关联。请取消勾选错误的建议，它们今后不会再被提出。</translation>
    </message>
    <message>
        <source>No suggestions: no record&apos;s name or alternative name stands in the {s} stories chosen that they are not linked to already.</source>
        <translation>没有建议：所选 {s} 篇报道中未出现尚未关联的规范记录名称或其他名称。</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>规范记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Found as</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <source>&amp;Link Ticked</source>
        <translation>关联所勾选项(&amp;L)</translation>
    </message>
    <message>
        <source>Tick &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Tick &amp;None</source>
        <translation>全不选(&amp;N)</translation>
    </message>
</context>
<context>
    <name>TeamFlow</name>
    <message>
        <source>&amp;Join Team Hub…</source>
        <translation>加入团队中心(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <extracomment>After a change here, how long to wait before counting what waits to be sent (the count compares the whole library with the hub&apos;s copy: ~1 s at 10,000 stories; not after every keystroke). After a colleague&apos;s push, how long to wait (more may come) before syncing. How long to wait before listening again to a hub that could not be reached. How often &quot;synced 2 minutes ago&quot; is brought up to date. Marks a sync refused for its password (the window then asks for one). the hub&apos;s URL (no password) while the library is joined to one</extracomment>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>Team S&amp;tatus…</source>
        <translation>团队状态(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Leave Team Hub…</source>
        <translation>退出团队中心(&amp;L)…</translation>
    </message>
    <message>
        <source>Counting the changes to send</source>
        <translation>正在统计待发送的更改</translation>
    </message>
    <message>
        <source>Joining the team hub</source>
        <translation>正在加入团队中心</translation>
    </message>
    <message>
        <source>Hub: {hub}</source>
        <translation>团队中心：{hub}</translation>
    </message>
    <message>
        <source>Hub&apos;s version: {version}</source>
        <translation>团队中心版本：{version}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Last synced: version {version}, {when}</source>
        <translation>上次同步：版本 {version}，{when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {n}</source>
        <translation>待发送的更改：{n}</translation>
    </message>
    <message>
        <source>Team Status</source>
        <translation>团队状态</translation>
    </message>
    <message>
        <source>Asking the team hub</source>
        <translation>正在询问团队中心</translation>
    </message>
    <message>
        <source>Leave Team Hub</source>
        <translation>退出团队中心</translation>
    </message>
    <message>
        <source>Stop syncing this library with {hub}? The library keeps every story; changes not yet sent stay here only.</source>
        <translation>停止与 {hub} 同步此资料库？资料库会保留所有报道；尚未发送的更改只留在本机。</translation>
    </message>
    <message>
        <source>Left the team hub; the library keeps everything.</source>
        <translation>已退出团队中心；资料库保留全部内容。</translation>
    </message>
    <message>
        <source>Team Hub Password</source>
        <translation>团队中心密码</translation>
    </message>
    <message>
        <source>{reason}

Password for this session (it is not stored):</source>
        <translation>{reason}

本次会话使用的密码（不会保存）：</translation>
    </message>
    <message>
        <source>Syncing with the team hub</source>
        <translation>正在与团队中心同步</translation>
    </message>
    <message>
        <source>Synced: {n} conflicts to settle (File &gt; Merge Conflicts).</source>
        <translation>已同步：有 {n} 处冲突待解决（文件 &gt; 合并冲突）。</translation>
    </message>
    <message>
        <source>Listening to the team hub</source>
        <translation>正在监听团队中心</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>{when}已同步</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 项更改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>hub out of reach</source>
        <translation>无法连接团队中心</translation>
    </message>
    <message>
        <source>Team hub: {hub}</source>
        <translation>团队中心：{hub}</translation>
    </message>
</context>
<context>
    <name>ThesaurusDialog</name>
    <message>
        <source>Thesaurus Entry of “{path}”</source>
        <translation>“{path}”的叙词表条目</translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation>同义词</translation>
    </message>
    <message>
        <source>Another name, e.g. Burma for Myanmar</source>
        <translation>其他名称，如 Myanmar 的旧称 Burma</translation>
    </message>
    <message>
        <source>&amp;Synonyms:</source>
        <translation>同义词(&amp;S)：</translation>
    </message>
    <message>
        <source>A tag to see also</source>
        <translation>参见的标签</translation>
    </message>
    <message>
        <source>Related tags</source>
        <translation>相关标签</translation>
    </message>
    <message>
        <source>&amp;Related:</source>
        <translation>相关标签(&amp;R)：</translation>
    </message>
    <message>
        <source>What this tag is for, and what it is not for</source>
        <translation>此标签适用于哪些内容、不适用于哪些内容</translation>
    </message>
    <message>
        <source>Scope &amp;note:</source>
        <translation>范围注释(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>TranslationPane</name>
    <message>
        <source>Your name, kept with what you translate</source>
        <translation>您的姓名，将与译文一同保存</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>译者</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Original {field}</source>
        <translation>原文{field}</translation>
    </message>
    <message>
        <source>Translated {field}</source>
        <translation>译文{field}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Move %Ln stories to the Trash?</source>
        <extracomment>A delete of more stories than this asks first.</extracomment>
        <translation>将这 %Ln 篇报道移到回收站？</translation>
    </message>
    <message>
        <source>They stay there for {days} days: Undo or the Trash brings them back.</source>
        <translation>它们会在回收站中保留 {days} 天：撤销或回收站可以把它们放回。</translation>
    </message>
    <message>
        <source>Delete Stories</source>
        <translation>删除报道</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted stories stay here for {days} days. Restore brings a story back with its tags, records, translations, notes and attachments.</source>
        <translation>已删除的报道在这里保留 {days} 天。恢复会把报道连同其标签、记录、译文、批注和附件一起放回。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>删除者</translation>
    </message>
    <message>
        <source>Kept Until</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>Stories in the Trash</source>
        <translation>回收站中的报道</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Bring the selected stories back (Undo puts them back here)</source>
        <translation>把所选报道放回（撤销会把它们再放回这里）</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete every story in the Trash for good</source>
        <translation>永久删除回收站中的全部报道</translation>
    </message>
    <message>
        <source>Delete the story in the Trash for good?</source>
        <translation>永久删除回收站中的这篇报道？</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln stories in the Trash for good?</source>
        <translation>
            <numerusform>永久删除回收站中的这 %Ln 篇报道？</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空回收站</translation>
    </message>
</context>
<context>
    <name>UndoFlow</name>
    <message>
        <source>Undoing “{action}”</source>
        <translation>正在撤销“{action}”</translation>
    </message>
    <message>
        <source>Redoing “{action}”</source>
        <translation>正在重做“{action}”</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Acts on the tag selected in the sidebar</source>
        <extracomment>A menu&apos;s or the toolbar&apos;s separator. The tip of the actions on the tag selected in the sidebar.</extracomment>
        <translation>作用于侧栏中选中的标签</translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation>新建资料库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>打开资料库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import stories from files</source>
        <translation>从文件导入报道</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the listed stories</source>
        <translation>导出列表中的报道</translation>
    </message>
    <message>
        <source>Export &amp;Selected Stories…</source>
        <translation>导出所选报道(&amp;S)…</translation>
    </message>
    <message>
        <source>Export the stories selected in the list</source>
        <translation>导出在列表中选中的报道</translation>
    </message>
    <message>
        <source>Export Field &amp;Copy…</source>
        <translation>导出外业副本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Merge Library…</source>
        <translation>合并资料库(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge Con&amp;flicts…</source>
        <translation>合并冲突(&amp;F)…</translation>
    </message>
    <message>
        <source>Restore &amp;Backup…</source>
        <translation>恢复备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Rebuild Search Inde&amp;x</source>
        <translation>重建搜索索引(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Select &amp;All Stories</source>
        <translation>全选报道(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Show all stories</source>
        <translation>显示所有报道</translation>
    </message>
    <message>
        <source>&amp;New Story</source>
        <translation>新建报道(&amp;N)</translation>
    </message>
    <message>
        <source>Add a story to the library</source>
        <translation>向资料库中添加一篇报道</translation>
    </message>
    <message>
        <source>&amp;Delete Stories</source>
        <translation>删除报道(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected stories to the Trash</source>
        <translation>将所选报道移到回收站</translation>
    </message>
    <message>
        <source>Show &amp;Trash…</source>
        <translation>显示回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>Remove from &amp;Collection</source>
        <translation>从合集中移除(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Batch Edit…</source>
        <translation>批量编辑(&amp;B)…</translation>
    </message>
    <message>
        <source>Find D&amp;uplicates…</source>
        <translation>查找重复(&amp;U)…</translation>
    </message>
    <message>
        <source>Suggest &amp;Records…</source>
        <translation>建议规范记录(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Authority Records…</source>
        <translation>规范记录(&amp;A)…</translation>
    </message>
    <message>
        <source>New &amp;Tag…</source>
        <translation>新建标签(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Rename Tag…</source>
        <translation>重命名标签(&amp;R)…</translation>
    </message>
    <message>
        <source>Set &amp;Colour…</source>
        <translation>设置颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>T&amp;hesaurus Entry…</source>
        <translation>叙词表条目(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete Tag…</source>
        <translation>删除标签(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About ngodesk</source>
        <translation>关于 ngodesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Actions on the tag selected in the sidebar (enabled when one is). The menu bar: (key, title, entries); an entry is an action&apos;s name, SEPARATOR, or the name of something the window makes (``extras``).</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation>报道(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <extracomment>What the window adds to a menu by name: an action, a submenu, or several actions.</extracomment>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Tool&amp;bar</source>
        <translation>工具栏(&amp;B)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销{action}(&amp;U)</translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation>撤销{action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做{action}(&amp;R)</translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation>重做{action}</translation>
    </message>
</context>
<context>
    <name>_JoinDialog</name>
    <message>
        <source>Join Team Hub</source>
        <translation>加入团队中心</translation>
    </message>
    <message>
        <source>from ~/.pgpass or PGPASSWORD if left empty</source>
        <translation>留空则使用 ~/.pgpass 或 PGPASSWORD</translation>
    </message>
    <message>
        <source>The library syncs with the team&apos;s hub whenever it can: what it lacks is sent, the rest taken. It keeps working offline. The password is used for this session only and never stored.</source>
        <translation>只要能连上，资料库就会与团队中心同步：中心缺少的内容会发送过去，其余内容会取回本机。离线时照常工作。密码只在本次会话中使用，绝不保存。</translation>
    </message>
    <message>
        <source>Hub &amp;URL:</source>
        <translation>团队中心网址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>_PreviewModel</name>
    <message>
        <source>Story</source>
        <extracomment>Characters of context shown on each side of a change in the preview.</extracomment>
        <translation>报道</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <source>Unexpected error: {kind}: {error}</source>
        <extracomment>How often the status bar&apos;s text is brought up to date (ms). Seconds of reports the rate is worked out over. Pixels of a note (a title) shown at most. set once the work has returned and said how it ended</extracomment>
        <translation>意外错误：{kind}：{error}</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <extracomment>Set by the GUI once the first page is on screen: the next steps hold the GIL for long stretches, and the GUI needs it to paint.</extracomment>
        <translation>搜索失败：{error}</translation>
    </message>
</context>
</TS>

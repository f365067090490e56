"""Language values as BCP 47 tags (issue 21): a story's language as files
gave it ("chinese", "English", 中文, chi, zh_CN, en-us...) becomes the tag
the services store now (zh, en, zh-Hans: ``domain.text.read_language``,
the function imports, set and the editor use), so that ``lang:zh`` finds
every Chinese story and the window names each language. What was stored
is kept in the story's extra data as ``language_as_given`` when the tag
says it otherwise (not merely in letter case); a value that names no
language leaves the story without one, kept there the same way.
Translations stored under a code written otherwise (zh_CN, EN) move to its
tag, with the notes anchored in them, unless the story already has that
field translated under the tag (then both stay as they are).

Data only, no schema change. A story or translation whose value changes
is changed as an edit is: its revision and time move on, and the story's
history shows the change (language: chinese -> zh, at the revision it now
has), so a merge sees it and going back to the revision before undoes it.
Only distinct values are read, and only the rows whose value changes are
written.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-11
"""

import json
from datetime import UTC, datetime

from alembic import op

from ngodesk.domain.text import read_language

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # (as SQLAlchemy stores times)
    values = [row[0] for row in connection.exec_driver_sql("SELECT DISTINCT language FROM stories")]
    for value in values:
        reading = read_language(value)
        if reading.tag == value:
            continue
        rows = connection.exec_driver_sql("SELECT id, extra FROM stories WHERE language = ?", (value,)).fetchall()
        updates = []
        for story_id, extra_text in rows:
            try:
                extra = json.loads(extra_text or "{}")
            except ValueError:
                extra = None
            if not isinstance(extra, dict):
                continue  # (extra data that cannot be read: the story stays as it was)
            if reading.changed and "language_as_given" not in extra:
                extra["language_as_given"] = value.strip()
                extra_text = json.dumps(extra, ensure_ascii=False, sort_keys=True)
            updates.append((reading.tag, extra_text, now, story_id))
        if updates:
            connection.exec_driver_sql(
                "UPDATE stories SET language = ?, extra = ?, updated_at = ?, revision = revision + 1 WHERE id = ?",
                updates,
            )
    for (value,) in connection.exec_driver_sql("SELECT DISTINCT language FROM translations").fetchall():
        reading = read_language(value)
        if not reading.tag or reading.several or reading.tag == value:
            continue
        moved = " SET language = ?, updated_at = ?, revision = revision + 1 WHERE language = ? AND NOT EXISTS"
        connection.exec_driver_sql(
            f"UPDATE translations {moved} (SELECT 1 FROM translations AS t WHERE t.story_id = translations.story_id"
            " AND t.field = translations.field AND t.language = ?)",
            (reading.tag, now, value, reading.tag),
        )
        connection.exec_driver_sql(  # the notes go where their translation went
            f"UPDATE annotations {moved} (SELECT 1 FROM translations AS t WHERE t.story_id = annotations.story_id"
            " AND t.field = annotations.field AND t.language = ?)",
            (reading.tag, now, value, value),
        )


def downgrade() -> None:
    """Nothing to undo: the tags are values the earlier schema holds too."""

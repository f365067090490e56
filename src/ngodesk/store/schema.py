"""SQLAlchemy models of a library.

Every record a user can create carries a stable ``uuid`` besides its integer
key, ``created_at``/``updated_at`` in UTC and a ``revision`` counter, so that
copies of a library can later be merged. Deletions leave a ``Tombstone``.
Columns ending in ``_key`` hold folded text (see ``ngodesk.search.text.fold``)
for case/width/script-insensitive lookups; services keep them current.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def new_uuid() -> str:
    """A fresh random uuid in canonical text form."""
    return str(uuid_module.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Base(DeclarativeBase):
    if TYPE_CHECKING:  # (every model here declares a table: none maps a join or a query)
        __table__: ClassVar[Table]


class RecordMixin:
    """Identity and change tracking shared by user-creatable records."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    def touch(self) -> None:
        """Mark the record changed: bump revision, stamp updated_at."""
        self.revision = (self.revision or 0) + 1
        self.updated_at = utcnow()


class StoryTag(Base):
    __tablename__ = "story_tags"
    #: Covering: a tag's stories are read from the index alone. (WITHOUT
    #: ROWID: the primary key is the table, as with story_entities.)
    __table_args__ = (Index("ix_story_tags_tag_story", "tag_id", "story_id"), {"sqlite_with_rowid": False})

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class StoryEntity(Base):
    __tablename__ = "story_entities"
    __table_args__ = (Index("ix_story_entities_entity_story", "entity_id", "story_id"), {"sqlite_with_rowid": False})

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    #: The record's place among the story's records as the file or the user
    #: gave them (author order: the first author first). Links are read
    #: sorted by (position, entity_id); positions need not be dense.
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class Story(RecordMixin, Base):
    __tablename__ = "stories"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'catalogued', 'reviewed')", name="ck_story_status"),
        # Covering for date ranges and newest-first order (story rows are wide).
        Index("ix_stories_published", "published_start", "published_end"),
        Index("ix_stories_updated_at", "updated_at"),
        Index("ix_stories_title_key", "title_key"),
        Index("ix_stories_url_key", "url_key"),
        Index("ix_stories_title_sort", "title_sort"),
        Index("ix_stories_status", "status"),
    )

    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    #: ISO partial date as entered ("2018", "2018-12", "2018-12-07") or "".
    published: Mapped[str] = mapped_column(String(10), default="")
    #: First and last day ``published`` can mean (ISO), for sorting and ranges.
    published_start: Mapped[str | None] = mapped_column(String(10), nullable=True)
    published_end: Mapped[str | None] = mapped_column(String(10), nullable=True)
    language: Mapped[str] = mapped_column(String(35), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    #: Folded title, for duplicate detection on import.
    title_key: Mapped[str] = mapped_column(Text, default="")
    #: ``search.chinese.sort_key`` of the title: Chinese sorts by pinyin.
    title_sort: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: ``domain.text.url_key`` of the url, for duplicate detection.
    url_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: JSON object of imported fields ngodesk has no column for.
    extra: Mapped[str] = mapped_column(Text, default="{}")

    tags: Mapped[list[Tag]] = relationship(secondary="story_tags", back_populates="stories")
    entities: Mapped[list[Entity]] = relationship(secondary="story_entities", back_populates="stories")


class Tag(RecordMixin, Base):
    __tablename__ = "tags"
    __table_args__ = (Index("ix_tags_parent_id", "parent_id"),)

    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), nullable=True)
    colour: Mapped[str] = mapped_column(String(9), default="")
    #: what the tag is for (SKOS scopeNote)
    scope_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    parent: Mapped[Tag | None] = relationship(remote_side="Tag.id", back_populates="children")
    children: Mapped[list[Tag]] = relationship(back_populates="parent")
    stories: Mapped[list[Story]] = relationship(secondary="story_tags", back_populates="tags")


class TagSynonym(Base):
    """A non-preferred label (SKOS altLabel): typing, importing or searching
    it means its tag. A label redirects to one tag only."""

    __tablename__ = "tag_synonyms"
    __table_args__ = (Index("ix_tag_synonyms_tag_id", "tag_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(Text)
    label_key: Mapped[str] = mapped_column(Text, unique=True)


class TagRelation(Base):
    """Two related tags (SKOS related), stored once: ``tag_id < related_id``."""

    __tablename__ = "tag_relations"
    __table_args__ = (
        CheckConstraint("tag_id < related_id", name="ck_tag_relation_order"),
        Index("ix_tag_relations_related", "related_id"),
        {"sqlite_with_rowid": False},
    )

    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    related_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


#: Language filters compare case-insensitively (``lang:zh`` finds zh-Hant).
Index("ix_stories_language", func.lower(Story.language))

#: A tag name is unique among its siblings (root tags included: NULL parent -> 0).
Index("uq_tags_sibling_name", func.coalesce(Tag.parent_id, 0), Tag.name_key, unique=True)


class Entity(RecordMixin, Base):
    __tablename__ = "entities"
    __table_args__ = (
        CheckConstraint("kind IN ('organisation', 'person', 'place')", name="ck_entity_kind"),
        Index("ix_entities_kind_name_key", "kind", "name_key"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    #: what kind of organisation, person or place ("foundation", "city"...)
    type: Mapped[str] = mapped_column(Text, default="", server_default="")
    country: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: an identifier elsewhere, as text (e.g. a Wikidata id: Q123); never looked up
    external_id: Mapped[str] = mapped_column(Text, default="", server_default="")

    alt_names: Mapped[list[EntityName]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="EntityName.id"
    )
    stories: Mapped[list[Story]] = relationship(secondary="story_entities", back_populates="entities")


class EntitySeeAlso(Base):
    """Two records to see together ("see also"), stored once: entity_id < other_id."""

    __tablename__ = "entity_see_also"
    __table_args__ = (
        CheckConstraint("entity_id < other_id", name="ck_entity_see_also_order"),
        Index("ix_entity_see_also_other", "other_id"),
        {"sqlite_with_rowid": False},
    )

    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)


class RejectedSuggestion(Base):
    """A record the user said a story does not mention (not proposed again)."""

    __tablename__ = "rejected_suggestions"
    __table_args__ = ({"sqlite_with_rowid": False},)

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)


class EntityName(Base):
    """An alternative name of an entity (alias, other language or script)."""

    __tablename__ = "entity_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    #: Language (and script) of the name: "zh", "zh-Hant", "en"... or "".
    language: Mapped[str] = mapped_column(String(35), default="")
    #: The record's preferred name in ``language`` (one per language).
    preferred: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    entity: Mapped[Entity] = relationship(back_populates="alt_names")


class StoryTranslation(RecordMixin, Base):
    """A story field in another language (``domain.models.Translation``);
    no row means untranslated."""

    __tablename__ = "translations"
    __table_args__ = (
        UniqueConstraint("story_id", "field", "language", name="uq_translations_story_field_language"),
        CheckConstraint("field IN ('title', 'summary', 'body')", name="ck_translation_field"),
        CheckConstraint("status IN ('draft', 'reviewed')", name="ck_translation_status"),
    )

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(35))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    translator: Mapped[str] = mapped_column(Text, default="")


class Term(RecordMixin, Base):
    """A glossary term (see ``domain.models.TermRecord``); list fields hold
    JSON arrays of strings, ``extra`` a JSON object."""

    __tablename__ = "terms"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'approved', 'deprecated')", name="ck_term_status"),
        Index("ix_terms_identity", "source_language", "term_key", "target_language"),
    )

    source_language: Mapped[str] = mapped_column(String(35))
    term: Mapped[str] = mapped_column(Text)
    #: folded term (``search.text.fold``): a traditional spelling finds it
    term_key: Mapped[str] = mapped_column(Text)
    traditional: Mapped[str] = mapped_column(Text, default="")
    pinyin: Mapped[str] = mapped_column(Text, default="")
    target_language: Mapped[str] = mapped_column(String(35))
    rendering: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[str] = mapped_column(Text, default="[]")
    forbidden: Mapped[str] = mapped_column(Text, default="[]")
    definition: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    subjects: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    extra: Mapped[str] = mapped_column(Text, default="{}")


class Tombstone(Base):
    """A deleted record: merges must neither resurrect nor lose it."""

    __tablename__ = "tombstones"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: who deleted it (the author of the transaction, see ``history``)
    deleted_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: uuid of the record this one was merged into, if any.
    replaced_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


class TrashEntry(Base):
    """A story in the Trash: deleted (its tombstone is in ``tombstones``)
    and kept as it was, to restore (``services.trash``)."""

    __tablename__ = "trash"
    __table_args__ = (Index("ix_trash_deleted_at", "deleted_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    #: the story's integer id when it was deleted (restored under it when free)
    story_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_by: Mapped[str] = mapped_column(Text, default="")
    #: the story, its links (by uuid), translations, notes and attachments as JSON
    content: Mapped[str] = mapped_column(Text)


class Attachment(RecordMixin, Base):
    """A file attached to a story; its content is ``files/<sha[:2]>/<sha>``
    in the library folder (the same content is stored once)."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_story", "story_id"), Index("ix_attachments_sha256", "sha256"))

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    #: the file's name when it was attached
    name: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String(127), default="", server_default="")
    size: Mapped[int] = mapped_column(Integer)


class StoryChange(Base):
    """One change to a story: a field's old and new value, or a tag or
    record (``ref``: its uuid) linked (``new``) or unlinked (``old``).
    Written by triggers (``store.history``); ``uuid`` lets two copies'
    histories be joined."""

    __tablename__ = "story_changes"
    __table_args__ = (Index("ix_story_changes_story", "story_uuid", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    story_uuid: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(16))
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    ref: Mapped[str | None] = mapped_column(String(36), nullable=True)
    #: UTC, "YYYY-MM-DD HH:MM:SS.SSS"
    at: Mapped[str] = mapped_column(String(32))
    who: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: the story's revision the change belongs to
    revision: Mapped[int] = mapped_column(Integer)


class MergeConflict(Base):
    """A field both libraries of a merge changed, or a record one deleted
    (value None) and the other edited; ``mine`` is kept until settled."""

    __tablename__ = "merge_conflicts"
    __table_args__ = (Index("ix_merge_conflicts_record", "record_uuid", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    #: "story", "tag", "entity"...
    kind: Mapped[str] = mapped_column(String(16))
    record_uuid: Mapped[str] = mapped_column(String(36))
    #: what the record is called (a story's title), for lists
    label: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: a field name, or "(deleted)" for delete against edit
    field: Mapped[str] = mapped_column(String(32))
    mine: Mapped[str | None] = mapped_column(Text, nullable=True)
    theirs: Mapped[str | None] = mapped_column(Text, nullable=True)
    mine_who: Mapped[str] = mapped_column(Text, default="", server_default="")
    mine_at: Mapped[str] = mapped_column(String(32), default="", server_default="")
    theirs_who: Mapped[str] = mapped_column(Text, default="", server_default="")
    theirs_at: Mapped[str] = mapped_column(String(32), default="", server_default="")
    #: the library merged in (its folder)
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Meta(Base):
    """Library-wide settings (e.g. the search index's version)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Annotation(RecordMixin, Base):
    """A note on a passage of a story field (``domain.models.AnnotationView``):
    the passage is stored as quote, context and offsets
    (``search.anchoring``)."""

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint("field IN ('title', 'summary', 'body')", name="ck_annotation_field"),
        CheckConstraint("kind IN ('comment', 'rendering', 'term')", name="ck_annotation_kind"),
        Index("ix_annotations_story", "story_id"),
    )

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(16))
    #: "" for the original text, else the translation's language
    language: Mapped[str] = mapped_column(String(35), default="")
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text, default="")
    term_id: Mapped[int | None] = mapped_column(ForeignKey("terms.id", ondelete="SET NULL"), nullable=True)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(Text, default="")
    #: body and exact folded (``annotation_key``), for ``note:`` searches;
    #: kept in step on every insert and update through a session (below)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")


def annotation_key(body: str, exact: str) -> str:
    """What the annotation filter (``note:``) matches: its comment and
    passage, folded (simplified, case and accents)."""
    from ngodesk.search.text import fold  # (the one fold search uses; imported when an annotation is written)

    return fold(f"{body}\n{exact}")


@event.listens_for(Annotation, "before_insert")
@event.listens_for(Annotation, "before_update")
def _keep_search_key(_mapper: object, _connection: object, row: Annotation) -> None:
    """Every annotation written through a session keeps ``search_key`` in
    step with its comment and passage, whichever module writes it."""
    row.search_key = annotation_key(row.body, row.exact)


class Collection(RecordMixin, Base):
    """A saved search (``query`` set: its text, and ``filters`` as JSON,
    evaluated whenever shown) or a manual collection (``query`` NULL: the
    stories of ``collection_stories`` in their order)."""

    __tablename__ = "collections"

    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    query: Mapped[str | None] = mapped_column(Text, nullable=True)
    filters: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")


class CollectionStory(Base):
    """A story in a manual collection, at ``position`` (0 first)."""

    __tablename__ = "collection_stories"
    __table_args__ = (Index("ix_collection_stories_story", "story_id"), {"sqlite_with_rowid": False})

    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

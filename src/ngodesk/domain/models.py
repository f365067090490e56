"""Plain records passed between layers: what services accept and return."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class StoryStatus(enum.StrEnum):
    """Cataloguing progress of a story."""

    DRAFT = "draft"
    CATALOGUED = "catalogued"
    REVIEWED = "reviewed"


class EntityKind(enum.StrEnum):
    """The three kinds of authority record."""

    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"


#: Story fields a user can set directly, in display order.
STORY_TEXT_FIELDS = ("title", "summary", "body", "url", "source", "published", "language", "status")


@dataclass(frozen=True)
class TagRef:
    """A tag as shown beside a story: id, uuid, full path (``Region/Africa``)."""

    id: int
    uuid: str
    path: str


@dataclass(frozen=True)
class EntityRef:
    """An authority record as linked to a story."""

    id: int
    uuid: str
    kind: EntityKind
    name: str


class TranslationStatus(enum.StrEnum):
    """How far a field's translation has come."""

    UNTRANSLATED = "untranslated"  # (no translation stored)
    DRAFT = "draft"
    REVIEWED = "reviewed"


#: Story fields that have translations.
TRANSLATED_FIELDS = ("title", "summary", "body")


@dataclass(frozen=True)
class Translation:
    """One field of a story in another language, with who made it and how
    far it has come. ``uuid`` and times are set for stored translations."""

    field: str
    language: str
    text: str
    status: TranslationStatus = TranslationStatus.DRAFT
    translator: str = ""
    uuid: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    revision: int = 1


@dataclass(frozen=True)
class StoryView:
    """A detached, read-only copy of one story with its tags and entities."""

    id: int
    uuid: str
    title: str
    summary: str
    body: str
    url: str
    source: str
    published: str
    language: str
    status: StoryStatus
    created_at: datetime
    updated_at: datetime
    revision: int
    tags: tuple[TagRef, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    translations: tuple[Translation, ...] = ()

    def translation(self, field_name: str, language: str) -> Translation | None:
        """The translation of ``field_name`` into ``language``, if any."""
        return next((t for t in self.translations if t.field == field_name and t.language == language), None)


@dataclass(frozen=True)
class StoryRow:
    """What the story list shows of one story."""

    id: int
    uuid: str
    title: str
    published: str
    source: str
    language: str
    status: StoryStatus
    #: paths of its tags, sorted as displayed
    tags: tuple[str, ...]
    updated_at: datetime
    #: per language translated into, how far: "en draft, zh-Hant reviewed"
    translations: str = ""


@dataclass(frozen=True)
class TagView:
    """One tag with its place in the hierarchy and its story count."""

    id: int
    uuid: str
    name: str
    path: str
    parent_id: int | None
    colour: str
    story_count: int


@dataclass(frozen=True)
class AltName:
    """Another name of an authority record, in a language ("" unknown);
    ``preferred``: the record's preferred name in that language."""

    name: str
    language: str = ""
    preferred: bool = False


@dataclass(frozen=True)
class EntityView:
    """One authority record with all its names."""

    id: int
    uuid: str
    kind: EntityKind
    name: str
    alt_names: tuple[AltName, ...]
    note: str
    story_count: int
    type: str = ""
    country: str = ""
    external_id: str = ""
    #: uuids of the records to see also
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class TagRecord:
    """A tag as ngodesk's own JSON carries it."""

    uuid: str
    path: str
    colour: str = ""
    synonyms: tuple[str, ...] = ()
    #: uuids of the related tags
    related: tuple[str, ...] = ()
    scope_note: str = ""


@dataclass(frozen=True)
class EntityRecord:
    """An authority record as ngodesk's own JSON carries it."""

    uuid: str
    kind: EntityKind
    name: str
    alt_names: tuple[AltName, ...] = ()
    note: str = ""
    type: str = ""
    country: str = ""
    external_id: str = ""
    #: uuids of the records to see also
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provenance:
    """What ngodesk's own JSON keeps of a story besides its fields: its
    identity, status, times, revision and the uuids of its records."""

    uuid: str
    status: StoryStatus
    created_at: datetime
    updated_at: datetime
    revision: int
    entity_uuids: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryRecord:
    """A story read from a file by an importer, before it enters a library.

    ``position`` says where it came from ("line 12", "record 3") so that a
    report can point at it. ``tags`` are paths (``Region/Africa``).
    """

    title: str
    position: str
    summary: str = ""
    body: str = ""
    url: str = ""
    source: str = ""
    published: str = ""
    language: str = ""
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)
    #: Set by the native JSON importer only.
    provenance: Provenance | None = None
    translations: tuple[Translation, ...] = ()
    #: What was odd in the file's record and how it was kept (a value
    #: normalised, the raw one in ``extra``): the report lists them.
    warnings: tuple[str, ...] = ()


#: Called by long operations with (done, total) units of work; returning
#: False asks the operation to stop (it then raises Cancelled and changes
#: nothing). May be called from a worker thread.
Progress = Callable[[int, int], bool]


class NotedProgress(Protocol):
    """A Progress that also hears what the work has got to: an import
    passes the title of the record it wrote last ("" while reading the
    files). The note may be left out, so one is a Progress too."""

    def __call__(self, done: int, total: int, note: str = "") -> bool: ...


def no_progress(done: int, total: int, note: str = "") -> bool:
    """A Progress (and NotedProgress) that never cancels."""
    return True


@dataclass(frozen=True)
class RecordProblem:
    """A record an importer could not read: where and why."""

    position: str
    reason: str


@dataclass(frozen=True)
class ChangeSet:
    """What one service call changed, by integer id; panes refresh from it."""

    stories_added: frozenset[int] = frozenset()
    stories_changed: frozenset[int] = frozenset()
    stories_removed: frozenset[int] = frozenset()
    tags_added: frozenset[int] = frozenset()
    tags_changed: frozenset[int] = frozenset()
    tags_removed: frozenset[int] = frozenset()
    entities_added: frozenset[int] = frozenset()
    entities_changed: frozenset[int] = frozenset()
    entities_removed: frozenset[int] = frozenset()
    #: glossary terms added, changed or removed
    terms: frozenset[int] = frozenset()
    #: collections (saved searches, manual ones) added, changed or removed
    collections: frozenset[int] = frozenset()
    #: uuids of stories moved to the Trash, restored from it or emptied out of it
    trash: frozenset[str] = frozenset()

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(**{name: getattr(self, name) | getattr(other, name) for name in self.__dataclass_fields__})

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


class FacetKind(enum.StrEnum):
    """What a sidebar filter picks stories by."""

    TAG = "tag"  # value: tag id (its descendants count too)
    ENTITY = "entity"  # value: record id
    YEAR = "year"  # value: "2018" ("" for undated)
    LANGUAGE = "language"  # value: language code ("" for none)
    STATUS = "status"  # value: a StoryStatus value
    TRANSLATION = "translation"  # value: "en:draft" or "en:reviewed" (as trans:en:draft)
    COLLECTION = "collection"  # value: a manual collection's id
    STORIES = "stories"  # value: "first-last", a range of story ids (the window's Last import)


def id_range(value: str) -> tuple[int, int]:
    """The (first, last) story ids of a STORIES filter's value."""
    first, _, last = value.partition("-")
    return int(first), int(last)


@dataclass(frozen=True)
class Filter:
    """A filter chosen outside the query text (the sidebar): stories with
    (or, with ``exclude``, without) ``value`` of ``kind``."""

    kind: FacetKind
    value: str
    exclude: bool = False


@dataclass(frozen=True)
class Facets:
    """Story counts within a result, per tag (a parent counting its
    children), record, year, language and status; ``total`` matches."""

    total: int
    tags: Mapping[int, int]
    entities: Mapping[int, int]
    years: Mapping[str, int]
    languages: Mapping[str, int]
    statuses: Mapping[str, int]
    #: "en:draft" / "en:reviewed": stories whose translation into a
    #: language has a field still a draft / has every field reviewed
    translations: Mapping[str, int] = field(default_factory=dict)
    #: per kind, the records most stories of the result are linked to,
    #: most first (ties: the older record first), a few of each kind
    top_records: Mapping[EntityKind, tuple[int, ...]] = field(default_factory=dict)


def row_id(row: Mapping[str, object]) -> int:
    """The ``id`` of a stored row (a snapshot's)."""
    found = row["id"]
    assert isinstance(found, int)
    return found


@dataclass(frozen=True)
class StorySnapshot:
    """A story exactly as stored (every column), with its links: enough to
    put it back after a delete."""

    row: Mapping[str, object]
    tag_ids: frozenset[int]
    entity_ids: frozenset[int]
    #: its translations' rows, every column
    translations: tuple[Mapping[str, object], ...] = ()
    #: its annotations' rows, every column
    annotations: tuple[Mapping[str, object], ...] = ()
    #: (collection id, position) of the manual collections it is in
    collections: tuple[tuple[int, int], ...] = ()
    #: records suggested for it that the user rejected
    rejected: frozenset[int] = frozenset()
    #: (record id, position) of its linked records: their order
    entity_positions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class TagSnapshot:
    """Tag subtrees exactly as stored, parents before children, with the
    stories each tag had: enough to undo a delete or a merge."""

    rows: tuple[Mapping[str, object], ...]
    links: Mapping[int, frozenset[int]]
    #: their synonyms' rows and their related pairs (tag id, tag id)
    synonyms: tuple[Mapping[str, object], ...] = ()
    relations: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class EntitySnapshot:
    """A record (organisation, person, place) exactly as stored, with its
    alternative names and the stories linked to it."""

    row: Mapping[str, object]
    names: tuple[Mapping[str, object], ...]
    story_ids: frozenset[int]
    #: its "see also" pairs (low id, high id)
    see_also: tuple[tuple[int, int], ...] = ()
    #: (story id, position) of its links: its place among each story's records
    positions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class AddedSnapshot:
    """What one action (an import) added and still exists: stories, the
    subtrees of the tags it created, the records it created."""

    stories: tuple[StorySnapshot, ...]
    tag_roots: tuple[int, ...]
    tags: TagSnapshot | None
    entities: tuple[EntitySnapshot, ...]


@dataclass(frozen=True)
class Created:
    """Result of a service that creates one record."""

    id: int
    uuid: str
    changes: ChangeSet


class TermStatus(enum.StrEnum):
    """How far a glossary term has been agreed."""

    DRAFT = "draft"
    APPROVED = "approved"
    DEPRECATED = "deprecated"  # kept so that old translations can be checked


@dataclass(frozen=True)
class TermRecord:
    """A glossary term: ``term`` in ``source_language`` and how it is
    rendered in ``target_language`` (one preferred ``rendering``, other
    acceptable ``alternatives``, ``forbidden`` ones). For Chinese terms
    ``term`` is the simplified form, ``traditional`` the traditional one and
    ``pinyin`` the reading with tone marks.

    ``position`` says where a file had it ("line 3", "entry 2");
    ``uuid`` is set for terms of a library.
    """

    term: str
    rendering: str = ""
    position: str = ""
    source_language: str = "zh"
    target_language: str = "en"
    traditional: str = ""
    pinyin: str = ""
    alternatives: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    definition: str = ""
    note: str = ""
    subjects: tuple[str, ...] = ()
    status: TermStatus = TermStatus.DRAFT
    #: what a file said that has no field of its own, by its name there
    extra: Mapping[str, str] = field(default_factory=dict)
    uuid: str = ""


class AnnotationKind(enum.StrEnum):
    """What an annotation says about its passage."""

    COMMENT = "comment"
    RENDERING = "rendering"  # a suggested rendering of the passage
    TERM = "term"  # the passage is a glossary term


@dataclass(frozen=True)
class AnnotationView:
    """An annotation anchored to a passage of one story field, in the
    original (``language`` "") or in a translation. ``start``/``end`` are
    where the passage is now; an orphaned annotation's passage is gone from
    the text (``exact`` is what it quoted)."""

    uuid: str
    story_id: int
    story_uuid: str
    field: str
    language: str
    kind: AnnotationKind
    body: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    orphaned: bool
    author: str
    created_at: datetime
    updated_at: datetime
    term_uuid: str = ""

"""Run parsed queries against a library: filtering in SQL, ranking by the
FTS index (weighted bm25), newest first when there is no text to rank by."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    SQLColumnExpression,
    and_,
    distinct,
    except_,
    exists,
    false,
    func,
    intersect,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from ngodesk.domain.dates import PartialDate
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import FacetKind, Filter, StoryStatus, TranslationStatus, id_range
from ngodesk.search import query as q
from ngodesk.search import single_character
from ngodesk.search.text import fold, query_tokens
from ngodesk.store import bulk, fts
from ngodesk.store.schema import (
    Annotation,
    CollectionStory,
    Entity,
    EntityName,
    Story,
    StoryEntity,
    StoryTag,
    StoryTranslation,
    Tag,
    TagSynonym,
)

if TYPE_CHECKING:  # (numpy is imported where used: a search for a page of results needs none of it)
    import numpy as np

#: Fields the parser never produces, for filters chosen outside the query
#: text: a tag (with its descendants) and a record, by id; undated stories.
TAG_ID, ENTITY_ID, UNDATED, LANGUAGE_IS = "tag-id", "entity-id", "undated", "language-is"
#: a sidebar filter: "en:draft", the language exactly (trans: includes its variants)
TRANSLATION_IS = "translation-is"
#: a sidebar filter: the stories of a manual collection, by id
COLLECTION_ID = "collection-id"
#: a sidebar filter: stories by a range of ids, "first-last" (an import's)
STORY_IDS = "story-ids"


def with_filters(node: q.Node | None, filters: Sequence[Filter]) -> q.Node | None:
    """``node`` AND every filter (an excluding one negated)."""
    nodes = [_filter_node(f) for f in filters]
    nodes = [q.Not(n) if f.exclude else n for f, n in zip(filters, nodes, strict=True)]
    if node is not None:
        nodes.append(node)
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else q.And(tuple(nodes))


def _filter_node(f: Filter) -> q.Node:
    if f.kind is FacetKind.TAG:
        return q.Field(TAG_ID, str(int(f.value)))
    if f.kind is FacetKind.ENTITY:
        return q.Field(ENTITY_ID, str(int(f.value)))
    if f.kind is FacetKind.YEAR:
        if not f.value:
            return q.Field(UNDATED, "")
        year = PartialDate.parse(f.value)
        return q.DateRange(year, year)
    if f.kind is FacetKind.LANGUAGE:
        return q.Field(LANGUAGE_IS, f.value.lower())
    if f.kind is FacetKind.TRANSLATION:
        return q.Field(TRANSLATION_IS, f.value.lower())
    if f.kind is FacetKind.COLLECTION:
        return q.Field(COLLECTION_ID, str(int(f.value)))
    if f.kind is FacetKind.STORIES:
        return q.Field(STORY_IDS, "{}-{}".format(*id_range(f.value)))
    return q.Field("status", StoryStatus(f.value).value)


@dataclass(frozen=True)
class Hit:
    """One matching story and its relevance (larger is better; 0 unranked)."""

    id: int
    score: float


@dataclass(frozen=True)
class Results:
    """A page of hits and the number of all matches."""

    total: int
    hits: list[Hit]


def _bare_phrase(node: q.Text) -> str:
    """``node`` as an FTS5 phrase, without its column filter."""
    tokens, prefix = query_tokens(node.text)
    phrase = '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'
    return phrase + " *" if prefix else phrase


def _phrase(node: q.Text) -> str:
    return f"{node.column} : {_bare_phrase(node)}" if node.column else _bare_phrase(node)


def _scoring_phrases(node: q.Node) -> list[tuple[str, str | None]]:
    """(phrase, column or None) of every positive text term of ``node``."""
    if isinstance(node, q.Text):
        return [(_bare_phrase(node), node.column)]
    if isinstance(node, (q.And, q.Or)):
        return [phrase for child in node.children for phrase in _scoring_phrases(child)]
    return []


def _fts(node: q.Node) -> str | None:
    """An FTS5 expression equivalent to ``node``, when one exists (text only,
    and every NOT beside something positive)."""
    if isinstance(node, q.Text):
        return _phrase(node)
    if isinstance(node, q.Or):
        parts = _all_fts(node.children)
        return None if parts is None else "(" + " OR ".join(parts) + ")"
    if isinstance(node, q.And):
        positive = _all_fts(c for c in node.children if not isinstance(c, q.Not))
        negative = _all_fts(c.child for c in node.children if isinstance(c, q.Not))
        if not positive or negative is None:
            return None
        expression = "(" + " AND ".join(positive) + ")"
        return "(" + expression + "".join(f" NOT {n}" for n in negative) + ")"
    return None


def _all_fts(nodes: Iterable[q.Node]) -> list[str] | None:
    """The FTS5 expressions of ``nodes``, or None when one has none."""
    expressions = [_fts(node) for node in nodes]
    found = [expression for expression in expressions if expression is not None]
    return found if len(found) == len(expressions) else None


def _tag_ids(value: str) -> Select[int]:
    """Ids of the tags ``value`` names (a name or synonym, or a path
    ``A/B``) and all their descendants; ``=value``: those tags only."""
    exact = value.startswith("=")
    parts = [fold(part) for part in value.removeprefix("=").split("/") if part.strip()]
    synonym = select(TagSynonym.tag_id).where(TagSynonym.label_key == parts[-1])
    named = select(Tag.id).where(or_(Tag.name_key == parts[-1], Tag.id.in_(synonym)))
    if len(parts) > 1:
        named = named.where(Tag.parent_id.in_(_tags_at_path(parts[:-1])))
    return named if exact else _with_descendants(named)


def _with_descendants(named: Select[int]) -> Select[int]:
    tree = named.cte(recursive=True)  # unnamed: a query may hold several
    tree = tree.union_all(select(Tag.id).where(Tag.parent_id == tree.c.id))
    return select(tree.c.id)


def _tags_at_path(parts: list[str]) -> Select[int]:
    """Ids of tags at the path of folded names ``parts``; the first part may
    sit at any depth."""
    ids = select(Tag.id).where(Tag.name_key == parts[0])
    for part in parts[1:]:
        ids = select(Tag.id).where(Tag.name_key == part, Tag.parent_id.in_(ids))
    return ids


def _stories_where(*conditions: ColumnElement[bool]) -> Select[int]:
    return select(Story.id.label("id")).where(*conditions)


def _field_ids(node: q.Field) -> Select[int]:
    if (row := _row_conditions(node)) is not None:  # (lang, status, trans, is, story ids...)
        return _stories_where(*row)
    name, value = node.name, node.value
    if _names_no_tag(node):
        return _stories_where(false())
    if (tags := _wanted_tags(node)) is not None:
        return select(StoryTag.story_id.label("id")).where(StoryTag.tag_id.in_(tags))
    if name == COLLECTION_ID:
        return select(CollectionStory.story_id.label("id")).where(CollectionStory.collection_id == int(value))
    if name == ENTITY_ID:
        return select(StoryEntity.story_id.label("id")).where(StoryEntity.entity_id == int(value))
    if (records := _wanted_records(node)) is not None:
        return select(StoryEntity.story_id.label("id")).where(StoryEntity.entity_id.in_(records))
    if name == "note":
        holds = Annotation.search_key.contains(fold(value), autoescape=True)
        return select(Annotation.story_id.label("id")).where(holds)
    raise AssertionError(translate("Messages", "unhandled field {name}").format(name=name))


def _names_no_tag(node: q.Field) -> bool:
    """``tag:`` with no name in its path (``tag:/``): it matches nothing."""
    return node.name == "tag" and not any(part.strip() for part in node.value.removeprefix("=").split("/"))


def _wanted_tags(node: q.Field) -> Select[int] | None:
    """Ids of the tags a story must carry one of to match ``node``, when it
    is a field on tags (``tag:`` with a name, or a sidebar tag)."""
    if node.name == "tag":
        return _tag_ids(node.value)
    if node.name == TAG_ID:
        return _with_descendants(select(Tag.id).where(Tag.id == int(node.value)))
    return None


def _wanted_records(node: q.Field) -> Select[int] | None:
    """Ids of the records a story must be linked to one of to match
    ``node``, when it is ``org:``, ``person:`` or ``place:``."""
    if node.name not in q.ENTITY_FIELDS:
        return None
    key = fold(node.value)
    by_alias = select(EntityName.entity_id).where(EntityName.name_key.contains(key, autoescape=True))
    return select(Entity.id).where(
        Entity.kind == q.ENTITY_FIELDS[node.name],
        or_(Entity.name_key.contains(key, autoescape=True), Entity.id.in_(by_alias)),
    )


def _link_probe(node: q.Node, story_id: SQLColumnExpression[int]) -> ColumnElement[bool] | None:
    """For a field on tags or records: whether story ``story_id`` has one of
    the wanted ones, its own few links read and each looked up in the
    wanted set ("+ 0"; looking each wanted id up in the story's links
    instead costs a seek per wanted id: ten people named 王, a region and
    the tags below it). None for other nodes."""
    if not isinstance(node, q.Field) or _names_no_tag(node):
        return None
    if (tags := _wanted_tags(node)) is not None:
        return exists().where(StoryTag.story_id == story_id, (StoryTag.tag_id + 0).in_(tags))
    if (records := _wanted_records(node)) is not None:
        return exists().where(StoryEntity.story_id == story_id, (StoryEntity.entity_id + 0).in_(records))
    return None


def _date_conditions(node: q.DateRange) -> list[ColumnElement[bool]]:
    """Stories whose whole publication date lies in the range (undated ones
    never do)."""
    conditions: list[ColumnElement[bool]] = [Story.published_start.is_not(None)]
    if node.start is not None:
        conditions.append(Story.published_start >= node.start.first_day().isoformat())
    if node.end is not None:
        last = node.end.last_day().isoformat()
        # start <= end, so this bound changes nothing but lets the index stop early
        conditions += [Story.published_start <= last, Story.published_end <= last]
    return conditions


def _row_conditions(node: q.Node) -> list[ColumnElement[bool]] | None:
    """Conditions on a story's own row equivalent to ``node`` (dates,
    language, status), or None. Used directly in a WHERE, they let SQLite
    walk an index instead of first collecting every matching id."""
    if isinstance(node, q.DateRange):
        return _date_conditions(node)
    if isinstance(node, q.Field) and node.name in ("lang", "status", "trans", UNDATED, LANGUAGE_IS, TRANSLATION_IS):
        return [_field_condition(node.name, node.value)]
    if isinstance(node, q.Field) and node.name == STORY_IDS:
        return [Story.id.between(*id_range(node.value))]
    if isinstance(node, q.Field) and node.name == "is":  # is:untagged, the only value the parser lets through
        return [~exists().where(StoryTag.story_id == Story.id)]
    return None


def _field_condition(name: str, value: str) -> ColumnElement[bool]:
    if name == "lang":
        return _language_matches(Story.language, value.lower())
    if name == "status":
        return Story.status == value
    if name == UNDATED:
        return Story.published_start.is_(None)
    if name in ("trans", TRANSLATION_IS):
        code, _, status = value.partition(":")
        return _translation_condition(code, status, exact=name == TRANSLATION_IS)
    return func.lower(Story.language) == value  # LANGUAGE_IS


def _language_matches(column: SQLColumnExpression[str], code: str) -> ColumnElement[bool]:
    """``column`` is the language ``code`` or one of its variants (zh: zh-Hans...)."""
    language = func.lower(column)
    # a range instead of LIKE so that an index on lower(language) can be used
    return or_(language == code, and_(language > code + "-", language < code + "."))


def _translation_condition(code: str, status: str, exact: bool = False) -> ColumnElement[bool]:
    """The story's translation into ``code`` (and its variants, unless
    ``exact``) is ``status`` (untranslated: no field translated; draft: some
    field a draft; reviewed: translated, and every translated field
    reviewed); without a status, it has one."""
    language = StoryTranslation.language
    matches = func.lower(language) == code if exact else _language_matches(language, code)
    into = (StoryTranslation.story_id == Story.id) & matches
    translated = exists().where(into)
    if status == TranslationStatus.UNTRANSLATED.value:
        return ~translated
    drafts = exists().where(into, StoryTranslation.status == TranslationStatus.DRAFT.value)
    if status == TranslationStatus.DRAFT.value:
        return drafts
    if status == TranslationStatus.REVIEWED.value:
        return translated & ~drafts
    return translated


def _as_select(compound: CompoundSelect[int]) -> Select[int]:
    """A compound as a plain SELECT (SQLite cannot nest compounds directly)."""
    sub = compound.subquery()
    return select(sub.c.id)


def _ids(node: q.Node) -> Select[int]:
    """``SELECT id`` of the stories matching ``node``; an id may repeat
    (``IN`` ignores repeats; counts use DISTINCT), which saves a sort."""
    expression = _fts(node)
    if expression is not None:
        return select(fts.index_table.c.rowid.label("id")).where(fts.matches(expression))
    if isinstance(node, q.Field):
        return _field_ids(node)
    if isinstance(node, q.DateRange):
        return _stories_where(*_date_conditions(node))
    if isinstance(node, q.Not):
        return _as_select(except_(_stories_where(), _ids(node.child)))
    if isinstance(node, q.And):
        return _as_select(intersect(*(_ids(child) for child in node.children)))
    if isinstance(node, q.Or):
        return _as_select(union(*(_ids(child) for child in node.children)))
    raise AssertionError(translate("Messages", "unhandled node {node!r}").format(node=node))


@dataclass(frozen=True)
class Plan:
    """A query split into an FTS expression to rank by, conditions on story
    rows, and sets of ids; a match meets all three."""

    rank_expression: str | None
    conditions: tuple[ColumnElement[bool], ...] = ()
    #: The query's parts met as sets of ids (fields on links, and the rest
    #: that neither the index nor a story's row answers).
    sources: tuple[q.Node, ...] = ()
    #: Positive terms as (phrase, column or None), for scoring.
    phrases: tuple[tuple[str, str | None], ...] = ()
    #: The query's one Chinese character, when that is all it asks for
    #: (its newest matches are read from the stories: ``single_character``).
    character: str = ""

    @cached_property
    def others(self) -> tuple[Select[int], ...]:
        """``SELECT id`` of each of ``sources``."""
        return tuple(_ids(source) for source in self.sources)

    @property
    def restriction(self) -> Select[int] | None:
        """Everything but the text as one set of ids (None: no restriction)."""
        sets = [*self.others, *([_stories_where(*self.conditions)] if self.conditions else [])]
        if not sets:
            return None
        return sets[0] if len(sets) == 1 else _as_select(intersect(*sets))

    def probes(self, story_id: SQLColumnExpression[int]) -> list[ColumnElement[bool]]:
        """Everything but the text as conditions checked row by row against
        ``story_id`` (EXISTS probes of the link indexes). Best when a query
        stops after a few rows: no set of every matching id is built first."""
        probes: list[ColumnElement[bool]] = []
        for source, sub in zip(self.sources, self.others, strict=True):
            link = _link_probe(source, story_id)
            probes.append(link if link is not None else sub.where(sub.selected_columns[0] == story_id).exists())
        if self.conditions:
            probes.append(_stories_where(*self.conditions).where(Story.id == story_id).exists())
        return probes

    @property
    def id_sets(self) -> Select[int] | None:
        """The id sets alone (without the row conditions), or None."""
        if not self.others:
            return None
        return self.others[0] if len(self.others) == 1 else _as_select(intersect(*self.others))


def plan(node: q.Node | None) -> Plan:
    """Split the top-level AND: positive text goes to the index, to rank by;
    everything else becomes one set of story ids."""
    if node is None:
        return Plan(None)
    children = node.children if isinstance(node, q.And) else (node,)
    ranked: list[str] = []
    phrases: list[tuple[str, str | None]] = []
    excluded: list[str] = []
    sources: list[q.Node] = []
    conditions: list[ColumnElement[bool]] = []
    for child in children:
        expression = _fts(child.child if isinstance(child, q.Not) else child)
        if expression is None and (row := _row_conditions(child)) is not None:
            conditions += row
        elif expression is None:
            sources.append(child)
        elif isinstance(child, q.Not):
            excluded.append(expression)
        else:
            ranked.append(expression)
            phrases += _scoring_phrases(child)
    if not ranked:  # FTS5 has no NOT without something positive beside it
        sources += [child for child in children if isinstance(child, q.Not) and _fts(child.child) is not None]
    elif excluded:
        ranked = ["(" + " AND ".join(ranked) + ")" + "".join(f" NOT {expression}" for expression in excluded)]
    character = _lone_character(node)
    return Plan(" AND ".join(ranked) or None, tuple(conditions), tuple(sources), tuple(phrases), character)


def _lone_character(node: q.Node) -> str:
    """The character of a query of one Chinese character, in no field."""
    if not isinstance(node, q.Text) or node.column:
        return ""
    tokens, prefix = query_tokens(node.text)
    return tokens[0] if prefix and len(tokens) == 1 and len(tokens[0]) == 1 else ""


#: With more text matches than this, only the most recently added this many
#: are ranked by relevance (ranking cost grows with the number of matches).
RANK_CAP = 1000


def _text_matches(p: Plan, probe: bool = False) -> Select[int]:
    """``id`` of the text matches in the restriction (checked row by row
    with ``probe``: for queries that stop early)."""
    assert p.rank_expression is not None
    rowid = fts.index_table.c.rowid
    selected = select(rowid.label("id")).where(fts.matches(p.rank_expression))
    if p.restriction is None:
        return selected
    if probe:
        return selected.where(*p.probes(rowid))
    # "+ 0": with a plain rowid IN (...) SQLite runs the MATCH once per id.
    return selected.where((rowid + 0).in_(p.restriction))


def id_set(node: q.Node | None) -> Select[int] | None:
    """``SELECT id`` of the matches (ids may repeat), or None for all stories."""
    p = plan(node)
    if p.rank_expression is not None:
        return _text_matches(p)
    return p.restriction


def count(session: Session, node: q.Node | None) -> int:
    """Number of stories matching ``node``."""
    return _count(session, plan(node))


def _count(session: Session, p: Plan) -> int:
    if p.rank_expression is not None:
        matches = _text_matches(p).subquery()
        return session.scalar(select(func.count()).select_from(matches)) or 0
    if p.others:
        restriction = p.restriction
        assert restriction is not None  # (the id sets are one)
        ids = restriction.subquery()
        return session.scalar(select(func.count(distinct(ids.c.id)))) or 0
    return session.scalar(select(func.count()).select_from(Story).where(*p.conditions)) or 0


#: How a page of results meets its id sets: story by story while walking
#: an index (PROBE), by looking ids up in the sets read whole first (WALK),
#: or by reading the few ids of the sets and sorting them (SORT).
PROBE, WALK, SORT = "probe", "walk", "sort"
#: Id sets of fewer ids than this are read whole for a page: a probe per
#: story walked costs more when matches are rare (13,602 stories linked to
#: Kenya among a million: 70 ms of probes for the first 200, 8 ms reading
#: the set first), less when they are common (83,000: 8 ms against 25).
SMALL_SET = 20_000


def _is_link_set(node: q.Node) -> bool:
    """True for a field whose ids are one range of a link index (cheap to
    count: no compound to evaluate first)."""
    links = ("tag", TAG_ID, ENTITY_ID, COLLECTION_ID, *q.ENTITY_FIELDS)
    return isinstance(node, q.Field) and node.name in links


def _page_strategy(session: Session, p: Plan) -> str:
    """How a page (the first RANK_CAP rows at most) meets ``p``'s id sets:
    PROBE unless they are link sets (tags, records, collections) of fewer
    than SMALL_SET ids, counted up to that (a few milliseconds); sets so
    small that walking the index would pass most of the library before a
    page is full (under 2 * sqrt(library size) ids: 837 stories among a
    million took 45 ms to walk to, 8 to sort) are sorted."""
    sets = p.id_sets
    if sets is None or not all(_is_link_set(source) for source in p.sources):
        return PROBE
    counted = session.scalar(select(func.count()).select_from(sets.limit(SMALL_SET).subquery())) or 0
    if counted >= SMALL_SET:
        return PROBE
    largest = session.scalar(select(func.max(Story.id))) or 0
    return SORT if counted * counted < 4 * largest else WALK


def _newest_first(p: Plan, strategy: str = WALK) -> Select[int]:
    selected = select(Story.id).where(*p.conditions)
    if strategy == PROBE and p.others:  # a page: probe row by row while walking the published index
        selected = selected.where(*p.probes(Story.id))
    elif strategy == SORT and p.id_sets is not None:  # (each story row read and the few sorted)
        selected = selected.where(Story.id.in_(p.id_sets))
    elif p.id_sets is not None:
        # "+ 0": look ids up in the set while walking the published index,
        # instead of reading every matching story row and sorting them all.
        selected = selected.where((Story.id + 0).in_(p.id_sets))
    # id DESC, not ASC: then the published index yields rows in this order and
    # a page stops after ``limit`` rows instead of sorting every match.
    return selected.order_by(Story.published_start.desc(), Story.id.desc())


def _scores(session: Session, p: Plan, candidates: list[int]) -> dict[int, float]:
    """Relevance of each candidate: how many of the positive terms occur in
    its title (terms limited to a field count for none).

    One index probe per term, limited to the candidates' id range:
    milliseconds, however common the term. (FTS5's bm25 would first count
    every match of each term in the whole library: 100-300 ms for frequent
    Chinese phrases at a million stories; a probe per field, not just the
    title, would cost four times as much.)"""
    scores = dict.fromkeys(candidates, 0.0)
    low, high = min(candidates), max(candidates)
    rowid = fts.index_table.c.rowid
    for phrase, only in p.phrases:
        if only is not None:
            continue
        probe = select(rowid).where(fts.matches(f"title : {phrase}"), rowid.between(low, high))
        for story_id in session.scalars(probe):
            if story_id in scores:
                scores[story_id] += 1.0
    return scores


def _ranked(session: Session, p: Plan) -> list[tuple[int, float]]:
    """``(id, score)`` of the (at most RANK_CAP) most recently added text
    matches, best first, then newest first."""
    read = single_character.newest_holding(session, p.character, RANK_CAP) if p.character else None
    if read is not None:
        candidates, titled = read
        scores = {story_id: float(story_id in titled) for story_id in candidates}
    else:
        probe = _page_strategy(session, p) == PROBE  # (a small set: read whole, each match looked up in it)
        order = fts.index_table.c.rowid.desc()
        candidates = list(session.scalars(_text_matches(p, probe=probe).order_by(order).limit(RANK_CAP)))
        if not candidates:
            return []
        scores = _scores(session, p, candidates)
    return sorted(scores.items(), key=lambda item: (-item[1], -item[0]))


def _beyond_candidates(p: Plan, oldest_candidate: int) -> Select[int]:
    """Text matches older than every candidate, most recently added first."""
    matches = _text_matches(p).subquery()
    return select(matches.c.id).where(matches.c.id < oldest_candidate).order_by(matches.c.id.desc())


def _rows(session: Session, p: Plan, limit: int | None, offset: int) -> list[tuple[int, float]]:
    """``(id, score)`` in result order: by relevance among the candidates,
    then the remaining text matches newest first; else newest published."""
    if p.rank_expression is None:
        page = limit is not None and limit + offset <= RANK_CAP
        statement = _newest_first(p, _page_strategy(session, p) if page else WALK)
        return [(story_id, 0.0) for story_id in session.scalars(statement.limit(limit).offset(offset))]
    ranked = _ranked(session, p)
    end = None if limit is None else offset + limit
    rows = ranked[offset:end]
    if len(ranked) == RANK_CAP and (end is None or end > RANK_CAP):  # older matches follow the candidates
        left = None if limit is None else limit - len(rows)
        older = _beyond_candidates(p, min(story_id for story_id, _ in ranked))
        rows += [(story_id, 0.0) for story_id in session.scalars(older.limit(left).offset(max(0, offset - RANK_CAP)))]
    return rows


def run(session: Session, node: q.Node | None, limit: int, offset: int = 0) -> Results:
    """The best ``limit`` matches after ``offset`` and the total count: by
    relevance when the query has text (see RANK_CAP), else newest published
    first (undated last, the most recently added first)."""
    p = plan(node)
    rows = _rows(session, p, limit, offset)
    return Results(_count(session, p), [Hit(story_id, score) for story_id, score in rows])


def first_ids(session: Session, node: q.Node | None, limit: int) -> list[int]:
    """The first ``limit`` ids of ``all_ids``, without counting the rest."""
    return [story_id for story_id, _ in _rows(session, plan(node), limit, 0)]


def _id_column(session: Session, statement: Select[int]) -> np.ndarray:
    """The first column of ``statement``'s rows as an int64 array, streamed
    through the DB-API cursor: a million ids take 8 MB, not the ~100 MB of
    SQLAlchemy rows and Python ints they would pass through otherwise."""
    import numpy as np

    compiled = statement.compile(dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    parameters = [compiled.params[name] for name in compiled.positiontup or ()]
    rows = bulk.reader(session)(str(compiled), parameters)
    return np.fromiter((row[0] for row in rows), dtype=np.int64)


def all_ids(session: Session, node: q.Node | None) -> np.ndarray:
    """Ids of every match in the order ``run`` pages through them."""
    import numpy as np

    p = plan(node)
    if p.rank_expression is None:
        return _id_column(session, _newest_first(p))
    ranked = np.array([story_id for story_id, _ in _ranked(session, p)], dtype=np.int64)
    if len(ranked) < RANK_CAP:
        return ranked
    return np.concatenate((ranked, _id_column(session, _beyond_candidates(p, int(ranked.min())))))


#: Orders a result can be sorted in besides relevance/newest (list columns).
SORT_KEYS: dict[str, SQLColumnExpression[Any]] = {
    "title": Story.title_sort,
    "published": Story.published_start,
    "source": func.lower(Story.source),
    "language": func.lower(Story.language),
    "status": Story.status,
    "updated_at": Story.updated_at,
}


def sorted_ids(
    session: Session, node: q.Node | None, key: str, descending: bool = False, limit: int | None = None
) -> np.ndarray:
    """Ids of every match (or the first ``limit``) ordered by ``key`` (one
    of SORT_KEYS), then by id."""
    column = SORT_KEYS[key]
    p = plan(node)
    selected = select(Story.id)
    if p.rank_expression is not None:
        selected = selected.where(Story.id.in_(_text_matches(p)))
    else:
        selected = selected.where(*p.conditions)
        if p.id_sets is not None:
            selected = selected.where(Story.id.in_(p.id_sets))
    if descending:
        selected = selected.order_by(column.desc(), Story.id.desc())
    else:
        selected = selected.order_by(column.asc(), Story.id.asc())
    return _id_column(session, selected.limit(limit))


def positive_terms(node: q.Node | None) -> list[str]:
    """The free-text terms a hit must contain (for highlighting)."""
    if node is None or isinstance(node, (q.Field, q.DateRange, q.Not)):
        return []
    if isinstance(node, q.Text):
        return [node.text]
    return [term for child in node.children for term in positive_terms(child)]

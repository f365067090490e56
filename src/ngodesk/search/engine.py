"""Run parsed queries against a library: filtering in SQL, ranking by the
FTS index (weighted bm25), newest first when there is no text to rank by."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, literal, not_, or_, select, true
from sqlalchemy.orm import Session

from ngodesk.search import query as q
from ngodesk.search.text import fold, query_tokens
from ngodesk.store import fts
from ngodesk.store.schema import Entity, EntityName, Story, StoryEntity, StoryTag, Tag


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


def _phrase(node: q.Text) -> str:
    tokens, prefix = query_tokens(node.text)
    phrase = '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'
    if prefix:
        phrase += " *"
    return f"{node.column} : {phrase}" if node.column else phrase


def _fts(node: q.Node) -> str | None:
    """An FTS5 expression equivalent to ``node``, when one exists (text only,
    and every NOT beside something positive)."""
    if isinstance(node, q.Text):
        return _phrase(node)
    if isinstance(node, q.Or):
        parts = [_fts(child) for child in node.children]
        return None if None in parts else "(" + " OR ".join(parts) + ")"  # type: ignore[arg-type]
    if isinstance(node, q.And):
        positive = [_fts(c) for c in node.children if not isinstance(c, q.Not)]
        negative = [_fts(c.child) for c in node.children if isinstance(c, q.Not)]
        if not positive or None in positive or None in negative:
            return None
        expression = "(" + " AND ".join(positive) + ")"  # type: ignore[arg-type]
        return "(" + expression + "".join(f" NOT {n}" for n in negative) + ")"
    return None


def _tag_ids(value: str) -> Select[tuple[int]]:
    """Ids of the tags ``value`` names (a name, or a path ``A/B``) and all
    their descendants."""
    parts = [fold(part) for part in value.split("/") if part.strip()]
    named = select(Tag.id).where(Tag.name_key == parts[-1])
    if len(parts) > 1:
        named = named.where(Tag.parent_id.in_(_tags_at_path(parts[:-1])))
    tree = named.cte("tag_tree", recursive=True)
    tree = tree.union_all(select(Tag.id).where(Tag.parent_id == tree.c.id))
    return select(tree.c.id)


def _tags_at_path(parts: list[str]) -> Select[tuple[int]]:
    """Ids of tags at the path of folded names ``parts``; the first part may
    sit at any depth."""
    ids = select(Tag.id).where(Tag.name_key == parts[0])
    for part in parts[1:]:
        ids = select(Tag.id).where(Tag.name_key == part, Tag.parent_id.in_(ids))
    return ids


def _entity_condition(kind: str, value: str) -> ColumnElement[bool]:
    key = fold(value)
    by_alias = select(EntityName.entity_id).where(EntityName.name_key.contains(key, autoescape=True))
    entities = select(Entity.id).where(
        Entity.kind == kind, or_(Entity.name_key.contains(key, autoescape=True), Entity.id.in_(by_alias))
    )
    return Story.id.in_(select(StoryEntity.story_id).where(StoryEntity.entity_id.in_(entities)))


def _field(node: q.Field) -> ColumnElement[bool]:
    name, value = node.name, node.value
    if name == "tag":
        if not any(part.strip() for part in value.split("/")):
            return false()
        return Story.id.in_(select(StoryTag.story_id).where(StoryTag.tag_id.in_(_tag_ids(value))))
    if name in q.ENTITY_FIELDS:
        return _entity_condition(q.ENTITY_FIELDS[name], value)
    if name == "source":
        return func.lower(Story.source).contains(value.lower(), autoescape=True)
    if name == "lang":
        code = value.lower()
        return or_(func.lower(Story.language) == code, func.lower(Story.language).startswith(code + "-"))
    if name == "status":
        return Story.status == value
    if name == "is":  # is:untagged, the only value the parser lets through
        return ~exists().where(StoryTag.story_id == Story.id)
    raise AssertionError(f"unhandled field {name}")


def _condition(node: q.Node) -> ColumnElement[bool]:
    expression = _fts(node)
    if expression is not None:
        return Story.id.in_(fts.matching_ids(expression))
    if isinstance(node, q.Text):  # pragma: no cover - _fts handles every Text
        raise AssertionError
    if isinstance(node, q.Field):
        return _field(node)
    if isinstance(node, q.DateRange):
        parts = [Story.published_start.is_not(None)]
        if node.start is not None:
            parts.append(Story.published_start >= node.start.first_day().isoformat())
        if node.end is not None:
            parts.append(Story.published_end <= node.end.last_day().isoformat())
        return and_(*parts)
    if isinstance(node, q.Not):
        return not_(_condition(node.child))
    if isinstance(node, q.And):
        return and_(*(_condition(child) for child in node.children))
    if isinstance(node, q.Or):
        return or_(*(_condition(child) for child in node.children))
    raise AssertionError(f"unhandled node {node!r}")


@dataclass(frozen=True)
class Plan:
    """A query split into an FTS expression to rank by and SQL filters."""

    rank_expression: str | None
    conditions: tuple[ColumnElement[bool], ...]


def plan(node: q.Node | None) -> Plan:
    """Split the top-level AND: text parts go to the index, the rest to SQL."""
    if node is None:
        return Plan(None, ())
    children = node.children if isinstance(node, q.And) else (node,)
    ranked: list[str] = []
    conditions: list[ColumnElement[bool]] = []
    for child in children:
        expression = None if isinstance(child, q.Not) else _fts(child)
        if expression is not None:
            ranked.append(expression)
        else:
            conditions.append(_condition(child))
    return Plan(" AND ".join(ranked) or None, tuple(conditions))


def _filtered(selected: Select, p: Plan) -> Select:  # type: ignore[type-arg]
    if p.rank_expression is not None:
        selected = selected.select_from(fts.index_table).join(Story, Story.id == fts.index_table.c.rowid)
        selected = selected.where(fts.matches(p.rank_expression))
    else:
        selected = selected.select_from(Story)
    return selected.where(*p.conditions) if p.conditions else selected.where(true())


def count(session: Session, node: q.Node | None) -> int:
    """Number of stories matching ``node``."""
    return session.scalar(_filtered(select(func.count()), plan(node))) or 0


def _ordered(p: Plan) -> Select:  # type: ignore[type-arg]
    """``(id, score)`` of all matches: by relevance when the query has text,
    else newest published first (undated last, in the order they were added)."""
    if p.rank_expression is not None:
        score = (-fts.index_table.c.rank).label("score")
        return _filtered(select(Story.id, score), p).order_by(fts.index_table.c.rank)
    return _filtered(select(Story.id, literal(0.0).label("score")), p).order_by(
        Story.published_start.desc().nulls_last(), Story.id
    )


def run(session: Session, node: q.Node | None, limit: int, offset: int = 0) -> Results:
    """The best ``limit`` matches after ``offset`` and the total count."""
    rows = session.execute(_ordered(plan(node)).limit(limit).offset(offset)).all()
    return Results(count(session, node), [Hit(row[0], float(row[1])) for row in rows])


def all_ids(session: Session, node: q.Node | None) -> list[int]:
    """Ids of every match, best (or newest) first."""
    return list(session.scalars(_ordered(plan(node))))


def positive_terms(node: q.Node | None) -> list[str]:
    """The free-text terms a hit must contain (for highlighting)."""
    if node is None or isinstance(node, (q.Field, q.DateRange, q.Not)):
        return []
    if isinstance(node, q.Text):
        return [node.text]
    return [term for child in node.children for term in positive_terms(child)]

"""Annotations on passages of stories: add, edit, delete, list, and keep
them on their passages when the text changes (``search.anchoring``).

An annotation belongs to one field of a story, in the original text
(``language`` "") or in one of its translations. Whenever a story's text
or a translation is saved, ``follow`` moves the story's annotations with
their passages or marks them orphaned (and back, if the words return).
"""

# (Annotations are evaluated: "from __future__ import annotations" would be
# one more binding of the name of the function ``annotations`` below.)
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ImportFailed, NgodeskError, NotFound, ValidationError
from ngodesk.domain.i18n import field_name, translate
from ngodesk.domain.models import TRANSLATED_FIELDS, AnnotationKind, AnnotationView, ChangeSet, RecordProblem
from ngodesk.domain.text import read_language, require_encodable
from ngodesk.formats import read_text
from ngodesk.formats.web_annotation import ReadAnnotation
from ngodesk.formats.web_annotation import read as read_annotations
from ngodesk.formats.writers import web_annotation
from ngodesk.search.anchoring import Anchor, anchor, locate, nearest
from ngodesk.services.delivery import deliver
from ngodesk.steps import tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import Annotation, Story, StoryTranslation, Term, new_uuid

#: Longest comment or rendering kept.
BODY_MAX = 20_000


@dataclass(frozen=True)
class NewAnnotation:
    """What the user gives to annotate ``text[start:end]`` of a field."""

    field: str
    start: int
    end: int
    kind: AnnotationKind
    body: str = ""
    language: str = ""
    term_uuid: str = ""
    author: str = ""
    #: the words as the user saw them selected: when the saved text differs
    #: there (saving trims it), the nearest place they stand is taken
    quote: str = ""


def _language(value: str) -> str:
    """The tag a translation of language ``value`` is stored under (zh_CN:
    zh-Hans, English: en; ``domain.text.read_language``); "" for the
    original text, ``value`` as given when it names no language (no
    translation is stored under it, so the caller says so)."""
    return (read_language(value).tag or value) if value.strip() else ""


def _text(session: Session, story_id: int, field: str, language: str) -> str | None:
    """The text annotations of (field, language) anchor in; None when the
    story has no such translation."""
    if field not in TRANSLATED_FIELDS:
        raise ValidationError(
            translate("Messages", "'{field}' cannot be annotated; fields are: {join}").format(
                field=field, join=", ".join(TRANSLATED_FIELDS)
            )
        )
    if not language:
        story = session.get(Story, story_id)
        if story is None:
            raise NotFound(translate("Messages", "no story with id {story_id}").format(story_id=story_id))
        return str(getattr(story, field))
    return session.scalar(
        select(StoryTranslation.text).where(
            StoryTranslation.story_id == story_id,
            StoryTranslation.field == field,
            StoryTranslation.language == language,
        )
    )


def _term_id(session: Session, term_uuid: str) -> int | None:
    if not term_uuid:
        return None
    found = session.scalar(select(Term.id).where(Term.uuid == term_uuid))
    if found is None:
        raise NotFound(translate("Messages", "no glossary term {term_uuid}").format(term_uuid=term_uuid))
    return found


def _checked_body(kind: AnnotationKind, body: str) -> str:
    body = require_encodable(body, "annotation").strip()
    if len(body) > BODY_MAX:
        raise ValidationError(
            translate("Messages", "the annotation is longer than {BODY_MAX:,} characters").format(BODY_MAX=BODY_MAX)
        )
    if kind is not AnnotationKind.TERM and not body:
        raise ValidationError(translate("Messages", "an annotation needs a comment or a rendering"))
    return body


def add(library: Library, story_id: int, new: NewAnnotation, uuid: str = "") -> tuple[str, ChangeSet]:
    """Annotate a passage; returns the annotation's uuid (``uuid`` when
    given: undo restores one). Raises ValidationError for an empty or
    out-of-range passage or an empty comment, NotFound for an unknown
    story, translation or term."""
    kind = AnnotationKind(new.kind)
    body = _checked_body(kind, new.body)
    new = replace(new, language=_language(new.language))
    if kind is AnnotationKind.TERM and not new.term_uuid and not body:
        raise ValidationError(translate("Messages", "a glossary term annotation needs a term of the glossary"))
    with library.write() as session:
        text = _text(session, story_id, new.field, new.language)
        if text is None:
            raise NotFound(
                translate("Messages", "the story has no {language} translation of its {field}").format(
                    language=new.language, field=field_name(new.field)
                )
            )
        start, end = new.start, new.end
        if new.quote and text[start:end] != new.quote:
            place = nearest(text, new.quote, start)
            if place is None:
                raise ValidationError(
                    translate("Messages", "{field}: the words “{quote}” are not in the text as saved").format(
                        field=field_name(new.field), quote=new.quote
                    )
                )
            start, end = place, place + len(new.quote)
        try:
            passage = anchor(text, start, end)
        except ValueError as error:
            raise ValidationError(
                translate("Messages", "{field}: {error}").format(field=field_name(new.field), error=error)
            ) from None
        row = Annotation(
            uuid=uuid or new_uuid(),
            story_id=story_id,
            field=new.field,
            language=new.language,
            kind=kind.value,
            body=body,
            term_id=_term_id(session, new.term_uuid),
            author=require_encodable(new.author, "author").strip() or library.author,  # (else who is writing)
            **_columns(passage),
            orphaned=False,
        )
        if uuid:
            tombstones.unbury(session, [uuid])
        session.add(row)
        session.flush()
        return row.uuid, ChangeSet(stories_changed=frozenset({story_id}))


def put_back(library: Library, view: AnnotationView) -> ChangeSet:
    """Store a deleted annotation again exactly as it was (undo of a
    delete), then let it find its passage in the text as it is now."""
    with library.write() as session:
        tombstones.unbury(session, [view.uuid])
        session.add(
            Annotation(
                uuid=view.uuid,
                created_at=view.created_at,
                updated_at=view.updated_at,
                story_id=view.story_id,
                field=view.field,
                language=view.language,
                kind=view.kind.value,
                body=view.body,
                term_id=session.scalar(select(Term.id).where(Term.uuid == view.term_uuid)) if view.term_uuid else None,
                author=view.author,
                **_columns(Anchor(view.exact, view.prefix, view.suffix, view.start, view.end)),
                orphaned=view.orphaned,
            )
        )
        session.flush()
        follow(session, [view.story_id])
        return ChangeSet(stories_changed=frozenset({view.story_id}))


def _columns(passage: Anchor) -> dict[str, object]:
    return {
        "exact": passage.exact,
        "prefix": passage.prefix,
        "suffix": passage.suffix,
        "quote_start": passage.start,
        "quote_end": passage.end,
    }


def _row(session: Session, uuid: str) -> Annotation:
    row = session.scalar(select(Annotation).where(Annotation.uuid == uuid))
    if row is None:
        raise NotFound(translate("Messages", "no annotation {uuid}").format(uuid=uuid))
    return row


def edit(library: Library, uuid: str, body: str) -> ChangeSet:
    """Change an annotation's comment or rendering."""
    with library.write() as session:
        row = _row(session, uuid)
        row.body = _checked_body(AnnotationKind(row.kind), body)
        row.touch()
        return ChangeSet(stories_changed=frozenset({row.story_id}))


def delete(library: Library, uuid: str) -> ChangeSet:
    """Delete an annotation (a tombstone remembers it for merges)."""
    with library.write() as session:
        row = _row(session, uuid)
        tombstones.bury(session, "annotation", [uuid])
        session.delete(row)
        return ChangeSet(stories_changed=frozenset({row.story_id}))


def follow(session: Session, story_ids: Iterable[int]) -> None:
    """Move the annotations of ``story_ids`` with their passages after
    their texts changed (the caller's transaction), or mark them orphaned."""
    rows = session.scalars(select(Annotation).where(Annotation.story_id.in_(list(story_ids)))).all()
    texts: dict[tuple[int, str, str], str] = {}  # (annotations of one text share it)
    for row in rows:
        place = (row.story_id, row.field, row.language)
        if place not in texts:
            texts[place] = _text(session, *place) or ""
        text = texts[place]
        passage = Anchor(row.exact, row.prefix, row.suffix, row.quote_start, row.quote_end)
        found = locate(text, passage)
        if found is None:
            if not row.orphaned:
                row.orphaned = True
            continue
        if row.orphaned or found != passage:
            for name, value in _columns(found).items():
                setattr(row, name, value)
            row.orphaned = False


def _views(session: Session, rows: Sequence[Annotation]) -> list[AnnotationView]:
    ids = {r.story_id for r in rows}
    story_uuids = {i: u for i, u in session.execute(select(Story.id, Story.uuid).where(Story.id.in_(ids)))}
    term_ids = {r.term_id for r in rows if r.term_id is not None}
    term_uuids = {i: u for i, u in session.execute(select(Term.id, Term.uuid).where(Term.id.in_(term_ids)))}
    return [
        AnnotationView(
            uuid=r.uuid,
            story_id=r.story_id,
            story_uuid=story_uuids[r.story_id],
            field=r.field,
            language=r.language,
            kind=AnnotationKind(r.kind),
            body=r.body,
            exact=r.exact,
            prefix=r.prefix,
            suffix=r.suffix,
            start=r.quote_start,
            end=r.quote_end,
            orphaned=r.orphaned,
            author=r.author,
            created_at=r.created_at,
            updated_at=r.updated_at,
            term_uuid=term_uuids.get(r.term_id, "") if r.term_id is not None else "",
        )
        for r in rows
    ]


def annotations(library: Library, story_ids: Sequence[int] | None = None) -> list[AnnotationView]:
    """The annotations of ``story_ids`` (None: all), by story, field,
    language and position."""
    with library.read() as session:
        query = select(Annotation).order_by(
            Annotation.story_id, Annotation.field, Annotation.language, Annotation.quote_start, Annotation.id
        )
        if story_ids is not None:
            query = query.where(Annotation.story_id.in_(list(story_ids)))
        return _views(session, session.scalars(query).all())


def export(library: Library, target: Path | str | None, story_ids: Sequence[int] | None = None) -> int:
    """Write the annotations of ``story_ids`` (None: the whole library) as
    W3C Web Annotation JSON-LD to the file ``target`` or standard output
    (``deliver``); returns how many were written."""
    views = annotations(library, story_ids)
    count = len(set(story_ids)) if story_ids is not None else 0
    label = "ngodesk annotations" + (f" of {count} {'story' if count == 1 else 'stories'}" if count else "")
    text = web_annotation.write(views, label)
    deliver(target, lambda out: out.write(text))
    return len(views)


@dataclass
class ImportReport:
    """What an import of annotations did."""

    added: int = 0
    #: already in the library (the same uuid): left as they are
    unchanged: int = 0
    #: added, but their words are not in the text now
    orphaned: int = 0
    problems: list[RecordProblem] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)


def import_file(library: Library, path: Path | str, strict: bool = False) -> ImportReport:
    """Import W3C Web Annotation JSON-LD (``formats.web_annotation``) in one
    transaction: each annotation is anchored in its story's text as it is
    now (orphaned when its words are not there). Annotations already here
    are left as they are, so importing twice adds nothing. Raises
    ImportFailed when the file cannot be read, or with ``strict`` when any
    annotation cannot be imported (then nothing is)."""
    found, problems = read_annotations(read_text(Path(path)))
    report = ImportReport(problems=list(problems))
    with library.write() as session:
        touched: set[int] = set()
        for item in found:
            try:
                story_id = _import_one(session, item, report)
            except NgodeskError as error:
                report.problems.append(RecordProblem(item.position, str(error)))
                continue
            if story_id is not None:
                touched.add(story_id)
        report.problems.sort(key=_place_in_file)
        if strict and report.problems:
            first = report.problems[0]
            raise ImportFailed(
                translate("Messages", "{path}, {position}: {reason}; nothing was imported").format(
                    path=path, position=first.position, reason=first.reason
                )
            )
        report.changes = ChangeSet(stories_changed=frozenset(touched))
    return report


def _place_in_file(problem: RecordProblem) -> int:
    """``annotation N`` -> N, in any interface language (problems of the
    whole file first)."""
    number = re.search(r"\d+", problem.position)
    return int(number.group()) if number else 0


def _import_one(session: Session, item: ReadAnnotation, report: ImportReport) -> int | None:
    """Store one read annotation; the story it went to, or None when it
    was here already. Raises NgodeskError saying why it cannot be."""
    if item.uuid and session.scalar(select(Annotation.id).where(Annotation.uuid == item.uuid)) is not None:
        report.unchanged += 1
        return None
    story_id = session.scalar(select(Story.id).where(Story.uuid == item.story_uuid))
    item = replace(item, language=_language(item.language))
    if story_id is None:
        raise NotFound(
            translate("Messages", "no story {story_uuid} in this library").format(story_uuid=item.story_uuid)
        )
    fields = [item.field] if item.field else list(TRANSLATED_FIELDS)
    texts = {name: _text(session, story_id, name, item.language) for name in fields}
    name = next((n for n in fields if item.exact in (texts[n] or "")), fields[0])
    if texts[name] is None:
        raise NotFound(
            translate("Messages", "the story has no {language} translation of its {name}").format(
                language=item.language, name=name
            )
        )
    start = item.start if item.start is not None else 0
    given = Anchor(item.exact, item.prefix, item.suffix, start, start + len(item.exact))
    passage = locate(texts[name] or "", given)
    term_id = session.scalar(select(Term.id).where(Term.uuid == item.term_uuid)) if item.term_uuid else None
    times = {"created_at": item.created_at, "updated_at": item.updated_at}
    session.add(
        Annotation(
            uuid=item.uuid or new_uuid(),
            story_id=story_id,
            field=name,
            language=item.language,
            kind=item.kind.value,
            body=_checked_body(item.kind, item.body),
            term_id=term_id,
            author=item.author.strip(),
            **_columns(passage or given),
            orphaned=passage is None,
            **{key: value for key, value in times.items() if value is not None},
        )
    )
    if item.uuid:
        tombstones.unbury(session, [item.uuid])
    session.flush()
    report.added += 1
    report.orphaned += passage is None
    return story_id

"""Telling when two stories are the same story.

Two stories match when they have the same uuid (a story coming back from
ngodesk's own JSON), the same web address (``url_key``: no
scheme, ``www.``, trailing slash or tracking parameters), or the same
folded title and no conflicting address or date (so a file imported twice
adds nothing), or titles at least ``SIMILAR`` % alike (rapidfuzz's
normalised Indel similarity) published on the same day, with no
conflicting address and the same numbers (``第一批``/``第二批``, "day 3"/"day 4"
are different stories). A title, alike or the same, never matches alone
when the authors (both known, none in common) or an identifier both give
(DOI, ISBN, PMID, PMCID: in ``extra``) disagree: two papers of one day
with 93% alike titles by other people are two papers.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import Progress, no_progress
from ngodesk.search.text import fold
from ngodesk.steps import lookups
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryEntity, Tombstone

#: Title similarity (0-100) above which stories of the same day match.
SIMILAR = 90
#: Stories of one address or title compared pairwise by ``find_pairs`` at
#: most, and stories of one title (or alike titles of one day) whose
#: authors and identifiers an incoming story's are compared with (a title
#: such as "Daily briefing" can repeat thousands of times).
GROUP_MAX = 50
#: Rows of a day's similarity matrix computed at once by ``find_pairs``.
_BLOCK = 500
#: Keys looked up per query (SQLite's variable limit is 32766).
_BATCH = 900


@dataclass(frozen=True)
class Key:
    """What matching looks at in a story."""

    title: str
    title_key: str
    url_key: str
    published: str
    #: Only for stories whose identity is known (ngodesk's own JSON).
    uuid: str = ""
    #: its people and extra data as given (read only when a title
    #: matches); None for a story of the library (then looked up)
    people: tuple[str, ...] | None = None
    extra: Mapping[str, object] | None = field(default=None, compare=False)

    @property
    def day(self) -> str:
        """The publication day, or "" when the date is less precise."""
        return self.published if len(self.published) == 10 else ""


@dataclass(frozen=True)
class Match:
    """A known story an incoming one matches, and why."""

    story_id: int
    title: str
    reason: str
    #: the story's uuid ("" for one of the same import not written yet)
    uuid: str = ""


#: Keys of ``extra`` that identify a work, lower-cased (the formats write
#: ``DOI``, ``doi``...); an ISSN names a journal, not a story.
IDENTIFIERS = ("doi", "isbn", "pmid", "pmcid")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ISBN = re.compile(r"[0-9][0-9\- ]{8,}[0-9Xx]")


def identifiers(extra: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """(kind, value) for each identifier ``extra`` gives (an ISBN field
    may give several), values normalised: ``https://doi.org/10.1/X`` and
    ``10.1/x`` are one DOI, ``978-7-01`` and ``978701`` one ISBN."""
    found: list[tuple[str, str]] = []
    for name, value in extra.items():
        kind = name.lower()
        if kind not in IDENTIFIERS or not isinstance(value, str | int) or not str(value).strip():
            continue
        if kind == "doi":
            found.append((kind, _DOI_PREFIX.sub("", str(value).strip()).lower()))
        elif kind == "isbn":
            found += [(kind, re.sub(r"[- ]", "", isbn).upper()) for isbn in _ISBN.findall(str(value))]
        else:
            found.append((kind, str(value).strip().lower()))
    return tuple(dict.fromkeys(found))


def person_keys(names: Iterable[str]) -> tuple[str, ...]:
    """Keys of people's names that do not depend on their order or case:
    ``Wang, Fang`` and ``Fang Wang`` are one person."""
    return tuple(sorted({" ".join(sorted(re.split(r"[\s,.]+", fold(name)))).strip() for name in names} - {""}))


def _others_agree(
    a: tuple[tuple[str, ...], tuple[tuple[str, str], ...]], b: tuple[tuple[str, ...], tuple[tuple[str, str], ...]]
) -> bool:
    """Two stories' (authors, identifiers) agree unless both name
    authors and none in common, or both give an identifier of one kind
    and no value in common."""
    (people_a, ids_a), (people_b, ids_b) = a, b
    if people_a and people_b and not set(people_a) & set(people_b):
        return False
    for kind in {k for k, _ in ids_a} & {k for k, _ in ids_b}:
        if not {v for k, v in ids_a if k == kind} & {v for k, v in ids_b if k == kind}:
            return False
    return True


_NUMBER = re.compile(r"\d+|[一二三四五六七八九十百千万两零〇]+")


def _numbers(text: str) -> list[str]:
    """The numbers a title names, in order (digits or Chinese numerals)."""
    return _NUMBER.findall(text)


def _agree(a: str, b: str) -> bool:
    """Two values agree unless both are known and differ."""
    return not a or not b or a == b


def _similar(score: float) -> str:
    """Why two titles of one day match (``score``: their similarity)."""
    return translate("Messages", "a {score:.0f}% similar title on the same day").format(score=score)


def _dates_agree(a: str, b: str) -> bool:
    """Two partial dates agree unless both are known and differ where both
    say something: 2019-05 agrees with 2019-05-04, not with 2019-06."""
    shorter, longer = sorted((a, b), key=len)
    return not shorter or longer == shorter or longer.startswith(shorter + "-")


@dataclass
class Matcher:
    """Matches incoming stories against the library's (looked up as needed)
    and against those added while matching (``add``)."""

    session: Session
    #: Stories with this id or above are known only through ``add`` (the
    #: stories being imported), not looked up.
    looked_up_below: int
    _uuids: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: uuids of stories merged into others (tombstones) -> the survivor
    _merged: dict[str, tuple[int, str]] = field(default_factory=dict)
    _urls: dict[str, tuple[int, str]] = field(default_factory=dict)
    _titles: dict[str, list[tuple[int, Key]]] = field(default_factory=dict)
    #: per day: the titles (for rapidfuzz) and, in the same order, the stories
    _days: dict[str, tuple[list[str], list[tuple[int, Key]]]] = field(default_factory=dict)
    _looked_up: set[tuple[str, str]] = field(default_factory=set)
    _known: set[int] = field(default_factory=set)
    #: stories' uuids, to name them in a report
    _named: dict[int, str] = field(default_factory=dict)
    #: (authors, identifiers) of the stories compared so far
    _details: dict[int, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = field(default_factory=dict)
    #: the last incoming key compared and its (authors, identifiers)
    _mine: tuple[Key | None, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = (None, ((), ()))

    def load(self, keys: Iterable[Key]) -> None:
        """Fetch the library's stories that could match ``keys`` (call once
        per batch before ``match``; fetched keys are not fetched again)."""
        if self.looked_up_below <= 1:  # (an empty library)
            return
        wanted: dict[str, set[str]] = {"uuid": set(), "url": set(), "title": set(), "day": set()}
        for key in keys:
            for kind, value in (("uuid", key.uuid), ("url", key.url_key), ("title", key.title_key), ("day", key.day)):
                if value and (kind, value) not in self._looked_up:
                    wanted[kind].add(value)
                    self._looked_up.add((kind, value))
        columns = (Story.id, Story.title, Story.title_key, Story.url_key, Story.published, Story.uuid)
        for kind, where in (
            ("uuid", lambda chunk: Story.uuid.in_(chunk)),
            ("url", lambda chunk: Story.url_key.in_(chunk)),
            ("title", lambda chunk: Story.title_key.in_(chunk)),
            ("day", lambda chunk: and_(Story.published_start.in_(chunk), Story.published_end == Story.published_start)),
        ):
            for chunk in lookups.chunks(sorted(wanted[kind]), _BATCH):
                query = select(*columns).where(where(chunk), Story.id < self.looked_up_below)
                for row in self.session.execute(query):
                    self.add(Key(row.title, row.title_key, row.url_key, row.published, row.uuid), row.id, row.uuid)
        merged = (
            select(Tombstone.uuid, Story.id, Story.title)
            .join(Story, Story.uuid == Tombstone.replaced_by)
            .where(Story.id < self.looked_up_below)
        )
        for chunk in lookups.chunks(sorted(wanted["uuid"] - self._uuids.keys()), _BATCH):
            for dead, story_id, title in self.session.execute(merged.where(Tombstone.uuid.in_(chunk))):
                self._merged[dead] = (story_id, title)

    def add(self, key: Key, story_id: int, uuid: str = "") -> None:
        """Know ``story_id`` (``uuid``) as a story with ``key`` (again: no
        effect)."""
        if story_id in self._known:
            return
        self._known.add(story_id)
        self._named[story_id] = uuid or key.uuid
        if key.uuid:
            self._uuids[key.uuid] = (story_id, key.title)
        if key.url_key:
            self._urls.setdefault(key.url_key, (story_id, key.title))
        if key.title_key:
            self._titles.setdefault(key.title_key, []).append((story_id, key))
        if key.day:
            titles, stories = self._days.setdefault(key.day, ([], []))
            titles.append(key.title_key)
            stories.append((story_id, key))

    def match(self, key: Key) -> Match | None:
        """The known story ``key`` duplicates, if any."""
        found = self._match(key)
        return Match(found[0], found[1], found[2], self._named.get(found[0], "")) if found else None

    def _match(self, key: Key) -> tuple[int, str, str] | None:
        if key.uuid and key.uuid in self._uuids:
            return (*self._uuids[key.uuid], translate("Messages", "the same story: its uuid"))
        if key.uuid and key.uuid in self._merged:
            return (*self._merged[key.uuid], translate("Messages", "the same story: it was merged into this one"))
        if key.url_key and key.url_key in self._urls:
            return (*self._urls[key.url_key], translate("Messages", "the same web address"))
        same = (
            (story_id, known, translate("Messages", "the same title"))
            for story_id, known in self._titles.get(key.title_key, ())
            if _agree(key.url_key, known.url_key) and _dates_agree(key.published, known.published)
        )
        if found := self._first_agreeing(key, list(itertools.islice(same, GROUP_MAX))):
            return found
        titles, stories = self._days.get(key.day, ((), ())) if key.day else ((), ())
        # most alike first; the first that names the same numbers at no other address
        alike = (
            (stories[place][0], stories[place][1], _similar(score))
            for _, score, place in process.extract(
                key.title_key, titles, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
            )
            if _agree(key.url_key, stories[place][1].url_key)
            and _numbers(key.title_key) == _numbers(stories[place][1].title_key)
        )
        return self._first_agreeing(key, list(itertools.islice(alike, GROUP_MAX)))

    def _first_agreeing(self, key: Key, candidates: list[tuple[int, Key, str]]) -> tuple[int, str, str] | None:
        """The first of ``candidates`` (a story, its key, why it matches by
        title) whose authors and identifiers agree with ``key``'s: (story,
        title, why), or None. (At most ``GROUP_MAX`` are given: a title
        such as "Editorial" by thousands of authors took seconds a story.)"""
        for story_id, known, reason in candidates:
            if self._others_agree(key, story_id, known, candidates):
                return story_id, known.title, reason
        return None

    def _others_agree(self, key: Key, story_id: int, known: Key, along: list[tuple[int, Key, str]]) -> bool:
        """Whether an incoming story's authors and identifiers agree with a
        known one's (see ``_others_agree``); the library's stories are
        looked up when needed, with the other candidates ``along`` with it
        (one query, not one per story)."""
        if self._mine[0] is not key:
            self._mine = (key, (person_keys(key.people or ()), identifiers(key.extra or {})))
        mine = self._mine[1]
        if not any(mine):
            return True
        if story_id not in self._details:
            if known.people is None:
                wanted = {story_id} | {i for i, k, _ in along if k.people is None and i not in self._details}
                self._details.update(details(self.session, wanted))
            else:
                self._details[story_id] = (person_keys(known.people), identifiers(known.extra or {}))
        return _others_agree(mine, self._details[story_id])


def details(
    session: Session, story_ids: Iterable[int]
) -> dict[int, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]]:
    """(``person_keys`` of its people, its ``identifiers``) per story."""
    found: dict[int, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {}
    for chunk in lookups.chunks(sorted(set(story_ids)), _BATCH):
        names: dict[int, list[str]] = {}
        people = (
            select(StoryEntity.story_id, Entity.name)
            .join(Entity, Entity.id == StoryEntity.entity_id)
            .where(StoryEntity.story_id.in_(chunk), Entity.kind == "person")
        )
        for story_id, name in session.execute(people):
            names.setdefault(story_id, []).append(name)
        for story_id, extra in session.execute(select(Story.id, Story.extra).where(Story.id.in_(chunk))):
            found[story_id] = (person_keys(names.get(story_id, ())), identifiers(_json_object(extra)))
    return found


def _json_object(text: str | None) -> dict[str, object]:
    """A story's extra data (``{}`` when it is not a JSON object)."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class StoryRef:
    """Enough of a story to name it."""

    id: int
    uuid: str
    title: str


@dataclass(frozen=True)
class Pair:
    """Two stories of the library that look like one, and why."""

    first: StoryRef
    second: StoryRef
    reason: str


def find_pairs(library: Library, progress: Progress = no_progress) -> list[Pair]:
    """Likely duplicate pairs among the library's stories, by the rules of
    ``Matcher`` (each pair once, lower id first, sorted by id). Raises
    Cancelled when ``progress`` asks to stop."""
    found: dict[tuple[int, int], str] = {}
    #: pairs by title alone, kept when their authors and identifiers agree
    by_title: dict[tuple[int, int], str] = {}
    with library.read() as session:
        connection = session.connection()
        by_column = (
            ("url_key", translate("Messages", "the same web address")),
            ("title_key", translate("Messages", "the same title")),
        )
        for column, reason in by_column:
            rows = connection.exec_driver_sql(
                f"SELECT {column}, id, url_key, published FROM stories WHERE {column} IN"
                f" (SELECT {column} FROM stories WHERE {column} != '' GROUP BY {column} HAVING count(*) > 1)"
                f" ORDER BY {column}, id"
            )
            for _, group in itertools.groupby(rows, key=lambda row: row[0]):
                members = list(itertools.islice(group, GROUP_MAX))
                for (_, a, url_a, date_a), (_, b, url_b, date_b) in itertools.combinations(members, 2):
                    if column == "url_key":
                        found.setdefault((a, b), reason)
                    elif _agree(url_a, url_b) and _dates_agree(date_a, date_b):
                        by_title.setdefault((a, b), reason)
        days = connection.exec_driver_sql(
            "SELECT published_start, id, title_key, url_key FROM stories WHERE published_end = published_start"
            " ORDER BY published_start, id"
        )
        groups = [list(group) for _, group in itertools.groupby(days, key=lambda row: row[0])]
        for done, members in enumerate(groups, 1):
            titles = [m[2] for m in members] if len(members) > 1 else []
            for start in range(0, len(members), _BLOCK):  # (a crowded day in blocks: memory stays small)
                scores = process.cdist(
                    titles[start : start + _BLOCK], titles, scorer=fuzz.ratio, score_cutoff=SIMILAR, workers=-1
                )
                for i, j in zip(*scores.nonzero(), strict=True):
                    first, second = members[start + i], members[j]
                    if (
                        first[1] < second[1]
                        and _agree(first[3], second[3])
                        and _numbers(first[2]) == _numbers(second[2])
                    ):
                        by_title.setdefault((first[1], second[1]), _similar(scores[i, j]))
            if done % 500 == 0 and not progress(done, len(groups)):
                raise Cancelled(translate("Messages", "The search for duplicates was cancelled."))
        known = details(session, (i for pair in by_title.keys() - found.keys() for i in pair))
        for (a, b), reason in by_title.items():
            if (a, b) not in found and _others_agree(known[a], known[b]):
                found[a, b] = reason
        named: dict[int, StoryRef] = {}
        for chunk in lookups.chunks(sorted({i for pair in found for i in pair})):
            for row in session.execute(select(Story.id, Story.uuid, Story.title).where(Story.id.in_(chunk))):
                named[row.id] = StoryRef(row.id, row.uuid, row.title)
    return [Pair(named[a], named[b], reason) for (a, b), reason in sorted(found.items())]

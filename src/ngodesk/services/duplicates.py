"""Telling when two stories are the same story.

Two stories match when they have the same uuid (a story coming back from
ngodesk's own JSON), the same web address (``url_key``: no
scheme, ``www.``, trailing slash or tracking parameters), or the same
folded title and no conflicting address or date (so a file imported twice
adds nothing), or titles at least ``SIMILAR`` % alike (rapidfuzz's
normalised Indel similarity) published on the same day, with no
conflicting address and the same numbers (``第一批``/``第二批``, "day 3"/"day 4"
are different stories).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import Progress, no_progress
from ngodesk.services import records
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, Tombstone

#: Title similarity (0-100) above which stories of the same day match.
SIMILAR = 90
#: Stories of one address or title compared pairwise by ``find_pairs`` at
#: most (a title such as "Daily briefing" can repeat thousands of times).
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
            for chunk in records.chunks(sorted(wanted[kind]), _BATCH):
                query = select(*columns).where(where(chunk), Story.id < self.looked_up_below)
                for row in self.session.execute(query):
                    self.add(Key(row.title, row.title_key, row.url_key, row.published, row.uuid), row.id)
        merged = (
            select(Tombstone.uuid, Story.id, Story.title)
            .join(Story, Story.uuid == Tombstone.replaced_by)
            .where(Story.id < self.looked_up_below)
        )
        for chunk in records.chunks(sorted(wanted["uuid"] - self._uuids.keys()), _BATCH):
            for dead, story_id, title in self.session.execute(merged.where(Tombstone.uuid.in_(chunk))):
                self._merged[dead] = (story_id, title)

    def add(self, key: Key, story_id: int) -> None:
        """Know ``story_id`` as a story with ``key`` (again: no effect)."""
        if story_id in self._known:
            return
        self._known.add(story_id)
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
        if key.uuid and key.uuid in self._uuids:
            story_id, title = self._uuids[key.uuid]
            return Match(story_id, title, translate("Messages", "the same story: its uuid"))
        if key.uuid and key.uuid in self._merged:
            story_id, title = self._merged[key.uuid]
            return Match(story_id, title, translate("Messages", "the same story: it was merged into this one"))
        if key.url_key and key.url_key in self._urls:
            story_id, title = self._urls[key.url_key]
            return Match(story_id, title, translate("Messages", "the same web address"))
        for story_id, known in self._titles.get(key.title_key, ()):
            if _agree(key.url_key, known.url_key) and _dates_agree(key.published, known.published):
                return Match(story_id, known.title, translate("Messages", "the same title"))
        titles, stories = self._days.get(key.day, ((), ())) if key.day else ((), ())
        # most alike first; the first that names the same numbers at no other address
        for _, score, place in process.extract(
            key.title_key, titles, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
        ):
            story_id, known = stories[place]
            if _agree(key.url_key, known.url_key) and _numbers(key.title_key) == _numbers(known.title_key):
                return Match(story_id, known.title, _similar(score))
        return None


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
                    if column == "url_key" or (_agree(url_a, url_b) and _dates_agree(date_a, date_b)):
                        found.setdefault((a, b), reason)
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
                        found.setdefault((first[1], second[1]), _similar(scores[i, j]))
            if done % 500 == 0 and not progress(done, len(groups)):
                raise Cancelled(translate("Messages", "The search for duplicates was cancelled."))
        named: dict[int, StoryRef] = {}
        for chunk in records.chunks(sorted({i for pair in found for i in pair})):
            for row in session.execute(select(Story.id, Story.uuid, Story.title).where(Story.id.in_(chunk))):
                named[row.id] = StoryRef(row.id, row.uuid, row.title)
    return [Pair(named[a], named[b], reason) for (a, b), reason in sorted(found.items())]

"""The merge's steps for links between two records merged as sets: related
tags, "see also" records, a tag's synonyms; suggestions rejected (a story
and a record it was said not to mention)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ngodesk.search.text import fold
from ngodesk.services.merge_job import Job
from ngodesk.services.merge_read import Side
from ngodesk.steps import tagging
from ngodesk.store import rows as stored


class PairSteps(Job):
    """Links between records, merged as sets."""

    def pairs(self) -> None:
        """Related tags, synonyms and "see also" records, merged as sets."""

        def relate(table: str, target: str, columns: tuple[str, str], linked: bool) -> Callable[[str, str], None]:
            def change(first: str, second: str) -> None:
                first_id, second_id = self._id(target, first), self._id(target, second)
                if first_id is None or second_id is None:
                    return
                pair = dict(zip(columns, sorted((first_id, second_id)), strict=True))
                if linked:
                    stored.add_all(self.db, table, [pair], keep_existing=True)
                else:
                    stored.remove(self.db, table, **pair)

            return change

        for table, target, columns in (
            ("tag_relations", "tags", ("tag_id", "related_id")),
            ("entity_see_also", "entities", ("entity_id", "other_id")),
        ):
            self._merge_pairs(
                partial(Side.pairs, name=table, first=columns[0], second=columns[1], target=target),
                relate(table, target, columns, True),
                relate(table, target, columns, False),
            )
        self._merge_pairs(Side.synonyms, self._add_synonym, self._remove_synonym)

    def _add_synonym(self, tag: str, label: str) -> None:
        if (tag_id := self._id("tags", tag)) is not None and (name := self._name("synonym", label, tagging.clean_name)):
            synonym = {"tag_id": tag_id, "label": name, "label_key": fold(name)}
            stored.add_all(self.db, "tag_synonyms", [synonym], keep_existing=True)

    def _remove_synonym(self, tag: str, label: str) -> None:
        if (tag_id := self._id("tags", tag)) is not None:
            stored.remove(self.db, "tag_synonyms", tag_id=tag_id, label=label)

    def rejections(self) -> None:
        """Suggestions rejected on either side (and not taken back on the
        other), merged as sets once the stories are: a record said not to
        be in a story is not suggested for it again on either side."""
        # (not counted in the report, as the other pairs are not: they change no record)
        self._merge_pairs(Side.rejected, partial(self._reject, True), partial(self._reject, False))

    def _reject(self, rejected: bool, story: str, record: str) -> None:
        story_id, record_id = self._id("stories", story), self._id("entities", record)
        if story_id is None or record_id is None:
            return  # (the story or the record is not here: its rejections went with it)
        pair = {"story_id": story_id, "entity_id": record_id}
        if rejected:
            stored.add_all(self.db, "rejected_suggestions", [pair], keep_existing=True)
        else:
            stored.remove(self.db, "rejected_suggestions", **pair)

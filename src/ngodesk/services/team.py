"""The team hub (PostgreSQL) from the user's side: making a hub, saying
who may change it, and a library that joins it, syncs and leaves.

A library joined to a hub keeps, in its folder's ``team`` folder, the
hub's state as of its last sync: a library of its own (the "mirror"),
written only by sync, recording no history of its own. A sync
1. pulls the objects changed on the hub since the mirror's version into
   the mirror, and merges the mirror into the library three ways, the
   mirror as it was before (committed) being the state both share: the
   same merge, conflict queue and rules as merging a field copy
   (``merging.merge_states``); then commits the mirror;
2. finds what the library has that the mirror lacks (``replica.
   differences``: its own changes, less records with an open conflict)
   and sends it in one hub transaction that is refused whole if someone
   changed one of those objects meanwhile (then it pulls and merges
   again); once the hub has it, the mirror has it too.
Killed or cut off at any point, the library, the mirror and the hub are
each whole (a mirror behind the hub takes back what it missed); the next
sync completes.
"""

from __future__ import annotations

import getpass
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled, HubBusy, HubError
from ngodesk.domain.i18n import QT_TRANSLATE_NOOP, translate
from ngodesk.domain.models import NotedProgress, no_progress
from ngodesk.services import attachments, first_pull, merging
from ngodesk.services.library import hub_of
from ngodesk.services.merge_read import Side
from ngodesk.store import history, replica, tracking
from ngodesk.store.hub import HUB_KEY, MIRROR, SYNCED_KEY, objects, revision, roles
from ngodesk.store.hub.connection import shown, transaction, with_password
from ngodesk.store.hub.roles import Role
from ngodesk.store.library import DB_NAME, Library, stored_meta
from ngodesk.store.schema import MergeConflict, StoryChange
from ngodesk.store.sqlite_files import reading

#: The mirror's meta keys: the hub's version it holds, and which hub it is.
VERSION_KEY, IDENTITY_KEY = "team.version", "team.hub_id"
#: What a library joined to no hub is told.
NOT_JOINED = QT_TRANSLATE_NOOP(
    "Messages", "This library is not joined to a team hub (File > Team > Join Team Hub, or ngodesk team join URL)."
)
#: Pull-merge-push rounds a sync tries before giving up (others pushing
#: the same records all the while).
ROUNDS = 5


@dataclass(frozen=True)
class HubMade:
    """What ``create`` did: ``made`` False if the hub was already there and
    up to date (its roles were checked and completed all the same)."""

    where: str
    revision: str
    made: bool
    groups: dict[Role, str]


def create(url: str) -> HubMade:
    """Make the hub's schema and its editors' and readers' roles in the
    empty PostgreSQL database at ``url`` (or bring an older hub up to
    date), in one transaction. HubError, nothing changed, if the database
    holds other tables or a newer hub, or the user may not create roles."""
    where = shown(url)
    with transaction(url) as connection:
        made = revision.make(connection, where)
        groups = roles.make(connection)
        facts = {
            objects.IDENTITY: str(uuid4()),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "created_with": getpass.getuser(),
        }
        objects.describe(connection, facts)
        current = revision.refuse_unusable(connection, where)
    return HubMade(where, current, made, groups)


def grant(url: str, member: str, role: Role) -> str:
    """Make the server's login role ``member`` an editor (pull and push) or
    a reader (pull only) of the hub at ``url``; the group it joined.
    HubError if there is no such role or no hub there."""
    where = shown(url)
    with transaction(url) as connection:
        revision.refuse_unusable(connection, where)
        return roles.grant(connection, member, role)


@dataclass(frozen=True)
class Synced:
    """What a sync did: objects sent and taken, the conflicts now open,
    the hub's version the library holds, and the merge's report."""

    pushed: int
    pulled: int
    conflicts: int
    version: int
    merge: merging.MergeReport | None


@dataclass(frozen=True)
class TeamStatus:
    """Where a library stands with its hub (``hub_version`` None when the
    hub cannot be reached: ``offline`` says why)."""

    hub: str
    synced_version: int
    synced_at: str
    waiting: int
    hub_version: int | None
    offline: str = ""


def join(library: Library, url: str, progress: NotedProgress = no_progress) -> Synced:
    """Connect ``library`` to the hub at ``url`` and sync: what the hub
    lacks is pushed, the rest pulled (records made apart on both sides
    match as in a merge). The URL is remembered without its password
    (later syncs take it from ~/.pgpass or PGPASSWORD). HubError if the
    library is joined already or there is no usable hub there."""
    where = shown(url)
    if (joined := hub_of(library)) is not None:
        raise HubError(
            translate("Messages", "This library is joined to the hub {hub} already: leave it first.").format(
                hub=shown(joined)
            )
        )
    with transaction(url) as connection:
        revision.refuse_unusable(connection, where)
        if roles.role_of(connection) is None:
            raise HubError(
                translate(
                    "Messages", "The hub {hub} does not let you read it: ask its owner to grant you a role."
                ).format(hub=where)
            )
    mirror = library.folder / MIRROR
    shutil.rmtree(mirror, ignore_errors=True)  # (left by an earlier join that did not finish)
    with library.write() as session:
        library.set_meta(session, HUB_KEY, with_password(url, None))
        _track(library, session)
    try:
        return sync(library, url, progress)
    except BaseException:
        with library.write() as session:  # (not joined after all; what was merged stays)
            tracking.disown(session.connection())
        shutil.rmtree(mirror, ignore_errors=True)
        raise


def leave(library: Library) -> str:
    """Disconnect ``library`` from its hub (it keeps every record); the
    hub's URL. HubError when it is joined to none."""
    joined = hub_of(library)
    if joined is None:
        raise HubError(translate("Messages", NOT_JOINED))
    with library.write() as session:
        tracking.disown(session.connection())
    shutil.rmtree(library.folder / MIRROR, ignore_errors=True)
    return shown(joined)


def _track(library: Library, session: Session) -> None:
    """Have SQLite note what changes in ``library`` from now on; the next
    sync compares everything (what changed before is not known)."""
    tracking.start(session.connection())
    library.set_meta(session, tracking.COMPARE_ALL, "1")


@contextmanager
def _mirror(library: Library) -> Iterator[Library]:
    with Library.open(library.folder / MIRROR, program="ngodesk sync") as mirror:
        yield mirror


def sync(library: Library, url: str | None = None, progress: NotedProgress = no_progress) -> Synced:
    """Push this library's changes to its hub and pull everyone else's
    (see the module's doc); ``url`` for this sync only (by default the
    remembered one). ``progress`` hears each step (pulling, merging,
    sending) and may cancel until the library is changed (Cancelled,
    nothing changed). HubError when the library is joined to no hub, the
    hub refuses (a reader with changes to send: what was pulled is kept),
    or cannot be reached (nothing half-done anywhere)."""
    remembered = hub_of(library)
    if remembered is None:
        raise HubError(translate("Messages", NOT_JOINED))
    url = url or remembered
    where = shown(url)
    pushed = pulled = refused = 0
    ours: set[int] = set()  # (the versions of what this sync sent: not taken back)
    report: merging.MergeReport | None = None
    with transaction(url) as hub:
        revision.refuse_unusable(hub, where)
        identity, newest = objects.identity(hub), objects.version(hub)
    _forget_another_hub(library, identity, newest)
    with library.write(content=False) as session:
        if not tracking.started(session.connection()):  # (joined by an older ngodesk, or a table rebuilt)
            _track(library, session)
    with _mirror(library) as mirror:
        for _ in range(ROUNDS):
            _step(progress, 0, "Asking the hub what changed")
            with transaction(url, snapshot=True) as hub:
                revision.refuse_unusable(hub, where)
                role = roles.role_of(hub)
                after, upto = _held(mirror), objects.version(hub)
                read = [obj for obj, number in objects.read_after(hub, after, upto) if number not in ours]
                _take_contents(library, hub, read)
            _step(progress, 1, f"Taking {len(read):,} changes")
            last_change = _last_change(library)
            taken = _take_whole(library, mirror, read, where, upto, identity) if after == 0 and read else None
            if taken_whole := taken is not None:
                report = taken
            else:
                changes = [obj.change() for obj in read]
                with _writing(mirror) as session, reading(mirror.db_path, str) as before:
                    held = _hold(mirror, session, changes, upto, identity)
                    if changes:  # (merging the state both hold changes nothing)
                        theirs = (Side(held), mirror.folder)
                        report = merging.merge_states(
                            library, theirs, Side(before), where, progress=progress, focus=_stories_of(changes)
                        )
            pulled += len(read)
            if ours and not read:
                break  # (what this sync sent is on the hub, and nobody else sent anything meanwhile)
            # (the mirror holds the hub at ``upto`` now; what is sent goes into it once the hub has it)
            # (a mirror made anew: the library compared whole, unless it took the hub's state whole)
            whole = (_claim(library) or after == 0) and not taken_whole
            if whole and upto == 0 and role is Role.EDITOR and (sent_whole := _push_whole(library, mirror, url)):
                pushed, ours = sent_whole  # (an empty hub took everything: nothing was pulled, nothing is left)
                _settle(library)
                break
            outgoing, merge_history = _outgoing(library, mirror, last_change, whole)
            _into(mirror, merge_history)
            if outgoing and role is not Role.EDITOR:
                refused, outgoing = len(outgoing), []  # (the pull is kept; nothing is sent)
            progress(2, 3, f"Sending {len(outgoing):,} changes")
            try:
                with transaction(url) as hub:
                    _send_contents(library, hub, outgoing)
                    sent, hub_was = objects.push(hub, outgoing, upto)
            except objects.Stale:
                continue  # (the library holds the merge: pull again)
            # (nobody pushed between the pull and this push: the mirror holds the hub as it is now)
            _into(mirror, outgoing, max(sent) if sent and hub_was == upto else None)
            if not refused:
                _settle(library)
            pushed, ours = pushed + len(outgoing), ours | sent
            if not outgoing:
                break
        else:
            raise HubBusy(
                translate(
                    "Messages", "The hub {hub} kept changing under this sync; nothing was lost: sync again."
                ).format(hub=where)
            )
        held_version = _held(mirror)
    with library.write() as session:
        library.set_meta(session, SYNCED_KEY, datetime.now(UTC).isoformat(timespec="seconds"))
        open_now = len(session.scalars(select(MergeConflict.id).where(MergeConflict.resolved.is_(False))).all())
    progress(3, 3, "")
    if refused:
        raise HubError(
            translate(
                "Messages",
                "Your role on the hub {hub} lets you pull only (a reader): {n} changes here were not sent. "
                "Ask its owner to make you an editor (ngodesk team grant URL ROLE --editor).",
            ).format(hub=where, n=refused)
        )
    return Synced(pushed, pulled, open_now, held_version, report)


def _take_whole(
    library: Library, mirror: Library, read: list[replica.Read], source: str, version: int, identity: str
) -> merging.MergeReport | None:
    """A first pull into a library and a mirror that hold nothing the team
    shares, of objects the merge would leave as they are
    (``first_pull``): the objects written into the library as they are,
    then the library's rows copied into the mirror (nothing written there
    since, as the noted changes say: else the objects, as always). The
    library is committed first: cut off between the two, the next sync
    merges the hub's state into it again and finds nothing to do. None,
    nothing written, when the pull cannot be taken so: then the merge."""
    with mirror.read() as session:
        if not replica.holds_nothing_shared(session.connection()):
            return None
    with library.read() as session:
        if not replica.holds_nothing_shared(session.connection()):
            return None
    if (report := first_pull.take(library, read, source)) is None:
        return None
    copied = False
    try:
        with replica.copying(library.db_path, mirror.db_path) as copy:
            if copied := not copy.holds_rows(tracking.TABLE):
                copy.keep(VERSION_KEY, str(version))
                copy.keep(IDENTITY_KEY, identity)
    except replica.Uncopyable:
        copied = False
    if not copied:
        with _writing(mirror) as session:
            _hold(mirror, session, [obj.change() for obj in read], version, identity)
    return report


def _hold(mirror: Library, session: Session, changes: list[replica.Change], version: int, identity: str) -> Connection:
    """Write the hub's ``changes`` up to ``version`` into its copy (in the
    caller's transaction on it); the connection they went through."""
    held = session.connection()
    replica.apply(held, changes)
    mirror.set_meta(session, VERSION_KEY, str(version))
    mirror.set_meta(session, IDENTITY_KEY, identity)
    return held


def _stories_of(changes: list[replica.Change]) -> set[str]:
    """The stories ``changes`` touch: themselves, their links, history,
    translations, notes and files (a merge of them reads no other)."""
    found = {change.uuid for change in changes if change.table == "stories"}
    for change in changes:
        found.update(str(change.data[c]) for c in ("story_id", "story_uuid") if change.data.get(c) is not None)
    return found


def _take_contents(library: Library, hub: Any, read: list[replica.Read]) -> None:
    """The files of the attachments ``read`` brings, into the library's
    ``files/`` (content-addressed: one the library has is not fetched)."""
    for obj in read:
        if obj.table != "attachments" or obj.deleted:
            continue
        sha256 = str(obj.change().data.get("sha256") or "")
        if not attachments.valid_sha256(sha256):
            continue
        if not attachments.stored_path(library, sha256).exists() and (content := objects.blob(hub, sha256)) is not None:
            attachments.keep_content(library, content, sha256)


def _send_contents(library: Library, hub: Any, outgoing: list[replica.Change]) -> None:
    """The files of the attachments sent that the hub lacks, to the hub
    (a file missing here is not sent: the record goes, as it is here)."""
    _send_files(library, hub, {str(c.data["sha256"]) for c in outgoing if c.table == "attachments" and not c.deleted})


def _send_files(library: Library, hub: Any, named: set[str]) -> None:
    """The files ``named`` (SHA-256) that the hub lacks, to the hub."""
    wanted = {sha256 for sha256 in named if attachments.valid_sha256(sha256)}
    for sha256 in sorted(objects.missing_blobs(hub, wanted)):
        path = attachments.stored_path(library, sha256)
        if path.is_file():
            objects.put_blob(hub, sha256, path.read_bytes())


def _step(progress: NotedProgress, done: int, note: str) -> None:
    """Report a step of a sync before the library changes: Cancelled if
    the user asked to stop."""
    if not progress(done, 3, note):
        raise Cancelled(translate("Messages", "The sync was cancelled; nothing changed."))


def _forget_another_hub(library: Library, identity: str, newest: int) -> None:
    """Drop the mirror when it is not the hub's at the URL any more (the
    hub was made again, or put back from an older backup: another
    identity, or a version behind the mirror's): the next sync then takes
    the hub's whole state and sends what it lacks, losing nothing."""
    folder = library.folder / MIRROR
    held = stored_meta(folder / DB_NAME, IDENTITY_KEY)
    version = int(stored_meta(folder / DB_NAME, VERSION_KEY) or 0)
    if (held and held != identity) or version > newest:
        shutil.rmtree(folder)


def _held(mirror: Library) -> int:
    """The hub's version the mirror holds."""
    with mirror.read() as session:
        return int(mirror.get_meta(session, VERSION_KEY) or 0)


def _last_change(library: Library) -> int:
    """The id of the library's latest history row (0 for none)."""
    with library.read() as session:
        return int(session.scalar(select(func.coalesce(func.max(StoryChange.id), 0))) or 0)


def _claim(library: Library) -> bool:
    """Mark what the library noted as changed as being sent; whether the
    whole library must be compared instead (``tracking.COMPARE_ALL``)."""
    with library.write(content=False) as session:
        tracking.claim(session.connection())
        return library.get_meta(session, tracking.COMPARE_ALL) is not None


def _settle(library: Library) -> None:
    """The hub and the mirror hold what was claimed: forget it, but the
    records with an open conflict (sent once settled)."""
    with library.write(content=False) as session:
        open_records = set(session.scalars(select(MergeConflict.record_uuid).where(MergeConflict.resolved.is_(False))))
        tracking.settle(session.connection(), open_records)
        library.delete_meta(session, tracking.COMPARE_ALL)


def _outgoing(
    library: Library, mirror: Library, merged_after: int | None = None, whole: bool = True
) -> tuple[list[replica.Change], list[replica.Change]]:
    """What ``library`` has that the ``mirror`` lacks, to send: its
    objects that differ, less records with an open conflict (and their
    history), and the deletions it made (a record it has a tombstone for,
    a link or name of records it still has); never a deletion of what a
    merge left out. And apart, the history rows a merge recorded after
    history row ``merged_after`` (what it took, by whoever synced: kept
    here only, the hub has the change under its author). SQLite finds what
    differs (``replica.differences``) among the records the library noted
    as changed (``tracking``), or all of them when ``whole``; only that is
    read."""
    with replica.beside(library.db_path, mirror.db_path) as both:
        found = list(replica.differences(both, None if whole else tracking.TABLE))
    gone = [(key, data) for key, data, only_there in found if only_there]
    asked = {key[1] for key, _ in gone} | {
        str(data[c]) for (table, _), data in gone for c in replica.BY_NAME[table].references if data.get(c)
    }
    with library.read() as session:
        here = Side(session.connection())
        graves = here.uuids(["tombstones"], among=sorted(asked))
        present = here.uuids(sorted(replica.RECORDS), among=sorted(asked))
        open_records = set(session.scalars(select(MergeConflict.record_uuid).where(MergeConflict.resolved.is_(False))))
        by_merge = (
            set(session.scalars(select(StoryChange.uuid).where(StoryChange.id > merged_after)))
            if merged_after is not None
            else set()
        )
    out: list[replica.Change] = []
    kept: list[replica.Change] = []
    for (table, uuid), data, only_there in found:
        if only_there:
            if _deleted_here(table, uuid, data, present, graves):
                out.append(replica.Change(table, uuid, data, deleted=True))
        elif (table in replica.RECORDS and uuid in open_records) or (
            table == "story_changes" and data["story_uuid"] in open_records
        ):
            continue  # (sent once settled: the record, and the history of its edits)
        else:
            (kept if table == "story_changes" and uuid in by_merge else out).append(replica.Change(table, uuid, data))
    return out + _records_of_links(library, out, open_records), kept


def _records_of_links(library: Library, out: list[replica.Change], held_back: set[str]) -> list[replica.Change]:
    """The records whose links or names ``out`` holds, where it does not
    hold them (their fields unchanged), but those ``held_back``: sent with
    them, since a merge on another desk tells the records to look at by
    their revision and time (bookkeeping, not compared here), and a story
    whose tags alone changed would be passed over."""
    sent = {change.uuid for change in out}
    wanted: dict[str, set[str]] = {}
    for change in out:
        shared = replica.BY_NAME[change.table]
        owner = None if shared.own_uuid else change.data.get(shared.owner)
        if owner is not None and owner not in sent and owner not in held_back:
            wanted.setdefault(shared.references[shared.owner], set()).add(str(owner))
    with library.read() as session:
        return [found for name, uuids in wanted.items() for found in replica.records(session.connection(), name, uuids)]


def _push_whole(library: Library, mirror: Library, url: str) -> tuple[int, set[int]] | None:
    """A first join's push into an empty hub: every object of the library,
    read in one snapshot as JSON text by SQLite and sent by COPY, the same
    rows written as they are into the empty mirror (committed once the hub
    has them); the objects sent and their versions. None, nothing done,
    when the hub or the mirror holds something, a record has an open
    conflict, or a row cannot be sent as stored: then the usual push."""
    with library.read() as session:
        if session.scalar(select(MergeConflict.id).where(MergeConflict.resolved.is_(False)).limit(1)) is not None:
            return None
    with mirror.read() as session:
        if not replica.holds_nothing_shared(session.connection()):
            return None
    try:
        with replica.copying(library.db_path, mirror.db_path) as copy, transaction(url) as hub:
            sent = objects.push_whole(hub, copy.objects())
            if sent is None:
                return None  # (the mirror's copy is rolled back; the hub's transaction wrote nothing)
            _send_files(library, hub, copy.files)
            copy.keep(VERSION_KEY, str(max(sent.versions, default=0)))
    except replica.Uncopyable:
        return None
    return copy.count, sent.versions


def _into(mirror: Library, changes: list[replica.Change], version: int | None = None) -> None:
    """Write ``changes`` into the mirror (what the hub has now), and, when
    given, the hub's ``version`` it holds now (the next pull starts there)."""
    if changes:
        with _writing(mirror) as session:
            replica.apply(session.connection(), changes)
            if version is not None:
                mirror.set_meta(session, VERSION_KEY, str(version))


@contextmanager
def _writing(mirror: Library) -> Iterator[Session]:
    """A write transaction on the mirror, which records no history of its
    own (the hub's history arrives as objects)."""
    with mirror.write() as session, history.unrecorded(session):
        yield session


def _deleted_here(table: str, uuid: str, data: Mapping[str, Any], present: set[str], graves: set[str]) -> bool:
    """Whether an object the mirror has and the library lacks was deleted
    here (rather than never taken)."""
    shared = replica.BY_NAME[table]
    if table == "story_changes":
        return False  # (history is kept)
    if table == "tombstones":
        return uuid in present  # (the record came back)
    refs = [str(data[c]) for c in shared.references if data.get(c) is not None]
    if uuid in graves or any(ref in graves for ref in refs):
        return True
    return not shared.own_uuid and all(ref in present for ref in refs)


def status(library: Library, ask_hub: bool = True) -> TeamStatus:
    """Where ``library`` stands with its hub (``waiting``: the records and
    links to send, their history apart); HubError if joined to none. With
    ``ask_hub`` the hub's own version is asked for (``offline`` says
    why it could not be)."""
    joined = hub_of(library)
    if joined is None:
        raise HubError(translate("Messages", NOT_JOINED))
    with library.read() as session:
        synced_at = library.get_meta(session, SYNCED_KEY) or ""
        noted = tracking.started(session.connection()) and library.get_meta(session, tracking.COMPARE_ALL) is None
    with _mirror(library) as mirror:
        held = _held(mirror)
        outgoing = _outgoing(library, mirror, whole=not noted or held == 0)[0]
        waiting = sum(change.table != "story_changes" for change in outgoing)
    hub_version: int | None = None
    offline = ""
    try:
        if ask_hub:
            with transaction(joined) as hub:
                hub_version = objects.version(hub)
    except HubError as error:
        offline = str(error)
    return TeamStatus(shown(joined), held, synced_at, waiting, hub_version, offline)

"""Publishing a release: the catalog and graph as they are now, under a name, with the
day, the designer's notes, the digest of the content and who published it.

A release is kept whole (its content, gzip'd canonical JSON) so it can be compared with a
later one long after the catalog moved on (:mod:`.diff`). Only roles that write the
``releases`` table (admin, perancang) publish; a name is a code and is used once; and a
catalog that has not changed since the latest release is not published again under a new
name (it would make two names for one catalog).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from ..domain.cells import check_code, check_text
from ..edit.permissions import refuse_unless_allowed
from ..errors import CurriculumError
from ..messages import Catalogue
from ..store import schema
from .content import Content, catalog_content, content_digest

__all__ = [
    "MAX_NOTES",
    "Release",
    "latest_release",
    "list_releases",
    "publish_release",
    "release_content",
]

#: The longest notes a release takes (a paragraph or two of what changed and why).
MAX_NOTES = 2000

SAID = Catalogue(
    "releases.publish",
    {
        "bad_name": ("bad release name: {reason}", "nama rilis tidak sah: {reason}"),
        "bad_notes": ("bad release notes: {reason}", "catatan rilis tidak sah: {reason}"),
        "notes_too_long": (
            "release notes are longer than {limit} characters",
            "catatan rilis lebih dari {limit} karakter",
        ),
        "duplicate": (
            "a release named {name} already exists (published {published}); choose another name",
            "rilis bernama {name} sudah ada (diterbitkan {published}); pilih nama lain",
        ),
        "unchanged": (
            "the catalog has not changed since release {name} ({published}): nothing to publish",
            "katalog belum berubah sejak rilis {name} ({published}): tidak ada yang perlu "
            "diterbitkan",
        ),
        "no_such_release": (
            "no release named '{name}'; published: {names}",
            "tidak ada rilis bernama '{name}'; rilis yang ada: {names}",
        ),
        "none_published": ("none", "belum ada"),
    },
)


@dataclass(frozen=True)
class Release:
    """One published release, without its content: name, when (UTC ISO), the notes,
    the SHA-256 of its content and the login that published it."""

    name: str
    published: str
    notes: str
    sha256: str
    published_by: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _compressed(content: Content) -> bytes:
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), mtime=0)


def _release(row) -> Release:
    return Release(
        str(row.name), str(row.published), row.notes or "", str(row.sha256), row.published_by or ""
    )


_COLUMNS = (
    schema.releases.c.name,
    schema.releases.c.published,
    schema.releases.c.notes,
    schema.releases.c.sha256,
    schema.releases.c.published_by,
)
_NEWEST_FIRST = (schema.releases.c.published.desc(), schema.releases.c.name.desc())


def _check(name: str, notes: str) -> None:
    reason = check_code(name, "name")
    if reason:
        raise CurriculumError(SAID("bad_name", reason=reason))
    reason = check_text(notes, "text")
    if reason:
        raise CurriculumError(SAID("bad_notes", reason=reason))
    if len(notes) > MAX_NOTES:
        raise CurriculumError(SAID("notes_too_long", limit=MAX_NOTES))


def publish_release(workspace, name: str, notes: str = "") -> Release:
    """Publish the workspace's catalog now as release ``name``, in one transaction.

    Refused (nothing written) when the actor's role does not write releases, when the
    name is not a code or is taken, or when the catalog equals the latest release's.
    """
    name, notes = name.strip(), notes.strip()
    _check(name, notes)
    table = schema.releases
    with workspace.transaction() as conn:
        refuse_unless_allowed(conn, workspace.actor, "releases", [(None, {"name": name})])
        taken = conn.execute(select(table.c.published).where(table.c.name == name)).first()
        if taken is not None:
            raise CurriculumError(SAID("duplicate", name=name, published=taken.published))
        content = catalog_content(workspace, conn)
        digest = content_digest(content)
        latest = latest_release(conn)
        if latest is not None and latest.sha256 == digest:
            raise CurriculumError(SAID("unchanged", name=latest.name, published=latest.published))
        release = Release(name, _now(), notes, digest, workspace.actor.login)
        conn.execute(
            table.insert(),
            {
                "name": release.name,
                "published": release.published,
                "notes": release.notes,
                "sha256": release.sha256,
                "published_by": release.published_by,
                "content": _compressed(content),
            },
        )
    return release


def latest_release(conn: Connection) -> Release | None:
    """The newest published release, or None when none was."""
    row = conn.execute(select(*_COLUMNS).order_by(*_NEWEST_FIRST).limit(1)).first()
    return None if row is None else _release(row)


def list_releases(workspace, conn: Connection | None = None) -> list[Release]:
    """Every published release, newest first, without their content."""
    query = select(*_COLUMNS).order_by(*_NEWEST_FIRST)
    if conn is not None:
        return [_release(row) for row in conn.execute(query)]
    with workspace.engine.connect() as own:
        return [_release(row) for row in own.execute(query)]


def release_content(conn: Connection, name: str) -> Content:
    """The catalog and graph release ``name`` holds; a clear error when there is none."""
    table = schema.releases
    row = conn.execute(select(table.c.content).where(table.c.name == name)).first()
    if row is None:
        names = list(conn.execute(select(table.c.name).order_by(*_NEWEST_FIRST)).scalars())
        shown = ", ".join(names) if names else SAID("none_published")
        raise CurriculumError(SAID("no_such_release", name=name, names=shown))
    return json.loads(gzip.decompress(row.content).decode("utf-8"))

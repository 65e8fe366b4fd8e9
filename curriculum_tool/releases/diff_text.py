"""A release diff for people (lines in English and Indonesian) and for scripts (JSON).

Learner ids are personal data: both take ``learner``, the function that shows one (a
pseudonym unless the user asked to unmask); the core never decides that itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from ..domain import RECORD_TYPES
from ..graph.impact import AddEdge, ChangeJP, PathChange, RemoveEdge, RetireModule
from ..messages import Catalogue, Message
from ..store.names import table_name
from .diff import KindDiff, ReleaseDiff

__all__ = ["SAID", "diff_json", "diff_lines", "path_change_json", "release_label", "row_label"]

SAID = Catalogue(
    "releases.diff_text",
    {
        "heading": (
            "differences from {old} to {new}",
            "perbedaan dari {old} ke {new}",
        ),
        "working_copy": ("the catalog now (working copy)", "katalog saat ini"),
        "release": ("release {name}", "rilis {name}"),
        "same": (
            "no differences: {old} and {new} have the same content",
            "tidak ada perbedaan: isi {old} dan {new} sama",
        ),
        "kind_summary": (
            "{kind}: {added} added, {removed} removed, {changed} changed",
            "{kind}: {added} ditambah, {removed} dihapus, {changed} diubah",
        ),
        "added_row": ("  + {row}", "  + {row}"),
        "removed_row": ("  - {row}", "  - {row}"),
        "changed_row": ("  ~ {row}: {cells}", "  ~ {row}: {cells}"),
        "cell": ("{column} '{old}' → '{new}'", "{column} dari '{old}' menjadi '{new}'"),
        "edge": (
            "{module} requires {requires} ({kind})",
            "{module} memerlukan {requires} ({kind})",
        ),
        "edge_key": ("{module} requires {requires}", "{module} memerlukan {requires}"),
        "affected": (
            "stored paths the new release would change: {count}",
            "jalur tersimpan yang akan berubah karena rilis baru: {count}",
        ),
        "no_affected": (
            "no stored path would change",
            "tidak ada jalur tersimpan yang berubah",
        ),
        "path": ("  {learner}: {change}", "  {learner}: {change}"),
    },
)

ShowLearner = Callable[[str], str]


def release_label(name: str) -> Message:
    """``release R1``, or the working copy for ""."""
    return SAID("release", name=name) if name else SAID("working_copy")


def row_label(kind: str, row: dict[str, str]) -> str:
    """A row as a diff line names it: its key, a module with its title, an edge in words."""
    if kind == "prerequisites":
        return SAID("edge", module=row["module"], requires=row["requires"], kind=row["kind"])
    key = "/".join(row[c] for c in _key_columns(kind))
    title = row.get("title") or row.get("name")
    return f"{key} ({title})" if title else key


def _key_columns(kind: str) -> tuple[str, ...]:
    return RECORD_TYPES[kind].KEY


def _kind_lines(kind: KindDiff) -> list[Message]:
    lines = [
        SAID(
            "kind_summary",
            kind=table_name(kind.kind),
            added=len(kind.added),
            removed=len(kind.removed),
            changed=len(kind.changed),
        )
    ]
    lines += [SAID("added_row", row=row_label(kind.kind, row)) for row in kind.added]
    lines += [SAID("removed_row", row=row_label(kind.kind, row)) for row in kind.removed]
    for change in kind.changed:
        cells = "; ".join(
            SAID("cell", column=column, old=old, new=new) for column, old, new in change.columns
        )
        if kind.kind == "prerequisites":
            shown: str = SAID("edge_key", module=change.key[0], requires=change.key[1])
        else:
            shown = "/".join(change.key)
        lines.append(SAID("changed_row", row=shown, cells=cells))
    return lines


def diff_lines(diff: ReleaseDiff, learner: ShowLearner) -> list[Message]:
    """The diff as lines: a heading, each kind that differs with its rows, then the stored
    paths that would change (learner ids shown by ``learner``)."""
    old, new = release_label(diff.old), release_label(diff.new)
    if diff.empty:
        return [SAID("same", old=old, new=new)]
    lines = [SAID("heading", old=old, new=new)]
    for kind in diff.kinds:
        if not kind.empty:
            lines += _kind_lines(kind)
    if diff.affected_paths:
        lines.append(SAID("affected", count=len(diff.affected_paths)))
        lines += [
            SAID("path", learner=learner(change.learner), change=change.describe())
            for change in diff.affected_paths
        ]
    else:
        lines.append(SAID("no_affected"))
    return lines


def path_change_json(change: PathChange, learner: ShowLearner) -> dict[str, Any]:
    """One affected path as JSON (English, as all the command line's JSON)."""
    return {
        "learner": learner(change.learner),
        "added": list(change.added),
        "removed": list(change.removed),
        "moved": list(change.moved),
        "jp_before": change.jp_before,
        "jp_after": change.jp_after,
        "max_jp": change.max_jp,
        "over_budget": change.over_budget,
        "change": str(change.describe()),
    }


def _edit_json(edit: AddEdge | RemoveEdge | RetireModule | ChangeJP) -> dict[str, Any]:
    names = {AddEdge: "add_edge", RemoveEdge: "remove_edge", RetireModule: "retire_module"}
    return {"edit": names.get(type(edit), "change_jp"), **asdict(edit)}


def diff_json(diff: ReleaseDiff, learner: ShowLearner) -> dict[str, Any]:
    """The diff as one JSON object: the two releases (``new`` null for the working copy)
    and their digests, each kind's rows added, removed and changed, the graph edits and
    the affected paths."""
    return {
        "old": diff.old,
        "new": diff.new or None,
        "old_sha256": diff.old_sha256,
        "new_sha256": diff.new_sha256,
        "same": diff.empty,
        "kinds": {
            kind.kind: {
                "added": list(kind.added),
                "removed": list(kind.removed),
                "changed": [
                    {
                        "key": dict(zip(_key_columns(kind.kind), change.key)),
                        "changes": {c: {"old": o, "new": n} for c, o, n in change.columns},
                    }
                    for change in kind.changed
                ],
            }
            for kind in diff.kinds
        },
        "edits": [_edit_json(edit) for edit in diff.edits],
        "affected_paths": [path_change_json(c, learner) for c in diff.affected_paths],
    }

"""``release W publish NAME [--notes TEXT]``, ``release W list`` and
``diff W OLD [NEW] [--format text|json] [--unmask]``: catalog releases on the command line.

A designer publishes the catalog and graph as a named release; ``diff`` shows what
changed between two releases (or a release and the catalog now) and which stored paths
the newer one would change. Learner ids in those paths are masked unless ``--unmask``.
Only argparse is loaded at import, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..messages import Catalogue, Message
from .exit_codes import EXIT_OK
from .grammar import add_actions
from .language import message_language

__all__ = ["SAID", "add_release_commands", "run_diff", "run_release"]

SAID = Catalogue(
    "cli.release_commands",
    {
        "published": (
            "published release {name} ({published}, by {by}): {modules} modules, "
            "{edges} prerequisites, SHA-256 {sha}",
            "rilis {name} diterbitkan ({published}, oleh {by}): {modules} modul, "
            "{edges} prasyarat, SHA-256 {sha}",
        ),
        "no_releases": (
            "no release published yet: publish one with 'release W publish NAME'",
            "belum ada rilis yang diterbitkan: terbitkan dengan 'release W publish NAMA'",
        ),
        "header": (
            "name\tpublished\tby\tsha256\tnotes",
            "nama\tditerbitkan\toleh\tsha256\tcatatan",
        ),
        "current": (
            "the catalog now is release {name}",
            "katalog saat ini adalah rilis {name}",
        ),
        "changed_since": (
            "the catalog has changed since release {name}",
            "katalog sudah berubah sejak rilis {name}",
        ),
        "masked_note": (
            "(learner ids masked; --unmask to show them)",
            "(ID peserta disamarkan; --unmask untuk menampilkannya)",
        ),
    },
)


def add_release_commands(commands: Any, language: Sequence[argparse.ArgumentParser]) -> None:
    """``release W publish|list`` and ``diff W OLD [NEW]``."""
    release = commands.add_parser(
        "release",
        parents=language,
        help="catalog releases: publish the catalog and graph under a name, list them",
    )
    release.add_argument("workspace", metavar="W")
    actions, after = add_actions(release, "action", "ACTION")
    publish = actions.add_parser(
        "publish",
        parents=after,
        help="publish the catalog and graph now as release NAME (admin, perancang)",
    )
    publish.add_argument("name", metavar="NAME", help="the release's name, a code (e.g. 2025.1)")
    publish.add_argument("--notes", default="", metavar="TEXT", help="what changed and why")
    actions.add_parser("list", parents=after, help="the published releases, newest first")

    diff = commands.add_parser(
        "diff",
        parents=language,
        help="what changed between two releases (or a release and the catalog now), and the "
        "stored paths the newer one would change",
    )
    diff.add_argument("workspace", metavar="W")
    diff.add_argument("old", metavar="OLD", help="the older release")
    diff.add_argument(
        "new", metavar="NEW", nargs="?", help="the newer release (default: the catalog now)"
    )
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument(
        "--unmask", action="store_true", help="show learner ids (NIP); masked by default"
    )


def run_release(args: argparse.Namespace) -> int:
    """Run ``release W publish|list``."""
    from ..store import Workspace

    lang = message_language(args)
    with Workspace.open(args.workspace) as workspace:
        lines = _publish(workspace, args) if args.action == "publish" else _list(workspace)
    for line in lines:
        print(line.render(lang) if isinstance(line, Message) else line)
    return EXIT_OK


def _publish(workspace, args: argparse.Namespace) -> list[Message]:
    from ..releases.publish import publish_release, release_content

    release = publish_release(workspace, args.name, args.notes)
    with workspace.engine.connect() as conn:
        content = release_content(conn, release.name)
    said = SAID(
        "published",
        name=release.name,
        published=release.published,
        by=release.published_by,
        modules=len(content["modules"]),
        edges=len(content["prerequisites"]),
        sha=release.sha256[:12],
    )
    return [said]


def _list(workspace) -> list[Message | str]:
    from ..releases.content import catalog_digest
    from ..releases.publish import list_releases

    releases = list_releases(workspace)
    if not releases:
        return [SAID("no_releases")]
    lines: list[Message | str] = [SAID("header")]
    for release in releases:
        notes = " ".join(release.notes.split())
        cells = [release.name, release.published, release.published_by or "-", release.sha256]
        lines.append("\t".join([*cells, notes or "-"]))
    digest = catalog_digest(workspace)
    same = next((r for r in releases if r.sha256 == digest), None)
    if same is not None:
        lines.append(SAID("current", name=same.name))
    else:
        lines.append(SAID("changed_since", name=releases[0].name))
    return lines


def _learner_shown(workspace, unmask: bool) -> Callable[[str], str]:
    """How a learner id is printed: as it is with ``--unmask``, else its pseudonym."""
    if unmask:
        return str
    from ..io.masking import pseudonym

    secret = workspace.get_meta("pseudonym_key") or ""
    return lambda learner: pseudonym(secret, learner)


def run_diff(args: argparse.Namespace) -> int:
    """Run ``diff W OLD [NEW]``."""
    from ..releases.diff import diff_releases
    from ..releases.diff_text import diff_json, diff_lines
    from ..store import Workspace

    lang = message_language(args)
    with Workspace.open(args.workspace) as workspace:
        diff = diff_releases(workspace, args.old, args.new)
        learner = _learner_shown(workspace, args.unmask)
    if args.format == "json":
        print(json.dumps(diff_json(diff, learner), ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in diff_lines(diff, learner):
        print(line.render(lang))
    if diff.affected_paths and not args.unmask:
        print(SAID("masked_note").render(lang))
    return EXIT_OK

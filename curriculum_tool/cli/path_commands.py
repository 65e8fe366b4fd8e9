"""The learning-path commands: ``recommend`` (one learner) and ``batch`` (many).

Both read the planner's options through :mod:`.path_options`; the planner itself is
imported only when a command runs. ``recommend`` prints its text, and ``batch`` its
summary and progress, in the language of ``--lang`` or the locale; JSON, JSONL and CSV
stay English.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import CurriculumError
from ..messages import Catalogue
from .exit_codes import EXIT_OK
from .language import message_language
from .path_options import path_options_from
from .progress import progress_bar

SAID = Catalogue(
    "cli.path_commands",
    {"too_few_workers": ("--workers must be at least 1", "--workers minimal 1")},
)


def run_recommend(args: argparse.Namespace) -> int:
    import json

    from ..edit.service import save_path
    from ..recommend import Recommender
    from ..recommend.text import path_text
    from ..store import Workspace

    options = path_options_from(args)
    with Workspace.open(args.workspace) as workspace:
        path = Recommender(workspace).recommend(args.learner, options)
        if args.save:
            save_path(workspace, path)
    if args.format == "json":
        print(json.dumps(path.to_json(), ensure_ascii=False, indent=2))
    else:
        print(path_text(path, lang=message_language(args)))
    return EXIT_OK


def run_batch(args: argparse.Namespace) -> int:
    from ..recommend.batch import learner_ids, run_batch as plan_batch
    from ..store import Workspace

    lang = message_language(args)
    options = path_options_from(args)
    if args.workers < 1:
        raise CurriculumError(SAID("too_few_workers"))
    learners = learner_ids(args.learners) if args.learners else None
    show = progress_bar(lang)
    try:
        with Workspace.open(args.workspace) as workspace:
            summary = plan_batch(
                workspace,
                args.out,
                learners,
                options,
                args.workers,
                args.scheduler,
                args.unmask,
                not args.no_store,
                show,
            )
    finally:
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
    print(summary.render(lang))
    return EXIT_OK

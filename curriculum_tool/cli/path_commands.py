"""The learning-path commands: ``recommend`` (one learner) and ``batch`` (many).

Both read the planner's options through :mod:`.path_options`; the planner itself is
imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import CurriculumError
from .exit_codes import EXIT_OK
from .path_options import path_options_from
from .progress import progress_bar


def run_recommend(args: argparse.Namespace) -> int:
    import json

    from ..recommend import Recommender
    from ..recommend.text import path_text
    from ..store import Workspace
    from ..store.paths import save_paths

    options = path_options_from(args)
    with Workspace.open(args.workspace) as workspace:
        path = Recommender(workspace).recommend(args.learner, options)
        if args.save:
            with workspace.transaction() as conn:
                save_paths(conn, [path])
    if args.format == "json":
        print(json.dumps(path.to_json(), ensure_ascii=False, indent=2))
    else:
        print(path_text(path))
    return EXIT_OK


def run_batch(args: argparse.Namespace) -> int:
    from ..recommend.batch import learner_ids, run_batch as plan_batch
    from ..store import Workspace

    options = path_options_from(args)
    if args.workers < 1:
        raise CurriculumError("--workers must be at least 1")
    learners = learner_ids(args.learners) if args.learners else None
    show = progress_bar()
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
    print(summary)
    return EXIT_OK

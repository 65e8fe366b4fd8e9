"""The success-model commands: ``train`` (fit, store and make current) and ``score``.

scikit-learn and pandas load only when one of them runs, never for ``--help``.
"""

from __future__ import annotations

import argparse

from .exit_codes import EXIT_OK
from .progress import clear_progress_line, progress_line


def run_train(args: argparse.Namespace) -> int:
    import json

    from ..model.report import metrics_text
    from ..model.train import STAGE_LABELS
    from ..model.training import train_and_store
    from ..store import Workspace

    line = progress_line()

    def progress(done: int, total: int, stage: str) -> None:
        if line is not None:
            line(f"{done}/{total} {STAGE_LABELS.get(stage, stage)}")

    try:
        with Workspace.open(args.workspace) as workspace:
            stored = train_and_store(
                workspace,
                target=args.target,
                seed=args.seed,
                name=args.name or None,
                truth=args.truth,
                models_dir=args.models_dir,
                progress=progress,
            )
    finally:
        if line is not None:
            clear_progress_line()
    if args.format == "json":
        print(json.dumps(stored.card, ensure_ascii=False, indent=2))
    else:
        print(metrics_text(stored.card))
        print(
            f"stored model '{stored.name}' (sha256 {stored.sha256[:12]}…) as the current "
            f"model; files in {args.models_dir}/"
        )
    return EXIT_OK


def run_score(args: argparse.Namespace) -> int:
    from ..model.score import Scorer, score_file
    from ..store import Workspace

    with Workspace.open(args.workspace) as workspace:
        count = score_file(workspace, args.pairs, args.out, Scorer(workspace, args.model))
    print(f"scored {count} pairs to {args.out}")
    return EXIT_OK

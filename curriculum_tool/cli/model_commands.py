"""The success-model commands: ``train`` (fit and store a candidate, promoted when it
passes the promotion gate) and ``score``.

scikit-learn and pandas load only when one of them runs, never for ``--help``. What they
print for a person follows ``--lang`` or the locale; ``--format json`` stays English.
"""

from __future__ import annotations

import argparse

from ..messages import Catalogue
from .exit_codes import EXIT_OK
from .language import message_language, shown
from .progress import clear_progress_line, progress_line

SAID = Catalogue(
    "cli.model_commands",
    {
        "stored": (
            "stored model '{name}' (sha256 {digest}…) as the current model; files in {folder}/",
            "model '{name}' (sha256 {digest}…) disimpan sebagai model terkini; berkasnya di "
            "{folder}/",
        ),
        "stored_candidate": (
            "stored model '{name}' (sha256 {digest}…) as a candidate; the active model is "
            "unchanged; files in {folder}/",
            "model '{name}' (sha256 {digest}…) disimpan sebagai kandidat; model aktif tidak "
            "berubah; berkasnya di {folder}/",
        ),
        "scored": (
            "scored {count} pairs to {out}",
            "peluang berhasil {count} pasangan ditulis ke {out}",
        ),
    },
)


def run_train(args: argparse.Namespace) -> int:
    import json

    from ..catalog import default_models_dir
    from ..model.report import metrics_text
    from ..model.train import STAGE_LABELS
    from ..model.training import train_and_store
    from ..store import Workspace
    from .registry_commands import promote_mode

    lang = message_language(args)
    promote, reason = promote_mode(args)
    models_dir = args.models_dir or str(default_models_dir())
    line = progress_line()

    def progress(done: int, total: int, stage: str) -> None:
        if line is not None:
            line(f"{done}/{total} {shown(STAGE_LABELS.get(stage, stage), lang)}")

    try:
        with Workspace.open(args.workspace) as workspace:
            stored = train_and_store(
                workspace,
                target=args.target,
                seed=args.seed,
                name=args.name or None,
                truth=args.truth,
                models_dir=models_dir,
                promote=promote,
                reason=reason,
                progress=progress,
            )
    finally:
        if line is not None:
            clear_progress_line()
    if args.format == "json":
        print(json.dumps(stored.card, ensure_ascii=False, indent=2))
    else:
        print(metrics_text(stored.card, lang=lang))
        said = SAID(
            "stored" if stored.active else "stored_candidate",
            name=stored.name,
            digest=stored.sha256[:12],
            folder=models_dir,
        )
        print(said.render(lang))
    return EXIT_OK


def run_score(args: argparse.Namespace) -> int:
    from ..model.score import Scorer, score_file
    from ..store import Workspace

    with Workspace.open(args.workspace) as workspace:
        count = score_file(workspace, args.pairs, args.out, Scorer(workspace, args.model))
    print(SAID("scored", count=count, out=args.out).render(message_language(args)))
    return EXIT_OK

"""``evaluate W funnel|planned|drift``: the evaluation views on the command line.

``funnel`` counts enrolments through the Kirkpatrick stages per module, modality, region
or year; ``planned`` sets each learner's (or unit's) plan for a year against what they
completed; ``drift`` compares the active model's predicted P with the observed rate per
province and exits 1 when a province drifted (like ``lint`` when it finds problems).
pandas and scikit-learn load only when a view runs. Text follows ``--lang``; CSV and JSON
stay English. Learner ids and names are masked unless ``--unmask``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from ..messages import Catalogue, localized
from .exit_codes import EXIT_OK, EXIT_PROBLEMS
from .grammar import add_actions
from .language import message_language

__all__ = ["SAID", "add_evaluation_command", "run_evaluate"]

SAID = Catalogue(
    "cli.evaluation_commands",
    {
        "group": ("group", "kelompok"),
        "name": ("name", "nama"),
        "enrolled": ("enrolled", "terdaftar"),
        "completed": ("completed", "selesai"),
        "in_progress": ("in progress", "berjalan"),
        "mean_l1": ("mean L1", "rerata L1"),
        "mean_l2": ("mean L2", "rerata L2"),
        "learner": ("learner", "peserta"),
        "unit": ("unit", "unit kerja"),
        "learners": ("learners", "jumlah peserta"),
        "planned_modules": ("planned modules", "modul direncanakan"),
        "planned_jp": ("planned JP", "JP direncanakan"),
        "completed_modules": ("completed modules", "modul diselesaikan"),
        "completed_jp": ("completed JP", "JP diselesaikan"),
        "planned_completed": ("planned and completed", "direncanakan dan selesai"),
        "plan_rate": ("plan realised", "realisasi rencana"),
        "province": ("province", "provinsi"),
        "rows": ("rows", "baris"),
        "predicted": ("mean P", "rerata P"),
        "observed": ("observed", "teramati"),
        "gap": ("gap", "selisih"),
        "drifted": ("drifted", "bergeser"),
        "ece": ("expected calibration error (ECE): {ece}", "galat kalibrasi (ECE): {ece}"),
        "nothing": ("no outcomes to show", "tidak ada hasil pelatihan untuk ditampilkan"),
    },
)


def add_evaluation_command(commands: Any, language: Sequence[argparse.ArgumentParser]) -> None:
    """``evaluate W funnel|planned|drift`` and their options."""
    evaluate = commands.add_parser(
        "evaluate",
        parents=language,
        help="evaluation views: Kirkpatrick funnel, planned vs actual, calibration drift",
    )
    evaluate.add_argument("workspace", metavar="W")
    views, after = add_actions(evaluate, "view", "VIEW")
    funnel = views.add_parser(
        "funnel",
        parents=after,
        help="enrolled → completed → L1 → L2 → L3 → L4 per group",
    )
    funnel.add_argument("--by", choices=("module", "modality", "region", "year"), required=True)
    funnel.add_argument(
        "--year", type=int, metavar="YYYY", help="only enrolments that ended in this year"
    )
    funnel.add_argument("--format", choices=("text", "csv", "json"), default="text")
    planned = views.add_parser(
        "planned", parents=after, help="a year's plans against what was completed that year"
    )
    planned.add_argument("--year", type=int, required=True, metavar="YYYY")
    planned.add_argument("--by", choices=("learner", "unit"), default="learner")
    planned.add_argument(
        "--unmask", action="store_true", help="show learner ids (NIP) and names; masked by default"
    )
    planned.add_argument("--format", choices=("text", "csv", "json"), default="text")
    drift = views.add_parser(
        "drift",
        parents=after,
        help="the active model's predicted P against the observed rate per province; "
        "exit 1 when a province drifted",
    )
    drift.add_argument(
        "--threshold",
        type=float,
        default=0.05,
        help="flag a province whose |mean P − observed rate| exceeds this (default 0.05)",
    )
    drift.add_argument(
        "--all",
        action="store_true",
        help="compare every labelled outcome, not only those after the model's training data",
    )
    drift.add_argument("--format", choices=("text", "json"), default="text")


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, numbers right-aligned."""
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if c[:1].isdigit() or c[:1] in "-+–" else c.ljust(w)
            for c, w in zip(cells, widths)
        ).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def _number(value: float | None, spec: str, lang: str) -> str:
    return "–" if value is None else localized(value, spec, lang)


def _write(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if rows:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run_evaluate(args: argparse.Namespace) -> int:
    from ..store import Workspace

    lang = message_language(args)
    with Workspace.open(args.workspace) as workspace:
        if args.view == "funnel":
            return _funnel(workspace, args, lang)
        if args.view == "planned":
            return _planned(workspace, args, lang)
        return _drift(workspace, args, lang)


def _said(kind: str, lang: str) -> str:
    return SAID(kind).render(lang)


def _funnel(workspace: Any, args: argparse.Namespace, lang: str) -> int:
    from ..report.evaluation import STAGES, funnel, funnel_total, stage_name

    rows = funnel(workspace, args.by, args.year)
    if args.format != "text":
        _write([row.to_json() for row in rows], args.format)
        return EXIT_OK
    if not rows:
        print(_said("nothing", lang))
        return EXIT_OK
    headers = [
        _said("group", lang),
        _said("name", lang),
        *(stage_name(s).render(lang).split(" ")[0] for s in STAGES),
        _said("in_progress", lang),
        _said("mean_l1", lang),
        _said("mean_l2", lang),
    ]
    body = []
    for row in [*rows, funnel_total(rows)]:
        label = row.label.render(lang) if hasattr(row.label, "render") else row.label
        counts = [
            f"{localized(n, ',', lang)} ({localized(row.share(s), '.0%', lang)})"
            for s, n in zip(STAGES, row.counts())
        ]
        counts[0] = localized(row.enrolled, ",", lang)
        body.append(
            [
                row.group or "*",
                label[:40],
                *counts,
                localized(row.in_progress, ",", lang),
                _number(row.mean_l1, ".1f", lang),
                _number(row.mean_l2, ".1f", lang),
            ]
        )
    print(_table(headers, body))
    return EXIT_OK


def _planned(workspace: Any, args: argparse.Namespace, lang: str) -> int:
    from ..report.evaluation import planned_vs_actual

    rows = planned_vs_actual(workspace, args.year, args.by, unmask=args.unmask)
    if args.format != "text":
        _write([row.to_json() for row in rows], args.format)
        return EXIT_OK
    if not rows:
        print(_said("nothing", lang))
        return EXIT_OK
    numbers = (
        "planned_modules",
        "planned_jp",
        "completed_modules",
        "completed_jp",
        "planned_completed",
    )
    first = ["learner", "name", "unit"] if args.by == "learner" else ["unit", "learners"]
    headers = [_said(k, lang) for k in (*first, *numbers, "plan_rate")]
    body = []
    for row in rows:
        label = row.label.render(lang) if hasattr(row.label, "render") else str(row.label)
        lead = (
            [row.key, label, row.unit or _no_unit(lang)]
            if args.by == "learner"
            else [label, localized(row.learners, ",", lang)]
        )
        body.append(
            [
                *lead,
                *(localized(getattr(row, n), ",", lang) for n in numbers),
                _number(row.plan_rate, ".0%", lang),
            ]
        )
    print(_table(headers, body))
    return EXIT_OK


def _no_unit(lang: str) -> str:
    from ..report.evaluation import SAID as EVALUATION

    return EVALUATION("no_unit").render(lang)


def _drift(workspace: Any, args: argparse.Namespace, lang: str) -> int:
    from ..report.drift import drift

    report = drift(workspace, threshold=args.threshold, new_only=not args.all)
    if args.format == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return EXIT_PROBLEMS if report.flagged else EXIT_OK
    print(report.summary.render(lang))
    if report.provinces:
        headers = [
            _said(k, lang)
            for k in ("province", "name", "rows", "predicted", "observed", "gap", "drifted")
        ]
        body = [
            [
                p.province,
                p.name,
                localized(p.rows, ",", lang),
                localized(p.predicted, ".3f", lang),
                localized(p.observed, ".3f", lang),
                localized(p.gap, ".3f", lang),
                "!" if p.flagged else "",
            ]
            for p in report.provinces
        ]
        print(_table(headers, body))
        print(SAID("ece", ece=_number(report.ece, ".3f", lang)).render(lang))
    print(report.verdict.render(lang))
    return EXIT_PROBLEMS if report.flagged else EXIT_OK

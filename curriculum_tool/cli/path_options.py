"""The planner's options on the command line, shared by ``recommend`` and ``batch``.

:func:`add_path_options` declares the flags; :func:`path_options_from` turns the parsed
flags into the planner's ``PathOptions`` (imported only when a command runs, so ``--help``
stays light).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..recommend import PathOptions


def add_path_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-jp", type=int, default=40, metavar="N", help="JP budget (default 40)"
    )
    parser.add_argument(
        "--min-jp",
        type=int,
        metavar="N",
        help="yearly minimum to fill up to (default 20, PP 11/2017, or the "
        "budget when it is smaller)",
    )
    parser.add_argument(
        "--periods",
        type=int,
        default=1,
        metavar="K",
        help="split the path into K periods of at most max-jp/K JP each",
    )
    parser.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="the plan year the path is for (default: this calendar year); re-planning a "
        "year keeps its earlier versions",
    )
    parser.add_argument(
        "--no-offline-instead",
        dest="offline_instead",
        action="store_false",
        help="do not replace online disaster-risk modules by offline ones "
        "where connectivity is weak",
    )
    parser.add_argument(
        "--no-literacy-first",
        dest="literacy_first",
        action="store_false",
        help="do not put the next digital-literacy tier first when literacy "
        "blocks gap-closing modules",
    )
    parser.add_argument(
        "--no-hazard-first",
        dest="hazard_first",
        action="store_false",
        help="do not require a module for the region's hazards when one "
        "closes a gap the learner's job sets",
    )


def path_options_from(args: argparse.Namespace) -> PathOptions:
    from ..domain.vocab import DEFAULT_MIN_JP
    from ..recommend import PathOptions

    min_jp = min(DEFAULT_MIN_JP, args.max_jp) if args.min_jp is None else args.min_jp
    return PathOptions(
        max_jp=args.max_jp,
        min_jp=min_jp,
        periods=args.periods,
        offline_instead=args.offline_instead,
        literacy_first=args.literacy_first,
        hazard_first=args.hazard_first,
        plan_year=args.year,
    )

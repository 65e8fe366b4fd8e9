"""``models W list|promote|retire``: the workspace's model registry, and ``train``'s override.

Training stores a *candidate*; the promotion gate (:mod:`~curriculum_tool.model.gate`)
makes it active only when it beats the active model on the same hold-out.
``models W promote NAME`` promotes a candidate the gate passed; any other promotion
needs ``--reason TEXT``, kept in the model's card with who gave it and when.
``models W retire NAME`` retires a candidate. ``train --promote-anyway --reason TEXT``
overrides the gate at training time.

The grammar is declared here (:func:`add_models_command`, also giving ``train`` its
override options); scikit-learn and the workspace load only when a command runs.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from ..errors import CurriculumError
from ..messages import Catalogue, Message
from .exit_codes import EXIT_OK
from .language import message_language

__all__ = ["SAID", "add_models_command", "promote_mode", "run_models"]

SAID = Catalogue(
    "cli.registry_commands",
    {
        "candidate": ("candidate", "kandidat"),
        "active": ("active", "aktif"),
        "retired": ("retired", "pensiun"),
        "promoted": ("gate passed", "lolos gerbang"),
        "kept_candidate": ("gate not passed", "tidak lolos gerbang"),
        "no_gate": ("no gate", "tanpa gerbang"),
        "header": (
            "name\tstate\tcreated\ttarget\tAUC\tECE\tgate\trelease",
            "nama\tstatus\tdibuat\tsasaran\tAUC\tECE\tgerbang\trilis",
        ),
        "row": (
            "{name}\t{state}\t{created}\t{target}\t{auc}\t{ece}\t{gate}\t{release}",
            "{name}\t{state}\t{created}\t{target}\t{auc}\t{ece}\t{gate}\t{release}",
        ),
        "number": ("{value:.3f}", "{value:.3f}"),
        "no_models": ("the workspace has no models", "ruang kerja ini tidak memiliki model"),
        "promoted_now": (
            "model '{name}' is now the active model (sha256 {digest}…)",
            "model '{name}' sekarang menjadi model aktif (sha256 {digest}…)",
        ),
        "override_kept": (
            "the reason is kept in its card: {reason}",
            "alasannya disimpan di kartunya: {reason}",
        ),
        "retired_now": ("model '{name}' is retired", "model '{name}' dipensiunkan"),
        "reason_without_override": (
            "--reason goes with --promote-anyway (train stores a candidate and promotes it "
            "only when it passes the gate)",
            "--reason dipakai bersama --promote-anyway (train menyimpan kandidat dan "
            "mempromosikannya hanya bila lolos gerbang)",
        ),
    },
)


def add_models_command(commands, language: Sequence[argparse.ArgumentParser]) -> None:
    """``models W list|promote|retire``, and ``train --promote-anyway --reason TEXT``.

    Each action takes ``--lang`` too, defaulting to nothing, so a ``--lang`` given before
    the action is not reset by the action's parser (as ``users`` does)."""
    from .grammar import add_actions

    train = commands.choices.get("train")
    if train is not None:
        train.add_argument(
            "--promote-anyway",
            action="store_true",
            help="make the new model active even if it does not pass the promotion gate "
            "(needs --reason)",
        )
        train.add_argument(
            "--reason",
            metavar="TEXT",
            help="why the gate is overridden; kept in the model's card",
        )
    models = commands.add_parser(
        "models",
        parents=language,
        help="the workspace's models: list, promote a candidate, retire one",
    )
    models.add_argument("workspace", metavar="W")
    actions, after = add_actions(models)
    listing = actions.add_parser(
        "list", parents=after, help="every model with its state and gate decision"
    )
    listing.add_argument("--format", choices=("text", "json"), default="text")
    promote = actions.add_parser(
        "promote",
        parents=after,
        help="make a model active: a candidate that passed the gate, or any verified "
        "model with --reason",
    )
    promote.add_argument("name", metavar="NAME")
    promote.add_argument(
        "--reason", metavar="TEXT", help="why (required when the gate did not pass it)"
    )
    retire = actions.add_parser("retire", parents=after, help="retire a candidate")
    retire.add_argument("name", metavar="NAME")


def promote_mode(args: argparse.Namespace) -> tuple[str, str | None]:
    """``train``'s promotion mode and reason from its options."""
    if getattr(args, "promote_anyway", False):
        return "always", args.reason
    if getattr(args, "reason", None):
        raise CurriculumError(SAID("reason_without_override"))
    return "gate", None


def _number(value: object) -> str:
    return SAID("number", value=value) if isinstance(value, int | float) else "-"


def _listing(models) -> list[Message | str]:
    if not models:
        return [SAID("no_models")]
    lines: list[Message | str] = [SAID("header")]
    for model in models:
        card = model.card
        metrics = card.get("metrics", {}).get("model", {})
        decision = (card.get("gate") or {}).get("decision")
        release = (card.get("catalog") or {}).get("release") or "-"
        lines.append(
            SAID(
                "row",
                name=model.name,
                state=SAID(model.state),
                created=model.created,
                target=card.get("target", "-"),
                auc=_number(metrics.get("auc")),
                ece=_number(metrics.get("ece")),
                gate=SAID(decision) if decision in SAID.templates else SAID("no_gate"),
                release=release,
            )
        )
    return lines


def run_models(args: argparse.Namespace) -> int:
    from ..model.persist import activate_model, list_models, retire_model
    from ..store import Workspace

    lang = message_language(args)
    lines: list[Message | str] = []
    with Workspace.open(args.workspace) as workspace:
        if args.action == "list":
            models = list_models(workspace)
            if args.format == "json":
                rows = [
                    {
                        "name": m.name,
                        "state": m.state,
                        "sha256": m.sha256,
                        "created": m.created,
                        "gate": m.card.get("gate"),
                        "overrides": m.card.get("overrides", []),
                        "catalog": m.card.get("catalog"),
                    }
                    for m in models
                ]
                print(json.dumps(rows, ensure_ascii=False, indent=2))
                return EXIT_OK
            lines = _listing(models)
        elif args.action == "promote":
            stored = activate_model(workspace, args.name, args.reason)
            lines = [SAID("promoted_now", name=stored.name, digest=stored.sha256[:12])]
            if args.reason:
                lines.append(SAID("override_kept", reason=args.reason.strip()))
        else:
            retire_model(workspace, args.name)
            lines = [SAID("retired_now", name=args.name)]
    for line in lines:
        print(line.render(lang) if isinstance(line, Message) else line)
    return EXIT_OK

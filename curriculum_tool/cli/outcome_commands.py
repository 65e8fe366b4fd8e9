"""``record``, ``followups`` and ``ledger``: what happened to each enrolment, whose L3
follow-up is due, and the JP ledger of a year.

- ``record W LEARNER MODULE --date D [--enrol] [--completed 0|1] [--l1 N] [--l2 N]
  [--l3 0|1] [--l4 0|1] [--ended D]`` merges the given fields into the outcome of that key
  (through the edit service: the role's rules, one transaction);
- ``followups W [--today D] [--supervisor ID] [--unit U] [--all] [--format text|csv|json]
  [--unmask]`` lists the completed enrolments whose L3 is due or overdue (``--all``: and
  upcoming), overdue first;
- ``ledger W --year YYYY [--out FILE] [--unmask] [--everyone]`` JP planned against JP
  completed and the 20 JP minimum, per learner.

Learner ids and names are masked (keyed pseudonyms, initials) unless ``--unmask``; a
``--supervisor`` filter takes the atasan's id or its pseudonym. Only argparse is imported
at the top, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CurriculumError
from ..messages import Catalogue
from .exit_codes import EXIT_OK
from .language import message_language

if TYPE_CHECKING:
    from ..report.followups import FollowUp

__all__ = ["add_outcome_commands", "run_followups", "run_ledger", "run_record"]

SAID = Catalogue(
    "cli.outcome_commands",
    {
        "bad_date": (
            "{option} must be a date YYYY-MM-DD, not '{value}'",
            "{option} harus tanggal YYYY-MM-DD, bukan '{value}'",
        ),
        "recorded": (
            "recorded {module} ending {date}: {fields}",
            "tercatat {module} yang berakhir {date}: {fields}",
        ),
        "no_followups": (
            "no follow-up due{filters}",
            "tidak ada tindak lanjut yang jatuh tempo{filters}",
        ),
        "filtered": (" for the chosen supervisor or unit", " untuk atasan atau unit yang dipilih"),
        "followups_header": (
            "status\tlearner\tname\tmodule\tended\tdue from\tdue until\tsupervisor\tunit",
            "status\tpeserta\tnama\tmodul\tberakhir\tmulai\tbatas\tatasan\tunit",
        ),
        "overdue": ("OVERDUE", "TERLAMBAT"),
        "due": ("due", "jatuh tempo"),
        "upcoming": ("upcoming", "akan datang"),
        "followups_count": (
            "{count} follow-ups: {overdue} overdue, {due} due, {upcoming} upcoming",
            "{count} tindak lanjut: {overdue} terlambat, {due} jatuh tempo, {upcoming} akan datang",
        ),
        "masked_note": (
            "(names and learner ids masked; --unmask to show them)",
            "(nama dan ID peserta disamarkan; --unmask untuk menampilkannya)",
        ),
        "ledger_header": (
            "learner\tname\tplanned JP\tcompulsory JP\tcompleted JP\tof it planned\tminimum\tmet",
            "peserta\tnama\tJP rencana\tJP wajib\tJP selesai\tsesuai rencana\tminimum\tterpenuhi",
        ),
        "yes": ("yes", "ya"),
        "no": ("no", "tidak"),
        "ledger_summary": (
            "{year}: {count} learners, {met} reached {minimum} JP, {below} below",
            "{year}: {count} peserta, {met} mencapai {minimum} JP, {below} di bawahnya",
        ),
        "ledger_empty": (
            "{year}: no learner has a plan or a completed module that year",
            "{year}: tidak ada peserta dengan rencana atau modul selesai pada tahun itu",
        ),
        "ledger_written": (
            "wrote the {year} JP ledger of {count} learners to {out}{masked}",
            "buku JP {year} untuk {count} peserta ditulis ke {out}{masked}",
        ),
        "bad_out": (
            "{option} must end in .csv or .xlsx, not '{name}'",
            "{option} harus berakhiran .csv atau .xlsx, bukan '{name}'",
        ),
        "masked": (
            " (learners masked; --unmask to show them)",
            " (identitas peserta disamarkan; --unmask untuk menampilkannya)",
        ),
    },
)

_FLAG = ("0", "1")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_outcome_commands(commands: Any, language: Sequence[argparse.ArgumentParser]) -> None:
    """Declare ``record``, ``followups`` and ``ledger``."""
    rec = commands.add_parser(
        "record",
        parents=language,
        help="record an enrolment, its completion, L1/L2 scores, L3 applied at work, L4",
    )
    rec.add_argument("workspace", metavar="W")
    rec.add_argument("learner", metavar="LEARNER", help="the learner's id (e.g. NIP)")
    rec.add_argument("module", metavar="MODULE", help="the module's code")
    rec.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="the day the enrolment ended (or, for --enrol, will end): the outcome's key",
    )
    rec.add_argument(
        "--enrol", action="store_true", help="record a new enrolment (completed 0 until it ends)"
    )
    rec.add_argument("--completed", choices=_FLAG, help="1 completed, 0 dropped or not yet")
    rec.add_argument("--l1", type=int, metavar="N", help="L1 reaction, 0-100")
    rec.add_argument("--l2", type=int, metavar="N", help="L2 post-test, 0-100")
    rec.add_argument(
        "--l3", choices=_FLAG, help="L3 applied at work (the atasan, 3-6 months after the end)"
    )
    rec.add_argument("--l4", choices=_FLAG, help="L4 the unit's result improved")
    rec.add_argument(
        "--ended",
        metavar="YYYY-MM-DD",
        help="the enrolment ended on another day than --date (the row moves to that date)",
    )
    rec.add_argument("--note", default="", help="why, kept in the history of changes")

    fol = commands.add_parser(
        "followups",
        parents=language,
        help="the L3 follow-up due list: completed enrolments whose L3 is due or overdue",
    )
    fol.add_argument("workspace", metavar="W")
    fol.add_argument("--today", metavar="YYYY-MM-DD", help="the day to list for (default: today)")
    fol.add_argument(
        "--supervisor", metavar="ID", help="only the learners of this atasan (id or pseudonym)"
    )
    fol.add_argument("--unit", metavar="U", help="only the learners of this work unit")
    fol.add_argument(
        "--all", action="store_true", help="also the upcoming ones (window not yet open)"
    )
    fol.add_argument("--format", choices=("text", "csv", "json"), default="text")
    fol.add_argument(
        "--unmask", action="store_true", help="show learner ids (NIP) and names; masked by default"
    )

    led = commands.add_parser(
        "ledger",
        parents=language,
        help="JP ledger of a year: JP planned, JP completed, the 20 JP minimum met or not",
    )
    led.add_argument("workspace", metavar="W")
    led.add_argument(
        "--year", type=int, metavar="YYYY", help="the calendar year (default: this year)"
    )
    led.add_argument("--out", metavar="FILE", help=".csv or .xlsx (default: a table on stdout)")
    led.add_argument(
        "--everyone",
        action="store_true",
        help="every learner, also those with neither a plan nor a completion that year",
    )
    led.add_argument(
        "--unmask", action="store_true", help="show learner ids (NIP) and names; masked by default"
    )


def _date(option: str, value: str | None) -> dt.date | None:
    """``value`` of ``option`` as a date (None: not given); a clear refusal otherwise."""
    if value is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CurriculumError(SAID("bad_date", option=option, value=value)) from None


def run_record(args: argparse.Namespace) -> int:
    """Run ``record``."""
    from ..edit.outcomes import UNCHANGED, record_outcome
    from ..store import Workspace

    lang = message_language(args)
    date = _date("--date", args.date)
    ended = _date("--ended", args.ended)
    assert date is not None
    given: dict[str, Any] = {}
    for name in ("completed", "l3", "l4"):
        value = getattr(args, name)
        given[name] = UNCHANGED if value is None else value == "1"
    for name in ("l1", "l2"):
        value = getattr(args, name)
        given[name] = UNCHANGED if value is None else value
    with Workspace.open(args.workspace) as workspace:
        outcome, _ = record_outcome(
            workspace,
            args.learner,
            args.module,
            date,
            enrol=args.enrol,
            ended=ended,
            note=args.note,
            **given,
        )
    fields = ", ".join(
        f"{name}={_cell(getattr(outcome, name))}" for name in ("completed", "l1", "l2", "l3", "l4")
    )
    said = SAID("recorded", module=outcome.module, date=outcome.date.isoformat(), fields=fields)
    print(said.render(lang))
    return EXIT_OK


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _masking(workspace: Any, unmask: bool):
    """Functions showing a learner id and a name, masked unless ``unmask``."""
    from ..io.masking import mask_name, pseudonym

    if unmask:
        return (lambda learner: learner or ""), (lambda name: name)
    secret = workspace.get_meta("pseudonym_key") or ""
    return (
        lambda learner: pseudonym(secret, learner) if learner else "",
        lambda name: mask_name(name) if name else "",
    )


def _supervisor_id(workspace: Any, given: str | None) -> str | None:
    """The atasan's id from ``given``: an id, or the pseudonym a masked list shows."""
    from ..io.masking import PSEUDONYM_PREFIX, pseudonym

    if given is None or not given.startswith(PSEUDONYM_PREFIX):
        return given
    secret = workspace.get_meta("pseudonym_key") or ""
    for learner in workspace.load("learners"):
        if pseudonym(secret, learner.id) == given:
            return learner.id
    return given  # no such atasan: the list is empty, as for an unknown id


def run_followups(args: argparse.Namespace) -> int:
    """Run ``followups``."""
    from ..report.followups import DUE, OVERDUE, UPCOMING, followups
    from ..store import Workspace

    lang = message_language(args)
    today = _date("--today", args.today)
    with Workspace.open(args.workspace) as workspace:
        supervisor = _supervisor_id(workspace, args.supervisor)
        items = followups(
            workspace,
            today=today,
            supervisor=supervisor,
            unit=args.unit,
            include_upcoming=args.all,
        )
        label, name = _masking(workspace, args.unmask)
    rows = [_shown(item, label, name) for item in items]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.format == "csv":
        from ..io.cell_escape import SafeCsvWriter

        writer = SafeCsvWriter(sys.stdout)
        columns = list(rows[0]) if rows else _COLUMNS
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in rows)
        return EXIT_OK
    if not rows:
        filters = SAID("filtered") if args.supervisor or args.unit else ""
        print(SAID("no_followups", filters=filters).render(lang))
        return EXIT_OK
    print(SAID("followups_header").render(lang))
    for item, row in zip(items, rows, strict=True):
        cells = [
            SAID(item.status).render(lang),
            row["learner"],
            row["name"] or "-",
            f"{item.module} {item.title}",
            row["date"],
            row["due_from"],
            row["due_until"],
            row["supervisor"] or "-",
            row["unit"] or "-",
        ]
        print("\t".join(cells))
    counts = {s: sum(i.status == s for i in items) for s in (OVERDUE, DUE, UPCOMING)}
    print(SAID("followups_count", count=len(items), **counts).render(lang))
    if not args.unmask:
        print(SAID("masked_note").render(lang))
    return EXIT_OK


_COLUMNS = [
    "learner",
    "name",
    "module",
    "title",
    "date",
    "due_from",
    "due_until",
    "status",
    "supervisor",
    "unit",
    "region",
]


def _shown(item: FollowUp, label: Any, name: Any) -> dict[str, Any]:
    """A follow-up's JSON keys, its ids and names masked by ``label`` and ``name``."""
    row = item.to_json()
    row.update(
        learner=label(item.learner),
        name=name(item.name),
        supervisor=label(item.supervisor) if item.supervisor else None,
    )
    return {column: row[column] for column in _COLUMNS}


def run_ledger(args: argparse.Namespace) -> int:
    """Run ``ledger``."""
    from ..report.ledger import LEDGER_COLUMNS, check_year, jp_ledger, ledger_rows
    from ..store import Workspace

    lang = message_language(args)
    year = check_year(args.year if args.year is not None else dt.date.today().year)
    if args.out is not None and Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
        raise CurriculumError(SAID("bad_out", option="--out", name=Path(args.out).name))
    with Workspace.open(args.workspace) as workspace:
        rows = jp_ledger(workspace, year, everyone=args.everyone)
        label, name = _masking(workspace, args.unmask)
    names = {row.learner: row.name for row in rows}
    cells = ledger_rows(rows, label, lambda learner: name(names.get(learner, "")))
    if args.out is not None:
        from ..io.tables import write_rows

        numeric = [c for c in LEDGER_COLUMNS if c.endswith("_jp") or c in ("year", "minimum")]
        write_rows(args.out, LEDGER_COLUMNS, cells, sheet=f"JP {year}", numeric=numeric)
        masked = "" if args.unmask else SAID("masked")
        said = SAID("ledger_written", year=year, count=len(rows), out=args.out, masked=masked)
        print(said.render(lang))
        return EXIT_OK
    if not rows:
        print(SAID("ledger_empty", year=year).render(lang))
        return EXIT_OK
    print(SAID("ledger_header").render(lang))
    yes, no = SAID("yes").render(lang), SAID("no").render(lang)
    for row, cell in zip(rows, cells, strict=True):
        line = [
            cell["learner"],
            cell["name"] or "-",
            cell["planned_jp"] if row.has_plan else "-",
            cell["obligation_jp"] if row.has_plan else "-",
            cell["completed_jp"],
            cell["completed_planned_jp"],
            cell["minimum"],
            yes if row.met else no,
        ]
        print("\t".join(line))
    met = sum(row.met for row in rows)
    minimum = rows[0].minimum
    print(
        SAID(
            "ledger_summary",
            year=year,
            count=len(rows),
            met=met,
            minimum=minimum,
            below=len(rows) - met,
        ).render(lang)
    )
    if not args.unmask:
        print(SAID("masked_note").render(lang))
    return EXIT_OK

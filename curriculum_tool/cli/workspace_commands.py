"""The workspace and data commands: ``init``, ``import``, ``export``, ``lint``, ``simulate``.

Each takes the parsed arguments and returns an exit code; the heavy modules (the store,
the importer, pandas behind them) are imported only when the command runs.
"""

from __future__ import annotations

import argparse

from ..errors import CurriculumError
from ..messages import Catalogue
from .exit_codes import EXIT_OK, EXIT_PROBLEMS
from .language import message_language, shown
from .progress import clear_progress_line, progress_line

SAID = Catalogue(
    "cli.workspace_commands",
    {
        "created_empty": (
            "created empty workspace: {label} ({counts})",
            "ruang kerja kosong dibuat: {label} ({counts})",
        ),
        "created_from_catalog": (
            "created workspace from the default catalog: {label} ({counts})",
            "ruang kerja dibuat dari katalog bawaan: {label} ({counts})",
        ),
        "counts": (
            "{modules} modules, {regions} regions, {learners} learners",
            "{modules} modul, {regions} wilayah, {learners} peserta",
        ),
        "exported_paths": (
            "exported {count} stored paths to {file}{masked}",
            "{count} jalur tersimpan diekspor ke {file}{masked}",
        ),
        "paths_masked": (
            " (learner ids as pseudonyms; --unmask to keep them)",
            " (ID peserta diganti pseudonim; --unmask untuk mempertahankannya)",
        ),
        "year_paths_only": (
            "--year goes with a paths export: {example}",
            "--year hanya untuk ekspor jalur belajar: {example}",
        ),
        "strict_without_case": (
            "--strict goes with a CASE export: {example}",
            "--strict hanya untuk ekspor CASE: {example}",
        ),
        "exported_items": (
            "exported {count} items as {kind} to {file}",
            "{count} butir diekspor sebagai {kind} ke {file}",
        ),
        "exported": (
            "exported {count} {kind} to {file}{masked}",
            "{count} baris {kind} diekspor ke {file}{masked}",
        ),
        "personal_masked": (
            " (personal data masked; --unmask to keep it)",
            " (data pribadi disamarkan; --unmask untuk mempertahankannya)",
        ),
        "exported_audit": (
            "exported {count} audit entries to {file}{masked}",
            "{count} catatan riwayat perubahan diekspor ke {file}{masked}",
        ),
        "audit_options_only": (
            "the filters {options} go with an audit export: {example}",
            "penyaring {options} hanya untuk ekspor riwayat perubahan: {example}",
        ),
        "too_few_learners": ("{option} must be at least 1", "{option} minimal 1"),
        "simulated": (
            "wrote {learners} synthetic learners and {outcomes} outcomes (and truth.csv) "
            "to {outdir}",
            "{learners} peserta sintetis dan {outcomes} hasil pelatihan (beserta truth.csv) "
            "ditulis ke {outdir}",
        ),
    },
)


def run_init(args: argparse.Namespace) -> int:
    from ..catalog import create_workspace

    lang = message_language(args)
    with create_workspace(args.workspace, empty=args.empty) as workspace:
        counts = SAID(
            "counts", **{k: workspace.count(k) for k in ("modules", "regions", "learners")}
        )
        kind = "created_empty" if args.empty else "created_from_catalog"
        print(SAID(kind, label=workspace.label, counts=counts).render(lang))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ..io import import_file
    from ..io.interchange import READ_FORMATS, import_interchange, option_refused
    from ..store import Workspace

    lang = message_language(args)
    module = getattr(args, "module", None)
    if args.kind in READ_FORMATS:
        with Workspace.open(args.workspace) as workspace:
            summaries = import_interchange(
                workspace, args.kind, args.file, replace=args.replace, module=module
            )
        print("\n".join(shown(s, lang) for s in summaries))
        return EXIT_OK
    if module is not None:
        raise option_refused("module")
    progress = progress_line(lang)
    try:
        with Workspace.open(args.workspace) as workspace:
            summary = import_file(
                workspace, args.kind, args.file, replace=args.replace, progress=progress
            )
    finally:
        if progress is not None:
            clear_progress_line()
    print(shown(summary, lang))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from ..io import export_file
    from ..io.interchange import WRITE_FORMATS, export_interchange
    from ..store import Workspace
    from ..store.names import table_name

    lang = message_language(args)
    audit_options = [
        f"--{name}" for name in ("actor", "since", "until", "table") if getattr(args, name, None)
    ]
    if audit_options and args.kind != "audit":
        example = "export W audit FILE --actor LOGIN --since YYYY-MM-DD"
        raise CurriculumError(
            SAID("audit_options_only", options=", ".join(audit_options), example=example)
        )
    if getattr(args, "year", None) is not None and args.kind != "paths":
        raise CurriculumError(SAID("year_paths_only", example="export W paths FILE --year 2027"))
    if args.kind == "audit":
        return _export_audit(args, lang)
    with Workspace.open(args.workspace) as workspace:
        if args.kind == "paths":
            from ..recommend.batch import export_paths

            count = export_paths(workspace, args.file, unmask=args.unmask, year=args.year)
            masked = "" if args.unmask else SAID("paths_masked")
            said = SAID("exported_paths", count=count, file=args.file, masked=masked)
            print(said.render(lang))
            return EXIT_OK
        if args.strict and args.kind != "case":
            raise CurriculumError(
                SAID("strict_without_case", example="export W case FILE --strict")
            )
        if args.kind in WRITE_FORMATS:
            options = {"strict": True} if args.strict else {}
            count = export_interchange(workspace, args.kind, args.file, **options)
            said = SAID("exported_items", count=count, kind=args.kind, file=args.file)
            print(said.render(lang))
            return EXIT_OK
        count = export_file(workspace, args.kind, args.file, unmask=args.unmask)
    personal = args.kind in ("learners", "outcomes") and not args.unmask
    masked = SAID("personal_masked") if personal else ""
    kind = table_name(args.kind)  # the table's own name in English, what it holds in Indonesian
    print(SAID("exported", count=count, kind=kind, file=args.file, masked=masked).render(lang))
    return EXIT_OK


def _export_audit(args: argparse.Namespace, lang: str) -> int:
    """``export W audit FILE``: the audit trail, filtered, personal data masked unless
    ``--unmask``; a bad filter is refused before the workspace is opened."""
    from ..io.audit_export import export_audit, filters_from
    from ..store import Workspace

    filters = filters_from(args.actor, args.since, args.until, args.table).checked()
    with Workspace.open(args.workspace) as workspace:
        count = export_audit(workspace, args.file, unmask=args.unmask, filters=filters)
    masked = "" if args.unmask else SAID("personal_masked")
    print(SAID("exported_audit", count=count, file=args.file, masked=masked).render(lang))
    return EXIT_OK


def run_lint(args: argparse.Namespace) -> int:
    import json

    from ..graph.lint import lint_workspace
    from ..store import Workspace

    with Workspace.open(args.workspace) as workspace:
        report = lint_workspace(workspace)
    if args.format == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(shown(report.to_text(), message_language(args)))
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def run_simulate(args: argparse.Namespace) -> int:
    from ..simulate import simulate_to_dir

    if args.learners < 1:
        raise CurriculumError(SAID("too_few_learners", option="--learners"))
    simulation = simulate_to_dir(args.outdir, args.learners, args.seed, args.catalog)
    said = SAID(
        "simulated",
        learners=len(simulation.learners),
        outcomes=len(simulation.outcomes),
        outdir=args.outdir,
    )
    print(said.render(message_language(args)))
    return EXIT_OK

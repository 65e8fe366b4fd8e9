"""An agency's stored learner paths summarised for the training officer, as one workbook.

``agency_summary`` turns paths (plus what the workspace knows about learners, regions,
positions and modules: a :class:`ReportContext`) into four tables with Indonesian
headers; ``write_agency_summary`` writes them as one ``.xlsx`` for the whole workspace
(one organisation = one agency):

- **Ringkasan**: learners, total and mean JP, learners below their yearly minimum
  (PP 11/2017), learners with a compulsory programme outstanding, mean expected value and
  mean coverage of the gaps;
- **Per Pegawai**: one row per learner: pseudonym (the NIP only with ``unmask``), position,
  region, JP against the minimum, steps, expected value, coverage of the gaps
  (expected value / Σ_c max(0, target − level), contract §3), below the minimum why, and
  the compulsory programmes (PKP for a pengawas, …) still outstanding;
- **Per Modul**: how many learners have each module in their path, for how many it is
  blocked (and mostly why), and for how many it is an outstanding compulsory programme;
- **Per Wilayah**: learners, JP and shortfalls per region;
- **JP per Tahun** (written by :func:`write_agency_summary`): the JP ledger of each plan
  year, JP planned against JP completed and the yearly minimum (:mod:`.ledger`).

Reports read the *kind* of a reason (:attr:`Reason.kind <curriculum_tool.domain.reasons.
Reason.kind>`, ``Exclusion.kind``) and its parameters, never its English text; their labels
are in one table, :data:`KIND_LABELS`. Why a learner is below the minimum is the path's own
``below_minimum`` reason, followed by the left-out modules that block the learner counted
by kind (:func:`shortfall_reason`): ``di bawah minimum tahunan 20 JP: hanya 12 JP modul yang
dapat diikuti peserta tahun ini. Penghambat: tanpa internet (5 modul), …``.

This module builds the tables and writes the workspace's summary; its parts live beside
it and are re-exported here: the kind labels in :mod:`.kinds`, the shortfall and
compulsory-programme texts in :mod:`.shortfall`, the workspace's names, masking and gaps
in :mod:`.context`, the openpyxl writer in :mod:`.workbook`.

Core module: plain data, pandas and openpyxl; never Qt.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..domain import Learner, LearnerPath
from ..errors import CurriculumError
from ..messages import Catalogue
from .context import (
    CompetencyGap as CompetencyGap,
    ReportContext as ReportContext,
    competency_gaps as competency_gaps,
    learner_gaps as learner_gaps,
)
from .kinds import (
    BLOCKING_KINDS as BLOCKING_KINDS,
    EXCLUSION_KINDS as EXCLUSION_KINDS,
    KIND_LABELS as KIND_LABELS,
    NOT_FOR_LEARNER_KINDS as NOT_FOR_LEARNER_KINDS,
    blocking_kind,
    exclusion_kind as exclusion_kind,
    kind_label as kind_label,
    root_kind as root_kind,
    root_params as root_params,
)
from .ledger import LEDGER_SHEET, ledger_sheet
from .shortfall import obligations_text as obligations_text, shortfall_reason as shortfall_reason
from .workbook import check_xlsx_suffix, write_summary_xlsx as write_summary_xlsx

__all__ = [
    "BLOCKING_KINDS",
    "EXCLUSION_KINDS",
    "KIND_LABELS",
    "NOT_FOR_LEARNER_KINDS",
    "SHEETS",
    "CompetencyGap",
    "ReportContext",
    "agency_summary",
    "competency_gaps",
    "exclusion_kind",
    "kind_label",
    "learner_gaps",
    "obligations_text",
    "root_kind",
    "root_params",
    "shortfall_reason",
    "write_agency_summary",
    "write_summary_xlsx",
]

#: What the reports say when there is nothing to report (shared with :mod:`.path_document`).
SAID = Catalogue(
    "report.summary",
    {
        "no_stored_paths": (
            "no stored paths in this workspace: run {batch} (or {recommend}) first",
            "belum ada jalur tersimpan di ruang kerja ini: jalankan dulu {batch} "
            "(atau {recommend})",
        ),
    },
)


def no_stored_paths() -> CurriculumError:
    """The refusal of a report on a workspace without stored paths."""
    return CurriculumError(SAID("no_stored_paths", batch="'batch'", recommend="'recommend --save'"))


#: Sheet names in workbook order.
SHEETS = ("Ringkasan", "Per Pegawai", "Per Modul", "Per Wilayah")


# -- the tables -----------------------------------------------------------------------

_YES, _NO = "ya", "tidak"

LEARNER_COLUMNS = (
    "Pegawai",
    "Nama",
    "Jabatan",
    "Nama Jabatan",
    "Wilayah",
    "Nama Wilayah",
    "Total JP",
    "Minimum JP",
    "Jumlah Langkah",
    "Nilai Harapan",
    "Total Kesenjangan",
    "Cakupan Kesenjangan",
    "Di Bawah Minimum",
    "Alasan Di Bawah Minimum",
    "Modul Tidak Dapat Diikuti",
    "Model",
    "Dibuat",
    "Program Wajib Belum Diikuti",
    "JP Program Wajib",
)
MODULE_COLUMNS = (
    "Modul",
    "Judul",
    "Modalitas",
    "JP",
    "Jumlah Pegawai",
    "Total JP",
    "Rata-rata Peluang Berhasil",
    "Tidak Dapat Diikuti (Pegawai)",
    "Alasan Utama Tidak Dapat Diikuti",
    "Wajib Belum Diikuti (Pegawai)",
)
REGION_COLUMNS = (
    "Wilayah",
    "Nama Wilayah",
    "Jumlah Pegawai",
    "Total JP",
    "Rata-rata JP",
    "Di Bawah Minimum",
    "Rata-rata Cakupan Kesenjangan",
)
OVERVIEW_COLUMNS = ("Indikator", "Nilai")


def _coverage(path: LearnerPath, gap: float | None) -> float | None:
    if gap is None or gap <= 0:
        return None
    return round(path.expected_value / gap, 4)


def _model_text(path: LearnerPath) -> str:
    if not path.model_name and not path.model_sha256:
        return ""
    return f"{path.model_name} (sha256 {path.model_sha256[:12]})"


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(float(np.mean(present)), 4) if present else None


def agency_summary(
    paths: Sequence[LearnerPath],
    learners: Mapping[str, Learner] | None = None,
    context: ReportContext | None = None,
) -> dict[str, pd.DataFrame]:
    """The four sheets (:data:`SHEETS`) of an agency's paths, as DataFrames.

    ``learners`` (id → record) overrides the context's learners; without ``context`` the
    ids are pseudonyms under an empty key and gaps, names and titles are left empty.
    """
    context = context or ReportContext()
    if learners is not None:
        context = replace(context, learners=learners)
    rows: list[dict[str, Any]] = []
    for path in paths:
        gap = context.total_gaps.get(path.learner)
        blocked = sum(e.kind in BLOCKING_KINDS for e in path.excluded)
        rows.append(
            {
                "Pegawai": context.learner_label(path.learner),
                "Nama": context.learner_name(path.learner),
                "Jabatan": path.position,
                "Nama Jabatan": context.position_title(path.position),
                "Wilayah": path.region,
                "Nama Wilayah": context.region_name(path.region),
                "Total JP": path.total_jp,
                "Minimum JP": path.min_jp,
                "Jumlah Langkah": len(path.steps),
                "Nilai Harapan": round(path.expected_value, 4),
                "Total Kesenjangan": gap,
                "Cakupan Kesenjangan": _coverage(path, gap),
                "Di Bawah Minimum": _YES if path.total_jp < path.min_jp else _NO,
                "Alasan Di Bawah Minimum": shortfall_reason(path),
                "Modul Tidak Dapat Diikuti": blocked,
                "Model": _model_text(path),
                "Dibuat": path.created,
                "Program Wajib Belum Diikuti": obligations_text(path),
                "JP Program Wajib": sum(o.jp for o in path.obligations),
            }
        )
    # Sorted by the label as shown: masked rows do not reveal the order of the NIPs.
    rows.sort(key=lambda row: row["Pegawai"])
    per_learner = pd.DataFrame(rows, columns=list(LEARNER_COLUMNS))
    return {
        "Ringkasan": _overview(paths, per_learner, context),
        "Per Pegawai": per_learner,
        "Per Modul": _per_module(paths, context),
        "Per Wilayah": _per_region(paths, context),
    }


def _overview(
    paths: Sequence[LearnerPath], per_learner: pd.DataFrame, context: ReportContext
) -> pd.DataFrame:
    count = len(paths)
    total = sum(p.total_jp for p in paths)
    below = sum(p.total_jp < p.min_jp for p in paths)
    minimums = sorted({p.min_jp for p in paths})
    models = sorted({_model_text(p) for p in paths} - {""})
    created = sorted(p.created for p in paths if p.created)
    coverage = _mean(per_learner["Cakupan Kesenjangan"].tolist()) if count else None
    items: list[tuple[str, Any]] = [
        ("Jumlah pegawai", count),
        ("Total JP", total),
        ("Rata-rata JP per pegawai", round(total / count, 2) if count else None),
        ("Minimum JP per tahun (PP 11/2017)", ", ".join(str(m) for m in minimums)),
        ("Pegawai di bawah minimum JP", below),
        ("Persentase di bawah minimum", round(below / count, 4) if count else None),
        ("Pegawai dengan program wajib belum diikuti", sum(bool(p.obligations) for p in paths)),
        ("Rata-rata nilai harapan", _mean(p.expected_value for p in paths)),
        ("Rata-rata cakupan kesenjangan", coverage),
        ("Model", "; ".join(models)),
        (
            "Rencana dibuat",
            (created[0] if created[0] == created[-1] else f"{created[0]} – {created[-1]}")
            if created
            else "",
        ),
        (
            "Identitas pegawai",
            "tidak disamarkan" if context.unmask else "disamarkan (pseudonim dan inisial)",
        ),
    ]
    return pd.DataFrame(items, columns=list(OVERVIEW_COLUMNS))


def _per_module(paths: Sequence[LearnerPath], context: ReportContext) -> pd.DataFrame:
    taken: dict[str, list] = defaultdict(list)
    blocked: dict[str, Counter] = defaultdict(Counter)
    owed: Counter = Counter()
    owed_jp: dict[str, int] = {}
    for path in paths:
        for step in path.steps:
            taken[step.module].append(step)
        for excluded in path.excluded:
            if excluded.kind in BLOCKING_KINDS:
                blocked[excluded.module][blocking_kind(excluded.reason)] += 1
        for obligation in path.obligations:
            owed[obligation.module] += 1
            owed_jp.setdefault(obligation.module, obligation.jp)
    rows = []
    for module in sorted(set(taken) | set(blocked) | set(owed)):
        steps = taken.get(module, [])
        first = steps[0] if steps else None
        kinds = blocked.get(module, Counter())
        main = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        rows.append(
            {
                "Modul": module,
                "Judul": context.module_titles.get(module) or (first.title if first else ""),
                "Modalitas": first.modality if first else "",
                "JP": first.jp if first else owed_jp.get(module),
                "Jumlah Pegawai": len(steps),
                "Total JP": sum(s.jp for s in steps),
                "Rata-rata Peluang Berhasil": _mean(s.p_success for s in steps),
                "Tidak Dapat Diikuti (Pegawai)": sum(kinds.values()),
                "Alasan Utama Tidak Dapat Diikuti": kind_label(main[0][0]) if main else "",
                "Wajib Belum Diikuti (Pegawai)": owed.get(module, 0),
            }
        )
    rows.sort(
        key=lambda row: (
            -row["Jumlah Pegawai"],
            -row["Tidak Dapat Diikuti (Pegawai)"],
            -row["Wajib Belum Diikuti (Pegawai)"],
            row["Modul"],
        )
    )
    return pd.DataFrame(rows, columns=list(MODULE_COLUMNS))


def _per_region(paths: Sequence[LearnerPath], context: ReportContext) -> pd.DataFrame:
    coverage_of = {}
    for path in paths:
        coverage_of[path.learner] = _coverage(path, context.total_gaps.get(path.learner))
    by_region: dict[str, list[LearnerPath]] = defaultdict(list)
    for path in paths:
        by_region[path.region].append(path)
    rows = []
    for region in sorted(by_region):
        group = by_region[region]
        total = sum(p.total_jp for p in group)
        rows.append(
            {
                "Wilayah": region,
                "Nama Wilayah": context.region_name(region),
                "Jumlah Pegawai": len(group),
                "Total JP": total,
                "Rata-rata JP": round(total / len(group), 2),
                "Di Bawah Minimum": sum(p.total_jp < p.min_jp for p in group),
                "Rata-rata Cakupan Kesenjangan": _mean(coverage_of[p.learner] for p in group),
            }
        )
    return pd.DataFrame(rows, columns=list(REGION_COLUMNS))


def write_agency_summary(workspace: Any, out: str | os.PathLike[str], unmask: bool = False) -> int:
    """Summarise the workspace's stored paths into the workbook ``out``; returns how many
    learners it covers. Learner ids and names are masked unless ``unmask``."""
    from ..store.paths import load_paths

    check_xlsx_suffix(Path(out))
    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    if not paths:
        raise no_stored_paths()
    context = ReportContext.from_workspace(workspace, unmask=unmask)
    frames = agency_summary(paths, context=context)
    frames[LEDGER_SHEET] = ledger_sheet(workspace, context)  # JP planned against done
    write_summary_xlsx(frames, out)
    return len(paths)

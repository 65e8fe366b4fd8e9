"""An agency's stored learner paths summarised for the training officer, as one workbook.

``agency_summary`` turns paths (plus what the workspace knows about learners, regions,
positions and modules: a :class:`ReportContext`) into four tables with Indonesian
headers; ``write_agency_summary`` writes them as one ``.xlsx`` for the whole workspace
(one organisation = one agency):

- **Ringkasan**: learners, total and mean JP, learners below their yearly minimum
  (PP 11/2017), mean expected value and mean coverage of the gaps;
- **Per Pegawai**: one row per learner: pseudonym (the NIP only with ``unmask``), position,
  region, JP against the minimum, steps, expected value, coverage of the gaps
  (expected value / Σ_c max(0, target − level), contract §3) and, below the minimum, why;
- **Per Modul**: how many learners have each module in their path, and for how many it is
  blocked (and mostly why);
- **Per Wilayah**: learners, JP and shortfalls per region.

Why a learner is below the minimum is read from the path's left-out modules: each
exclusion reason (as :mod:`curriculum_tool.recommend.feasibility` and the planner word
them) is sorted into a kind by :func:`exclusion_kind`; :func:`shortfall_reason` counts
the kinds: ``hanya 12 JP modul yang dapat diikuti (minimum 20 JP): konektivitas rendah
(5 modul), …``.

Core module: plain data, pandas and openpyxl; never Qt.
"""

from __future__ import annotations

import io
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..domain import Learner, LearnerPath
from ..errors import CurriculumError
from ..io.masking import mask_name, pseudonym
from ..io.tables import _reproducible_zip, atomic_output

__all__ = [
    "ReportContext",
    "EXCLUSION_KINDS",
    "BLOCKING_KINDS",
    "SHEETS",
    "agency_summary",
    "write_agency_summary",
    "write_summary_xlsx",
    "exclusion_kind",
    "kind_label",
    "shortfall_reason",
    "learner_gaps",
]

#: Sheet names in workbook order.
SHEETS = ("Ringkasan", "Per Pegawai", "Per Modul", "Per Wilayah")

#: Kinds of exclusion reasons, with their Indonesian and English labels.
EXCLUSION_KINDS: dict[str, dict[str, str]] = {
    "connectivity": {"id": "konektivitas", "en": "connectivity"},
    "digital_literacy": {"id": "literasi digital", "en": "digital literacy"},
    "local_elsewhere": {"id": "modul lokal daerah lain", "en": "local module of another region"},
    "not_approved": {"id": "belum disetujui", "en": "not approved yet"},
    "budget": {"id": "melebihi anggaran JP", "en": "over the JP budget"},
    "period": {"id": "lebih panjang dari satu periode", "en": "longer than one period"},
    "offline_instead": {"id": "diganti modul tatap muka (konektivitas lemah)",
                        "en": "offline module instead (weak connectivity)"},
    "prerequisite": {"id": "prasyarat tidak dapat diikuti", "en": "prerequisite cannot be taken"},
    "completed": {"id": "sudah diselesaikan", "en": "already completed"},
    "covered": {"id": "sudah tercakup langkah lain", "en": "covered by other steps"},
    "less_value": {"id": "nilai per JP lebih rendah", "en": "less value per JP"},
    "other": {"id": "lainnya", "en": "other"},
}

#: Kinds that mean the learner cannot take the module at all (not a choice of the planner).
BLOCKING_KINDS = frozenset({"connectivity", "digital_literacy", "local_elsewhere",
                            "not_approved", "period", "prerequisite"})

#: Kinds that can explain a path below the yearly minimum.
_SHORTFALL_KINDS = BLOCKING_KINDS | {"budget"}

_CONNECTIVITY_WORDS = {"none": {"id": "tanpa internet", "en": "no internet"},
                       "low": {"id": "konektivitas rendah", "en": "low connectivity"},
                       "high": {"id": "konektivitas tinggi", "en": "high connectivity"}}

_REQUIRES = re.compile(r"^requires \S+, which cannot be taken \((.*)\)$", re.S)
_CONNECTIVITY = re.compile(r"^needs (\w+) connectivity; \S+ has (\w+)")
_LITERACY = re.compile(r"^needs digital literacy (\d+); the learner has (\d+)")


def exclusion_kind(reason: str) -> str:
    """The kind of an exclusion reason (a key of :data:`EXCLUSION_KINDS`).

    A module left out because a prerequisite cannot be taken gets the kind of that
    prerequisite's own reason (the root cause), ``prerequisite`` only when that is unknown.

    >>> exclusion_kind("needs low connectivity; 81.08 has none")
    'connectivity'
    >>> exclusion_kind("requires PB-301, which cannot be taken (needs digital literacy 2; "
    ...                "the learner has 1)")
    'digital_literacy'
    """
    match = _REQUIRES.match(reason)
    if match:
        inner = exclusion_kind(match.group(1))
        return "prerequisite" if inner == "other" else inner
    if reason.startswith("not approved"):
        return "not_approved"
    if reason.startswith("local module of"):
        return "local_elsewhere"
    if _CONNECTIVITY.match(reason):
        return "connectivity"
    if _LITERACY.match(reason):
        return "digital_literacy"
    if "longer than one period" in reason:
        return "period"
    if reason.startswith("online delivery with"):
        return "offline_instead"
    if reason.startswith("already completed"):
        return "completed"
    if reason.startswith("not selected"):
        if "budget" in reason:
            return "budget"
        if "already cover" in reason:
            return "covered"
        return "less_value"
    return "other"


def kind_label(kind: str, lang: str = "id") -> str:
    """The label of an exclusion kind in ``lang`` (``id`` or ``en``)."""
    return EXCLUSION_KINDS.get(kind, EXCLUSION_KINDS["other"])[_lang(lang)]


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "id"


def _root_reason(reason: str) -> str:
    match = _REQUIRES.match(reason)
    return _root_reason(match.group(1)) if match else reason


def _shortfall_item(kind: str, reasons: list[str], lang: str) -> str:
    """``konektivitas rendah (5 modul)``: one kind of blocker with its count."""
    lang = _lang(lang)
    label = kind_label(kind, lang)
    roots = [_root_reason(r) for r in reasons]
    if kind == "connectivity":
        has = Counter(m.group(2) for r in roots if (m := _CONNECTIVITY.match(r)))
        if has:
            level = has.most_common(1)[0][0]
            label = _CONNECTIVITY_WORDS.get(level, {}).get(lang, label)
    elif kind == "digital_literacy":
        has = Counter(m.group(2) for r in roots if (m := _LITERACY.match(r)))
        if has:
            level = has.most_common(1)[0][0]
            label = (f"literasi digital level {level}" if lang == "id"
                     else f"digital literacy level {level}")
    count = len(reasons)
    unit = "modul" if lang == "id" else ("module" if count == 1 else "modules")
    return f"{label} ({count} {unit})"


def shortfall_reason(path: LearnerPath, lang: str = "id") -> str:
    """Why ``path`` has fewer JP than its yearly minimum; ``""`` when it has enough.

    Counts the path's left-out modules by kind of reason (connectivity, digital literacy,
    local to another region, not approved, longer than a period, over the budget), most
    frequent first.
    """
    if path.total_jp >= path.min_jp:
        return ""
    lang = _lang(lang)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for excluded in path.excluded:
        kind = exclusion_kind(excluded.reason)
        if kind in _SHORTFALL_KINDS:
            by_kind[kind].append(excluded.reason)
    ranked = sorted(by_kind.items(), key=lambda item: (-len(item[1]), item[0]))
    items = [_shortfall_item(kind, reasons, lang) for kind, reasons in ranked]
    if lang == "id":
        head = (f"hanya {path.total_jp} JP modul yang dapat diikuti "
                f"(minimum {path.min_jp} JP)")
        tail = ", ".join(items) or "katalog tidak memiliki cukup modul lain yang dapat diikuti"
    else:
        head = f"only {path.total_jp} JP of takeable modules (minimum {path.min_jp} JP)"
        tail = ", ".join(items) or "the catalog has not enough other takeable modules"
    return f"{head}: {tail}"


# -- what the workspace knows besides the paths ---------------------------------------


@dataclass(frozen=True)
class ReportContext:
    """Names, titles, gaps and masking for reports; :meth:`from_workspace` fills it.

    Learner ids are shown as keyed pseudonyms (``pseudonym_key``, the workspace's own
    secret) and names with only their initials, unless ``unmask``.
    """

    pseudonym_key: str = ""
    unmask: bool = False
    learners: Mapping[str, Learner] = field(default_factory=dict)
    region_names: Mapping[str, str] = field(default_factory=dict)
    position_titles: Mapping[str, str] = field(default_factory=dict)
    module_titles: Mapping[str, str] = field(default_factory=dict)
    #: Learner id → Σ_c max(0, target(c) − level(c)) (contract §3).
    total_gaps: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_workspace(cls, workspace: Any, unmask: bool = False,
                       gaps: bool = True) -> ReportContext:
        """Everything a report needs from ``workspace`` besides the paths."""
        with workspace.engine.connect() as conn:
            learners = workspace.load("learners", conn)
            regions = workspace.load("regions", conn)
            jobs = workspace.load("job_standards", conn)
            modules = workspace.load("modules", conn)
            key = workspace.get_meta("pseudonym_key", conn) or ""
        return cls(pseudonym_key=key, unmask=unmask,
                   learners={learner.id: learner for learner in learners},
                   region_names={r.code: r.name for r in regions},
                   position_titles={j.position: j.title for j in jobs},
                   module_titles={m.code: m.title for m in modules},
                   total_gaps=learner_gaps(workspace, learners) if gaps else {})

    def learner_label(self, learner: str) -> str:
        """The id as shown: the learner's pseudonym, or the id itself with ``unmask``."""
        return learner if self.unmask else pseudonym(self.pseudonym_key, learner)

    def learner_name(self, learner: str) -> str:
        """The name as shown (initials only unless ``unmask``); ``""`` when unknown."""
        record = self.learners.get(learner)
        if record is None:
            return ""
        return record.name if self.unmask else mask_name(record.name)

    def region_name(self, code: str) -> str:
        return self.region_names.get(code, "")

    def position_title(self, code: str) -> str:
        return self.position_titles.get(code, "")


def learner_gaps(workspace: Any, learners: Sequence[Learner] | None = None) -> dict[str, float]:
    """Learner id → total gap Σ_c max(0, target(c) − level(c)) (contract §3)."""
    from ..model.pairs import PairContext

    learners = list(workspace.load("learners") if learners is None else learners)
    if not learners:
        return {}
    context = PairContext.from_workspace(workspace)
    arrays = context.learner_arrays(learners)
    gaps = np.maximum(arrays.targets.astype(np.int32) - arrays.levels.astype(np.int32),
                      0).sum(axis=1)
    return {str(learner): float(gap) for learner, gap in zip(arrays.ids, gaps)}


# -- the tables -----------------------------------------------------------------------

_YES, _NO = "ya", "tidak"

LEARNER_COLUMNS = ("Pegawai", "Nama", "Jabatan", "Nama Jabatan", "Wilayah", "Nama Wilayah",
                   "Total JP", "Minimum JP", "Jumlah Langkah", "Nilai Harapan",
                   "Total Kesenjangan", "Cakupan Kesenjangan", "Di Bawah Minimum",
                   "Alasan Di Bawah Minimum", "Modul Tidak Dapat Diikuti", "Model",
                   "Dibuat")
MODULE_COLUMNS = ("Modul", "Judul", "Modalitas", "JP", "Jumlah Pegawai", "Total JP",
                  "Rata-rata Peluang Berhasil", "Tidak Dapat Diikuti (Pegawai)",
                  "Alasan Utama Tidak Dapat Diikuti")
REGION_COLUMNS = ("Wilayah", "Nama Wilayah", "Jumlah Pegawai", "Total JP", "Rata-rata JP",
                  "Di Bawah Minimum", "Rata-rata Cakupan Kesenjangan")
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


def agency_summary(paths: Sequence[LearnerPath], learners: Mapping[str, Learner] | None = None,
                   context: ReportContext | None = None) -> dict[str, pd.DataFrame]:
    """The four sheets (:data:`SHEETS`) of an agency's paths, as DataFrames.

    ``learners`` (id → record) overrides the context's learners; without ``context`` the
    ids are pseudonyms under an empty key and gaps, names and titles are left empty.
    """
    context = context or ReportContext()
    if learners is not None:
        context = ReportContext(context.pseudonym_key, context.unmask, learners,
                                context.region_names, context.position_titles,
                                context.module_titles, context.total_gaps)
    rows = []
    for path in paths:
        gap = context.total_gaps.get(path.learner)
        blocked = sum(exclusion_kind(e.reason) in BLOCKING_KINDS for e in path.excluded)
        rows.append({
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
        })
    # Sorted by the label as shown: masked rows do not reveal the order of the NIPs.
    rows.sort(key=lambda row: row["Pegawai"])
    per_learner = pd.DataFrame(rows, columns=list(LEARNER_COLUMNS))
    return {"Ringkasan": _overview(paths, per_learner, context),
            "Per Pegawai": per_learner,
            "Per Modul": _per_module(paths, context),
            "Per Wilayah": _per_region(paths, context)}


def _overview(paths: Sequence[LearnerPath], per_learner: pd.DataFrame,
              context: ReportContext) -> pd.DataFrame:
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
        ("Rata-rata nilai harapan", _mean(p.expected_value for p in paths)),
        ("Rata-rata cakupan kesenjangan", coverage),
        ("Model", "; ".join(models)),
        ("Rencana dibuat", (created[0] if created[0] == created[-1]
                            else f"{created[0]} – {created[-1]}") if created else ""),
        ("Identitas pegawai", "tidak disamarkan" if context.unmask
         else "disamarkan (pseudonim dan inisial)"),
    ]
    return pd.DataFrame(items, columns=list(OVERVIEW_COLUMNS))


def _per_module(paths: Sequence[LearnerPath], context: ReportContext) -> pd.DataFrame:
    taken: dict[str, list] = defaultdict(list)
    blocked: dict[str, Counter] = defaultdict(Counter)
    for path in paths:
        for step in path.steps:
            taken[step.module].append(step)
        for excluded in path.excluded:
            kind = exclusion_kind(excluded.reason)
            if kind in BLOCKING_KINDS:
                blocked[excluded.module][kind] += 1
    rows = []
    for module in sorted(set(taken) | set(blocked)):
        steps = taken.get(module, [])
        first = steps[0] if steps else None
        kinds = blocked.get(module, Counter())
        main = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        rows.append({
            "Modul": module,
            "Judul": context.module_titles.get(module) or (first.title if first else ""),
            "Modalitas": first.modality if first else "",
            "JP": first.jp if first else None,
            "Jumlah Pegawai": len(steps),
            "Total JP": sum(s.jp for s in steps),
            "Rata-rata Peluang Berhasil": _mean(s.p_success for s in steps),
            "Tidak Dapat Diikuti (Pegawai)": sum(kinds.values()),
            "Alasan Utama Tidak Dapat Diikuti": kind_label(main[0][0]) if main else "",
        })
    rows.sort(key=lambda row: (-row["Jumlah Pegawai"], -row["Tidak Dapat Diikuti (Pegawai)"],
                               row["Modul"]))
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
        rows.append({
            "Wilayah": region,
            "Nama Wilayah": context.region_name(region),
            "Jumlah Pegawai": len(group),
            "Total JP": total,
            "Rata-rata JP": round(total / len(group), 2),
            "Di Bawah Minimum": sum(p.total_jp < p.min_jp for p in group),
            "Rata-rata Cakupan Kesenjangan": _mean(coverage_of[p.learner] for p in group),
        })
    return pd.DataFrame(rows, columns=list(REGION_COLUMNS))


# -- the workbook ---------------------------------------------------------------------

#: Number formats of columns (by header) in the workbook.
_FORMATS = {"Nilai Harapan": "0.00", "Cakupan Kesenjangan": "0.0%",
            "Rata-rata Cakupan Kesenjangan": "0.0%", "Rata-rata Peluang Berhasil": "0.00",
            "Rata-rata JP": "0.0"}
_OVERVIEW_FORMATS = {"Rata-rata JP per pegawai": "0.0", "Persentase di bawah minimum": "0.0%",
                     "Rata-rata nilai harapan": "0.00", "Rata-rata cakupan kesenjangan": "0.0%"}
_MAX_WIDTH = 60


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _check_xlsx(out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        raise CurriculumError(f"the summary is a workbook: the file must end in .xlsx, "
                              f"not '{out.name}'")


def write_summary_xlsx(frames: Mapping[str, pd.DataFrame], out: str | os.PathLike[str]) -> None:
    """Write ``frames`` (sheet name → table) as one workbook, atomically and reproducibly
    (the same tables give the same bytes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    out = Path(out)
    _check_xlsx(out)
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in frame.columns]
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for values in frame.itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in values])
        widths = [len(c) for c in columns]
        for row in sheet.iter_rows(min_row=2):
            for j, cell in enumerate(row):
                if cell.value is not None:
                    widths[j] = max(widths[j], len(str(cell.value)))
                header = columns[j]
                if header in _FORMATS:
                    cell.number_format = _FORMATS[header]
                elif name == "Ringkasan" and j == 1:
                    label = row[0].value
                    if label in _OVERVIEW_FORMATS:
                        cell.number_format = _OVERVIEW_FORMATS[label]
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = min(_MAX_WIDTH, width + 2)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    with atomic_output(out, "wb") as handle:
        _reproducible_zip(buffer, handle)


def write_agency_summary(workspace: Any, out: str | os.PathLike[str],
                         unmask: bool = False) -> int:
    """Summarise the workspace's stored paths into the workbook ``out``; returns how many
    learners it covers. Learner ids and names are masked unless ``unmask``."""
    from ..store.paths import load_paths

    _check_xlsx(Path(out))
    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    if not paths:
        raise CurriculumError("no stored paths in this workspace: run 'batch' (or "
                              "'recommend --save') first")
    context = ReportContext.from_workspace(workspace, unmask=unmask)
    write_summary_xlsx(agency_summary(paths, context=context), out)
    return len(paths)

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
- **Per Wilayah**: learners, JP and shortfalls per region.

Reports read the *kind* of a reason (:attr:`Reason.kind <curriculum_tool.domain.reasons.
Reason.kind>`, ``Exclusion.kind``) and its parameters, never its English text; their labels
are in one table, :data:`KIND_LABELS`. Why a learner is below the minimum is the path's own
``below_minimum`` reason, followed by the left-out modules that block the learner counted
by kind (:func:`shortfall_reason`): ``di bawah minimum tahunan 20 JP: hanya 12 JP modul yang
dapat diikuti peserta tahun ini. Penghambat: tanpa internet (5 modul), …``.

Core module: plain data, pandas and openpyxl; never Qt.
"""

from __future__ import annotations

import io
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..domain import Learner, LearnerPath
from ..domain.gaps import gap
from ..domain.labels import label as vocabulary_label
from ..errors import CurriculumError
from ..index import CatalogIndex
from ..io.atomic import atomic_output
from ..io.cell_escape import xlsx_value
from ..io.masking import mask_name, pseudonym
from ..io.tables import _reproducible_zip

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

#: Sheet names in workbook order.
SHEETS = ("Ringkasan", "Per Pegawai", "Per Modul", "Per Wilayah")

#: Every kind of left-out module (``Exclusion.kind``) with its Indonesian and English
#: label, in the order reports list them: what the learner cannot take first, then what
#: the planner chose to leave out, then what is not meant for the learner at all.
KIND_LABELS: dict[str, dict[str, str]] = {
    # -- the learner cannot take it ---------------------------------------------------
    "connectivity": {"id": "konektivitas tidak memadai", "en": "connectivity too weak"},
    "digital_literacy": {"id": "literasi digital belum memadai", "en": "digital literacy too low"},
    "longer_than_period": {"id": "lebih panjang dari satu periode", "en": "longer than one period"},
    "requires": {"id": "prasyarat tidak dapat diikuti", "en": "prerequisite cannot be taken"},
    "local_elsewhere": {"id": "modul lokal daerah lain", "en": "local module of another region"},
    "not_approved": {"id": "belum disetujui", "en": "not approved yet"},
    "pitched_too_high": {
        "id": "level terlalu tinggi untuk saat ini",
        "en": "pitched too high for now",
    },
    # -- the planner chose otherwise --------------------------------------------------
    "offline_instead": {
        "id": "ada alternatif luring (konektivitas lemah)",
        "en": "offline alternative (weak connectivity)",
    },
    "not_selected_budget": {"id": "melebihi anggaran JP", "en": "over the JP budget"},
    "not_selected_periods": {"id": "tidak muat dalam periode", "en": "does not fit the periods"},
    "not_selected_value": {"id": "nilai per JP lebih rendah", "en": "less value per JP"},
    "not_selected_covered": {"id": "sudah tercakup langkah lain", "en": "covered by other steps"},
    # -- not meant for this learner, or already dealt with ----------------------------
    "not_relevant": {"id": "tidak relevan secara lokal", "en": "not locally relevant"},
    "outside_audience": {"id": "di luar sasaran peserta", "en": "outside the audience"},
    "obligation_of_others": {
        "id": "program wajib jabatan/status lain",
        "en": "compulsory for others",
    },
    "obligation": {
        "id": "program wajib (dicantumkan tersendiri)",
        "en": "compulsory programme (listed separately)",
    },
    "completed": {"id": "sudah diselesaikan", "en": "already completed"},
    "other": {"id": "lainnya", "en": "other"},
}
#: The former name of :data:`KIND_LABELS`.
EXCLUSION_KINDS = KIND_LABELS

#: Kinds that mean the learner cannot take the module (not a choice of the planner, and
#: not a module meant for someone else): what ``Modul Tidak Dapat Diikuti`` counts.
BLOCKING_KINDS = frozenset(
    {
        "connectivity",
        "digital_literacy",
        "longer_than_period",
        "requires",
        "local_elsewhere",
        "not_approved",
    }
)

#: Kinds of modules that are not meant for the learner at all (another audience, another
#: jenjang's compulsory programme) or are dealt with elsewhere (the learner's own
#: compulsory programme, a module already completed): noise in a learner's document.
NOT_FOR_LEARNER_KINDS = frozenset(
    {"outside_audience", "obligation_of_others", "obligation", "completed"}
)

#: Kinds that can explain a path below the yearly minimum.
_SHORTFALL_KINDS = BLOCKING_KINDS | {"not_selected_budget", "not_selected_periods"}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "id"


def exclusion_kind(reason: Any) -> str:
    """The kind of an exclusion reason (a key of :data:`KIND_LABELS`): the reason's own
    ``kind``; ``other`` for a plain string or an unknown kind (reasons stored before
    kinds were).

    >>> from curriculum_tool.domain.reasons import Reason
    >>> exclusion_kind(Reason.of("digital_literacy", need=2, have=1))
    'digital_literacy'
    >>> exclusion_kind("needs low connectivity; 81.08 has none")
    'other'
    """
    kind = getattr(reason, "kind", "") or ""
    return kind if kind in KIND_LABELS else "other"


def _root(reason: Any) -> tuple[str, Mapping[str, Any]]:
    kind = getattr(reason, "kind", "") or ""
    params: Mapping[str, Any] = getattr(reason, "params", {}) or {}
    seen = 0
    while kind == "requires" and seen < 64:  # a stored chain is finite; guard anyway
        why = params.get("why")
        if not isinstance(why, Mapping) or not why.get("kind"):
            break
        kind, params, seen = str(why["kind"]), why.get("params") or {}, seen + 1
    return (kind if kind in KIND_LABELS else "other"), params


def root_kind(reason: Any) -> str:
    """The kind of the root cause: for ``requires``, the kind of the blocking
    prerequisite's own reason (``params["why"]["kind"]``, followed down a chain).

    >>> from curriculum_tool.domain.reasons import Reason
    >>> why = Reason.of("connectivity", need="high", have="none", region="81.08",
    ...                 region_name="Kab. Maluku Barat Daya")
    >>> root_kind(Reason.of("requires", module="DATA-301", why=why.nested()))
    'connectivity'
    """
    return _root(reason)[0]


def root_params(reason: Any) -> Mapping[str, Any]:
    """The parameters of the root cause's reason (see :func:`root_kind`)."""
    return _root(reason)[1]


def kind_label(kind: str, lang: str = "id") -> str:
    """The label of an exclusion kind in ``lang`` (``id`` or ``en``)."""
    return KIND_LABELS.get(kind, KIND_LABELS["other"])[_lang(lang)]


def _blocking_kind(reason: Any) -> str:
    """The kind a report files a blocked module under: a ``requires`` whose root cause is
    itself blocking under that root cause, otherwise the reason's own kind."""
    kind = exclusion_kind(reason)
    if kind == "requires":
        root = root_kind(reason)
        return root if root in BLOCKING_KINDS else kind
    return kind


def _shortfall_item(kind: str, reasons: list[Any], lang: str) -> str:
    """``konektivitas rendah (5 modul)``: one kind of blocker with its count."""
    text = kind_label(kind, lang)
    if kind in ("connectivity", "digital_literacy"):
        have = Counter(
            str(params["have"])
            for r in reasons
            if (params := root_params(r)).get("have") is not None
        )
        if have:
            level = have.most_common(1)[0][0]
            if kind == "connectivity":
                text = (
                    ("tanpa internet" if lang == "id" else "no internet")
                    if level == "none"
                    else ("konektivitas " if lang == "id" else "")
                    + vocabulary_label("connectivity", level, lang)
                    + ("" if lang == "id" else " connectivity")
                )
            else:
                text = (
                    f"literasi digital peserta level {level}"
                    if lang == "id"
                    else f"the learner's digital literacy level {level}"
                )
    count = len(reasons)
    unit = "modul" if lang == "id" else ("module" if count == 1 else "modules")
    return f"{text} ({count} {unit})"


def shortfall_reason(path: LearnerPath, lang: str = "id") -> str:
    """Why ``path`` has fewer JP than its yearly minimum; ``""`` when it has enough.

    The path's own ``below_minimum`` reason when it has one (too few takeable modules, or
    they do not fit the budget and periods), followed by the left-out modules that block
    the learner, counted by kind (connectivity, digital literacy, longer than a period,
    a prerequisite, local to another region, not approved, over the budget, not fitting
    the periods), most frequent first. A module left out for a prerequisite counts under
    that prerequisite's own kind when it is blocking. Paths without ``below_minimum``
    (written before it existed) get ``hanya N JP modul yang dapat diikuti (minimum M JP)``
    and the counts.
    """
    below = path.below_minimum
    if below is None and path.total_jp >= path.min_jp:
        return ""
    lang = _lang(lang)
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for excluded in path.excluded:
        kind = _blocking_kind(excluded.reason)
        if kind in _SHORTFALL_KINDS:
            by_kind[kind].append(excluded.reason)
    order = {kind: rank for rank, kind in enumerate(KIND_LABELS)}
    ranked = sorted(by_kind.items(), key=lambda item: (-len(item[1]), order[item[0]]))
    items = ", ".join(_shortfall_item(kind, reasons, lang) for kind, reasons in ranked)
    if below is not None:
        text = getattr(below, "render", lambda _: str(below))(lang)
        if items:
            text += (". Penghambat: " if lang == "id" else ". Blocked by: ") + items
        return text
    if lang == "id":
        head = f"hanya {path.total_jp} JP modul yang dapat diikuti (minimum {path.min_jp} JP)"
        tail = items or "katalog tidak memiliki cukup modul lain yang dapat diikuti"
    else:
        head = f"only {path.total_jp} JP of takeable modules (minimum {path.min_jp} JP)"
        tail = items or "the catalog has not enough other takeable modules"
    return f"{head}: {tail}"


def obligations_text(path: LearnerPath, lang: str = "id") -> str:
    """The path's outstanding compulsory programmes in one line:
    ``PKP-201 Pelatihan Kepemimpinan Pengawas (PKP), 290 JP``; ``""`` when none."""
    del lang  # module codes, titles and JP read the same in both languages
    return "; ".join(f"{o.module} {o.title}, {o.jp} JP" for o in path.obligations)


# -- what the workspace knows besides the paths ---------------------------------------


@dataclass(frozen=True, slots=True)
class CompetencyGap:
    """One competency a learner falls short of: their level now and the target (the
    maximum of their position's job standard and the regional standards of their region
    and its parents, contract §3)."""

    competency: str
    name: str
    level: int
    target: int

    @property
    def gap(self) -> int:
        return gap(self.target, self.level)


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
    #: Competency code → name.
    competency_names: Mapping[str, str] = field(default_factory=dict)
    #: Module code → ((competency, level taught), …).
    module_competencies: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    #: Learner id → the competencies they fall short of (only when asked for).
    gap_table: Mapping[str, tuple[CompetencyGap, ...]] = field(default_factory=dict)

    @classmethod
    def from_workspace(
        cls,
        workspace: Any,
        unmask: bool = False,
        gaps: bool = True,
        gap_table: bool | Iterable[str] = False,
    ) -> ReportContext:
        """Everything a report needs from ``workspace`` besides the paths.

        ``gaps`` fills the total gap of every learner (the agency summary); ``gap_table``
        the gaps competency by competency (a learner's document) of every learner, or of
        the learner ids given.
        """
        with workspace.engine.connect() as conn:
            learners = workspace.load("learners", conn)
            regions = workspace.load("regions", conn)
            jobs = workspace.load("job_standards", conn)
            modules = workspace.load("modules", conn)
            competencies = workspace.load("competencies", conn)
            key = workspace.get_meta("pseudonym_key", conn) or ""
        names = {c.code: c.name for c in competencies}
        table: dict[str, tuple[CompetencyGap, ...]] = {}
        if gap_table is True:
            table = competency_gaps(workspace, learners, names)
        elif gap_table is not False:
            ids = set(gap_table)
            table = competency_gaps(workspace, [x for x in learners if x.id in ids], names)
        return cls(
            pseudonym_key=key,
            unmask=unmask,
            learners={learner.id: learner for learner in learners},
            region_names={r.code: r.name for r in regions},
            position_titles={j.position: j.title for j in jobs},
            module_titles={m.code: m.title for m in modules},
            total_gaps=learner_gaps(workspace, learners) if gaps else {},
            competency_names=names,
            module_competencies={m.code: tuple(m.competencies) for m in modules},
            gap_table=table,
        )

    def learner_label(self, learner: str) -> str:
        """The id as shown: the learner's pseudonym, or the id itself with ``unmask``."""
        return learner if self.unmask else pseudonym(self.pseudonym_key, learner)

    def learner_name(self, learner: str) -> str:
        """The name as shown (initials only unless ``unmask``); ``""`` when unknown."""
        record = self.learners.get(learner)
        if record is None:
            return ""
        return record.name if self.unmask else mask_name(record.name)

    def supervisor(self, learner: str) -> str | None:
        """The id of the learner's atasan langsung, when the record names one."""
        record = self.learners.get(learner)
        return None if record is None else record.supervisor

    def region_name(self, code: str) -> str:
        return self.region_names.get(code, "")

    def position_title(self, code: str) -> str:
        return self.position_titles.get(code, "")


def _gap_arrays(workspace: Any, learners: Sequence[Learner]):
    """The learners' levels and contract §3 targets as arrays (one shared computation for
    the totals and the per-competency table)."""
    context = CatalogIndex.from_workspace(workspace)
    arrays = context.learner_arrays(learners)
    return context.competency_codes, arrays


def learner_gaps(workspace: Any, learners: Sequence[Learner] | None = None) -> dict[str, float]:
    """Learner id → total gap Σ_c max(0, target(c) − level(c)) (contract §3)."""
    learners = list(workspace.load("learners") if learners is None else learners)
    if not learners:
        return {}
    _, arrays = _gap_arrays(workspace, learners)
    gaps = gap(arrays.targets.astype(np.int32), arrays.levels.astype(np.int32)).sum(axis=1)
    return {str(learner): float(gap) for learner, gap in zip(arrays.ids, gaps)}


def competency_gaps(
    workspace: Any,
    learners: Sequence[Learner] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, tuple[CompetencyGap, ...]]:
    """Learner id → the competencies where their target (contract §3) is above their
    level, by competency code; the same targets as :func:`learner_gaps`."""
    learners = list(workspace.load("learners") if learners is None else learners)
    if not learners:
        return {}
    if names is None:
        names = {c.code: c.name for c in workspace.load("competencies")}
    codes, arrays = _gap_arrays(workspace, learners)
    levels = arrays.levels.astype(np.int32)
    targets = arrays.targets.astype(np.int32)
    gaps = gap(targets, levels)
    table = {}
    for row, learner in enumerate(arrays.ids):
        short = np.flatnonzero(gaps[row])
        table[str(learner)] = tuple(
            CompetencyGap(
                codes[c], names.get(codes[c], codes[c]), int(levels[row, c]), int(targets[row, c])
            )
            for c in short
        )
    return table


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
                blocked[excluded.module][_blocking_kind(excluded.reason)] += 1
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


# -- the workbook ---------------------------------------------------------------------

#: Number formats of columns (by header) in the workbook.
_FORMATS = {
    "Nilai Harapan": "0.00",
    "Cakupan Kesenjangan": "0.0%",
    "Rata-rata Cakupan Kesenjangan": "0.0%",
    "Rata-rata Peluang Berhasil": "0.00",
    "Rata-rata JP": "0.0",
}
_OVERVIEW_FORMATS = {
    "Rata-rata JP per pegawai": "0.0",
    "Persentase di bawah minimum": "0.0%",
    "Rata-rata nilai harapan": "0.00",
    "Rata-rata cakupan kesenjangan": "0.0%",
}
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
        raise CurriculumError(
            f"the summary is a workbook: the file must end in .xlsx, not '{out.name}'"
        )


def write_summary_xlsx(frames: Mapping[str, pd.DataFrame], out: str | os.PathLike[str]) -> None:
    """Write ``frames`` (sheet name → table) as one workbook, atomically and reproducibly
    (the same tables give the same bytes). Every text cell is escaped and typed as text
    (:func:`~curriculum_tool.io.cell_escape.xlsx_value`): a module titled ``=cmd|…`` or a
    learner named ``=HYPERLINK(…)`` never becomes a formula."""
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
        sheet.append([xlsx_value(sheet, c) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for values in frame.itertuples(index=False, name=None):
            sheet.append([xlsx_value(sheet, _cell(v)) for v in values])
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


def write_agency_summary(workspace: Any, out: str | os.PathLike[str], unmask: bool = False) -> int:
    """Summarise the workspace's stored paths into the workbook ``out``; returns how many
    learners it covers. Learner ids and names are masked unless ``unmask``."""
    from ..store.paths import load_paths

    _check_xlsx(Path(out))
    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    if not paths:
        raise CurriculumError(
            "no stored paths in this workspace: run 'batch' (or 'recommend --save') first"
        )
    context = ReportContext.from_workspace(workspace, unmask=unmask)
    write_summary_xlsx(agency_summary(paths, context=context), out)
    return len(paths)

"""A small hand-made catalog and its learners, for the catalog-index and pair-feature tests
(on the path through pytest's ``pythonpath``)."""

from __future__ import annotations

from curriculum_tool.domain import (
    JobStandard,
    Learner,
    Module,
    Prerequisite,
    Region,
    RegionalStandard,
)
from curriculum_tool.index import CatalogIndex


def record(cls, **cells):
    return cls.from_row({column: str(value) for column, value in cells.items()})


def module(code, **cells):
    row = {
        "code": code,
        "title": f"Modul {code}",
        "jp": 8,
        "modality": "klasikal",
        "level": 1,
        "competencies": "",
        "hazards": "",
        "min_connectivity": "none",
        "min_digital_literacy": 0,
        "scope": "national",
        "status": "approved",
        "owner": "",
    }
    return record(Module, **{**row, **cells})


def region(code, parent="", hazards="", connectivity="low", is_3t=0):
    return record(
        Region,
        code=code,
        name=f"Wilayah {code}",
        parent=parent,
        hazards=hazards,
        connectivity=connectivity,
        is_3t=is_3t,
    )


def learner(id_, position, region, literacy, competencies="", completed=""):
    return record(
        Learner,
        id=id_,
        name="X",
        position=position,
        region=region,
        digital_literacy=literacy,
        competencies=competencies,
        completed=completed,
    )


MODULES = [
    module("LD-101", jp=16, competencies="LITDIG:1"),
    module(
        "LD-201",
        jp=12,
        modality="e_learning",
        level=2,
        competencies="LITDIG:2",
        min_connectivity="low",
        min_digital_literacy=2,
    ),
    module("PB-101", jp=24, competencies="PB-KAJI:1", hazards="gempa_bumi;tsunami"),
    module(
        "PB-201",
        jp=32,
        modality="blended",
        level=2,
        competencies="PB-KAJI:2;M.01:3",
        hazards="gempa_bumi",
        min_connectivity="low",
        min_digital_literacy=1,
    ),
    module("PB-LOC", competencies="PB-KAJI:2", hazards="gempa_bumi", scope="72"),
    module("X-DRAFT", competencies="M.01:2", status="draft"),
    module("X-NONE", modality="microlearning", min_connectivity="high"),
]
REGIONS = [
    region("72", hazards="gempa_bumi:0.9;tsunami:0.8", connectivity="low", is_3t=1),
    region("72.71", parent="72", hazards="banjir:0.3", connectivity="low"),
    region("31", hazards="banjir:0.8", connectivity="high"),
]
PREREQUISITES = [
    record(Prerequisite, module="LD-201", requires="LD-101", kind="hard"),
    record(Prerequisite, module="PB-201", requires="PB-101", kind="hard"),
    record(Prerequisite, module="PB-201", requires="LD-101", kind="soft"),
]
JOB_STANDARDS = [
    record(JobStandard, position="analis-kebijakan", title="Analis", competency="M.01", level=3),
    record(JobStandard, position="analis-kebijakan", title="Analis", competency="LITDIG", level=2),
]
REGIONAL_STANDARDS = [
    record(RegionalStandard, region="72", competency="PB-KAJI", level=2, reason="gempa"),
]
LEARNERS = [
    # 0: Palu, literacy 1, LD-101 done
    learner("A", "analis-kebijakan", "72.71", 1, "M.01:1", "LD-101"),
    # 1: Jakarta, literacy 3
    learner("B", "analis-kebijakan", "31", 3, "M.01:2;LITDIG:1;PB-KAJI:1"),
    # 2: the same as B but in Palu, under the province's regional standard
    learner("B-PALU", "analis-kebijakan", "72.71", 3, "M.01:2;LITDIG:1;PB-KAJI:1"),
    # 3: a position without a job standard
    learner("C", "auditor-muda", "31", 0),
]


def sample_index(regions=REGIONS) -> CatalogIndex:
    """The index of the sample catalog (with ``regions`` instead of :data:`REGIONS`)."""
    return CatalogIndex.from_records(
        MODULES, regions, PREREQUISITES, JOB_STANDARDS, REGIONAL_STANDARDS
    )

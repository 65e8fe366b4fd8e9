"""The scenario learners and the extra catalog rows the recommender tests import."""

from __future__ import annotations

#: Managerial and socio-cultural levels at which most positions have no gap left.
FULL = "M.01:3;M.02:3;M.03:3;M.04:3;M.05:3;M.06:3;M.07:3;M.08:3;SK.01:3"
#: A mid-career officer: managerial gaps mostly closed, nothing technical yet.
MID = "M.01:2;M.02:3;M.03:2;M.04:2;M.05:2;M.06:1;M.07:2;M.08:2;SK.01:2"
MID_LOW = "M.01:2;M.02:2;M.03:1;M.04:1;M.05:2;M.06:1;M.07:1;M.08:1;SK.01:1"
POLICY = "M.01:3;M.02:2;M.03:3;M.04:2;M.05:2;M.06:2;M.07:2;M.08:3;SK.01:2;KEB:2;DATA:1;MONEV:1"

LEARNER_HEADER = "id,name,position,region,digital_literacy,competencies,completed\n"
#: id → (position, region, digital literacy, competencies, completed)
SCENARIO_LEARNERS = {
    # a disaster officer in Palu (72.71: high quake/tsunami risk, low connectivity)
    "T-PALU-AK": ("analis-kebencanaan", "72.71", 2, MID + ";LITDIG:2", ""),
    "T-PALU-PK": ("pranata-kebencanaan", "72.71", 1, MID_LOW + ";LITDIG:1", ""),
    # the same pranata in a sub-region of Palu, a sibling regency, and Magelang
    "T-PALUBRT-PK": ("pranata-kebencanaan", "72.71.01", 1, MID_LOW + ";LITDIG:1", ""),
    "T-SIGI-PK": ("pranata-kebencanaan", "72.10", 1, MID_LOW + ";LITDIG:1", ""),
    "T-MGL-PK": ("pranata-kebencanaan", "33.08", 1, MID_LOW + ";LITDIG:1", ""),
    # a policy analyst in Salatiga (33.73: low hazards, high connectivity, no regional
    # standard on it or its province) and the same analyst in Palu
    "T-SLT-KEBIJ": ("analis-kebijakan", "33.73", 3, POLICY + ";LITDIG:3", ""),
    "T-PALU-KEBIJ": ("analis-kebijakan", "72.71", 3, POLICY + ";LITDIG:3", ""),
    # digital literacy 0
    "T-LIT0-REN": ("perencana", "33.73", 0, FULL + ";RENGAR:3;MONEV:2", ""),
    "T-LIT0-ADM": ("pelaksana-administrasi", "95.01", 0, "M.01:1;ADMIN:1", ""),
    # officers in Jakarta Pusat (high connectivity) and Salatiga with literacy 3
    "T-JKT-KOMP": ("pranata-komputer", "31.71", 3, MID + ";LITDIG:3;DATA:1", ""),
    "T-SLT-PBJ": ("pengelola-pengadaan", "33.73", 2, MID + ";LITDIG:2;KEU:1;PBJ:1", ""),
    "T-SLT-SDM": ("analis-sdm-aparatur", "33.73", 2, MID + ";LITDIG:2;ADMIN:1", ""),
    "T-SLT-ADM": ("pelaksana-administrasi", "33.73", 1, "M.01:1;ADMIN:1;LITDIG:1", "LD-101"),
    # found by the property tests (periods > 1 cut paths)
    "T-SUMUT-ADM": ("administrator", "12", 0, "", ""),
    "T-ACEH-AK": ("analis-kebencanaan", "11", 1, "", ""),
}

#: A sub-region of Palu, to check that a local module reaches sub-regions.
EXTRA_REGIONS = (
    "code,name,parent,hazards,connectivity,is_3t\n"
    "72.71.01,Kecamatan Palu Barat (uji),72.71,,low,0\n"
)
#: A local module of Palu teaching two gaps of a pranata-kebencanaan there.
EXTRA_MODULES = (
    "code,title,jp,modality,level,competencies,hazards,min_connectivity,"
    "min_digital_literacy,scope,status,owner\n"
    "PB-PALU-301,Gladi Evakuasi Tsunami Teluk Palu,8,experiential,2,"
    "PB-TANGGAP:2;PB-SIAGA:2,tsunami;gempa_bumi,none,0,72.71,approved,"
    "BPBD-Kota-Palu\n"
)
LOCAL = "PB-PALU-301"
BATCH_EXTRA = 150


def learners_csv(learners: dict[str, tuple]) -> str:
    rows = [
        f"{lid},Peserta Uji {lid},{pos},{region},{lit},{comps},{done}"
        for lid, (pos, region, lit, comps, done) in learners.items()
    ]
    return LEARNER_HEADER + "\n".join(rows) + "\n"


def oracle_learner(learner_id: str):
    """A scenario learner as the oracle sees it."""
    from recommend_oracle import OracleLearner

    position, region, literacy, comps, done = SCENARIO_LEARNERS[learner_id]
    levels = {c: int(v) for c, v in (item.split(":") for item in comps.split(";") if item)}
    return OracleLearner(
        learner_id, position, region, literacy, levels, frozenset(filter(None, done.split(";")))
    )

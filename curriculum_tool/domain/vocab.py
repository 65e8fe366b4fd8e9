"""The contract's closed vocabularies: enumerations, ranges and the code pattern.

Each tuple is ordered as a user would expect it listed (lowest to highest where there is
an order), so the GUI can offer it as is.
"""

from __future__ import annotations

import re

__all__ = [
    "AUDIENCES",
    "CODE_PATTERN",
    "COMPETENCY_GROUPS",
    "CONNECTIVITY",
    "CONNECTIVITY_RANK",
    "DEFAULT_LEARNER_STATUS",
    "DEFAULT_MIN_JP",
    "DIGITAL_LITERACY",
    "DIGITAL_LITERACY_COMPETENCY",
    "HAZARDS",
    "JENJANG",
    "JP_RANGE",
    "LEARNER_STATUSES",
    "LEVELS",
    "MINUTES_PER_JP",
    "MODALITIES",
    "NATIONAL",
    "OBLIGATION_HOLDERS",
    "ONLINE_MODALITIES",
    "PLAN_YEARS",
    "PREREQUISITE_KINDS",
    "REACH",
    "RELEVANT_HAZARD_INDEX",
    "SCORE_RANGE",
    "STATUSES",
]

#: Codes of competencies, modules, regions, positions and learners.
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

COMPETENCY_GROUPS = ("teknis", "manajerial", "sosial_kultural")

#: Learning forms of PerLAN 10/2018 as the contract names them; klasikal first.
MODALITIES = (
    "klasikal",
    "e_learning",
    "blended",
    "microlearning",
    "coaching",
    "mentoring",
    "social_learning",
    "experiential",
)
#: Modalities delivered over the network: they need the learner's own connection and skills.
ONLINE_MODALITIES = ("e_learning", "microlearning")

#: Hazards scored by BNPB's IRBI (gelombang ekstrem dan abrasi as ``abrasi``), and the
#: flash floods and liquefaction that BNPB's InaRISK maps as their own layers.
HAZARDS = (
    "gempa_bumi",
    "tsunami",
    "banjir",
    "tanah_longsor",
    "letusan_gunung_api",
    "kekeringan",
    "cuaca_ekstrem",
    "kebakaran_hutan_lahan",
    "abrasi",
    "banjir_bandang",
    "likuefaksi",
)

#: Jenjang jabatan of a position (PermenPANRB 38/2017 and the JF/JA/JPT ladders), lowest
#: first.
JENJANG = (
    "pelaksana",
    "fungsional_keterampilan",
    "fungsional_ahli",
    "pengawas",
    "administrator",
    "jpt",
)

#: A learner's employment status: CPNS (candidate), PNS, PPPK (contract civil servant).
LEARNER_STATUSES = ("cpns", "pns", "pppk")
#: The status of a learner whose ``status`` cell is empty.
DEFAULT_LEARNER_STATUS = "pns"

#: Who a module is for (contract §2 ``audience``), or whom an obligation binds.
AUDIENCES = JENJANG + LEARNER_STATUSES
#: Who an obligation binds (``obligations.csv`` ``who``): a jenjang key or ``cpns``.
OBLIGATION_HOLDERS = (*JENJANG, "cpns")

#: The reach rule (contract §3): a module lifts a competency from at most this many levels
#: below the level it teaches, or after a rung below it earlier in the same path.
REACH = 2

#: Local relevance (contract §3): a hazard module is offered only where one of its hazards
#: has at least this index in the learner's region.
RELEVANT_HAZARD_INDEX = 0.3

CONNECTIVITY = ("none", "low", "high")
CONNECTIVITY_RANK = {name: rank for rank, name in enumerate(CONNECTIVITY)}

STATUSES = ("draft", "review", "approved")
PREREQUISITE_KINDS = ("hard", "soft")

#: The ``scope`` of a module offered everywhere.
NATIONAL = "national"

#: Proficiency levels of PermenPANRB 38/2017.
LEVELS = range(1, 6)
#: 0 none, 1 basic (typing, e-mail), 2 intermediate (office tools), 3 advanced (data analysis).
DIGITAL_LITERACY = range(4)
#: Jam pelajaran of one module.
JP_RANGE = range(1, 401)
#: Kirkpatrick l1 (reaction) and l2 (post-test) scores.
SCORE_RANGE = range(101)

#: The dictionary's digital-literacy competency: a learner at digital literacy 0 whose
#: gap-closing modules need more is first given a module teaching it (level 1+).
DIGITAL_LITERACY_COMPETENCY = "LITDIG"

#: Yearly minimum of competency development per civil servant (PP 11/2017).
DEFAULT_MIN_JP = 20

#: The plan years a path may be for.
PLAN_YEARS = range(2000, 2101)
#: 1 JP = 45 minutes is the usual diklat convention, not a verified rule: a setting.
MINUTES_PER_JP = 45

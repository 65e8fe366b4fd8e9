"""Real records no one here generated: the Open University Learning Analytics Dataset.

Maps OULAD (``../shared/data/oulad``, CC BY 4.0, Kuzilek et al. 2017) onto the
contract's files, then runs the normal commands on them: ``init --empty``, ``import``
of every file, ``train --target completed``. The metrics against the baselines are
recorded in ``benchmarks/results/oulad.md``.

    python benchmarks/oulad_adapter.py [--data ../shared/data/oulad] [--out FILE]

Mapping (OULAD has no workplace application, so the target is completion):

- module presentation → an outcome of module ``OU-<code_module>`` (e-learning, one
  competency ``OUC-<code_module>`` at level 2), dated at the presentation's start
  (``B`` = 1 February, ``J`` = 1 October) plus the registration day; ``Pass`` and
  ``Distinction`` are completed 1, ``Fail`` and ``Withdrawn`` completed 0; ``l2`` is the
  student's mean assessment score where there is one;
- UK region → a province-level region ``UK01``…; each region × deprivation decile
  (``imd_band``) → a sub-region ``UK01.01``…, connectivity ``low`` for the two most
  deprived deciles, 3T for the most deprived; unknown band → the region itself;
- highest education on entry → digital literacy (no formal 0, below A level 1,
  A level 2, higher education 3); age band → a position with a job standard asking
  level 2 of every OU competency; a learner's first presentation gives these.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _results import emit  # noqa: E402

sys.path.insert(0, str(ROOT))

from curriculum_tool.model.report import metrics_text  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "oulad"

LITERACY = {
    "No Formal quals": 0,
    "Lower Than A Level": 1,
    "A Level or Equivalent": 2,
    "HE Qualification": 3,
    "Post Graduate Qualification": 3,
}
POSITIONS = {"0-35": "ou-usia-0-35", "35-55": "ou-usia-35-55", "55<=": "ou-usia-55"}


def _read(data: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(data / f"{name}.csv", dtype=str, keep_default_na=False)


def _start(presentation: str) -> dt.date:
    return dt.date(int(presentation[:4]), 2 if presentation[4] == "B" else 10, 1)


def convert(data: Path, out: Path) -> dict[str, int]:
    """Write the contract files for OULAD into ``out``; returns row counts."""
    info = _read(data, "studentInfo")
    registration = _read(data, "studentRegistration")
    scores = _read(data, "studentAssessment")
    courses = _read(data, "courses")
    out.mkdir(parents=True, exist_ok=True)

    modules = sorted(courses["code_module"].unique())
    length = (
        courses.assign(days=courses["module_presentation_length"].astype(int))
        .groupby("code_module")["days"]
        .mean()
    )
    pd.DataFrame(
        {
            "code": [f"OUC-{m}" for m in modules],
            "name": [f"Open University module {m}" for m in modules],
            "group": "teknis",
            "description": "OULAD (CC BY 4.0)",
        }
    ).to_csv(out / "competencies.csv", index=False)
    pd.DataFrame(
        {
            "code": [f"OU-{m}" for m in modules],
            "title": [f"OU {m}" for m in modules],
            "jp": [min(400, round(length[m] / 2)) for m in modules],
            "modality": "e_learning",
            "level": 2,
            "competencies": [f"OUC-{m}:2" for m in modules],
            "hazards": "",
            "min_connectivity": "low",
            "min_digital_literacy": 1,
            "scope": "national",
            "status": "approved",
            "owner": "Open University (OULAD)",
        }
    ).to_csv(out / "modules.csv", index=False)

    uk = sorted(info["region"].unique())
    uk_code = {name: f"UK{i + 1:02d}" for i, name in enumerate(uk)}
    bands = sorted(b for b in info["imd_band"].unique() if b)
    decile = {b: int(b.split("-")[0]) // 10 + 1 for b in bands}  # '10-20' quirk included
    regions = [
        {
            "code": uk_code[r],
            "name": r,
            "parent": "",
            "hazards": "",
            "connectivity": "high",
            "is_3t": 0,
        }
        for r in uk
    ]
    for r in uk:
        for d in sorted(set(decile.values())):
            regions.append(
                {
                    "code": f"{uk_code[r]}.{d:02d}",
                    "name": f"{r}, IMD decile {d}",
                    "parent": uk_code[r],
                    "hazards": "",
                    "connectivity": "low" if d <= 2 else "high",
                    "is_3t": int(d == 1),
                }
            )
    pd.DataFrame(regions).to_csv(out / "regions.csv", index=False)
    pd.DataFrame(
        [
            {
                "position": p,
                "title": f"Peserta OU usia {band}",
                "competency": f"OUC-{m}",
                "level": 2,
            }
            for band, p in POSITIONS.items()
            for m in modules
        ]
    ).to_csv(out / "job_standards.csv", index=False)

    info = info.merge(registration, on=["code_module", "code_presentation", "id_student"])
    info["learner"] = "OU-" + info["id_student"]
    info["start"] = info["code_presentation"].map(_start)
    offset = pd.to_numeric(info["date_registration"], errors="coerce").fillna(0).clip(lower=-60)
    info["date"] = [s + dt.timedelta(days=int(o)) for s, o in zip(info["start"], offset)]
    info = info.sort_values(["learner", "date"], kind="stable")
    first = info.drop_duplicates("learner")
    region = [
        f"{uk_code[r]}.{decile[b]:02d}" if b else uk_code[r]
        for r, b in zip(first["region"], first["imd_band"])
    ]
    pd.DataFrame(
        {
            "id": first["learner"],
            "name": "Mahasiswa OU (anonim)",
            "position": first["age_band"].map(POSITIONS),
            "region": region,
            "digital_literacy": first["highest_education"].map(LITERACY),
            "competencies": "",
            "completed": "",
        }
    ).to_csv(out / "learners.csv", index=False)

    scores = scores[scores["score"] != ""].assign(score=lambda f: f["score"].astype(float))
    assessments = _read(data, "assessments")[["id_assessment", "code_module", "code_presentation"]]
    mean_score = (
        scores.merge(assessments, on="id_assessment")
        .groupby(["code_module", "code_presentation", "id_student"])["score"]
        .mean()
        .round()
        .astype(int)
        .rename("l2")
        .reset_index()
    )
    info = info.merge(mean_score, on=["code_module", "code_presentation", "id_student"], how="left")
    completed = info["final_result"].isin(["Pass", "Distinction"]).astype(int)
    outcomes = pd.DataFrame(
        {
            "learner": info["learner"],
            "module": "OU-" + info["code_module"],
            "date": [d.isoformat() for d in info["date"]],
            "completed": completed,
            "l1": "",
            "l2": info["l2"].astype("Int64"),
            "l3": "",
            "l4": "",
        }
    )
    outcomes = outcomes.drop_duplicates(["learner", "module", "date"])
    outcomes.to_csv(out / "outcomes.csv", index=False)
    return {
        "learners": len(first),
        "outcomes": len(outcomes),
        "modules": len(modules),
        "regions": len(regions),
    }


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:1])} failed: {done.stderr.strip()}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not (args.data / "studentInfo.csv").is_file():
        print(f"OULAD not found in {args.data}; nothing to do", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        counts = convert(args.data, folder / "files")
        workspace = str(folder / "oulad.sqlite")
        run("init", workspace, "--empty")
        for kind in ("competencies", "regions", "modules", "job_standards", "learners", "outcomes"):
            run("import", workspace, kind, str(folder / "files" / f"{kind}.csv"))
        card = json.loads(
            run(
                "train",
                workspace,
                "--target",
                "completed",
                "--seed",
                str(args.seed),
                "--name",
                "oulad",
                "--models-dir",
                str(folder / "models"),
                "--format",
                "json",
            )
        )
    m = card["metrics"]
    lines = [
        "# OULAD: the pipeline on real records",
        "",
        "Command: `python benchmarks/oulad_adapter.py"
        + (f" --out {args.out}`" if args.out else "`"),
        "",
        f"Open University Learning Analytics Dataset (CC BY 4.0): {counts['learners']:,} "
        f"students, {counts['outcomes']:,} module presentations, {counts['modules']} "
        f"modules, mapped onto {counts['regions']} regions (see the script's docstring), "
        "imported and trained through the normal `init`, `import` and "
        "`train --target completed` commands.",
        "",
        "| held out | AUC | log loss | Brier | ECE |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, s in [("model", m["model"]), *m["baselines"].items()]:
        lines.append(
            f"| {name} | {s['auc']:.4f} | {s['log_loss']:.4f} | {s['brier']:.4f} | {s['ece']:.4f} |"
        )
    lines += [
        "",
        f"Split: cut-off {card['evaluation']['cutoff']}, "
        f"{card['evaluation']['train_rows']:,} training and "
        f"{card['evaluation']['test_rows']:,} held-out rows.",
        "",
        "`train` output (the same card as text):",
        "",
        "```",
        metrics_text(card),
        "```",
        "",
    ]
    emit("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

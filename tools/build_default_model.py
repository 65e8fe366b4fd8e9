"""Rebuild the shipped default model: ``python tools/build_default_model.py --out models``.

Simulates learners over the shipped catalog (docs/simulator.md), imports them into a
throwaway workspace, trains with the normal ``train`` code and writes
``models/default.skops`` and its card ``models/default.json``. Written into the shipped
``models/`` folder, it also records their digest in ``curriculum_tool/model/shipped.py``,
which ``init`` checks before it installs the model. The trained model is deterministic for
a given seed and library versions; the archive's bytes are not (skops names the arrays
inside it after object ids), so each rebuild records a new digest.

A build step, not part of the package: it uses the simulator, the catalog seeding and the
trainer together, which the package's layers keep apart (about 40 s on 2 cores).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curriculum_tool.catalog import create_workspace  # noqa: E402
from curriculum_tool.io import import_file  # noqa: E402
from curriculum_tool.io.atomic import atomic_output  # noqa: E402
from curriculum_tool.model.card_text import SAID as CARD_SAID  # noqa: E402
from curriculum_tool.model.persist import (  # noqa: E402
    SUFFIX,
    model_bytes,
    model_digest,
    write_model_files,
)
from curriculum_tool.model.train import train  # noqa: E402
from curriculum_tool.shipped_files import DEFAULT_MODEL, catalog_dir  # noqa: E402
from curriculum_tool.simulate import simulate_to_dir  # noqa: E402

__all__ = ["SHIPPED_MODELS", "SHIPPED_MODULE", "build_default_model", "record_digest"]

#: The ``models/`` folder that ships with the package (source checkout).
SHIPPED_MODELS = ROOT / "models"
#: The module holding the shipped model's digest, rewritten by :func:`record_digest`.
SHIPPED_MODULE = ROOT / "curriculum_tool" / "model" / "shipped.py"


def record_digest(sha256: str, module: Path = SHIPPED_MODULE) -> None:
    """Rewrite ``DEFAULT_MODEL_SHA256`` in ``shipped.py``, keeping its docstring."""
    text = module.read_text(encoding="utf-8")
    head = text[: text.index("DEFAULT_MODEL_SHA256")]
    with atomic_output(module, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f'{head}DEFAULT_MODEL_SHA256 = "{sha256}"\n')


def _progress(done: int, total: int, stage: str) -> None:
    print(f"{done}/{total} {stage}", flush=True)


def build_default_model(
    out_dir: Path, learners: int = 20_000, seed: int = 0, record: bool = False
) -> dict:
    """Train the default model on simulated data; returns its card. With ``record`` the
    digest is written to ``shipped.py`` too."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        simulate_to_dir(folder / "sim", learners, seed)
        with create_workspace(folder / "w.sqlite", directory=catalog_dir()) as workspace:
            import_file(workspace, "learners", folder / "sim" / "learners.csv")
            import_file(workspace, "outcomes", folder / "sim" / "outcomes.csv")
            truth = pd.read_csv(folder / "sim" / "truth.csv")
            result = train(workspace, "l3", seed, truth, progress=_progress)
    payload = model_bytes(result.model)
    card = {
        **result.card,
        "name": DEFAULT_MODEL,
        # English in the card; the app reads the Indonesian from it (model.card_text)
        "training_data": CARD_SAID("training_data_simulated", learners=learners, seed=seed),
        "feature_notes": CARD_SAID("feature_notes_hazards"),
    }
    card["sha256"] = model_digest(payload, card)
    write_model_files(out_dir, DEFAULT_MODEL, payload, card)
    if record:
        record_digest(card["sha256"])
    return card


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models"))
    parser.add_argument("--learners", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    record = args.out.resolve() == SHIPPED_MODELS
    card = build_default_model(args.out, args.learners, args.seed, record)
    print(
        f"wrote {args.out / DEFAULT_MODEL}{SUFFIX} (sha256 {card['sha256'][:12]}…): "
        f"held-out AUC {card['metrics']['model']['auc']:.3f}, "
        f"ceiling {card['metrics']['ceiling_auc']:.3f}"
    )
    print(
        f"recorded its digest in {SHIPPED_MODULE.name}"
        if record
        else f"{args.out} is not the shipped models/ folder: its digest was not recorded "
        f"in {SHIPPED_MODULE.name}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

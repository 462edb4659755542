"""The stages depend only on the stages before them (README, Architecture):
what each package of src/aidwatch imports from the others, read from its
source. A stage that reaches forward (the store importing the extractor,
scoring importing the CLI) fails here, naming the module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "aidwatch"

# Below every stage: any stage may import these (they import none of the stages).
BASE = {"model", "errors", "textnorm", "catalog"}

# (stage, the stages it may import besides BASE)
LAYERS = [
    ("model", set()),
    ("errors", set()),
    ("textnorm", set()),
    ("catalog", set()),
    ("ingest", set()),
    ("extract", set()),
    ("dedup", set()),
    ("evaluate", set()),
    ("store", {"dedup"}),
    ("run", {"ingest", "extract", "dedup", "store"}),
    ("tracker", {"store"}),
    ("web", {"store", "tracker"}),
    ("train", {"ingest", "extract", "evaluate"}),
    ("output", {"evaluate"}),
]


def imported_stages(stage: str) -> dict[str, str]:
    """Each aidwatch stage the stage's modules import, with one module that does."""
    path = PACKAGE / stage
    modules = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    found: dict[str, str] = {}
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "aidwatch" and len(parts) > 1 and parts[1] != stage:
                    found.setdefault(parts[1], str(module.relative_to(PACKAGE)))
                    break
    return found


@pytest.mark.parametrize(("stage", "allowed"), LAYERS, ids=[stage for stage, _ in LAYERS])
def test_a_stage_imports_only_the_stages_before_it(stage, allowed):
    imported = imported_stages(stage)
    assert {s: m for s, m in imported.items() if s not in BASE | allowed} == {}


def test_every_stage_has_its_layer():
    stages = {
        p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert stages - {"__init__", "__main__", "cli"} <= {stage for stage, _ in LAYERS}

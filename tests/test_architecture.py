"""The package's folders are the pipeline's stages, and imports point one way along them."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPOSITORY

pytestmark = pytest.mark.unit

PACKAGE = REPOSITORY / "digit_clustering"
# Each stage may import the ones before it, never one after it (docs/architecture.md).
STAGES = [
    "jobs",
    "tables",
    "data",
    "prepare",
    "methods",
    "study",
    "evaluation",
    "figures",
    "headline",
    "report",
]
SOURCES = sorted(PACKAGE.rglob("*.py"))


def stage_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_stages(path: Path) -> set[str]:
    stages = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE.name + "."):
            stages.add(node.module.split(".")[1])
    return stages


@pytest.mark.parametrize("path", [p for p in SOURCES if stage_of(p) in STAGES], ids=str)
def test_a_module_imports_only_its_own_stage_and_the_stages_before_it(path):
    own = STAGES.index(stage_of(path))
    later = {stage for stage in imported_stages(path) if STAGES.index(stage) > own}
    assert not later, f"{path.relative_to(REPOSITORY)} imports later stages {later}"


def test_every_module_belongs_to_a_stage_and_stays_small():
    for path in SOURCES:
        assert stage_of(path) in STAGES or path.name == "__init__.py", path
        assert len(path.read_text().splitlines()) <= 300, f"{path} is over 300 lines"


@pytest.mark.parametrize("package", [p.parent for p in PACKAGE.glob("*/__init__.py")], ids=str)
def test_package_init_files_hold_a_docstring_only(package):
    tree = ast.parse((package / "__init__.py").read_text())
    assert len(tree.body) == 1 and isinstance(tree.body[0].value, ast.Constant)


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        ("digit_clustering.study.study", ("sklearn", "pandas", "matplotlib", "umap", "scipy")),
        ("digit_clustering.study.codec", ("yaml", "jsonschema", "numpy", "pyarrow")),
        (
            "digit_clustering.evaluation.evaluate",
            ("sklearn", "scipy", "pandas", "matplotlib", "umap"),
        ),
        ("digit_clustering.evaluation.agreement", ("sklearn", "scipy", "matplotlib")),
        ("digit_clustering.figures.run_figures", ("sklearn", "umap", "pandas", "plotly")),
        ("digit_clustering.figures.scatter3d", ("plotly", "matplotlib")),
        ("digit_clustering.report.step", ("sklearn", "scipy", "umap", "plotly")),
    ],
)
def test_a_module_imports_no_library_it_does_not_use(module, absent):
    code = f"import sys, {module}; print(sorted({{m.split('.')[0] for m in sys.modules}}))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert not [library for library in absent if f"'{library}'" in loaded], loaded

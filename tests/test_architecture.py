"""The package's folders are the pipeline's stages, imports point one way along them, and
modules, classes and package `__init__` files stay small."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPOSITORY

pytestmark = pytest.mark.unit

PACKAGE = REPOSITORY / "digit_clustering"
ARCHITECTURE = REPOSITORY / "docs" / "architecture.md"
SOURCES = sorted(PACKAGE.rglob("*.py"))
MAX_FILE_LINES = 300
MAX_CLASS_LINES = 150
SIZED_FILES = sorted(
    [
        *SOURCES,
        *(REPOSITORY / "scripts").rglob("*.py"),
        *(REPOSITORY / "bench").rglob("*.py"),
        *(REPOSITORY / "rules").glob("*.smk"),
        REPOSITORY / "Snakefile",
    ]
)
SIZED_CLASSES = sorted([*SOURCES, *(REPOSITORY / "bench").rglob("*.py")])


def stage_order() -> list[str]:
    """The stages, first to last, as docs/architecture.md chains them: `jobs` <- `tables` <-
    ... (the one place the order is written down)."""
    text = " ".join(ARCHITECTURE.read_text().split())
    chain = re.search(r"`\w+`(?:\s*<-\s*`\w+`)+", text)
    assert chain, f"{ARCHITECTURE.relative_to(REPOSITORY)} chains no stages as `a` <- `b` <- ..."
    stages = re.findall(r"`(\w+)`", chain.group())
    missing = [
        s for s in stages if not (PACKAGE / s).is_dir() and not (PACKAGE / f"{s}.py").exists()
    ]
    assert not missing, f"stages {missing} of {ARCHITECTURE.name} are not in {PACKAGE.name}/"
    return stages


STAGES = stage_order()


def relative(path: Path) -> str:
    return path.relative_to(REPOSITORY).as_posix()


def stage_of(path: Path) -> str | None:
    """The stage a package file belongs to (None for the package's own `__init__.py`)."""
    parts = path.relative_to(PACKAGE).parts
    return None if parts == ("__init__.py",) else parts[0].removesuffix(".py")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPOSITORY).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, dotted name) of everything `source` (the text of `module`) imports, anywhere in
    it: `import a.b [as c]`, `from a.b import c` (as `a.b.c`, which is a submodule or a name of
    `a.b`), and relative imports resolved against the module's package."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                if node.level > len(parts):
                    raise ValueError(f"{module}:{node.lineno}: relative import beyond the top")
                above = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{above}.{base}" if base else above
            found += [
                (node.lineno, base if alias.name == "*" else f"{base}.{alias.name}")
                for alias in node.names
            ]
    return sorted(found)


def stage_imported(name: str) -> str | None:
    """The stage of the package a dotted name lies in; None outside the package's stages."""
    parts = name.split(".")
    return parts[1] if parts[0] == PACKAGE.name and len(parts) > 1 else None


def test_the_import_reader_sees_every_form_of_import():
    source = """
import os
import digit_clustering.jobs.atomic
import digit_clustering.tables as tables
from digit_clustering import data
from digit_clustering.features.pca import pca
from . import captions
from .style import save
from .. import methods
from ..settings.codec import decode
from ..evaluation import *

def later():
    import digit_clustering.headline.choice as choice
    from digit_clustering import report
"""
    found = imports(source, "digit_clustering.figures.style")
    names = [name for _, name in found]
    assert names[0] == "os"
    assert [stage_imported(name) for name in names[1:]] == [
        "jobs",
        "tables",
        "data",
        "features",
        "figures",
        "figures",
        "methods",
        "settings",
        "evaluation",
        "headline",
        "report",
    ]
    assert ("digit_clustering.evaluation", 11) in [(name, line) for line, name in found]
    assert imports("from . import style", "digit_clustering.figures", is_package=True) == [
        (1, "digit_clustering.figures.style")
    ]
    with pytest.raises(ValueError, match="beyond the top"):
        imports("from ... import x", "digit_clustering.figures.style")


@pytest.mark.parametrize("path", SOURCES, ids=relative)
def test_a_module_imports_only_its_own_stage_and_the_stages_before_it(path):
    own = stage_of(path)
    rank = STAGES.index(own) if own in STAGES else -1
    broken = []
    for line, name in imports(path.read_text(), module_name(path), path.name == "__init__.py"):
        stage = stage_imported(name)
        if stage is None:
            continue
        if stage not in STAGES:
            broken.append(f"{relative(path)}:{line} imports {name}, which is in no stage")
        elif STAGES.index(stage) > rank:
            broken.append(
                f"{relative(path)}:{line} imports {name}: stage {stage!r} comes after "
                f"{own or 'the package itself'!r}, and imports point only to earlier stages "
                f"({' <- '.join(STAGES)})"
            )
    assert not broken, "\n".join(broken)


def test_every_module_belongs_to_a_stage():
    strays = [relative(p) for p in SOURCES if stage_of(p) is not None and stage_of(p) not in STAGES]
    assert not strays, f"modules outside the stages {STAGES}: {strays}"


def test_every_source_file_stays_small():
    long = [
        f"{relative(path)}: {lines} lines, over the limit of {MAX_FILE_LINES}"
        for path in SIZED_FILES
        if (lines := len(path.read_text().splitlines())) > MAX_FILE_LINES
    ]
    assert not long, "\n".join(long)


def test_every_class_stays_small():
    long = [
        f"{relative(path)}:{node.lineno} class {node.name}: {size} lines, over the limit of "
        f"{MAX_CLASS_LINES}"
        for path in SIZED_CLASSES
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef)
        and (size := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES
    ]
    assert not long, "\n".join(long)


@pytest.mark.parametrize("init", sorted(PACKAGE.rglob("__init__.py")), ids=relative)
def test_package_init_files_hold_a_docstring_only(init):
    body = ast.parse(init.read_text()).body
    docstring = (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )
    assert docstring, f"{relative(init)}:1 has no docstring; a package __init__ holds one only"
    extra = body[1:]
    assert not extra, (
        f"{relative(init)}:{extra[0].lineno} holds more than its docstring; a package "
        "__init__ holds a docstring only, so importing a stage loads nothing else"
    )


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        ("digit_clustering.study.study", ("sklearn", "pandas", "matplotlib", "umap", "scipy")),
        ("digit_clustering.settings.codec", ("yaml", "jsonschema", "numpy", "pyarrow")),
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

"""The code digest reads a job's imports from the text of its modules, and the folders they read.

The tests that edit files edit copies of the package and the scripts (`workflow`), never the
repository.
"""

import ast
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPOSITORY

from digit_clustering.jobs import code, data_paths
from digit_clustering.methods.registry import module_name

pytestmark = pytest.mark.unit

CACHED = (code.source, code.imported_files, code.data_files, code.code_digest)


@pytest.fixture
def fresh():
    """The digest's caches emptied before and after a test that writes or edits files."""
    for cached in CACHED:
        cached.cache_clear()
    yield
    for cached in CACHED:
        cached.cache_clear()


@pytest.fixture
def workflow(tmp_path, monkeypatch, fresh) -> Path:
    """A copy of the package and the scripts, which the digest reads instead of the repository."""
    for name in ("digit_clustering", "scripts"):
        shutil.copytree(
            REPOSITORY / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    monkeypatch.setattr(code, "PACKAGE", tmp_path / "digit_clustering")
    monkeypatch.setattr(data_paths, "PACKAGE", tmp_path / "digit_clustering")
    return tmp_path


def package_files(files, package: Path = code.PACKAGE) -> set[str]:
    """Files of the package by their path in it (``methods/kmeans.py``)."""
    return {path.relative_to(package).as_posix() for path in files if path.is_relative_to(package)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def append(path: Path, text: str = "\n# an edit\n") -> None:
    path.write_text(path.read_text() + text)
    for cached in CACHED:
        cached.cache_clear()


def test_every_rule_that_runs_a_script_carries_the_digest_of_its_code():
    rules = "\n".join(path.read_text() for path in sorted((REPOSITORY / "rules").glob("*.smk")))
    # a rule made for each kind of space names its script and code by the kind
    kind = re.compile(r"\{[^}]*\}")
    scripts = [
        kind.sub("{kind}", name)
        for name in re.findall(r'script:\n(?:\s+#.*\n)?\s+"\.\./scripts/([\w{}.]+)\.py"', rules)
    ]
    coded = [
        kind.sub("{kind}", quoted) if quoted else "{kind}"
        for quoted, named in re.findall(r'code=code\((?:f?"([\w{}]+)"|(kind_name)[,)])', rules)
    ]
    # a download is pinned by its checksum, whatever code fetched it
    assert set(scripts) - set(coded) == {"download"}
    assert set(coded) <= set(scripts)


# The import reader


def test_an_import_inside_a_function_counts(tmp_path):
    text = "def fit(x):\n    import digit_clustering.methods.gmm\n    from sklearn import cluster\n"
    names = code.imported_names(text)
    assert names == {"digit_clustering.methods.gmm", "sklearn", "sklearn.cluster"}
    script = write(tmp_path / "scripts" / "job.py", text)
    assert "methods/gmm.py" in package_files(code.imported_files(script))


def test_a_parenthesised_import_over_lines_names_every_name():
    text = (
        "from digit_clustering.methods.method import (\n"
        "    CLUSTERS,  # a comment\n"
        "    Method as Declared,\n"
        "    Parameter,\n"
        ")\n"
        "x = 1\n"
    )
    names = code.imported_names(text)
    assert {
        "digit_clustering.methods.method",
        "digit_clustering.methods.method.CLUSTERS",
        "digit_clustering.methods.method.Method",
        "digit_clustering.methods.method.Parameter",
    } <= names
    assert not any("comment" in name or "Declared" in name or name == "x" for name in names)


def test_an_aliased_dotted_import_names_the_module_not_its_alias():
    names = code.imported_names("import digit_clustering.methods.kmeans as km, numpy as np\n")
    assert names == {"digit_clustering.methods.kmeans", "numpy"}


def test_relative_imports_and_import_in_text_are_not_imports():
    text = 'from . import sibling\nmessage = "import this"\n# from os import path\n'
    assert code.imported_names(text) == set()


def test_importing_a_submodule_from_a_package_reads_the_submodule(tmp_path):
    script = write(tmp_path / "scripts" / "job.py", "from digit_clustering.methods import kmeans\n")
    assert package_files(code.imported_files(script)) == {
        "__init__.py",
        "methods/__init__.py",
        "methods/kmeans.py",
    }


def test_importing_a_name_from_a_module_reads_that_module_only(tmp_path):
    script = write(
        tmp_path / "scripts" / "job.py",
        "from digit_clustering.methods.kmeans import from_fitted_centroids\n",
    )
    assert package_files(code.imported_files(script)) == {
        "__init__.py",
        "methods/__init__.py",
        "methods/kmeans.py",
    }


def test_modules_outside_the_package_are_not_followed(tmp_path):
    script = write(tmp_path / "scripts" / "job.py", "import numpy\nfrom sklearn import cluster\n")
    assert code.imported_files(script) == frozenset()
    assert code.closure(script) == {script.resolve()}


def test_imports_are_followed_transitively():
    files = package_files(code.closure(REPOSITORY / "scripts" / "cluster.py"))
    assert {"jobs/context.py", "methods/fitting.py", "methods/registry.py"} <= files


# A method's module, loaded by name, joins its fitting jobs


def test_the_heldout_code_of_minibatch_kmeans_includes_the_kmeans_module_it_imports():
    heldout = REPOSITORY / "scripts" / "heldout.py"
    files = package_files(code.code_files(heldout, module_name("minibatch_kmeans")))
    assert {"methods/minibatch_kmeans.py", "methods/kmeans.py"} <= files
    assert "methods/minibatch_kmeans.py" not in package_files(code.code_files(heldout))
    assert "methods/gmm.py" not in files


def test_editing_kmeans_changes_the_heldout_code_of_minibatch_kmeans_not_of_gmm(workflow):
    heldout = workflow / "scripts" / "heldout.py"
    before = {
        method: code.code_digest(heldout, module_name(method))
        for method in ("kmeans", "minibatch_kmeans", "gmm")
    }
    append(workflow / "digit_clustering" / "methods" / "kmeans.py")
    after = {method: code.code_digest(heldout, module_name(method)) for method in before}
    assert {method for method in before if before[method] != after[method]} == {
        "kmeans",
        "minibatch_kmeans",
    }


# The folders a module reads beside it


def test_the_report_and_captions_folders_are_part_of_the_reports_code_only():
    templates = REPOSITORY / "digit_clustering" / "report" / "templates"
    captions = REPOSITORY / "digit_clustering" / "figures" / "captions"
    expected = {path for folder in (templates, captions) for path in folder.rglob("*")}
    assert {path.suffix for path in expected} >= {".j2", ".css", ".js", ".rst"}
    report = code.code_files(REPOSITORY / "scripts" / "report.py")
    assert {path for path in report if path.suffix not in {".py"}} == expected
    for script in sorted((REPOSITORY / "scripts").glob("*.py")):
        if script.stem != "report":
            assert all(path.suffix == ".py" for path in code.code_files(script)), script.stem


def test_a_named_folders_files_join_at_any_depth_and_nothing_beside_them(tmp_path, fresh):
    scripts = tmp_path / "scripts"
    script = write(
        scripts / "job.py",
        'from pathlib import Path\n\nTEMPLATES = Path(__file__).parent / "templates"\n',
    )
    top = write(scripts / "templates" / "page.html.j2", "<p>{{ x }}</p>\n")
    deep = write(scripts / "templates" / "parts" / "style.css", "p { color: red }\n")
    outside = write(scripts / "notes.txt", "not read\n")
    other = write(scripts / "templates_old" / "page.html.j2", "not named\n")
    assert code.code_files(script) == {script.resolve(), top, deep}

    def digest_after(edit: Path | None) -> str:
        if edit is not None:
            append(edit, "<!-- an edit -->\n")
        return code.code_digest(script)

    first = digest_after(None)
    assert digest_after(outside) == first
    assert digest_after(other) == first
    edited_top = digest_after(top)
    assert edited_top != first
    assert digest_after(deep) != edited_top


def test_a_new_file_in_a_named_folder_changes_the_digest(tmp_path, fresh):
    script = write(tmp_path / "scripts" / "job.py", 'DATA = Path(__file__).parent / "data"\n')
    write(tmp_path / "scripts" / "data" / "a.rst", "A\n")
    before = code.code_digest(script)
    write(tmp_path / "scripts" / "data" / "b.rst", "")
    for cached in CACHED:
        cached.cache_clear()
    assert code.code_digest(script) != before


# How a module names its folder: every spelling that names one is followed, the others refused

# The lines every module below starts with; the spelling under test is on the line after them.
PRELUDE = """import importlib.resources
import os
from importlib import resources
from importlib.resources import files
from pathlib import Path

from digit_clustering import report as html

FOLDER = "templates"
HERE = Path(__file__).parent
"""
TEMPLATES = {"templates/page.html.j2", "templates/parts/style.css"}
PARTS = {"templates/parts/style.css"}
SPELLINGS = {
    'Path(__file__).parent / "templates"': TEMPLATES,
    'Path(__file__).parent.joinpath("templates")': TEMPLATES,
    'Path(__file__).resolve().parent / "templates"': TEMPLATES,
    'Path(__file__).absolute().parents[0] / "templates"': TEMPLATES,
    'Path(__file__).parents[1] / "report" / "templates"': TEMPLATES,
    'Path(__file__).with_name("templates")': TEMPLATES,
    'Path(__file__, "..", "templates")': TEMPLATES,
    'os.path.join(os.path.dirname(__file__), "templates")': TEMPLATES,
    'os.path.join(os.path.dirname(os.path.realpath(__file__)), "templates")': TEMPLATES,
    'Path(os.path.abspath(__file__)).parent / "templates"': TEMPLATES,
    'Path(__file__).parent / "templates" / "parts"': PARTS,
    'Path(__file__).parent.joinpath("templates", "parts")': PARTS,
    'Path(__file__).parent / "templates" / "page.html.j2"': {"templates/page.html.j2"},
    "Path(__file__).parent / FOLDER": TEMPLATES,
    'HERE / "templates"': TEMPLATES,
    'HERE.joinpath(FOLDER, "parts")': PARTS,
    'files("digit_clustering.report") / "templates"': TEMPLATES,
    'importlib.resources.files(__package__).joinpath("templates")': TEMPLATES,
    'resources.files(__name__) / "templates" / "parts"': PARTS,
}
NOT_DATA = [
    "Path(__file__).parent",
    "Path(__file__).resolve().parents[1]",
    'sorted(Path(__file__).parent.glob("*.py"))',
    "[path.stem for path in HERE.iterdir()]",
    "HERE.joinpath(*parts)",
    "Path(__file__).name",
    "open(__file__).read()",
    'Path("templates")',
    'Path(__file__).parents[2] / "results"',
    'files("numpy") / "core"',
]
REFUSED = [
    "Path(__file__).parent / name",
    'Path(__file__).parent.joinpath("templates", name)',
    "Path(__file__).parent.joinpath(*parts)",
    'Path(__file__).parents[level] / "templates"',
    "Path(__file__).with_name(name)",
    "os.path.join(os.path.dirname(__file__), name)",
    'os.path.dirname(__file__) + "/templates"',
    '__file__.replace("html.py", "templates")',
    'os.path.splitext(__file__)[0] + ".yaml"',
    'f"{Path(__file__).parent}/templates"',
    'Path(__file__).parent.glob("templates/*")',
    'Path(__file__).parent.rglob("*.j2")',
    'Path(html.__file__).parent / "templates"',
    'files(package) / "templates"',
    'resources.read_text("digit_clustering.report", "page.html.j2")',
]


@pytest.fixture
def package(tmp_path, monkeypatch, fresh) -> Path:
    """A throwaway package, read as this one: a module `report/html.py` (written by the test)
    beside a folder of templates and a file that is not named."""
    root = tmp_path / "digit_clustering"
    for name in ("__init__.py", "report/__init__.py"):
        write(root / name, "")
    write(root / "report" / "templates" / "page.html.j2", "<p>{{ x }}</p>\n")
    write(root / "report" / "templates" / "parts" / "style.css", "p { color: red }\n")
    write(root / "report" / "notes.txt", "not named\n")
    monkeypatch.setattr(code, "PACKAGE", root)
    monkeypatch.setattr(data_paths, "PACKAGE", root)
    return root


def module_naming(package: Path, spelling: str) -> Path:
    return write(package / "report" / "html.py", f"{PRELUDE}\nREAD = {spelling}\n")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_a_folder_beside_a_module_joins_its_jobs_code(package, spelling):
    module_naming(package, spelling)
    script = write(
        package.parent / "scripts" / "job.py", "from digit_clustering.report import html\n"
    )
    files = code.code_files(script)
    assert (
        package_files(files, package / "report") - {"__init__.py", "html.py"} == SPELLINGS[spelling]
    )


@pytest.mark.parametrize("spelling", NOT_DATA)
def test_the_modules_own_folders_and_paths_outside_the_package_are_not_data(package, spelling):
    assert code.data_files(module_naming(package, spelling)) == frozenset()


@pytest.mark.parametrize("spelling", REFUSED)
def test_a_spelling_that_cannot_be_followed_is_refused_with_its_file_and_line(package, spelling):
    module = module_naming(package, spelling)
    line = PRELUDE.count("\n") + 2
    with pytest.raises(
        data_paths.UnfollowedPathError, match=re.escape(f"{module}:{line}: ")
    ) as refused:
        code.data_files(module)
    assert isinstance(refused.value, ValueError)
    assert 'as Path(__file__).parent / "templates"' in str(refused.value)


def test_every_module_and_script_is_read_and_only_the_report_and_captions_name_data(fresh):
    sources = [*sorted(code.PACKAGE.rglob("*.py")), *sorted((REPOSITORY / "scripts").glob("*.py"))]
    naming = {path.relative_to(REPOSITORY).as_posix() for path in sources if code.data_files(path)}
    assert naming == {"digit_clustering/report/html.py", "digit_clustering/figures/captions.py"}


def test_only_the_modules_that_mention_a_path_beside_them_are_parsed(monkeypatch, fresh):
    parsed, parse = [], ast.parse

    def recorded(text, filename="<unknown>", *args, **kwargs):
        parsed.append(Path(filename))
        return parse(text, filename, *args, **kwargs)

    monkeypatch.setattr(data_paths.ast, "parse", recorded)
    read = set().union(*(code.closure(s) for s in (REPOSITORY / "scripts").glob("*.py")))
    for path in read:
        code.data_files(path)
    assert {"report/html.py", "figures/captions.py"} <= package_files(parsed)
    assert set(parsed) == {
        path for path in read if data_paths.NAMES_A_PATH.search(path.read_text())
    }
    assert len(parsed) < len(read) / 4


def test_editing_a_template_or_a_caption_changes_the_reports_code_alone(workflow):
    scripts = sorted((workflow / "scripts").glob("*.py"))
    before = {script.stem: code.code_digest(script) for script in scripts}
    changed = []
    for edited in ("report/templates/page.html.j2", "figures/captions/centroids.rst"):
        append(workflow / "digit_clustering" / edited, "\n")
        after = {script.stem: code.code_digest(script) for script in scripts}
        changed.append({name for name in before if after[name] != before[name]})
        before = after
    assert changed == [{"report"}, {"report"}]


def test_the_digest_names_files_from_the_package_not_where_it_is_installed(workflow, monkeypatch):
    copy = code.code_digest(workflow / "scripts" / "report.py")
    for cached in CACHED:
        cached.cache_clear()
    monkeypatch.setattr(code, "PACKAGE", REPOSITORY / "digit_clustering")
    monkeypatch.setattr(data_paths, "PACKAGE", REPOSITORY / "digit_clustering")
    assert code.code_digest(REPOSITORY / "scripts" / "report.py") == copy

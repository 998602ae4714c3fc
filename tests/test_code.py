"""The code digest reads a job's imports from the text of its modules, and the folders they read.

The tests that edit files edit copies of the package and the scripts (`workflow`), never the
repository.
"""

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPOSITORY

from digit_clustering.jobs import code
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
    scripts = set(re.findall(r'script:\n\s+"\.\./scripts/(\w+)\.py"', rules))
    coded = set(re.findall(r'code=(?:fit_)?code\("(\w+)"\)', rules))
    # a download is pinned by its checksum, whatever code fetched it
    assert scripts - coded == {"download"}
    assert coded <= scripts


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


def test_a_folder_named_otherwise_is_not_read(tmp_path, fresh):
    script = write(
        tmp_path / "scripts" / "job.py",
        'A = Path(__file__).parent.glob("*.py")\nB = Path("data")\nC = Path(__file__).parent\n',
    )
    write(tmp_path / "scripts" / "data" / "a.rst", "A\n")
    assert code.data_files(script) == frozenset()


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
    assert code.code_digest(REPOSITORY / "scripts" / "report.py") == copy

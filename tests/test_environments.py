"""The environments results are made in: the lock file agrees with pyproject.toml, the conda
environment file lists exactly the locked runtime versions, and a job runs in an environment
that has the libraries but not this package installed."""

import re
import site
import subprocess
import sys
import tomllib

import pytest
import yaml
from conftest import REPOSITORY, Workspace, small_study
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from digit_clustering.study import layout

PYPROJECT = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())["project"]
LOCK_TEXT = (REPOSITORY / "requirements.lock").read_text()
LOCK_ENTRY = re.compile(
    r"^([A-Za-z0-9_.\-]+)==(\S+?)(?: ;[^\\]*)? \\\n((?:\s+--hash=\S+(?: \\)?\n)+)", re.M
)
# The conda-forge name of a PyPI distribution, where the two differ.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}
# Runtime dependencies that are not the jobs' to import: Snakemake runs beside them.
NOT_IN_JOB_ENVIRONMENT = {"snakemake"}


def locked() -> dict[str, str]:
    return {canonicalize_name(name): version for name, version, _ in LOCK_ENTRY.findall(LOCK_TEXT)}


def requirements(group: str) -> list[Requirement]:
    listed = (
        PYPROJECT["dependencies"]
        if group == "runtime"
        else PYPROJECT["optional-dependencies"][group]
    )
    return [Requirement(text) for text in listed]


@pytest.mark.unit
def test_every_locked_package_is_pinned_with_hashes():
    entries = LOCK_ENTRY.findall(LOCK_TEXT)
    names = re.findall(r"^[A-Za-z0-9_.\-]+(?===)", LOCK_TEXT, re.M)
    assert len(entries) == len(names) > 50
    assert all(re.search(r"--hash=sha256:[0-9a-f]{64}", hashes) for _, _, hashes in entries)


@pytest.mark.unit
@pytest.mark.parametrize("group", ["runtime", "dev"])
def test_the_lock_satisfies_pyproject(group):
    versions = locked()
    for requirement in requirements(group):
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{name} is in pyproject.toml but not in requirements.lock"
        assert requirement.specifier.contains(versions[name], prereleases=True), (
            f"requirements.lock has {name}=={versions[name]}, outside pyproject.toml's "
            f"{requirement}: regenerate the lock (README, Development)"
        )


@pytest.mark.unit
def test_results_changing_libraries_are_bounded_and_dev_tools_pinned():
    runtime = {canonicalize_name(r.name): r.specifier for r in requirements("runtime")}
    for name in ("numpy", "pandas", "matplotlib", "scikit-learn", "umap-learn", "numba"):
        assert any(spec.operator == "<" for spec in runtime[name]), name
    for requirement in requirements("dev"):
        assert [spec.operator for spec in requirement.specifier] == ["=="], requirement


@pytest.mark.unit
def test_the_conda_environment_lists_exactly_the_locked_runtime_versions():
    environment = yaml.safe_load((REPOSITORY / "envs/pipeline.yaml").read_text())
    listed = {}
    for entry in environment["dependencies"]:
        assert isinstance(entry, str), f"{entry}: the environment installs nothing through pip"
        name, version = entry.split(" =")
        listed[name] = version
    versions = locked()
    expected = {
        CONDA_NAMES.get(name, name): versions[name]
        for name in (canonicalize_name(r.name) for r in requirements("runtime"))
        if name not in NOT_IN_JOB_ENVIRONMENT
    }
    minimum_python = re.fullmatch(r">=(\d+\.\d+)", PYPROJECT["requires-python"]).group(1)
    assert listed.pop("python") == minimum_python
    assert f"--python-version {minimum_python}" in LOCK_TEXT
    assert listed == expected


@pytest.fixture
def python_without_this_package(tmp_path) -> str:
    """A virtual environment that sees this one's libraries (a .pth file naming their
    directories) but not the .pth files in them, so this package's editable install is absent."""
    environment = tmp_path / "environment"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = str(environment / "bin" / "python")
    own_site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    libraries = "\n".join(dict.fromkeys(site.getsitepackages()))
    (tmp_path / own_site).joinpath("libraries.pth").write_text(libraries + "\n")
    return python


@pytest.mark.workflow
def test_a_job_imports_the_package_from_the_workflow_without_an_install(
    python_without_this_package, tmp_path
):
    absent = subprocess.run(
        [python_without_this_package, "-c", "import digit_clustering"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "No module named 'digit_clustering'" in absent.stderr
    config = small_study("digits", runs=[{"method": "kmeans", "space": "raw"}])
    (tmp_path / "study").mkdir()
    workspace = Workspace(tmp_path / "study", config, python=python_without_this_package)
    workspace.snakemake()
    assert workspace.path(layout.fill(layout.METRICS, dataset="digits")).exists()
    assert workspace.path(layout.fill(layout.REPORT, dataset="digits")).exists()

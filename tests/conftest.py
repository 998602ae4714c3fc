"""Fixtures shared by the workflow tests: a workspace, a loopback mirror, a small fake MNIST."""

import copy
import filecmp
import functools
import gzip
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import numpy as np
import pytest
import slurm_cluster
import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
REAL_MNIST = REPOSITORY.parent / "shared" / "data" / "mnist"
# CI sets this: there, a test that cannot run (no Slurm, no real MNIST) fails instead of
# skipping, so a broken set-up cannot hide a case.
EVERY_TEST_MUST_RUN = os.environ.get("DIGIT_CLUSTERING_EVERY_TEST_MUST_RUN") == "1"
MEASURED = re.compile(r'class="measured"[^>]*>[^<]*<')  # the report's build time and timings
# Every test is in exactly one tier, so that `pytest -m <tier>` selects what it says
# (pyproject.toml describes them).
TIERS = ("unit", "workflow", "system")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: every collected test is checked
def pytest_collection_modifyitems(config, items) -> None:
    """Refuse to run when a test carries no tier marker or more than one."""
    wrong = []
    for item in items:
        tiers = sorted({mark.name for mark in item.iter_markers() if mark.name in TIERS})
        if len(tiers) != 1:
            wrong.append(f"  {item.nodeid}: {', '.join(tiers) or 'no tier marker'}")
    if wrong:
        raise pytest.UsageError(
            f"every test needs exactly one of the markers {', '.join(TIERS)} "
            "(one needing Chromium, Slurm or root is system only); these do not:\n"
            + "\n".join(wrong)
        )


def skip_or_fail(reason: str) -> None:
    """Skip a test that cannot run here; in CI, fail it."""
    if EVERY_TEST_MUST_RUN:
        pytest.fail(f"{reason}, and CI runs every test")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def real_mnist() -> Path:
    """The real MNIST IDX files beside the repository (never committed)."""
    if not REAL_MNIST.is_dir():
        skip_or_fail(f"real MNIST is not at {REAL_MNIST}")
    return REAL_MNIST


def assert_same_results(first: "Workspace", second: "Workspace") -> None:
    """Every file under results/ is the same bytes in both workspaces; the report page too,
    apart from the values it marks as measured."""
    outputs = sorted(
        p.relative_to(first.directory) for p in first.path("results").rglob("*") if p.is_file()
    )
    assert len(outputs) > 10
    for relative in outputs:
        mine, theirs = first.directory / relative, second.directory / relative
        if relative.name == "index.html":
            assert MEASURED.sub("", mine.read_text()) == MEASURED.sub("", theirs.read_text()), (
                f"{relative} differs beyond its measured times"
            )
        else:
            assert filecmp.cmp(mine, theirs, shallow=False), relative


class Workspace:
    """A working directory for `snakemake` runs with its own config.yaml."""

    def __init__(
        self,
        directory: Path,
        config: dict,
        python: str = sys.executable,
        workflow: Path = REPOSITORY,
        env: dict | None = None,
    ):
        self.directory = directory
        self.config = config
        self.python = python  # the Slurm test's own environment has the executor plugin
        self.workflow = workflow  # the repository, or a copy of it that a test may edit
        self.env = env  # the environment of its snakemake runs (None: this process's)
        self.write_config()

    def copy(self, directory: Path, config: dict | None = None) -> "Workspace":
        """This workspace's files (results and Snakemake's records, times kept) in `directory`,
        for a test that changes a study other tests share; `config` replaces its config."""
        shutil.copytree(self.directory, directory, symlinks=True)
        return Workspace(
            directory, copy.deepcopy(config or self.config), self.python, self.workflow, self.env
        )

    def write_config(self) -> None:
        (self.directory / "config.yaml").write_text(yaml.safe_dump(self.config, sort_keys=False))

    @classmethod
    def built(cls, tmp_path_factory, name: str, config: dict) -> "Workspace":
        """A workspace whose study has been run once, for module fixtures."""
        workspace = cls(tmp_path_factory.mktemp(name), config)
        workspace.snakemake()
        return workspace

    def command(self, *arguments: str, cores: int = 2) -> list[str]:
        return [
            self.python,
            "-m",
            "snakemake",
            "--snakefile",
            str(self.workflow / "Snakefile"),
            "--directory",
            str(self.directory),
            "--cores",
            str(cores),
            *arguments,
        ]

    def snakemake(
        self, *arguments: str, check: bool = True, env: dict | None = None, cores: int = 2
    ) -> subprocess.CompletedProcess:
        command = self.command(*arguments, cores=cores)
        env = env if env is not None else self.env
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)
        if check and result.returncode != 0:
            raise AssertionError(
                f"snakemake failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
            )
        return result

    def planned_jobs(self, *arguments: str) -> dict[str, int]:
        """The jobs a dry run would execute, as {rule: count} (empty when nothing is to do)."""
        return job_stats(self.snakemake("--dry-run", *arguments).stdout)

    def path(self, relative: str) -> Path:
        return self.directory / relative


def job_stats(output: str) -> dict[str, int]:
    """The jobs of a (dry) run's "Job stats" table, as {rule: count}; empty when there is none."""
    if "Job stats:" not in output:
        return {}
    table = output.split("Job stats:", 1)[1].split("\n\n", 1)[0]
    jobs = {}
    for line in table.splitlines()[3:]:
        match = re.fullmatch(r"(\S+)\s+(\d+)", line.strip())
        if match and match.group(1) != "total":
            jobs[match.group(1)] = int(match.group(2))
    return jobs


def executed_rules(stderr: str) -> list[str]:
    """The rule of every job a `snakemake` run executed, from its log on stderr."""
    return re.findall(r"^(?:local)?rule (\w+):$", stderr, flags=re.MULTILINE)


def load_default_config() -> dict:
    return yaml.safe_load((REPOSITORY / "config.yaml").read_text())


def method_overrides(config: dict, method: str) -> dict:
    """The block of `method` under the config's `methods:`, made if absent: defaults live in
    each method's declarations, and `methods:` overrides them, maybe not at all."""
    config["methods"] = config.get("methods") or {}
    return config["methods"].setdefault(method, {})


def small_study(dataset: str, **overrides) -> dict:
    """The default study cut down for tests: few initialisations, small PCA, three runs."""
    config = load_default_config()
    config["dataset"] = dataset
    config["spaces"] = {"raw": {"kind": "raw"}, "pca": {"kind": "pca", "n_components": 8}}
    config["datasets"][dataset].update(spaces=["raw", "pca"], extra_runs=[])
    method_overrides(config, "kmeans").update(n_init=2, max_iter=100)
    config["neighbours"]["space"] = None
    config["headline"] = {"space": None, "view": None}
    config["runs"] = [
        {"method": "kmeans", "space": "pca", "grid": {"k": [5, 10]}},
        {"method": "kmeans", "space": "raw"},
    ]
    config.update(overrides)
    return config


@pytest.fixture
def workspace_factory(tmp_path):
    def make(config: dict, name: str = "study") -> Workspace:
        directory = tmp_path / name
        directory.mkdir()
        return Workspace(directory, config)

    return make


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


@pytest.fixture
def serve_directory():
    """Serve directories over HTTP on 127.0.0.1; stopped when the test ends."""
    servers = []

    def serve(directory: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def write_idx(path: Path, array: np.ndarray) -> str:
    """Write `array` (uint8) as a gzipped IDX file; return the payload's MD5."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(d).to_bytes(4, "big") for d in array.shape
    )
    payload = header + array.astype(np.uint8).tobytes()
    path.write_bytes(gzip.compress(payload, mtime=0))
    return hashlib.md5(payload).hexdigest()


def fake_mnist(directory: Path, n_train: int = 400, n_test: int = 100, seed: int = 0) -> dict:
    """Ten noisy prototype 'digits' as MNIST IDX files; returns {file name: payload MD5}."""
    rng = np.random.default_rng(seed)
    prototypes = rng.integers(0, 256, size=(10, 28, 28))
    checksums = {}
    for prefix, count in (("train", n_train), ("t10k", n_test)):
        labels = np.arange(count) % 10
        noise = rng.normal(0, 40, size=(count, 28, 28))
        images = np.clip(prototypes[labels] + noise, 0, 255).astype(np.uint8)
        checksums[f"{prefix}-images-idx3-ubyte.gz"] = write_idx(
            directory / f"{prefix}-images-idx3-ubyte.gz", images
        )
        checksums[f"{prefix}-labels-idx1-ubyte.gz"] = write_idx(
            directory / f"{prefix}-labels-idx1-ubyte.gz", labels.astype(np.uint8)
        )
    return checksums


@pytest.fixture
def fake_mnist_directory(tmp_path) -> tuple[Path, dict]:
    directory = tmp_path / "mirror"
    directory.mkdir()
    return directory, fake_mnist(directory)


@pytest.fixture(scope="session")
def plugin_python(tmp_path_factory) -> str:
    reason = slurm_cluster.missing_reason()
    if reason:
        skip_or_fail(f"no Slurm test cluster: {reason}")
    extras = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())["project"]
    requirement = extras["optional-dependencies"]["slurm"]
    environment = tmp_path_factory.mktemp("slurm-env")
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(environment)], check=True
    )
    python = str(environment / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", *requirement], check=True)
    return python

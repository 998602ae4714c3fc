"""The code stays formatted and lint-free: ruff, snakefmt and `snakemake --lint`."""

import subprocess
import sys

import pytest
from conftest import REPOSITORY

pytestmark = pytest.mark.unit

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "snakefmt": [sys.executable, "-m", "snakefmt", "--check", "."],
    "snakemake --lint": [sys.executable, "-m", "snakemake", "--lint", "--config", "dataset=digits"],
}


@pytest.mark.parametrize("name", CHECKS)
def test_code_passes(name):
    result = subprocess.run(CHECKS[name], cwd=REPOSITORY, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{name} fails:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )

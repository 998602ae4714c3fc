"""numba's compiled code is kept per machine: UMAP's uncached functions are cached too."""

import os
import subprocess
import sys

import pytest

from digit_clustering.jobs.compiled import CACHE_VARIABLE, import_compiled, numba_cache_dir

pytestmark = pytest.mark.unit

# In a new process, as a job imports UMAP: which layout functions numba would cache, and where.
PROBE = """
from digit_clustering.jobs.compiled import import_compiled
umap = import_compiled("umap", packages=("umap", "pynndescent"))
import numba
from umap import layouts
print(numba.config.CACHE_DIR)
print(type(layouts._nb_optimize_layout_euclidean_single_epoch._cache).__name__)
print(type(layouts._nb_optimize_layout_euclidean_single_epoch_parallel._cache).__name__)
"""


def test_the_cache_is_the_users_unless_numba_cache_dir_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "environ", {**os.environ})  # import_compiled sets a variable
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert numba_cache_dir() == tmp_path / "digit-clustering" / "numba"
    monkeypatch.delenv(CACHE_VARIABLE, raising=False)
    import_compiled("json", packages=())
    assert os.environ[CACHE_VARIABLE] == str(tmp_path / "digit-clustering" / "numba")
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "mine"))
    import_compiled("json", packages=())
    assert os.environ[CACHE_VARIABLE] == str(tmp_path / "mine")


def test_umaps_layout_epochs_which_umap_leaves_uncached_are_cached():
    # The machine's own cache folder, so that nothing compiles in this test.
    environment = {**os.environ, CACHE_VARIABLE: str(numba_cache_dir())}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, check=True
    )
    cache_dir, serial, parallel = result.stdout.split()
    assert cache_dir == str(numba_cache_dir())
    assert serial == parallel == "FunctionCache"

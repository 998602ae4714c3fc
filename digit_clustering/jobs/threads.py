"""How many threads BLAS and OpenMP may use: the job's own, and the one count that numeric
kernels run with, whatever `--cores` grants a job.

Snakemake scales a job's threads down to `--cores`, and BLAS/OpenMP reductions round
differently on different thread counts (scikit-learn's k-means sums per-thread partial centres,
so its centres differed in the last bits between `--cores 1` and `--cores 2`). The same config
must give the same bytes on any machine, so fits run on exactly this many threads; more cores
run more jobs at once instead.
"""

import contextlib
import os
from collections.abc import Iterator

from threadpoolctl import threadpool_limits

NUMERIC_THREADS = 2
# What an OpenMP or BLAS runtime reads when it starts: methods import their library inside
# `fit`, after the limits were set, and threadpoolctl reaches only libraries already loaded.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def limited_threads(count: int) -> Iterator[None]:
    """Hold BLAS and OpenMP to `count` threads, loaded ones and ones loaded inside."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: str(count) for name in THREAD_VARIABLES})
    try:
        with threadpool_limits(limits=count):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def numeric_threads() -> contextlib.AbstractContextManager:
    """Hold BLAS and OpenMP to `NUMERIC_THREADS`, for fits and PCA."""
    return limited_threads(NUMERIC_THREADS)

"""The one thread count that numeric kernels run with, whatever `--cores` grants a job.

Snakemake scales a job's threads down to `--cores`, and BLAS/OpenMP reductions round
differently on different thread counts (scikit-learn's k-means sums per-thread partial centres,
so its centres differed in the last bits between `--cores 1` and `--cores 2`). The same config
must give the same bytes on any machine, so fits run on exactly this many threads; more cores
run more jobs at once instead.
"""

import contextlib
from collections.abc import Iterator

from threadpoolctl import threadpool_limits

NUMERIC_THREADS = 2


@contextlib.contextmanager
def numeric_threads() -> Iterator[None]:
    """Hold BLAS and OpenMP to `NUMERIC_THREADS`; enter it after importing the library, as
    threadpoolctl reaches only libraries already loaded."""
    with threadpool_limits(limits=NUMERIC_THREADS):
        yield

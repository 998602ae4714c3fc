"""What every workflow job does around its work: logging, thread limits, peak memory."""

import contextlib
import logging
import resource
import time
from collections.abc import Iterator

from threadpoolctl import threadpool_limits

log = logging.getLogger("digit_clustering")


@contextlib.contextmanager
def job(log_path: str, threads: int) -> Iterator[None]:
    """Log to `log_path`, hold BLAS/OpenMP to `threads`, and record the time and peak RSS."""
    logging.basicConfig(
        filename=log_path,
        filemode="w",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    started = time.perf_counter()
    try:
        with threadpool_limits(limits=threads):
            yield
    except Exception as error:
        log.error("%s: %s", type(error).__name__, error)
        raise
    finally:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log.info(
            "done in %.2f s on %d thread(s); peak RSS %.0f MB",
            time.perf_counter() - started,
            threads,
            peak_mb,
        )

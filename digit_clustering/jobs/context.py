"""What every workflow job does around its work: logging, thread limits, provenance, peak
memory."""

import contextlib
import logging
import resource
import time
from collections.abc import Iterator

from digit_clustering.jobs import provenance, storage
from digit_clustering.jobs.threads import limited_threads

log = logging.getLogger("digit_clustering")


@contextlib.contextmanager
def job(snakemake) -> Iterator[None]:
    """Run a `script:` job's work: log to its log file, hold BLAS/OpenMP to its threads, mark
    what it writes with its provenance, and log its time and peak RSS."""
    threads = snakemake.threads
    logging.basicConfig(
        filename=snakemake.log[0],
        filemode="w",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    started = time.perf_counter()
    token = provenance.declare(
        provenance.job_provenance(
            snakemake.rule, dict(snakemake.wildcards.items()), dict(snakemake.params.items())
        )
    )
    try:
        with limited_threads(threads):
            yield
    except OSError as error:
        explained = storage.explain(error, list(snakemake.output))
        if explained is None:
            log.error("%s: %s", type(error).__name__, error)
            raise
        log.error("%s", explained)
        raise explained from error
    except Exception as error:
        log.error("%s: %s", type(error).__name__, error)
        raise
    finally:
        provenance.forget(token)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log.info(
            "done in %.2f s on %d thread(s); peak RSS %.0f MB",
            time.perf_counter() - started,
            threads,
            peak_mb,
        )


def optional_input(snakemake, name: str) -> str | None:
    """The file of a named input that a job may go without (a PCA model, a held-out table):
    its path, or None when the study gave none."""
    given = getattr(snakemake.input, name, None)
    if isinstance(given, str):
        return given
    return given[0] if given else None

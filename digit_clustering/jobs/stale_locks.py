"""A killed run is recovered by a plain re-run: Snakemake locks left by a dead process go.

Snakemake locks its working directory with files under ``.snakemake/locks`` and cannot tell
that the process that wrote them died (``kill -9``, a power cut): the next run would stop until
the user runs ``--unlock``. So every main ``snakemake`` process of this workflow holds a shared
``flock`` on ``.snakemake/digit_clustering.alive`` for its whole life; the kernel drops it when
the process dies, however it dies. A starting run that can take that lock exclusively knows that
no other run is alive, so Snakemake's locks, if any, are stale, and it removes them as
``--unlock`` would. While another run is alive they stay, and Snakemake refuses the second run.
Where the file system has no ``flock``, nothing is removed and ``--unlock`` is still the way.
"""

import fcntl
from pathlib import Path

_held = []  # the open lock file of this process: closing it would release the lock


def hold_and_clear_stale(state_directory: str | Path = ".snakemake") -> list[Path]:
    """Hold this process's share of the liveness lock; return the stale locks removed."""
    state_directory = Path(state_directory)
    state_directory.mkdir(exist_ok=True)
    handle = open(state_directory / "digit_clustering.alive", "a")  # noqa: SIM115 (held)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        alone = True
    except BlockingIOError:
        alone = False
    except OSError:
        handle.close()
        return []
    removed = []
    if alone:
        for lock in sorted((state_directory / "locks").glob("*.lock")):
            lock.unlink(missing_ok=True)
            removed.append(lock)
    fcntl.flock(handle, fcntl.LOCK_SH)
    _held.append(handle)
    return removed

"""Write files so that no reader ever sees half of one."""

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_DEFAULT_MODE = _default_mode()  # mkstemp creates 0600 files; results should be readable


@contextlib.contextmanager
def atomic_path(destination: str | os.PathLike) -> Iterator[Path]:
    """Yield a hidden temporary path beside `destination`; move it into place on success.

    On any exception the temporary file is removed and `destination` is left as it was. A
    temporary file left by a writer that was killed is removed by the next write of the same
    destination (one job writes a given output at a time: Snakemake's lock sees to it).
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    for stale in destination.parent.glob(f".{glob.escape(destination.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    os.close(handle)
    temporary = Path(temporary)
    try:
        yield temporary
        os.chmod(temporary, _DEFAULT_MODE)
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)

"""Clear errors when results cannot be written: a read-only or full disk, a missing right."""

import errno
import tempfile
from pathlib import Path

STORAGE_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission is denied",
    errno.EPERM: "permission is denied",
}


class StorageError(OSError):
    """Results could not be written; the message says where and what to do."""


def check_writable(*directories: str | Path) -> None:
    """Fail before any job runs if a directory the workflow writes to cannot be written."""
    for directory in map(Path, directories):
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=directory, prefix=".write-check."):
                pass
        except OSError as error:
            raise StorageError(
                f"cannot write to {directory}/ ({error.strerror}). Make it writable, or run "
                "the workflow from a directory you can write to (snakemake --directory DIR). "
                "No job was run."
            ) from error


def explain(error: OSError, outputs: list[str]) -> StorageError | None:
    """A job's storage failure as an error naming its outputs and what to do; None for other
    errors."""
    reason = STORAGE_ERRNOS.get(error.errno)
    if reason is None:
        return None
    return StorageError(
        error.errno,
        f"could not write {', '.join(outputs)}: {reason} ({error}). Nothing partial was left "
        "in place. Free space or fix the rights on that disk, then re-run the same command: "
        "finished outputs are kept.",
    )

"""Fetch one IDX ``.gz`` file from a list of mirrors, verified and written atomically.

A mirror is an ``http(s)://`` URL, a ``file://`` URL or a local directory. A file is accepted
only if it is a complete gzip stream with the expected MD5: of the archive itself, as datasets
publish it, or of its decompressed payload, which accepts a recompressed copy of the right data
too. Nothing but a verified file ever reaches the destination.
"""

import gzip
import hashlib
import http.client
import logging
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zlib
from pathlib import Path
from typing import BinaryIO

logger = logging.getLogger(__name__)

MD5_OF = ("archive", "payload")

_MIB = 1 << 20
_CHUNK = _MIB
_GZIP_MAGIC = b"\x1f\x8b"
_LOCAL_COPY_HINT = (
    "To use a local copy, put the four .gz files in a directory and list it first under "
    "the dataset's mirrors (for MNIST: snakemake --config mnist_mirror=/path/to/dir); a "
    "file:// or http:// URL works too"
)


class DownloadError(RuntimeError):
    """No mirror delivered a verified copy of the file."""


class _VerificationError(Exception):
    """The downloaded bytes are not the expected file; the message says why."""


def fetch_verified(
    filename: str,
    md5: str,
    mirrors: list[str],
    destination: str | os.PathLike,
    timeout: float = 30.0,
    md5_of: str = "payload",
) -> str:
    """Fetch `filename` from the first mirror that serves it intact; return that source.

    `md5` is the MD5 of the ``.gz`` file itself (`md5_of` "archive") or of its decompressed
    payload ("payload"). `timeout` bounds every blocking socket operation, so a stalled server
    is abandoned. Raises DownloadError, listing every source and why it failed, if no mirror
    works.
    """
    if md5_of not in MD5_OF:
        raise ValueError(f"md5_of must be one of {MD5_OF}, not {md5_of!r}")
    if not mirrors:
        raise DownloadError(
            f"no mirror is configured to fetch {filename} from.\n{_LOCAL_COPY_HINT}"
        )
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    failures = []
    for mirror in mirrors:
        source = _source(mirror, filename)
        reason = _try_source(source, (md5_of, md5), destination, timeout)
        if reason is None:
            logger.info("verified %s (%s md5 %s) from %s", filename, md5_of, md5, source)
            return source
        logger.warning("could not use %s: %s", source, reason)
        failures.append(f"  - {source}: {reason}")
    header = f"could not fetch {filename} from any of {len(mirrors)} mirrors:"
    raise DownloadError("\n".join([header, *failures, _LOCAL_COPY_HINT]))


def _is_url(mirror: str) -> bool:
    return "://" in mirror


def _source(mirror: str, filename: str) -> str:
    """Join a mirror and a file name into a URL or a path."""
    if not _is_url(mirror):
        return os.path.join(mirror, filename)
    separator = "" if mirror.endswith("/") else "/"
    return f"{mirror}{separator}{urllib.parse.quote(filename)}"


def _try_source(
    source: str, checksum: tuple[str, str], destination: Path, timeout: float
) -> str | None:
    """Download, verify and install one source; return None on success, else the reason."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".part", dir=destination.parent
    )
    try:
        with os.fdopen(handle, "wb") as out:
            _download(source, out, timeout)
        _verify(Path(temporary), *checksum)
        os.replace(temporary, destination)
    except _VerificationError as error:
        return str(error)
    except (OSError, ValueError, http.client.HTTPException) as error:
        return _failure_reason(error, timeout)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return None


def _download(source: str, out: BinaryIO, timeout: float) -> None:
    """Stream `source` into `out` in 1 MiB chunks, logging progress when the size is known."""
    logger.info("fetching %s", source)
    if _is_url(source):
        with urllib.request.urlopen(source, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            _copy(response, out, int(length) if length else None, source)
    else:
        with open(source, "rb") as stream:
            _copy(stream, out, os.fstat(stream.fileno()).st_size, source)


def _copy(stream: BinaryIO, out: BinaryIO, total: int | None, source: str) -> None:
    """Copy `stream` to `out`, logging about every 10 % of `total` bytes."""
    copied = 0
    next_report = 0.1
    while chunk := stream.read(_CHUNK):
        out.write(chunk)
        copied += len(chunk)
        if total and copied >= next_report * total:
            logger.info(
                "%s: %d %% (%.1f of %.1f MiB)",
                source,
                100 * copied // total,
                copied / _MIB,
                total / _MIB,
            )
            next_report = (10 * copied // total + 1) / 10


def _verify(path: Path, md5_of: str, md5: str) -> None:
    """Raise _VerificationError unless `path` is a whole gzip file whose archive or payload
    (`md5_of`) has MD5 `md5`."""
    with path.open("rb") as raw:
        head = raw.read(9)
    if not head.startswith(_GZIP_MAGIC):
        raise _VerificationError(
            f"not a gzip file (starts with {head!r}...): the mirror served an error page?"
        )
    digest = hashlib.md5(usedforsecurity=False)
    try:  # the payload is read whatever is hashed: a gzip is whole only if it decompresses
        with gzip.open(path, "rb") as payload:
            while chunk := payload.read(_CHUNK):
                if md5_of == "payload":
                    digest.update(chunk)
    except (OSError, EOFError, zlib.error) as error:
        raise _VerificationError(f"corrupt or truncated gzip: {error}") from error
    if md5_of == "archive":
        digest.update(path.read_bytes())
    found = digest.hexdigest()
    if found != md5.lower():
        raise _VerificationError(f"{md5_of} md5 {found} != expected {md5}")


def _failure_reason(error: Exception, timeout: float) -> str:
    """Describe why reading a source failed."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, OSError):
        error = error.reason
    if isinstance(error, TimeoutError):
        return f"timed out after {timeout} s without data"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, urllib.error.URLError):
        return f"connection failed: {error.reason}"
    return f"connection failed: {error}"


def download_step(filename: str, checksum: dict, mirrors: list[str], timeout: float, output: str):
    """Fetch `filename`, checked against `checksum` ({"md5": ..., "md5_of": ...}); the log
    names the mirror that served it."""
    fetch_verified(filename, mirrors=mirrors, destination=output, timeout=timeout, **checksum)

"""Read IDX files (the MNIST distribution format), gzipped or not, with their integrity checked."""

import gzip
import os
import zlib
from pathlib import Path

import numpy as np

UNSIGNED_BYTE = 0x08


class IdxFormatError(ValueError):
    """An IDX file is malformed; the message names the file and what is wrong."""


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Return the array stored in an IDX file (``.gz`` or plain) as uint8."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            payload = handle.read()
    except (OSError, EOFError, zlib.error) as error:
        raise IdxFormatError(
            f"{path}: cannot be read ({error}); the file is truncated or corrupt. "
            "Delete it and fetch it again."
        ) from error
    return parse_idx(payload, str(path))


def parse_idx(payload: bytes, name: str = "IDX payload") -> np.ndarray:
    if len(payload) < 4 or payload[0:2] != b"\x00\x00":
        raise IdxFormatError(
            f"{name}: not an IDX file (magic number {payload[:4].hex() or 'missing'}; "
            "an IDX file starts with 0x0000 then a type byte and the number of dimensions)"
        )
    data_type, ndim = payload[2], payload[3]
    if data_type != UNSIGNED_BYTE:
        raise IdxFormatError(
            f"{name}: IDX data type 0x{data_type:02x} is not supported; MNIST uses 0x08 (uint8)"
        )
    header = 4 + 4 * ndim
    if ndim == 0 or len(payload) < header:
        raise IdxFormatError(f"{name}: IDX header declares {ndim} dimensions but is cut short")
    shape = tuple(int(d) for d in np.frombuffer(payload, ">u4", count=ndim, offset=4))
    expected = header + int(np.prod(shape))
    if len(payload) != expected:
        raise IdxFormatError(
            f"{name}: IDX header declares shape {shape} ({expected} bytes with the header) "
            f"but the payload has {len(payload)} bytes; the file is truncated or not MNIST"
        )
    return np.frombuffer(payload, np.uint8, offset=header).reshape(shape)


def read_idx_pair(images_path: str | os.PathLike, labels_path: str | os.PathLike):
    """Read an images file and its labels file, checking that they describe the same images."""
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    if images.ndim != 3 or labels.ndim != 1:
        raise IdxFormatError(
            f"{images_path} must hold images (3 dimensions, has {images.ndim}) and "
            f"{labels_path} labels (1 dimension, has {labels.ndim})"
        )
    if len(images) != len(labels):
        raise IdxFormatError(
            f"{images_path} holds {len(images)} images but {labels_path} holds "
            f"{len(labels)} labels; they must come from the same split"
        )
    return images, labels

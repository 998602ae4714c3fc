"""Steps that fetch and decode the data."""

import logging

from digit_clustering import sources
from digit_clustering.download import fetch_verified
from digit_clustering.tables import write_points

log = logging.getLogger(__name__)


def download(filename: str, payload_md5: str, mirrors: list[str], timeout: float, output: str):
    source = fetch_verified(filename, payload_md5, mirrors, output, timeout=timeout)
    log.info("%s from %s", filename, source)


def decode(
    dataset: str, output: str, idx_files: dict | None, local_source: str | None, blobs: dict
):
    """Decode the dataset's source into the points table."""
    if dataset == "mnist":
        if local_source:
            points = sources.mnist_from_path(local_source)
        else:
            points = sources.mnist_from_idx_files(idx_files)
    elif dataset == "digits":
        points = sources.digits()
    else:
        points = sources.blobs(**{k: v for k, v in blobs.items() if k != "spaces"})
    log.info("decoded %d points of %d values", *points.x.shape)
    write_points(points, output)

"""Steps that fetch and decode the data."""

import logging

from digit_clustering import sources
from digit_clustering.download import fetch_verified
from digit_clustering.tables import write_points

log = logging.getLogger(__name__)


def download(filename: str, checksum: dict, mirrors: list[str], timeout: float, output: str):
    """Fetch `filename`, checked against `checksum` ({"md5": ..., "md5_of": ...})."""
    source = fetch_verified(
        filename, mirrors=mirrors, destination=output, timeout=timeout, **checksum
    )
    log.info("%s from %s", filename, source)


def decode(
    dataset: str, output: str, idx_files: dict | None, local_source: str | None, blobs: dict
):
    """Decode the dataset's source into the points table."""
    if local_source:
        points = sources.mnist_from_path(local_source)
    elif idx_files:
        points = sources.from_idx_files(idx_files, dataset)
    elif dataset == "digits":
        points = sources.digits()
    else:
        points = sources.blobs(**{k: v for k, v in blobs.items() if k != "spaces"})
    log.info("decoded %d points of %d values", *points.x.shape)
    write_points(points, output)

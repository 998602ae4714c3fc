"""The decode step: a dataset's source, whatever its format, as the points table."""

import logging

from digit_clustering.data import sources
from digit_clustering.tables import write_points

log = logging.getLogger(__name__)


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

"""The decode step: a dataset's source, whatever its format, as the points table."""

import logging
from dataclasses import replace

from digit_clustering.data.registry import kind_of
from digit_clustering.data.sources import mnist_from_path
from digit_clustering.tables import write_points

log = logging.getLogger(__name__)


def decode_step(
    dataset: str,
    settings: dict,
    output: str,
    idx_files: dict | None = None,
    local_source: str | None = None,
):
    """Decode the dataset: a local copy of MNIST, its downloaded IDX files, or a built-in
    dataset made from `settings` (its config entry as `registry.load_settings` gives it)."""
    kind = kind_of(dataset)
    if local_source:
        points = mnist_from_path(local_source)
    elif kind.downloads:
        points = kind.load(idx_files, dataset)
    else:
        points = kind.load(**settings)
    log.info("decoded %d points of %d values", *points.x.shape)
    write_points(replace(points, metadata={"dataset": dataset, **points.metadata}), output)

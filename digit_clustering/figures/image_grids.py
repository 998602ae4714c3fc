"""Figures made of rows of small images: centroid images, cluster galleries, the images
nearest each centre, and nearest-neighbour look-ups.

Each figure is one mosaic drawn with a single `imshow`, not one axis per image: a gallery of
20 clusters x 10 images draws in a fraction of a second instead of several seconds.
"""

import math
import os

import numpy as np

from digit_clustering.evaluation.contingency import majority_labels
from digit_clustering.figures.style import STYLE, message_figure, plt, save
from digit_clustering.methods.clustering import NOISE

PAD = 2
MAX_ROWS = 20
GREY_ON_WHITE = plt.get_cmap("gray_r").with_extremes(bad="white")  # NaN gaps stay blank


def images_title(title: str, pixels_metadata: dict) -> str:
    """A figure's title, saying when its images are deskewed rather than as the dataset has
    them."""
    return f"{title} (deskewed images)" if pixels_metadata.get("deskewed") else title


def mosaic(images: np.ndarray, image_shape: tuple[int, int], row_gap: int = PAD) -> np.ndarray:
    """(rows, columns, pixels) -> one 2-D picture, images separated by blank (NaN) gaps."""
    rows, columns = images.shape[:2]
    height, width = image_shape
    picture = np.full((rows * (height + row_gap) - row_gap, columns * (width + PAD) - PAD), np.nan)
    for row in range(rows):
        for column in range(columns):
            top, left = row * (height + row_gap), column * (width + PAD)
            picture[top : top + height, left : left + width] = images[row, column].reshape(
                image_shape
            )
    return picture


def centroid_figure(centres, truth, clusters, image_shape, title: str, output: str | os.PathLike):
    """One image per cluster centre (ten to a row), titled with its size and majority digit.

    All centres are one mosaic drawn with a single `imshow`: a run with hundreds of clusters
    (DBSCAN) draws as fast as one with ten."""
    k = len(centres)
    if k == 0:
        message_figure(f"{title}\nno cluster: every point is noise", output)
        return
    sizes = dict(zip(*np.unique(clusters[clusters != NOISE], return_counts=True), strict=True))
    majority = majority_labels(truth, clusters)
    columns = min(k, 10)
    rows = math.ceil(k / columns)
    height, width = image_shape
    gap = round(height * 0.6)
    tiles = np.full((rows * columns, height * width), np.nan)
    tiles[:k] = centres
    with plt.rc_context(STYLE):
        figure, axis = plt.subplots(
            figsize=(0.2 + 1.05 * columns, 0.45 + 1.3 * rows), layout="constrained"
        )
        picture = mosaic(tiles.reshape(rows, columns, -1), image_shape, row_gap=gap)
        axis.imshow(picture, cmap=GREY_ON_WHITE, interpolation="nearest")
        for cluster in range(k):
            row, column = divmod(cluster, columns)
            axis.text(
                column * (width + PAD) + width / 2,
                row * (height + gap) - 1,
                f"n={sizes.get(cluster, 0):,}\nmostly {majority.get(cluster, '-')}",
                ha="center",
                va="bottom",
                fontsize=7,
            )
        axis.set_ylim(picture.shape[0] - 0.5, -gap)
        axis.set_axis_off()
        axis.set_title(title, fontsize=8)
        save(figure, output)


def image_rows_figure(
    images: np.ndarray,
    captions: np.ndarray,
    row_titles: list[str],
    image_shape: tuple[int, int],
    title: str,
    output: str | os.PathLike,
):
    """Rows of images (NaN images are blank), each captioned in its corner, rows titled."""
    rows, columns = images.shape[:2]
    height, width = image_shape
    with plt.rc_context(STYLE):
        figure, axis = plt.subplots(
            figsize=(2.2 + 0.55 * columns, 0.6 + 0.55 * rows), layout="constrained"
        )
        axis.imshow(mosaic(images, image_shape), cmap=GREY_ON_WHITE, interpolation="nearest")
        for (row, column), caption in np.ndenumerate(captions):
            if caption:
                axis.text(
                    column * (width + PAD) + 1,
                    row * (height + PAD) + 1,
                    caption,
                    color="#c0392b",
                    fontsize=7,
                    fontweight="bold",
                    va="top",
                )
        axis.set_xticks([])
        axis.set_yticks([row * (height + PAD) + height / 2 for row in range(rows)], row_titles)
        axis.tick_params(length=0)
        for spine in axis.spines.values():
            spine.set_visible(False)
        axis.set_title(title, fontsize=8)
        save(figure, output, tight=True)


def largest_clusters(clusters: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Cluster ids by decreasing size (at most MAX_ROWS), their sizes, and how many there are."""
    ids, sizes = np.unique(clusters[clusters != NOISE], return_counts=True)
    order = np.argsort(-sizes, kind="stable")[:MAX_ROWS]
    return ids[order], sizes[order], len(ids)


def random_members(clusters, cluster_ids, count: int, seed: int = 0) -> list[np.ndarray]:
    """Up to `count` rows of each cluster, drawn at random (seeded), in row order."""
    rng = np.random.default_rng(seed)
    chosen = []
    for cluster in cluster_ids:
        members = np.flatnonzero(clusters == cluster)
        chosen.append(np.sort(rng.choice(members, min(count, len(members)), replace=False)))
    return chosen


def nearest_members(x, centres, clusters, cluster_ids, count: int) -> list[np.ndarray]:
    """The `count` rows of each cluster nearest its centre, nearest first."""
    chosen = []
    for cluster in cluster_ids:
        members = np.flatnonzero(clusters == cluster)
        distances = ((x[members] - centres[cluster]) ** 2).sum(axis=1)
        chosen.append(members[np.argsort(distances, kind="stable")[:count]])
    return chosen


def gallery_figure(pixels, truth, clusters, image_shape, title: str, output, count: int = 10):
    """A random sample of each cluster's images (the largest clusters first)."""
    ids = largest_clusters(clusters)[0]
    chosen = random_members(clusters, ids, count)
    what = f"{count} random images of each cluster"
    cluster_rows_figure(pixels, truth, clusters, chosen, image_shape, title, what, output)


def nearest_to_centres_figure(
    x, centres, pixels, truth, clusters, image_shape, title: str, output, count: int = 10
):
    """The images of each cluster closest to its centre (distances in the run's features)."""
    ids = largest_clusters(clusters)[0]
    chosen = nearest_members(x, centres, clusters, ids, count)
    what = f"the {count} images nearest each centre"
    cluster_rows_figure(pixels, truth, clusters, chosen, image_shape, title, what, output)


def cluster_rows_figure(pixels, truth, clusters, chosen, image_shape, title, what, output):
    """One row of chosen images per cluster (largest first), titled by size and majority."""
    ids, sizes, total = largest_clusters(clusters)
    if total == 0:
        message_figure(f"{title}\nno cluster: every point is noise", output)
        return
    majority = majority_labels(truth, clusters)
    count = max(len(rows) for rows in chosen)
    images = np.full((len(ids), count, pixels.shape[1]), np.nan)
    captions = np.full((len(ids), count), "", dtype=object)
    for row, rows in enumerate(chosen):
        images[row, : len(rows)] = pixels[rows]
        captions[row, : len(rows)] = truth[rows].astype(str)
    scope = (
        f"the {len(ids)} largest of {total} clusters" if len(ids) < total else f"{total} clusters"
    )
    image_rows_figure(
        images,
        captions,
        [
            f"cluster {c}: n={s:,}, mostly {majority.get(c, '-')}"
            for c, s in zip(ids, sizes, strict=True)
        ],
        image_shape,
        f"{title}\n{what}, {scope}; red: true label",
        output,
    )


def neighbours_figure(neighbours, pixels_by_id, truth_by_id, image_shape, title: str, output):
    """Each query image (first column) and its nearest neighbours, nearest first."""
    queries = list(dict.fromkeys(neighbours["query"].tolist()))
    k = int(neighbours["rank"].max())
    width = pixels_by_id(queries[:1]).shape[1]
    images = np.full((len(queries), k + 1, width), np.nan)
    captions = np.full((len(queries), k + 1), "", dtype=object)
    for row, query in enumerate(queries):
        found = neighbours[neighbours["query"] == query].sort_values("rank")
        ids = [query, *found["neighbour"].tolist()]
        images[row, : len(ids)] = pixels_by_id(ids)
        captions[row, : len(ids)] = [str(label) for label in truth_by_id(ids)]
    image_rows_figure(
        images,
        captions,
        [f"query id {query}" for query in queries],
        image_shape,
        f"{title}\nfirst column: the query; then its {k} nearest images; red: true label",
        output,
    )

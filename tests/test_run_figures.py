"""The figures of one run: which images they choose, and what they show (the artists a figure
is drawn with, captured as it is saved, and the pixels of the PNG)."""

import base64
import json
import re
from collections import Counter

import figure_checks as checks
import matplotlib.colors
import matplotlib.image
import numpy as np
import pandas as pd
import plotly.offline
import pytest

from digit_clustering.figures import course as course_figures
from digit_clustering.figures import image_grids, run_charts, scatter3d, style

pytestmark = pytest.mark.unit

NOISE_MESSAGE = "no cluster: every point is noise"
INKED = 0.2  # a drawn image is not blank: the palest pixel of a mosaic is white, so a 2x2
# image of it may show ink in as few as one pixel of four; an empty cell or gap shows none


@pytest.fixture
def drawn(monkeypatch):
    """The figures the figure modules save during the test, in order (still written)."""
    # scatter3d takes `save` from style when it draws, so patching style covers it
    return checks.capture(monkeypatch, style, run_charts, image_grids, course_figures)


@pytest.fixture
def two_clusters():
    """Twelve 2x2 'images' (every pixel inked): cluster 0 holds rows 0-6, cluster 1 rows 7-11,
    row 3 is noise."""
    rng = np.random.default_rng(0)
    pixels = 0.3 + 0.7 * rng.random((12, 4))
    clusters = np.array([0, 0, 0, -1, 0, 0, 0, 1, 1, 1, 1, 1])
    truth = np.array([3, 3, 5, 3, 3, 3, 3, 7, 7, 7, 1, 7])
    return pixels, clusters, truth


def test_largest_clusters_come_first_and_noise_is_not_one(two_clusters):
    _, clusters, _ = two_clusters
    ids, sizes, total = image_grids.largest_clusters(clusters)
    assert ids.tolist() == [0, 1] and sizes.tolist() == [6, 5] and total == 2


def test_nearest_members_are_the_rows_closest_to_each_centre_nearest_first():
    x = np.array([[0.0], [5.0], [1.0], [10.0], [11.0], [30.0]])
    clusters = np.array([0, 0, 0, 1, 1, 1])
    centres = np.array([[0.9], [12.0]])
    chosen = image_grids.nearest_members(x, centres, clusters, [0, 1], count=2)
    assert [rows.tolist() for rows in chosen] == [[2, 0], [4, 3]]


def test_random_members_stay_in_their_cluster_and_repeat_with_the_seed(two_clusters):
    _, clusters, _ = two_clusters
    first = image_grids.random_members(clusters, [0, 1], count=3)
    assert all(
        (clusters[rows] == cluster).all() for rows, cluster in zip(first, [0, 1], strict=True)
    )
    assert [len(rows) for rows in first] == [3, 3]
    again = image_grids.random_members(clusters, [0, 1], count=3)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert len(image_grids.random_members(clusters, [1], count=50)[0]) == 5


def test_mosaic_places_each_image_with_blank_gaps():
    images = np.arange(2 * 3 * 4, dtype=float).reshape(2, 3, 4)
    picture = image_grids.mosaic(images, (2, 2))
    assert picture.shape == (2 * 2 + image_grids.PAD, 3 * 2 + 2 * image_grids.PAD)
    assert picture[0:2, 0:2].ravel().tolist() == [0, 1, 2, 3]
    bottom_right = picture[-2:, -2:].ravel().tolist()
    assert bottom_right == images[1, 2].tolist()
    assert np.isnan(picture[2, 0])


def assert_cluster_rows(figure, png, pixels, truth, chosen, row_titles, title):
    """One row per cluster of its chosen images in order, each captioned with its true label,
    and blank cells after a cluster's last image: in the artists and in the PNG."""
    (axis,) = figure.axes
    columns = max(len(rows) for rows in chosen)
    images = np.full((len(chosen), columns, pixels.shape[1]), np.nan)
    for row, rows in enumerate(chosen):
        images[row, : len(rows)] = pixels[rows]
    np.testing.assert_array_equal(checks.image_array(axis), image_grids.mosaic(images, (2, 2)))
    assert checks.texts(axis) == [str(label) for rows in chosen for label in truth[rows]]
    assert checks.tick_labels(axis) == row_titles
    assert axis.get_title() == title
    cells, gaps = checks.mosaic_cells(
        checks.load(png), figure, axis, (len(chosen), columns), (2, 2), tight=True
    )
    filled = np.arange(columns) < np.array([[len(rows)] for rows in chosen])
    assert (cells[filled] > INKED).all(), cells
    assert (cells[~filled] == 0).all() and np.nansum(gaps) == 0, (cells, gaps)


def test_gallery_and_nearest_figures_are_drawn(two_clusters, tmp_path, drawn):
    pixels, clusters, truth = two_clusters
    image_grids.gallery_figure(pixels, truth, clusters, (2, 2), "run", tmp_path / "g.png")
    centres = np.stack([pixels[clusters == c].mean(axis=0) for c in (0, 1)])
    image_grids.nearest_to_centres_figure(
        pixels, centres, pixels, truth, clusters, (2, 2), "run", tmp_path / "n.png"
    )
    for name in ("g.png", "n.png"):
        assert matplotlib.image.imread(tmp_path / name).shape[0] > 50
    gallery, nearest = drawn
    row_titles = ["cluster 0: n=6, mostly 3", "cluster 1: n=5, mostly 7"]
    members = [np.flatnonzero(clusters == c) for c in (0, 1)]
    # ten random images of a cluster of six (five) are all of them, in row order; the
    # shorter row ends in a blank cell
    assert_cluster_rows(
        gallery,
        tmp_path / "g.png",
        pixels,
        truth,
        members,
        row_titles,
        "run\n10 random images of each cluster, 2 clusters; red: true label",
    )
    by_distance = [
        rows[np.argsort(((pixels[rows] - centre) ** 2).sum(axis=1))]
        for rows, centre in zip(members, centres, strict=True)
    ]
    assert_cluster_rows(
        nearest,
        tmp_path / "n.png",
        pixels,
        truth,
        by_distance,
        row_titles,
        "run\nthe 10 images nearest each centre, 2 clusters; red: true label",
    )


def test_a_gallery_of_more_clusters_than_rows_shows_the_largest(tmp_path, drawn):
    clusters = np.repeat(np.arange(image_grids.MAX_ROWS + 2), 2)
    clusters[:3] = 5  # cluster 5 has 5 points, cluster 1 one, cluster 0 none: 21 clusters
    pixels = np.full((len(clusters), 4), 0.5)
    truth = np.zeros(len(clusters), dtype=int)
    image_grids.gallery_figure(pixels, truth, clusters, (2, 2), "run", tmp_path / "g.png", 3)
    (axis,) = drawn[-1].axes
    titles = checks.tick_labels(axis)
    assert len(titles) == image_grids.MAX_ROWS and titles[0] == "cluster 5: n=5, mostly 0"
    assert "cluster 1: n=1, mostly 0" not in titles
    assert "3 random images of each cluster, the 20 largest of 21 clusters" in axis.get_title()
    assert checks.image_array(axis).shape == (20 * 4 - 2, 3 * 4 - 2)  # 20 rows of 3 images


@pytest.mark.parametrize("k", [3, 12])
def test_centroid_mosaic_shows_k_centre_images_ten_to_a_row_with_blank_gaps(k, tmp_path, drawn):
    shape = (4, 4)
    centres = 0.3 + 0.7 * np.random.default_rng(k).random((k, 16))
    clusters = np.repeat(np.arange(-1, k), np.arange(k + 1) + 1)  # cluster c: c + 2 points
    truth = (3 * clusters) % 10
    image_grids.centroid_figure(centres, truth, clusters, shape, "run", tmp_path / "c.png")
    figure = drawn[-1]
    (axis,) = figure.axes
    columns, rows = min(k, 10), -(-k // 10)
    tiles = np.full((rows * columns, 16), np.nan)
    tiles[:k] = centres
    gap = 2  # rows of tiles are 0.6 image heights apart, room for their captions
    expected = image_grids.mosaic(tiles.reshape(rows, columns, 16), shape, row_gap=gap)
    np.testing.assert_array_equal(checks.image_array(axis), expected)
    assert checks.texts(axis) == [f"n={c + 2}\nmostly {(3 * c) % 10}" for c in range(k)]
    assert axis.get_title() == "run" and not axis.axison
    png = checks.load(tmp_path / "c.png")
    assert png.shape[:2] == checks.pixel_size(figure)
    cells, gaps = checks.mosaic_cells(png, figure, axis, (rows, columns), shape, row_gap=gap)
    centre_tiles = (np.arange(rows * columns) < k).reshape(rows, columns)
    assert (cells[centre_tiles] > INKED).all(), cells
    assert (cells[~centre_tiles] == 0).all() and np.nansum(gaps) == 0, (cells, gaps)


def test_neighbours_figure_shows_each_query_then_its_neighbours_nearest_first(tmp_path, drawn):
    ids = np.arange(100, 112)
    pixels = 0.3 + 0.7 * np.random.default_rng(1).random((12, 4))
    labels = np.arange(12) % 3
    row_of = {point_id: row for row, point_id in enumerate(ids.tolist())}
    neighbours = pd.DataFrame(
        {
            "query": [105, 105, 105, 101, 101],
            "rank": [2, 1, 3, 1, 2],
            "neighbour": [104, 106, 110, 100, 102],
        }
    )
    image_grids.neighbours_figure(
        neighbours,
        lambda chosen: pixels[[row_of[i] for i in chosen]],
        lambda chosen: labels[[row_of[i] for i in chosen]],
        (2, 2),
        "Nearest neighbours in space raw",
        tmp_path / "nn.png",
    )
    shown = [[105, 106, 104, 110], [101, 100, 102]]  # the query, then by rank; 101 has two
    assert_cluster_rows(
        drawn[-1],
        tmp_path / "nn.png",
        pixels,
        labels,
        [np.array([row_of[i] for i in row]) for row in shown],
        ["query id 105", "query id 101"],
        "Nearest neighbours in space raw\n"
        "first column: the query; then its 3 nearest images; red: true label",
    )


def test_confusion_matrix_shows_each_clusters_share_of_every_label(tmp_path, drawn):
    truth = np.array([7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 3, 7, 3])
    clusters = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, -1, -1])
    run_charts.confusion_figure(truth, clusters, "run", tmp_path / "m.png")
    figure = drawn[-1]
    (axis,) = figure.axes
    # rows by majority label (1, 1, 7), the larger majority first; noise is left out
    counts = np.array([[4, 0, 0], [2, 1, 0], [1, 0, 3]])
    shares = counts / counts.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(checks.image_array(axis), shares)
    assert checks.texts(axis) == [str(count) for count in counts.ravel()]
    assert checks.tick_labels(axis, "x") == ["1", "3", "7"]
    assert checks.tick_labels(axis, "y") == ["1", "2", "0"]
    assert axis.get_xlabel() == "true label" and axis.get_title() == "run"
    png = checks.load(tmp_path / "m.png")
    assert png.shape[:2] == checks.pixel_size(figure)
    blues = matplotlib.colormaps["Blues"]
    for (row, column), share in np.ndenumerate(shares):  # a corner of the cell, off its count
        shade = checks.colour_at(png, figure, axis, column - 0.35, row - 0.35)
        assert np.abs(shade - np.array(blues(share)[:3]) * 255).max() <= 3, (row, column)


NOISE_ONLY = {
    "gallery": lambda p, t, c, out: image_grids.gallery_figure(p, t, c, (2, 2), "run", out),
    "nearest": lambda p, t, c, out: image_grids.nearest_to_centres_figure(
        p, np.zeros((0, 4)), p, t, c, (2, 2), "run", out
    ),
    "centroids": lambda p, t, c, out: image_grids.centroid_figure(
        np.zeros((0, 4)), t, c, (2, 2), "run", out
    ),
    "confusion": lambda p, t, c, out: run_charts.confusion_figure(t, c, "run", out),
}


@pytest.mark.parametrize("figure_name", NOISE_ONLY)
def test_a_run_of_only_noise_says_so_instead_of_failing(figure_name, two_clusters, tmp_path, drawn):
    pixels, _, truth = two_clusters
    noise = np.full(len(pixels), -1)
    NOISE_ONLY[figure_name](pixels, truth, noise, tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 0
    (figure,) = drawn
    assert figure.axes == [] and checks.texts(figure) == [f"run\n{NOISE_MESSAGE}"]
    png = checks.load(tmp_path / "g.png")
    assert png.shape[:2] == checks.pixel_size(figure) == (120, 600)
    assert 0 < checks.non_blank_fraction(png) < 0.05  # two lines of text, nothing else


@pytest.mark.parametrize(("image_shape", "panels"), [((2, 2), 2), (None, 1)])
def test_lloyd_figure_draws_every_restart(image_shape, panels, tmp_path, drawn):
    trace = pd.DataFrame(
        {
            "restart": [0, 0, 0, 1, 1, 2, 2],
            "iteration": [1, 2, 3, 1, 2, 1, 2],
            "objective": [10.0, 8.0, 7.5, 9.0, 8.8, 9.5, 8.0],
        }
    )
    centres = 0.3 + 0.7 * np.random.default_rng(0).random((3, 4))
    course_figures.lloyd_figure(
        trace, centres, centres[::-1], image_shape, "lloyd", tmp_path / "j.png"
    )
    assert (tmp_path / "j.png").stat().st_size > 0
    figure = drawn[-1]
    assert len(figure.axes) == panels
    curves = figure.axes[0]
    courses = [([1, 2, 3], [10.0, 8.0, 7.5]), ([1, 2], [9.0, 8.8]), ([1, 2], [9.5, 8.0])]
    drawn_lines = [(line.get_xdata().tolist(), line.get_ydata().tolist()) for line in curves.lines]
    colours = [matplotlib.colors.to_hex(line.get_color()) for line in curves.lines]
    # every restart faint grey, then the best (restart 0) and the worst (restart 1) in bold
    assert drawn_lines == [*courses, courses[0], courses[1]]
    assert colours == ["#808080"] * 3 + ["#1b6ca8", "#c0392b"]
    legend = [text.get_text() for text in curves.get_legend().get_texts()]
    assert legend == ["best: restart 0, J=7.5", "worst: restart 1, J=8.8"]
    assert curves.get_title() == "lloyd\nJ per iteration of 3 restarts"
    png = checks.load(tmp_path / "j.png")
    assert png.shape[:2] == checks.pixel_size(figure) == (340 + 160 * (panels - 1), 800)
    if image_shape:
        panel = figure.axes[1]
        best_then_worst = image_grids.mosaic(np.stack([centres, centres[::-1]]), image_shape)
        np.testing.assert_array_equal(checks.image_array(panel), best_then_worst)
        assert checks.tick_labels(panel) == ["best", "worst"]
        cells, gaps = checks.mosaic_cells(png, figure, panel, (2, 3), image_shape)
        assert (cells > INKED).all() and np.nansum(gaps) == 0, (cells, gaps)
        assert panel.get_title() == "centres of the best and the worst restart"


def test_the_cut_lies_between_the_merges_that_leave_k_and_k_minus_1_clusters():
    distances = np.array([1.0, 2.0, 4.0, 8.0])  # five leaves
    assert course_figures.cut_height(distances, 2, None) == 6.0  # between 4 and 8
    assert course_figures.cut_height(distances, 5, None) == 8.0  # nothing merged: the top
    assert course_figures.cut_height(distances, None, 3.0) == 3.0


@pytest.fixture(scope="module")
def ward_tree():
    from scipy.cluster.hierarchy import linkage

    return linkage(np.random.default_rng(0).random((300, 2)), method="ward")


@pytest.mark.parametrize(("k", "threshold"), [(4, None), (None, 2.0)])
def test_dendrogram_of_a_real_tree(k, threshold, ward_tree, tmp_path, drawn):
    tree = ward_tree
    trace = pd.DataFrame(
        {"left": tree[:, 0], "right": tree[:, 1], "distance": tree[:, 2], "size": tree[:, 3]}
    )
    course_figures.dendrogram_figure(trace, k, threshold, "ward", tmp_path / "d.png")
    assert matplotlib.image.imread(tmp_path / "d.png").shape[1] > 500
    figure = drawn[-1]
    (axis,) = figure.axes
    (cut,) = axis.lines  # dashed, across the tree
    height = cut.get_ydata()[0]
    assert cut.get_linestyle() == "--" and list(cut.get_ydata()) == [height, height]
    if k:  # between the merges that leave k and k - 1 clusters
        assert tree[-k, 2] < height < tree[-k + 1, 2]
    else:
        assert height == threshold
    # the merges above the cut are grey; below it, each of the clusters has its colour
    links = {
        matplotlib.colors.to_hex(collection.get_color()[0]): collection.get_segments()
        for collection in axis.collections
    }
    above = int((tree[:, 2] > height).sum())
    grey = links.pop("#888888")
    assert len(grey) == above and min(link[:, 1].max() for link in grey) > height
    assert len(links) == above + 1
    assert all(link[:, 1].max() < height for group in links.values() for link in group)
    # the leaves are labelled by the count of the points below them: 300 in all
    leaves = checks.tick_labels(axis, "x")
    assert sum(int(leaf.strip("()")) if leaf.startswith("(") else 1 for leaf in leaves) == 300
    assert "top 7 levels of 300 leaves" in axis.get_title()
    assert checks.load(tmp_path / "d.png").shape[:2] == checks.pixel_size(figure) == (420, 1100)


@pytest.mark.parametrize("with_centres", [True, False])
def test_the_2d_scatter_colours_points_by_cluster_and_marks_the_centres(
    with_centres, tmp_path, drawn
):
    x = np.array([[0.0, 0.0], [2.0, 4.0], [1.0, 2.0], [1.0, 1.0], [3.0, 3.0]])
    clusters = np.array([1, 0, -1, 1, 0])
    centres = x[:2] if with_centres else np.zeros((0, 2))
    run_charts.scatter_figure(x, clusters, centres, "flat", tmp_path / "s.png")
    figure = drawn[-1]
    (axis,) = figure.axes
    points, *crosses = axis.collections
    assert points.get_offsets().tolist() == x.tolist()
    colour = [matplotlib.colors.to_hex(c) for c in points.get_facecolor()]
    assert colour[0] == colour[3] and colour[1] == colour[4]  # one colour per cluster
    assert len({colour[0], colour[1], colour[2]}) == 3  # clusters 1, 0 and the noise differ
    if with_centres:
        (marks,) = crosses
        assert marks.get_offsets().tolist() == centres.tolist()
        assert [matplotlib.colors.to_hex(c) for c in marks.get_facecolor()] == ["#000000"]
    else:
        assert crosses == []
    assert (axis.get_xlabel(), axis.get_ylabel(), axis.get_title()) == (
        "feature 1",
        "feature 2",
        "flat",
    )
    png = checks.load(tmp_path / "s.png")
    assert png.shape[:2] == checks.pixel_size(figure) == (450, 500)


def page_traces(page: str) -> list[dict]:
    """The traces a plotly page draws (the data of its Plotly.newPlot call), arrays decoded."""
    call = re.search(rf'Plotly\.newPlot\(\s*"{scatter3d.DIV_ID}",\s*', page)
    traces, _ = json.JSONDecoder().raw_decode(page, call.end())

    def decoded(value):
        if isinstance(value, dict) and "bdata" in value:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
        return value

    return [{key: decoded(value) for key, value in trace.items()} for trace in traces]


def test_the_3d_view_draws_a_trace_per_cluster_then_noise_then_centres(tmp_path, drawn):
    x = np.array([[0.0, 0.0, 0.0], [2.0, 4.0, 0.0], [1.0, 2.0, 8.0], [1.0, 1.0, 1.0]])
    clusters = np.array([1, 0, -1, 1])
    page_path = tmp_path / "results/blobs/runs/dbscan/raw/seed~0/scatter.html"
    shared = tmp_path / "results/blobs/plotly.min.js"
    scatter3d.scatter3d_page(x, clusters, x[:2], "blobs", page_path, shared, ids=[10, 11, 12, 13])
    traces = page_traces(page_path.read_text())
    assert [t["name"] for t in traces] == ["cluster 0", "cluster 1", "noise", "centres"]
    assert [t["type"] for t in traces] == ["scatter3d"] * 4
    assert traces[1]["customdata"] == [10, 13] and traces[1]["z"] == [0.0, 1.0]
    assert traces[2]["customdata"] == [12] and traces[2]["marker"]["color"] == "#bbbbbb"
    assert traces[3]["x"] == [0.0, 2.0] and traces[3]["marker"]["color"] == "black"
    assert "point %{customdata}, cluster 1" in traces[1]["hovertemplate"]
    scatter3d.scatter3d_figure(x, clusters, x[:2], "blobs", tmp_path / "s.png")
    assert (tmp_path / "s.png").stat().st_size > 0
    # the static view: every point in its cluster's colour (noise grey), black centres
    figure = drawn[-1]
    (axis,) = figure.axes
    points, centres = axis.collections
    assert np.column_stack(points._offsets3d).tolist() == x.tolist()  # no public getter
    colours = Counter(matplotlib.colors.to_hex(c) for c in points.get_facecolor())
    assert colours == {"#ff7f0e": 2, "#1f77b4": 1, "#bbbbbb": 1}  # drawn in depth order
    assert np.column_stack(centres._offsets3d).tolist() == x[:2].tolist()
    assert [matplotlib.colors.to_hex(c) for c in centres.get_facecolor()] == ["#000000"]
    assert (axis.get_title(), axis.get_zlabel()) == ("blobs", "feature 3")
    png = checks.load(tmp_path / "s.png")
    assert png.shape[:2] == checks.pixel_size(figure) == (500, 550)
    assert checks.non_blank_fraction(png) > 0.01


def test_the_3d_view_loads_the_shared_plotly_by_a_relative_path_and_nothing_else(tmp_path):
    page_path = tmp_path / "results/blobs/runs/kmeans/raw/k~7/seed~0/scatter.html"
    shared = tmp_path / "results/blobs/plotly.min.js"
    x = np.random.default_rng(0).random((20, 3))
    scatter3d.scatter3d_page(x, np.zeros(20, int), x[:1], "run", page_path, shared)
    page = page_path.read_text()
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]*)\"", page)
    assert sources == ["../../../../../plotly.min.js"]
    assert (page_path.parent / sources[0]).resolve() == shared.resolve()
    assert "http" not in " ".join(re.findall(r"<script[^>]*>", page))
    assert "cdn" not in page.lower() and len(page) < 100_000  # plotly itself is not inlined
    again = tmp_path / "again.html"
    scatter3d.scatter3d_page(x, np.zeros(20, int), x[:1], "run", again, shared)
    assert again.read_text() == page.replace("../../../../../", "results/blobs/")
    scatter3d.scatter3d_page(x, np.zeros(20, int), x[:1], "run", page_path, shared)
    assert page_path.read_text() == page  # no random id, no time stamp


def test_the_shared_plotly_is_the_packages_own(tmp_path):
    scatter3d.plotly_js_step(tmp_path / "plotly.min.js")
    script = (tmp_path / "plotly.min.js").read_text(encoding="utf-8")
    assert script == plotly.offline.get_plotlyjs() and len(script) > 1_000_000


def test_the_3d_view_of_a_flat_cloud_lies_in_its_plane(tmp_path):
    x = np.array([[0.0, 0.0], [2.0, 4.0]])
    page_path = tmp_path / "v.html"
    scatter3d.scatter3d_page(x, np.array([0, 1]), x[:1], "flat", page_path, tmp_path / "p.js")
    traces = page_traces(page_path.read_text())
    assert [(t["x"], t["y"], t["z"]) for t in traces] == [
        ([0.0], [0.0], [0.0]),
        ([2.0], [4.0], [0.0]),
        ([0.0], [0.0], [0.0]),
    ]


def test_the_3d_view_escapes_its_title(tmp_path):
    title = 'blobs <script>alert("x")</script> & co'
    scatter3d.scatter3d_page(
        np.zeros((2, 3)), np.array([0, 0]), [], title, tmp_path / "v.html", tmp_path / "p.js"
    )
    page = (tmp_path / "v.html").read_text()
    assert "<script>alert" not in page and "</script> &" not in page
    assert "<title>blobs &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>" in page


def test_figures_of_deskewed_images_say_so_in_their_title():
    assert image_grids.images_title("kmeans/raw", {"deskewed": "moments"}) == (
        "kmeans/raw (deskewed images)"
    )
    assert image_grids.images_title("kmeans/raw", {"scaling": "max"}) == "kmeans/raw"

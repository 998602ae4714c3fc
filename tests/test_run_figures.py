"""The figures of one run: which images they choose, and that they are drawn."""

import base64
import json
import re

import matplotlib.image
import numpy as np
import pandas as pd
import plotly.offline
import pytest

from digit_clustering.figures import course as course_figures
from digit_clustering.figures import image_grids, run_figures, scatter3d

pytestmark = pytest.mark.unit


@pytest.fixture
def two_clusters():
    """Twelve 2x2 'images': cluster 0 holds rows 0-6, cluster 1 rows 7-11, row 3 is noise."""
    rng = np.random.default_rng(0)
    pixels = rng.random((12, 4))
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


def test_gallery_and_nearest_figures_are_drawn(two_clusters, tmp_path):
    pixels, clusters, truth = two_clusters
    image_grids.gallery_figure(pixels, truth, clusters, (2, 2), "run", tmp_path / "g.png")
    centres = np.stack([pixels[clusters == c].mean(axis=0) for c in (0, 1)])
    image_grids.nearest_to_centres_figure(
        pixels, centres, pixels, truth, clusters, (2, 2), "run", tmp_path / "n.png"
    )
    for name in ("g.png", "n.png"):
        assert matplotlib.image.imread(tmp_path / name).shape[0] > 50


def test_a_run_of_only_noise_says_so_instead_of_failing(two_clusters, tmp_path):
    pixels, _, truth = two_clusters
    noise = np.full(len(pixels), -1)
    image_grids.gallery_figure(pixels, truth, noise, (2, 2), "run", tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 0


def test_lloyd_figure_draws_every_restart(tmp_path):
    trace = pd.DataFrame(
        {
            "restart": [0, 0, 0, 1, 1],
            "iteration": [1, 2, 3, 1, 2],
            "objective": [10.0, 8.0, 7.5, 9.0, 8.8],
        }
    )
    centres = np.random.default_rng(0).random((3, 4))
    course_figures.lloyd_figure(trace, centres, centres[::-1], (2, 2), "lloyd", tmp_path / "j.png")
    course_figures.lloyd_figure(trace, centres, centres, None, "lloyd", tmp_path / "j2.png")
    assert (tmp_path / "j.png").stat().st_size > 0 and (tmp_path / "j2.png").stat().st_size > 0


def test_the_cut_lies_between_the_merges_that_leave_k_and_k_minus_1_clusters():
    distances = np.array([1.0, 2.0, 4.0, 8.0])  # five leaves
    assert course_figures.cut_height(distances, 2, None) == 6.0  # between 4 and 8
    assert course_figures.cut_height(distances, 5, None) == 8.0  # nothing merged: the top
    assert course_figures.cut_height(distances, None, 3.0) == 3.0


def test_dendrogram_of_a_real_tree(tmp_path):
    from scipy.cluster.hierarchy import linkage

    tree = linkage(np.random.default_rng(0).random((300, 2)), method="ward")
    trace = pd.DataFrame(
        {"left": tree[:, 0], "right": tree[:, 1], "distance": tree[:, 2], "size": tree[:, 3]}
    )
    course_figures.dendrogram_figure(trace, 4, None, "ward", tmp_path / "d.png")
    assert matplotlib.image.imread(tmp_path / "d.png").shape[1] > 500


def page_traces(page: str) -> list[dict]:
    """The traces a plotly page draws (the data of its Plotly.newPlot call), arrays decoded."""
    call = re.search(rf'Plotly\.newPlot\(\s*"{scatter3d.DIV_ID}",\s*', page)
    traces, _ = json.JSONDecoder().raw_decode(page, call.end())

    def decoded(value):
        if isinstance(value, dict) and "bdata" in value:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
        return value

    return [{key: decoded(value) for key, value in trace.items()} for trace in traces]


def test_the_3d_view_draws_a_trace_per_cluster_then_noise_then_centres(tmp_path):
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
    scatter3d.write_plotly_js(tmp_path / "plotly.min.js")
    script = (tmp_path / "plotly.min.js").read_text(encoding="utf-8")
    assert script == plotly.offline.get_plotlyjs() and len(script) > 1_000_000


def test_a_run_page_links_to_the_plotly_of_its_dataset():
    page = "results/blobs/runs/kmeans/raw/k~7@init~random/seed~0/scatter.html"
    shared = run_figures.shared_plotly_js("kmeans/raw/k~7@init~random/seed~0", page)
    assert shared.as_posix() == "results/blobs/plotly.min.js"
    with pytest.raises(ValueError, match="not a page of run"):
        run_figures.shared_plotly_js("gmm/raw/seed~0", page)


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

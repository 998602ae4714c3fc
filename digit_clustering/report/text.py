"""The words of the report: the page's template, metric names and one-line captions."""

METRIC_NAMES = {
    "n_clusters": "clusters",
    "noise_fraction": "noise",
    "accuracy": "accuracy",
    "inferred_accuracy": "inferred acc.",
    "heldout_accuracy": "held-out acc.",
    "ari": "ARI",
    "nmi": "NMI",
    "ami": "AMI",
    "homogeneity": "homog.",
    "completeness": "compl.",
    "v_measure": "V-measure",
    "silhouette": "silhouette",
    "sse": "SSE",
    "sse_pixels": "SSE (pixels)",
    "calinski_harabasz": "Calinski-H.",
    "davies_bouldin": "Davies-B.",
}

FIGURE_CAPTIONS = {
    "centroids.png": "Centres as images, with each cluster's size and majority digit.",
    "confusion.png": "Clusters (rows) against true digits: a pure cluster is one dark cell.",
    "gallery.png": "Random members of each cluster, true label in red: mixed rows are "
    "confused digits.",
    "nearest.png": "The ten images nearest each centre: the cluster's most typical members.",
    "iterations.png": "J per iteration of every restart; best and worst bold, their centres below.",
    "dendrogram.png": "The top of the merge tree; dashed: where it is cut into clusters.",
    "scatter.png": "The points coloured by cluster; black crosses are centres.",
}

STUDY_CAPTIONS = {
    "summary": "Accuracy, ARI and NMI of every run: how close each comes to the true digits.",
    "sweeps": "k sweeps: what each criterion that needs no labels (the SSE elbow, silhouette, "
    "Davies-Bouldin, Calinski-Harabasz, BIC) would choose, against accuracy, which needs them. "
    "The dotted line is the 10 digits. These criteria rarely agree on 10, so k stays yours "
    "to set.",
    "dbscan_grid": "DBSCAN over eps and min_samples: the cluster count and the share of points "
    "left as noise for each setting.",
    "agreement": "ARI between every pair of runs on the same points: blocks of high values "
    "are methods that find the same structure.",
    "neighbours": "Nearest-neighbour look-up: each query image, then its nearest images.",
}

METHOD_DESCRIPTIONS = {
    "kmeans": "scikit-learn's k-means: the k centres that minimise the sum of squared "
    "distances (SSE), best of n_init starts.",
    "minibatch_kmeans": "k-means fitted on small random batches: faster, slightly higher SSE.",
    "lloyd": "Lloyd's algorithm written out: random points as starting centres, alternate "
    "assignment and update, J recorded at every iteration of every restart.",
    "gmm": "A Gaussian mixture fitted by EM: soft, elliptical clusters; BIC compares k.",
    "agglomerative": "Hierarchical clustering: merge the two closest clusters until k remain. "
    "Ward and single linkage run on every point; complete and average on a sample.",
    "dbscan": "Density-based: clusters are dense regions within eps; the rest is noise.",
    "hdbscan": "DBSCAN over every eps at once, keeping the most persistent clusters.",
}

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; color: #222;
  padding: 0 1rem; line-height: 1.4; }}
h2 {{ border-bottom: 2px solid #1b6ca8; padding-bottom: 0.2rem; margin-top: 2.5rem; }}
table {{ border-collapse: collapse; font-size: 0.8rem; }}
th, td {{ padding: 0.2rem 0.5rem; border-bottom: 1px solid #e3e3e3; text-align: right; }}
th:first-child, td:first-child, .best td:last-child {{ text-align: left; }}
table.sortable th {{ cursor: pointer; background: #f4f6f8; position: sticky; top: 0; }}
table.sortable th:hover {{ background: #dde6ee; }}
.wide {{ overflow-x: auto; max-height: 36rem; }}
.summary {{ display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }}
.facts {{ font-size: 0.85rem; color: #444; }}
p.degenerate {{ color: #8a4b00; font-size: 0.85rem; }}
span.degenerate {{ color: #8a4b00; font-size: 0.75rem; }}
figure {{ margin: 0.5rem 0; }} figcaption {{ font-size: 0.8rem; color: #555; max-width: 40rem; }}
img {{ max-width: 100%; height: auto; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }}
.figures figure {{ max-width: 48%; }}
.figures.headline figure.embedding {{ max-width: 100%; }}
p.lead {{ font-size: 1.15rem; }}
.figures figure.centroids, .figures figure.iterations, .figures figure.dendrogram {{
  max-width: 100%; }}
section.run {{ border-top: 1px solid #ddd; margin-top: 1.5rem; }}
nav ul {{ columns: 3; }}
</style></head><body>
<h1>{title}</h1>
<div class="summary"><div>
<p><b>{dataset}</b>: {n_points} points of {n_features} values.<br>
{n_runs} runs of {n_methods} methods.<br>
Built {built}; the study's jobs computed for {compute} ({jobs} jobs, from Snakemake's
benchmarks).<br>
Config digest <code>{digest}</code>
(<a href="#config">the config</a>).<br>
<small>Made with {versions}.</small></p>
<nav><b>Methods</b><ul>{contents}</ul></nav>
<p>{headline_link}<a href="#overview">Overview figures</a> · <a href="#stability">Stability</a> ·
<a href="#label-free">Choosing without labels</a> ·
<a href="#metrics">Every metric</a></p>
</div>
<div><b>Best run per metric</b>{best}</div></div>
{headline}
<h2 id="overview">Overview</h2>
{overview}
<h2 id="stability">Stability over seeds</h2>
<p>Settings run with several seeds: how much their agreement with the true digits varies, and
how much the seeds' clusterings agree with each other (ARI 1: the same partition).</p>
{stability}
<h2 id="label-free">Choosing without labels</h2>
<p>Where one method, space and k ran with several seeds or initialisations, the run a user
without labels would keep is the one with the best score of the fit itself (lowest inertia or
J, highest likelihood). The labels then say how good that choice was, next to the most
accurate run.</p>
{choices}
<h2 id="metrics">Every metric</h2>
<p>Click a heading to sort. Accuracy matches clusters to digits one-to-one (Hungarian);
inferred accuracy lets every cluster predict its majority digit; held-out accuracy (MNIST)
refits on the training split and scores that mapping on the test split. Silhouette and SSE
are Euclidean in the run's feature space; SSE (pixels) in the scaled pixel space, so that
spaces compare. The same table is <a href="../metrics.csv"><code>metrics.csv</code></a>.</p>
<div class="wide">{table}</div>
{sections}
<h2 id="config">The config</h2>
<pre>{config}</pre>
<script>
for (const table of document.querySelectorAll("table.sortable")) {{
  table.querySelectorAll("th").forEach((heading, column) => {{
    heading.addEventListener("click", () => {{
      const body = table.tBodies[0];
      const descending = heading.dataset.order !== "desc";
      heading.dataset.order = descending ? "desc" : "asc";
      const value = row => row.cells[column].dataset.value;
      const rows = Array.from(body.rows).sort((a, b) => {{
        const x = value(a), y = value(b);
        if (x === "" || y === "") return (x === "") - (y === "");
        const difference = isNaN(x) || isNaN(y) ? x.localeCompare(y) : x - y;
        return descending ? -difference : difference;
      }});
      body.append(...rows);
    }});
  }});
}}
</script>
</body></html>
"""

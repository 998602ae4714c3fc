"""Where every file of a study lives: each path pattern once, for the rules and the study.

Patterns use Snakemake's wildcards (``{dataset}``, ``{run}``...); the rules take them as they
are and the study fills them in (`fill`) for its records. Intermediates are named by the
settings that made them (see `settings.codec`), so two settings coexist on disk.
"""

from digit_clustering.data.idx_files import idx_archive

IDX_FILE = "resources/{dataset}/" + idx_archive("{idx_file}")
DATA = "results/{dataset}/data.parquet"
SCALED = "results/{dataset}/scaled/{pixels}.parquet"
SAMPLE = "results/{dataset}/sample/{pixels}/{sample}.parquet"
# A space built from a sample's pixels sits in the folder of its key; one built from another
# space's points in a folder of its own key inside that space's.
SPACE = "results/{dataset}/features/{pixels}/{sample}/{key}"
EMBEDDED = SPACE + "/{embedding}"
# A neighbour graph of a space's images, which a space built on that space's points lays out.
GRAPH = SPACE + "/{graph}/graph.parquet"
GRAPH_HELDOUT = SPACE + "/{graph}/heldout.parquet"  # every image's neighbours among train

RUN = "results/{dataset}/runs/{run}"
RUN_LABELS = RUN + "/labels.parquet"
RUN_CENTRES = RUN + "/centres.parquet"
RUN_TRACE = RUN + "/trace.parquet"
RUN_HELDOUT = RUN + "/heldout.parquet"
RUN_METRICS = RUN + "/metrics.parquet"

SILHOUETTE = "results/{dataset}/silhouette/{space}.parquet"
NEIGHBOURS = "results/{dataset}/neighbours/{space}.parquet"
NEIGHBOURS_FIGURE = "results/{dataset}/neighbours/{space}.png"
AGREEMENT = "results/{dataset}/agreement/{sample}.parquet"
AGREEMENT_FIGURE = "results/{dataset}/agreement/{sample}.png"
METRICS = "results/{dataset}/metrics.parquet"
METRICS_CSV = "results/{dataset}/metrics.csv"
HEADLINE_PAIRS = "results/{dataset}/headline/pairs.parquet"
HEADLINE_EMBEDDING = "results/{dataset}/headline/embedding.png"
HEADLINE_CONFUSED = "results/{dataset}/headline/confused.png"
REPORT = "results/{dataset}/report/index.html"
PLOTLY_JS = "results/{dataset}/plotly.min.js"  # what every 3-D view of a cloud loads

# Each job's log and benchmark, by the job's own name below its dataset (`log`, `benchmark`).
LOGS = "logs/{dataset}"
BENCHMARKS = "benchmarks/{dataset}"
JOBS = {
    "download": "download/{idx_file}",
    "decode": "decode",
    "scale": "scale/{pixels}",
    "subsample": "subsample/{pixels}/{sample}",
    "space": "features/{pixels}/{sample}/{key}",
    "embedding": "features/{pixels}/{sample}/{key}/{embedding}",
    "embedding_heldout": "features/{pixels}/{sample}/{key}/{embedding}.heldout",
    "graph": "features/{pixels}/{sample}/{key}/{graph}",
    "graph_heldout": "features/{pixels}/{sample}/{key}/{graph}.heldout",
    "neighbours": "neighbours/{space}",
    "neighbours_figure": "neighbours/{space}-figure",
    "silhouette": "silhouette/{space}",
    "aggregate": "aggregate",
    "agreement": "agreement/{sample}",
    "agreement_figure": "agreement/{sample}-figure",
    "plotly_js": "plotly_js",
    "headline": "headline",
    "report": "report",
}

# Where jobs write, checked for space and permission before a run starts.
OUTPUT_FOLDERS = tuple(pattern.split("/")[0] for pattern in (RUN, LOGS, BENCHMARKS))


def run_job(step: str) -> str:
    """A job of one run, in its folder: its ``cluster`` job, its ``figures`` job..."""
    return f"runs/{{run}}/{step}"


def log(job: str) -> str:
    return f"{LOGS}/{job}.log"


def benchmark(job: str) -> str:
    return f"{BENCHMARKS}/{job}.tsv"


def run_file(name: str) -> str:
    """The pattern of a file in a run's folder, such as a figure (``centroids.png``)."""
    return f"{RUN}/{name}"


def space_folder(takes: str) -> str:
    """The folder of a space built from ``"pixels"`` or from another space's ``"points"``."""
    return SPACE if takes == "pixels" else EMBEDDED


def key_wildcard(takes: str) -> str:
    """The wildcard of a space's own key in its folder (`space_folder`)."""
    return "key" if takes == "pixels" else "embedding"


def space_file(takes: str, product: str) -> str:
    """A table a space's job writes (``points``, ``model``, ``heldout``)."""
    return f"{space_folder(takes)}/{product}.parquet"


def space_job(takes: str, product: str = "points") -> str:
    """The job that writes a space's table, for its log and benchmark."""
    if takes == "pixels":
        return JOBS["space"]
    return JOBS["embedding_heldout" if product == "heldout" else "embedding"]


def fill(pattern: str, **wildcards) -> str:
    return pattern.format(**wildcards)

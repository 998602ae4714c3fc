"""Where every file of a study lives: each path pattern once, for the rules and the package.

Patterns use Snakemake's wildcards (``{dataset}``, ``{run}``...); the rules take them as they
are and the study fills them in (`fill`). Intermediates are named by the settings that made
them (see `codec`), so two settings coexist on disk.
"""

import re

from digit_clustering.data.idx_files import idx_archive
from digit_clustering.study.codec import NO_TRANSFORM, WHOLE_SAMPLE

IDX_FILE = "resources/{dataset}/" + idx_archive("{idx_file}")
DATA = "results/{dataset}/data.parquet"
SCALED = "results/{dataset}/scaled/{pixels}.parquet"
SAMPLE = "results/{dataset}/sample/{pixels}/{sample}.parquet"
_TRANSFORM = "results/{dataset}/features/{pixels}/{sample}/{transform}"
PCA_POINTS = _TRANSFORM + "/points.parquet"
PCA_MODEL = _TRANSFORM + "/model.parquet"
UMAP_POINTS = _TRANSFORM + "/{embedding}/points.parquet"
UMAP_HELDOUT = _TRANSFORM + "/{embedding}/heldout.parquet"  # fitted on the training split

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
HEADLINE = {
    "pairs": "results/{dataset}/headline/pairs.parquet",
    "embedding": "results/{dataset}/headline/embedding.png",
    "confused": "results/{dataset}/headline/confused.png",
}
REPORT = "results/{dataset}/report/index.html"
PLOTLY_JS = "results/{dataset}/plotly.min.js"  # what every 3-D view of a cloud loads

# Each job's log and benchmark, by the job's own name below its dataset: a run's jobs sit in
# its folder (``runs/{run}/cluster``), so the report finds each run's fit time.
LOGS = "logs/{dataset}"
BENCHMARKS = "benchmarks/{dataset}"
RUN_JOBS = "runs/{run}"


def run_job(step: str) -> str:
    """A job of one run, such as its ``cluster`` job."""
    return f"{RUN_JOBS}/{step}"


CLUSTER_STEP = "cluster"  # the job whose wall time is the run's fit time
CLUSTER_JOB = run_job(CLUSTER_STEP)
_RUN_JOBS_PREFIX = RUN_JOBS.split("{run}")[0]
_RUN_FOLDER = re.compile(
    re.escape(RUN)
    .replace(re.escape("{dataset}"), "[^/]+")
    .replace(re.escape("{run}"), "(?P<run>.+)")
)

# Where jobs write, checked for space and permission before a run starts.
OUTPUT_FOLDERS = tuple(pattern.split("/")[0] for pattern in (RUN, LOGS, BENCHMARKS))


def log(job: str) -> str:
    return f"{LOGS}/{job}.log"


def benchmark(job: str) -> str:
    return f"{BENCHMARKS}/{job}.tsv"


def run_of_benchmark(relative: str) -> tuple[str, str] | None:
    """(run, job) of a benchmark file's path below `BENCHMARKS` (``runs/a/b/cluster.tsv``
    -> ``("a/b", "cluster")``); None for a job of no run."""
    if not relative.startswith(_RUN_JOBS_PREFIX):
        return None
    run, _, job = relative.removeprefix(_RUN_JOBS_PREFIX).removesuffix(".tsv").rpartition("/")
    return run, job


def run_of_file(path: str) -> str:
    """The run whose folder (`RUN`) holds `path`."""
    return _RUN_FOLDER.search(path.rpartition("/")[0]).group("run")


def run_file(name: str) -> str:
    """The pattern of a file in a run's folder, such as a figure (``centroids.png``)."""
    return f"{RUN}/{name}"


def fill(pattern: str, **wildcards) -> str:
    return pattern.format(**wildcards)


def sample_path(dataset: str, pixels: str, sample: str) -> str:
    """The table of sampled points; the whole scaled table when the sample is ``all``."""
    if sample == WHOLE_SAMPLE:
        return fill(SCALED, dataset=dataset, pixels=pixels)
    return fill(SAMPLE, dataset=dataset, pixels=pixels, sample=sample)


def points_path(
    dataset: str, pixels: str, sample: str, transform: str, embedding: str | None = None
) -> str:
    """The table of a feature space's points; the sample itself for a raw space."""
    if transform == NO_TRANSFORM and embedding is None:
        return sample_path(dataset, pixels, sample)
    where = {"dataset": dataset, "pixels": pixels, "sample": sample, "transform": transform}
    if embedding is None:
        return fill(PCA_POINTS, **where)
    return fill(UMAP_POINTS, **where, embedding=embedding)

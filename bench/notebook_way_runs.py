"""The digits study the notebook way: one process, plain libraries, no files but figures.

    python bench/notebook_way.py --study digits [--config FILE] [--figures DIR]

What `snakemake --config dataset=digits` builds from config.yaml, done as a notebook would:
load_digits -> scale -> every space of `datasets.digits.spaces` (pixels, PCA, UMAP of a PCA)
-> every run of `runs` (expanded over its grid) fitted with scikit-learn, hdbscan, fastcluster
or a numpy Lloyd loop, mapped as digit_clustering/methods/*.py map them -> the workflow's
metrics (silhouette per run, ARI between runs) -> one figure per run (centre images and the
confusion matrix), the ARI matrix, the nearest neighbours and the headline scatter.

The package's study model is imported only to read the plan (which spaces, which runs with
which params); none of the work goes through it.
"""

import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import umap
import yaml
from notebook_way_fits import FITS, Fit, cluster_means
from notebook_way_scores import agreement, headline_figure, matrix_figure, run_figure, scores
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split
from sklearn.neighbors import NearestNeighbors

from digit_clustering.study.study import Study

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass
class Space:
    rows: np.ndarray  # the images it holds (all of them, or a sample), in order
    x: np.ndarray  # their features
    pca: PCA | None = None  # maps centres back to pixels


@dataclass
class Work:
    """The study and what has been made of it so far."""

    study: Study
    pixels: np.ndarray  # every image, scaled
    truth: np.ndarray  # every image's digit
    spaces: dict[str, Space] = field(default_factory=dict)
    fits: dict[str, Fit] = field(default_factory=dict)  # by run name
    metrics: dict[str, dict] = field(default_factory=dict)  # by run name
    agreement: dict[str, np.ndarray] = field(default_factory=dict)  # by point set

    @property
    def names(self) -> dict[str, str]:
        """Each run's readable name, by its name."""
        methods = self.study.config["methods"]
        return {r.name: readable_name(r, methods.get(r.method, {})) for r in self.study.runs}


# -- the plan ----------------------------------------------------------------------------------
def merged(config: dict, override: dict) -> dict:
    """`override` merged into `config`, mapping by mapping (as Snakemake's --configfile)."""
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(config.get(key), dict):
            merged(config[key], value)
        else:
            config[key] = value
    return config


def plan(config_path: Path | None) -> Study:
    config = yaml.safe_load((REPOSITORY / "config.yaml").read_text())
    if config_path is not None:
        merged(config, yaml.safe_load(config_path.read_text()))
    config["dataset"] = "digits"
    schema = yaml.safe_load((REPOSITORY / "schemas/config.schema.yaml").read_text())
    return Study(config, schema)


def readable_name(run, defaults: dict) -> str:
    """``gmm/umap10/k=12,n_init=10``: the method, the space and the params off the defaults."""
    changed = ",".join(f"{k}={v}" for k, v in run.params.items() if defaults.get(k) != v)
    return f"{run.method}/{run.space}" + (f"/{changed}" if changed else "")


# -- the spaces --------------------------------------------------------------------------------
def scale(x: np.ndarray, scaling: str) -> np.ndarray:
    """As float32: as it is (none), over the largest value (max), each feature to [0, 1]
    (minmax) or to mean 0 and deviation 1 (standard), constant features left at 0."""
    x = x.astype(np.float64)
    if scaling == "max":
        x = x / np.abs(x).max()
    elif scaling == "minmax":
        spread = x.max(axis=0) - x.min(axis=0)
        x = (x - x.min(axis=0)) / np.where(spread > 0, spread, 1.0)
    elif scaling == "standard":
        deviation = x.std(axis=0)
        x = (x - x.mean(axis=0)) / np.where(deviation > 0, deviation, 1.0)
    return x.astype(np.float32)


def sample_rows(settings: dict, labels: np.ndarray) -> np.ndarray:
    n, size = len(labels), settings["size"]
    keep = n if size == "all" else max(1, round(size * n)) if isinstance(size, float) else size
    if keep == n:
        return np.arange(n)
    if settings["stratify"]:
        rows, _ = train_test_split(
            np.arange(n), train_size=keep, stratify=labels, random_state=settings["seed"]
        )
    else:
        rows = np.random.default_rng(settings["seed"]).choice(n, size=keep, replace=False)
    return np.sort(rows)


def base_space(config: dict, settings: dict, pixels: np.ndarray, labels) -> Space:
    rows = sample_rows(settings.get("sample", config["subsample"]), labels)
    if settings["kind"] == "raw":
        return Space(rows, pixels[rows])
    pca = PCA(
        n_components=settings["n_components"],
        whiten=settings.get("whiten", False),
        random_state=settings.get("seed", 0),
    )
    x = pca.fit_transform(pixels[rows].astype(np.float64)).astype(np.float32)
    return Space(rows, x, pca)


def embedded_space(settings: dict, source: Space) -> Space:
    seed = settings.get("seed", 0)
    model = umap.UMAP(
        n_neighbors=settings.get("n_neighbors", 15),
        n_components=settings["n_components"],
        min_dist=float(settings.get("min_dist", 0.0)),
        metric=settings.get("metric", "euclidean"),
        random_state=seed,
        n_jobs=1 if seed is not None else -1,
    )
    return Space(source.rows, model.fit_transform(source.x).astype(np.float32))


def build_spaces(config: dict, names, pixels: np.ndarray, labels: np.ndarray) -> dict:
    """Every space named, a UMAP space's input first (once, even if it is not named)."""
    spaces = {}
    for name in names:
        settings = config["spaces"][name]
        source = settings["input"] if settings["kind"] == "umap" else name
        if source not in spaces:
            spaces[source] = base_space(config, config["spaces"][source], pixels, labels)
        if source != name:
            spaces[name] = embedded_space(settings, spaces[source])
    return spaces


# -- the figures that need a space
def centre_images(space: Space, fit: Fit, pixels: np.ndarray) -> np.ndarray:
    """Centres as images: through the PCA inverse, as they are, or each cluster's mean image."""
    if len(fit.centres) == 0:  # every point is noise
        return np.empty((0, pixels.shape[1]))
    if space.pca is not None:
        return space.pca.inverse_transform(fit.centres)
    if fit.centres.shape[1] == pixels.shape[1]:
        return fit.centres
    return cluster_means(pixels, fit.labels)


def neighbours_figure(space: Space, pixels: np.ndarray, queries: list[int], k: int, path):
    """Each query image, then its k nearest others in the space."""
    rows = np.searchsorted(space.rows, queries)
    index = NearestNeighbors(n_neighbors=k + 1, algorithm="brute").fit(space.x)
    _, found = index.kneighbors(space.x[rows])
    side = int(np.sqrt(pixels.shape[1]))
    figure, axes = plt.subplots(len(rows), k + 1, figsize=(k + 1, len(rows)), squeeze=False)
    for axes_row, query, neighbours in zip(axes, rows, found, strict=True):
        shown = [query, *[n for n in neighbours if n != query][:k]]
        for axis, row in zip(axes_row, shown, strict=True):
            axis.imshow(pixels[space.rows[row]].reshape(side, side), cmap="gray_r")
            axis.set_axis_off()
    figure.savefig(path)
    plt.close(figure)


# -- the study ---------------------------------------------------------------------------------
@contextmanager
def timed(phases: dict, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    phases[name] = phases.get(name, 0.0) + time.perf_counter() - started


def fit_runs(work: Work) -> None:
    for run in work.study.runs:
        work.fits[run.name] = FITS[run.method](work.spaces[run.space].x, run.params)


def score_runs(work: Work) -> None:
    """Every run's scores, and the ARI matrix of every set of runs on the same points."""
    for run in work.study.runs:
        rows, x = work.spaces[run.space].rows, work.spaces[run.space].x
        clusters = work.fits[run.name].labels
        work.metrics[run.name] = scores(work.truth[rows], clusters, x, work.pixels[rows])
    for key, sample in work.study.samples.items():
        work.agreement[key] = agreement([work.fits[name].labels for name in sample.runs])


def draw_runs(work: Work, folder: Path) -> int:
    """One figure per run; returns how many were drawn."""
    names = work.names
    for number, run in enumerate(work.study.runs):
        space, fit = work.spaces[run.space], work.fits[run.name]
        images = centre_images(space, fit, work.pixels[space.rows])
        truth, path = work.truth[space.rows], folder / f"run{number}.png"
        run_figure(names[run.name], images, truth, fit.labels, path)
    return len(work.study.runs)


def draw_study(work: Work, folder: Path) -> int:
    """The study's own figures: agreement, nearest neighbours, headline; returns how many."""
    study, names = work.study, work.names
    for number, (key, sample) in enumerate(study.samples.items()):
        labels = [names[name] for name in sample.runs]
        matrix_figure(labels, work.agreement[key], folder / f"agreement{number}.png")
    drawn = len(work.agreement)
    if study.lookup:
        lookup, path = study.lookup, folder / "neighbours.png"
        neighbours_figure(work.spaces[lookup.space], work.pixels, lookup.queries, lookup.k, path)
        drawn += 1
    if study.headline:
        headline = study.headline
        best = max(headline.runs, key=lambda name: work.metrics[name]["accuracy"])
        view = work.spaces[headline.view or headline.space]
        clusters = work.fits[best].labels
        truth, path = work.truth[view.rows], folder / "headline.png"
        headline_figure(names[best], view.x, clusters, truth, path)
        drawn += 1
    return drawn


def run_study(config_path: Path | None, figures: Path | None, started: float) -> None:
    """The digits study in this process; prints one JSON line of times and accuracies.

    `started`: when the process started its imports, which count as a phase."""
    phases = {"imports": time.perf_counter() - started}
    with timed(phases, "plan"):
        study = plan(config_path)
    with timed(phases, "spaces"):
        digits = load_digits()
        work = Work(study, scale(digits.data, study.config["scale"]), digits.target)
        work.spaces = build_spaces(study.config, study.spaces, work.pixels, work.truth)
    with timed(phases, "fits"):
        fit_runs(work)
    with timed(phases, "metrics"):
        score_runs(work)
    with timed(phases, "figures"), tempfile.TemporaryDirectory() as scratch:
        folder = figures or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        drawn = draw_runs(work, folder) + draw_study(work, folder)
    names = work.names
    accuracy = {names[name]: metrics["accuracy"] for name, metrics in work.metrics.items()}
    report = {
        "study": "digits",
        "runs": len(study.runs),
        "wall": time.perf_counter() - started,
        "mean_accuracy": float(np.mean(list(accuracy.values()))),
        "phases": phases,
        "figures": drawn,
        "accuracy": accuracy,
    }
    print(json.dumps(report))

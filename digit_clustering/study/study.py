"""The study a config describes: its feature spaces, its runs, and where each result lives.

Every intermediate path is named by the settings that made it (``key~value`` pairs), so two
settings coexist on disk and a changed setting is a new path: Snakemake builds exactly the
missing pieces. Runs are named ``{method}/{space}/{params}/seed~{seed}``.
"""

import copy
import hashlib
import itertools
from dataclasses import dataclass, replace

import yaml

from digit_clustering.methods.registry import (
    METHODS,
    distance_matrix_mb,
    job_memory_mb,
    largest_matrix_points,
)
from digit_clustering.prepare.sampling import sample_size
from digit_clustering.study.config_check import ConfigError, check_against_schema, did_you_mean

# Every dataset but these two is MNIST-format: four IDX files (see `is_idx_dataset`).
BUILT_IN_DATASETS = ("digits", "blobs")
IDX_DATASET_SHAPE = (70_000, 784)
DIGITS_SHAPE = (1_797, 64)
# "@" separates settings; "," may not appear anywhere in a path segment because Snakemake
# passes a job's wildcards to cluster jobs as comma-separated pairs.
KEY_SEPARATORS = ("/", "@", "~", ",")
RUN_TABLES = ("labels.parquet", "centres.parquet", "trace.parquet", "metrics.parquet")
IMAGE_FIGURES = ("centroids.png", "confusion.png", "gallery.png", "nearest.png")
CLOUD_FIGURES = ("scatter.png", "confusion.png", "scatter.html")


def is_idx_dataset(dataset: str) -> bool:
    """MNIST and its drop-in replacements: 60,000 + 10,000 images of 28 x 28 as IDX files."""
    return dataset not in BUILT_IN_DATASETS


def encode(settings: dict) -> str:
    """``{"n": 500, "seed": 0}`` -> ``"n~500@seed~0"``: a readable, reversible path segment."""
    return "@".join(f"{name}~{_format(value)}" for name, value in settings.items())


def decode(key: str) -> dict:
    """The inverse of `encode`, with numbers and booleans restored."""
    settings = {}
    for pair in key.split("@"):
        name, _, text = pair.partition("~")
        settings[name] = _parse(text)
    return settings


def _format(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if any(separator in text for separator in KEY_SEPARATORS):
        raise ConfigError(f"value {text!r} cannot contain any of {' '.join(KEY_SEPARATORS)}")
    return text


def _parse(text: str):
    if text == "none":
        return None
    if text in ("true", "false"):
        return text == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def sample_path(dataset: str, scaling: str, sample: str) -> str:
    """The table of sampled points; the whole scaled table when the sample is ``all``."""
    if sample == "all":
        return f"results/{dataset}/scaled/{scaling}.parquet"
    return f"results/{dataset}/sample/{scaling}/{sample}.parquet"


def points_path(
    dataset: str, scaling: str, sample: str, transform: str, embedding: str | None = None
) -> str:
    """The table of a feature space's points; the sample itself for a raw space."""
    if transform == "raw" and embedding is None:
        return sample_path(dataset, scaling, sample)
    parts = [scaling, sample, transform] + ([embedding] if embedding else [])
    return f"results/{dataset}/features/{'/'.join(parts)}/points.parquet"


@dataclass(frozen=True)
class Space:
    """A named feature space: scaling, then a sample, then a transform (raw or PCA), and
    optionally an embedding of that (UMAP)."""

    name: str
    scaling: str
    sample: str
    transform: str
    n_points: int
    embedding: str | None = None
    embeds_train_only: bool = False  # held out: an embedding fitted on the training split

    @property
    def is_raw(self) -> bool:
        return self.transform == "raw" and self.embedding is None


@dataclass(frozen=True)
class Run:
    name: str
    method: str
    space: str
    params: dict


class Study:
    """A validated config, as spaces, runs and paths under ``results/{dataset}``."""

    def __init__(self, config: dict, schema: dict):
        check_against_schema(config, schema)
        self.config = config
        self.dataset = self._dataset()
        self.method_schemas = schema["properties"]["methods"]["properties"]
        self.n_points, self.n_features = self._dataset_shape()
        self.spaces = self._spaces()
        self.runs = self._runs()
        self.neighbours_space = self._neighbours_space()
        self.headline_space, self.headline_view = self._headline()

    # -- paths -------------------------------------------------------------------------------
    @property
    def root(self) -> str:
        return f"results/{self.dataset}"

    def features_path(self, space_name: str) -> str:
        space = self.spaces[space_name]
        return points_path(
            self.dataset, space.scaling, space.sample, space.transform, space.embedding
        )

    def describe_space(self, space_name: str) -> str:
        """How a space is made, for people: ``PCA-50 → UMAP-10``."""
        settings = self.config["spaces"][space_name]
        if settings["kind"] == "raw":
            return "pixels"
        if settings["kind"] == "pca":
            return f"PCA-{settings['n_components']}"
        return f"{self.describe_space(settings['input'])} → UMAP-{settings['n_components']}"

    def heldout_features_path(self, space_name: str) -> str:
        """The points a held-out fit uses: the space's own, or for a UMAP space with
        ``heldout: train`` its embedding fitted on the training split alone."""
        path = self.features_path(space_name)
        if self.spaces[space_name].embeds_train_only:
            return path.replace("points.parquet", "heldout.parquet")
        return path

    def pixels_path(self, space_name: str) -> str:
        """The scaled pixels of a space's points, in its order."""
        space = self.spaces[space_name]
        return sample_path(self.dataset, space.scaling, space.sample)

    def model_path(self, space_name: str) -> str | None:
        """The PCA model that maps a PCA space back to pixels; None for other spaces."""
        space = self.spaces[space_name]
        if space.transform == "raw" or space.embedding:
            return None
        return self.features_path(space_name).replace("points.parquet", "model.parquet")

    def run_path(self, run: Run, name: str) -> str:
        return f"{self.root}/runs/{run.name}/{name}"

    def silhouette_path(self, space_name: str) -> str:
        return f"{self.root}/silhouette/{space_name}.parquet"

    def run_figures(self, run: Run) -> list[str]:
        """The figures of a run: its pictures of the clusters, and of its fit where it has one."""
        names = list(IMAGE_FIGURES if self.has_images else CLOUD_FIGURES)
        if METHODS[run.method].course_figure:
            names.append(METHODS[run.method].course_figure)
        return [self.run_path(run, name) for name in names]

    @property
    def has_images(self) -> bool:
        return self.dataset != "blobs"

    def point_sets(self) -> dict[str, list[Run]]:
        """Runs grouped by the points they cluster (``{scaling}/{sample}``): PCA and pixel
        spaces of one sample hold the same points, so their runs compare label by label."""
        groups = {}
        for run in self.runs:
            space = self.spaces[run.space]
            groups.setdefault(f"{space.scaling}/{space.sample}", []).append(run)
        return groups

    def agreement_path(self, point_set: str, suffix: str = "parquet") -> str:
        return f"{self.root}/agreement/{point_set}.{suffix}"

    def neighbours_paths(self) -> list[str]:
        if not self.neighbours_space:
            return []
        stem = f"{self.root}/neighbours/{self.neighbours_space}"
        return [f"{stem}.parquet", f"{stem}.png"] if self.has_images else [f"{stem}.parquet"]

    def headline_paths(self) -> dict[str, str]:
        """What the headline step writes: its confused pairs and two figures; none when the
        study has no headline."""
        if self.headline_space is None:
            return {}
        stem = f"{self.root}/headline"
        names = {"pairs": "pairs.parquet", "embedding": "embedding.png", "confused": "confused.png"}
        return {key: f"{stem}/{name}" for key, name in names.items()}

    def targets(self) -> list[str]:
        """Every file of the study, so that a deleted intermediate is rebuilt too."""
        paths = [f"{self.root}/data.parquet", f"{self.root}/report/index.html"]
        used_spaces = dict.fromkeys(run.space for run in self.runs)
        for space in used_spaces:
            paths += [self.features_path(space), self.silhouette_path(space)]
            paths += [self.model_path(space)] if self.model_path(space) else []
        for run in self.runs:
            paths += [self.run_path(run, name) for name in RUN_TABLES]
            paths += self.run_figures(run)
            if self.holds_out(run):
                paths.append(self.heldout_features_path(run.space))
                paths.append(self.run_path(run, "heldout.parquet"))
        for point_set in self.point_sets():
            paths += [self.agreement_path(point_set), self.agreement_path(point_set, "png")]
        paths += self.neighbours_paths()
        paths += self.headline_paths().values()
        if self.headline_view:
            paths.append(self.features_path(self.headline_view))
        return list(dict.fromkeys(paths))

    def holds_out(self, run: Run) -> bool:
        """Whether a run is also fitted on the train split to label the test split."""
        return (
            self.config["evaluation"]["heldout"]
            and is_idx_dataset(self.dataset)
            and METHODS[run.method].predicts
        )

    def runs_in(self, space_name: str) -> list[Run]:
        return [run for run in self.runs if run.space == space_name]

    def run(self, name: str) -> Run:
        return self._runs_by_name[name]

    def config_text(self) -> str:
        """The config as YAML, without the keys that say where data is fetched from: they
        change no result (every file is checked against its MD5)."""
        config = copy.deepcopy(self.config)
        config.pop("mnist_mirror", None)
        for settings in config.get("datasets", {}).values():
            for key in ("mirrors", "timeout"):
                settings.pop(key, None)
        return yaml.safe_dump(config, sort_keys=False, width=100)

    def config_digest(self) -> str:
        """A short fingerprint of `config_text`: two reports with the same digest describe
        the same study."""
        return hashlib.sha256(self.config_text().encode()).hexdigest()[:12]

    # -- building and checking ---------------------------------------------------------------
    def _dataset(self) -> str:
        dataset = self.config["dataset"]
        declared = self.config["datasets"]
        if dataset not in declared:
            raise ConfigError(
                f"config key 'dataset' is {dataset!r}, which is not declared under 'datasets' "
                f"({', '.join(declared)}). Choose one of those, or declare an MNIST-format "
                f"dataset there with its mirrors and md5 checksums."
                + did_you_mean(dataset, declared)
            )
        return dataset

    def _dataset_shape(self) -> tuple[int, int]:
        if self.dataset == "blobs":
            blobs = self.config["datasets"]["blobs"]
            return blobs["n_samples"], blobs["n_features"]
        return DIGITS_SHAPE if self.dataset == "digits" else IDX_DATASET_SHAPE

    def _sample(self, settings: dict, where: str) -> tuple[str, int]:
        """A sample's path segment and its number of points (as `subsample` will keep)."""
        size = settings["size"]
        if size == "all":
            return "all", self.n_points
        if isinstance(size, int) and size > self.n_points:
            raise ConfigError(
                f"config key '{where}.size' is {size}, but {self.dataset} has "
                f"{self.n_points} points; use at most {self.n_points}, a fraction, or 'all'."
            )
        amount = "fraction" if isinstance(size, float) else "n"
        key = encode({amount: size, "seed": settings["seed"], "stratify": settings["stratify"]})
        return key, sample_size(self.n_points, size)

    def _spaces(self) -> dict[str, Space]:
        declared = self.config["spaces"]
        selected = self.config["datasets"].get(self.dataset, {}).get("spaces") or list(declared)
        for name in selected:
            if name not in declared:
                raise ConfigError(
                    f"config key 'datasets.{self.dataset}.spaces' names space {name!r}, which "
                    f"is not declared under 'spaces' ({', '.join(declared)})."
                    + did_you_mean(name, declared)
                )
        return {name: self._space(name) for name in selected}

    def _space(self, name: str) -> Space:
        settings = self.config["spaces"][name]
        if settings["kind"] == "umap":
            return self._embedding(name, settings)
        if "sample" in settings:
            sample, n_sampled = self._sample(settings["sample"], f"spaces.{name}.sample")
        else:
            sample, n_sampled = self._sample(self.config["subsample"], "subsample")
        transform = "raw"
        if settings["kind"] == "pca":
            limit = min(n_sampled, self.n_features)
            if settings["n_components"] > limit:
                raise ConfigError(
                    f"config key 'spaces.{name}.n_components' is {settings['n_components']}, "
                    f"but {self.dataset} ({n_sampled} points of {self.n_features} "
                    f"features) allows at most {limit}."
                )
            transform = "pca~" + encode(
                {
                    "n_components": settings["n_components"],
                    "whiten": settings.get("whiten", False),
                    "seed": settings.get("seed", 0),
                }
            ).removeprefix("n_components~")
        return Space(name, self.config["scale"], sample, transform, n_sampled)

    def _embedding(self, name: str, settings: dict) -> Space:
        """A UMAP space: the embedding of its input space's points."""
        declared = self.config["spaces"]
        source = settings["input"]
        if source not in declared or declared[source]["kind"] == "umap":
            embeddable = [n for n, s in declared.items() if s["kind"] != "umap"]
            raise ConfigError(
                f"config key 'spaces.{name}.input' is {source!r}; a umap space embeds a raw or "
                f"pca space declared under 'spaces' ({', '.join(embeddable)})."
                + did_you_mean(source, embeddable)
            )
        base = self._space(source)
        n_neighbors = settings.get("n_neighbors", 15)
        for key, value in (
            ("n_components", settings["n_components"]),
            ("n_neighbors", n_neighbors),
        ):
            if value >= base.n_points - 1:
                raise ConfigError(
                    f"config key 'spaces.{name}.{key}' is {value}, but its input space "
                    f"{source!r} has {base.n_points} points; use at most {base.n_points - 2}."
                )
        embedding = "umap~" + encode(
            {
                "n_components": settings["n_components"],
                "n_neighbors": n_neighbors,
                "min_dist": float(settings.get("min_dist", 0.0)),
                "metric": settings.get("metric", "euclidean"),
                "seed": settings.get("seed", 0),
            }
        ).removeprefix("n_components~")
        train_only = settings.get("heldout", "train") == "train"
        return replace(base, name=name, embedding=embedding, embeds_train_only=train_only)

    def _neighbours_space(self) -> str | None:
        lookup = self.config["neighbours"]
        name = lookup["space"]
        if name is None or name not in self.config["spaces"]:
            if name is not None:
                raise ConfigError(
                    f"config key 'neighbours.space' is {name!r}, which is not declared under "
                    f"'spaces' ({', '.join(self.config['spaces'])})."
                    + did_you_mean(name, self.config["spaces"])
                )
            return None
        if name not in self.spaces:
            return None  # this dataset's study does not use that space
        too_large = [query for query in lookup["queries"] if query >= self.n_points]
        if too_large:
            raise ConfigError(
                f"config key 'neighbours.queries' has ids {too_large}, but {self.dataset}'s ids "
                f"run from 0 to {self.n_points - 1}."
            )
        return name

    def _headline(self) -> tuple[str | None, str | None]:
        """The space whose most accurate run opens the report and the space it is drawn in;
        no headline when the study runs nothing in that space or its points are no images."""
        space, view = self.config["headline"]["space"], self.config["headline"]["view"]
        declared = self.config["spaces"]
        for key, name in (("space", space), ("view", view)):
            if name is not None and name not in declared:
                raise ConfigError(
                    f"config key 'headline.{key}' is {name!r}, which is not declared under "
                    f"'spaces' ({', '.join(declared)})." + did_you_mean(name, declared)
                )
        if space is None or not self.has_images or not self.runs_in(space):
            return None, None
        if view is not None and view not in self.spaces:
            raise ConfigError(
                f"config key 'headline.view' is {view!r}, a space {self.dataset}'s study does "
                f"not use: add it to 'datasets.{self.dataset}.spaces', or set headline.view to "
                "null to draw the headline on its own space's first two principal axes."
            )
        if view is not None and self.spaces[view].sample != self.spaces[space].sample:
            raise ConfigError(
                f"config key 'headline.view' is {view!r}, whose sample is not that of "
                f"headline.space {space!r}: the view must hold the same points."
            )
        return space, view

    def _runs(self) -> list[Run]:
        runs = []
        for index, entry in enumerate(self.config["runs"]):
            where = f"runs[{index}]"
            method = entry["method"]
            if method not in METHODS or method not in self.method_schemas:
                raise ConfigError(
                    f"config key '{where}.method' is {method!r}, which is not a known method; "
                    f"choose one of {', '.join(sorted(METHODS))}.{did_you_mean(method, METHODS)}"
                )
            if entry["space"] not in self.config["spaces"]:
                raise ConfigError(
                    f"config key '{where}.space' is {entry['space']!r}, which is not declared "
                    f"under 'spaces' ({', '.join(self.config['spaces'])})."
                    + did_you_mean(entry["space"], self.config["spaces"])
                )
            if entry["space"] not in self.spaces:
                continue  # this dataset's study does not use that space
            runs.extend(self._expand(entry, where))
        if not runs:
            raise ConfigError(
                f"the config's runs expand to no run on {self.dataset}: every run uses a space "
                f"outside datasets.{self.dataset}.spaces, or a grid is empty."
            )
        self._runs_by_name = {}
        for run in runs:
            if run.name in self._runs_by_name:
                raise ConfigError(
                    f"two entries of 'runs' describe the same run {run.name!r}: remove one, or "
                    "make them differ (params, seed or space)."
                )
            self._runs_by_name[run.name] = run
        return runs

    def _expand(self, entry: dict, where: str) -> list[Run]:
        method = entry["method"]
        method_schema = self.method_schemas[method]
        defaults = self.config["methods"].get(method, {})
        names = list(entry["grid"])
        runs = []
        for values in itertools.product(*(entry["grid"][name] for name in names)):
            params = {**defaults, **entry["params"], **dict(zip(names, values, strict=True))}
            check_against_schema(params, method_schema, prefix=(where, "params"))
            ordered = {name: params[name] for name in method_schema["properties"]}
            self._check_run_fits_data(method, ordered, self.spaces[entry["space"]], where)
            runs.append(
                Run(
                    self._run_name(method, entry["space"], ordered), method, entry["space"], ordered
                )
            )
        return runs

    def _check_run_fits_data(self, method: str, params: dict, space: Space, where: str) -> None:
        k = params.get("k")
        if k is not None and k > space.n_points:
            raise ConfigError(
                f"config key '{where}.params.k' is {k}, more clusters than the "
                f"{space.n_points} points of space {space.name!r}; use at most {space.n_points}."
            )
        if method == "agglomerative" and (k is None) == (params["distance_threshold"] is None):
            raise ConfigError(
                f"config key '{where}.params': agglomerative clustering is cut either into "
                f"k clusters or at a distance_threshold; set exactly one of them (the other "
                f"to null), not k={k} and distance_threshold={params['distance_threshold']}."
            )
        budget, base = self.config["max_job_memory_mb"], METHODS[method].memory_mb
        if base > budget:
            raise ConfigError(
                f"config key 'max_job_memory_mb' is {budget}, below the {base} MB a {method} "
                f"job declares; raise it to at least {base}."
            )
        if job_memory_mb(method, space.n_points, params) > budget:
            raise ConfigError(
                f"config key '{where}': {params['linkage']} linkage needs the condensed "
                f"distance matrix, {distance_matrix_mb(space.n_points):,.0f} MB for the "
                f"{space.n_points} points of space {space.name!r}, more than "
                f"max_job_memory_mb={budget} allows. Give it a space with a sample of at "
                f"most {largest_matrix_points(budget - base)} points "
                "(spaces.<name>.sample.size), or use ward or single linkage, which need no "
                "matrix."
            )

    def run_memory_mb(self, run: Run) -> int:
        return job_memory_mb(run.method, self.spaces[run.space].n_points, run.params)

    @staticmethod
    def _run_name(method: str, space: str, params: dict) -> str:
        seed = params.get("seed")
        rest = {name: value for name, value in params.items() if name != "seed"}
        name = f"{method}/{space}/{encode(rest) or 'defaults'}"
        return f"{name}/seed~{seed}" if seed is not None else name


def short_names(runs: list[str]) -> dict[str, str]:
    """Each run named by its method, space and only the settings that vary between the runs
    of its method: ``kmeans/pca50 k=12`` rather than every setting."""
    parsed = {}
    for run in runs:
        method, space, params, *seed = run.split("/")
        settings = {} if params == "defaults" else decode(params)
        if seed:
            settings.update(decode(seed[0]))
        parsed[run] = (method, space, settings)
    names = {}
    for run, (method, space, settings) in parsed.items():
        peers = [other for other in parsed.values() if other[0] == method]
        varying = [
            name for name in settings if len({repr(peer[2].get(name)) for peer in peers}) > 1
        ]
        details = " ".join(f"{name}={_format(settings[name])}" for name in varying)
        names[run] = f"{method}/{space} {details}".rstrip()
    return names

"""The feature spaces of a study: each named space as its kind's settings (defaults filled in
from the kind's declarations), the sample and pixels it is built from, where its tables are and
the job that builds them, checked against the data it will be built from."""

from dataclasses import dataclass, field

from digit_clustering.features.kind import SpaceKind
from digit_clustering.features.registry import SPACE_KINDS
from digit_clustering.prepare.sampling import sample_size
from digit_clustering.settings.codec import WHOLE_SAMPLE, encode, pixels_key, space_key
from digit_clustering.settings.errors import ConfigError, did_you_mean
from digit_clustering.settings.parameter import resolved
from digit_clustering.study import layout
from digit_clustering.study.graphs import GraphJob, graph_job


@dataclass(frozen=True)
class Data:
    """What the spaces are built from: the dataset's name, its shape and whether it holds
    images."""

    name: str
    n_points: int
    n_features: int
    has_images: bool = True


@dataclass(frozen=True)
class SpaceJob:
    """The job that builds a space's tables: its kind's step on its input, with the settings
    that make its points (its params), on the threads and memory its kind declares."""

    kind: str
    where: tuple  # the wildcards of its folder: (pixels, sample, key, embedding or None)
    settings: dict
    input: str
    outputs: dict[str, str]
    heldout: str | None  # its layout fitted on the training split alone (a job of its own)
    threads: int
    mem_mb: int
    runtime: int
    benchmarks: tuple[str, ...]
    graph: str | None = None  # the neighbour graph it lays out, if not its own
    heldout_graph: str | None = None  # that graph among the training images, for `heldout`


@dataclass(frozen=True)
class Space:
    """A named feature space and every path of it; `runs`, `labels` and `silhouette` are
    filled in once the runs are known (`with_runs`)."""

    name: str
    kind: str
    settings: dict
    n_points: int
    sample: str  # the key of the points it holds (`codec.encode` of its sample's settings)
    pixels_key: str  # how its images were prepared (`codec.pixels_key`)
    deskewed: bool
    description: str  # for people: ``deskewed pixels → PCA-50 → UMAP-10``
    pixels: str  # the table of its points' prepared pixels, in its order
    points: str  # the table of its points
    model: str | None  # the model that maps its points back to pixels, if it has one
    heldout_points: str  # what a held-out fit of a run in it reads
    job: SpaceJob | None  # what builds its points; None when they are its sample itself
    input_job: SpaceJob | None = None  # what builds the points of the space it is built from
    graph_job: GraphJob | None = None  # what builds the neighbour graph its job lays out
    runs: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    silhouette: str | None = None
    silhouette_settings: dict = field(default_factory=dict)


def build_spaces(config: dict, data: Data) -> dict[str, Space]:
    """The spaces the dataset's study uses (``datasets.<name>.spaces``, else every one)."""
    declared = config["spaces"]
    selected = config["datasets"].get(data.name, {}).get("spaces") or list(declared)
    for name in selected:
        if name not in declared:
            raise ConfigError(
                f"config key 'datasets.{data.name}.spaces' names space {name!r}, which "
                f"is not declared under 'spaces' ({', '.join(declared)})."
                + did_you_mean(name, declared)
            )
    return {name: _space(config, name, data) for name in selected}


def deskews(config: dict, name: str) -> bool:
    """Whether a space's pixels are deskewed: its own ``deskew``, else its dataset's; a space
    built from another's points takes that one's."""
    settings = config["spaces"][name]
    if SPACE_KINDS[settings["kind"]].takes == "points":
        return deskews(config, settings["input"])
    dataset = config["datasets"].get(config["dataset"]) or {}
    return settings.get("deskew", dataset.get("deskew", False))


def _sample(settings: dict, where: str, data: Data) -> tuple[str, int]:
    """A sample's path segment and its number of points (as `subsample` will keep)."""
    size = settings["size"]
    covers_every_point = isinstance(size, int) and size >= data.n_points
    if size == "all" or (covers_every_point and settings.get("at_most", False)):
        return WHOLE_SAMPLE, data.n_points
    if covers_every_point and size > data.n_points:
        raise ConfigError(
            f"config key '{where}.size' is {size}, but {data.name} has "
            f"{data.n_points} points; use at most {data.n_points}, a fraction, or 'all', "
            f"or set '{where}.at_most: true' to keep every point of a smaller dataset."
        )
    amount = "fraction" if isinstance(size, float) else "n"
    key = encode({amount: size, "seed": settings["seed"], "stratify": settings["stratify"]})
    return key, sample_size(data.n_points, size)


def _space(config: dict, name: str, data: Data) -> Space:
    entry = config["spaces"][name]
    kind = SPACE_KINDS[entry["kind"]]
    dataset = config["datasets"].get(data.name) or {}
    given = {key: dataset[key] for key in kind.dataset_defaults if key in dataset}
    settings = resolved(kind.parameters, {**given, **entry})
    if kind.takes == "points":
        return _built_on(config, name, kind, settings, data)
    if "sample" in entry:
        sample, n_points = _sample(entry["sample"], f"spaces.{name}.sample", data)
    else:
        sample, n_points = _sample(config["subsample"], "subsample", data)
    _check_components(name, settings, n_points, data)
    deskewed = deskews(config, name)
    if deskewed and not data.has_images:
        raise ConfigError(
            f"space {name!r} deskews its pixels, but {data.name} is a point cloud, not images; "
            f"set 'deskew: false' for space {name!r} and for dataset {data.name!r}."
        )
    pixels = pixels_key(config["scale"], deskewed)
    wildcards = {"dataset": data.name, "pixels": pixels, "sample": sample}
    sample_table = layout.fill(
        layout.SCALED if sample == WHOLE_SAMPLE else layout.SAMPLE, **wildcards
    )
    wildcards["key"] = space_key(entry["kind"], kind.keyed(settings))
    job = _job(entry["kind"], kind, settings, sample_table, wildcards)
    label = kind.label(settings) if kind.label else None
    plain = "deskewed pixels" if deskewed else "pixels"
    return Space(
        name=name,
        kind=entry["kind"],
        settings=settings,
        n_points=n_points,
        sample=sample,
        pixels_key=pixels,
        deskewed=deskewed,
        description=(f"deskewed pixels → {label}" if deskewed else label) if label else plain,
        pixels=sample_table,
        points=job.outputs["points"] if job else sample_table,
        model=job.outputs.get("model") if job else None,
        heldout_points=job.outputs["points"] if job else sample_table,
        job=job,
    )


def _built_on(config: dict, name: str, kind: SpaceKind, settings: dict, data: Data) -> Space:
    """A space built from the points of its input space, whose sample and pixels it keeps."""
    declared = config["spaces"]
    source = config["spaces"][name]["input"]
    built_from_pixels = [n for n, s in declared.items() if SPACE_KINDS[s["kind"]].takes == "pixels"]
    if source not in built_from_pixels:
        raise ConfigError(
            f"config key 'spaces.{name}.input' is {source!r}; a {declared[name]['kind']} space "
            f"embeds a space built from pixels, declared under 'spaces' "
            f"({', '.join(built_from_pixels)})." + did_you_mean(source, built_from_pixels)
        )
    base = _space(config, source, data)
    for key in kind.below_points:
        if settings[key] >= base.n_points - 1:
            raise ConfigError(
                f"config key 'spaces.{name}.{key}' is {settings[key]}, but its input space "
                f"{source!r} has {base.n_points} points; use at most {base.n_points - 2}."
            )
    wildcards = {
        "dataset": data.name,
        "pixels": base.pixels_key,
        "sample": base.sample,
        "key": space_key(base.kind, base.job.settings if base.job else {}),
        "embedding": space_key(declared[name]["kind"], kind.keyed(settings)),
    }
    graph = graph_job(name, kind, settings, base, data.has_images, wildcards)
    job = _job(declared[name]["kind"], kind, settings, base.points, wildcards, graph)
    trains_alone = job.heldout is not None and settings.get("heldout", "train") == "train"
    return Space(
        name=name,
        kind=declared[name]["kind"],
        settings=settings,
        n_points=base.n_points,
        sample=base.sample,
        pixels_key=base.pixels_key,
        deskewed=base.deskewed,
        description=f"{base.description} → {kind.label(settings)}",
        pixels=base.pixels,
        points=job.outputs["points"],
        model=None,
        heldout_points=job.heldout if trains_alone else job.outputs["points"],
        job=job,
        input_job=base.job,
        graph_job=graph,
    )


def _check_components(name: str, settings: dict, n_points: int, data: Data) -> None:
    """A space of pixels keeps no more components than its sample's points or features."""
    components, limit = settings.get("n_components"), min(n_points, data.n_features)
    if components is not None and components > limit:
        raise ConfigError(
            f"config key 'spaces.{name}.n_components' is {components}, but {data.name} "
            f"({n_points} points of {data.n_features} features) allows at most {limit}."
        )


def _job(
    name: str,
    kind: SpaceKind,
    settings: dict,
    source: str,
    wildcards: dict,
    graph: GraphJob | None = None,
):
    """The job that builds a space of `kind` from `source` (laying out `graph`, if it is
    given); None for a kind that builds none."""
    if not kind.builds:
        return None
    outputs = {
        product: layout.fill(layout.space_file(kind.takes, product), **wildcards)
        for product in kind.products
    }
    heldout = None
    if kind.places_heldout:
        heldout = layout.fill(layout.space_file(kind.takes, "heldout"), **wildcards)
    jobs = [layout.space_job(kind.takes)] + (
        [layout.space_job(kind.takes, "heldout")] if heldout else []
    )
    return SpaceJob(
        kind=name,
        where=tuple(wildcards.get(k) for k in ("pixels", "sample", "key", "embedding")),
        settings=kind.keyed(settings),
        input=source,
        outputs=outputs,
        heldout=heldout,
        threads=kind.threads(settings),
        mem_mb=kind.memory_mb,
        runtime=kind.runtime_min,
        benchmarks=tuple(layout.fill(layout.benchmark(job), **wildcards) for job in jobs),
        graph=graph.output if graph else None,
        heldout_graph=graph.heldout if graph else None,
    )

"""The feature spaces of a study: each named space as pixels (deskewed or plain, then scaled),
sample and transform (raw or PCA), optionally embedded by UMAP, checked against the data it
will be built from."""

from dataclasses import dataclass, replace

from digit_clustering.prepare.sampling import sample_size
from digit_clustering.study.codec import (
    NO_TRANSFORM,
    WHOLE_SAMPLE,
    encode,
    pixels_key,
    pixels_settings,
    transform_key,
)
from digit_clustering.study.errors import ConfigError, did_you_mean


@dataclass(frozen=True)
class Space:
    """A named feature space: pixels (deskewed or plain, then scaled; a `codec.pixels_key`),
    then a sample, then a transform (raw or PCA), and optionally an embedding of that (UMAP)."""

    name: str
    pixels: str
    sample: str
    transform: str
    n_points: int
    embedding: str | None = None
    embeds_train_only: bool = False  # held out: an embedding fitted on the training split

    @property
    def deskewed(self) -> bool:
        return pixels_settings(self.pixels)["deskew"]

    @property
    def is_pca(self) -> bool:
        return self.transform != NO_TRANSFORM and self.embedding is None


@dataclass(frozen=True)
class Data:
    """What the spaces are built from: the dataset's name, its shape and whether it holds
    images."""

    name: str
    n_points: int
    n_features: int
    has_images: bool = True


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
    """Whether a space's pixels are deskewed: its own ``deskew``, else its dataset's; a UMAP
    space's are its input's."""
    settings = config["spaces"][name]
    if settings["kind"] == "umap":
        return deskews(config, settings["input"])
    dataset = config["datasets"].get(config["dataset"]) or {}
    return settings.get("deskew", dataset.get("deskew", False))


def describe(config: dict, name: str) -> str:
    """How a space is made, for people: ``PCA-50 → UMAP-10``, or ``deskewed pixels → PCA-50 →
    UMAP-10`` when its images are deskewed first."""
    settings = config["spaces"][name]
    if settings["kind"] == "umap":
        return f"{describe(config, settings['input'])} → UMAP-{settings['n_components']}"
    deskewed = deskews(config, name)
    if settings["kind"] == "raw":
        return "deskewed pixels" if deskewed else "pixels"
    pca = f"PCA-{settings['n_components']}"
    return f"deskewed pixels → {pca}" if deskewed else pca


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
    settings = config["spaces"][name]
    if settings["kind"] == "umap":
        return _embedding(config, name, data)
    if "sample" in settings:
        sample, n_sampled = _sample(settings["sample"], f"spaces.{name}.sample", data)
    else:
        sample, n_sampled = _sample(config["subsample"], "subsample", data)
    transform = NO_TRANSFORM
    if settings["kind"] == "pca":
        limit = min(n_sampled, data.n_features)
        if settings["n_components"] > limit:
            raise ConfigError(
                f"config key 'spaces.{name}.n_components' is {settings['n_components']}, "
                f"but {data.name} ({n_sampled} points of {data.n_features} "
                f"features) allows at most {limit}."
            )
        pca = {
            "n_components": settings["n_components"],
            "whiten": settings.get("whiten", False),
            "seed": settings.get("seed", 0),
        }
        transform = transform_key("pca", pca)
    deskew = deskews(config, name)
    if deskew and not data.has_images:
        raise ConfigError(
            f"space {name!r} deskews its pixels, but {data.name} is a point cloud, not images; "
            f"set 'deskew: false' for space {name!r} and for dataset {data.name!r}."
        )
    return Space(name, pixels_key(config["scale"], deskew), sample, transform, n_sampled)


def _embedding(config: dict, name: str, data: Data) -> Space:
    """A UMAP space: the embedding of its input space's points."""
    declared, settings = config["spaces"], config["spaces"][name]
    source = settings["input"]
    if source not in declared or declared[source]["kind"] == "umap":
        embeddable = [n for n, s in declared.items() if s["kind"] != "umap"]
        raise ConfigError(
            f"config key 'spaces.{name}.input' is {source!r}; a umap space embeds a raw or "
            f"pca space declared under 'spaces' ({', '.join(embeddable)})."
            + did_you_mean(source, embeddable)
        )
    base = _space(config, source, data)
    umap = {
        "n_components": settings["n_components"],
        "n_neighbors": settings.get("n_neighbors", 15),
        "min_dist": float(settings.get("min_dist", 0.0)),
        "metric": settings.get("metric", "euclidean"),
        "seed": settings.get("seed", 0),
    }
    for key in ("n_components", "n_neighbors"):
        if umap[key] >= base.n_points - 1:
            raise ConfigError(
                f"config key 'spaces.{name}.{key}' is {umap[key]}, but its input space "
                f"{source!r} has {base.n_points} points; use at most {base.n_points - 2}."
            )
    train_only = settings.get("heldout", "train") == "train"
    return replace(
        base, name=name, embedding=transform_key("umap", umap), embeds_train_only=train_only
    )

"""The neighbour graph a space lays out, where its kind asks for one (a UMAP space on a tangent
graph): the job that builds it from its input space's points and images, and the one that
builds it among the training images alone for held-out runs."""

from dataclasses import dataclass

from digit_clustering.features.kind import SpaceKind
from digit_clustering.jobs.threads import NUMERIC_THREADS
from digit_clustering.settings.codec import space_key
from digit_clustering.settings.errors import ConfigError
from digit_clustering.study import layout

GRAPH_KIND = "tangent"
MEMORY_MB = 4500  # measured peak on all of MNIST, with headroom
RUNTIME_MIN = 15


@dataclass(frozen=True)
class GraphJob:
    """The job that builds a tangent graph: its candidates' points, the images it compares,
    its settings (its params) and the tables it writes."""

    where: tuple  # the wildcards of its folder: (pixels, sample, key, graph)
    settings: dict
    points: str
    pixels: str
    output: str
    heldout: str  # every image's neighbours among the training images
    threads: int
    mem_mb: int
    runtime: int
    benchmarks: tuple[str, ...]


def graph_job(name: str, kind: SpaceKind, settings: dict, base, has_images: bool, wildcards):
    """The graph job of space `name` built on space `base`; None if it lays out no graph."""
    graph = kind.graph(settings)
    if graph is None:
        return None
    if not has_images:
        raise ConfigError(
            f"space {name!r} asks for a tangent graph, but its points are a point cloud, not "
            "images: tangent distance moves an image along shifts, rotations and strokes. "
            f"Set 'spaces.{name}.graph: euclidean'."
        )
    if settings["n_neighbors"] - 1 > graph["candidates"]:
        raise ConfigError(
            f"config key 'spaces.{name}.candidates' is {graph['candidates']}, fewer than the "
            f"{settings['n_neighbors'] - 1} neighbours its layout takes of each point "
            f"(n_neighbors {settings['n_neighbors']}, itself included); raise it."
        )
    where = {
        "dataset": wildcards["dataset"],
        "pixels": wildcards["pixels"],
        "sample": wildcards["sample"],
        "key": wildcards["key"],
        "graph": space_key(GRAPH_KIND, graph),
    }
    return GraphJob(
        where=tuple(where[k] for k in ("pixels", "sample", "key", "graph")),
        settings=graph,
        points=base.points,
        pixels=base.pixels,
        output=layout.fill(layout.GRAPH, **where),
        heldout=layout.fill(layout.GRAPH_HELDOUT, **where),
        threads=NUMERIC_THREADS,
        mem_mb=MEMORY_MB,
        runtime=RUNTIME_MIN,
        benchmarks=tuple(
            layout.fill(layout.benchmark(layout.JOBS[job]), **where)
            for job in ("graph", "graph_heldout")
        ),
    )

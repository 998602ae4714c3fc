"""The study's records: one frozen record per thing a job works on (a run, a space, a sample,
a way of preparing the pixels, a file to download), holding every path it reads and writes
and its job settings, and `Records`, a table of them by the wildcards that name them, so that
a rule finds what its job reads in one hop (``of_run("features")``).

A run's record is its job's description too; a job that carries several runs (small data in one
process) takes a tuple of them.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


class Records(Mapping):
    """Records by the wildcards that name them (``("run",)``, ``("pixels", "sample", ...)``);
    a wildcard a job does not have reads as None."""

    def __init__(self, by: tuple[str, ...], records: dict):
        self.by = by
        self._records = records

    def of(self, wildcards):
        """The record a job's wildcards name."""
        key = tuple(getattr(wildcards, name, None) for name in self.by)
        return self._records[key[0] if len(key) == 1 else key]

    def __getitem__(self, key):
        return self._records[key]

    def __iter__(self) -> Iterator:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


@dataclass(frozen=True)
class Run:
    """A run: its method, space and params, and once placed in the study (`study.place_run`)
    every file of it and what its fitting jobs need."""

    name: str
    method: str
    space: str
    params: dict
    features: str = ""  # the points it clusters
    pixels: str = ""  # their prepared pixels
    model: str | None = None  # the map of its space's points back to pixels, if any
    heldout_features: str | None = None  # what its held-out fit reads; None: not held out
    labels: str = ""
    centres: str = ""
    trace: str = ""
    heldout: str | None = None
    metrics: str = ""
    figures: dict = field(default_factory=dict)  # {figure: PNG}, its course figure too
    page: str | None = None  # its 3-D view (point clouds)
    figure_inputs: dict = field(default_factory=dict)  # what its figures job reads, by name
    course_settings: dict = field(default_factory=dict)  # the params its course figure draws
    identity: dict = field(default_factory=dict)  # what its metrics row says it is
    fit_module: str = ""  # the method's module, loaded by name (part of its jobs' code)
    threads: int = 1
    mem_mb: int = 0
    runtime: int = 0
    benchmarks: dict = field(default_factory=dict)  # {job: benchmark file}


@dataclass(frozen=True)
class Sample:
    """A set of points: how the subsample job draws it, and the runs that cluster it (every
    space of one sample holds the same points, so their runs compare label by label)."""

    key: str
    settings: dict
    runs: tuple[str, ...]
    labels: tuple[str, ...]
    agreement: str
    agreement_figure: str


@dataclass(frozen=True)
class Pixels:
    """A way of preparing the pixels: deskewed or plain, and the scale."""

    key: str
    settings: dict


@dataclass(frozen=True)
class IdxFile:
    """One file of an MNIST-format dataset to download: its checksum and where to look."""

    checksum: dict
    mirrors: list[str]
    timeout: float


@dataclass(frozen=True)
class Dataset:
    """What the decode job reads: a local copy, the downloaded files by split, or the built-in
    dataset's settings."""

    name: str
    files: list[str]  # its inputs
    idx_files: dict | None
    local_source: str | None
    settings: dict


@dataclass(frozen=True)
class Headline:
    """The run the report opens with: the space it is chosen in, the view it is drawn in, the
    space it is set beside, and the files the headline job writes, by name."""

    space: str
    description: str
    runs: tuple[str, ...]
    labels: tuple[str, ...]
    points: str
    pixels: str
    view: str | None
    view_points: str | None
    # The spaces it is set beside, in order: each's name, description and whether its held-out
    # runs read a layout fitted on the training split alone.
    compare: tuple[dict, ...]
    outputs: dict[str, str]


@dataclass(frozen=True)
class Report:
    """What the page gathers, as the structure it draws: each run's figures and fit benchmark,
    the headline's files by name, and every job's benchmark for the study's totals."""

    runs: tuple[str, ...]
    run_figures: dict[str, dict[str, str]]
    run_pages: dict[str, str]
    fit_benchmarks: dict[str, str]
    benchmarks: tuple[str, ...]
    agreements: tuple[str, ...]
    agreement_figures: tuple[str, ...]
    neighbours_figures: tuple[str, ...]
    headline: Headline | None
    metrics_csv: str  # the link from the page to the table of every metric
    config_text: str
    config_digest: str

    @property
    def figures(self) -> list[str]:
        """Every run's figures and pages, which the page embeds or links."""
        pngs = [path for figures in self.run_figures.values() for path in figures.values()]
        return pngs + list(self.run_pages.values())

    @property
    def headline_files(self) -> dict[str, str]:
        return self.headline.outputs if self.headline else {}

    @property
    def headline_parts(self) -> dict | None:
        """What the page says of the headline besides its run (which its job chooses): its
        space, the space it is set beside, and its files by name."""
        if self.headline is None:
            return None
        return {
            "space": self.headline.space,
            "space_description": self.headline.description,
            "compare": list(self.headline.compare),
            "files": self.headline.outputs,
        }


@dataclass(frozen=True)
class Lookup:
    """The nearest-neighbour look-up of a few query images in one space."""

    space: str
    queries: list[int]
    k: int
    table: str
    figure: str | None  # drawn for images only

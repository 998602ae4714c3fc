"""The study a config describes: its data, feature spaces and runs, as records that hold
every path of it (`layout` holds the patterns; the study fills them in) and every job's
settings, in tables by the wildcards that name them for the rules (`Records`)."""

from dataclasses import replace

from digit_clustering.data.registry import kind_of
from digit_clustering.methods.registry import METHODS
from digit_clustering.settings.check import check_against_schema
from digit_clustering.settings.codec import WHOLE_SAMPLE
from digit_clustering.settings.errors import ConfigError, did_you_mean
from digit_clustering.study import layout, wiring
from digit_clustering.study.lookups import headline_compare, headline_spaces, neighbours_space
from digit_clustering.study.records import Lookup, Records, Run
from digit_clustering.study.runs import build_runs, place_run
from digit_clustering.study.schema import complete_schema
from digit_clustering.study.spaces import Data, Space, build_spaces


def checked_dataset(config: dict) -> str:
    dataset, declared = config["dataset"], config["datasets"]
    if dataset not in declared:
        raise ConfigError(
            f"config key 'dataset' is {dataset!r}, which is not declared under 'datasets' "
            f"({', '.join(declared)}). Choose one of those, or declare an MNIST-format "
            f"dataset there with its mirrors and md5 checksums." + did_you_mean(dataset, declared)
        )
    return dataset


class Study:
    """A validated config, as records of its spaces, runs and samples under
    ``results/{dataset}``."""

    def __init__(self, config: dict, schema: dict):
        check_against_schema(config, complete_schema(schema))
        self.config = config
        self.dataset = checked_dataset(config)
        self.kind = kind_of(self.dataset)
        self.n_points, self.n_features = self.kind.shape(config["datasets"][self.dataset])
        data = Data(self.dataset, self.n_points, self.n_features, self.kind.has_images)
        spaces = build_spaces(config, data)
        self.runs: list[Run] = [
            place_run(run, spaces[run.space], self.dataset, self._holds_out(run), data.has_images)
            for run in build_runs(config, spaces, self.dataset)
        ]
        self.spaces: dict[str, Space] = {
            name: self._with_runs(space) for name, space in spaces.items()
        }
        self.samples = wiring.samples(self.dataset, self.spaces, self.runs)
        self.pixels = wiring.pixels(self.spaces)
        self.idx_files = wiring.idx_files(config, self.dataset)
        self.data = wiring.dataset_record(config, self.dataset)
        self.lookup = self._lookup(neighbours_space(config, self.spaces, data))
        space, view = headline_spaces(config, self.spaces, self.runs, data, self.has_images)
        compare = headline_compare(config, self.spaces, self.runs, space)
        self.headline = wiring.headline_record(self.dataset, self.spaces, space, view, compare)
        self.report = wiring.report_record(self, self._benchmarks())
        # The tables the rules read, by the wildcards of their jobs.
        self.by_run = Records(("run",), {run.name: run for run in self.runs})
        self.by_space = Records(("space",), self.spaces)
        self.by_space_job = Records(
            ("pixels", "sample", "key", "embedding"),
            {
                job.where: job
                for space in self.spaces.values()
                for job in (space.input_job, space.job)
                if job
            },
        )
        self.by_graph = Records(
            ("pixels", "sample", "key", "graph"),
            {
                space.graph_job.where: space.graph_job
                for space in self.spaces.values()
                if space.graph_job
            },
        )
        self.by_sample = Records(("sample",), self.samples)
        self.by_pixels = Records(("pixels",), self.pixels)
        self.by_idx_file = Records(("idx_file",), self.idx_files)

    @property
    def has_images(self) -> bool:
        return self.kind.has_images

    def run(self, name: str) -> Run:
        return self.by_run[name]

    def runs_in(self, space_name: str) -> list[Run]:
        return [run for run in self.runs if run.space == space_name]

    def used_spaces(self) -> list[Space]:
        """The spaces some run clusters, in the order of their first run."""
        return [self.spaces[name] for name in dict.fromkeys(run.space for run in self.runs)]

    def _holds_out(self, run: Run) -> bool:
        """Whether a run is also fitted on the train split to label the test split."""
        heldout = self.config["evaluation"]["heldout"]
        return heldout and self.kind.has_split and METHODS[run.method].predicts

    def _with_runs(self, space: Space) -> Space:
        """The space with its runs, their labels and its silhouette job's settings: a seed
        only where the silhouette is a sample's, so that it reruns the exact one never."""
        runs = [run for run in self.runs if run.space == space.name]
        size = self.config["evaluation"]["silhouette_sample"]
        sampled = size is not None and size < space.n_points
        return replace(
            space,
            runs=tuple(run.name for run in runs),
            labels=tuple(run.labels for run in runs),
            silhouette=layout.fill(layout.SILHOUETTE, dataset=self.dataset, space=space.name),
            silhouette_settings={
                "sample_size": size if sampled else None,
                "seed": self.config["evaluation"]["seed"] if sampled else None,
            },
        )

    def _lookup(self, space: str | None) -> Lookup | None:
        if space is None:
            return None
        lookup = self.config["neighbours"]
        return Lookup(
            space=space,
            queries=lookup["queries"],
            k=lookup["k"],
            table=layout.fill(layout.NEIGHBOURS, dataset=self.dataset, space=space),
            figure=layout.fill(layout.NEIGHBOURS_FIGURE, dataset=self.dataset, space=space)
            if self.has_images
            else None,
        )

    def _benchmarks(self) -> list[str]:
        """The benchmark file of every job of the study but the page's own."""
        jobs = [("decode", {}), ("aggregate", {})]
        jobs += [("download", {"idx_file": stem}) for stem in self.idx_files]
        jobs += [("scale", {"pixels": key}) for key in self.pixels]
        jobs += [
            ("subsample", {"pixels": space.pixels_key, "sample": space.sample})
            for space in self.spaces.values()
            if space.sample != WHOLE_SAMPLE
        ]
        jobs += [("silhouette", {"space": space.name}) for space in self.used_spaces()]
        for sample in self.samples:
            jobs += [("agreement", {"sample": sample}), ("agreement_figure", {"sample": sample})]
        if self.lookup:
            jobs += [("neighbours", {"space": self.lookup.space})]
            jobs += (
                [("neighbours_figure", {"space": self.lookup.space})] if self.lookup.figure else []
            )
        jobs += [("headline", {})] if self.headline else []
        jobs += [] if self.has_images else [("plotly_js", {})]
        paths = [
            layout.fill(layout.benchmark(layout.JOBS[job]), dataset=self.dataset, **wildcards)
            for job, wildcards in jobs
        ]
        paths += [
            path for space in self.spaces.values() if space.job for path in space.job.benchmarks
        ]
        paths += [
            path
            for space in self.spaces.values()
            if space.graph_job
            for path in space.graph_job.benchmarks
        ]
        paths += [path for run in self.runs for path in run.benchmarks.values()]
        return list(dict.fromkeys(paths))

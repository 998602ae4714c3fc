"""The study a config describes: its data, feature spaces and runs, and where each result of
it lives (`layout` holds the patterns; the study fills them in)."""

from digit_clustering.data.registry import kind_of
from digit_clustering.methods.registry import METHODS, job_memory_mb
from digit_clustering.study import layout
from digit_clustering.study.catalogue import (
    CLOUD_PAGE,
    CLOUD_RUN_FIGURES,
    IMAGE_RUN_FIGURES,
    png,
)
from digit_clustering.study.config_check import check_against_schema
from digit_clustering.study.errors import ConfigError, did_you_mean
from digit_clustering.study.lookups import headline_compare, headline_spaces, neighbours_space
from digit_clustering.study.runs import Run, build_runs
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
    """A validated config, as spaces, runs and paths under ``results/{dataset}``."""

    def __init__(self, config: dict, schema: dict):
        check_against_schema(config, complete_schema(schema))
        self.config = config
        self.dataset = checked_dataset(config)
        self.kind = kind_of(self.dataset)
        self.n_points, self.n_features = self.kind.shape(config["datasets"][self.dataset])
        data = Data(self.dataset, self.n_points, self.n_features, self.kind.has_images)
        self.spaces: dict[str, Space] = build_spaces(config, data)
        self.runs: list[Run] = build_runs(config, self.spaces, self.dataset)
        self.runs_by_name = {run.name: run for run in self.runs}
        self.neighbours_space = neighbours_space(config, self.spaces, data)
        self.headline_space, self.headline_view = headline_spaces(
            config, self.spaces, self.runs, data, self.has_images
        )
        self.headline_compare = headline_compare(
            config, self.spaces, self.runs, self.headline_space
        )

    @property
    def has_images(self) -> bool:
        return self.kind.has_images

    def run(self, name: str) -> Run:
        return self.runs_by_name[name]

    def runs_in(self, space_name: str) -> list[Run]:
        return [run for run in self.runs if run.space == space_name]

    def holds_out(self, run: Run) -> bool:
        """Whether a run is also fitted on the train split to label the test split."""
        heldout = self.config["evaluation"]["heldout"]
        return heldout and self.kind.has_split and METHODS[run.method].predicts

    def run_memory_mb(self, run: Run) -> int:
        return job_memory_mb(run.method, self.spaces[run.space].n_points, run.params)

    def point_sets(self) -> dict[str, list[Run]]:
        """Runs grouped by the images they cluster (their sample's key): every space of one
        sample, deskewed or plain, holds the same images, so their runs compare label by label."""
        groups = {}
        for run in self.runs:
            groups.setdefault(self.spaces[run.space].sample, []).append(run)
        return groups

    # -- where things are -------------------------------------------------------------------
    def _fill(self, pattern: str, **wildcards) -> str:
        return layout.fill(pattern, dataset=self.dataset, **wildcards)

    def features_path(self, space_name: str) -> str:
        space = self.spaces[space_name]
        return layout.points_path(
            self.dataset, space.pixels, space.sample, space.transform, space.embedding
        )

    def heldout_features_path(self, space_name: str) -> str:
        """The points a held-out fit uses: the space's own, or for a UMAP space with
        ``heldout: train`` its embedding fitted on the training split alone."""
        space = self.spaces[space_name]
        if not space.embeds_train_only:
            return self.features_path(space_name)
        return self._fill(
            layout.UMAP_HELDOUT,
            pixels=space.pixels,
            sample=space.sample,
            transform=space.transform,
            embedding=space.embedding,
        )

    def pixels_path(self, space_name: str) -> str:
        """The scaled pixels of a space's points, in its order."""
        space = self.spaces[space_name]
        return layout.sample_path(self.dataset, space.pixels, space.sample)

    def model_path(self, space_name: str) -> str | None:
        """The PCA model that maps a PCA space back to pixels; None for other spaces."""
        space = self.spaces[space_name]
        if not space.is_pca:
            return None
        return self._fill(
            layout.PCA_MODEL, pixels=space.pixels, sample=space.sample, transform=space.transform
        )

    def run_path(self, run: Run, pattern: str) -> str:
        """A file of a run, from its layout pattern (``layout.RUN_LABELS``...)."""
        return self._fill(pattern, run=run.name)

    def run_figures(self, run: Run) -> list[str]:
        """The figures of a run: its pictures of the clusters, and of its fit where it has one."""
        if self.has_images:
            names = [png(name) for name in IMAGE_RUN_FIGURES]
        else:
            names = [png(name) for name in CLOUD_RUN_FIGURES] + [CLOUD_PAGE]
        if METHODS[run.method].course_figure:
            names.append(png(METHODS[run.method].course_figure))
        return [self.run_path(run, layout.run_file(name)) for name in names]

    def silhouette_path(self, space_name: str) -> str:
        return self._fill(layout.SILHOUETTE, space=space_name)

    def agreement_paths(self, sample: str) -> list[str]:
        return [self._fill(p, sample=sample) for p in (layout.AGREEMENT, layout.AGREEMENT_FIGURE)]

    def neighbours_paths(self) -> list[str]:
        """The look-up's table and, for images, its figure; none without a look-up."""
        if not self.neighbours_space:
            return []
        return [self._fill(layout.NEIGHBOURS, space=self.neighbours_space)] + (
            self.neighbours_figure_paths()
        )

    def neighbours_figure_paths(self) -> list[str]:
        if not (self.neighbours_space and self.has_images):
            return []
        return [self._fill(layout.NEIGHBOURS_FIGURE, space=self.neighbours_space)]

    def headline_paths(self) -> dict[str, str]:
        """What the headline step writes; none when the study has no headline."""
        if self.headline_space is None:
            return {}
        return {key: self._fill(pattern) for key, pattern in layout.HEADLINE.items()}

"""Every way a broken config is refused: each row breaks the default config one way and says
what the error message must name (the key, the value, and what to do instead)."""

import copy
import re
from pathlib import Path

import pytest
import yaml
from conftest import method_overrides

from digit_clustering.settings.errors import ConfigError
from digit_clustering.study.study import Study

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = yaml.safe_load((ROOT / "schemas" / "config.schema.yaml").read_text())
DEFAULT_CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text())

# What the rows take from the default config rather than repeat, so that a dataset, space or
# run added to it changes no row.
DATASETS = re.escape(", ".join(DEFAULT_CONFIG["datasets"]))
SPACES = re.escape(", ".join(DEFAULT_CONFIG["spaces"]))
HEADLINE = DEFAULT_CONFIG["headline"]
PCA50 = DEFAULT_CONFIG["spaces"]["pca50"]["n_components"]
SAMPLE_34K = DEFAULT_CONFIG["spaces"]["pca50_34k"]["sample"]["size"]
MNIST_EXTRA_SPACE = DEFAULT_CONFIG["datasets"]["mnist"]["extra_runs"][0]["space"]
BLOBS_NEW_RUN = len(DEFAULT_CONFIG["datasets"]["blobs"]["runs"])  # the index of a run added


def first_run_of(method: str) -> int:
    """The index of the first entry of the default config's `runs` that runs `method`."""
    return next(i for i, run in enumerate(DEFAULT_CONFIG["runs"]) if run["method"] == method)


KMEANS = first_run_of("kmeans")


# -- edits that need more than one statement -------------------------------------------------


def declare_emnist_with_one_checksum(config: dict) -> None:
    config["datasets"]["emnist_digits"] = {
        "mirrors": ["https://example.org/emnist/"],
        "md5": {"train-images-idx3-ubyte.gz": "0" * 32},
    }


def digits_with_pca_of(n_components: int):
    def breaks(config: dict) -> None:
        config["dataset"] = "digits"
        config["spaces"]["pca50"]["n_components"] = n_components

    return breaks


def k_above_a_sample_of_20(config: dict) -> None:
    config.update(dataset="digits", subsample={"size": 20})
    config["datasets"]["digits"]["spaces"] = ["raw"]
    config["runs"] = [{"method": "kmeans", "space": "raw", "grid": {"k": [20, 21]}}]


def digits_selecting_undeclared_space(config: dict) -> None:
    config["datasets"]["digits"]["spaces"] = ["raw", "pca05"]
    config["dataset"] = "digits"


def digits_spaces_excluding_a_run_space(config: dict) -> None:
    config["dataset"] = "digits"
    config["datasets"]["digits"]["spaces"] = ["raw"]
    config["runs"] = [{"method": "kmeans", "space": "raw"}, {"method": "kmeans", "space": "pca50"}]


def mnist_extra_run_outside_its_spaces(config: dict) -> None:
    config["datasets"]["mnist"]["spaces"].remove(MNIST_EXTRA_SPACE)


def blobs_own_run_in_pca(config: dict) -> None:
    config["dataset"] = "blobs"
    config["datasets"]["blobs"]["runs"].append({"method": "kmeans", "space": "pca50"})


def sample_larger_than_digits_without_at_most(config: dict) -> None:
    config["dataset"] = "digits"
    del config["spaces"]["pca50_34k"]["sample"]["at_most"]


def hdbscan_size_between_one_and_two(config: dict) -> None:
    method_overrides(config, "hdbscan")["min_cluster_size"] = 1.5


def digits_querying_id_1797(config: dict) -> None:
    config["dataset"] = "digits"
    config["neighbours"]["queries"] = [3, 1797]


def blobs_deskewed(config: dict) -> None:
    config["dataset"] = "blobs"
    config["spaces"]["raw"]["deskew"] = True


def complete_linkage_on_all_of_mnist_within_11000_mb(config: dict) -> None:
    config.update(dataset="mnist", subsample={"size": "all"}, max_job_memory_mb=11000)
    only_agglomerative(linkage="complete")(config)


def only_agglomerative(**params):
    def breaks(config: dict) -> None:
        config["runs"] = [{"method": "agglomerative", "space": "pca50", "params": params}]

    return breaks


def digits_with_umap5(**settings):
    """The digits study running one GMM on a UMAP space 'umap5' of 'pca50' with `settings`."""

    def breaks(config: dict) -> None:
        config["dataset"] = "digits"
        config["spaces"]["umap5"] = {
            "kind": "umap",
            "input": "pca50",
            "n_components": 5,
            **settings,
        }
        config["datasets"]["digits"]["spaces"] = ["raw", "pca50", "umap5"]
        config["runs"] = [{"method": "gmm", "space": "umap5"}]

    return breaks


# -- the table -------------------------------------------------------------------------------

CASES = [
    # (id, how the default config is broken, what the message must say)
    # schema errors
    (
        "misspelt top-level key",
        lambda c: c.update(sclae="max"),
        r"unknown key\(s\) 'sclae'\. Did you mean 'scale'\?",
    ),
    (
        "misspelt key inside a run",
        lambda c: c["runs"][KMEANS].update(parms={"k": 3}),
        rf"config key 'runs\[{KMEANS}\]' has unknown key\(s\) 'parms'\. Did you mean 'params'\?",
    ),
    (
        "unknown method parameter in a run",
        lambda c: c["runs"][KMEANS].update(params={"kk": 3}),
        rf"'runs\[{KMEANS}\]\.params' has unknown key\(s\) 'kk'",
    ),
    (
        "wrong type names the key and what is allowed",
        lambda c: c.update(subsample={"size": "lots"}),
        r"config key 'subsample\.size' is 'lots'.*Allowed: 'all', a number of points",
    ),
    (
        "k below two in methods",
        lambda c: method_overrides(c, "kmeans").update(k=1),
        r"config key 'methods\.kmeans\.k' is 1: .*minimum of 2",
    ),
    (
        "k below two in a run grid",
        lambda c: c["runs"][KMEANS].update(grid={"k": [3, 1]}),
        rf"config key 'runs\[{KMEANS}\]\.params\.k' is 1: .*minimum",
    ),
    (
        "misspelt dataset",
        lambda c: c.update(dataset="mnsit"),
        rf"'dataset' is 'mnsit', which is not declared under 'datasets' "
        rf"\({DATASETS}\)\. .* Did you mean 'mnist'\?",
    ),
    (
        "idx dataset missing checksums",
        declare_emnist_with_one_checksum,
        r"datasets\.emnist_digits\.md5' is missing .*",
    ),
    (
        "missing required key",
        lambda c: c.pop("runs"),
        "missing a required key: 'runs' is a required property",
    ),
    (
        "raw space with settings",
        lambda c: c["spaces"]["raw"].update(n_components=5),
        "'n_components', which is not allowed; choose one of kind, sample",
    ),
    (
        "empty run list",
        lambda c: c.update(runs=[]),
        r"config key 'runs' is \[\]: \[\] should be non-empty",
    ),
    (
        "grid with an empty list",
        lambda c: c["runs"][KMEANS].update(grid={"k": []}),
        rf"config key 'runs\[{KMEANS}\]\.grid\.k' is \[\]: .*non-empty",
    ),
    # checks against the data
    (
        "n_components above the digits features",
        digits_with_pca_of(65),
        r"'spaces\.pca50\.n_components' is 65, .*allows at most 64\.",
    ),
    (
        "n_components above the sample size",
        lambda c: c.update(dataset="digits", subsample={"size": 20}),
        rf"'spaces\.pca50\.n_components' is {PCA50}.*at most 20\.",
    ),
    (
        "subsample larger than the dataset",
        lambda c: c.update(dataset="digits", subsample={"size": 1798}),
        r"'subsample\.size' is 1798, but digits has 1797 points; use at most 1797",
    ),
    (
        "k above the sample size",
        k_above_a_sample_of_20,
        r"'runs\[0\]\.params\.k' is 21, more clusters than the 20 points",
    ),
    (
        "misspelt method in a run",
        lambda c: c["runs"][KMEANS].update(method="kmeens"),
        rf"'runs\[{KMEANS}\]\.method' is 'kmeens', which is not a known method.*"
        r"Did you mean 'kmeans'",
    ),
    (
        "run naming an undeclared space",
        lambda c: c["runs"][KMEANS].update(space="rwa"),
        rf"'runs\[{KMEANS}\]\.space' is 'rwa', which is not declared under 'spaces' "
        rf"\({SPACES}\)\. Did you mean 'raw'\?",
    ),
    (
        "dataset selecting an undeclared space",
        digits_selecting_undeclared_space,
        r"'datasets\.digits\.spaces' names space 'pca05'",
    ),
    (
        "two entries expanding to the same run",
        lambda c: c["runs"].extend([{"method": "kmeans", "space": "raw", "params": {"k": 3}}] * 2),
        r"two entries of 'runs' describe the same run 'kmeans/raw/k~3@[^']*': remove one",
    ),
    (
        "a run in a space the dataset does not list",
        digits_spaces_excluding_a_run_space,
        r"'runs\[1\].space' is 'pca50', which datasets.digits.spaces does not list \(raw\): "
        r"add it there, or give digits runs of its own under 'datasets.digits.runs'",
    ),
    (
        "an extra run in a space the dataset does not list",
        mnist_extra_run_outside_its_spaces,
        rf"'datasets.mnist.extra_runs\[0\].space' is '{MNIST_EXTRA_SPACE}', which "
        r"datasets.mnist.spaces does not list",
    ),
    (
        "a dataset's own run in a space it does not list",
        blobs_own_run_in_pca,
        rf"'datasets.blobs.runs\[{BLOBS_NEW_RUN}\].space' is 'pca50', which datasets.blobs.spaces",
    ),
    (
        "a sample larger than the dataset, not a ceiling",
        sample_larger_than_digits_without_at_most,
        rf"'spaces.pca50_34k.sample.size' is {SAMPLE_34K}, but digits has 1797 points.*"
        r"at_most: true",
    ),
    (
        "hdbscan's smallest cluster neither a count nor a fraction",
        hdbscan_size_between_one_and_two,
        r"min_cluster_size is 1.5: give a whole number of points \(at least 2\) or a fraction",
    ),
    # matrix linkages and memory
    (
        "complete linkage on all of mnist",
        complete_linkage_on_all_of_mnist_within_11000_mb,
        r"complete linkage needs the condensed distance matrix, 18,692 MB for the 70000 points"
        r".*max_job_memory_mb=11000.*at most 34348 points",
    ),
    (
        "agglomerative without exactly one way to cut",
        only_agglomerative(distance_threshold=2.0),
        "set exactly one of them",
    ),
    (
        "neighbour query beyond the data",
        digits_querying_id_1797,
        r"'neighbours.queries' has ids \[1797\]",
    ),
    (
        "memory budget below a method's own need",
        lambda c: c.update(max_job_memory_mb=1000),
        "'max_job_memory_mb' is 1000, below the 2000 MB",
    ),
    # UMAP spaces
    (
        "umap input not declared",
        digits_with_umap5(input="pca05"),
        r"'spaces\.umap5\.input' is 'pca05'.*Did you mean",
    ),
    (
        "umap input is a umap space",
        digits_with_umap5(input="umap5"),
        "a umap space embeds a space built from pixels",
    ),
    (
        "umap neighbours not fewer than the points",
        digits_with_umap5(n_neighbors=5000),
        r"'spaces\.umap5\.n_neighbors' is 5000, .* 1797 points",
    ),
    (
        "umap space with its own sample",
        digits_with_umap5(sample={"size": 100}),
        r"'spaces\.umap5' is 'sample', which is not allowed; choose one of kind, input",
    ),
    # the headline
    (
        "misspelt headline space",
        lambda c: c["headline"].update(space="umap01"),
        r"'headline.space' is 'umap01', .* Did you mean 'umap10'\?",
    ),
    (
        "undeclared headline view",
        lambda c: c["headline"].update(view="umap3"),
        r"'headline.view' is 'umap3', which is not declared",
    ),
    (
        "headline view of another sample",
        lambda c: c["headline"].update(view="pca50_34k"),
        rf"whose sample is not that of headline.space '{HEADLINE['space']}'",
    ),
    (
        "headline view the dataset does not use",
        lambda c: c["datasets"]["mnist"]["spaces"].remove(c["headline"]["view"]),
        r"add it to 'datasets.mnist.spaces', or set",
    ),
    (
        "misspelt compared space",
        lambda c: c["headline"].update(compare=["umap11"]),
        r"'headline.compare\[0\]' is 'umap11', which is not declared.*Did you mean 'umap10'\?",
    ),
    (
        "compared space of another sample",
        lambda c: c["spaces"]["pca50_plain"].update(sample={"size": 1000}),
        r"'headline.compare\[0\]' is '[^']+', whose sample is not that of headline.space",
    ),
    # deskewing
    (
        "a point cloud deskewed",
        blobs_deskewed,
        r"blobs is a point cloud, not images; set 'deskew: false' for space 'raw'",
    ),
    (
        "a umap space deskewing apart from what it embeds",
        lambda c: c["spaces"]["umap10"].update(deskew=False),
        r"'spaces\.umap10' is 'deskew', which is not allowed; choose one of kind, input",
    ),
]


@pytest.mark.parametrize(("breaks", "message"), [pytest.param(b, m, id=i) for i, b, m in CASES])
def test_a_broken_config_is_refused_naming_the_key_and_the_fix(breaks, message):
    broken = copy.deepcopy(DEFAULT_CONFIG)
    breaks(broken)
    with pytest.raises(ConfigError, match=message):
        Study(broken, copy.deepcopy(SCHEMA))

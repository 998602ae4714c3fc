"""Tests of the study a config describes and of the config's error messages."""

import copy
from pathlib import Path

import pytest
import yaml
from conftest import method_overrides

from digit_clustering.data.idx_files import IDX_STEMS, idx_archive
from digit_clustering.methods.registry import METHODS
from digit_clustering.settings.check import check_against_schema, key_path
from digit_clustering.settings.errors import ConfigError, did_you_mean
from digit_clustering.study.config_text import config_digest, config_text
from digit_clustering.study.runs import own_runs_notice
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = yaml.safe_load((ROOT / "schemas" / "config.schema.yaml").read_text())
CONFIG = yaml.safe_load((ROOT / "config.yaml").read_text())
IDX_FILE_NAMES = [idx_archive(stem) for stem in IDX_STEMS]
PARAMS = "k~{k}@init~k-means++@n_init~10@max_iter~300"
EUCLIDEAN_UMAP10 = "umap~10@n_neighbors~15@min_dist~0.0@metric~euclidean@seed~0"


def config(**top_level) -> dict:
    """A deep copy of the default config with some top-level keys replaced."""
    result = copy.deepcopy(CONFIG)
    result.update(copy.deepcopy(top_level))
    return result


def study(config_dict: dict) -> Study:
    return Study(config_dict, copy.deepcopy(SCHEMA))


def run_name(space: str, k: int = 10, method: str = "kmeans") -> str:
    return f"{method}/{space}/{PARAMS.format(k=k)}/seed~0"


# -- the default study -----------------------------------------------------------------------


def test_default_config_runs_every_method():
    built = study(config())
    assert {run.method for run in built.runs} == set(METHODS)
    names = [run.name for run in built.runs]
    assert len(names) == len(set(names))
    for k in (6, 8, 10, 12, 14):
        assert run_name("pca50", k) in names
    assert run_name("raw", 10) in names
    assert "agglomerative/pca50_34k/linkage~complete@k~10@distance_threshold~none" in names
    assert "dbscan/pca50/eps~none@core_fraction~0.7@min_samples~10" in names
    assert "gmm/umap10_plain/k~10@covariance_type~full@n_init~10@max_iter~100/seed~0" in names


def test_default_config_runs_carry_their_params():
    built = study(config())
    run = built.run(run_name("pca50", 12))
    assert run.method == "kmeans"
    assert run.space == "pca50"
    assert run.params == {"k": 12, "init": "k-means++", "n_init": 10, "max_iter": 300, "seed": 0}
    kmeans_k = [r.params["k"] for r in built.runs_in("pca50") if r.method == "kmeans"]
    assert kmeans_k[:5] == [6, 8, 10, 12, 14]
    assert [r.name for r in built.runs_in("raw") if r.method == "kmeans"] == [run_name("raw")]


def test_default_config_spaces_and_paths():
    built = study(config())
    assert (built.n_points, built.n_features, built.spaces["raw"].n_points) == (70_000, 784, 70_000)
    # MNIST's images are deskewed first (datasets.mnist.deskew), a fact its paths carry
    assert built.spaces["raw"].points == "results/mnist/scaled/deskew~true@scale~max.parquet"
    assert built.spaces["raw"].model is None
    pca_dir = "results/mnist/features/deskew~true@scale~max/all/pca~50@whiten~false@seed~0"
    assert built.spaces["pca50"].points == f"{pca_dir}/points.parquet"
    assert built.spaces["pca50"].model == f"{pca_dir}/model.parquet"
    run = built.run(run_name("raw"))
    assert run.labels == f"results/mnist/runs/{run.name}/labels.parquet"


def test_subsample_names_the_sample_path():
    subsample = {"size": 500, "seed": 3, "stratify": True}
    built = study(config(dataset="digits", subsample=subsample))
    assert built.spaces["raw"].n_points == 500
    assert built.spaces["raw"].points == (
        "results/digits/sample/max/n~500@seed~3@stratify~true.parquet"
    )
    fraction = study(config(dataset="digits", subsample={"size": 0.5}))
    assert fraction.spaces["raw"].n_points == 898  # round(0.5 * 1797), half to even
    assert fraction.spaces["raw"].sample == "fraction~0.5@seed~0@stratify~false"


def test_blobs_shape_comes_from_its_settings():
    built = study(config(dataset="blobs"))
    assert (built.n_points, built.n_features) == (5000, 3)
    assert list(built.spaces) == ["raw"]
    assert {run.space for run in built.runs} == {"raw"}  # its own runs, not the default ones
    assert run_name("raw", 7) in [run.name for run in built.runs]


# -- schema errors ---------------------------------------------------------------------------


def test_every_violation_is_listed():
    broken = config(scale="log", mnist_source=7)
    with pytest.raises(ConfigError) as info:
        study(broken)
    lines = str(info.value).splitlines()
    assert lines[0] == "invalid config:"
    assert len(lines) == 3
    assert "'mnist_source' is 7" in lines[1]
    assert "'scale' is 'log'" in lines[2]


def test_a_declared_idx_dataset_is_studied_with_splits_and_images():
    declared = config(dataset="emnist_digits")
    declared["datasets"]["emnist_digits"] = {
        "mirrors": ["https://example.org/emnist/"],
        "md5": {name: "0" * 32 for name in IDX_FILE_NAMES},
    }
    built = study(declared)
    assert built.n_points == 70_000 and built.has_images
    assert built.config["datasets"]["emnist_digits"]["md5_of"] == "archive"
    assert all((run.heldout is not None) for run in built.runs if run.method == "kmeans")


# -- checks against the data -----------------------------------------------------------------


def test_n_components_up_to_the_digits_features_is_allowed():
    changed = config(dataset="digits")
    changed["spaces"]["pca50"]["n_components"] = 64
    assert "/pca~64@whiten~false@seed~0/" in study(changed).spaces["pca50"].points


def test_a_subsample_of_the_whole_dataset_is_allowed():
    assert study(config(dataset="digits", subsample={"size": 1797})).spaces["raw"].n_points == 1797


def test_grid_over_k_expands_to_one_run_per_value():
    changed = config(dataset="digits")
    changed["runs"] = [{"method": "kmeans", "space": "raw", "grid": {"k": [2, 5, 20, 3]}}]
    assert [run.name for run in study(changed).runs] == [
        run_name("raw", 2),
        run_name("raw", 5),
        run_name("raw", 20),
        run_name("raw", 3),
    ]


def test_grid_over_two_keys_expands_to_their_product():
    changed = config(dataset="digits")
    changed["runs"] = [
        {"method": "kmeans", "space": "raw", "grid": {"k": [2, 3], "seed": [0, 1]}},
    ]
    names = [run.name for run in study(changed).runs]
    assert names == [
        "kmeans/raw/k~2@init~k-means++@n_init~10@max_iter~300/seed~0",
        "kmeans/raw/k~2@init~k-means++@n_init~10@max_iter~300/seed~1",
        "kmeans/raw/k~3@init~k-means++@n_init~10@max_iter~300/seed~0",
        "kmeans/raw/k~3@init~k-means++@n_init~10@max_iter~300/seed~1",
    ]


def test_run_params_override_method_defaults_and_grid_overrides_params():
    changed = config(dataset="digits")
    method_overrides(changed, "kmeans")["n_init"] = 3
    changed["runs"] = [
        {"method": "kmeans", "space": "raw", "params": {"k": 4, "init": "random"}},
        {"method": "kmeans", "space": "raw", "params": {"k": 4}, "grid": {"k": [6]}},
    ]
    assert [run.name for run in study(changed).runs] == [
        "kmeans/raw/k~4@init~random@n_init~3@max_iter~300/seed~0",
        "kmeans/raw/k~6@init~k-means++@n_init~3@max_iter~300/seed~0",
    ]


def test_defaults_are_filled_in():
    minimal = {"dataset": "digits", "spaces": {"raw": {"kind": "raw"}}}
    minimal["runs"] = [{"method": "kmeans", "space": "raw"}]
    built = study(minimal)
    assert built.config["methods"]["kmeans"] == {
        "k": 10,
        "init": "k-means++",
        "n_init": 10,
        "max_iter": 300,
        "seed": 0,
    }
    assert built.config["methods"]["dbscan"] == {
        "eps": None,
        "core_fraction": 0.5,
        "min_samples": 10,
    }
    assert built.config["evaluation"] == {"silhouette_sample": None, "seed": 0, "heldout": True}
    assert built.config["scale"] == "max"
    assert built.config["subsample"] == {
        "size": "all",
        "at_most": False,
        "seed": 0,
        "stratify": False,
    }
    assert built.config["mnist_source"] == "download"
    assert built.config["runs"][0]["params"] == {}
    assert built.config["runs"][0]["grid"] == {}
    assert [run.name for run in built.runs] == [run_name("raw")]


def test_every_dataset_runs_every_method_with_every_linkage():
    for dataset, declared in CONFIG["datasets"].items():
        built = study(config(dataset=dataset))
        missing = set(METHODS) - {run.method for run in built.runs}
        where = f"datasets.{dataset}.runs" if "runs" in declared else "runs"
        assert not missing, f"{dataset} runs no {sorted(missing)}: add a run under {where}"
        linkages = {r.params["linkage"] for r in built.runs if r.method == "agglomerative"}
        assert linkages == {"ward", "single", "complete", "average"}, dataset


def test_the_digits_link_every_point_where_mnist_links_a_sample():
    digits, mnist = study(config(dataset="digits")), study(config())
    assert digits.spaces["pca50_34k"].n_points == 1797
    assert digits.spaces["pca50_34k"].points == digits.spaces["pca50"].points
    assert mnist.spaces["pca50_34k"].n_points == 34_000


def test_a_dataset_may_list_its_own_runs_and_extra_runs():
    changed = config(dataset="digits")
    changed["datasets"]["digits"]["runs"] = [{"method": "kmeans", "space": "raw"}]
    changed["datasets"]["digits"]["extra_runs"] = [{"method": "gmm", "space": "pca50"}]
    assert [run.name.split("/")[:2] for run in study(changed).runs] == [
        ["kmeans", "raw"],
        ["gmm", "pca50"],
    ]
    assert "digits runs its own runs (datasets.digits.runs: 1 entry)" in own_runs_notice(
        changed, "digits"
    )
    assert own_runs_notice(config(), "mnist") is None


# -- config_check helpers --------------------------------------------------------------------


def test_key_path_formats_names_and_indexes():
    assert key_path(["runs", 2, "params", "k"]) == "runs[2].params.k"
    assert key_path([]) == "(top level)"


def test_did_you_mean():
    assert did_you_mean("kmeens", ["kmeans", "dbscan"]) == " Did you mean 'kmeans'?"
    assert did_you_mean("zzzz", ["kmeans"]) == ""


def test_check_against_schema_prefixes_paths():
    method_schema = METHODS["kmeans"].schema()
    params = {"k": 3}
    check_against_schema(params, method_schema)
    assert params == {"k": 3, "init": "k-means++", "n_init": 10, "max_iter": 300, "seed": 0}
    with pytest.raises(ConfigError, match=r"'runs\[4\]\.params\.init' is 'kmeans', which is not"):
        check_against_schema({"init": "kmeans"}, method_schema, prefix=("runs[4]", "params"))


# -- matrix linkages, per-space samples, held-out runs ---------------------------------------


def test_a_larger_memory_budget_admits_a_larger_matrix():
    changed = config(max_job_memory_mb=40000)
    changed["runs"] = [
        {"method": "agglomerative", "space": "pca50", "params": {"linkage": "average"}}
    ]
    built = study(changed)
    assert built.runs[0].mem_mb == 2000 + 37383


def test_a_space_can_declare_its_own_sample():
    built = study(config())
    sampled = built.spaces["pca50_34k"]
    assert sampled.n_points == 34_000
    assert sampled.sample == "n~34000@seed~0@stratify~true"
    assert built.spaces["pca50_34k"].points == (
        "results/mnist/features/deskew~true@scale~max/n~34000@seed~0@stratify~true/"
        "pca~50@whiten~false@seed~0/points.parquet"
    )


def test_only_methods_that_predict_are_held_out_and_only_on_mnist():
    built = study(config())
    held_out = {run.method for run in built.runs if (run.heldout is not None)}
    assert held_out == {run.method for run in built.runs if METHODS[run.method].predicts}
    assert {"kmeans", "minibatch_kmeans", "lloyd", "gmm"} <= held_out
    assert not {"agglomerative", "dbscan", "hdbscan"} & held_out
    digits = study(config(dataset="digits"))
    assert not any((run.heldout is not None) for run in digits.runs)


def test_config_digest_ignores_where_mnist_comes_from_but_not_the_study():
    base = study(config())
    elsewhere = study(config(mnist_mirror="http://127.0.0.1:9/"))
    assert config_digest(base.config) == config_digest(elsewhere.config)
    assert "mirrors" not in config_text(base.config)
    changed = config()
    method_overrides(changed, "kmeans")["n_init"] = 3
    assert config_digest(study(changed).config) != config_digest(base.config)


def test_every_run_has_its_figures_and_every_point_set_its_agreement():
    default = study(config())
    every_file = set(targets(default))
    lloyd = next(run for run in default.runs if run.method == "lloyd")
    assert lloyd.figures["iterations"] in every_file
    assert lloyd.figures["gallery"] in every_file
    ward = next(run for run in default.runs if run.params.get("linkage") == "ward")
    assert ward.figures["dendrogram"] in every_file
    # pixel and PCA spaces of all points are one set; the 34,000-point sample another
    # (deskewed or plain: the same images)
    assert sorted(default.samples) == ["all", "n~34000@seed~0@stratify~true"]
    blobs = study(config(dataset="blobs"))
    assert any(path.endswith("scatter.html") for path in targets(blobs))
    assert not any(path.endswith("gallery.png") for path in targets(blobs))


# -- UMAP spaces -----------------------------------------------------------------------------


def umap_config(**settings) -> dict:
    changed = config(dataset="digits")
    changed["spaces"]["umap5"] = {"kind": "umap", "input": "pca50", "n_components": 5, **settings}
    changed["datasets"]["digits"]["spaces"] = ["raw", "pca50", "umap5"]
    changed["runs"] = [{"method": "gmm", "space": "umap5"}]
    return changed


def test_a_umap_space_embeds_its_input_space_and_keeps_its_sample():
    built = study(umap_config())
    pca = "results/digits/features/max/all/pca~50@whiten~false@seed~0"
    umap = "umap~5@n_neighbors~15@min_dist~0.0@metric~euclidean@seed~0"
    assert built.spaces["umap5"].points == f"{pca}/{umap}/points.parquet"
    assert built.spaces["umap5"].n_points == 1797
    assert built.spaces["umap5"].model is None
    assert built.spaces["pca50"].model == f"{pca}/model.parquet"


def test_held_out_runs_of_a_umap_space_use_an_embedding_fitted_on_train():
    config = umap_config()
    config["dataset"] = "mnist"
    config["datasets"]["mnist"].update(spaces=["raw", "pca50", "umap5"], extra_runs=[])
    built = study(config)
    (run,) = built.runs
    held_out = built.spaces["umap5"].heldout_points
    assert (run.heldout is not None) and held_out in targets(built)
    assert held_out == built.spaces["umap5"].points.replace("points.parquet", "heldout.parquet")
    assert built.spaces["pca50"].heldout_points == built.spaces["pca50"].points
    config["spaces"]["umap5"]["heldout"] = "all"
    assert study(config).spaces["umap5"].heldout_points == built.spaces["umap5"].points


def test_an_unseeded_umap_space_says_so_in_its_path():
    built = study(umap_config(seed=None, n_neighbors=30))
    assert "umap~5@n_neighbors~30@min_dist~0.0@metric~euclidean@seed~none" in (
        built.spaces["umap5"].points
    )


@pytest.mark.parametrize(("size", "settings"), [(None, None), (300, 7), (1797, None)])
def test_only_a_sampled_silhouette_carries_the_seed(size, settings):
    """The exact silhouette (no sample, or one as large as the space) ignores the seed, so its
    job's settings leave it out and a new seed reruns nothing."""
    evaluation = {"silhouette_sample": size, "seed": 7, "heldout": True}
    described = study(config(dataset="digits", evaluation=evaluation))
    expected = {"sample_size": size if settings else None, "seed": settings}
    assert {name: space.silhouette_settings for name, space in described.spaces.items()} == {
        name: expected for name in described.spaces
    }


def test_a_dataset_gives_its_umap_spaces_their_graph_and_a_space_may_say_otherwise():
    described = study(config())  # MNIST: graph tangent
    umap10, umap2 = described.spaces["umap10"], described.spaces["umap2"]
    folder = "results/mnist/features/deskew~true@scale~max/all/pca~50@whiten~false@seed~0"
    graph = umap10.graph_job
    assert graph.output == f"{folder}/tangent~100@blur~1.0/graph.parquet"
    assert umap10.job.graph == graph.output and umap10.job.heldout_graph == graph.heldout
    assert umap10.points.endswith("@graph~tangent@candidates~100@blur~1.0/points.parquet")
    assert graph.points == described.spaces["pca50"].points
    assert graph.pixels == described.spaces["pca50"].pixels
    assert umap2.graph_job == graph  # one graph, laid out in 10-D and in 2-D
    assert list(described.by_graph) == [graph.where]
    euclidean = described.spaces["umap10_euclidean"]
    assert euclidean.graph_job is None and euclidean.job.graph is None
    assert euclidean.points == f"{folder}/{EUCLIDEAN_UMAP10}/points.parquet"
    digits = study(config(dataset="digits"))  # graph euclidean, the schema's default
    assert not any(space.graph_job for space in digits.spaces.values())
    assert digits.spaces["umap10"].points.endswith(f"/{EUCLIDEAN_UMAP10}/points.parquet")


def test_a_tangent_graph_of_a_point_cloud_is_refused_saying_why():
    spaces = {"raw": {"kind": "raw"}, "umap": {"kind": "umap", "input": "raw", "n_components": 2}}
    spaces["umap"]["graph"] = "tangent"
    blobs = config(dataset="blobs", spaces=spaces)
    blobs["datasets"]["blobs"].update(
        spaces=["raw", "umap"], runs=[{"method": "gmm", "space": "umap"}]
    )
    with pytest.raises(ConfigError, match="point cloud, not images.*graph: euclidean"):
        study(blobs)


def test_a_tangent_graph_gives_the_layout_as_many_candidates_as_it_takes_neighbours():
    spaces = copy.deepcopy(CONFIG["spaces"])
    spaces["umap10"].update(graph="tangent", candidates=10, n_neighbors=15)
    with pytest.raises(ConfigError, match="'spaces.umap10.candidates' is 10, fewer than the 14"):
        study(config(spaces=spaces))

import re
import sys

import yaml

from digit_clustering.methods.registry import METHODS, source_digest
from digit_clustering.data.sources import IDX_SPLITS
from digit_clustering.figures.captions import caption_file
from digit_clustering.jobs.stale_locks import hold_and_clear_stale
from digit_clustering.jobs.storage import check_writable
from digit_clustering.study.study import Study, decode, is_idx_dataset, points_path, sample_path
from digit_clustering.jobs.threads import NUMERIC_THREADS

with open(workflow.source_path("../schemas/config.schema.yaml")) as schema_file:
    CONFIG_SCHEMA = yaml.safe_load(schema_file)

STUDY = Study(config, CONFIG_SCHEMA)
validate(config, "../schemas/config.schema.yaml")

# Every dataset but blobs is images; their runs draw image figures.
IMAGE_DATASETS = "|".join(re.escape(name) for name in config["datasets"] if name != "blobs")

if workflow.is_main_process and not workflow.dryrun:
    check_writable("results", "logs", "benchmarks")
# After a run was killed, a plain re-run recovers instead of stopping for `--unlock`.
if workflow.is_main_process:
    for stale_lock in hold_and_clear_stale():
        print(f"Removed {stale_lock}, left by a run that is no longer alive.", file=sys.stderr)


wildcard_constraints:
    dataset=STUDY.dataset,
    scaling="none|max|minmax|standard",
    sample=r"[^/]+",
    transform=r"pca~[^/]+|raw",
    embedding=r"umap~[^/]+",
    idx_file="|".join(stem for stems in IDX_SPLITS.values() for stem in stems),


def idx_settings(wildcards):
    return config["datasets"][wildcards.dataset]


# Mirrors say where a file may be found, not what it is (the MD5 says that): passing them as a
# param of both `wildcards` and `input` keeps Snakemake from tracking them, so pointing at another
# mirror never re-downloads a verified file.
def idx_mirrors(wildcards, input):
    mirrors = idx_settings(wildcards)["mirrors"]
    first = config.get("mnist_mirror") if wildcards.dataset == "mnist" else None
    return [first, *mirrors] if first else mirrors


def idx_timeout(wildcards, input):
    return idx_settings(wildcards)["timeout"]


def idx_checksum(wildcards):
    settings = idx_settings(wildcards)
    return {"md5": settings["md5"][f"{wildcards.idx_file}.gz"], "md5_of": settings["md5_of"]}


def blobs_settings(wildcards):
    return config["datasets"]["blobs"] if wildcards.dataset == "blobs" else None


def local_source(wildcards):
    if wildcards.dataset != "mnist" or config["mnist_source"] == "download":
        return None
    return config["mnist_source"]


def idx_files(wildcards):
    if not is_idx_dataset(wildcards.dataset) or local_source(wildcards):
        return None
    return {
        split: [f"resources/{wildcards.dataset}/{stem}.gz" for stem in stems]
        for split, stems in IDX_SPLITS.items()
    }


def decode_input(wildcards):
    if local_source(wildcards):
        return [local_source(wildcards)]
    files = idx_files(wildcards) or {}
    return [path for paths in files.values() for path in paths]


def run_of(wildcards):
    return STUDY.run(wildcards.run)


def run_method(wildcards):
    return run_of(wildcards).method


def run_params(wildcards):
    return run_of(wildcards).params


def run_method_code(wildcards):
    return source_digest(run_method(wildcards))


# A job killed for memory or wall time on a cluster is retried (the profile's `retries`) with
# its request multiplied by the attempt.
def run_memory_mb(wildcards, attempt):
    return STUDY.run_memory_mb(run_of(wildcards)) * attempt


def run_runtime(wildcards, attempt):
    return METHODS[run_method(wildcards)].runtime_min * attempt


def scaled_by_attempt(base):
    def request(wildcards, attempt):
        return base * attempt

    return request


def run_features(wildcards):
    return STUDY.features_path(run_of(wildcards).space)


def run_heldout_features(wildcards):
    return STUDY.heldout_features_path(run_of(wildcards).space)


def run_pixels(wildcards):
    return STUDY.pixels_path(run_of(wildcards).space)


def run_heldout(wildcards):
    run = run_of(wildcards)
    return {"heldout": STUDY.run_path(run, "heldout.parquet")} if STUDY.holds_out(run) else {}


def run_identity(wildcards):
    run = run_of(wildcards)
    return {"name": run.name, "method": run.method, "space": run.space, "params": run.params}


def space_runs(wildcards):
    return [run.name for run in STUDY.runs_in(wildcards.space)]


def labels_of(runs):
    return [STUDY.run_path(run, "labels.parquet") for run in runs]


def space_labels(wildcards):
    return labels_of(STUDY.runs_in(wildcards.space))


def space_features(wildcards):
    return STUDY.features_path(wildcards.space)


def all_silhouettes(wildcards):
    used = dict.fromkeys(run.space for run in STUDY.runs)
    return [STUDY.silhouette_path(space) for space in used]


def run_model(wildcards):
    model = STUDY.model_path(run_of(wildcards).space)
    return [model] if model else []


def all_metrics(wildcards):
    return [STUDY.run_path(run, "metrics.parquet") for run in STUDY.runs]


def all_run_figures(wildcards):
    return [path for run in STUDY.runs for path in STUDY.run_figures(run)]


def run_course_params(wildcards):
    run = run_of(wildcards)
    return {name: run.params.get(name) for name in ("k", "distance_threshold")}


def point_set_runs(wildcards):
    return STUDY.point_sets()[f"{wildcards.scaling}/{wildcards.sample}"]


def point_set_run_names(wildcards):
    return [run.name for run in point_set_runs(wildcards)]


def point_set_labels(wildcards):
    return labels_of(point_set_runs(wildcards))


def all_agreements(wildcards):
    return [STUDY.agreement_path(point_set) for point_set in STUDY.point_sets()]


def all_agreement_figures(wildcards):
    return [STUDY.agreement_path(point_set, "png") for point_set in STUDY.point_sets()]


def space_pixels(wildcards):
    return STUDY.pixels_path(wildcards.space)


def neighbours_figures(wildcards):
    return [path for path in STUDY.neighbours_paths() if path.endswith(".png")]


def pca_input(wildcards):
    return sample_path(wildcards.dataset, wildcards.scaling, wildcards.sample)


def sample_settings(wildcards):
    return decode(wildcards.sample)


def pca_settings(wildcards):
    settings = decode(wildcards.transform)
    settings["n_components"] = settings.pop("pca")
    return settings


def umap_input(wildcards):
    return points_path(wildcards.dataset, wildcards.scaling, wildcards.sample, wildcards.transform)


def umap_settings(wildcards):
    settings = decode(wildcards.embedding)
    settings["n_components"] = settings.pop("umap")
    return settings


def headline_runs(wildcards):
    return [run.name for run in STUDY.runs_in(STUDY.headline_space)]


def headline_labels(wildcards):
    return labels_of(STUDY.runs_in(STUDY.headline_space))


def headline_space_description(wildcards):
    return STUDY.describe_space(STUDY.headline_space)


def headline_outputs(wildcards):
    return list(STUDY.headline_paths().values())


def headline_features(wildcards):
    return STUDY.features_path(STUDY.headline_space)


def headline_view(wildcards):
    return [STUDY.features_path(STUDY.headline_view)] if STUDY.headline_view else []


def headline_pixels(wildcards):
    return STUDY.pixels_path(STUDY.headline_space)

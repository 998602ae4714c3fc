import re
import sys
from pathlib import Path

import yaml

from digit_clustering.data.registry import LOCAL_SOURCE_DATASET, kind_of, load_settings
from digit_clustering.data.sources import IDX_SPLITS
from digit_clustering.figures.captions import caption_file
from digit_clustering.figures.catalogue import (
    CATEGORIES,
    CLOUD_PAGE,
    CLOUD_RUN_FIGURES,
    IMAGE_RUN_FIGURES,
    png,
)
from digit_clustering.jobs.code import code_digest
from digit_clustering.jobs.stale_locks import hold_and_clear_stale
from digit_clustering.jobs.storage import check_writable
from digit_clustering.jobs.threads import NUMERIC_THREADS
from digit_clustering.methods.registry import METHODS, module_name
from digit_clustering.study import layout
from digit_clustering.study.codec import decode, transform_settings
from digit_clustering.study.config_text import config_digest, config_text
from digit_clustering.study.spaces import describe
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets

with open(workflow.source_path("../schemas/config.schema.yaml")) as schema_file:
    CONFIG_SCHEMA = yaml.safe_load(schema_file)

STUDY = Study(config, CONFIG_SCHEMA)
validate(config, "../schemas/config.schema.yaml")

SCRIPTS = Path(workflow.basedir) / "scripts"
DATASETS = list(config["datasets"])
IMAGE_DATASETS = "|".join(re.escape(d) for d in DATASETS if kind_of(d).has_images)
CLOUD_DATASETS = "|".join(re.escape(d) for d in DATASETS if not kind_of(d).has_images)

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


def script_path(name):
    return str(SCRIPTS / f"{name}.py")


def code(name):
    """The digest of a script and the package modules it imports: a param, so that editing
    any of them reruns the rule's jobs."""
    return code_digest(script_path(name))


def figure(pattern, name, **labels):
    """A figure's output, with its caption and category in Snakemake's report."""
    return report(pattern, caption=caption_file(name), category=CATEGORIES[name], labels=labels)


def run_figure_outputs(names):
    return {name: figure(layout.run_file(png(name)), name, run="{run}") for name in names}


def idx_settings(wildcards):
    return config["datasets"][wildcards.dataset]


# Mirrors say where a file may be found, not what it is (the MD5 says that): passing them as a
# param of both `wildcards` and `input` keeps Snakemake from tracking them, so pointing at another
# mirror never re-downloads a verified file.
def idx_mirrors(wildcards, input):
    mirrors = idx_settings(wildcards)["mirrors"]
    first = config.get("mnist_mirror") if wildcards.dataset == LOCAL_SOURCE_DATASET else None
    return [first, *mirrors] if first else mirrors


def idx_timeout(wildcards, input):
    return idx_settings(wildcards)["timeout"]


def idx_checksum(wildcards):
    settings = idx_settings(wildcards)
    return {"md5": settings["md5"][f"{wildcards.idx_file}.gz"], "md5_of": settings["md5_of"]}


def dataset_settings(wildcards):
    """What a built-in dataset is made from; nothing for downloaded ones (their MD5s say it)."""
    if kind_of(wildcards.dataset).downloads:
        return {}
    return load_settings(config["datasets"][wildcards.dataset])


def local_source(wildcards):
    if wildcards.dataset != LOCAL_SOURCE_DATASET or config["mnist_source"] == "download":
        return None
    return config["mnist_source"]


def idx_files(wildcards):
    if not kind_of(wildcards.dataset).downloads or local_source(wildcards):
        return None
    return {
        split: [
            layout.fill(layout.IDX_FILE, dataset=wildcards.dataset, idx_file=stem) for stem in stems
        ]
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


def fit_code(name):
    """The code of a fitting job: its script's modules and its method's module (loaded by name,
    so no import shows it)."""

    def digest(wildcards):
        return code_digest(script_path(name), module_name(run_method(wildcards)))

    return digest


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
    if not STUDY.holds_out(run):
        return {}
    return {"heldout": STUDY.run_path(run, layout.RUN_HELDOUT)}


def run_identity(wildcards):
    run = run_of(wildcards)
    return {"name": run.name, "method": run.method, "space": run.space, "params": run.params}


def space_runs(wildcards):
    return [run.name for run in STUDY.runs_in(wildcards.space)]


def labels_of(runs):
    return [STUDY.run_path(run, layout.RUN_LABELS) for run in runs]


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
    return [STUDY.run_path(run, layout.RUN_METRICS) for run in STUDY.runs]


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
    return [STUDY.agreement_paths(point_set)[0] for point_set in STUDY.point_sets()]


def all_agreement_figures(wildcards):
    return [STUDY.agreement_paths(point_set)[1] for point_set in STUDY.point_sets()]


def space_pixels(wildcards):
    return STUDY.pixels_path(wildcards.space)


def neighbours_figures(wildcards):
    return [path for path in STUDY.neighbours_paths() if path.endswith(".png")]


def pca_input(wildcards):
    return layout.sample_path(wildcards.dataset, wildcards.scaling, wildcards.sample)


def sample_settings(wildcards):
    return decode(wildcards.sample)


def pca_settings(wildcards):
    return transform_settings(wildcards.transform)


def umap_input(wildcards):
    return layout.points_path(
        wildcards.dataset, wildcards.scaling, wildcards.sample, wildcards.transform
    )


def umap_settings(wildcards):
    return transform_settings(wildcards.embedding)


def headline_runs(wildcards):
    return [run.name for run in STUDY.runs_in(STUDY.headline_space)]


def headline_labels(wildcards):
    return labels_of(STUDY.runs_in(STUDY.headline_space))


def headline_space_description(wildcards):
    return describe(config, STUDY.headline_space)


def headline_outputs(wildcards):
    return list(STUDY.headline_paths().values())


def headline_features(wildcards):
    return STUDY.features_path(STUDY.headline_space)


def headline_view(wildcards):
    return [STUDY.features_path(STUDY.headline_view)] if STUDY.headline_view else []


def headline_pixels(wildcards):
    return STUDY.pixels_path(STUDY.headline_space)

import re
import sys
from pathlib import Path

import yaml

from digit_clustering.data.registry import (
    first_mirror,
    kind_of,
    load_settings,
    local_source,
)
from digit_clustering.data.idx_files import IDX_SPLITS, IDX_STEMS, idx_archive
from digit_clustering.figures.captions import caption_file
from digit_clustering.study.catalogue import (
    CATEGORIES,
    CLOUD_PAGE,
    CLOUD_RUN_FIGURES,
    IMAGE_RUN_FIGURES,
    png,
)
from digit_clustering.jobs.code import code_digest
from digit_clustering.jobs.memory import cap_notice, this_machines_memory_cap_mb
from digit_clustering.jobs.stale_locks import hold_and_clear_stale
from digit_clustering.jobs.storage import check_writable
from digit_clustering.jobs.threads import NUMERIC_THREADS
from digit_clustering.methods.registry import METHODS, module_name
from digit_clustering.prepare.scaling import SCALINGS
from digit_clustering.prepare.umap import umap_threads
from digit_clustering.study import layout
from digit_clustering.study.codec import (
    NO_TRANSFORM,
    decode,
    pixels_key,
    pixels_settings,
    transform_pattern,
    transform_settings,
)
from digit_clustering.study.config_text import config_digest, config_text
from digit_clustering.study.runs import own_runs_notice
from digit_clustering.study.spaces import describe
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets, where_to_look

with open(workflow.source_path("../schemas/config.schema.yaml")) as schema_file:
    CONFIG_SCHEMA = yaml.load(schema_file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

STUDY = Study(config, CONFIG_SCHEMA)
validate(config, "../schemas/config.schema.yaml")

SCRIPTS = Path(workflow.basedir) / "scripts"
DATASETS = list(config["datasets"])
IMAGE_DATASETS = "|".join(re.escape(d) for d in DATASETS if kind_of(d).has_images)
CLOUD_DATASETS = "|".join(re.escape(d) for d in DATASETS if not kind_of(d).has_images)

if workflow.is_main_process and not workflow.dryrun:
    check_writable(*layout.OUTPUT_FOLDERS)
OWN_RUNS_NOTICE = own_runs_notice(config, STUDY.dataset)
if workflow.is_main_process and OWN_RUNS_NOTICE:
    print(OWN_RUNS_NOTICE, file=sys.stderr)
# After a run was killed, a plain re-run recovers instead of stopping for `--unlock`.
if workflow.is_main_process:
    for stale_lock in hold_and_clear_stale():
        print(f"Removed {stale_lock}, left by a run that is no longer alive.", file=sys.stderr)
# On a workstation the jobs at once never declare more memory than the machine has, unless the
# run sets its own cap; on a cluster its scheduler places each job by its own request.
if (
    workflow.is_main_process
    and workflow.local_exec
    and not {"mem_mb", "mem"} & set(workflow.global_resources)
):
    memory_cap_mb = this_machines_memory_cap_mb()
    workflow.register_resource("mem_mb", memory_cap_mb)
    print(cap_notice(memory_cap_mb), file=sys.stderr)


wildcard_constraints:
    dataset=STUDY.dataset,
    pixels="|".join(re.escape(pixels_key(s, d)) for s in SCALINGS for d in (False, True)),
    sample=r"[^/]+",
    transform=f"{transform_pattern('pca')}|{NO_TRANSFORM}",
    embedding=transform_pattern("umap"),
    idx_file="|".join(IDX_STEMS),


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


def course_figure_output(method):
    """The figure a method draws of its fit's course, named by the method."""
    name = METHODS[method].course_figure
    return figure(layout.run_file(png(name)), name, run="{run}")


def course_figure_job(method):
    """The job that draws a method's course figure, for its log and benchmark."""
    return layout.run_job(METHODS[method].course_figure)


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


def run_threads(wildcards):
    return METHODS[run_method(wildcards)].threads


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


def labels_of(runs):
    return [STUDY.run_path(run, layout.RUN_LABELS) for run in runs]


def space_features(wildcards):
    return STUDY.features_path(wildcards.space)

import re
import sys
from functools import partial
from pathlib import Path

import yaml

from digit_clustering.data.idx_files import IDX_STEMS
from digit_clustering.features.registry import SPACE_KINDS
from digit_clustering.figures.captions import caption_file
from digit_clustering.figures.catalogue import CATEGORIES, CLOUD_PAGE, png, run_figure_names
from digit_clustering.jobs.code import code_digest
from digit_clustering.jobs.memory import cap_notice, this_machines_memory_cap_mb
from digit_clustering.jobs.stale_locks import hold_and_clear_stale
from digit_clustering.jobs.storage import check_writable
from digit_clustering.settings.codec import space_key_pattern
from digit_clustering.study import layout
from digit_clustering.study.graphs import GRAPH_KIND
from digit_clustering.study.runs import own_runs_notice
from digit_clustering.study.study import Study
from digit_clustering.study.targets import targets, where_to_look

with open(workflow.source_path("../schemas/config.schema.yaml")) as schema_file:
    CONFIG_SCHEMA = yaml.load(schema_file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

STUDY = Study(config, CONFIG_SCHEMA)
validate(config, "../schemas/config.schema.yaml")

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

PIXEL_KEYS = "|".join(
    space_key_pattern(name) for name, kind in SPACE_KINDS.items() if kind.takes == "pixels"
)


wildcard_constraints:
    dataset=STUDY.dataset,
    pixels="|".join(map(re.escape, STUDY.pixels)),
    sample="|".join(map(re.escape, STUDY.samples)),
    key=PIXEL_KEYS,
    idx_file="|".join(IDX_STEMS),


def of(records, field):
    """A job's `field`, from the record its wildcards name in `records` (one of the study's
    tables: `STUDY.by_run`, `STUDY.by_space`...); an absent file (None) is no input."""

    def value(wildcards):
        found = getattr(records.of(wildcards), field)
        return [] if found is None else found

    return value


of_run = partial(of, STUDY.by_run)
of_space = partial(of, STUDY.by_space)
of_space_job = partial(of, STUDY.by_space_job)
of_sample = partial(of, STUDY.by_sample)
of_pixels = partial(of, STUDY.by_pixels)
of_graph = partial(of, STUDY.by_graph)


def untracked(records, field):
    """Like `of`, as a param of `(wildcards, input)`, which Snakemake deliberately does not
    track: a change of it reruns nothing."""

    def value(wildcards, input):
        return getattr(records.of(wildcards), field)

    return value


def per_attempt(request):
    """A cluster request (a number, or a job's getter) that grows with the attempt: a job killed
    for memory or wall time is retried (the profile's `retries`) with more."""

    def grown(wildcards, attempt):
        return (request(wildcards) if callable(request) else request) * attempt

    return grown


def code(script, module=None):
    """The digest of a script and the package modules it imports (and of `module`, a job's
    getter of a module loaded by name): a param, so that editing any of them reruns the
    rule's jobs."""
    path = str(Path(workflow.basedir) / "scripts" / f"{script}.py")
    if module is None:
        return code_digest(path)
    return lambda wildcards: code_digest(path, module(wildcards))


def reported(pattern, name, **labels):
    """An output shown in Snakemake's report, with its caption and category."""
    return report(pattern, caption=caption_file(name), category=CATEGORIES[name], labels=labels)

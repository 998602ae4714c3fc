"""The runs of a study: each entry of ``runs`` expanded over its grid, with the method's
defaults filled in, checked against its method's declarations and the space it clusters, then
placed in the study with every file of it (`place_run`)."""

import itertools
from dataclasses import replace

from digit_clustering.figures.catalogue import CLOUD_PAGE, png, run_figure_names
from digit_clustering.methods.registry import METHODS, job_memory_mb, module_name
from digit_clustering.settings.check import check_against_schema
from digit_clustering.settings.codec import run_name
from digit_clustering.settings.errors import ConfigError, check_declared_space, did_you_mean
from digit_clustering.study import layout
from digit_clustering.study.records import Run
from digit_clustering.study.spaces import Space


def build_runs(config: dict, spaces: dict[str, Space], dataset: str) -> list[Run]:
    """Every run of the dataset's study, in the order of the config: its own ``runs`` (else
    the top-level ones), then its ``extra_runs``. A run in a space the dataset does not use
    stops the study here, before any job: nothing is left out silently."""
    runs = []
    for where, entry, way_out in run_entries(config, dataset):
        method = entry["method"]
        if method not in METHODS:
            raise ConfigError(
                f"config key '{where}.method' is {method!r}, which is not a known method; "
                f"choose one of {', '.join(sorted(METHODS))}.{did_you_mean(method, METHODS)}"
            )
        check_declared_space(config, f"{where}.space", entry["space"])
        if entry["space"] not in spaces:
            raise ConfigError(
                f"config key '{where}.space' is {entry['space']!r}, which "
                f"datasets.{dataset}.spaces does not list ({', '.join(spaces)}): add it there, "
                f"or {way_out}."
            )
        runs += _expand(config, entry, spaces[entry["space"]], where)
    if not runs:
        raise ConfigError(f"the config's runs expand to no run on {dataset}: a grid is empty.")
    _check_unique(runs)
    return runs


def runs_key(config: dict, dataset: str) -> str:
    """Where a dataset's runs come from: its own ``runs``, else the top-level ones."""
    own = config["datasets"].get(dataset) or {}
    return f"datasets.{dataset}.runs" if "runs" in own else "runs"


def own_runs_notice(config: dict, dataset: str) -> str | None:
    """What a run says when the dataset's own runs replace the top-level ones, which a config
    file of the user's may have set for it."""
    key = runs_key(config, dataset)
    if key == "runs":
        return None
    entries = len(config["datasets"][dataset]["runs"])
    return (
        f"{dataset} runs its own runs ({key}: {entries} {'entry' if entries == 1 else 'entries'}),"
        " not the top-level 'runs'; change them there."
    )


def run_entries(config: dict, dataset: str) -> list[tuple[str, dict, str]]:
    """The entries that make a dataset's runs, each with the config key it sits under and the
    other way out when the dataset does not list its space."""
    own = config["datasets"].get(dataset) or {}
    key = runs_key(config, dataset)
    replace = f"give {dataset} runs of its own under 'datasets.{dataset}.runs'"
    leave_out = f"set 'datasets.{dataset}.extra_runs: []' to leave out its extra runs"
    entries = own.get("runs", config["runs"])
    extra = own.get("extra_runs", [])
    return [(f"{key}[{i}]", entry, replace) for i, entry in enumerate(entries)] + [
        (f"datasets.{dataset}.extra_runs[{i}]", entry, leave_out) for i, entry in enumerate(extra)
    ]


def _expand(config: dict, entry: dict, space: Space, where: str) -> list[Run]:
    method = entry["method"]
    schema = METHODS[method].schema()
    defaults = config["methods"].get(method, {})
    names = list(entry["grid"])
    runs = []
    for values in itertools.product(*(entry["grid"][name] for name in names)):
        params = {**defaults, **entry["params"], **dict(zip(names, values, strict=True))}
        check_against_schema(params, schema, prefix=(where, "params"))
        ordered = {name: params[name] for name in schema["properties"]}
        _check_fits(config, method, ordered, space, where)
        runs.append(Run(run_name(method, space.name, ordered), method, space.name, ordered))
    return runs


def _check_fits(config: dict, method: str, params: dict, space: Space, where: str) -> None:
    """What the parameters' own ranges cannot say: k against the points, the method's own
    checks, the job's memory against the budget."""
    k = params.get("k")
    if k is not None and k > space.n_points:
        raise ConfigError(
            f"config key '{where}.params.k' is {k}, more clusters than the "
            f"{space.n_points} points of space {space.name!r}; use at most {space.n_points}."
        )
    declared = METHODS[method]
    problem = declared.check(params) if declared.check else None
    if problem:
        raise ConfigError(f"config key '{where}.params': {problem}")
    budget = config["max_job_memory_mb"]
    if declared.memory_mb > budget:
        raise ConfigError(
            f"config key 'max_job_memory_mb' is {budget}, below the {declared.memory_mb} MB a "
            f"{method} job declares; raise it to at least {declared.memory_mb}."
        )
    if job_memory_mb(method, space.n_points, params) > budget:
        explanation = declared.explain_memory(space.n_points, params, budget, space.name)
        raise ConfigError(f"config key '{where}': {explanation}")


def _check_unique(runs: list[Run]) -> None:
    seen = set()
    for run in runs:
        if run.name in seen:
            raise ConfigError(
                f"two entries of 'runs' describe the same run {run.name!r}: remove one, or "
                "make them differ (params, seed or space)."
            )
        seen.add(run.name)


def place_run(run: Run, space: Space, dataset: str, holds_out: bool, has_images: bool) -> Run:
    """The run with every file of it under ``results/{dataset}`` and its fitting jobs' needs."""
    method = METHODS[run.method]

    def path(pattern: str) -> str:
        return layout.fill(pattern, dataset=dataset, run=run.name)

    names = run_figure_names(has_images)
    names += (method.course_figure,) if method.course_figure else ()
    figures = {name: path(layout.run_file(png(name))) for name in names}
    common = {"features": space.points, "labels": path(layout.RUN_LABELS)}
    common["centres"] = path(layout.RUN_CENTRES)
    if has_images:
        figure_inputs = {**common, "pixels": space.pixels}
        figure_inputs |= {"model": space.model} if space.model else {}
    else:
        figure_inputs = {**common, "plotly_js": layout.fill(layout.PLOTLY_JS, dataset=dataset)}
    jobs = ["cluster", "evaluate", "figures"] + (["heldout"] if holds_out else [])
    jobs += [method.course_figure] if method.course_figure else []
    return replace(
        run,
        features=space.points,
        pixels=space.pixels,
        model=space.model,
        heldout_features=space.heldout_points if holds_out else None,
        labels=common["labels"],
        centres=common["centres"],
        trace=path(layout.RUN_TRACE),
        heldout=path(layout.RUN_HELDOUT) if holds_out else None,
        metrics=path(layout.RUN_METRICS),
        figures=figures,
        page=None if has_images else path(layout.run_file(CLOUD_PAGE)),
        figure_inputs=figure_inputs,
        course_settings={name: run.params[name] for name in method.course_settings},
        identity={"name": run.name, "method": run.method, "space": run.space, "params": run.params},
        fit_module=module_name(run.method),
        threads=method.threads,
        mem_mb=job_memory_mb(run.method, space.n_points, run.params),
        runtime=method.runtime_min,
        benchmarks={job: path(layout.benchmark(layout.run_job(job))) for job in jobs},
    )

"""The step that writes the report page."""

import datetime
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from digit_clustering.evaluation import agreement
from digit_clustering.evaluation.label_free import label_free_choices
from digit_clustering.figures import overview as overview_figures
from digit_clustering.jobs.provenance import library_versions
from digit_clustering.report import page as report
from digit_clustering.report.headline import Headline
from digit_clustering.study.codec import short_names
from digit_clustering.study.layout import CLUSTER_STEP, run_of_benchmark, run_of_file
from digit_clustering.tables import read_parquet, table_metadata


def write_report(
    metrics_path: str,
    data_path: str,
    runs: list[str],
    figure_paths: list[str],
    agreement_paths: list[str],
    agreement_figure_paths: list[str],
    neighbours_figure_paths: list[str],
    headline_paths: list[str],
    config_text: str,
    config_digest: str,
    benchmarks: str,
    output: str,
):
    """Gather what the page shows: the headline run, metrics, stability, every figure, the
    study's timings."""
    data = pq.ParquetFile(data_path)
    dataset = {
        "name": table_metadata(data.schema_arrow).get("dataset", "?"),
        "n_points": data.metadata.num_rows,
        "n_features": data.schema_arrow.field("x").type.list_size,
    }
    metrics = read_parquet(metrics_path).to_pandas()
    agreements = pd.concat([read_parquet(path).to_pandas() for path in agreement_paths])
    run_figures = figures_by_run(runs, figure_paths, Path(output).parent)
    fit_seconds, compute_seconds, jobs = timings(runs, Path(benchmarks))
    provenance = report.Provenance(
        built=build_time(),
        config_digest=config_digest,
        config_text=config_text,
        compute_seconds=compute_seconds,
        jobs=jobs,
        versions=library_versions(),
    )
    with tempfile.TemporaryDirectory() as scratch:
        overview = [(path.stem, path) for path in overview_figures.draw_all(metrics, scratch)]
        overview += [("agreement", Path(path)) for path in agreement_figure_paths]
        overview += [("neighbours", Path(path)) for path in neighbours_figure_paths]
        report.render(
            metrics,
            short_names(runs),
            run_figures,
            overview,
            agreement.stability(metrics, agreements),
            label_free_choices(metrics),
            Headline.read(headline_paths, run_figures),
            fit_seconds,
            dataset,
            provenance,
            output,
        )


def figures_by_run(runs: list[str], paths: list[str], page_directory: Path) -> dict:
    """{run: {file name: path}}; HTML pages as links relative to the page."""
    by_run = {run: {} for run in runs}
    for path in map(Path, paths):
        run = run_of_file(path.as_posix())
        if path.suffix == ".html":
            by_run[run][path.name] = os.path.relpath(path, page_directory)
        else:
            by_run[run][path.name] = path
    return by_run


def timings(runs: list[str], benchmarks: Path) -> tuple[dict[str, float], float, int]:
    """Each run's fit time (its cluster job's wall time), and the wall time summed over the
    study's jobs, from the benchmark files Snakemake wrote (each job's latest run)."""
    fit_seconds, total, jobs = {}, 0.0, 0
    current = set(runs)
    for path in sorted(benchmarks.rglob("*.tsv")):
        of_run = run_of_benchmark(path.relative_to(benchmarks).as_posix())
        if of_run and of_run[0] not in current:
            continue  # a run no longer in the config
        seconds = float(pd.read_csv(path, sep="\t")["s"].iloc[-1])
        total, jobs = total + seconds, jobs + 1
        if of_run and of_run[1] == CLUSTER_STEP:
            fit_seconds[of_run[0]] = seconds
    return fit_seconds, total, jobs


def build_time() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.strftime("%Y-%m-%d %H:%M UTC")

"""The step that writes the report page, from the structure the study gives it: each run's
figures and fit benchmark, the headline's parts by name, every job's benchmark."""

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
from digit_clustering.settings.codec import short_names
from digit_clustering.tables import read_parquet, table_metadata


def report_step(
    metrics_path: str,
    data_path: str,
    agreement_paths: list[str],
    agreement_figure_paths: list[str],
    neighbours_figure_paths: list[str],
    runs: list[str],
    run_figures: dict[str, dict[str, str]],
    run_pages: dict[str, str],
    fit_benchmarks: dict[str, str],
    benchmarks: list[str],
    headline: dict | None,
    metrics_csv: str,
    config_text: str,
    config_digest: str,
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
    page_directory = Path(output).parent
    pages = {run: os.path.relpath(path, page_directory) for run, path in run_pages.items()}
    compute_seconds, jobs = total_time(benchmarks)
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
            pages,
            overview,
            agreement.stability(metrics, agreements),
            label_free_choices(metrics),
            Headline.read(headline, run_figures),
            fit_times(fit_benchmarks),
            dataset,
            provenance,
            metrics_csv,
            output,
        )


def wall_seconds(benchmark: str | os.PathLike) -> float:
    """A job's wall time from the benchmark file Snakemake wrote (its latest run)."""
    return float(pd.read_csv(benchmark, sep="\t")["s"].iloc[-1])


def fit_times(fit_benchmarks: dict[str, str]) -> dict[str, float]:
    """Each run's fit time (its cluster job's wall time), for the runs that have one."""
    return {run: wall_seconds(path) for run, path in fit_benchmarks.items() if Path(path).exists()}


def total_time(benchmarks: list[str]) -> tuple[float, int]:
    """The wall time summed over the study's jobs that have run, and how many they are."""
    present = [path for path in benchmarks if Path(path).exists()]
    return sum(wall_seconds(path) for path in present), len(present)


def build_time() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.strftime("%Y-%m-%d %H:%M UTC")

from digit_clustering.jobs.context import job
from digit_clustering.report.step import report_step

with job(snakemake):
    params = snakemake.params
    report_step(
        snakemake.input.metrics,
        data_path=snakemake.input.data,
        agreement_paths=list(snakemake.input.agreements),
        agreement_figure_paths=list(snakemake.input.agreement_figures),
        neighbours_figure_paths=list(snakemake.input.neighbours),
        runs=params.runs,
        run_figures=params.run_figures,
        run_pages=params.run_pages,
        fit_benchmarks=params.fit_benchmarks,
        benchmarks=params.benchmarks,
        headline=params.headline,
        metrics_csv=params.metrics_csv,
        config_text=params.config_text,
        config_digest=params.config_digest,
        output=snakemake.output[0],
    )

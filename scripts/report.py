from digit_clustering.jobs.context import job
from digit_clustering.report.step import write_report

with job(snakemake):
    write_report(
        snakemake.input.metrics,
        data_path=snakemake.input.data,
        runs=snakemake.params.runs,
        figure_paths=list(snakemake.input.figures),
        agreement_paths=list(snakemake.input.agreements),
        agreement_figure_paths=list(snakemake.input.agreement_figures),
        neighbours_figure_paths=list(snakemake.input.neighbours),
        headline_paths=list(snakemake.input.headline),
        config_text=snakemake.params.config_text,
        config_digest=snakemake.params.config_digest,
        benchmarks=snakemake.params.benchmarks,
        output=snakemake.output[0],
    )

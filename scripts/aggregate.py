from digit_clustering.evaluation.aggregate import aggregate_step
from digit_clustering.jobs.context import job

with job(snakemake):
    aggregate_step(
        list(snakemake.input.metrics),
        list(snakemake.input.silhouettes),
        output=snakemake.output.table,
        csv_output=snakemake.output.csv,
    )

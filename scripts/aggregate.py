from digit_clustering.evaluation.aggregate import aggregate
from digit_clustering.jobs.context import job

with job(snakemake):
    aggregate(
        list(snakemake.input.metrics),
        list(snakemake.input.silhouettes),
        config_digest=snakemake.params.config_digest,
        output=snakemake.output.table,
        csv_output=snakemake.output.csv,
    )

from digit_clustering.jobs import job
from digit_clustering.steps.evaluation import aggregate

with job(snakemake):
    aggregate(
        list(snakemake.input.metrics),
        list(snakemake.input.silhouettes),
        config_digest=snakemake.params.config_digest,
        output=snakemake.output.table,
        csv_output=snakemake.output.csv,
    )

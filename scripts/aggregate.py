from digit_clustering.jobs import job
from digit_clustering.steps.evaluation import aggregate

with job(snakemake.log[0], snakemake.threads):
    aggregate(
        list(snakemake.input.metrics),
        list(snakemake.input.silhouettes),
        output=snakemake.output.table,
        csv_output=snakemake.output.csv,
    )

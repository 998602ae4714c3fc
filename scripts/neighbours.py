from digit_clustering.jobs import job
from digit_clustering.steps.lookup import neighbours

with job(snakemake):
    neighbours(
        snakemake.input[0],
        query_ids=snakemake.params.queries,
        k=snakemake.params.k,
        output=snakemake.output[0],
    )

from digit_clustering.jobs.context import job
from digit_clustering.prepare.neighbours import neighbours_step

with job(snakemake):
    neighbours_step(
        snakemake.input[0],
        query_ids=snakemake.params.queries,
        k=snakemake.params.k,
        output=snakemake.output[0],
    )

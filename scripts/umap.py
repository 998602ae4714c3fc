from digit_clustering.jobs import job
from digit_clustering.steps.prepare import umap

with job(snakemake):
    umap(
        snakemake.input[0],
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

from digit_clustering.features.umap import umap_step
from digit_clustering.jobs.context import job

with job(snakemake):
    umap_step(
        snakemake.input[0],
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

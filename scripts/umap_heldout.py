from digit_clustering.jobs.context import job
from digit_clustering.prepare.umap import umap_heldout_step

with job(snakemake):
    umap_heldout_step(
        snakemake.input[0],
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

from digit_clustering.jobs import job
from digit_clustering.steps.prepare import umap_heldout

with job(snakemake):
    umap_heldout(
        snakemake.input[0],
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

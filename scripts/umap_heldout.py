from digit_clustering.features.umap import umap_heldout_step
from digit_clustering.jobs.context import job, optional_input

with job(snakemake):
    umap_heldout_step(
        snakemake.input.points,
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
        graph_path=optional_input(snakemake, "graph"),
    )

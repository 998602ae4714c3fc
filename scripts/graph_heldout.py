from digit_clustering.graphs.step import graph_heldout_step
from digit_clustering.jobs.context import job

with job(snakemake):
    graph_heldout_step(
        snakemake.input.points,
        snakemake.input.pixels,
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

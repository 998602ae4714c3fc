from digit_clustering.graphs.step import graph_step
from digit_clustering.jobs.context import job

with job(snakemake):
    graph_step(
        snakemake.input.points,
        snakemake.input.pixels,
        snakemake.params.settings,
        snakemake.threads,
        output=snakemake.output[0],
    )

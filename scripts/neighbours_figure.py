from digit_clustering.jobs import job
from digit_clustering.steps.figures import neighbours_figure

with job(snakemake):
    neighbours_figure(
        snakemake.input.neighbours,
        snakemake.input.pixels,
        snakemake.wildcards.space,
        snakemake.output[0],
    )

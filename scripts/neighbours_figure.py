from digit_clustering.figures.run_figures import neighbours_figure_step
from digit_clustering.jobs.context import job

with job(snakemake):
    neighbours_figure_step(
        snakemake.input.neighbours,
        snakemake.input.pixels,
        snakemake.wildcards.space,
        snakemake.output[0],
    )

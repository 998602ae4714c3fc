from digit_clustering.figures.run_figures import dendrogram_step
from digit_clustering.jobs.context import job

with job(snakemake):
    dendrogram_step(
        snakemake.wildcards.run, snakemake.input[0], snakemake.params.settings, snakemake.output[0]
    )

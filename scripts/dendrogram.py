from digit_clustering.figures.run_figures import dendrogram_figure
from digit_clustering.jobs.context import job

with job(snakemake):
    dendrogram_figure(
        snakemake.wildcards.run, snakemake.input[0], snakemake.params.settings, snakemake.output[0]
    )

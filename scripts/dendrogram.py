from digit_clustering.jobs import job
from digit_clustering.steps.figures import dendrogram_figure

with job(snakemake):
    dendrogram_figure(
        snakemake.wildcards.run, snakemake.input[0], snakemake.params.cut, snakemake.output[0]
    )

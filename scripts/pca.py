from digit_clustering.jobs import job
from digit_clustering.steps.prepare import pca

with job(snakemake):
    pca(
        snakemake.input[0],
        snakemake.params.settings,
        output=snakemake.output.points,
        model_output=snakemake.output.model,
    )

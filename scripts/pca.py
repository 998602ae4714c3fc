from digit_clustering.features.pca import pca_step
from digit_clustering.jobs.context import job

with job(snakemake):
    pca_step(
        snakemake.input[0],
        snakemake.params.settings,
        output=snakemake.output.points,
        model_output=snakemake.output.model,
    )

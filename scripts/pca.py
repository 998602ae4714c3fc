from digit_clustering.jobs.context import job
from digit_clustering.prepare.pca import pca_step

with job(snakemake):
    pca_step(
        snakemake.input[0],
        snakemake.params.settings,
        output=snakemake.output.points,
        model_output=snakemake.output.model,
    )

from digit_clustering.jobs.context import job
from digit_clustering.methods.fitting import heldout_step

with job(snakemake):
    heldout_step(
        snakemake.input[0],
        snakemake.params.method,
        snakemake.params.settings,
        output=snakemake.output[0],
    )

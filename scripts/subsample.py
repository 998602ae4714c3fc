from digit_clustering.jobs.context import job
from digit_clustering.prepare.sampling import subsample_step

with job(snakemake):
    subsample_step(snakemake.input[0], snakemake.params.settings, snakemake.output[0])

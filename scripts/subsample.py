from digit_clustering.jobs import job
from digit_clustering.steps.prepare import subsample

with job(snakemake):
    subsample(snakemake.input[0], snakemake.params.settings, snakemake.output[0])

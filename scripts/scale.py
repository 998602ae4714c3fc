from digit_clustering.jobs import job
from digit_clustering.steps.prepare import scale

with job(snakemake.log[0], snakemake.threads):
    scale(snakemake.input[0], snakemake.wildcards.scaling, snakemake.output[0])

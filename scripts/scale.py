from digit_clustering.jobs import job
from digit_clustering.steps.prepare import scale

with job(snakemake):
    scale(snakemake.input[0], snakemake.wildcards.scaling, snakemake.output[0])

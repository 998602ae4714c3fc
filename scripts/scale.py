from digit_clustering.jobs.context import job
from digit_clustering.prepare.scaling import scale_step

with job(snakemake):
    scale_step(snakemake.input[0], snakemake.wildcards.scaling, snakemake.output[0])

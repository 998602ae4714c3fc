from digit_clustering.jobs.context import job
from digit_clustering.prepare.scaling import scale_step

with job(snakemake):
    settings = snakemake.params.settings
    scale_step(snakemake.input[0], settings["deskew"], settings["scale"], snakemake.output[0])

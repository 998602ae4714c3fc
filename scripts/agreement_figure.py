from digit_clustering.figures.agreement import agreement_figure_step
from digit_clustering.jobs.context import job

with job(snakemake):
    agreement_figure_step(snakemake.input[0], snakemake.output[0])

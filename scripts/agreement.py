from digit_clustering.evaluation.agreement import agreement_step
from digit_clustering.jobs.context import job

with job(snakemake):
    agreement_step(snakemake.params.runs, list(snakemake.input), output=snakemake.output[0])

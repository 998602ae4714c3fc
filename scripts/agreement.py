from digit_clustering.jobs import job
from digit_clustering.steps.evaluation import agreement_step

with job(snakemake):
    agreement_step(
        snakemake.params.runs,
        list(snakemake.input),
        output=snakemake.output.table,
        figure_output=snakemake.output.figure,
    )

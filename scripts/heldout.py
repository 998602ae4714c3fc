from digit_clustering.jobs import job
from digit_clustering.steps.clustering import heldout

with job(snakemake):
    heldout(
        snakemake.input[0],
        snakemake.params.method,
        snakemake.params.settings,
        output=snakemake.output[0],
    )

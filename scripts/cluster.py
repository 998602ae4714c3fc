from digit_clustering.jobs.context import job
from digit_clustering.methods.fitting import cluster_step

with job(snakemake):
    cluster_step(
        snakemake.input[0],
        snakemake.params.method,
        snakemake.params.settings,
        labels_output=snakemake.output.labels,
        centres_output=snakemake.output.centres,
        trace_output=snakemake.output.trace,
    )

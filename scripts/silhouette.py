from digit_clustering.evaluation.silhouette import silhouette_step
from digit_clustering.jobs.context import job

with job(snakemake):
    silhouette_step(
        snakemake.input.features,
        runs=snakemake.params.runs,
        labels_paths=list(snakemake.input.labels),
        **snakemake.params.settings,
        threads=snakemake.threads,
        output=snakemake.output[0],
    )

from digit_clustering.jobs import job
from digit_clustering.steps.evaluation import silhouette

with job(snakemake):
    silhouette(
        snakemake.input.features,
        runs=snakemake.params.runs,
        labels_paths=list(snakemake.input.labels),
        sample_size=snakemake.params.sample_size,
        seed=snakemake.params.seed,
        threads=snakemake.threads,
        output=snakemake.output[0],
    )

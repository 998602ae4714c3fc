from digit_clustering.jobs import job
from digit_clustering.steps.figures import cloud_run_figures

with job(snakemake):
    cloud_run_figures(
        snakemake.wildcards.run,
        features_path=snakemake.input.features,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        outputs=dict(snakemake.output.items()),
    )

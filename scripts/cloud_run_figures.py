from digit_clustering.figures.run_figures import cloud_run_figures
from digit_clustering.jobs.context import job

with job(snakemake):
    cloud_run_figures(
        snakemake.wildcards.run,
        features_path=snakemake.input.features,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        plotly_js_path=snakemake.input.plotly_js,
        outputs=dict(snakemake.output.items()),
    )

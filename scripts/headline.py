from digit_clustering.headline.step import headline_step
from digit_clustering.jobs.context import job, optional_input

with job(snakemake):
    headline_step(
        snakemake.input.metrics,
        runs=snakemake.params.runs,
        labels_paths=list(snakemake.input.labels),
        space=snakemake.params.space,
        features_path=snakemake.input.features,
        view=snakemake.params.view,
        view_path=optional_input(snakemake, "view"),
        pixels_path=snakemake.input.pixels,
        outputs=dict(snakemake.output.items()),
    )

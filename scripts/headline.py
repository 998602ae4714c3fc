from digit_clustering.jobs import job
from digit_clustering.steps.headline import headline

with job(snakemake):
    headline(
        snakemake.input.metrics,
        runs=snakemake.params.runs,
        labels_paths=list(snakemake.input.labels),
        space=snakemake.params.space,
        space_description=snakemake.params.space_description,
        features_path=snakemake.input.features,
        view=snakemake.params.view,
        view_path=snakemake.input.view[0] if snakemake.input.view else None,
        pixels_path=snakemake.input.pixels,
        outputs=dict(snakemake.output.items()),
    )

from digit_clustering.headline.step import headline
from digit_clustering.jobs.context import job

with job(snakemake):
    headline(
        snakemake.input.metrics,
        runs=snakemake.params.runs,
        labels_paths=list(snakemake.input.labels),
        space=snakemake.params.space,
        space_description=snakemake.params.space_description,
        features_path=snakemake.input.features,
        view=snakemake.params.view,
        compare=snakemake.params.compare,
        compare_description=snakemake.params.compare_description,
        view_path=snakemake.input.view[0] if snakemake.input.view else None,
        pixels_path=snakemake.input.pixels,
        outputs=dict(snakemake.output.items()),
    )

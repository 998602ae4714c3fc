from digit_clustering.figures.run_figures import image_run_figures
from digit_clustering.jobs.context import job

with job(snakemake):
    image_run_figures(
        snakemake.wildcards.run,
        features_path=snakemake.input.features,
        pixels_path=snakemake.input.pixels,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        model_path=snakemake.input.model[0] if snakemake.input.model else None,
        outputs=dict(snakemake.output.items()),
    )

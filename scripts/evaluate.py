from digit_clustering.evaluation.evaluate import evaluate_step
from digit_clustering.jobs.context import job, optional_input

with job(snakemake):
    evaluate_step(
        snakemake.params.run,
        features_path=snakemake.input.features,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        pixels_path=snakemake.input.pixels,
        heldout_path=optional_input(snakemake, "heldout"),
        output=snakemake.output[0],
    )

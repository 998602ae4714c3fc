from digit_clustering.evaluation.evaluate import evaluate
from digit_clustering.jobs.context import job

with job(snakemake):
    evaluate(
        snakemake.params.run,
        features_path=snakemake.input.features,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        pixels_path=snakemake.input.pixels,
        heldout_path=getattr(snakemake.input, "heldout", None),
        output=snakemake.output[0],
    )

from digit_clustering.jobs import job
from digit_clustering.steps.reporting import run_figure

with job(snakemake.log[0], snakemake.threads):
    run_figure(
        snakemake.wildcards.run,
        features_path=snakemake.input.features,
        labels_path=snakemake.input.labels,
        centres_path=snakemake.input.centres,
        model_path=snakemake.input.model[0] if snakemake.input.model else None,
        output=snakemake.output.centroids,
        confusion_output=snakemake.output.confusion,
    )

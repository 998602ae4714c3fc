from digit_clustering.jobs import job
from digit_clustering.steps.figures import lloyd_figure

with job(snakemake):
    lloyd_figure(
        snakemake.wildcards.run,
        trace_path=snakemake.input.trace,
        centres_path=snakemake.input.centres,
        model_path=snakemake.input.model[0] if snakemake.input.model else None,
        features_path=snakemake.input.features,
        output=snakemake.output[0],
    )

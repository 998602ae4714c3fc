from digit_clustering.figures.run_figures import lloyd_figure
from digit_clustering.jobs.context import job

with job(snakemake):
    lloyd_figure(
        snakemake.wildcards.run,
        trace_path=snakemake.input.trace,
        centres_path=snakemake.input.centres,
        model_path=snakemake.input.model[0] if snakemake.input.model else None,
        features_path=snakemake.input.features,
        output=snakemake.output[0],
    )

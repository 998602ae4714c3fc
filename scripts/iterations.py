from digit_clustering.figures.run_figures import iterations_step
from digit_clustering.jobs.context import job, optional_input

with job(snakemake):
    iterations_step(
        snakemake.wildcards.run,
        trace_path=snakemake.input.trace,
        centres_path=snakemake.input.centres,
        model_path=optional_input(snakemake, "model"),
        features_path=snakemake.input.features,
        output=snakemake.output[0],
    )

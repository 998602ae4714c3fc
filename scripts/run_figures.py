from digit_clustering.figures.run_figures import run_figures_step
from digit_clustering.jobs.context import job

with job(snakemake):
    run_figures_step(
        snakemake.wildcards.run,
        images=snakemake.params.images,
        inputs=dict(snakemake.input.items()),
        outputs=dict(snakemake.output.items()),
    )

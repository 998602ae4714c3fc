from digit_clustering.jobs import job
from digit_clustering.steps.reporting import write_report

with job(snakemake.log[0], snakemake.threads):
    write_report(
        snakemake.input.metrics,
        runs=snakemake.params.runs,
        figure_paths=list(snakemake.input.figures),
        confusion_paths=list(snakemake.input.confusions),
        data_path=snakemake.input.data,
        output=snakemake.output[0],
    )

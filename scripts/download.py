from digit_clustering.data.download import download_step
from digit_clustering.jobs.context import job

with job(snakemake):
    download_step(
        filename=snakemake.wildcards.idx_file + ".gz",
        checksum=snakemake.params.checksum,
        mirrors=snakemake.params.mirrors,
        timeout=snakemake.params.timeout,
        output=snakemake.output[0],
    )

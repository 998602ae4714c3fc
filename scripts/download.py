from digit_clustering.data.download import download_step
from digit_clustering.data.idx_files import idx_archive
from digit_clustering.jobs.context import job

with job(snakemake):
    download_step(
        filename=idx_archive(snakemake.wildcards.idx_file),
        checksum=snakemake.params.checksum,
        mirrors=snakemake.params.mirrors,
        timeout=snakemake.params.timeout,
        output=snakemake.output[0],
    )

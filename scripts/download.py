from digit_clustering.jobs import job
from digit_clustering.steps.data import download

with job(snakemake):
    download(
        filename=snakemake.wildcards.idx_file + ".gz",
        checksum=snakemake.params.checksum,
        mirrors=snakemake.params.mirrors,
        timeout=snakemake.params.timeout,
        output=snakemake.output[0],
    )

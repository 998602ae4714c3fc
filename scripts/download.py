from digit_clustering.jobs import job
from digit_clustering.steps.data import download

with job(snakemake):
    download(
        filename=snakemake.wildcards.mnist_file + ".gz",
        payload_md5=snakemake.params.payload_md5,
        mirrors=snakemake.params.mirrors,
        timeout=snakemake.params.timeout,
        output=snakemake.output[0],
    )

from digit_clustering.data.decode import decode
from digit_clustering.jobs.context import job

with job(snakemake):
    decode(
        dataset=snakemake.wildcards.dataset,
        output=snakemake.output[0],
        idx_files=snakemake.params.idx_files,
        local_source=snakemake.params.local_source,
        blobs=snakemake.params.blobs,
    )

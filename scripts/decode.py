from digit_clustering.data.decode import decode
from digit_clustering.jobs.context import job

with job(snakemake):
    decode(
        snakemake.wildcards.dataset,
        snakemake.params.settings,
        output=snakemake.output[0],
        idx_files=snakemake.params.idx_files,
        local_source=snakemake.params.local_source,
    )

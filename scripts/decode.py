from digit_clustering.data.decode import decode_step
from digit_clustering.jobs.context import job

with job(snakemake):
    decode_step(
        snakemake.wildcards.dataset,
        snakemake.params.settings,
        output=snakemake.output[0],
        idx_files=snakemake.params.idx_files,
        local_source=snakemake.params.local_source,
    )

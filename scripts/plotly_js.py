from digit_clustering.figures.scatter3d import write_plotly_js
from digit_clustering.jobs.context import job

with job(snakemake):
    write_plotly_js(snakemake.output[0])

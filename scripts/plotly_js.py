from digit_clustering.figures.scatter3d import plotly_js_step
from digit_clustering.jobs.context import job

with job(snakemake):
    plotly_js_step(snakemake.output[0])

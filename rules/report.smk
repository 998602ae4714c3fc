rule run_figure:
    input:
        features=run_features,
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
        model=run_model,
    output:
        centroids=report(
            "results/{dataset}/runs/{run}/centroids.png",
            caption="../report/centroids.rst",
            category="Centroids",
            labels={"run": "{run}"},
        ),
        confusion=report(
            "results/{dataset}/runs/{run}/confusion.png",
            caption="../report/confusion.rst",
            category="Confusion matrices",
            labels={"run": "{run}"},
        ),
    log:
        "logs/{dataset}/runs/{run}/figure.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/figure.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=5,
    script:
        "../scripts/run_figure.py"


rule report:
    input:
        metrics="results/{dataset}/metrics.parquet",
        data="results/{dataset}/data.parquet",
        figures=all_figures,
        confusions=all_confusions,
    output:
        "results/{dataset}/report/index.html",
    log:
        "logs/{dataset}/report.log",
    benchmark:
        "benchmarks/{dataset}/report.tsv"
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    params:
        runs=[run.name for run in STUDY.runs],
    script:
        "../scripts/report.py"

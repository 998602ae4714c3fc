rule silhouette:
    input:
        features=space_features,
        labels=space_labels,
    output:
        "results/{dataset}/silhouette/{space}.parquet",
    params:
        runs=space_runs,
        sample_size=config["evaluation"]["silhouette_sample"],
        seed=config["evaluation"]["seed"],
    log:
        "logs/{dataset}/silhouette/{space}.log",
    benchmark:
        "benchmarks/{dataset}/silhouette/{space}.tsv"
    threads: 2
    resources:
        mem_mb=3000,
        runtime=60,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/silhouette.py"


rule evaluate:
    input:
        features=run_features,
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
    output:
        "results/{dataset}/runs/{run}/metrics.parquet",
    params:
        run=run_identity,
    log:
        "logs/{dataset}/runs/{run}/evaluate.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/evaluate.tsv"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=10,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/evaluate.py"


rule aggregate:
    input:
        metrics=all_metrics,
        silhouettes=all_silhouettes,
    output:
        table="results/{dataset}/metrics.parquet",
        csv=report(
            "results/{dataset}/metrics.csv",
            caption="../report/metrics.rst",
            category="Metrics",
        ),
    log:
        "logs/{dataset}/aggregate.log",
    benchmark:
        "benchmarks/{dataset}/aggregate.tsv"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/aggregate.py"

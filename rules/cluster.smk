rule cluster:
    input:
        run_features,
    output:
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
    params:
        method=run_method,
        settings=run_params,
    log:
        "logs/{dataset}/runs/{run}/cluster.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/cluster.tsv"
    threads: 2
    resources:
        mem_mb=2500,
        runtime=30,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/cluster.py"

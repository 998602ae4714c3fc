rule cluster:
    input:
        run_features,
    output:
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
    log:
        "logs/{dataset}/runs/{run}/cluster.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/cluster.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 2
    resources:
        mem_mb=2000,
        runtime=30,
    params:
        method=run_method,
        settings=run_params,
    script:
        "../scripts/cluster.py"

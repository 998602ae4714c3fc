rule pca:
    input:
        pca_input,
    output:
        points="results/{dataset}/features/{scaling}/{sample}/{transform}/points.parquet",
        model="results/{dataset}/features/{scaling}/{sample}/{transform}/model.parquet",
    log:
        "logs/{dataset}/features/{scaling}/{sample}/{transform}.log",
    benchmark:
        "benchmarks/{dataset}/features/{scaling}/{sample}/{transform}.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: NUMERIC_THREADS
    resources:
        mem_mb=2200,
        runtime=10,
    params:
        settings=pca_settings,
    script:
        "../scripts/pca.py"

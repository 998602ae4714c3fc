rule pca:
    input:
        pca_input,
    output:
        points="results/{dataset}/features/{scaling}/{sample}/{transform}/points.parquet",
        model="results/{dataset}/features/{scaling}/{sample}/{transform}/model.parquet",
    params:
        settings=pca_settings,
    log:
        "logs/{dataset}/features/{scaling}/{sample}/{transform}.log",
    benchmark:
        "benchmarks/{dataset}/features/{scaling}/{sample}/{transform}.tsv"
    threads: 2
    resources:
        mem_mb=2000,
        runtime=10,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/pca.py"

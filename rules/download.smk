rule download_mnist:
    output:
        "resources/mnist/{mnist_file}.gz",
    log:
        "logs/download/{mnist_file}.log",
    benchmark:
        "benchmarks/download/{mnist_file}.tsv"
    retries: 1
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=400,
        runtime=30,
    params:
        payload_md5=payload_md5,
        mirrors=mnist_mirrors,
        timeout=config["datasets"]["mnist"]["timeout"],
    script:
        "../scripts/download.py"

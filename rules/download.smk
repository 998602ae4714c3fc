rule download_mnist:
    output:
        "resources/mnist/{mnist_file}.gz",
    params:
        payload_md5=payload_md5,
        mirrors=mnist_mirrors,
        timeout=config["datasets"]["mnist"]["timeout"],
    log:
        "logs/download/{mnist_file}.log",
    benchmark:
        "benchmarks/download/{mnist_file}.tsv"
    threads: 1
    resources:
        mem_mb=200,
        runtime=30,
    retries: 1
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/download.py"

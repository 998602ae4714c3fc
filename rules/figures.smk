rule image_run_figures:
    input:
        features=run_features,
        pixels=run_pixels,
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
        model=run_model,
    output:
        centroids=report(
            "results/{dataset}/runs/{run}/centroids.png",
            caption=caption_file("centroids"),
            category="Centroids",
            labels={"run": "{run}"},
        ),
        confusion=report(
            "results/{dataset}/runs/{run}/confusion.png",
            caption=caption_file("confusion"),
            category="Confusion matrices",
            labels={"run": "{run}"},
        ),
        gallery=report(
            "results/{dataset}/runs/{run}/gallery.png",
            caption=caption_file("gallery"),
            category="Cluster galleries",
            labels={"run": "{run}"},
        ),
        nearest=report(
            "results/{dataset}/runs/{run}/nearest.png",
            caption=caption_file("nearest"),
            category="Images nearest each centre",
            labels={"run": "{run}"},
        ),
    log:
        "logs/{dataset}/runs/{run}/figures.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/figures.tsv"
    wildcard_constraints:
        dataset=IMAGE_DATASETS,
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=5,
    script:
        "../scripts/image_run_figures.py"


rule cloud_run_figures:
    input:
        features=run_features,
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
    output:
        scatter=report(
            "results/{dataset}/runs/{run}/scatter.png",
            caption=caption_file("scatter"),
            category="Scatter plots",
            labels={"run": "{run}"},
        ),
        page="results/{dataset}/runs/{run}/scatter.html",
        confusion=report(
            "results/{dataset}/runs/{run}/confusion.png",
            caption=caption_file("confusion"),
            category="Confusion matrices",
            labels={"run": "{run}"},
        ),
    log:
        "logs/{dataset}/runs/{run}/figures.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/figures.tsv"
    wildcard_constraints:
        dataset="blobs",
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    script:
        "../scripts/cloud_run_figures.py"


rule lloyd_figure:
    input:
        features=run_features,
        trace="results/{dataset}/runs/{run}/trace.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
        model=run_model,
    output:
        report(
            "results/{dataset}/runs/{run}/iterations.png",
            caption=caption_file("iterations"),
            category="Lloyd's iterations",
            labels={"run": "{run}"},
        ),
    log:
        "logs/{dataset}/runs/{run}/iterations.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/iterations.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    script:
        "../scripts/lloyd_figure.py"


rule dendrogram:
    input:
        "results/{dataset}/runs/{run}/trace.parquet",
    output:
        report(
            "results/{dataset}/runs/{run}/dendrogram.png",
            caption=caption_file("dendrogram"),
            category="Dendrograms",
            labels={"run": "{run}"},
        ),
    log:
        "logs/{dataset}/runs/{run}/dendrogram.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/dendrogram.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        cut=run_course_params,
    script:
        "../scripts/dendrogram.py"


rule neighbours_figure:
    input:
        neighbours="results/{dataset}/neighbours/{space}.parquet",
        pixels=space_pixels,
    output:
        report(
            "results/{dataset}/neighbours/{space}.png",
            caption=caption_file("neighbours"),
            category="Nearest neighbours",
        ),
    log:
        "logs/{dataset}/neighbours/{space}-figure.log",
    benchmark:
        "benchmarks/{dataset}/neighbours/{space}-figure.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1200,
        runtime=5,
    script:
        "../scripts/neighbours_figure.py"


rule agreement_figure:
    input:
        "results/{dataset}/agreement/{scaling}/{sample}.parquet",
    output:
        report(
            "results/{dataset}/agreement/{scaling}/{sample}.png",
            caption=caption_file("agreement"),
            category="Agreement between runs",
        ),
    log:
        "logs/{dataset}/agreement/{scaling}/{sample}-figure.log",
    benchmark:
        "benchmarks/{dataset}/agreement/{scaling}/{sample}-figure.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    script:
        "../scripts/agreement_figure.py"

rule pca:
    input:
        pca_input,
    output:
        points=layout.PCA_POINTS,
        model=layout.PCA_MODEL,
    log:
        layout.log("features/{pixels}/{sample}/{transform}"),
    benchmark:
        layout.benchmark("features/{pixels}/{sample}/{transform}")
    conda:
        "../envs/pipeline.yaml"
    threads: NUMERIC_THREADS
    resources:
        mem_mb=2200,
        runtime=10,
    params:
        settings=pca_settings,
        code=code("pca"),
    script:
        "../scripts/pca.py"


rule umap:
    input:
        umap_input,
    output:
        layout.UMAP_POINTS,
    log:
        layout.log("features/{pixels}/{sample}/{transform}/{embedding}"),
    benchmark:
        layout.benchmark("features/{pixels}/{sample}/{transform}/{embedding}")
    conda:
        "../envs/pipeline.yaml"
    threads: umap_job_threads
    resources:
        mem_mb=2500,
        runtime=15,
    params:
        settings=umap_settings,
        code=code("umap"),
    script:
        "../scripts/umap.py"


rule umap_heldout:
    input:
        umap_input,
    output:
        layout.UMAP_HELDOUT,
    log:
        layout.log("features/{pixels}/{sample}/{transform}/{embedding}.heldout"),
    benchmark:
        layout.benchmark("features/{pixels}/{sample}/{transform}/{embedding}.heldout")
    conda:
        "../envs/pipeline.yaml"
    threads: umap_job_threads
    resources:
        mem_mb=2500,
        runtime=15,
    params:
        settings=umap_settings,
        code=code("umap_heldout"),
    script:
        "../scripts/umap_heldout.py"

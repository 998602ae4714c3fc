rule report:
    input:
        metrics="results/{dataset}/metrics.parquet",
        data="results/{dataset}/data.parquet",
        figures=all_run_figures,
        agreements=all_agreements,
        agreement_figures=all_agreement_figures,
        neighbours=neighbours_figures,
        headline=headline_outputs,
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
        mem_mb=800,
        runtime=5,
    params:
        runs=[run.name for run in STUDY.runs],
        config_text=STUDY.config_text(),
        config_digest=STUDY.config_digest(),
        benchmarks="benchmarks/{dataset}",
    script:
        "../scripts/report.py"

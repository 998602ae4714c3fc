rule report:
    input:
        metrics=layout.METRICS,
        data=layout.DATA,
        figures=all_run_figures,
        agreements=all_agreements,
        agreement_figures=all_agreement_figures,
        neighbours=neighbours_figures,
        headline=headline_outputs,
    output:
        layout.REPORT,
    log:
        layout.log("report"),
    benchmark:
        layout.benchmark("report")
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        runs=[run.name for run in STUDY.runs],
        config_text=config_text(config),
        config_digest=config_digest(config),
        benchmarks=layout.BENCHMARKS,
        code=code("report"),
    script:
        "../scripts/report.py"

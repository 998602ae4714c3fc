rule report:
    input:
        metrics=layout.METRICS,
        data=layout.DATA,
        figures=STUDY.report.figures,
        agreements=STUDY.report.agreements,
        agreement_figures=STUDY.report.agreement_figures,
        neighbours=STUDY.report.neighbours_figures,
        headline=list(STUDY.report.headline_files.values()),
    output:
        layout.REPORT,
    log:
        layout.log(layout.JOBS["report"]),
    benchmark:
        layout.benchmark(layout.JOBS["report"])
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        runs=STUDY.report.runs,
        run_figures=STUDY.report.run_figures,
        run_pages=STUDY.report.run_pages,
        fit_benchmarks=STUDY.report.fit_benchmarks,
        benchmarks=STUDY.report.benchmarks,
        headline=STUDY.report.headline_parts,
        metrics_csv=STUDY.report.metrics_csv,
        config_text=STUDY.report.config_text,
        config_digest=STUDY.report.config_digest,
        code=code("report"),
    script:
        "../scripts/report.py"

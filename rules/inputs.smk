"""The input functions of each stage's rules: they ask the study (rules/common.smk) for
paths and settings."""

# -- download --------------------------------------------------------------------------------------


def idx_settings(wildcards):
    return config["datasets"][wildcards.dataset]


# Mirrors say where a file may be found, not what it is (the MD5 says that): passing them as a
# param of both `wildcards` and `input` keeps Snakemake from tracking them, so pointing at another
# mirror never re-downloads a verified file.
def idx_mirrors(wildcards, input):
    mirrors = idx_settings(wildcards)["mirrors"]
    first = first_mirror(wildcards.dataset, config)
    return [first, *mirrors] if first else mirrors


def idx_timeout(wildcards, input):
    return idx_settings(wildcards)["timeout"]


def idx_checksum(wildcards):
    settings = idx_settings(wildcards)
    return {"md5": settings["md5"][idx_archive(wildcards.idx_file)], "md5_of": settings["md5_of"]}


# -- decode ----------------------------------------------------------------------------------------


def dataset_settings(wildcards):
    """What a built-in dataset is made from; nothing for downloaded ones (their MD5s say it)."""
    if kind_of(wildcards.dataset).downloads:
        return {}
    return load_settings(config["datasets"][wildcards.dataset])


def decode_source(wildcards):
    return local_source(wildcards.dataset, config)


def idx_files(wildcards):
    if not kind_of(wildcards.dataset).downloads or decode_source(wildcards):
        return None
    return {
        split: [
            layout.fill(layout.IDX_FILE, dataset=wildcards.dataset, idx_file=stem) for stem in stems
        ]
        for split, stems in IDX_SPLITS.items()
    }


def decode_input(wildcards):
    if decode_source(wildcards):
        return [decode_source(wildcards)]
    files = idx_files(wildcards) or {}
    return [path for paths in files.values() for path in paths]


# -- preprocess and features -----------------------------------------------------------------------


def pixels_settings_of(wildcards):
    return pixels_settings(wildcards.pixels)


def sample_settings(wildcards):
    return decode(wildcards.sample)


def pca_input(wildcards):
    return layout.sample_path(wildcards.dataset, wildcards.pixels, wildcards.sample)


def pca_settings(wildcards):
    return transform_settings(wildcards.transform)


def umap_input(wildcards):
    return layout.points_path(
        wildcards.dataset, wildcards.pixels, wildcards.sample, wildcards.transform
    )


def umap_settings(wildcards):
    return transform_settings(wildcards.embedding)


def umap_job_threads(wildcards):
    return umap_threads(umap_settings(wildcards))


# -- evaluate --------------------------------------------------------------------------------------


def run_heldout(wildcards):
    run = run_of(wildcards)
    if not STUDY.holds_out(run):
        return {}
    return {"heldout": STUDY.run_path(run, layout.RUN_HELDOUT)}


def run_identity(wildcards):
    run = run_of(wildcards)
    return {"name": run.name, "method": run.method, "space": run.space, "params": run.params}


def space_runs(wildcards):
    return [run.name for run in STUDY.runs_in(wildcards.space)]


def space_labels(wildcards):
    return labels_of(STUDY.runs_in(wildcards.space))


def all_silhouettes(wildcards):
    used = dict.fromkeys(run.space for run in STUDY.runs)
    return [STUDY.silhouette_path(space) for space in used]


def all_metrics(wildcards):
    return [STUDY.run_path(run, layout.RUN_METRICS) for run in STUDY.runs]


def point_set_runs(wildcards):
    return STUDY.point_sets()[wildcards.sample]


def point_set_run_names(wildcards):
    return [run.name for run in point_set_runs(wildcards)]


def point_set_labels(wildcards):
    return labels_of(point_set_runs(wildcards))


# -- figures ---------------------------------------------------------------------------------------


def run_model(wildcards):
    model = STUDY.model_path(run_of(wildcards).space)
    return [model] if model else []


def space_pixels(wildcards):
    return STUDY.pixels_path(wildcards.space)


# -- headline --------------------------------------------------------------------------------------


def headline_runs(wildcards):
    return [run.name for run in STUDY.runs_in(STUDY.headline_space)]


def headline_labels(wildcards):
    return labels_of(STUDY.runs_in(STUDY.headline_space))


def headline_space_description(wildcards):
    return describe(config, STUDY.headline_space)


def headline_compare_description(wildcards):
    return describe(config, STUDY.headline_compare) if STUDY.headline_compare else None


def headline_outputs(wildcards):
    return list(STUDY.headline_paths().values())


def headline_features(wildcards):
    return STUDY.features_path(STUDY.headline_space)


def headline_view(wildcards):
    return [STUDY.features_path(STUDY.headline_view)] if STUDY.headline_view else []


def headline_pixels(wildcards):
    return STUDY.pixels_path(STUDY.headline_space)


# -- report ----------------------------------------------------------------------------------------


def all_run_figures(wildcards):
    return [path for run in STUDY.runs for path in STUDY.run_figures(run)]


def all_agreements(wildcards):
    return [STUDY.agreement_paths(point_set)[0] for point_set in STUDY.point_sets()]


def all_agreement_figures(wildcards):
    return [STUDY.agreement_paths(point_set)[1] for point_set in STUDY.point_sets()]


def neighbours_figures(wildcards):
    return STUDY.neighbours_figure_paths()

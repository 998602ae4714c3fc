"""The words of the report: the metrics' names and a line on each method."""

METRIC_NAMES = {
    "n_clusters": "clusters",
    "noise_fraction": "noise",
    "accuracy": "accuracy",
    "inferred_accuracy": "inferred acc.",
    "heldout_accuracy": "held-out acc.",
    "ari": "ARI",
    "nmi": "NMI",
    "ami": "AMI",
    "homogeneity": "homog.",
    "completeness": "compl.",
    "v_measure": "V-measure",
    "silhouette": "silhouette",
    "sse": "SSE",
    "sse_pixels": "SSE (pixels)",
    "calinski_harabasz": "Calinski-H.",
    "davies_bouldin": "Davies-B.",
}

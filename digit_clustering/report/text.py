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

METHOD_DESCRIPTIONS = {
    "kmeans": "scikit-learn's k-means: the k centres that minimise the sum of squared "
    "distances (SSE), best of n_init starts.",
    "minibatch_kmeans": "k-means fitted on small random batches: faster, slightly higher SSE.",
    "lloyd": "Lloyd's algorithm written out: random points as starting centres, alternate "
    "assignment and update, J recorded at every iteration of every restart.",
    "gmm": "A Gaussian mixture fitted by EM: soft, elliptical clusters; BIC compares k.",
    "agglomerative": "Hierarchical clustering: merge the two closest clusters until k remain. "
    "Ward and single linkage run on every point; complete and average on a sample.",
    "dbscan": "Density-based: clusters are dense regions within eps; the rest is noise.",
    "hdbscan": "DBSCAN over every eps at once, keeping the most persistent clusters.",
}

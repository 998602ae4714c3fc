"""Label-based scores: ARI, NMI, AMI, homogeneity, completeness and V-measure.

Ports of scikit-learn 1.9.1's functions, operation for operation, so that evaluate jobs start
without importing scikit-learn and SciPy (1.5 s of a job's 2 s) yet give the same numbers,
bit for bit but for AMI (to about 1e-13: see `expected_mutual_info`). As in scikit-learn,
every distinct label is a class, so noise (-1) is one more cluster here.
"""

import math

import numpy as np

EPS = np.finfo(np.float64).eps


def label_table(truth: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """Counts of (true label, cluster) over every point: scikit-learn's contingency matrix,
    dense. Its nonzeros come in the order of scikit-learn's CSR matrix (row-major)."""
    classes, class_rows = np.unique(truth, return_inverse=True)
    cluster_ids, cluster_columns = np.unique(clusters, return_inverse=True)
    shape = (len(classes), len(cluster_ids))
    flat = class_rows.reshape(-1) * shape[1] + cluster_columns.reshape(-1)
    return np.bincount(flat, minlength=shape[0] * shape[1]).astype(np.int64).reshape(shape)


def entropy(labels: np.ndarray) -> float:
    """Entropy of a labelling in nats (scikit-learn's `_entropy`)."""
    if len(labels) == 0:
        return 1.0
    pi = np.unique(labels, return_counts=True)[1].astype(np.float64)
    if pi.size == 1:
        return 0.0
    pi_sum = np.sum(pi)
    return float(-np.sum((pi / pi_sum) * (np.log(pi) - math.log(pi_sum))))


def mutual_info(table: np.ndarray) -> float:
    """Mutual information of a contingency table (scikit-learn's `mutual_info_score`)."""
    nzx, nzy = np.nonzero(table)
    nz_val = table[nzx, nzy]
    contingency_sum = table.sum()
    pi = table.sum(axis=1)
    pj = table.sum(axis=0)
    if pi.size == 1 or pj.size == 1:
        return 0.0
    log_contingency_nm = np.log(nz_val)
    contingency_nm = nz_val / contingency_sum
    outer = pi.take(nzx) * pj.take(nzy)
    log_outer = -np.log(outer) + math.log(pi.sum()) + math.log(pj.sum())
    mi = (
        contingency_nm * (log_contingency_nm - math.log(contingency_sum))
        + contingency_nm * log_outer
    )
    mi = np.where(np.abs(mi) < EPS, 0.0, mi)
    return float(np.clip(mi.sum(), 0.0, None))


def adjusted_rand(truth: np.ndarray, clusters: np.ndarray) -> float:
    """Adjusted Rand index, from the pair confusion matrix in int64 and then Python ints."""
    table = label_table(truth, clusters)
    n_samples = np.int64(len(truth))
    n_c = table.sum(axis=1)
    n_k = table.sum(axis=0)
    sum_squares = (table**2).sum()
    tp = sum_squares - n_samples
    fp = (table @ n_k).sum() - sum_squares
    fn = (table.T @ n_c).sum() - sum_squares
    tn = n_samples**2 - fp - fn - sum_squares
    tn, fp, fn, tp = int(tn), int(fp), int(fn), int(tp)
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))


def homogeneity_completeness_v_measure(
    truth: np.ndarray, clusters: np.ndarray
) -> tuple[float, float, float]:
    """Homogeneity, completeness and their harmonic mean, the V-measure (beta = 1)."""
    if len(truth) == 0:
        return 1.0, 1.0, 1.0
    entropy_c = entropy(truth)
    entropy_k = entropy(clusters)
    mi = mutual_info(label_table(truth, clusters))
    homogeneity = mi / entropy_c if entropy_c else 1.0
    completeness = mi / entropy_k if entropy_k else 1.0
    beta = 1.0
    if homogeneity + completeness == 0.0:
        v_measure = 0.0
    else:
        v_measure = (1 + beta) * homogeneity * completeness / (beta * homogeneity + completeness)
    return float(homogeneity), float(completeness), float(v_measure)


def normalized_mutual_info(truth: np.ndarray, clusters: np.ndarray) -> float:
    """NMI with the arithmetic mean of the two entropies as normaliser."""
    table = label_table(truth, clusters)
    if table.shape[0] == table.shape[1] == 1 or table.shape[0] == table.shape[1] == 0:
        return 1.0
    mi = mutual_info(table)
    if mi == 0:
        return 0.0
    return float(mi / np.mean([entropy(truth), entropy(clusters)]))


def adjusted_mutual_info(truth: np.ndarray, clusters: np.ndarray) -> float:
    """AMI with the arithmetic mean of the two entropies as normaliser."""
    table = label_table(truth, clusters)
    if table.shape[0] == table.shape[1] == 1 or table.shape[0] == table.shape[1] == 0:
        return 1.0
    if table.shape[0] == 1 or table.shape[1] == 1:
        return 0.0
    mi = mutual_info(table)
    emi = expected_mutual_info(table, len(truth))
    denominator = np.mean([entropy(truth), entropy(clusters)]) - emi
    denominator = min(denominator, -EPS) if denominator < 0 else max(denominator, EPS)
    numerator = mi - emi
    numerator = min(numerator, -EPS) if numerator < 0 else max(numerator, EPS)
    return float(numerator / denominator)


def log_gamma_table(n: int) -> np.ndarray:
    """lgamma(k) for k in 0..n+1 (lgamma(0) = inf), i.e. log((k - 1)!) for k >= 1."""
    table = np.empty(n + 2)
    table[0] = np.inf
    table[1:] = np.fromiter(map(math.lgamma, range(1, n + 2)), np.float64, count=n + 1)
    return table


def expected_mutual_info(table: np.ndarray, n_samples: int) -> float:
    """Expected mutual information under random labellings with the table's margins.

    scikit-learn's Cython loop, vectorised over the clusters and the cell counts nij of each
    class. The terms are summed sequentially in the loop's order (np.cumsum), as the loop does.
    One difference: scikit-learn takes log-factorials partly from scipy.special.gammaln and
    partly from libc's lgamma, this function from `math.lgamma`; they differ in the last bits
    (1e-10 absolute for log(70,000!)), which moves the result by up to about 1e-10 relative,
    and AMI, where it is a small correction, by about 1e-13.
    """
    a = table.sum(axis=1)
    b = table.sum(axis=0)
    if a.size == 1 or b.size == 1:
        return 0.0
    n = int(n_samples)
    lgamma = log_gamma_table(n)
    nijs = np.arange(0, max(np.max(a), np.max(b)) + 1, dtype="float")
    nijs[0] = 1
    term1 = nijs / n
    log_a = np.log(a)
    log_b = np.log(b)
    log_nnij = np.log(n) + np.log(nijs)
    gln_a = lgamma[a + 1]
    gln_b = lgamma[b + 1]
    gln_na = lgamma[n - a + 1]
    gln_nb = lgamma[n - b + 1]
    gln_nnij = lgamma[nijs.astype(np.int64) + 1] + lgamma[n + 1]
    emi = np.zeros(1)
    for i in range(len(a)):
        start = np.maximum(1, a[i] - n + b)
        lengths = np.maximum(np.minimum(a[i], b) + 1 - start, 0)
        j = np.repeat(np.arange(len(b)), lengths)
        nij = start[j] + np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        term2 = log_nnij[nij] - log_a[i] - log_b[j]
        gln = (
            gln_a[i]
            + gln_b[j]
            + gln_na[i]
            + gln_nb[j]
            - gln_nnij[nij]
            - lgamma[a[i] - nij + 1]
            - lgamma[b[j] - nij + 1]
            - lgamma[n - a[i] - b[j] + nij + 1]
        )
        terms = term1[nij] * term2 * np.exp(gln)
        emi = np.cumsum(np.concatenate([emi[-1:], terms]))
    return float(emi[-1])

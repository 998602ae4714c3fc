"""Gaussian mixture (scikit-learn's `GaussianMixture`), with BIC and AIC for choosing k."""

import numpy as np

from digit_clustering.methods.clustering import Clustering
from digit_clustering.methods.method import SEED, Criterion, Method, renamed
from digit_clustering.settings.parameter import Parameter

METHOD = Method(
    description="A Gaussian mixture fitted by EM: soft, elliptical clusters; BIC compares k.",
    parameters={
        "k": Parameter(int, 10, "number of mixture components", minimum=1),
        "covariance_type": Parameter(
            str,
            "full",
            "the shape of each component's covariance",
            choices=("full", "tied", "diag", "spherical"),
        ),
        "n_init": Parameter(int, 1, "initialisations, the most likely kept", minimum=1),
        "max_iter": Parameter(int, 100, "EM iterations at most", minimum=1),
        "seed": SEED,
    },
    predicts=True,
    criterion=Criterion("log_likelihood", "max", "likelihood"),
)


def fit(x: np.ndarray, params: dict) -> Clustering:
    from sklearn.mixture import GaussianMixture

    x = x.astype(np.float64)
    model = GaussianMixture(**renamed(params, k="n_components", seed="random_state")).fit(x)
    return Clustering(
        labels=model.predict(x).astype(np.int64),
        centres=model.means_,
        details={
            "bic": float(model.bic(x)),
            "aic": float(model.aic(x)),
            "log_likelihood": float(model.score(x) * len(x)),
            "converged": bool(model.converged_),
            "n_iter": int(model.n_iter_),
        },
        predict=lambda new: model.predict(new.astype(np.float64)),
    )

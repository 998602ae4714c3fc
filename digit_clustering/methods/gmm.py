"""Gaussian mixture (scikit-learn's `GaussianMixture`), with BIC and AIC for choosing k."""

import numpy as np
from sklearn.mixture import GaussianMixture

from digit_clustering.methods.clustering import Clustering


def fit(x: np.ndarray, params: dict) -> Clustering:
    x = x.astype(np.float64)
    model = GaussianMixture(
        n_components=params["k"],
        covariance_type=params["covariance_type"],
        n_init=params["n_init"],
        max_iter=params["max_iter"],
        random_state=params["seed"],
    ).fit(x)
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

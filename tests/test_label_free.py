import pandas as pd
import pytest

from digit_clustering.evaluation.label_free import label_free_choices

pytestmark = pytest.mark.unit


def test_the_fit_s_own_score_keeps_a_run_and_the_labels_judge_it():
    metrics = pd.DataFrame(
        {
            "run": ["g0", "g1", "g2", "k0", "k1", "solo", "d0", "d1"],
            "method": ["gmm"] * 3 + ["kmeans"] * 2 + ["kmeans", "dbscan", "dbscan"],
            "space": ["u"] * 5 + ["u", "p", "p"],
            "param_k": [10, 10, 10, 10, 10, 12, None, None],
            "fit_log_likelihood": [5.0, 9.0, 7.0] + [None] * 5,
            "fit_inertia": [None] * 3 + [30.0, 20.0, 10.0, None, None],
            "accuracy": [0.97, 0.83, 0.98, 0.6, 0.5, 0.7, 0.2, 0.3],
        }
    )
    choices = label_free_choices(metrics).set_index("setting")
    assert list(choices.index) == ["gmm / u / k = 10", "kmeans / u / k = 10"]
    gmm = choices.loc["gmm / u / k = 10"]
    assert (gmm["runs"], gmm["criterion"], gmm["kept"], gmm["best"]) == (
        3,
        "highest likelihood",
        "g1",
        "g2",
    )
    assert (gmm["kept_accuracy"], gmm["best_accuracy"]) == (0.83, 0.98)
    assert gmm["near_best"] == 2  # 0.97 and 0.98 found the good solution; 0.83 did not
    kmeans = choices.loc["kmeans / u / k = 10"]
    assert (kmeans["criterion"], kmeans["kept"], kmeans["best"]) == ("lowest inertia", "k1", "k0")

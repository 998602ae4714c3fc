"""`python -m digit_clustering.methods` lists what the method modules declare."""

import subprocess
import sys

import pytest

from digit_clustering.methods.registry import METHODS

pytestmark = pytest.mark.unit


def test_every_method_and_parameter_is_listed_with_its_default_and_range():
    listing = subprocess.run(
        [sys.executable, "-m", "digit_clustering.methods"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name, method in METHODS.items():
        assert f"{name}: {method.description}" in listing
        for parameter_name, parameter in method.parameters.items():
            default = "null" if parameter.default is None else parameter.default
            assert f"  {parameter_name} = {default}  (" in listing
            assert parameter.help in listing
    assert "core_fraction = 0.5  (float, > 0, < 1)" in listing
    assert "covariance_type = full  (full | tied | diag | spherical)" in listing

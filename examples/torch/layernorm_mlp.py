"""An MLP with LayerNorm for `noisedrift check --impl` (conformance/adapters/torch/noisedrift_torch.py).

build() returns (module, inputs): n = 6 inputs in R^3, Linear(3, 8), LayerNorm(8) with its affine parameters, tanh,
and Linear(8, 1); p = 57. The labels are the module's own outputs, so its initial parameters lie on the zero-loss
manifold.
"""
import torch


def build():
    torch.manual_seed(1)
    module = torch.nn.Sequential(
        torch.nn.Linear(3, 8),
        torch.nn.LayerNorm(8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 1),
    ).double()
    inputs = torch.randn(6, 3, dtype=torch.float64)
    return module, inputs

"""A small 1-D convolutional network for `noisedrift check --impl` (conformance/adapters/torch/noisedrift_torch.py).

build() returns (module, inputs): n = 6 signals of length 8 (one channel), a Conv1d with 2 filters of width 3, tanh,
and a linear read-out of the 2 x 6 feature map to one scalar per signal; p = 21. The labels are the module's own
outputs, so its initial parameters lie on the zero-loss manifold.
"""
import torch


def build():
    torch.manual_seed(0)
    module = torch.nn.Sequential(
        torch.nn.Conv1d(1, 2, kernel_size=3),
        torch.nn.Tanh(),
        torch.nn.Flatten(),
        torch.nn.Linear(2 * 6, 1),
    ).double()
    inputs = torch.randn(6, 1, 8, dtype=torch.float64)
    return module, inputs

"""Small residual MLP with smooth activations for NoiseDrift's torch adapter.

Written by a reader who had only the README's "Check the theory on your own network" section and
docs/conformance.md (not the adapter's source): it runs unchanged with the adapter.

Input 3 -> Linear(3, 5) -> two residual blocks h <- h + act(Linear(5, 5) h)
(GELU in the first, softplus in the second) -> tanh -> Linear(5, 1).
p = (15+5) + 2*(25+5) + (5+1) = 86; n = 6 examples.
"""
import torch
from torch import nn


class ResidualBlock(nn.Module):
    def __init__(self, width, act):
        super().__init__()
        self.lin = nn.Linear(width, width)
        self.act = act

    def forward(self, h):
        return h + self.act(self.lin(h))


class ResMLP(nn.Module):
    def __init__(self, d_in=3, width=5):
        super().__init__()
        self.embed = nn.Linear(d_in, width)
        self.block1 = ResidualBlock(width, nn.GELU())
        self.block2 = ResidualBlock(width, nn.Softplus())
        self.readout = nn.Linear(width, 1)

    def forward(self, x):  # x: (n, 3)
        h = self.embed(x)
        h = self.block1(h)
        h = self.block2(h)
        return self.readout(torch.tanh(h))  # (n, 1)


def build():
    torch.manual_seed(12345)
    module = ResMLP().to(torch.float64)
    g = torch.Generator().manual_seed(3)
    inputs = torch.randn(6, 3, generator=g, dtype=torch.float64)
    return module, inputs

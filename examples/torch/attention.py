"""Tiny single-head self-attention model for NoiseDrift's torch adapter.

Written by a reader who had only the README's "Check the theory on your own network" section and
docs/conformance.md (not the adapter's source): it runs unchanged with the adapter.

n = 6 sequences, each of length 4 with 2 features.  Query/key/value projections
2 -> 3, softmax attention over the 4 positions, mean pooling over positions,
tanh, linear read-out to one scalar per sequence.  p = 3*(2*3+3) + (3+1) = 31.
"""
import math

import torch
from torch import nn


class TinySelfAttention(nn.Module):
    def __init__(self, features=2, dim=3):
        super().__init__()
        self.q = nn.Linear(features, dim)
        self.k = nn.Linear(features, dim)
        self.v = nn.Linear(features, dim)
        self.out = nn.Linear(dim, 1)
        self.scale = 1.0 / math.sqrt(dim)

    def forward(self, x):  # x: (n, L, features)
        q = self.q(x)
        k = self.k(x)
        v = self.v(x)
        scores = torch.matmul(q, k.transpose(-1, -2)) * self.scale  # (n, L, L)
        attn = torch.softmax(scores, dim=-1)
        z = torch.matmul(attn, v)  # (n, L, dim)
        pooled = z.mean(dim=-2)  # (n, dim)
        return self.out(torch.tanh(pooled)).squeeze(-1)  # (n,)


def build():
    torch.manual_seed(20240601)
    module = TinySelfAttention().to(torch.float64)
    g = torch.Generator().manual_seed(7)
    inputs = torch.randn(6, 4, 2, generator=g, dtype=torch.float64)
    return module, inputs

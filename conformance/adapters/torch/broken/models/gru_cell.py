"""A model file the adapter must refuse with a clear message (test fixture): nn.GRUCell has no batching rule under
torch 1.13's functorch vmap, which the label-noise runs need. Smooth and otherwise valid: n = 6 sequences of length 4
with 2 features, a GRU cell of width 3, a linear read-out."""
import torch


class GruReadout(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.cell = torch.nn.GRUCell(2, 3)
        self.out = torch.nn.Linear(3, 1)

    def forward(self, x):
        h = torch.zeros(x.shape[0], 3, dtype=x.dtype)
        for t in range(x.shape[1]):
            h = self.cell(x[:, t], h)
        return self.out(h)


def build():
    return GruReadout(), torch.randn(6, 4, 2)

#!/usr/bin/env python3
"""Deliberately broken copy of the PyTorch adapter (a test fixture; must NOT pass): label noise scale sigma*sqrt(2)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_torch as nd  # noqa: E402

nd.NAME = "broken: label noise scale sigma*sqrt(2)"
nd.NOISE_FACTOR = 2 ** 0.5

if __name__ == "__main__":
    nd.main()

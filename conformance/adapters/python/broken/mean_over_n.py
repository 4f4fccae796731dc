#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): gradient averaged over n instead of B."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: gradient averaged over n instead of B"
_step = nd.step
nd.step = lambda theta, h, G, y, noise, eta, B, n: _step(theta, h, G, y, noise, eta * B / n, B, n)

if __name__ == "__main__":
    nd.main()

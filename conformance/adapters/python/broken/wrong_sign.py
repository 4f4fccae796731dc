#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): wrong sign in the SGD step."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: wrong sign in the SGD step"
_step = nd.step
nd.step = lambda theta, h, G, y, noise, eta, B, n: 2 * theta - _step(theta, h, G, y, noise, eta, B, n)

if __name__ == "__main__":
    nd.main()

#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): batches drawn with replacement."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: batches drawn with replacement"
nd.draw_batch = lambda rng, chains, n, B: rng.integers(0, n, size=(chains, B))

if __name__ == "__main__":
    nd.main()

#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): missing 1/2 in the loss."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: missing 1/2 in the loss"
nd.LOSS_FACTOR = 2.0

if __name__ == "__main__":
    nd.main()

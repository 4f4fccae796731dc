#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): noise added to the gradient instead of the labels."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: noise added to the gradient instead of the labels"
nd.GRADIENT_NOISE = True

if __name__ == "__main__":
    nd.main()

#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): HVP without the activation second-derivative term."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: HVP without the activation second-derivative term"
nd.USE_SECOND_DERIVATIVE = False

if __name__ == "__main__":
    nd.main()

#!/usr/bin/env python3
"""Deliberately broken copy of the reference adapter (a test fixture; must NOT be certified): reg without the 1/n."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_numpy as nd  # noqa: E402

nd.NAME = "broken: reg without the 1/n"
_reg = nd.reg_of
nd.reg_of = lambda G: _reg(G) * G.shape[0]

if __name__ == "__main__":
    nd.main()

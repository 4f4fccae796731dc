#!/usr/bin/env python3
"""Deliberately broken copy of the PyTorch adapter (a test fixture; must NOT pass): the HVP without the second
derivative of h, the Gauss-Newton product (g_i . v) g_i in place of H_i v."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import noisedrift_torch as nd  # noqa: E402

nd.NAME = "broken: HVP without the second derivative of h"
nd.HVP_SECOND_DERIVATIVE = False

if __name__ == "__main__":
    nd.main()

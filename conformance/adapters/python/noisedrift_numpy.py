#!/usr/bin/env python3
"""NoiseDrift conformance adapter in Python + NumPy (docs/conformance.md section 2).

Speaks the JSON-lines protocol on stdin/stdout: one request per line, one response per line. Logs go to stderr.
Models: mlp (any depth, any activation), relu1d, sigmoid2 (both are MLPs), matrix_sensing, quadratic and
quadratic_signed.
theta order (docs/theory.md section 1): per hidden layer W (out x in, row-major) then b; then output weights a; then the
output bias c (not for sigmoid2). matrix_sensing: theta = U (d x k, row-major), x = A (d x d, row-major).
quadratic: h = <theta * theta, x>, theta in R^d; quadratic_signed: h = <u * u - v * v, x>, theta = (u, v) in R^2d.

Copy this file to start your own adapter. The module-level hooks below (step, draw_batch, ...) are where the
deliberately broken copies in broken/ change one thing each.
"""
import json
import math
import sys

import numpy as np

NAME = "noisedrift-numpy reference"
OPS = ["forward", "jacobian", "reg", "grad_reg", "hvp", "sgd_step", "run"]
MODELS = ["mlp", "relu1d", "sigmoid2", "matrix_sensing", "quadratic", "quadratic_signed"]
USE_SECOND_DERIVATIVE = True   # the activation's phi'' term in the HVP
NOISE_FACTOR = 1.0             # label noise is NOISE_FACTOR * sigma * N(0, 1)
LOSS_FACTOR = 1.0              # 1 with the 1/2 in the loss (docs/theory.md section 1)
GRADIENT_NOISE = False         # put the noise on the gradient instead of the labels

GELU_K = math.sqrt(2.0 / math.pi)


def activation(name, z):
    """Value, first and second derivative (docs/conformance.md section 1; derivative 0 at a ReLU kink)."""
    if name == "identity":
        return z, np.ones_like(z), np.zeros_like(z)
    if name == "tanh":
        t = np.tanh(z)
        return t, 1 - t * t, -2 * t * (1 - t * t)
    if name == "logistic":
        s = 1 / (1 + np.exp(-z))
        return s, s * (1 - s), s * (1 - s) * (1 - 2 * s)
    if name == "softplus":
        s = 1 / (1 + np.exp(-z))
        return np.logaddexp(0, z), s, s * (1 - s)
    if name == "silu":
        s = 1 / (1 + np.exp(-z))
        return z * s, s + z * s * (1 - s), 2 * s * (1 - s) + z * s * (1 - s) * (1 - 2 * s)
    if name == "gelu":
        u = GELU_K * (z + 0.044715 * z ** 3)
        du = GELU_K * (1 + 3 * 0.044715 * z * z)
        ddu = GELU_K * 6 * 0.044715 * z
        t = np.tanh(u)
        sech2 = 1 - t * t
        return 0.5 * z * (1 + t), 0.5 * (1 + t) + 0.5 * z * sech2 * du, sech2 * du + 0.5 * z * sech2 * (ddu - 2 * t * du * du)
    if name == "sin":
        return np.sin(z), np.cos(z), -np.sin(z)
    if name == "relu":
        return np.where(z > 0, z, 0.0), np.where(z > 0, 1.0, 0.0), np.zeros_like(z)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z), np.where(z > 0, 1.0, 0.01), np.zeros_like(z)
    if name == "square":
        return z * z, 2 * z, 2 * np.ones_like(z)
    raise ValueError("unknown activation " + name)


def mlp_layout(model):
    kind = model["kind"]
    if kind == "relu1d":
        return [1, model["width"]], ["relu"], True
    if kind == "sigmoid2":
        return [model["input"], model["width"]], ["logistic"], False
    return [model["input"]] + list(model["hidden"]), list(model["activations"]), model.get("output_bias", True)


def unpack(model, theta):
    """Per layer (W, b), then a, c; theta has shape (C, p)."""
    sizes, _, bias = mlp_layout(model)
    layers, o = [], 0
    for l in range(1, len(sizes)):
        n_in, n_out = sizes[l - 1], sizes[l]
        W = theta[:, o:o + n_out * n_in].reshape(-1, n_out, n_in)
        o += n_out * n_in
        b = theta[:, o:o + n_out]
        o += n_out
        layers.append((W, b))
    a = theta[:, o:o + sizes[-1]]
    o += sizes[-1]
    c = theta[:, o] if bias else np.zeros(theta.shape[0])
    return layers, a, c


def mlp_forward(model, theta, X):
    """theta (C, p), X (C, m, d) -> h (C, m), per-layer (z, a_prev, phi', phi'')."""
    _, acts, _ = mlp_layout(model)
    layers, a_out, c = unpack(model, theta)
    a, cache = X, []
    for (W, b), act in zip(layers, acts):
        z = np.einsum("coi,cmi->cmo", W, a) + b[:, None, :]
        value, d1, d2 = activation(act, z)
        cache.append((z, a, d1, d2))
        a = value
    return np.einsum("co,cmo->cm", a_out, a) + c[:, None], a, cache


def mlp_gradients(model, theta, X):
    """h (C, m) and G (C, m, p): per-example gradients in theta order (reverse mode)."""
    _, _, bias = mlp_layout(model)
    layers, a_out, _ = unpack(model, theta)
    h, a_last, cache = mlp_forward(model, theta, X)
    C, m = h.shape
    parts = []
    upstream = np.broadcast_to(a_out[:, None, :], a_last.shape)
    for l in range(len(layers) - 1, -1, -1):
        W, _ = layers[l]
        _, a_prev, d1, _ = cache[l]
        delta = d1 * upstream
        parts.append((delta[:, :, :, None] * a_prev[:, :, None, :]).reshape(C, m, -1))
        parts[-1] = (parts[-1], delta)
        upstream = np.einsum("coi,cmo->cmi", W, delta)
    flat = []
    for gW, gb in reversed(parts):
        flat += [gW, gb]
    flat.append(a_last)
    if bias:
        flat.append(np.ones((C, m, 1)))
    return h, np.concatenate(flat, axis=2)


def mlp_hvp(model, theta, X, V):
    """Rows H_i v_i by forward-over-reverse (Pearlmutter's R-operator); theta (p,), X (m, d), V (m, p)."""
    _, acts, bias = mlp_layout(model)
    t = theta[None, :]
    layers, a_out, _ = unpack(model, t)
    m = X.shape[0]
    Vl, Va, _ = unpack(model, V)   # the same layout applied to each v_i (one "chain" per example)
    # forward and R-forward
    a, Ra, cache = X[None], np.zeros((1, m, X.shape[1])), []
    for l, ((W, b), act) in enumerate(zip(layers, acts)):
        RW, Rb = Vl[l]
        z = np.einsum("oi,mi->mo", W[0], a[0])[None] + b[:, None, :]
        Rz = np.einsum("moi,mi->mo", RW, a[0])[None] + np.einsum("oi,mi->mo", W[0], Ra[0])[None] + Rb[None]
        value, d1, d2 = activation(act, z)
        cache.append((a, Ra, z, Rz, d1, d2))
        a, Ra = value, d1 * Rz
    # backward and R-backward
    upstream = np.broadcast_to(a_out[:, None, :], a.shape)
    Rupstream = Va[None]
    blocks = []
    for l in range(len(layers) - 1, -1, -1):
        W, _ = layers[l]
        RW, _ = Vl[l]
        a_prev, Ra_prev, _, Rz, d1, d2 = cache[l]
        delta = d1 * upstream
        Rdelta = d1 * Rupstream + (d2 * Rz * upstream if USE_SECOND_DERIVATIVE else 0)
        RgW = Rdelta[0][:, :, None] * a_prev[0][:, None, :] + delta[0][:, :, None] * Ra_prev[0][:, None, :]
        blocks.append((RgW.reshape(m, -1), Rdelta[0]))
        Rupstream = np.einsum("oi,mo->mi", W[0], Rdelta[0])[None] + np.einsum("moi,mo->mi", RW, delta[0])[None]
        upstream = np.einsum("oi,mo->mi", W[0], delta[0])[None]
    flat = []
    for RgW, Rgb in reversed(blocks):
        flat += [RgW, Rgb]
    flat.append(Ra[0])
    if bias:
        flat.append(np.zeros((m, 1)))
    return np.concatenate(flat, axis=1)


def sensing_gradients(model, theta, X):
    d, k = model["d"], model["k"]
    U = theta.reshape(-1, d, k)
    A = X.reshape(X.shape[0], X.shape[1], d, d)
    S = A + np.swapaxes(A, 2, 3)
    h = np.einsum("cmab,cak,cbk->cm", A, U, U)
    G = np.einsum("cmab,cbk->cmak", S, U).reshape(X.shape[0], X.shape[1], d * k)
    return h, G


def quadratic_signs(model):
    """+1 on u and -1 on v: beta = sum_k sign_k theta_k^2 over the d features (quadratic_signed: theta = (u, v))."""
    d = model["d"]
    return np.concatenate([np.ones(d), -np.ones(d)]) if model["kind"] == "quadratic_signed" else np.ones(d)


def quadratic_gradients(model, theta, X):
    """h = <beta, x>, g = 2 sign * theta * x (x repeated over u and v)."""
    s = quadratic_signs(model)
    Xr = np.tile(X, (1, 1, len(s) // model["d"]))
    h = np.einsum("cmk,ck->cm", Xr, s * theta * theta)
    return h, 2.0 * s * theta[:, None, :] * Xr


def gradients(model, theta, X):
    """h (C, m) and per-example gradients G (C, m, p) for chains theta (C, p) on inputs X (C, m, d)."""
    if model["kind"] == "matrix_sensing":
        return sensing_gradients(model, theta, X)
    if model["kind"].startswith("quadratic"):
        return quadratic_gradients(model, theta, X)
    return mlp_gradients(model, theta, X)


def hvp_rows(model, theta, X, V):
    if model["kind"] == "matrix_sensing":
        d, k = model["d"], model["k"]
        A = X.reshape(-1, d, d)
        return np.einsum("mab,mbk->mak", A + np.swapaxes(A, 1, 2), V.reshape(-1, d, k)).reshape(X.shape[0], -1)
    if model["kind"].startswith("quadratic"):
        s = quadratic_signs(model)
        return 2.0 * s * np.tile(X, (1, len(s) // model["d"])) * V
    return mlp_hvp(model, theta, X, V)


def reg_of(G):
    """reg = (1/n) sum_i ||g_i||^2 (docs/theory.md section 1)."""
    return float(np.sum(G * G) / G.shape[0])


def step(theta, h, G, y, noise, eta, B, n):
    """theta - (eta/B) sum_j (h_j - y_j - e_j) g_j for chains: theta (C, p), h/y/noise (C, B), G (C, B, p)."""
    return theta - LOSS_FACTOR * (eta / B) * np.einsum("cm,cmp->cp", h - y - noise, G)


def draw_batch(rng, chains, n, B):
    """B distinct uniform indices per chain."""
    if B == n:
        return np.broadcast_to(np.arange(n), (chains, n))
    return np.argsort(rng.random((chains, n)), axis=1)[:, :B]


def run(model, theta0, X, y, eta, sigma, B, steps, chains, seed):
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    theta = np.tile(theta0, (chains, 1))
    rows = np.arange(chains)[:, None]
    for _ in range(steps):
        idx = draw_batch(rng, chains, n, B)
        h, G = gradients(model, theta, X[idx])
        if GRADIENT_NOISE:
            theta = step(theta, h, G, y[idx], 0.0, eta, B, n) + eta * sigma * rng.standard_normal(theta.shape)
        else:
            theta = step(theta, h, G, y[idx], NOISE_FACTOR * sigma * rng.standard_normal((chains, B)), eta, B, n)
    del rows
    return theta


def handle(req):
    op = req["op"]
    if op == "hello":
        return {"ok": True, "name": NAME, "ops": OPS, "models": MODELS}
    model = req["model"]
    if model["kind"] not in MODELS:
        return {"error": "unsupported model kind " + model["kind"]}
    theta = np.array(req["theta"], dtype=float)
    X = np.array(req["x"], dtype=float)
    if op in ("forward", "jacobian", "reg", "grad_reg"):
        h, G = gradients(model, theta[None], X[None])
        h, G = h[0], G[0]
        if op == "forward":
            return {"h": h.tolist()}
        if op == "jacobian":
            return {"h": h.tolist(), "jacobian": G.tolist()}
        if op == "reg":
            return {"reg": reg_of(G)}
        HG = hvp_rows(model, theta, X, G)
        return {"reg": reg_of(G), "grad_reg": (2.0 / X.shape[0] * HG.sum(axis=0)).tolist()}
    if op == "hvp":
        V = np.tile(np.array(req["v"], dtype=float), (X.shape[0], 1))
        return {"hvp": hvp_rows(model, theta, X, V).tolist()}
    y = np.array(req["y"], dtype=float)
    if op == "sgd_step":
        idx = np.array(req["batch"], dtype=int)
        h, G = gradients(model, theta[None], X[idx][None])
        noise = np.array(req["noise"], dtype=float)[None]
        return {"theta": step(theta[None], h, G, y[idx][None], noise, req["eta"], len(idx), X.shape[0])[0].tolist()}
    if op == "run":
        final = run(model, theta, X, y, req["eta"], req["sigma"], req["batch"], req["steps"], req["chains"], req["seed"])
        return {"theta": final.tolist()}
    return {"error": "unknown op " + op}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        if req.get("op") == "bye":
            return
        try:
            resp = handle(req)
        except Exception as e:  # report, keep serving
            resp = {"error": "%s: %s" % (type(e).__name__, e)}
        resp["id"] = req["id"]
        sys.stdout.write(json.dumps(resp) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

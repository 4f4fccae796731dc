#!/usr/bin/env python3
"""NoiseDrift conformance adapter for PyTorch (docs/conformance.md).

    python3 noisedrift_torch.py [--model FILE.py]

Speaks the JSON-lines protocol on stdin/stdout. Without --model it is a reference implementation for model kind
`mlp` (any depth, every activation of the contract), for `noisedrift certify`. With --model FILE.py it also offers
model kind `own`, for `noisedrift check --impl`: FILE.py defines `build()` returning `(module, inputs)`, a
torch.nn.Module mapping the float64 tensor `inputs` (n rows, any shape after the first axis) to n scalar outputs
(shape (n,) or (n, 1)). theta* is the module's parameters (flattened in `named_parameters()` order), the labels are
its own outputs at theta*, and every derivative comes from torch autograd (torch.autograd.functional for J, H_i v
and grad reg; functorch's grad under vmap for the label-noise SGD chains, batched over chains).
"""
import argparse
import importlib.util
import json
import math
import sys

try:
    import torch
except ImportError:  # e.g. a pyenv python3 first on PATH: Debian's python3-torch lives in /usr/bin/python3
    import os
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise
from functorch import grad, vmap
from torch.nn.utils.stateless import functional_call

torch.set_default_dtype(torch.float64)

NAME = "noisedrift_torch"
OPS = ["forward", "jacobian", "reg", "grad_reg", "hvp", "sgd_step", "run"]
ACTIVATIONS = ["identity", "tanh", "logistic", "softplus", "silu", "gelu", "sin", "relu", "leaky_relu", "square"]
# Hooks for the deliberately broken copies in broken/ (test fixtures): the label-noise scale and the HVP.
NOISE_FACTOR = 1.0
HVP_SECOND_DERIVATIVE = True


def activation(name, z):
    if name == "identity":
        return z
    if name == "tanh":
        return torch.tanh(z)
    if name == "logistic":
        return torch.sigmoid(z)
    if name == "softplus":
        return torch.logaddexp(torch.zeros_like(z), z)
    if name == "silu":
        return z * torch.sigmoid(z)
    if name == "gelu":
        return 0.5 * z * (1 + torch.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z ** 3)))
    if name == "sin":
        return torch.sin(z)
    if name == "relu":
        return torch.relu(z)
    if name == "leaky_relu":
        return torch.where(z > 0, z, 0.01 * z)
    if name == "square":
        return z * z
    raise ValueError("unsupported activation " + name)


def mlp_function(model):
    """h(theta, X) for the spec's mlp: per hidden layer W (out x in, row-major) then b, output weights, output bias."""
    sizes = [model["input"]] + list(model["hidden"])
    acts = model["activations"]
    if len(acts) == 1:
        acts = acts * len(model["hidden"])
    for a in acts:
        if a not in ACTIVATIONS:
            raise ValueError("unsupported activation " + a)

    def h(theta, X):
        a, k = X, 0
        for l in range(len(sizes) - 1):
            fan_in, fan_out = sizes[l], sizes[l + 1]
            W = theta[k:k + fan_in * fan_out].reshape(fan_out, fan_in)
            k += fan_in * fan_out
            b = theta[k:k + fan_out]
            k += fan_out
            a = activation(acts[l], a @ W.T + b)
        w = theta[k:k + sizes[-1]]
        return a @ w + theta[k + sizes[-1]]

    return h


class Problem:
    """A scalar model h(theta, X) on inputs X with labels y, and every op of the protocol on it."""

    def __init__(self, h, X, y=None):
        self.h, self.X = h, X
        self.y = y

    def forward(self, theta):
        return self.h(theta, self.X)

    def jacobian(self, theta, create_graph=False):
        return torch.autograd.functional.jacobian(self.forward, theta, create_graph=create_graph)

    def hvp(self, theta, v):
        """Rows H_i v = grad_theta (g_i . v), reverse over reverse with torch.autograd. (functorch 1.13's
        jacrev(jacrev(.)) gives an asymmetric Hessian through LayerNorm's affine parameters: check --impl caught it.)"""
        if not HVP_SECOND_DERIVATIVE:  # broken copy: the Gauss-Newton product (g_i . v) g_i instead of H_i v
            J = self.jacobian(theta)
            return (J @ v)[:, None] * J
        return torch.autograd.functional.jacobian(lambda t: self.jacobian(t, create_graph=True) @ v, theta)

    def reg(self, theta, create_graph=False):
        return (self.jacobian(theta, create_graph) ** 2).sum() / self.X.shape[0]

    def grad_reg(self, theta):
        theta = theta.detach().requires_grad_(True)
        return torch.autograd.grad(self.reg(theta, create_graph=True), theta)[0]

    def loss(self, theta, X, y, noise):
        """L_B = (1/(2B)) sum_j (h(x_j) - y_j - e_j)^2 on one batch."""
        r = self.h(theta, X) - y - noise
        return 0.5 * (r * r).mean()

    def step(self, theta, X, y, noise, eta):
        return theta - eta * grad(self.loss)(theta, X, y, noise)

    def run(self, theta0, eta, sigma, B, steps, chains, seed):
        """Final theta of `chains` chains of label-noise SGD from theta0, batched over chains in blocks small enough
        (about 4 MB of theta each) to stay in cache through all the steps: for an MLP with p = 5,313, 2,000 chains
        took 78 s as one block and 14 s in blocks of 98. Each block draws from its own generator: the
        first from `seed` (so a run in one block is what it was before blocks), the others from (seed, start)."""
        n, p = self.X.shape[0], theta0.shape[0]
        block = max(1, min(chains, (4 << 20) // (8 * p)))
        chain_step = vmap(self.step, in_dims=(0, 0, 0, 0, None))
        finals = []
        for start in range(0, chains, block):
            size = min(block, chains - start)
            gen = torch.Generator().manual_seed(seed if start == 0 else seed * 1_000_003 + start)
            theta = theta0.expand(size, -1).clone()
            for _ in range(steps):
                idx = torch.rand(size, n, generator=gen).argsort(dim=1)[:, :B]
                noise = NOISE_FACTOR * sigma * torch.randn(size, B, generator=gen)
                theta = chain_step(theta, self.X[idx], self.y[idx], noise, eta)
            finals.append(theta)
        return torch.cat(finals)


def module_problem(path):
    """The own model of FILE.py: theta* = the module's parameters, labels = its outputs at theta*."""
    spec = importlib.util.spec_from_file_location("noisedrift_user_model", path)
    user = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(user)
    torch.manual_seed(0)  # theta* is the same on every start, even when build() draws without seeding
    module, inputs = user.build()
    module = module.double().eval()  # eval mode: dropout off, batch norm on its running statistics
    inputs = torch.as_tensor(inputs, dtype=torch.float64)
    names = [name for name, _ in module.named_parameters()]
    shapes = [p.shape for _, p in module.named_parameters()]
    sizes = [p.numel() for _, p in module.named_parameters()]
    theta = torch.cat([p.detach().reshape(-1) for _, p in module.named_parameters()])
    n = inputs.shape[0]

    def h(flat, X):
        params = {name: part.reshape(shape) for name, part, shape in zip(names, torch.split(flat, sizes), shapes)}
        out = functional_call(module, params, (X,))
        return out.reshape(X.shape[0])

    y = h(theta, inputs).detach()
    if y.shape != (n,):
        raise ValueError("the module must map %d inputs to %d scalar outputs" % (n, n))
    problem = Problem(h, inputs, y)
    try:  # the runs batch chains with functorch's vmap: find out now, not after the derivative checks
        problem.run(theta, 0.0, 0.0, min(2, n), 1, 2, 0)
    except Exception as e:
        raise ValueError("the module's forward does not run under functorch's vmap, which the label-noise runs need "
                         "(for example nn.GRUCell and nn.LSTM have no batching rule in torch 1.13: write the cell "
                         "with nn.Linear and activations): %s: %s" % (type(e).__name__, e)) from e
    description = type(module).__name__ + ": " + " ".join(str(module).split())
    return problem, theta, description[:300]


class Adapter:
    def __init__(self, model_file=None):
        self.own, self.own_error = None, None
        if model_file is not None:
            try:
                self.own, self.theta_star, self.description = module_problem(model_file)
            except Exception as e:  # answered on hello, so that noisedrift prints it
                self.own_error = "cannot use the model file %s: %s: %s" % (model_file, type(e).__name__, e)

    def hello(self):
        if self.own_error is not None:
            return {"error": self.own_error}
        models = ["mlp"] + (["own"] if self.own is not None else [])
        answer = {"ok": True, "name": NAME, "ops": OPS, "models": models, "activations": ACTIVATIONS}
        if self.own is not None:
            answer["own"] = {"p": int(self.theta_star.shape[0]), "n": int(self.own.X.shape[0]),
                             "theta": self.theta_star.tolist(), "loss": "half_mean_square",
                             "description": self.description}
        return answer

    def handle(self, req):
        op = req["op"]
        if op == "hello":
            return self.hello()
        kind = req["model"]["kind"]
        theta = torch.tensor(req["theta"], dtype=torch.float64)
        if kind == "own":
            if self.own is None:
                return {"error": "no own model: start the adapter with --model FILE.py"}
            problem = self.own
        elif kind == "mlp":
            X = torch.tensor(req["x"], dtype=torch.float64)
            y = torch.tensor(req["y"], dtype=torch.float64) if "y" in req else None
            problem = Problem(mlp_function(req["model"]), X, y)
        else:
            return {"error": "unsupported model kind " + kind}
        if op == "forward":
            return {"h": problem.forward(theta).tolist()}
        if op == "jacobian":
            return {"h": problem.forward(theta).tolist(), "jacobian": problem.jacobian(theta).tolist()}
        if op == "reg":
            return {"reg": problem.reg(theta).item()}
        if op == "grad_reg":
            return {"reg": problem.reg(theta).item(), "grad_reg": problem.grad_reg(theta).tolist()}
        if op == "hvp":
            return {"hvp": problem.hvp(theta, torch.tensor(req["v"], dtype=torch.float64)).tolist()}
        if op == "sgd_step":
            idx = torch.tensor(req["batch"], dtype=torch.long)
            noise = torch.tensor(req["noise"], dtype=torch.float64)
            return {"theta": problem.step(theta, problem.X[idx], problem.y[idx], noise, req["eta"]).tolist()}
        if op == "run":
            if req["law"] != "gaussian":
                return {"error": "unsupported law " + req["law"]}
            final = problem.run(theta, req["eta"], req["sigma"], req["batch"], req["steps"], req["chains"], req["seed"])
            if kind == "own":
                D = torch.tensor(req["directions"], dtype=torch.float64)
                return {"projections": ((final - theta) @ D.T).tolist()}
            return {"theta": final.tolist()}
        return {"error": "unknown op " + op}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a Python file defining build() -> (module, inputs)")
    args = parser.parse_args()
    adapter = Adapter(args.model)
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        if req.get("op") == "bye":
            return
        try:
            resp = adapter.handle(req)
        except Exception as e:  # report, keep serving
            resp = {"error": "%s: %s" % (type(e).__name__, e)}
        resp["id"] = req["id"]
        sys.stdout.write(json.dumps(resp) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

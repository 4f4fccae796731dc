using System.Numerics.Tensors;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Bench;

/// <summary>
/// The benchmarked operations on one private copy of θ with its own workspace, so several kernels can run on
/// separate threads. No operation allocates.
/// </summary>
public sealed class OpKernel
{
    private readonly Workload _workload;
    private readonly double[] _theta;
    private readonly double[] _gradient;
    private readonly double[] _targets;
    private readonly Workspace _workspace;
    private int _step;

    public OpKernel(Workload workload)
    {
        _workload = workload;
        _theta = (double[])workload.Theta.Clone();
        _gradient = new double[workload.Model.ParameterCount];
        _targets = new double[workload.Count];
        _workspace = workload.Model.CreateWorkspace(workload.Count);
    }

    /// <summary>True while θ is finite; a diverged SGD loop would time NaN arithmetic, not the model.</summary>
    public bool ThetaIsFinite => _theta.All(double.IsFinite);

    /// <summary>The operation names, in report order.</summary>
    public static IReadOnlyList<string> Ops { get; } = ["reg", "grad_reg", "sgd_step"];

    /// <summary>The operation called <paramref name="op"/>.</summary>
    public Func<double> For(string op) => op switch
    {
        "reg" => Reg,
        "grad_reg" => GradReg,
        "sgd_step" => SgdStep,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operation"),
    };

    /// <summary><c>reg(θ) = (1/n) Σ_i ||∇_θ h(x_i; θ)||²</c> over all n rows.</summary>
    public double Reg() => _workload.Model.Reg(_theta, _workload.X, _workspace);

    /// <summary><c>∇reg(θ)</c>.</summary>
    public double GradReg() => _workload.Model.RegGradient(_theta, _workload.X, _gradient, _workspace);

    /// <summary>
    /// One full-batch label-noise SGD step (docs/theory.md §1): <c>t = y + ε</c> with the next row of precomputed noise,
    /// <c>θ ← θ − η ∇_θ (1/2n) Σ_i (h(x_i; θ) − t_i)²</c>.
    /// </summary>
    public double SgdStep()
    {
        int n = _workload.Count;
        var noise = _workload.Noise.AsSpan(_step * n, n);
        _step = (_step + 1) % Workload.NoiseSteps;
        TensorPrimitives.Add(_workload.Y, noise, _targets);
        return _workload.Model.LossGradientStep(_theta, _workload.X, _targets, Workload.Eta, _gradient, _workspace);
    }
}

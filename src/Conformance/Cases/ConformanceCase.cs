using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Conformance.Cases;

/// <summary>
/// One conformance case (docs/conformance.md §1): a model at θ on data, a direction v for the HVP, the label-noise SGD
/// hyper-parameters (docs/theory.md §1) and one fixed SGD step (batch indices and noise values).
/// </summary>
/// <param name="Name">The case name, e.g. <c>mlp-tanh-2x3</c>.</param>
/// <param name="Model">The model.</param>
/// <param name="Data">Inputs (row-major) and labels; θ interpolates them exactly, so θ ∈ M.</param>
/// <param name="Theta">θ.</param>
/// <param name="V">The HVP direction (length p).</param>
/// <param name="Eta">η.</param>
/// <param name="Sigma">σ.</param>
/// <param name="Batch">B.</param>
/// <param name="Law">The noise law of <see cref="Noise"/> (Rademacher values are ±σ).</param>
/// <param name="StepBatch">The batch indices <c>b_j</c> of the fixed SGD step.</param>
/// <param name="Noise">The noise values <c>e_j</c> of the fixed SGD step.</param>
public sealed record ConformanceCase(
    string Name,
    ConformanceModel Model,
    Dataset Data,
    double[] Theta,
    double[] V,
    double Eta,
    double Sigma,
    int Batch,
    NoiseLaw Law,
    int[] StepBatch,
    double[] Noise)
{
    /// <summary>n.</summary>
    public int Count => Data.Count;

    /// <summary>p.</summary>
    public int ParameterCount => Model.Engine.ParameterCount;

    /// <summary>The theory's hyper-parameter record for this case (docs/theory.md §1).</summary>
    public Engine.Sgd.SgdProblem Sgd => new(Eta, Sigma, Batch, Law);

    /// <summary>The inputs as a list of rows.</summary>
    public double[][] Rows => Enumerable.Range(0, Count).Select(i => Data.Row(i).ToArray()).ToArray();
}

using NoiseDrift.Engine.Sgd;
using TheorySgd = NoiseDrift.Theory.LabelNoiseSgd;

namespace NoiseDrift.Cli.Spec;

/// <summary>
/// The <c>sgd</c> block of a spec file: label-noise SGD as in THEORY.md §1,
/// <c>θ ← θ − η ∇ (1/2B) Σ_{i∈S} (h(x_i; θ) − y_i − ε_i)²</c> with <c>Var ε = σ²</c>.
/// </summary>
/// <param name="Eta">The step size η &gt; 0.</param>
/// <param name="Sigma">The label-noise scale σ ≥ 0 (σ = 0 is plain gradient descent, a control).</param>
/// <param name="Batch">The batch size B, 1 ≤ B ≤ n; B = n is full batch.</param>
/// <param name="Noise">The law of ε.</param>
/// <param name="Steps">The number of SGD steps per chain.</param>
/// <param name="Chains">The number of independent chains.</param>
/// <param name="Seed">The key of the counter-based random generator.</param>
public sealed record SgdOptions(double Eta, double Sigma, int Batch, NoiseLaw Noise, int Steps, int Chains, ulong Seed)
{
    /// <summary>The default number of steps when <c>sgd.steps</c> is absent.</summary>
    public const int DefaultSteps = 1000;

    /// <summary>The default number of chains when <c>sgd.chains</c> is absent.</summary>
    public const int DefaultChains = 1000;

    /// <summary>The default seed when <c>sgd.seed</c> is absent.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>The engine's simulator settings for one step rule (steps and chains are run options).</summary>
    public SgdSettings ToSettings() => new(Eta, Sigma, Batch, Noise, Seed);

    /// <summary>The theory's hyper-parameters (η, σ, B, noise law) that every prediction of THEORY.md §2–§3 takes.</summary>
    public TheorySgd ToTheory() =>
        new(Eta, Sigma, Batch, Noise);
}

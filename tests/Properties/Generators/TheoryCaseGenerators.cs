using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// A drawn theory case before it is built (docs/theory.md §1–§2): a smooth network with θ and inputs, and the label-noise
/// SGD settings. <see cref="Case"/> puts θ on M (labels <c>y = h(x; θ)</c>), sets <c>η = etaLambdaMax/λ_max(G)</c> and
/// σ so that <c>λ_max(S) = </c><see cref="TheoryBattery.OuScale"/> (1e-5). Batch 0 is full batch.
/// </summary>
public sealed record TheoryDraw(NetworkCase Network, double EtaLambdaMax, int Batch, NoiseLaw Law)
{
    // Keyed by reference: a `with` copy (a shrink candidate) must not inherit the built case of its original.
    private static readonly ConditionalWeakTable<TheoryDraw, TheoryCase> Built = new();

    /// <summary>The built case (computed once per draw).</summary>
    public TheoryCase Case => Built.GetValue(this, d => TheoryCase.Interpolating(d.Name, d.Network.Model,
        d.Network.Data.X, d.Network.Theta, d.EtaLambdaMax, 1.0, d.Batch, d.Law).WithOuScale(TheoryBattery.OuScale));

    /// <summary>Whether the draw uses minibatches (B &lt; n).</summary>
    public bool IsMinibatch => Batch != 0 && Batch < Network.Data.Count;

    /// <summary>E.g. <c>mlp 2-[5]-1 tanh n=3 B=2 ηλ=0.23 rademacher</c>.</summary>
    public string Name =>
        $"{Network.Model.Describe()}{Activations()} n={Network.Data.Count} " +
        $"{(IsMinibatch ? $"B={Batch}" : "full batch")} ηλ={EtaLambdaMax:G3} {Law.ToString().ToLowerInvariant()}";

    /// <summary>Shown by FsCheck for a counterexample: the settings, DAG sources, then architecture, θ and inputs.</summary>
    public override string ToString() => $"{Name}{Sources()}{Environment.NewLine}  {Network}";

    private string Sources() => Network.Model is DagNetwork dag
        ? " sources " + string.Join(" ", dag.Neurons.Select(n => $"[{string.Join(",", n.Sources)}]"))
        : "";

    private string Activations() => Network.Model is DagNetwork dag
        ? " " + string.Join(",", dag.Neurons.Select(n => Activation.NameOf(n.Activation)))
        : "";
}

/// <summary>
/// Generators of theory cases (docs/theory.md §1–§3, docs/design.md "Tests"), built on <see cref="MlpGen"/> and
/// <see cref="DagGen"/>: MLPs of depth 1–2 and widths 2–6, and DAGs with skip connections, over the smooth activations
/// tanh, logistic, softplus, SiLU, GELU and sin; input dimension 1–3; n = 2–4 inputs uniform in [−1.5, 1.5];
/// <c>θ ~ N(0, 1/fan_in) · scale</c> with scale in [1, 2]; <c>ηλ_max</c> in [0.1, 0.5]; Gaussian or Rademacher noise;
/// full batch, or B in [1, n − 1] with n ≥ 3. Cases whose J is rank-deficient, or badly conditioned
/// (<c>λ_min(G)/λ_max(G) &lt; </c><see cref="MinConditioning"/>), or whose minibatch second moment diverges, are
/// filtered out.
/// </summary>
public static class TheoryCaseGenerators
{
    /// <summary>The least accepted <c>λ_min(G)/λ_max(G)</c>: slower mixing than <c>1/(0.02 ηλ_max)</c> steps is excluded.</summary>
    public const double MinConditioning = 0.02;

    /// <summary>The smooth activations of the theory cases (identity and square are left to the engine tests).</summary>
    public static Gen<ActivationKind> Smooth { get; } = Gen.Elements(ActivationKind.Tanh, ActivationKind.Logistic,
        ActivationKind.Softplus, ActivationKind.Silu, ActivationKind.Gelu, ActivationKind.Sin);

    /// <summary>n inputs of dimension d, uniform in [−1.5, 1.5] (labels are set later, on M).</summary>
    public static Gen<Dataset> Inputs(int dimension, int minExamples, int maxExamples) =>
        from n in Gen.Choose(minExamples, maxExamples)
        from x in Gen.ArrayOf(NumberGen.Uniform(-1.5, 1.5), n * dimension)
        select new Dataset(x, new double[n], dimension);

    /// <summary>MLPs of depth 1–2, widths 2–6, smooth activations, θ at fan-in scale times [1, 2].</summary>
    public static Gen<NetworkCase> Mlp(int minExamples, int maxExamples) =>
        from architecture in MlpGen.Architecture(Smooth, maxDepth: 2, maxWidth: 6).Where("theory mlp width ≥ 2", a => a.Layout.Hidden.All(w => w >= 2))
        from drawn in MlpGen.For(architecture)
        from network in Rescaled(drawn, minExamples, maxExamples)
        select network;

    /// <summary>DAGs with skip connections (<see cref="DagGen"/>), smooth activations, θ at fan-in scale times [1, 2].</summary>
    public static Gen<NetworkCase> Dag(int minExamples, int maxExamples) =>
        from network in DagGen.Network(Smooth)
        from drawn in DagGen.For(network)
        from rescaled in Rescaled(drawn, minExamples, maxExamples)
        select rescaled;

    /// <summary>MLP or DAG, equally often.</summary>
    public static Gen<NetworkCase> Network(int minExamples, int maxExamples) =>
        Gen.OneOf(Mlp(minExamples, maxExamples), Dag(minExamples, maxExamples));

    /// <summary>Full-batch draws, n = 2–4.</summary>
    public static Gen<TheoryDraw> FullBatch(Gen<NetworkCase> networks) =>
        from network in networks
        from etaLambda in NumberGen.Uniform(0.1, 0.5)
        from law in Gen.Elements(NoiseLaw.Gaussian, NoiseLaw.Rademacher)
        select new TheoryDraw(network, etaLambda, 0, law);

    /// <summary>Minibatch draws, n = 3–4 and B in [1, n − 1].</summary>
    public static Gen<TheoryDraw> Minibatch(Gen<NetworkCase> networks) =>
        from network in networks
        from batch in Gen.Choose(1, network.Data.Count - 1)
        from etaLambda in NumberGen.Uniform(0.1, 0.5)
        from law in Gen.Elements(NoiseLaw.Gaussian, NoiseLaw.Rademacher)
        select new TheoryDraw(network, etaLambda, batch, law);

    /// <summary>
    /// True when the draw builds (θ on M, J of full row rank, stable minibatch second moment) and
    /// <c>λ_min(G)/λ_max(G) ≥ </c><see cref="MinConditioning"/>.
    /// </summary>
    public static bool IsUsable(TheoryDraw draw)
    {
        if (draw.Network.Data.Count < 2 || draw.Batch >= draw.Network.Data.Count) return false;
        try
        {
            var eigenvalues = draw.Case.Frame.HessianEigenvalues;
            return eigenvalues[0] >= MinConditioning * eigenvalues[^1];
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    /// <summary>
    /// Shrinks towards a minimal failing draw: the network by <see cref="CaseShrinker"/> (fewer examples, fewer units,
    /// rounder θ), then Gaussian noise, then ηλ_max = 0.2. <see cref="IsUsable"/> is re-applied to every candidate.
    /// </summary>
    public static IEnumerable<TheoryDraw> Shrink(TheoryDraw draw)
    {
        foreach (var network in CaseShrinker.Shrink(draw.Network))
            yield return draw with { Network = network };
        if (draw.Law != NoiseLaw.Gaussian) yield return draw with { Law = NoiseLaw.Gaussian };
        if (draw.EtaLambdaMax != 0.2) yield return draw with { EtaLambdaMax = 0.2 };
    }

    /// <summary>An arbitrary of usable draws with <see cref="Shrink"/>.</summary>
    public static Arbitrary<TheoryDraw> Arbitrary(Gen<TheoryDraw> draws) => Arb.From(draws, Shrink).Filter(IsUsable);

    /// <summary>Multiplies θ by a scale in [1, 2] and replaces the inputs by theory-case inputs.</summary>
    private static Gen<NetworkCase> Rescaled(NetworkCase drawn, int minExamples, int maxExamples) =>
        from scale in NumberGen.Uniform(1, 2)
        from data in Inputs(drawn.Model.InputDimension, minExamples, maxExamples)
        select new NetworkCase(drawn.Model, drawn.Theta.Select(t => t * scale).ToArray(), data);
}

// Arbitraries for [Property(Arbitrary = ...)], with shrinking and the usability filter. MLPs and DAGs have separate
// arbitraries so that every family is covered whatever the seed.

/// <summary>Full-batch MLP theory cases (docs/theory.md §2 full batch).</summary>
public static class MlpFullBatchTheoryCases
{
    public static Arbitrary<TheoryDraw> Draws() =>
        TheoryCaseGenerators.Arbitrary(TheoryCaseGenerators.FullBatch(TheoryCaseGenerators.Mlp(2, 4)));
}

/// <summary>Full-batch DAG theory cases with skip connections (docs/theory.md §1 any connectivity, §2 full batch).</summary>
public static class DagFullBatchTheoryCases
{
    public static Arbitrary<TheoryDraw> Draws() =>
        TheoryCaseGenerators.Arbitrary(TheoryCaseGenerators.FullBatch(TheoryCaseGenerators.Dag(2, 4)));
}

/// <summary>Minibatch MLP theory cases (docs/theory.md §2 minibatch, n ≥ 3).</summary>
public static class MlpMinibatchTheoryCases
{
    public static Arbitrary<TheoryDraw> Draws() =>
        TheoryCaseGenerators.Arbitrary(TheoryCaseGenerators.Minibatch(TheoryCaseGenerators.Mlp(3, 4)));
}

/// <summary>Minibatch DAG theory cases with skip connections (docs/theory.md §2 minibatch, n ≥ 3).</summary>
public static class DagMinibatchTheoryCases
{
    public static Arbitrary<TheoryDraw> Draws() =>
        TheoryCaseGenerators.Arbitrary(TheoryCaseGenerators.Minibatch(TheoryCaseGenerators.Dag(3, 4)));
}

/// <summary>Any family, full batch or minibatch (the deep-tier sweep).</summary>
public static class AnyTheoryCases
{
    public static Arbitrary<TheoryDraw> Draws() => TheoryCaseGenerators.Arbitrary(Gen.OneOf(
        TheoryCaseGenerators.FullBatch(TheoryCaseGenerators.Network(2, 4)),
        TheoryCaseGenerators.Minibatch(TheoryCaseGenerators.Network(3, 4))));
}

using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

using SensingModel = NoiseDrift.Engine.Models.MatrixSensing;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// Instances of the three settings on M (docs/theory.md §4), for comparing the symbolic route with the engine: random d,
/// k and n (matrix sensing, n below the dimension of M's normal space), random 1-D data with every kink at least
/// <see cref="MlpGen.KinkMargin"/> from the data, random x and widths (sigmoid). Labels are the model's outputs; J
/// is kept well conditioned (<see cref="MinConditioning"/>) so that 1e-10 relative agreement is a fair demand;
/// <c>η λ_max</c> is drawn in [0.05, 0.5] and B in 1..n. Shrinks with <see cref="CaseShrinker"/>, relabelling.
/// </summary>
public static class SettingInstanceGen
{
    /// <summary>The least <c>λ_min(JJᵀ)/λ_max(JJᵀ)</c> accepted: rounding then costs at most ~1e-12 relative.</summary>
    public const double MinConditioning = 1e-4;

    /// <summary>§4.1: d in 1..4, k in 1..d, U ~ N(0, 1/d), n in 1..min(6, dk − k(k−1)/2).</summary>
    public static Gen<SettingInstance> MatrixSensing { get; } =
        (from d in Gen.Choose(1, 4)
         from k in Gen.Choose(1, d)
         from n in Gen.Choose(1, Math.Min(DataGen.MaxExamples, d * k - k * (k - 1) / 2))
         from u in Gen.ArrayOf(NumberGen.StandardNormal.Select(z => z / Math.Sqrt(d)), d * k)
         from z in Gen.ArrayOf(Gen.ArrayOf(NumberGen.StandardNormal, d * d), n)
         let x = z.SelectMany(zi => SensingModel.SensingMatrix(zi, d)).ToArray()
         select new NetworkCase(new SensingModel(d, k), u, new Dataset(x, new double[n], d * d)))
        .SelectMany(WithSgd).Where("usable setting instance", Usable);

    /// <summary>§4.2: width 1..6, θ as <see cref="SettingGen.Relu1D"/>, n in 1..5 inputs in [−2, 2], kinks away from the data.</summary>
    public static Gen<SettingInstance> Relu1D { get; } =
        (from m in Gen.Choose(1, 6)
         from theta in NumberGen.Normal(Enumerable.Repeat(1.0, 2 * m).Concat(Enumerable.Repeat(1 / Math.Sqrt(m), m)).Append(1.0))
         from data in DataGen.Inputs(1, 1, 5)
         select new NetworkCase(Mlp.Relu1D(m), theta, data))
        .SelectMany(WithSgd).Where("usable setting instance", Usable);

    /// <summary>§4.3: input 1..3, width 1..6, θ ~ N(0, 1/fan_in), one point (sometimes two) in [−2, 2]^d.</summary>
    public static Gen<SettingInstance> Sigmoid2 { get; } =
        SettingGen.TwoLayerSigmoid(1, 2).SelectMany(WithSgd).Where("usable setting instance", Usable);

    /// <summary>
    /// docs/theory.md §7: d in 1..6, either form (θ of length d or 2d, entries ~ N(0, 1)), n in 1..min(6, d) rows
    /// uniform in [−2, 2]^d (n ≤ d keeps J = [2θ ⊙ x_i] of full row rank for generic draws).
    /// </summary>
    public static Gen<SettingInstance> Quadratic { get; } =
        (from d in Gen.Choose(1, 6)
         from difference in Gen.Elements(false, true)
         from theta in Gen.ArrayOf(NumberGen.StandardNormal, difference ? 2 * d : d)
         from data in DataGen.Inputs(d, 1, Math.Min(DataGen.MaxExamples, d))
         select new NetworkCase(new QuadraticLinear(d, difference), theta, data))
        .SelectMany(WithSgd).Where("usable setting instance", Usable);

    /// <summary>The arbitrary of a generator, shrinking through <see cref="CaseShrinker"/>.</summary>
    public static Arbitrary<SettingInstance> Arbitrary(Gen<SettingInstance> gen) => Arb.From(gen, Shrink);

    /// <summary>Smaller instances: the case shrunk, relabelled onto M, B clamped to n; unusable candidates dropped.</summary>
    public static IEnumerable<SettingInstance> Shrink(SettingInstance s) =>
        CaseShrinker.Shrink(s.Case).Select(c => new SettingInstance(Relabel(c), s.Sgd with { Batch = Math.Min(s.Sgd.Batch, c.Data.Count) }))
            .Where(Usable);

    private static Gen<SettingInstance> WithSgd(NetworkCase c) =>
        from etaLambda in NumberGen.Uniform(0.05, 0.5)
        from batch in Gen.Choose(1, c.Data.Count)
        let relabelled = Relabel(c)
        select new SettingInstance(relabelled, new SgdProblem(etaLambda / LambdaMax(relabelled), 1.0, batch));

    private static NetworkCase Relabel(NetworkCase c)
    {
        var y = new double[c.Data.Count];
        c.Model.Forward(c.Theta, c.Data.X, y, c.Model.CreateWorkspace(c.Data.Count));
        return c with { Data = c.Data.WithLabels(y) };
    }

    private static double LambdaMax(NetworkCase c)
    {
        try
        {
            return NormalFrame.At(c.Model, c.Theta, c.Data).LargestHessianEigenvalue;
        }
        catch (InvalidInputException)
        {
            return 1;
        }
    }

    private static bool Usable(SettingInstance s)
    {
        if (s.Case.Model is Mlp mlp && !mlp.Activations.All(Activation.IsSmooth) && !MlpGen.AwayFromKinks(s.Case))
            return false;
        try
        {
            var frame = NormalFrame.At(s.Case.Model, s.Case.Theta, s.Case.Data);
            var eigen = frame.HessianEigenvalues;
            if (!(eigen[0] >= MinConditioning * eigen[^1])) return false;
            if (!(s.Sgd.Eta * eigen[^1] < 0.6)) return false;
            StationaryCovariance.Exact(frame, s.Sgd);
            return true;
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }
}

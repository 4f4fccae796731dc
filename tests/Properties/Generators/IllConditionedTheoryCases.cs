using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// Ill-conditioned theory cases on purpose (docs/theory.md §3.9–§3.10): MLPs of <see cref="TheoryCaseGenerators.Mlp"/>
/// with n = 3–4 inputs of which two are nearly collinear, <c>x_1 = x_0 + δ z</c> with <c>log δ</c> uniform on
/// [log 0.005, log 0.3], full batch or minibatch, so that <c>λ_min(G)/λ_max(G)</c> reaches down to
/// <see cref="MinRatio"/>; draws outside [<see cref="MinRatio"/>, <see cref="MaxRatio"/>] are filtered out. There the
/// mean normal offset <c>|m_∞| ∝ λ_max(S)/λ_min(G)</c> is resolved and the θ*-fixed predictions are not enough.
/// </summary>
public static class IllConditionedTheoryCases
{
    /// <summary>The smallest accepted <c>λ_min(G)/λ_max(G)</c>.</summary>
    public const double MinRatio = 1e-4;

    /// <summary>The largest accepted <c>λ_min(G)/λ_max(G)</c> (the ordinary generators start at 0.02).</summary>
    public const double MaxRatio = 1e-2;

    /// <summary>Full-batch and minibatch draws with one nearly collinear pair of inputs.</summary>
    public static Arbitrary<TheoryDraw> Draws() => Arb.From(Gen.OneOf(
            TheoryCaseGenerators.FullBatch(Networks()),
            TheoryCaseGenerators.Minibatch(Networks())))
        .Filter(IsIllConditioned);

    /// <summary><c>λ_min(G)/λ_max(G)</c> in [<see cref="MinRatio"/>, <see cref="MaxRatio"/>] and a usable case.</summary>
    public static bool IsIllConditioned(TheoryDraw draw)
    {
        if (draw.Batch >= draw.Network.Data.Count) return false;
        try
        {
            var eigenvalues = draw.Case.Frame.HessianEigenvalues;
            double ratio = eigenvalues[0] / eigenvalues[^1];
            return ratio >= MinRatio && ratio <= MaxRatio;
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }

    private static Gen<NetworkCase> Networks() =>
        from network in TheoryCaseGenerators.Mlp(3, 4)
        from logSpread in NumberGen.Uniform(Math.Log(0.005), Math.Log(0.3))
        from direction in Gen.ArrayOf(NumberGen.StandardNormal, network.Model.InputDimension)
        select network with { Data = Collinear(network.Data, Math.Exp(logSpread), direction) };

    private static Dataset Collinear(Dataset data, double spread, double[] direction)
    {
        int d = data.Dimension;
        double norm = Math.Sqrt(direction.Sum(v => v * v));
        var x = (double[])data.X.Clone();
        for (int k = 0; k < d; k++) x[d + k] = x[k] + spread * direction[k] / (norm > 0 ? norm : 1);
        return new Dataset(x, new double[data.Count], d);
    }
}

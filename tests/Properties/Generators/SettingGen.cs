using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Generators;

/// <summary>The three settings of docs/theory.md §4 as generated cases.</summary>
public static class SettingGen
{
    /// <summary>§4.1 matrix sensing: d in 1..4, k in 1..d, U ~ N(0, 1/d), symmetric Gaussian sensing matrices.</summary>
    public static Gen<NetworkCase> MatrixSensing { get; } =
        from d in Gen.Choose(1, 4)
        from k in Gen.Choose(1, d)
        from u in Gen.ArrayOf(NumberGen.StandardNormal.Select(z => z / Math.Sqrt(d)), d * k)
        from data in DataGen.SensingMatrices(d)
        select new NetworkCase(new MatrixSensing(d, k), u, data);

    /// <summary>§4.2 two-layer 1-D ReLU, width 1..8, θ = (w, b, a, c) ~ N(0, 1) except a ~ N(0, 1/m); away from kinks.</summary>
    /// <summary>
    /// The quadratic model of docs/theory.md §7 in either form: d in 1..6, θ ~ N(0, 1/d) of length d or 2d (as U in
    /// matrix sensing: reg stays of order one, so the rounding part of a finite-difference reference stays small
    /// against ∇reg's components), 1..6 rows uniform in [−2, 2]^d.
    /// </summary>
    public static Gen<NetworkCase> Quadratic { get; } =
        from d in Gen.Choose(1, 6)
        from difference in Gen.Elements(false, true)
        from theta in Gen.ArrayOf(NumberGen.StandardNormal.Select(z => z / Math.Sqrt(d)), difference ? 2 * d : d)
        from data in DataGen.Inputs(d)
        select new NetworkCase(new QuadraticLinear(d, difference), theta, data);

    public static Gen<NetworkCase> Relu1D { get; } =
        (from m in Gen.Choose(1, 8)
         from theta in NumberGen.Normal(Enumerable.Repeat(1.0, 2 * m).Concat(Enumerable.Repeat(1 / Math.Sqrt(m), m)).Append(1.0))
         from data in DataGen.Inputs(1)
         select new NetworkCase(Mlp.Relu1D(m), theta, data)).Where("relu1d away from kinks", MlpGen.AwayFromKinks);

    /// <summary>§4.3 two-layer sigmoid without output bias: d in 1..3, m in 1..8, θ ~ N(0, 1/fan_in).</summary>
    public static Gen<NetworkCase> TwoLayerSigmoid(int minExamples = 1, int maxExamples = DataGen.MaxExamples) =>
        from d in Gen.Choose(1, 3)
        from m in Gen.Choose(1, 8)
        from theta in NumberGen.Normal(Enumerable.Repeat(1 / Math.Sqrt(d), m * (d + 1))
            .Concat(Enumerable.Repeat(1 / Math.Sqrt(m), m)))
        from data in DataGen.Inputs(d, minExamples, maxExamples)
        select new NetworkCase(Mlp.TwoLayerSigmoid(d, m), theta, data);
}

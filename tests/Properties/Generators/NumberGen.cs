using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Properties.Generators;

/// <summary>Real-number generators built from integer choices, so that they replay exactly from a seed.</summary>
public static class NumberGen
{
    private const int Resolution = 1 << 30;

    /// <summary>Uniform on the open interval (0, 1).</summary>
    public static Gen<double> Unit { get; } =
        Gen.Choose(0, Resolution - 1).Select(i => (i + 0.5) / Resolution);

    /// <summary>Uniform on [lo, hi].</summary>
    public static Gen<double> Uniform(double lo, double hi) => Unit.Select(u => lo + (hi - lo) * u);

    /// <summary>Standard normal, by <see cref="BoxMuller"/>.</summary>
    public static Gen<double> StandardNormal { get; } =
        from u in Unit
        from w in Unit
        select BoxMuller.Normal(u, w);

    /// <summary>A vector with independent <c>N(0, s_k²)</c> entries.</summary>
    public static Gen<double[]> Normal(IEnumerable<double> standardDeviations) =>
        Gen.CollectToArray(standardDeviations, s => StandardNormal.Select(z => z * s));
}

using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Generators;

/// <summary>Data sets (docs/theory.md §1): n in 1..6 examples, inputs uniform in [−2, 2], labels N(0, 1).</summary>
public static class DataGen
{
    public const int MaxExamples = 6;

    /// <summary>n examples of dimension d with inputs uniform in [−2, 2].</summary>
    public static Gen<Dataset> Inputs(int dimension, int minExamples = 1, int maxExamples = MaxExamples) =>
        from n in Gen.Choose(minExamples, maxExamples)
        from x in Gen.ArrayOf(NumberGen.Uniform(-2, 2), n * dimension)
        from y in Gen.ArrayOf(NumberGen.StandardNormal, n)
        select new Dataset(x, y, dimension);

    /// <summary>Sensing matrices <c>A_i = (Z_i + Z_iᵀ)/2</c> with standard normal Z (docs/theory.md §4.1).</summary>
    public static Gen<Dataset> SensingMatrices(int d) =>
        from n in Gen.Choose(1, MaxExamples)
        from z in Gen.ArrayOf(Gen.ArrayOf(NumberGen.StandardNormal, d * d), n)
        from y in Gen.ArrayOf(NumberGen.StandardNormal, n)
        select Dataset.FromRows(z.Select(zi => MatrixSensing.SensingMatrix(zi, d)).ToArray(), y);
}

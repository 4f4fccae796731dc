using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The matrix-sensing gradient <c>g = (A + Aᵀ) U</c> (docs/theory.md §4.1) is, bit for bit, its scalar reference: entry
/// (a, c) is <c>Σ_b s_ab U_bc</c> with <c>s_ab = A_ab + A_ba</c>, summed from +0 in ascending b as
/// <c>U_bc·s_ab + sum</c>, terms with <c>s_ab = 0</c> skipped; and h is <c>½⟨U, g⟩</c>. The engine's kernel sums in
/// registers, blocks of rows and vectors of columns at a time; the shapes here (d up to 11, k up to 19, with zero
/// entries in A) reach every block and remainder of it at the vector widths of this machine, so the bits every
/// reproduction prints rest on this reference.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class MatrixSensingKernelProperties
{
    private static Gen<(int D, int K, double[] U, double[] A)> Shapes { get; } =
        from d in Gen.Choose(1, 11)
        from k in Gen.Choose(1, 19)
        from u in Gen.ArrayOf(NumberGen.StandardNormal, d * k)
        from a in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, NumberGen.StandardNormal)), d * d)
        select (d, k, u, a);

    [Property]
    public Property Gradient_is_the_scalar_reference_bit_for_bit() => Prop.ForAll(Shapes.ToArbitrary(), c =>
    {
        var (d, k, u, a) = c;
        var model = new MatrixSensing(d, k);
        var g = new double[d * k];
        double h = model.Gradient(u, a, g, model.CreateWorkspace(1));
        var expected = new double[d * k];
        for (int r = 0; r < d; r++)
        {
            for (int col = 0; col < k; col++)
            {
                double sum = 0;
                for (int b = 0; b < d; b++)
                {
                    double s = a[r * d + b] + a[b * d + r];
                    if (s != 0) sum = u[b * k + col] * s + sum;
                }
                expected[r * k + col] = sum;
            }
        }
        for (int j = 0; j < g.Length; j++)
        {
            if (BitConverter.DoubleToInt64Bits(g[j]) != BitConverter.DoubleToInt64Bits(expected[j]))
                throw new CheckFailedException($"d = {d}, k = {k}: g[{j}] = {g[j]:R}, reference {expected[j]:R}");
        }
        double reference = 0.5 * System.Numerics.Tensors.TensorPrimitives.Dot(u, expected);
        if (BitConverter.DoubleToInt64Bits(h) != BitConverter.DoubleToInt64Bits(reference))
            throw new CheckFailedException($"d = {d}, k = {k}: h = {h:R}, reference ½⟨U, g⟩ = {reference:R}");
    });
}

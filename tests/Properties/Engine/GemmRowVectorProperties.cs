using FsCheck.Xunit;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The one-row products on a column range (docs/theory.md §1, the Hessian-vector product on two cores):
/// <see cref="Gemm.MultiplyAddMatrixVector"/> and <see cref="Gemm.MultiplyAddRowColumns"/> give every column in the
/// range the bits of the one-row <see cref="Gemm.MultiplyAdd"/> (through a transposed copy for the first), signed
/// zeros included, and leave every other column as it was, on ragged shapes and with zero multipliers.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class GemmRowVectorProperties
{
    [Property]
    public void MultiplyAddMatrixVector_has_the_bits_of_the_transposed_copy(byte nSeed, byte kSeed, byte fromSeed, byte toSeed)
    {
        var (n, k, from, to, a, w, c) = Draw(nSeed, kSeed, fromSeed, toSeed, 1);
        var wT = new double[k * n];
        Gemm.Transpose(w, wT, n, k);
        var (expected, original) = ((double[])c.Clone(), (double[])c.Clone());
        Gemm.MultiplyAdd(a, wT, expected, 1, k, n);
        Gemm.MultiplyAddMatrixVector(w, a, c, n, k, from, to);
        AssertColumns(expected, original, c, from, to);
    }

    [Property]
    public void MultiplyAddRowColumns_has_the_bits_of_the_one_row_product(byte nSeed, byte kSeed, byte fromSeed, byte toSeed)
    {
        var (n, k, from, to, a, b, c) = Draw(nSeed, kSeed, fromSeed, toSeed, 2);
        var (expected, original) = ((double[])c.Clone(), (double[])c.Clone());
        Gemm.MultiplyAdd(a, b, expected, 1, k, n);
        Gemm.MultiplyAddRowColumns(a, b, c, k, n, from, to);
        AssertColumns(expected, original, c, from, to);
    }

    [Fact]
    public void A_range_outside_the_row_is_refused()
    {
        var a = new double[4];
        var b = new double[4 * 8];
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAddRowColumns(a, b, new double[8], 4, 8, 3, 9));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAddMatrixVector(b, a, new double[8], 8, 4, 5, 4));
    }

    /// <summary>A shape with n up to 70 and k up to 40, a range inside it, a with some zero entries, and c with zeros.</summary>
    private static (int N, int K, int From, int To, double[] A, double[] B, double[] C) Draw(byte nSeed, byte kSeed,
        byte fromSeed, byte toSeed, int salt)
    {
        int n = 1 + nSeed % 70, k = 1 + kSeed % 40;
        int from = fromSeed % (n + 1), to = from + toSeed % (n - from + 1);
        var random = new System.Random(n * 100000 + k * 1000 + from * 10 + salt);
        double Entry() => random.Next(5) == 0 ? 0.0 : random.NextDouble() - 0.5;
        double[] a = [.. Enumerable.Range(0, k).Select(_ => Entry())];
        double[] b = [.. Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5)];
        double[] c = [.. Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? -0.0 : random.NextDouble() - 0.5)];
        return (n, k, from, to, a, b, c);
    }

    private static void AssertColumns(double[] expected, double[] original, double[] actual, int from, int to)
    {
        for (int j = 0; j < actual.Length; j++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(from <= j && j < to ? expected[j] : original[j]),
                BitConverter.DoubleToInt64Bits(actual[j]));
        }
    }
}

using FsCheck.Xunit;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The dense kernels the batched models stand on: <see cref="Gemm.Transpose"/> moves every entry to its mirrored
/// place for any shape (whole 4 × 4 tiles in strips of 8 columns, and the ragged edges),
/// <see cref="Gemm.MultiplyAdd"/> matches the textbook triple loop to round-off, <see cref="Gemm.Multiply"/> has the
/// bits of clearing C and then <c>MultiplyAdd</c> on every shape (register blocks, ragged columns and rows), and
/// <see cref="Gemm.MultiplyAddTransposed"/> gives the bits of <c>MultiplyAdd</c> with a transposed copy of B on every
/// shape it calls exact, as does <see cref="Gemm.BiasPlusTransposedProduct"/> with a bias copied into C first.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class GemmProperties
{
    [Property]
    public void Transpose_mirrors_every_entry(byte rowsSeed, byte colsSeed)
    {
        int rows = 1 + rowsSeed % 70, cols = 1 + colsSeed % 70;
        var s = Enumerable.Range(0, rows * cols).Select(t => t + 0.5).ToArray();
        var t = new double[rows * cols];
        Gemm.Transpose(s, t, rows, cols);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++) Assert.Equal(s[i * cols + j], t[j * rows + i]);
        }
    }

    [Property]
    public void MultiplyAdd_matches_the_triple_loop(byte mSeed, byte kSeed, byte nSeed)
    {
        int m = 1 + mSeed % 40, k = 1 + kSeed % 40, n = 1 + nSeed % 40;
        var random = new System.Random(m * 1600 + k * 40 + n);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];
        var (a, b, c) = (Draw(m * k), Draw(k * n), Draw(m * n));
        var expected = (double[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int p = 0; p < k; p++) expected[i * n + j] += a[i * k + p] * b[p * n + j];
            }
        }
        Gemm.MultiplyAdd(a, b, c, m, k, n);
        for (int t = 0; t < c.Length; t++) Assert.Equal(expected[t], c[t], 1e-12 * k);
    }

    [Property]
    public void MultiplyAddTransposed_has_the_bits_of_the_transposed_copy(byte mSeed, byte kSeed, byte nSeed)
    {
        int m = 16 * (1 + mSeed % 4), k = 1 + kSeed % 70, n = 16 * (1 + nSeed % 4);
        Assert.True(Gemm.TransposedRouteExact(m, n));
        var random = new System.Random(m * 100000 + k * 100 + n);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];
        var (a, b, c) = (Draw(m * k), Draw(n * k), Draw(m * n));
        var bT = new double[k * n];
        Gemm.Transpose(b, bT, n, k);
        var expected = (double[])c.Clone();
        Gemm.MultiplyAdd(a, bT, expected, m, k, n);
        Gemm.MultiplyAddTransposed(a, b, c, m, k, n, new double[k * m], new double[n * m]);
        Assert.Equal(expected, c);
    }

    [Avx512Property]
    public void BiasPlusTransposedProduct_has_the_bits_of_the_bias_copy_then_the_transposed_route(byte mSeed, byte kSeed,
        byte nSeed)
    {
        int m = 16 * (1 + mSeed % 4), k = kSeed % 70, n = 16 * (1 + nSeed % 4);
        // Whole register blocks on an AVX-512 machine: the fused route runs (elsewhere the models take the other route).
        Assert.True(Gemm.BiasRouteFused(m, n));
        var random = new System.Random(m * 100000 + k * 100 + n + 11);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];
        var (a, b, bias) = (Draw(m * k), Draw(n * k), Draw(n));
        var expected = new double[m * n];
        for (int i = 0; i < m; i++) bias.CopyTo(expected, i * n);
        Gemm.MultiplyAddTransposed(a, b, expected, m, k, n, new double[k * m], new double[n * m]);
        var c = Draw(m * n);
        Gemm.BiasPlusTransposedProduct(a, b, bias, c, m, k, n, new double[k * m]);
        Assert.Equal(expected, c);
    }

    [Fact]
    public void Only_whole_register_blocks_are_called_exact()
    {
        Assert.True(Gemm.TransposedRouteExact(32, 256));
        Assert.False(Gemm.TransposedRouteExact(33, 256));
        Assert.False(Gemm.TransposedRouteExact(32, 8));
    }

    [Property]
    public void Multiply_has_the_bits_of_clearing_then_MultiplyAdd(byte mSeed, byte kSeed, byte nSeed)
    {
        int m = 1 + mSeed % 40, k = kSeed % 40, n = 1 + nSeed % 40;
        var random = new System.Random(m * 1600 + k * 40 + n + 7);
        double[] Draw(int length) => [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];
        var (a, b) = (Draw(m * k), Draw(k * n));
        var expected = new double[m * n];
        Gemm.MultiplyAdd(a, b, expected, m, k, n);
        var c = Draw(m * n);
        Gemm.Multiply(a, b, c, m, k, n);
        Assert.Equal(expected, c);
    }
}

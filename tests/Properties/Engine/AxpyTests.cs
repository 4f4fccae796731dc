using System.Numerics.Tensors;
using NoiseDrift.Engine.LinearAlgebra;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <see cref="Axpy.Accumulate"/>, the update of a gradient step and of a row's share of a loss gradient (docs/theory.md
/// §1), has the bits of <c>TensorPrimitives.MultiplyAdd(x, a, y, y)</c> (one multiply and one add, never fused) on every
/// length up to 70, across the vector body and the scalar tail, signed zeros and non-finite entries included.
/// </summary>
public class AxpyTests
{
    [Fact]
    public void Spans_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => Axpy.Accumulate(new double[4], 1.0, new double[5]));

    [Fact]
    public void Accumulate_has_the_bits_of_TensorPrimitives_MultiplyAdd()
    {
        for (int length = 0; length < 70; length++)
        {
            for (int seed = 0; seed < 5; seed++)
            {
                var random = new System.Random(100 * length + seed);
                double Entry() => random.Next(12) switch
                {
                    0 => -0.0,
                    1 => 0.0,
                    2 => double.PositiveInfinity,
                    _ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 30)),
                };
                double[] x = [.. Enumerable.Range(0, length).Select(_ => Entry())];
                double[] y = [.. Enumerable.Range(0, length).Select(_ => Entry())];
                double a = random.NextDouble() - 0.5;
                var expected = new double[length];
                TensorPrimitives.MultiplyAdd(x, a, y, expected);
                Axpy.Accumulate(x, a, y);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), y.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }
}

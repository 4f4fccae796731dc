using System.Numerics.Tensors;
using FsCheck.Xunit;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Properties.TestSupport;
using Xunit;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// <see cref="Axpy.Accumulate"/>, the update of a gradient step and of a row's share of a loss gradient (docs/theory.md
/// §1), has the bits of <c>TensorPrimitives.MultiplyAdd(x, a, y, y)</c> (one multiply and one add, never fused) on every
/// length, across the vector body and the scalar tail, signed zeros and non-finite entries included.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class AxpyProperties
{
    [Property]
    public void Accumulate_has_the_bits_of_TensorPrimitives_MultiplyAdd(byte lengthSeed, int seed)
    {
        int length = lengthSeed % 70;
        var random = new System.Random(seed);
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

    [Fact]
    public void Spans_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => Axpy.Accumulate(new double[4], 1.0, new double[5]));
}

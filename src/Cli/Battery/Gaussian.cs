using NoiseDrift.Engine.Random;

namespace NoiseDrift.Cli.Battery;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (<see cref="BoxMuller"/>); deterministic for a given seed.</summary>
internal sealed class Gaussian(int seed)
{
    private readonly Random _uniform = new(seed);

    /// <summary>The underlying uniform generator, for discrete choices.</summary>
    public Random Uniform => _uniform;

    /// <summary>One draw of <c>N(0, 1)</c>.</summary>
    public double Next() => BoxMuller.Next(_uniform);

    /// <summary>An array of i.i.d. <c>N(0, scale²)</c> draws.</summary>
    public double[] Vector(int length, double scale = 1)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++) v[i] = scale * Next();
        return v;
    }

    /// <summary>A seed for case <paramref name="index"/> under battery seed <paramref name="seed"/> (SplitMix64 output index + 1).</summary>
    public static int Derive(ulong seed, int index) =>
        (int)(CounterRandom.SplitMix64(seed, (ulong)(index + 1)) & int.MaxValue);
}

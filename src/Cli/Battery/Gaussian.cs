namespace NoiseDrift.Cli.Battery;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (Box–Muller); deterministic for a given seed.</summary>
internal sealed class Gaussian(int seed)
{
    private readonly Random _uniform = new(seed);

    /// <summary>The underlying uniform generator, for discrete choices.</summary>
    public Random Uniform => _uniform;

    /// <summary>One draw of <c>N(0, 1)</c>.</summary>
    public double Next()
    {
        double u = 1.0 - _uniform.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * _uniform.NextDouble());
    }

    /// <summary>An array of i.i.d. <c>N(0, scale²)</c> draws.</summary>
    public double[] Vector(int length, double scale = 1)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++) v[i] = scale * Next();
        return v;
    }

    /// <summary>A seed for case <paramref name="index"/> under battery seed <paramref name="seed"/> (SplitMix64 mix).</summary>
    public static int Derive(ulong seed, int index)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL * (ulong)(index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}

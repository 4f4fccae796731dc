using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Bench;

/// <summary>
/// A fixed benchmark workload (docs/design.md "Benchmarks"): a tanh MLP with scalar output in double precision, a seeded θ
/// (entries <c>N(0, 1/fan_in)</c>), seeded inputs <c>N(0, 1)</c>, labels <c>y = h(x; θ)</c> (θ on the zero-loss
/// manifold), and a precomputed table of label noise <c>ε ~ N(0, σ²)</c> for the SGD step.
/// </summary>
public sealed class Workload
{
    /// <summary>Step size η of the SGD step; <c>η λ_max</c> stays far below 2 on both workloads.</summary>
    public const double Eta = 1e-3;

    /// <summary>Label-noise scale σ.</summary>
    public const double Sigma = 0.1;

    /// <summary>Steps of precomputed noise; the SGD benchmark cycles through them.</summary>
    public const int NoiseSteps = 1024;

    private const int Seed = 20200;

    private Workload(string name, int input, int width, int n)
    {
        Name = name;
        Model = new Mlp(input, [width, width], [ActivationKind.Tanh, ActivationKind.Tanh]);
        var random = new Random(Seed);
        Theta = new double[Model.ParameterCount];
        InitialiseTheta(Model, input, width, random);
        X = Normal(random, n * input, 1);
        Y = new double[n];
        Model.Forward(Theta, X, Y, Model.CreateWorkspace(n));
        Noise = Normal(random, NoiseSteps * n, Sigma);
        Count = n;
    }

    /// <summary>small: input 4, hidden [32, 32], n = 16.</summary>
    public static Workload Small() => new("small", 4, 32, 16);

    /// <summary>large: input 16, hidden [256, 256], n = 64.</summary>
    public static Workload Large() => new("large", 16, 256, 64);

    /// <summary>The workload called <paramref name="name"/> (<c>small</c> or <c>large</c>).</summary>
    public static Workload Named(string name) => name switch
    {
        "small" => Small(),
        "large" => Large(),
        _ => throw new ArgumentException($"--workload: expected small or large, got '{name}'", nameof(name)),
    };

    public string Name { get; }

    public Mlp Model { get; }

    /// <summary>θ at which every operation is timed; copy it before stepping.</summary>
    public double[] Theta { get; }

    /// <summary>Inputs, row-major n × input.</summary>
    public double[] X { get; }

    /// <summary>Labels.</summary>
    public double[] Y { get; }

    /// <summary>Label noise, <see cref="NoiseSteps"/> × n.</summary>
    public double[] Noise { get; }

    /// <summary>The number of examples n.</summary>
    public int Count { get; }

    private void InitialiseTheta(Mlp model, int input, int width, Random random)
    {
        int[] fanIn = [input, width];
        for (int layer = 0; layer < model.Depth; layer++)
        {
            int start = model.WeightOffset(layer), end = model.BiasOffset(layer);
            Fill(random, Theta.AsSpan(start, end - start), 1 / Math.Sqrt(fanIn[layer]));
        }
        Fill(random, Theta.AsSpan(model.OutputOffset, width), 1 / Math.Sqrt(width));
    }

    private static double[] Normal(Random random, int length, double scale)
    {
        var values = new double[length];
        Fill(random, values, scale);
        return values;
    }

    private static void Fill(Random random, Span<double> values, double scale)
    {
        for (int i = 0; i < values.Length; i++) values[i] = scale * BoxMuller.Next(random);
    }
}

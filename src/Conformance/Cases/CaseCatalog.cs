using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Conformance.Cases;

/// <summary>
/// The canonical conformance cases (docs/conformance.md §1): every model kind, every activation, a minibatch case and a
/// Rademacher case. Inputs, θ and v are fixed draws; the labels are the model's own outputs, so θ lies on the zero-loss
/// manifold M (docs/theory.md §1) and the OU covariance and drift of §2–§3 are defined there. η is
/// <c>0.2 / λ_max(G)</c> rounded down to one significant digit; σ = 0.2.
/// </summary>
public static class CaseCatalog
{
    /// <summary>The seed of every draw.</summary>
    public const ulong Seed = 20_200_710;

    /// <summary>The label-noise scale of every case.</summary>
    public const double Sigma = 0.2;

    /// <summary>The target <c>η λ_max(G)</c> before rounding η down.</summary>
    public const double EtaLambdaMax = 0.2;

    /// <summary>Every canonical case, in a fixed order.</summary>
    public static IReadOnlyList<ConformanceCase> All { get; } = Build();

    /// <summary>
    /// The few cases of <c>certify --cases quick</c>: one per model kind, with the minibatch case (docs/conformance.md §2).
    /// </summary>
    public static IReadOnlyList<ConformanceCase> Quick { get; } =
        All.Where(c => c.Name is "mlp-tanh-2x3" or "mlp-tanh-2x4-minibatch" or "dag-3" or "matrix_sensing-d3k2"
            or "relu1d-w4" or "sigmoid2-2x3" or "quadratic-d4" or "quadratic_signed-d3").ToArray();

    private static ConformanceCase[] Build()
    {
        var cases = new List<ConformanceCase>();
        long stream = 0;
        foreach (var activation in Activation.All)
        {
            string name = $"mlp-{Activation.NameOf(activation)}-2x3";
            cases.Add(Make(name, ConformanceModel.Mlp(2, [3], [activation]), 3, stream++));
        }
        cases.Add(Make("mlp-tanh-softplus-3x4x3",
            ConformanceModel.Mlp(3, [4, 3], [ActivationKind.Tanh, ActivationKind.Softplus]), 4, stream++));
        cases.Add(Make("mlp-tanh-2x4-minibatch", ConformanceModel.Mlp(2, [4], [ActivationKind.Tanh]), 5, stream++, batch: 2));
        cases.Add(Make("mlp-sin-2x3-rademacher", ConformanceModel.Mlp(2, [3], [ActivationKind.Sin]), 3, stream++,
            law: NoiseLaw.Rademacher));
        cases.Add(Make("dag-3", ConformanceModel.Dag(2,
        [
            new DagNeuron(ActivationKind.Tanh, [0, 1]),
            new DagNeuron(ActivationKind.Gelu, [0, 1, 2]),
            new DagNeuron(ActivationKind.Identity, [0, 2, 3]),
        ]), 3, stream++));
        cases.Add(MakeMatrixSensing(stream++));
        cases.Add(Make("relu1d-w4", ConformanceModel.Relu1D(4), 3, stream++));
        cases.Add(Make("sigmoid2-2x3", ConformanceModel.Sigmoid2(2, 3), 2, stream++));
        cases.Add(Make("quadratic-d4", ConformanceModel.Quadratic(4, difference: false), 3, stream++));
        cases.Add(Make("quadratic_signed-d3", ConformanceModel.Quadratic(3, difference: true), 3, stream++));
        return cases.ToArray();
    }

    private static ConformanceCase Make(string name, ConformanceModel model, int n, long stream, int batch = 0,
        NoiseLaw law = NoiseLaw.Gaussian)
    {
        var draw = new CaseDraw(Seed, stream);
        var x = draw.Gaussian(1, n * model.Engine.InputDimension);
        return Complete(name, model, x, n, draw, batch, law);
    }

    /// <summary>Symmetric sensing matrices <c>A_i = (Z_i + Z_iᵀ)/2</c> (docs/theory.md §4.1), d = 3, k = 2, n = 3.</summary>
    private static ConformanceCase MakeMatrixSensing(long stream)
    {
        const int d = 3, n = 3;
        var draw = new CaseDraw(Seed, stream);
        var z = draw.Gaussian(1, n * d * d);
        var x = new double[n * d * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    x[i * d * d + a * d + b] = (z[i * d * d + a * d + b] + z[i * d * d + b * d + a]) / 2;
        return Complete("matrix_sensing-d3k2", ConformanceModel.MatrixSensing(d, 2), x, n, draw, 0, NoiseLaw.Gaussian);
    }

    private static ConformanceCase Complete(string name, ConformanceModel model, double[] x, int n, CaseDraw draw,
        int batch, NoiseLaw law)
    {
        var engine = model.Engine;
        int p = engine.ParameterCount;
        var theta = draw.Gaussian(2, p, 0.8);
        var v = draw.Gaussian(3, p);
        var y = new double[n];
        engine.Forward(theta, x, y, engine.CreateWorkspace(n));
        var data = new Dataset(x, y, engine.InputDimension);
        var frame = NormalFrame.At(engine, theta, data);
        double eta = FloorOneDigit(EtaLambdaMax / frame.LargestHessianEigenvalue);
        int b = batch == 0 ? n : batch;
        var stepBatch = draw.Batch(4, n, b);
        var noise = law == NoiseLaw.Gaussian ? draw.Gaussian(5, b, Sigma) : draw.Rademacher(5, b, Sigma);
        return new ConformanceCase(name, model, data, theta, v, eta, Sigma, b, law, stepBatch, noise);
    }

    /// <summary>x rounded down to one significant digit (0.0734 → 0.07).</summary>
    private static double FloorOneDigit(double x)
    {
        int exponent = (int)Math.Floor(Math.Log10(x));
        double power = Math.Pow(10, Math.Abs(exponent));
        return exponent >= 0 ? Math.Floor(x / power) * power : Math.Floor(x * power) / power;
    }
}

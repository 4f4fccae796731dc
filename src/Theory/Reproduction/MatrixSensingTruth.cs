using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Random;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// PROVISIONAL until the settings issue lands its generator: a matrix-sensing instance of THEORY.md §4.1, ground truth
/// <c>X* = U*U*ᵀ</c> of rank r with <c>tr X* = 1</c>, sensing matrices <c>A_i = (Z_i + Z_iᵀ)/2</c> with iid N(0,1)
/// entries, labels <c>y_i = ⟨A_i, X*⟩</c>.
/// </summary>
public sealed record MatrixSensingTruth(int Size, double[] Truth, Dataset Data)
{
    /// <summary>Draws the instance from <paramref name="seed"/>.</summary>
    public static MatrixSensingTruth Draw(int d, int rank, int n, ulong seed)
    {
        var key = CounterRandom.Key(seed, 0, 0);
        var u = new double[d * rank];
        for (int j = 0; j < u.Length; j++) u[j] = key.Gaussian(j);
        double norm = Math.Sqrt(u.Sum(v => v * v));
        for (int j = 0; j < u.Length; j++) u[j] /= norm;
        var truth = new double[d * d];
        for (int a = 0; a < d; a++)
        for (int b = 0; b < d; b++)
        for (int c = 0; c < rank; c++) truth[a * d + b] += u[a * rank + c] * u[b * rank + c];
        var x = new double[n * d * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            var z = CounterRandom.Key(seed, 1 + i, 0);
            for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
                x[i * d * d + a * d + b] = (z.Gaussian(a * d + b) + z.Gaussian(b * d + a)) / 2;
            for (int e = 0; e < d * d; e++) y[i] += x[i * d * d + e] * truth[e];
        }
        return new MatrixSensingTruth(d, truth, new Dataset(x, y, d * d));
    }

    /// <summary><c>UUᵀ</c> for θ = U (d × k, row-major).</summary>
    public double[] Product(double[] theta)
    {
        int d = Size, k = theta.Length / d;
        var x = new double[d * d];
        for (int a = 0; a < d; a++)
        for (int b = 0; b < d; b++)
        {
            double s = 0;
            for (int c = 0; c < k; c++) s += theta[a * k + c] * theta[b * k + c];
            x[a * d + b] = s;
        }
        return x;
    }

    /// <summary>The relative test error <c>‖UUᵀ − X*‖_F / ‖X*‖_F</c> (THEORY.md §4.1).</summary>
    public double TestError(double[] theta)
    {
        var x = Product(theta);
        double diff = 0, scale = 0;
        for (int e = 0; e < x.Length; e++)
        {
            diff += (x[e] - Truth[e]) * (x[e] - Truth[e]);
            scale += Truth[e] * Truth[e];
        }
        return Math.Sqrt(diff / scale);
    }

    /// <summary><c>tr(UUᵀ) = ‖U‖_F²</c>.</summary>
    public static double Trace(double[] theta) => theta.Sum(v => v * v);

    /// <summary><c>tr X*</c>.</summary>
    public double TruthTrace => Enumerable.Range(0, Size).Sum(a => Truth[a * Size + a]);
}

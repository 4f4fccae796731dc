using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// A matrix-sensing ground truth and its data (docs/theory.md §4.1): <c>X* = U*U*ᵀ</c> of rank r with
/// <c>tr X* = ||U*||_F² = 1</c>, symmetric Gaussian sensing matrices <c>A_i = (Z_i + Z_iᵀ)/2</c> with iid
/// <c>N(0,1)</c> entries, and labels <c>y_i = ⟨A_i, X*⟩</c>.
/// </summary>
/// <param name="Size">d.</param>
/// <param name="Rank">r.</param>
/// <param name="Factor">U* (row-major d × r).</param>
/// <param name="GroundTruth">X* = U*U*ᵀ (row-major d × d).</param>
/// <param name="Data">The sensing matrices (rows of length d²) and labels.</param>
public sealed record MatrixSensingProblem(int Size, int Rank, double[] Factor, double[] GroundTruth, Dataset Data)
{
    /// <summary>
    /// Draws U* with iid Gaussian entries rescaled to <c>||U*||_F = 1</c>, and n sensing matrices, from a seed
    /// (counter-based: the same seed gives the same problem on any machine).
    /// </summary>
    public static MatrixSensingProblem Draw(int d, int r, int n, ulong seed)
    {
        Guard.Positive(d, "d");
        Guard.Positive(r, "r");
        Guard.Positive(n, "n");
        if (r > d) throw new InvalidInputException("r", $"is {r}, but the rank of a {d} × {d} matrix is at most d = {d}");
        var key = CounterRandom.Key(RandomStreams.MatrixSensingProblem(seed), 0, 0);
        var factor = Enumerable.Range(0, d * r).Select(k => key.Gaussian(k)).ToArray();
        double norm = Math.Sqrt(factor.Sum(v => v * v));
        for (int k = 0; k < factor.Length; k++) factor[k] /= norm;
        var groundTruth = new double[d * d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                double s = 0;
                for (int c = 0; c < r; c++) s += factor[a * r + c] * factor[b * r + c];
                groundTruth[a * d + b] = s;
            }
        }
        var x = new double[n * d * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            var sensingKey = CounterRandom.Key(RandomStreams.MatrixSensingProblem(seed), 1, i);
            var z = Enumerable.Range(0, d * d).Select(k => sensingKey.Gaussian(k)).ToArray();
            var a = MatrixSensing.SensingMatrix(z, d);
            a.CopyTo(x, i * d * d);
            y[i] = MatrixSensing.Label(a, groundTruth, d);
        }
        return new MatrixSensingProblem(d, r, factor, groundTruth, new Dataset(x, y, d * d));
    }

    /// <summary>The recovery threshold <c>3r(2d − r)</c> of docs/theory.md §4.1 (n comfortably above it recovers X*).</summary>
    public int RecoveryThreshold => 3 * Rank * (2 * Size - Rank);

    /// <summary>The number of free entries <c>d(d+1)/2</c> of a symmetric d × d matrix: above it X* is determined by the data alone.</summary>
    public int SymmetricDimension => Size * (Size + 1) / 2;
}

using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// HaoChen, Wei, Lee and Ma's sparse-regression data (docs/theory.md §7): <c>x_i ~ N(0, I_d)</c>, a ground truth β*
/// with value 1 on s coordinates drawn without replacement and 0 elsewhere, labels <c>y_i = ⟨β*, x_i⟩</c>. Drawn from a
/// seed with counter-based randomness, so a seed gives the same problem on any machine.
/// </summary>
/// <param name="Truth">β* (length d).</param>
/// <param name="Support">The s coordinates where β* is 1, ascending.</param>
/// <param name="Data">The n rows and labels.</param>
public sealed record SparseRegressionProblem(double[] Truth, int[] Support, Dataset Data)
{
    /// <summary>d features, n examples, s-sparse β*.</summary>
    public static SparseRegressionProblem Draw(int d, int n, int s, ulong seed)
    {
        Guard.Positive(d, "d");
        Guard.Positive(n, "n");
        Guard.Positive(s, "s");
        if (s > d) throw new InvalidInputException("s", $"is {s}, more than the d = {d} coordinates");
        ulong key = CounterRandom.DeriveSeed(seed, 0x5350UL);
        var order = Enumerable.Range(0, d).ToArray();
        for (int k = 0; k < s; k++)
        {
            int pick = k + (int)Math.Min(d - k - 1, Math.Floor(CounterRandom.Uniform(key, 0, 0, k) * (d - k)));
            (order[k], order[pick]) = (order[pick], order[k]);
        }
        var support = order[..s].Order().ToArray();
        var truth = new double[d];
        foreach (int j in support) truth[j] = 1;
        var x = new double[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) x[i * d + j] = CounterRandom.Gaussian(key, 1, i, j);
            foreach (int j in support) y[i] += x[i * d + j];
        }
        return new SparseRegressionProblem(truth, support, new Dataset(x, y, d));
    }

    /// <summary>The test error <c>‖β − β*‖²</c> (docs/theory.md §7).</summary>
    public double TestError(IReadOnlyList<double> beta)
    {
        ArgumentNullException.ThrowIfNull(beta);
        Guard.Length(beta.Count, Truth.Length, "beta");
        double sum = 0;
        for (int j = 0; j < Truth.Length; j++) sum += (beta[j] - Truth[j]) * (beta[j] - Truth[j]);
        return sum;
    }
}

using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// The second and fourth moments of the normal coordinates after K steps of a linearized step rule from <c>u_0 = 0</c>
/// (docs/theory.md §2): <c>u' = M_b u + ξ_b</c> with <c>M_b = I − η′A_b</c> for batch b and Gaussian ξ_b of covariance
/// <c>Σ_b</c>, computed exactly by enumerating the batches. u stays symmetric in law, so with <c>X = M_b u</c>
/// independent of ξ: <c>E[u'⊗u'] = E[X⊗X] + Σ_b</c> and
/// <c>E[u'^{⊗4}] = E[X^{⊗4}] + Σ_{6 pairings} E[X⊗X]⊗Σ_b + Σ_{3 pairings} Σ_b⊗Σ_b</c>. The fourth moments give the
/// true standard error of a variance estimate, <c>√((E w⁴ − (E w²)²)/C)</c>: multiplicative batch noise makes the
/// chains heavy-tailed, so a Gaussian 4th moment would overstate the power.
/// </summary>
public sealed class ChainMoments
{
    private readonly int _n;
    private readonly double[] _fourth;

    private ChainMoments(Matrix<double> second, double[] fourth, int n)
    {
        Second = second;
        _fourth = fourth;
        _n = n;
    }

    /// <summary><c>E[u uᵀ]</c> in normal coordinates.</summary>
    public Matrix<double> Second { get; }

    /// <summary><c>E[(vᵀu)⁴]</c>.</summary>
    public double FourthAlong(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        double sum = 0;
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < _n; j++)
                for (int k = 0; k < _n; k++)
                    for (int l = 0; l < _n; l++)
                        sum += _fourth[Index(i, j, k, l)] * v[i] * v[j] * v[k] * v[l];
        return sum;
    }

    /// <summary><c>E[|u|⁴] = Σ_ij E[u_i² u_j²]</c>.</summary>
    public double FourthOfNorm()
    {
        double sum = 0;
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < _n; j++)
                sum += _fourth[Index(i, i, j, j)];
        return sum;
    }

    /// <summary>The moments after <paramref name="steps"/> steps of <paramref name="rule"/> (see the class summary).</summary>
    public static ChainMoments Of(StepRule rule, NormalFrame frame, Engine.Sgd.SgdProblem sgd, int steps)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        int n = frame.Count, b = sgd.Batch;
        double eta = sgd.Eta * rule.EtaFactor, sigma2 = sgd.Sigma * sgd.Sigma;
        var a = Enumerable.Range(0, n).Select(frame.GradientCoordinates).ToArray();
        var batches = rule.WithReplacement ? Tuples(n, b) : Subsets(n, b);
        var steppers = batches.Select(batch =>
        {
            var sum = Matrix<double>.Build.Dense(n, n);
            foreach (int i in batch) sum += a[i].OuterProduct(a[i]);
            var m = Matrix<double>.Build.DenseIdentity(n) - sum * (eta / b);
            var noise = rule.NoiseOnGradient
                ? Matrix<double>.Build.DenseIdentity(n) * (eta * eta * sigma2)
                : sum * (eta * eta * sigma2 * rule.NoiseVarianceFactor / ((double)b * b));
            return (M: m, Noise: noise);
        }).ToArray();
        double weight = 1.0 / steppers.Length;
        var second = Matrix<double>.Build.Dense(n, n);
        var fourth = new double[n * n * n * n];
        for (int k = 0; k < steps; k++)
        {
            var nextSecond = Matrix<double>.Build.Dense(n, n);
            var nextFourth = new double[fourth.Length];
            foreach (var (m, noise) in steppers)
            {
                var x2 = m * second * m.Transpose();
                nextSecond += (x2 + noise) * weight;
                var x4 = Transform(fourth, m, n);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        for (int q = 0; q < n; q++)
                            for (int l = 0; l < n; l++)
                            {
                                double pairs = x2[i, j] * noise[q, l] + x2[i, q] * noise[j, l] + x2[i, l] * noise[j, q]
                                             + x2[j, q] * noise[i, l] + x2[j, l] * noise[i, q] + x2[q, l] * noise[i, j];
                                double noises = noise[i, j] * noise[q, l] + noise[i, q] * noise[j, l] + noise[i, l] * noise[j, q];
                                int index = ((i * n + j) * n + q) * n + l;
                                nextFourth[index] += weight * (x4[index] + pairs + noises);
                            }
            }
            second = nextSecond;
            fourth = nextFourth;
        }
        return new ChainMoments(second, fourth, n);
    }

    /// <summary><c>M^{⊗4} T</c>: M applied along each of the four axes of T.</summary>
    private static double[] Transform(double[] t, Matrix<double> m, int n)
    {
        var current = t;
        for (int axis = 0; axis < 4; axis++)
        {
            var next = new double[current.Length];
            int stride = (int)Math.Pow(n, 3 - axis);
            for (int index = 0; index < current.Length; index++)
            {
                int coordinate = index / stride % n;
                int rest = index - coordinate * stride;
                double sum = 0;
                for (int c = 0; c < n; c++) sum += m[coordinate, c] * current[rest + c * stride];
                next[index] = sum;
            }
            current = next;
        }
        return current;
    }

    private int Index(int i, int j, int k, int l) => ((i * _n + j) * _n + k) * _n + l;

    /// <summary>All B-subsets of 0..n−1 (batches without replacement, equally likely).</summary>
    private static List<int[]> Subsets(int n, int b)
    {
        var result = new List<int[]>();
        void Extend(List<int> prefix, int start)
        {
            if (prefix.Count == b) { result.Add(prefix.ToArray()); return; }
            for (int i = start; i < n; i++) { prefix.Add(i); Extend(prefix, i + 1); prefix.RemoveAt(prefix.Count - 1); }
        }
        Extend([], 0);
        return result;
    }

    /// <summary>All ordered B-tuples of 0..n−1 (batches with replacement, equally likely).</summary>
    private static List<int[]> Tuples(int n, int b)
    {
        var result = new List<int[]> { Array.Empty<int>() };
        for (int j = 0; j < b; j++) result = result.SelectMany(t => Enumerable.Range(0, n).Select(i => t.Append(i).ToArray())).ToList();
        return result;
    }
}

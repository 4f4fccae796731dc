using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// How far above its minimum Σφ(v*) label-noise SGD keeps reg at the equal split, at rest (docs/theory.md §4.3, "The
/// along-M offset at the equal split"): the chains' projections sit at a shifted point of M, and spread along M around
/// it. Both are computed on the symmetric plane (<see cref="SymmetricSigmoid"/>), where M is a curve with tangent
/// coordinate x = t*·(Proj θ − θ*) and normal coordinate a.
/// <list type="bullet">
/// <item><b>Shift.</b> The mean tangent step b(x) of the chain whose normal coordinate is at rest on the normal line
/// through the point of M at x: <c>b(x) = E_π E_ε [x(θ′) − x(θ)]</c>, π the stationary law of a (computed on a grid,
/// the normal map's transition by quadrature over ε), θ′ one SGD step. b(0) ≠ 0: finite η moves the resting point off
/// the minimum. The mean of x rests where b(x̄) = 0 (secant iteration), and the shift's excess is
/// <c>reg(Proj(θ* + x̄ t*)) − reg(θ*)</c>.</item>
/// <item><b>Spread.</b> The tangent step's noise is third order in a: <c>(c/2|g|) a_k² (a_{k+1} − a_k)</c>,
/// <c>c = t*·∇³h[ĝ, ĝ]</c>, with <c>a_{k+1} = β a_k + s ε_k</c>, <c>β = 1 − ηλ</c>, <c>s = η|g|σ</c>, λ = |g|². Its long-run
/// variance per step D follows from the Poisson equation of the AR(1) map (exact for Gaussian ε), and with the restoring
/// rate <c>¼η²σ²K</c> (K reg's curvature along M) the spread adds <c>½K · D/(2 · ¼η²σ²K) = D/(η²σ²)</c> (equipartition).</item>
/// </list>
/// </summary>
/// <param name="Shift">x̄, the resting point's tangent coordinate.</param>
/// <param name="ShiftExcess">reg at the resting point above Σφ(v*).</param>
/// <param name="SpreadExcess"><c>D/(η²σ²)</c>.</param>
/// <param name="Rate">The leading restoring rate per step, <c>¼η²σ²K</c>.</param>
/// <param name="Remainder">The stated relative remainder ηλ of the leading-order terms left out (docs/theory.md §4.3).</param>
public sealed record EqualSplitExcess(double Shift, double ShiftExcess, double SpreadExcess, double Rate, double Remainder)
{
    /// <summary>The predicted excess of the chains' mean reg above Σφ(v*).</summary>
    public double Excess => ShiftExcess + SpreadExcess;

    /// <summary>
    /// The bias bound of the excess read after <paramref name="steps"/> steps: <c>(ηλ + e^{−rate · steps}) · excess</c>,
    /// the remainder and the part not yet relaxed when the chains entered the minimum's neighbourhood at the start.
    /// </summary>
    public double Bias(int steps) => (Remainder + Math.Exp(-Rate * steps)) * Excess;

    private const int Grid = 401, Nodes = 321;

    /// <summary>The excess at the equal split of y over m neurons with <c>C = ‖x‖² + 1</c>, for a Gaussian-noise plan.</summary>
    public static EqualSplitExcess Of(double y, double c, int m, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        if (sgd.Noise != NoiseLaw.Gaussian) throw new InvalidInputException("noise", "the along-M offset is derived for Gaussian label noise");
        var plane = new SymmetricSigmoid(y, c, m);
        var star = plane.EqualSplit();
        double eta = sgd.Eta, sigma = sgd.Sigma;
        var n = plane.Normal(star);
        double[] t = [-n[1], n[0]];
        double lambda = plane.Reg(star), norm = Math.Sqrt(lambda);
        double rate = 0.25 * eta * eta * sigma * sigma * plane.RegCurvatureAlongM(star);
        double Drift(double x) => MeanStep(plane, plane.Project([star[0] + x * t[0], star[1] + x * t[1]]), star, t, eta, sigma);
        double x0 = 0, b0 = Drift(0), x1 = b0 / rate, b1 = Drift(x1);
        for (int k = 0; k < 8 && Math.Abs(b1) > 1e-4 * Math.Abs(b0) && b1 != b0; k++)
        {
            double x2 = x1 - b1 * (x1 - x0) / (b1 - b0);
            (x0, b0, x1, b1) = (x1, b1, x2, Drift(x2));
        }
        var rest = plane.Project([star[0] + x1 * t[0], star[1] + x1 * t[1]]);
        double cn = Dot(t, plane.Third(star, n));
        double spread = cn * cn / (4 * lambda) * LongRunVariance(eta * lambda, eta * norm * sigma) / (eta * eta * sigma * sigma);
        return new EqualSplitExcess(x1, plane.Reg(rest) - lambda, spread, rate, eta * lambda);
    }

    /// <summary>
    /// b at the point <paramref name="basePoint"/> of M: the stationary law of the normal coordinate on the grid
    /// <c>a ∈ [−10√S, 10√S]</c> (S = ησ²/(2 − ηλ)), the next step's normal coordinate deposited linearly on the grid, power
    /// iteration to rest; then the mean tangent step.
    /// </summary>
    private static double MeanStep(SymmetricSigmoid plane, double[] basePoint, double[] star, double[] t, double eta, double sigma)
    {
        var n = plane.Normal(basePoint);
        double s = eta * sigma * sigma / (2 - eta * plane.Reg(basePoint)), half = 10 * Math.Sqrt(s), h = 2 * half / (Grid - 1);
        var (eps, w) = GaussianNodes();
        var transition = new double[Grid, Grid];
        var step = new double[Grid];
        for (int i = 0; i < Grid; i++)
        {
            double a = -half + i * h;
            double[] theta = [basePoint[0] + a * n[0], basePoint[1] + a * n[1]];
            double from = Tangent(plane.Project(theta), star, t);
            for (int q = 0; q < Nodes; q++)
            {
                var next = plane.Step(theta, eta, sigma, eps[q]);
                var foot = plane.Project(next);
                var nf = plane.Normal(foot);
                double an = (next[0] - foot[0]) * nf[0] + (next[1] - foot[1]) * nf[1];
                step[i] += w[q] * (Tangent(foot, star, t) - from);
                double position = Math.Clamp((an + half) / h, 0, Grid - 1);
                int j = Math.Min((int)position, Grid - 2);
                double f = position - j;
                transition[i, j] += w[q] * (1 - f);
                transition[i, j + 1] += w[q] * f;
            }
        }
        var law = new double[Grid];
        for (int i = 0; i < Grid; i++)
        {
            double a = -half + i * h;
            law[i] = Math.Exp(-a * a / (2 * s));
        }
        for (int sweep = 0; sweep < 400; sweep++)
        {
            var next = new double[Grid];
            for (int i = 0; i < Grid; i++)
            {
                if (law[i] == 0) continue;
                for (int j = 0; j < Grid; j++) next[j] += law[i] * transition[i, j];
            }
            double total = next.Sum();
            for (int j = 0; j < Grid; j++) law[j] = next[j] / total;
        }
        double mean = 0;
        for (int i = 0; i < Grid; i++) mean += law[i] * step[i];
        return mean;
    }

    /// <summary>
    /// The long-run variance per step of <c>ξ_k = a_k²(a_{k+1} − a_k)</c> for <c>a_{k+1} = β a_k + s ε_k</c>, β = 1 − μ,
    /// Gaussian ε: with the Poisson solution <c>u(a) = p a³ + q a</c> of <c>u − Pu = −μa³</c> (<c>p = −μ/(1 − β³)</c>,
    /// <c>q = 3pβs²/μ</c>) the martingale increment is <c>A a²ε + B a(ε² − 1) + C ε³ + D ε</c> with <c>A = s(1 + 3pβ²)</c>,
    /// <c>B = 3pβs²</c>, <c>C = ps³</c>, <c>D = qs</c>, and its variance, with <c>V = s²/(1 − β²)</c>, is
    /// <c>3V²A² + 2VB² + 15C² + D² + 6ACV + 2ADV + 6CD</c>.
    /// </summary>
    public static double LongRunVariance(double mu, double s)
    {
        double beta = 1 - mu, v = s * s / (1 - beta * beta);
        double p = -mu / (1 - beta * beta * beta), q = 3 * p * beta * s * s / mu;
        double a = s * (1 + 3 * p * beta * beta), b = 3 * p * beta * s * s, c = p * s * s * s, d = q * s;
        return 3 * v * v * a * a + 2 * v * b * b + 15 * c * c + d * d + 6 * a * c * v + 2 * a * d * v + 6 * c * d;
    }

    private static double Tangent(double[] point, double[] star, double[] t) => (point[0] - star[0]) * t[0] + (point[1] - star[1]) * t[1];

    private static double Dot(double[] u, double[] v) => u[0] * v[0] + u[1] * v[1];

    /// <summary>ε nodes on [−8, 8], 321 equally spaced, with weights ∝ e^{−ε²/2} summing to 1 (spectrally accurate for smooth integrands).</summary>
    private static (double[] Nodes, double[] Weights) GaussianNodes()
    {
        var x = Enumerable.Range(0, Nodes).Select(i => -8 + 16.0 * i / (Nodes - 1)).ToArray();
        var w = x.Select(e => Math.Exp(-e * e / 2)).ToArray();
        double total = w.Sum();
        return (x, [.. w.Select(v => v / total)]);
    }
}

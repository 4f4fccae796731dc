using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Conformance.Run;

/// <summary>
/// A label-noise SGD step rule, correct (docs/theory.md §1) or one of the wrong ones <c>run</c> must reject, described by
/// what it does to the linearized dynamics of §2: an effective step η′, a noise variance factor, batches with or without
/// replacement, and noise on the labels or on the gradient.
/// </summary>
/// <param name="Name">What the rule is.</param>
/// <param name="EtaFactor">η′/η: 1; B/n for a gradient averaged over n; 2 without the ½ in the loss.</param>
/// <param name="NoiseVarianceFactor">The label-noise variance over σ² (2 for σ off by √2).</param>
/// <param name="WithReplacement">Batches of B independent uniform indices.</param>
/// <param name="NoiseOnGradient">Noise <c>η′ σ ξ</c>, <c>ξ ~ N(0, I_p)</c>, added to the step instead of to the labels.</param>
public sealed record StepRule(string Name, double EtaFactor = 1, double NoiseVarianceFactor = 1, bool WithReplacement = false,
    bool NoiseOnGradient = false)
{
    /// <summary>The rule of docs/theory.md §1.</summary>
    public static StepRule Correct { get; } = new("correct");

    /// <summary>The wrong rules of the issue, with the power <c>run</c> must have against each.</summary>
    public static IReadOnlyList<StepRule> Wrong(int n, int b) =>
    [
        new("noise scale sigma*sqrt2", NoiseVarianceFactor: 2),
        new("noise scale sigma/sqrt2", NoiseVarianceFactor: 0.5),
        new("batches with replacement", WithReplacement: true),
        new("gradient averaged over n instead of B", EtaFactor: (double)b / n),
        new("missing 1/2 in the loss", EtaFactor: 2),
        new("noise added to the gradient", NoiseOnGradient: true),
    ];

    /// <summary>
    /// <c>(S_K, Σ_{k&lt;K} S_k)</c> of this rule in the normal coordinates of <paramref name="frame"/> (docs/theory.md §2):
    /// <c>T(S) = S − η′(GS + SG) + η′² E[ASA]</c>, with <c>E[ASA]</c> from <see cref="SecondMomentMap"/> without
    /// replacement and <c>(1/(Bn)) Σ_i (a_iᵀSa_i) a_i a_iᵀ + ((B−1)/B) GSG</c> with replacement; noise
    /// <c>(η′² f σ²/B) G</c> on the labels or <c>η′² σ² I</c> on the gradient.
    /// </summary>
    public (Matrix<double> Final, Matrix<double> Sum) Moments(NormalFrame frame, Engine.Sgd.SgdProblem sgd, int steps)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        int n = frame.Count, b = sgd.Batch;
        double eta = sgd.Eta * EtaFactor, sigma2 = sgd.Sigma * sgd.Sigma;
        var g = frame.NormalHessian;
        var a = Enumerable.Range(0, n).Select(frame.GradientCoordinates).ToArray();
        Func<Matrix<double>, Matrix<double>> expectedAsa;
        if (WithReplacement)
        {
            expectedAsa = s =>
            {
                var diagonal = Matrix<double>.Build.Dense(n, n);
                foreach (var ai in a) diagonal += ai.OuterProduct(ai) * (ai * (s * ai));
                return diagonal / (b * (double)n) + g * s * g * ((b - 1.0) / b);
            };
        }
        else
        {
            var map = new SecondMomentMap(frame, sgd with { Eta = eta });
            expectedAsa = map.ExpectedASA;
        }
        var noise = NoiseOnGradient
            ? Matrix<double>.Build.DenseIdentity(n) * (eta * eta * sigma2)
            : g * (eta * eta * sigma2 * NoiseVarianceFactor / b);
        return TransientMoments.Of(s => s - (g * s + s * g) * eta + expectedAsa(s) * (eta * eta), noise, steps);
    }
}

using System.Globalization;
using NoiseDrift.Engine.Models;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Theory.Verdicts;

/// <summary>
/// The built-in theory cases on the paper's three settings (docs/theory.md §4), one each, small enough that the battery on
/// them adds seconds: matrix sensing, the 1-D ReLU network and the sigmoid network on one point. Each sits on M
/// (labels are the model's outputs), has full-rank J and a non-zero <c>P∇reg</c>, and keeps
/// <c>λ_max(S) = </c><see cref="TheoryBattery.OuScale"/> like the other built-in cases.
/// </summary>
public static class SettingCases
{
    /// <summary>
    /// The ReLU case's least distance from a data point to a kink, in units of the OU spread: at least this many
    /// root-mean-square sizes <c>sqrt(tr S)</c> of <c>||u||</c>, scaled by <c>sqrt(x² + 1)</c>, separate every
    /// pre-activation <c>w_j x_i + b_j</c> from 0 (docs/theory.md §4.2: the closed forms hold off the kinks).
    /// For a Gaussian u in n = 3 dimensions a 10-fold excursion has probability below 1e-20.
    /// </summary>
    public const double MinimumKinkMargin = 10;

    /// <summary>
    /// matrix_sensing, relu1d and sigmoid2 cases (docs/theory.md §4.1–§4.3; the sensing matrices come from the seed) and the
    /// quadratic model (docs/theory.md §7).
    /// </summary>
    public static IReadOnlyList<TheoryCase> All(ulong seed) => [MatrixSensingCase(seed), Relu1DCase(), Sigmoid2Case(), QuadraticCase()];

    /// <summary>
    /// §4.1: d = 2, k = 2, n = 2 symmetric Gaussian sensing matrices (from the seed, <see cref="MatrixSensingProblem"/>),
    /// a fixed invertible U, full batch, <c>η λ_max = 0.2</c>. n stays below <c>d(d+1)/2 = 3</c>: with n = 3 the data
    /// fix UUᵀ, M is the rotation orbit <c>U → UR</c>, reg is constant on it and there is no drift to measure.
    /// </summary>
    public static TheoryCase MatrixSensingCase(ulong seed)
    {
        var problem = MatrixSensingProblem.Draw(2, 1, 2, seed);
        double[] u = [0.9, 0.2, -0.3, 0.7];
        return TheoryCase.Interpolating("matrix_sensing d=2 k=2 n=2 full batch", new MatrixSensing(2, 2),
            problem.Data.X, u, 0.2, 1.0).WithOuScale(TheoryBattery.OuScale);
    }

    /// <summary>
    /// §4.2: width 3, data x = (−1, 0.2, 1.1), kinks at −0.5 (w &gt; 0), 0.5 (w &lt; 0) and −1.5 (w &gt; 0), so each
    /// neuron is active on some points and no kink is near a data point; unbalanced, so <c>P∇reg ≠ 0</c>. Full batch,
    /// <c>η λ_max = 0.2</c>. Throws if a kink comes within <see cref="MinimumKinkMargin"/> OU spreads of a data point.
    /// </summary>
    public static TheoryCase Relu1DCase()
    {
        double[] theta = [1.0, -1.2, 0.8, 0.5, 0.6, 1.2, 0.7, -0.9, 0.5, 0.1];
        var @case = TheoryCase.Interpolating("relu1d m=3 n=3 full batch", Mlp.Relu1D(3), [-1.0, 0.2, 1.1], theta, 0.2, 1.0)
            .WithOuScale(TheoryBattery.OuScale);
        double margin = KinkMargin(@case);
        if (margin < MinimumKinkMargin)
            throw new InvalidOperationException($"relu1d case: a kink is only {margin:G3} OU spreads from a data point");
        return @case with { Name = string.Create(CultureInfo.InvariantCulture, $"relu1d m=3 n=3 full batch kinks>{Math.Floor(margin)}sd") };
    }

    /// <summary>§4.3: input 2, width 2, the single point x = (0.6, −0.8) (C = 2), full batch, <c>η λ_max = 0.2</c>.</summary>
    public static TheoryCase Sigmoid2Case()
    {
        double[] theta = [0.5, -0.3, -0.4, 0.7, 0.1, -0.2, 1.2, 0.8];
        return TheoryCase.Interpolating("sigmoid2 2-in m=2 n=1", Mlp.TwoLayerSigmoid(2, 2), [0.6, -0.8], theta, 0.2, 1.0)
            .WithOuScale(TheoryBattery.OuScale);
    }

    /// <summary>
    /// docs/theory.md §7: <c>h = ⟨θ⊙θ, x⟩</c> with d = 4, n = 2 fixed rows, θ with every entry away from 0 (J of full
    /// rank, β in the interior of the orthant), full batch, <c>η λ_max = 0.2</c>. reg = 4⟨h̄, β⟩ is not stationary on
    /// M there, so <c>P∇reg ≠ 0</c>.
    /// </summary>
    public static TheoryCase QuadraticCase()
    {
        double[] x = [0.8, -1.2, 0.3, 1.5, -0.4, 0.9, 1.1, -0.7];
        double[] theta = [0.9, 0.5, -0.7, 0.6];
        return TheoryCase.Interpolating("quadratic d=4 n=2 full batch", new QuadraticLinear(4), x, theta, 0.2, 1.0)
            .WithOuScale(TheoryBattery.OuScale);
    }

    /// <summary>
    /// <c>min_ij |w_j x_i + b_j| / (sqrt(x_i² + 1) · sqrt(tr S))</c> at the case's θ*, with S the exact stationary
    /// covariance under the case's SGD settings at ten times its OU scale (the slow-flow check runs there).
    /// </summary>
    public static double KinkMargin(TheoryCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var setting = new Relu1DSetting((@case.Theta.Length - 1) / 3, @case.Theta, @case.Data);
        double spread = Math.Sqrt(10 * Ou.StationaryCovariance.Exact(@case.Frame, @case.Sgd).Trace);
        double margin = double.PositiveInfinity;
        for (int i = 0; i < setting.Count; i++)
        {
            for (int j = 0; j < setting.Width; j++)
                margin = Math.Min(margin, Math.Abs(setting.PreActivation(i, j)) / Math.Sqrt(setting.X(i) * setting.X(i) + 1));
        }
        return margin / spread;
    }
}

using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Manifold;

/// <summary>
/// A smooth map onto the zero-loss manifold M (docs/theory.md §3.11): the limit of the Gauss–Newton flow
/// <c>dθ/ds = −J⁺(θ) r(θ)</c>, along which the residuals fall as <c>r(s) = e^{−s} r(0)</c>, integrated by classical
/// Runge–Kutta steps in s until <c>max_i |r_i|</c> is below <see cref="Handover"/>, then finished by
/// <see cref="ZeroLossProjection.Project"/>, whose full Gauss–Newton steps converge quadratically from there. Unlike
/// the Gauss–Newton iteration from a distant start, whose step halvings make it jump between branches where θ is
/// beyond the reach of M, this is a smooth function of θ wherever J keeps full rank along the flow.
/// </summary>
public static class GaussNewtonFlowProjection
{
    /// <summary>The flow-time step of the Runge–Kutta integration.</summary>
    public const double Step = 0.25;

    /// <summary>The residual below which the flow hands over to Gauss–Newton.</summary>
    public const double Handover = 1e-9;

    /// <summary>
    /// The limit of the Gauss–Newton flow from θ. Throws as <see cref="ZeroLossProjection.Project"/> does
    /// (<see cref="InvalidInputException"/> where J loses rank on the way).
    /// </summary>
    public static double[] Project(Model model, Dataset data, ReadOnlySpan<double> theta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.ValidateData(data);
        model.ValidateTheta(theta);
        int p = model.ParameterCount;
        var current = theta.ToArray();
        var stage = new double[p];
        var k = new double[4][];
        for (int j = 0; j < 4; j++) k[j] = new double[p];
        var gram = new GramFactorization(model, data);
        double worst = Velocity(model, gram, current, k[0]);
        if (!double.IsFinite(worst)) throw new ArithmeticException("GaussNewtonFlowProjection: a residual is not finite");
        int steps = worst > Handover ? (int)Math.Ceiling(Math.Log(worst / Handover) / Step) : 0;
        for (int s = 0; s < steps; s++)
        {
            if (s > 0) Velocity(model, gram, current, k[0]);
            Stage(current, k[0], Step / 2, stage);
            Velocity(model, gram, stage, k[1]);
            Stage(current, k[1], Step / 2, stage);
            Velocity(model, gram, stage, k[2]);
            Stage(current, k[2], Step, stage);
            Velocity(model, gram, stage, k[3]);
            for (int q = 0; q < p; q++) current[q] += Step / 6 * (k[0][q] + 2 * k[1][q] + 2 * k[2][q] + k[3][q]);
        }
        return ZeroLossProjection.Project(model, data, current);
    }

    /// <summary>
    /// <c>v = −J⁺ r</c> at θ, refactoring <paramref name="gram"/> there (the checks of <see cref="TangentProjector"/>'s
    /// constructor on θ included); returns <c>max_i |r_i|</c>.
    /// </summary>
    private static double Velocity(Model model, GramFactorization gram, double[] theta, double[] velocity)
    {
        model.ValidateTheta(theta);
        gram.Factor(theta);
        gram.MinimumNormSolution(gram.Residuals, velocity);
        for (int q = 0; q < velocity.Length; q++) velocity[q] = -velocity[q];
        return ZeroLossProjection.MaxAbs(gram.Residuals);
    }

    private static void Stage(double[] theta, double[] slope, double h, double[] result)
    {
        for (int q = 0; q < theta.Length; q++) result[q] = theta[q] + h * slope[q];
    }
}

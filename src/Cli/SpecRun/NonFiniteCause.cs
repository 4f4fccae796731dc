using System.Globalization;
using System.Numerics.Tensors;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory;
using NoiseDrift.Theory.Experiments;

namespace NoiseDrift.Cli.SpecRun;

/// <summary>
/// A non-finite intermediate is bad input (docs/theory.md §1: every prediction is a finite function of finite θ*, data,
/// η, σ), refused on the spec field that caused it. With finite inputs, overflow starts in the model's derivatives
/// at θ* — <c>g_i = ∇_θ h(x_i; θ*)</c>, <c>H_i v</c>, the row's <c>∇reg</c> — for one data row (its numbers, or θ*'s, are too large for
/// double precision), or else in S, which scales as σ².
/// </summary>
internal static class NonFiniteCause
{
    /// <summary>Refuses <paramref name="summary"/> if any of its numbers is not finite, naming the cause.</summary>
    public static void Require(TheoryCase @case, PredictionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double[] scalars = [summary.Reg, summary.OuCovarianceLeading, summary.RegChangeLeading, summary.RegChangeExact, summary.StepSizeLimit];
        bool finite = scalars.All(double.IsFinite)
            && new[] { summary.GradReg, summary.PGradReg, summary.DriftLeading, summary.DriftExact, summary.OuCovariance.Eigenvalues }
                .All(v => TensorPrimitives.Sum(v) is var sum && double.IsFinite(sum) && v.All(double.IsFinite));
        if (finite) return;
        throw InDerivatives(@case) ?? new InvalidInputException("sgd.sigma",
            "a prediction is not finite although the model's derivatives at θ* are: η σ² is too large for double precision");
    }

    /// <summary>The data row (or θ*) whose derivatives at θ* are not finite, or null when they all are.</summary>
    public static InvalidInputException? InDerivatives(TheoryCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var (model, data, theta) = (@case.Model, @case.Data, @case.Theta);
        int p = model.ParameterCount;
        var ws = model.CreateWorkspace(1);
        var gradient = new double[p];
        var product = new double[p];
        var v = Enumerable.Repeat(1 / Math.Sqrt(p), p).ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            if (Finite(() =>
                {
                    double h = model.Gradient(theta, data.Row(i), gradient, ws);
                    bool finite = double.IsFinite(h) && double.IsFinite(TensorPrimitives.SumOfSquares(gradient));
                    model.HessianVector(theta, data.Row(i), v, product, ws);
                    finite &= double.IsFinite(TensorPrimitives.Sum(product)) && product.All(double.IsFinite);
                    finite &= double.IsFinite(model.RegGradient(theta, data.Row(i), product, ws));
                    return finite && double.IsFinite(TensorPrimitives.Sum(product)) && product.All(double.IsFinite);
                }))
            {
                continue;
            }
            double xMax = TensorPrimitives.MaxMagnitude(data.Row(i)), thetaMax = TensorPrimitives.MaxMagnitude(theta);
            return Math.Abs(xMax) >= Math.Abs(thetaMax)
                ? new InvalidInputException($"data.x[{i}]", string.Create(CultureInfo.InvariantCulture,
                    $"the derivatives of h at θ* are not finite for this row (max |x| = {Math.Abs(xMax):G3}): its numbers are too large for double precision"))
                : new InvalidInputException("theta", string.Create(CultureInfo.InvariantCulture,
                    $"the derivatives of h at θ* are not finite for data row {i} (max |θ*| = {Math.Abs(thetaMax):G3}): θ* is too large for double precision"));
        }
        return null;
    }

    private static bool Finite(Func<bool> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (InvalidInputException)
        {
            return false;
        }
    }
}

using Google.OrTools.LinearSolver;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The <c>h̄</c>-weighted minimum-ℓ1 interpolant towards which label noise drifts on the quadratic model
/// (docs/theory.md §7): <c>min ⟨h̄, |β|⟩ subject to Xβ = y</c>, with <c>β ≥ 0</c> for <c>⟨θ⊙θ, x⟩</c> (a linear
/// program as it stands) or β free for the signed form (split as <c>β = β⁺ − β⁻</c>, both ≥ 0). Solved by GLOP, the
/// simplex solver of Google OR-Tools.
/// </summary>
public static class WeightedBasisPursuit
{
    /// <summary>
    /// The solution β (length d). Throws <see cref="InvalidOperationException"/> naming GLOP's status when it does not
    /// report an optimum (for example, no non-negative interpolant exists).
    /// </summary>
    public static double[] Solve(Dataset data, IReadOnlyList<double> weights, bool nonNegative)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(weights);
        int d = data.Dimension;
        Guard.Length(weights.Count, d, "weights");
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver");
        var plus = Enumerable.Range(0, d).Select(j => solver.MakeNumVar(0, double.PositiveInfinity, $"b{j}")).ToArray();
        var minus = nonNegative ? [] : Enumerable.Range(0, d).Select(j => solver.MakeNumVar(0, double.PositiveInfinity, $"m{j}")).ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            var row = data.Row(i);
            var fit = solver.MakeConstraint(data.Y[i], data.Y[i]);
            for (int j = 0; j < d; j++)
            {
                fit.SetCoefficient(plus[j], row[j]);
                if (!nonNegative) fit.SetCoefficient(minus[j], -row[j]);
            }
        }
        var objective = solver.Objective();
        for (int j = 0; j < d; j++)
        {
            objective.SetCoefficient(plus[j], weights[j]);
            if (!nonNegative) objective.SetCoefficient(minus[j], weights[j]);
        }
        objective.SetMinimization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"GLOP: the weighted basis-pursuit LP ended {status}");
        return [.. Enumerable.Range(0, d).Select(j => plus[j].SolutionValue() - (nonNegative ? 0 : minus[j].SolutionValue()))];
    }
}

using Google.OrTools.ModelBuilder;
using Google.Protobuf;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;
using OperationsResearch;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// Pillaud-Vivien, Reygner and Flammarion's finite-noise limit on the quadratic model (docs/theory.md §7): the
/// non-negative weighted Lasso <c>min ‖X̄β − ȳ‖² + δ̄⟨h̄, β⟩ over β ≥ 0</c>, <c>X̄ = X/√n</c>, <c>ȳ = y/√n</c>. It is
/// posed for PDLP (Google OR-Tools' first-order solver, which takes convex quadratic objectives) with the residuals as
/// free variables, so that the quadratic term is diagonal: <c>min Σ_k r_k² + δ̄⟨h̄, β⟩ subject to X̄β − r = ȳ</c>.
/// OR-Tools' .NET interface reads a quadratic objective only from a model proto, so the model passes through a
/// temporary file.
/// </summary>
public static class NonNegativeWeightedLasso
{
    /// <summary>PDLP's relative and absolute optimality tolerance.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The minimiser β (length d); throws <see cref="InvalidOperationException"/> unless PDLP reports an optimum.</summary>
    public static double[] Solve(Dataset data, IReadOnlyList<double> weights, double deltaBar)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(weights);
        int d = data.Dimension, n = data.Count;
        Guard.Length(weights.Count, d, "weights");
        Guard.NonNegative(deltaBar, "deltaBar");
        double scale = 1 / Math.Sqrt(n);
        var proto = new MPModelProto();
        for (int j = 0; j < d; j++)
            proto.Variable.Add(new MPVariableProto { LowerBound = 0, UpperBound = double.PositiveInfinity, ObjectiveCoefficient = deltaBar * weights[j] });
        var quadratic = new MPQuadraticObjective();
        for (int k = 0; k < n; k++)
        {
            proto.Variable.Add(new MPVariableProto { LowerBound = double.NegativeInfinity, UpperBound = double.PositiveInfinity });
            quadratic.Qvar1Index.Add(d + k);
            quadratic.Qvar2Index.Add(d + k);
            quadratic.Coefficient.Add(1.0);
            var row = data.Row(k);
            var fit = new MPConstraintProto { LowerBound = scale * data.Y[k], UpperBound = scale * data.Y[k] };
            for (int j = 0; j < d; j++)
            {
                fit.VarIndex.Add(j);
                fit.Coefficient.Add(scale * row[j]);
            }
            fit.VarIndex.Add(d + k);
            fit.Coefficient.Add(-1.0);
            proto.Constraint.Add(fit);
        }
        proto.QuadraticObjective = quadratic;
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, proto.ToByteArray());
            var model = new Model();
            if (!model.Helper.ReadModelFromProtoFile(path))
                throw new InvalidOperationException("OR-Tools could not read the weighted-Lasso model proto");
            var solver = new Solver("pdlp");
            solver.SetSolverSpecificParameters(FormattableString.Invariant(
                $"termination_criteria {{ simple_optimality_criteria {{ eps_optimal_relative: {Tolerance:R} eps_optimal_absolute: {Tolerance:R} }} }}"));
            var status = solver.Solve(model);
            if (status != SolveStatus.OPTIMAL)
                throw new InvalidOperationException($"PDLP: the weighted Lasso ended {status}");
            return [.. Enumerable.Range(0, d).Select(j => solver.Value(model.VarFromIndex(j)))];
        }
        finally
        {
            File.Delete(path);
        }
    }
}

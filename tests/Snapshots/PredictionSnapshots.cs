using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Ou;
using NoiseDrift.Theory.Verdicts;
using Snapshooter.Xunit;
using Xunit;

namespace NoiseDrift.Snapshots;

/// <summary>
/// The predictions of docs/theory.md §2–§3 for the built-in theory cases (seed 1): hyper-parameters, the spectrum of G,
/// reg, ||P∇reg||, exact and leading drift and their ratio, the predicted per-step reg change, and the OU spectra
/// (exact finite-η S and leading order ησ²/(2B), eigenvalues ascending). Pure functions of the case, so any
/// change in a formula shows up as a diff in this table.
/// </summary>
public sealed class PredictionSnapshots
{
    [Fact]
    public void Built_in_case_predictions()
    {
        var rows = TheoryBattery.BuiltInCases(1).Select(@case =>
        {
            var p = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
            double exact = Norm(p.Exact), leading = Norm(p.Leading);
            return new
            {
                Case = @case.Name,
                Eta = Rounding.Six(@case.Sgd.Eta),
                Sigma = Rounding.Six(@case.Sgd.Sigma),
                @case.Sgd.Batch,
                HessianEigenvalues = Rounding.Six(@case.Frame.HessianEigenvalues),
                Reg = Rounding.Six(p.Regularizer.Reg),
                TangentGradientNorm = Rounding.Six(p.Regularizer.TangentGradientNorm),
                DriftExactNorm = Rounding.Six(exact),
                DriftLeadingNorm = Rounding.Six(leading),
                ExactOverLeading = Rounding.Six(exact / leading),
                RegChangeExact = Rounding.Six(p.ExactRegChange),
                RegChangeLeading = Rounding.Six(p.LeadingRegChange),
                OuExact = Rounding.Six(p.Covariance.Eigenvalues),
                OuLeading = Rounding.Six(StationaryCovariance.LeadingOrder(@case.Frame, @case.Sgd).Eigenvalues),
            };
        }).ToList();
        Snapshot.Match(rows);
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
}

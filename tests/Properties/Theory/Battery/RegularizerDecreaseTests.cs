using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Drift;
using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Verdicts;
using Xunit;

namespace NoiseDrift.Properties.Theory.Battery;

/// <summary>
/// docs/theory.md §3 "Regularizer": reg of the projected iterate changes by ∇reg·d per step. Error budget: z·SE over
/// independent antithetic pairs (z ≈ 6.6, α = 1e-6 over 20,000 comparisons) plus the stated bias
/// (base-point motion K‖∇d‖ and the remainder 100·λ_max(S)) times the predicted rate.
/// </summary>
public sealed class RegularizerDecreaseTests
{
    private static readonly RunPlan Plan = RunPlan.Antithetic(200, 5000, 0, Cases.Seed);

    [Fact]
    public void Reg_of_projected_iterate_decreases_at_the_exact_rate_with_power()
    {
        var @case = Cases.Tanh;
        var prediction = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd);
        var experiment = ChainExperiment.Run(@case, Plan, prediction.Covariance);
        var rate = RegularizerDecreaseCheck.MeasuredRate(experiment);
        var verdict = RegularizerDecreaseCheck.Judge(@case, Plan, prediction, rate, prediction.ExactRegChange);
        Verdicts.AllPass([verdict]);
        Assert.True(rate.Mean < 0, "reg must decrease");

        double exact = prediction.ExactRegChange;
        Verdicts.Rejected(verdict, -exact, "sign flipped");
        Verdicts.Rejected(verdict, 2 * exact, "factor 2");
        var withoutP = Unprojected(@case, prediction);
        Verdicts.Rejected(verdict, Vectors(prediction.Regularizer.Gradient, withoutP), "P left out");
        var wrongBatch = TangentDrift.At(@case.Model, @case.Theta, @case.Data, @case.Sgd with { Batch = 1 });
        Verdicts.Rejected(verdict, wrongBatch.ExactRegChange, "B = 1 instead of n");
    }

    [Fact]
    public void Minibatch_reg_decrease_matches()
    {
        Verdicts.AllPass([RegularizerDecreaseCheck.Run(Cases.Minibatch, Plan with { Chains = 200 })]);
    }

    /// <summary><c>−η (1/n) Σ_i H_i S g_i</c> without the final projection P.</summary>
    internal static double[] Unprojected(NoiseDrift.Theory.Experiments.TheoryCase @case, DriftPrediction prediction)
    {
        var model = @case.Model;
        int n = @case.Count, p = model.ParameterCount;
        var ws = model.CreateWorkspace(n);
        var sum = new double[p];
        var product = new double[p];
        for (int i = 0; i < n; i++)
        {
            var direction = @case.Frame.Embed((prediction.Covariance.Matrix * @case.Frame.GradientCoordinates(i)).ToArray());
            model.HessianVector(@case.Theta, @case.Data.Row(i), direction, product, ws);
            for (int k = 0; k < p; k++) sum[k] -= @case.Sgd.Eta / n * product[k];
        }
        return sum;
    }

    private static double Vectors(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}

using NoiseDrift.Theory.Experiments;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Properties.Theory.Simulation;

/// <summary>
/// The "P left out" perturbation of docs/theory.md §5: <c>−η (1/n) Σ_i H_i S g_i</c> without the final tangent projection,
/// computed as the exact-S drift of §3 is (one Hessian-vector product per example along <c>Q S a_i</c>,
/// <c>a_i = Qᵀ g_i</c>), and left unprojected.
/// </summary>
internal static class UnprojectedDrift
{
    public static double[] Of(TheoryCase @case, OuCovariance covariance)
    {
        var frame = @case.Frame;
        int n = frame.Count, p = frame.ParameterCount;
        var ws = @case.Model.CreateWorkspace(n);
        var sum = new double[p];
        var product = new double[p];
        for (int i = 0; i < n; i++)
        {
            var direction = frame.Embed((covariance.Matrix * frame.GradientCoordinates(i)).ToArray());
            @case.Model.HessianVector(@case.Theta, @case.Data.Row(i), direction, product, ws);
            for (int k = 0; k < p; k++) sum[k] -= @case.Sgd.Eta / n * product[k];
        }
        return sum;
    }
}

using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Drift;

/// <summary>
/// The per-step tangent drift of label-noise SGD at θ* ∈ M (docs/theory.md §3). Expanding one step to second order in
/// <c>u = θ − θ*</c> and projecting with P, the noise terms have mean 0, <c>P g_i = 0</c>, and the surviving term is
/// <c>−η (1/B) Σ_{i∈batch} (g_i·u) P H_i u</c>. Its mean over the batch (each i with probability B/n) and over
/// <c>u ~ (0, Q S Qᵀ)</c> is <c>−η (1/n) Σ_i P H_i (Q S Qᵀ g_i)</c>, for full batch and minibatch alike; the batch
/// size enters only through S. With <c>S ≈ (ησ²/(2B)) Π_N</c> and <c>∇reg = (2/n) Σ_i H_i g_i</c> this is
/// <c>−(η²σ²/(4B)) P ∇reg</c>.
/// </summary>
public static class TangentDrift
{
    /// <summary>
    /// <c>d_exact = −η (1/n) Σ_i P H_i (Q S a_i)</c>, <c>a_i = Qᵀ g_i</c>, with one Hessian-vector product per
    /// example (docs/theory.md §3). <paramref name="covariance"/> is S in the normal coordinates of <paramref name="frame"/>.
    /// </summary>
    public static double[] Exact(Model model, ReadOnlySpan<double> theta, Dataset data, NormalFrame frame,
        OuCovariance covariance, double eta)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(frame);
        var ws = model.CreateWorkspace(frame.Count);
        var point = theta.ToArray();
        return Exact(frame, covariance, eta, (i, direction, product) =>
            model.HessianVector(point, data.Row(i), direction, product, ws));
    }

    /// <summary>
    /// <c>d_exact = −η (1/n) Σ_i P H_i (Q S a_i)</c> (docs/theory.md §3) from any source of the products:
    /// <paramref name="hessianVector"/> writes <c>H_i v</c> for example i and direction v into its third argument
    /// (used for a model the suite does not own, whose products come over the conformance protocol).
    /// </summary>
    public static double[] Exact(NormalFrame frame, OuCovariance covariance, double eta,
        Action<int, double[], double[]> hessianVector)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(hessianVector);
        Guard.Positive(eta, "eta");
        int n = frame.Count, p = frame.ParameterCount;
        if (covariance.Matrix.RowCount != n)
            throw new InvalidInputException("covariance", $"is {covariance.Matrix.RowCount} × {covariance.Matrix.RowCount}, expected n = {n}");
        var sum = new double[p];
        var product = new double[p];
        for (int i = 0; i < n; i++)
        {
            var direction = frame.Embed((covariance.Matrix * frame.GradientCoordinates(i)).ToArray());
            hessianVector(i, direction, product);
            Vectors.AddScaled(sum, product, -eta / n);
        }
        return frame.ProjectTangent(sum);
    }

    /// <summary><c>d_lead = −(η²σ²/(4B)) P ∇reg</c> (docs/theory.md §3, "Leading order").</summary>
    public static double[] Leading(RegularizerValue reg, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(reg);
        ArgumentNullException.ThrowIfNull(sgd);
        double scale = -sgd.Eta * sgd.NoiseScale / 4;
        return reg.TangentGradient.Select(v => scale * v).ToArray();
    }

    /// <summary>
    /// Both forms at θ* ∈ M (docs/theory.md §3): the exact form with <see cref="StationaryCovariance.Exact"/> (full batch or
    /// minibatch by B), and the leading form. Refuses θ off M, rank-deficient J and <c>η λ_max ≥ 2</c>.
    /// </summary>
    public static DriftPrediction At(Model model, ReadOnlySpan<double> theta, Dataset data, SgdProblem sgd)
    {
        var frame = NormalFrame.At(model, theta, data);
        ManifoldStart.Require(frame, data);
        var covariance = StationaryCovariance.Exact(frame, sgd);
        var reg = Regularizer.At(model, theta, data, frame);
        var exact = Exact(model, theta, data, frame, covariance, sgd.Eta);
        return new DriftPrediction(exact, Leading(reg, sgd), covariance, reg, sgd);
    }
}

using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.SlowFlow;

/// <summary>
/// The slow flow on M, <c>dθ/dt = −¼ P(θ) ∇reg(θ)</c> with <c>t = η²σ² k / B</c> (docs/theory.md §3): the Riemannian
/// gradient flow of reg/4 on M, and the continuum limit of the leading-order drift
/// <c>d = −(η²σ²/(4B)) P ∇reg</c> per step. Integrated by Heun's method (RK2) with a retraction to M
/// (<see cref="ZeroLossProjection"/>, Gauss–Newton minimum-norm steps) after every stage.
/// </summary>
public static class RiemannianSlowFlow
{
    /// <summary>The velocity <c>−¼ P(θ) ∇reg(θ)</c> at θ on M (docs/theory.md §3).</summary>
    public static double[] Velocity(Model model, ReadOnlySpan<double> theta, Dataset data)
    {
        var reg = Regularizer.At(model, theta, data);
        return reg.TangentGradient.Select(v => -0.25 * v).ToArray();
    }

    /// <summary>
    /// Integrates from θ₀ (first retracted to M) over flow time <paramref name="duration"/> in <paramref name="steps"/>
    /// Heun steps, recording every <paramref name="recordEvery"/>-th point and the last (docs/theory.md §3).
    /// </summary>
    public static SlowFlowTrajectory Integrate(Model model, ReadOnlySpan<double> theta0, Dataset data,
        double duration, int steps, int recordEvery = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.NonNegative(duration, "duration");
        Guard.Positive(steps, "steps");
        Guard.Positive(recordEvery, "recordEvery");
        double dt = duration / steps;
        var theta = ZeroLossProjection.Project(model, data, theta0);
        var times = new List<double>();
        var thetas = new List<double[]>();
        var regs = new List<double>();
        void Record(double t, double[] point)
        {
            times.Add(t);
            thetas.Add(point);
            regs.Add(model.Reg(point, data.X, model.CreateWorkspace(data.Count)));
        }
        Record(0, theta);
        for (int k = 1; k <= steps; k++)
        {
            var first = Velocity(model, theta, data);
            var predictor = ZeroLossProjection.Project(model, data, Step(theta, first, dt));
            var second = Velocity(model, predictor, data);
            var average = first.Zip(second, (a, b) => (a + b) / 2).ToArray();
            theta = ZeroLossProjection.Project(model, data, Step(theta, average, dt));
            if (k % recordEvery == 0 || k == steps) Record(k * dt, theta);
        }
        return new SlowFlowTrajectory([.. times], [.. thetas], [.. regs]);
    }

    private static double[] Step(double[] theta, double[] velocity, double dt)
    {
        var next = (double[])theta.Clone();
        Vectors.AddScaled(next, velocity, dt);
        return next;
    }
}

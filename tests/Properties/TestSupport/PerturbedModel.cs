using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>The deliberate bugs a <see cref="PerturbedModel"/> can carry (power tests, docs/theory.md §5).</summary>
public enum Perturbation
{
    /// <summary><c>g</c> loses one bias component (it is written as 0): a dropped bias term in backprop.</summary>
    DroppedBiasGradient,
    /// <summary>The largest component of <c>g</c> is off by a relative 1e-5.</summary>
    TinyGradientError,
    /// <summary><c>H v + 1e-4 v</c>: a symmetric curvature error (e.g. a wrong φ'' term).</summary>
    CurvatureShift,
    /// <summary><c>H v + 1e-6 v_j e_k</c> with j ≠ k: an asymmetric second-derivative error.</summary>
    AsymmetricHessian,
    /// <summary><c>reg</c> doubled: a factor-2 constant error.</summary>
    DoubledReg,
    /// <summary><c>∇reg</c> with <c>1/n</c> in place of <c>2/n</c>.</summary>
    HalvedRegGradient,
    /// <summary><c>∇L</c> with its sign flipped.</summary>
    FlippedLossGradient,
}

/// <summary>
/// Wraps a model and injects one <see cref="Perturbation"/>; everything else is delegated. Batch operations that
/// are not perturbed fall back to the generic <see cref="Model"/> implementations over the (perturbed) primitives.
/// </summary>
public sealed class PerturbedModel(Model inner, Perturbation bug, int biasIndex = 0) : Model
{
    public override int ParameterCount => inner.ParameterCount;
    public override int InputDimension => inner.InputDimension;
    public override bool IsSmooth => inner.IsSmooth;
    public override string Describe() => $"{inner.Describe()} with {bug}";
    public override Workspace CreateWorkspace(int maxRows) => new Scratch(inner.CreateWorkspace(maxRows), ParameterCount, maxRows);

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws) =>
        inner.Value(theta, x, Inner(ws));

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        double h = inner.Gradient(theta, x, gradient, Inner(ws));
        if (bug == Perturbation.DroppedBiasGradient) gradient[biasIndex] = 0;
        if (bug == Perturbation.TinyGradientError)
        {
            int largest = 0;
            for (int k = 1; k < gradient.Length; k++)
                if (Math.Abs(gradient[k]) > Math.Abs(gradient[largest])) largest = k;
            gradient[largest] *= 1 + 1e-5;
        }
        return h;
    }

    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        inner.HessianVector(theta, x, v, product, Inner(ws));
        if (bug == Perturbation.CurvatureShift)
            for (int k = 0; k < product.Length; k++) product[k] += 1e-4 * v[k];
        if (bug == Perturbation.AsymmetricHessian && product.Length > 1) product[0] += 1e-6 * v[1];
    }

    public override double Reg(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws) =>
        (bug == Perturbation.DoubledReg ? 2 : 1) * inner.Reg(theta, x, Inner(ws));

    public override double RegGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        double reg = inner.RegGradient(theta, x, gradient, Inner(ws));
        if (bug == Perturbation.HalvedRegGradient) foreach (ref double g in gradient) g /= 2;
        return reg;
    }

    public override double LossGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, Workspace ws)
    {
        double loss = inner.LossGradient(theta, x, targets, gradient, Inner(ws));
        if (bug == Perturbation.FlippedLossGradient) foreach (ref double g in gradient) g = -g;
        return loss;
    }

    private static Workspace Inner(Workspace ws) => ((Scratch)ws).Inner;

    private sealed class Scratch(Workspace inner, int parameterCount, int maxRows) : Workspace(parameterCount, maxRows)
    {
        public Workspace Inner { get; } = inner;
    }
}

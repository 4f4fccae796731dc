using System.Numerics.Tensors;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Quadratically parametrised linear regression (docs/theory.md §7): <c>h(x; θ) = ⟨θ ⊙ θ, x⟩</c> (kind
/// <c>quadratic</c>, θ ∈ R^d), or the signed form <c>h(x; u, v) = ⟨u ⊙ u − v ⊙ v, x⟩</c> (kind
/// <c>quadratic_signed</c>, θ = (u, v) ∈ R^{2d}, u first).
/// <para>
/// Exact derivatives: <c>g = 2 θ ⊙ x</c> (signed: <c>(2u ⊙ x, −2v ⊙ x)</c>) and <c>H v = 2 x ⊙ v</c> (signed:
/// <c>(2x ⊙ v_u, −2x ⊙ v_v)</c>), a constant diagonal operator. The per-example primitives are written here; the
/// batch operations override the generic ones with loops over a batch that allocate nothing. <c>reg</c> and
/// <c>∇reg</c> keep the generic route through <see cref="Model.Gradient"/> and <see cref="Model.HessianVector"/>, so the
/// closed forms of §7 (<c>reg = 4⟨h̄, β⟩</c>) remain an independent check.
/// </para>
/// </summary>
public sealed class QuadraticLinear : Model
{
    /// <summary>The model on d features; <paramref name="difference"/> selects <c>⟨u⊙u − v⊙v, x⟩</c>.</summary>
    public QuadraticLinear(int d, bool difference = false)
    {
        Guard.Positive(d, "d");
        if (difference && d > Array.MaxLength / 2)
            throw new InvalidInputException("d", $"is {d}, too large: 2d parameters do not fit in an array");
        Dimension = d;
        IsDifference = difference;
    }

    /// <summary>d: the number of features and of β's entries.</summary>
    public int Dimension { get; }

    /// <summary>Whether θ = (u, v) and <c>β = u⊙u − v⊙v</c>; otherwise θ ∈ R^d and <c>β = θ⊙θ</c>.</summary>
    public bool IsDifference { get; }

    /// <summary>The spec kind: <c>quadratic</c> or <c>quadratic_signed</c>.</summary>
    public string Kind => IsDifference ? "quadratic_signed" : "quadratic";

    /// <inheritdoc/>
    public override int ParameterCount => IsDifference ? 2 * Dimension : Dimension;

    /// <inheritdoc/>
    public override int InputDimension => Dimension;

    /// <summary>E.g. <c>quadratic d=100</c> or <c>quadratic_signed d=100</c>.</summary>
    public override string Describe() => $"{Kind} d={Dimension}";

    /// <summary>β = θ ⊙ θ, or <c>u ⊙ u − v ⊙ v</c> for the signed form (docs/theory.md §7).</summary>
    public double[] Beta(ReadOnlySpan<double> theta)
    {
        Guard.Length(theta.Length, ParameterCount, "theta");
        int d = Dimension;
        var beta = new double[d];
        for (int j = 0; j < d; j++) beta[j] = theta[j] * theta[j];
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) beta[j] -= theta[d + j] * theta[d + j];
        }
        return beta;
    }

    /// <summary><c>h = Σ_j x_j θ_j²</c> (signed: <c>Σ_j x_j (u_j² − v_j²)</c>).</summary>
    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        CheckShapes(theta, x);
        return Output(theta, x);
    }

    /// <summary><c>g = 2θ ⊙ x</c> (signed: <c>(2u ⊙ x, −2v ⊙ x)</c>); returns h.</summary>
    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(gradient.Length, ParameterCount, "gradient");
        int d = Dimension;
        for (int j = 0; j < d; j++) gradient[j] = 2 * theta[j] * x[j];
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) gradient[d + j] = -2 * theta[d + j] * x[j];
        }
        return Output(theta, x);
    }

    /// <summary><c>H v = 2x ⊙ v</c> (signed: <c>(2x ⊙ v_u, −2x ⊙ v_v)</c>), independent of θ.</summary>
    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(v.Length, ParameterCount, "v");
        Guard.Length(product.Length, ParameterCount, "product");
        int d = Dimension;
        for (int j = 0; j < d; j++) product[j] = 2 * x[j] * v[j];
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) product[d + j] = -2 * x[j] * v[d + j];
        }
    }

    /// <summary>Each row's output <c>h_i = ⟨β, x_i⟩</c> serves both targets of <see cref="LossGradients"/>.</summary>
    protected internal override bool SharesRowGradients => true;

    /// <summary>
    /// <c>∇_θ (1/2m) Σ_i (h_i − t_i)²</c> over a batch: β is formed once in the workspace, each row costs one dot
    /// product <c>h_i = ⟨β, x_i⟩</c> and one multiply-add <c>w += r_i x_i</c>, and then <c>∇ = 2θ ⊙ w/m</c> (signed:
    /// <c>(2u ⊙ w/m, −2v ⊙ w/m)</c>); returns the loss. Allocates nothing.
    /// </summary>
    public override double LossGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, Workspace ws) =>
        TargetLosses(theta, x, targets, default, gradient, default, ws, pair: false).Loss;

    /// <summary>
    /// <see cref="LossGradient"/> for both target vectors in one pass over the rows: β and each row's <c>h_i</c> once,
    /// then each target's residual and multiply-add in the single call's order, so each has that call's bits.
    /// </summary>
    public override (double Loss, double PairLoss) LossGradients(ReadOnlySpan<double> theta, ReadOnlySpan<double> x,
        ReadOnlySpan<double> targets, ReadOnlySpan<double> pairTargets, Span<double> gradient, Span<double> pairGradient,
        Workspace ws) =>
        TargetLosses(theta, x, targets, pairTargets, gradient, pairGradient, ws, pair: true);

    /// <summary>The loss gradient for <paramref name="targets"/>, and when <paramref name="pair"/> also for <paramref name="pairTargets"/>.</summary>
    private (double Loss, double PairLoss) TargetLosses(ReadOnlySpan<double> theta, ReadOnlySpan<double> x,
        ReadOnlySpan<double> targets, ReadOnlySpan<double> pairTargets, Span<double> gradient, Span<double> pairGradient,
        Workspace ws, bool pair)
    {
        ArgumentNullException.ThrowIfNull(ws);
        int d = Dimension, m = Rows(x);
        CheckSpans(targets, hasTargets: true, m, gradient);
        if (pair) CheckSpans(pairTargets, hasTargets: true, m, pairGradient);
        Guard.Length(theta.Length, ParameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        Guard.FiniteFast(x, "x");
        var beta = ws.Product.AsSpan(0, d);
        for (int j = 0; j < d; j++) beta[j] = theta[j] * theta[j];
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) beta[j] -= theta[d + j] * theta[d + j];
        }
        var weighted = gradient[..d];
        var pairWeighted = pair ? pairGradient[..d] : default;
        weighted.Clear();
        pairWeighted.Clear();
        double loss = 0, pairLoss = 0;
        for (int i = 0; i < m; i++)
        {
            var xi = x.Slice(i * d, d);
            double h = TensorPrimitives.Dot(xi, beta), r = h - targets[i];
            loss += r * r;
            Axpy.Accumulate(xi, r, weighted);
            if (!pair) continue;
            double pairR = h - pairTargets[i];
            pairLoss += pairR * pairR;
            Axpy.Accumulate(xi, pairR, pairWeighted);
        }
        ScaleWeighted(theta, gradient, 2.0 / m);
        if (pair) ScaleWeighted(theta, pairGradient, 2.0 / m);
        return (loss / (2 * m), pair ? pairLoss / (2 * m) : double.NaN);
    }

    /// <summary><c>∇ = scale · θ ⊙ w</c> (signed: <c>(scale · u ⊙ w, −scale · v ⊙ w)</c>) from the w held in the gradient's first d entries.</summary>
    private void ScaleWeighted(ReadOnlySpan<double> theta, Span<double> gradient, double scale)
    {
        int d = Dimension;
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) gradient[d + j] = -scale * theta[d + j] * gradient[j];
        }
        for (int j = 0; j < d; j++) gradient[j] = scale * theta[j] * gradient[j];
    }

    private double Output(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        int d = Dimension;
        double h = 0;
        for (int j = 0; j < d; j++) h += x[j] * theta[j] * theta[j];
        if (IsDifference)
        {
            for (int j = 0; j < d; j++) h -= x[j] * theta[d + j] * theta[d + j];
        }
        return h;
    }

    private void CheckShapes(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        Guard.Length(theta.Length, ParameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        Guard.Length(x.Length, InputDimension, "x");
        Guard.FiniteFast(x, "x");
    }
}

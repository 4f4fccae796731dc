using System.Numerics.Tensors;
using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// A scalar model <c>h(x; θ)</c> with exact first and second derivatives (docs/theory.md §1). θ is one flat
/// <c>double[]</c>; every subclass documents its parameter order.
/// <para>
/// Per-example primitives are abstract. Batch operations act on rows of a row-major input block
/// <c>X (m × InputDimension)</c> and have generic implementations from the primitives; dense models override them
/// with batched kernels that never form J or a <c>p × p</c> matrix.
/// </para>
/// A model is immutable and thread-safe; all mutable state lives in a <see cref="Workspace"/>.
/// </summary>
public abstract partial class Model
{
    /// <summary>The number of parameters p.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>The input dimension d.</summary>
    public abstract int InputDimension { get; }

    /// <summary>A one-line description, e.g. <c>mlp 3-[8,8]-1 tanh,tanh</c>.</summary>
    public abstract string Describe();

    /// <summary>
    /// Whether h is twice differentiable in θ everywhere (no ReLU-type kink). Second-derivative checks (Hessian-vector
    /// product, its symmetry, <c>∇reg</c>) need it; true unless a subclass has a kinked activation.
    /// </summary>
    public virtual bool IsSmooth => true;

    /// <summary>
    /// A contiguous block of θ in which h is affine when the rest of θ is held (an MLP's output layer <c>a, c</c>), as
    /// (offset, count); count 0 when the model names none. Along it the constraints <c>h(x_i; θ) = y_i</c> are linear,
    /// so one least-squares step solves them exactly, kinks or not (docs/theory.md §4.2, "The flow through lost rank").
    /// </summary>
    public virtual (int Offset, int Count) AffineBlock => (0, 0);

    /// <summary>Scratch memory for batches of up to <paramref name="maxRows"/> rows.</summary>
    public virtual Workspace CreateWorkspace(int maxRows) => new(ParameterCount, maxRows);

    /// <summary>
    /// An upper estimate of the doubles one workspace for <paramref name="rows"/> rows holds, with the second
    /// workspace of half the rows a model that splits its rows adds: <c>17 n (d + units) + 3p</c>, from nine
    /// <c>n × width</c> blocks per layer and two <c>n × widest</c> transposes (at most <c>11 n (d + units)</c>) per
    /// workspace. In 64-bit checked arithmetic: a size beyond 64 bits throws <see cref="OverflowException"/>.
    /// </summary>
    public long WorkspaceDoubles(long rows) => checked((17 * rows * (InputDimension + WorkspaceUnits)) + (3L * ParameterCount));

    /// <summary>The units a workspace holds per row besides the input: p unless a model says otherwise.</summary>
    protected virtual long WorkspaceUnits => ParameterCount;

    /// <summary><c>h(x; θ)</c>.</summary>
    public abstract double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws);

    /// <summary>Writes <c>g = ∇_θ h(x; θ)</c> and returns <c>h(x; θ)</c> (reverse mode).</summary>
    public abstract double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws);

    /// <summary>Writes <c>H v = ∇²_θ h(x; θ) v</c> (forward-over-reverse or analytic).</summary>
    public abstract void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws);

    /// <summary>Outputs <c>h_i</c> for the rows of <paramref name="x"/>.</summary>
    public virtual void Forward(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> outputs, Workspace ws)
    {
        int d = InputDimension, m = Rows(x);
        for (int i = 0; i < m; i++) outputs[i] = Value(theta, x.Slice(i * d, d), ws);
    }

    /// <summary>
    /// The Jacobian J (rows <c>g_i</c>, row-major <c>m × p</c>) and the outputs. Used by the theory, where
    /// <c>m = n</c> is small; hot paths use <see cref="LossGradient"/>, <see cref="Reg"/> and
    /// <see cref="RegGradient"/>, which never form J.
    /// </summary>
    public virtual void Jacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> outputs,
        Span<double> jacobian, Workspace ws)
    {
        int d = InputDimension, p = ParameterCount, m = Rows(x);
        for (int i = 0; i < m; i++)
            outputs[i] = Gradient(theta, x.Slice(i * d, d), jacobian.Slice(i * p, p), ws);
    }

    /// <summary>
    /// One gradient step on the loss of <see cref="LossGradient"/> (docs/theory.md §1, the SGD update): writes
    /// <c>∇L_t</c> to <paramref name="gradient"/> and, when the returned loss is finite, sets <c>θ ← θ − η ∇L_t</c>
    /// element by element (<c>g·(−η) + θ</c>, one multiply and one add); a non-finite loss leaves θ unchanged.
    /// A model that splits its rows over two cores also splits the update.
    /// </summary>
    public virtual double LossGradientStep(Span<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets, double eta,
        Span<double> gradient, Workspace ws)
    {
        double loss = LossGradient(theta, x, targets, gradient, ws);
        if (double.IsFinite(loss)) Axpy.Accumulate(gradient, -eta, theta);
        return loss;
    }

    /// <summary>
    /// Writes <c>∇_θ (1/2m) Σ_i (h(x_i; θ) − t_i)²</c> and returns the loss. With <c>t = y</c> this is the clean
    /// gradient <c>∇L</c>; with <c>t = y + ε</c> it is one label-noise SGD direction (docs/theory.md §1).
    /// </summary>
    public virtual double LossGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> targets,
        Span<double> gradient, Workspace ws)
    {
        int d = InputDimension, m = Rows(x);
        CheckSpans(targets, hasTargets: true, m, gradient);
        var g = ws.Gradient.AsSpan();
        if (m > 0) CheckRows(theta, x, g);
        gradient.Clear();
        double loss = 0;
        for (int i = 0; i < m; i++)
        {
            double r = RowGradient(theta, x.Slice(i * d, d), g, ws) - targets[i];
            loss += r * r;
            Axpy.Accumulate(g, r / m, gradient);
        }
        return loss / (2 * m);
    }

    /// <summary>
    /// <see cref="Gradient"/> for one row of a batch whose θ, rows and gradient scratch <see cref="CheckRows"/> has
    /// already checked: the batch operations call it once per row. By default <see cref="Gradient"/> itself; a model
    /// whose <see cref="Gradient"/> checks its arguments on every call overrides both, so a batch checks them once.
    /// </summary>
    protected virtual double RowGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws) =>
        Gradient(theta, x, gradient, ws);

    /// <summary>
    /// The checks <see cref="Gradient"/> makes on every call that <see cref="RowGradient"/> skips, made once for a batch
    /// of at least one row (θ, the rows of x, the row gradient scratch), throwing as the first row's
    /// <see cref="Gradient"/> call that failed would; by default none, as <see cref="RowGradient"/> is then <see cref="Gradient"/>.
    /// </summary>
    protected virtual void CheckRows(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> rowGradient)
    {
    }

    /// <summary><c>reg(θ) = (1/m) Σ_i ||∇_θ h(x_i; θ)||²</c> (docs/theory.md §1).</summary>
    public virtual double Reg(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        int d = InputDimension, m = Rows(x);
        var g = ws.Gradient.AsSpan();
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            Gradient(theta, x.Slice(i * d, d), g, ws);
            sum += TensorPrimitives.Dot(g, g);
        }
        return sum / m;
    }

    /// <summary>Writes <c>∇reg = (2/m) Σ_i H_i g_i</c> and returns <c>reg</c> (docs/theory.md §1).</summary>
    public virtual double RegGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        int d = InputDimension, m = Rows(x);
        CheckSpans(default, hasTargets: false, m, gradient);
        var g = ws.Gradient.AsSpan();
        var hg = ws.Product.AsSpan();
        gradient.Clear();
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            var xi = x.Slice(i * d, d);
            Gradient(theta, xi, g, ws);
            sum += TensorPrimitives.Dot(g, g);
            HessianVector(theta, xi, g, hg, ws);
            TensorPrimitives.MultiplyAdd(hg, 2.0 / m, gradient, gradient);
        }
        return sum / m;
    }

    /// <summary>
    /// Refuses a target span with fewer entries than the <paramref name="rows"/> of x, or a gradient span shorter than
    /// p, naming the field, before anything is read or written (a split batch reads and writes them through raw
    /// pointers on two threads).
    /// </summary>
    protected void CheckSpans(ReadOnlySpan<double> targets, bool hasTargets, int rows, Span<double> gradient)
    {
        if (hasTargets && targets.Length < rows)
            throw new InvalidInputException("targets", $"has length {targets.Length}, fewer than the {rows} rows of x");
        if (gradient.Length < ParameterCount)
            throw new InvalidInputException("gradient", $"has length {gradient.Length}, fewer than the {ParameterCount} parameters");
    }

    /// <summary>Throws, naming the field, unless θ has length p and is finite.</summary>
    public void ValidateTheta(ReadOnlySpan<double> theta, string field = "theta")
    {
        Guard.Length(theta.Length, ParameterCount, field);
        Guard.Finite(theta, field);
    }

    /// <summary>Throws, naming the field, unless the data match this model's input dimension.</summary>
    public void ValidateData(Data.Dataset data, string field = "x")
    {
        if (data.Dimension != InputDimension)
            throw new InvalidInputException(field,
                $"rows have {data.Dimension} features, but the model {Describe()} takes {InputDimension}");
    }

    /// <summary>The number of rows in a row-major input block; throws if its length is not a multiple of d.</summary>
    protected int Rows(ReadOnlySpan<double> x)
    {
        int d = InputDimension;
        if (x.Length % d != 0)
            throw new InvalidInputException("x", $"has length {x.Length}, not a multiple of the input dimension {d}");
        return x.Length / d;
    }
}

using System.Numerics.Tensors;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Engine.Models;

/// <summary>
/// Matrix sensing (docs/theory.md §4.1): <c>h(A; U) = ⟨A, UUᵀ⟩ = Σ_{ab} A_ab (UUᵀ)_ab</c>.
/// <para>
/// Parameters θ = U, <c>d × k</c>, row-major (<c>θ[a·k + c] = U_ac</c>). The input x is the sensing matrix A,
/// <c>d × d</c>, row-major, so <see cref="InputDimension"/> is <c>d²</c>.
/// </para>
/// <para>
/// A is not assumed symmetric: <c>g = (A + Aᵀ) U</c> and <c>H[V] = (A + Aᵀ) V</c>, a constant operator; for the
/// symmetric sensing matrices of §4.1 these are <c>2AU</c> and <c>2AV</c>. Batch operations, <c>reg</c> and
/// <c>∇reg</c> use the generic <see cref="Model"/> implementations, so the closed forms of §4.1
/// (<c>reg = 4 tr(UᵀMU)</c>, <c>∇reg = 8MU</c>) remain an independent check.
/// </para>
/// <para>
/// The entry points check lengths, and θ and x for NaN or ∞ (one SIMD sum).
/// Output spans must not overlap θ or v.
/// </para>
/// </summary>
public sealed class MatrixSensing : Model
{
    /// <summary>A model with <c>U ∈ R^{d×k}</c> (docs/theory.md §4.1; typically <c>k = d</c>).</summary>
    public MatrixSensing(int d, int k)
    {
        Guard.Positive(d, "d");
        Guard.Positive(k, "k");
        if ((long)d * d > Array.MaxLength)
            throw new InvalidInputException("d", $"is {d}, too large: d² = {(long)d * d} numbers do not fit in an array");
        if ((long)d * k > Array.MaxLength)
            throw new InvalidInputException("k", $"is {k}, too large: d·k = {(long)d * k} numbers do not fit in an array");
        Size = d;
        Width = k;
    }

    /// <summary>d: A and UUᵀ are <c>d × d</c>.</summary>
    public int Size { get; }

    /// <summary>k: the number of columns of U.</summary>
    public int Width { get; }

    /// <inheritdoc/>
    public override int ParameterCount => Size * Width;

    /// <inheritdoc/>
    public override int InputDimension => Size * Size;

    /// <summary>The default loss gradient and step, one reverse pass per row: both targets share it.</summary>
    protected internal override bool SharesRowGradients => true;

    /// <summary>The d·k entries of U, in 64 bits.</summary>
    protected override long WorkspaceUnits => (long)Size * Width;

    /// <summary>E.g. <c>matrix_sensing d=4 k=4</c>.</summary>
    public override string Describe() => $"matrix_sensing d={Size} k={Width}";

    /// <summary>
    /// <c>h(A; U) = Σ_a A_aa ||u_a||² + Σ_{a&lt;b} (A_ab + A_ba) u_a·u_b</c>, with <c>u_a</c> the rows of U
    /// (docs/theory.md §4.1).
    /// </summary>
    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        CheckShapes(theta, x);
        int d = Size, k = Width;
        double h = 0;
        for (int a = 0; a < d; a++)
        {
            var ua = theta.Slice(a * k, k);
            h += x[a * d + a] * TensorPrimitives.Dot(ua, ua);
            for (int b = a + 1; b < d; b++)
            {
                double s = x[a * d + b] + x[b * d + a];
                if (s != 0) h += s * TensorPrimitives.Dot(ua, theta.Slice(b * k, k));
            }
        }
        return h;
    }

    /// <summary>
    /// <c>g = (A + Aᵀ) U</c> (docs/theory.md §4.1, <c>2AU</c> for symmetric A). Returns <c>h = ½⟨U, g⟩</c> (h is
    /// homogeneous of degree 2 in U).
    /// </summary>
    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(gradient.Length, ParameterCount, "gradient");
        SymmetrizedProduct(x, theta, gradient);
        return 0.5 * TensorPrimitives.Dot(theta, gradient);
    }

    /// <summary><c>H v = (A + Aᵀ) V</c>, independent of U (docs/theory.md §4.1, <c>2AV</c> for symmetric A).</summary>
    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        CheckShapes(theta, x);
        Guard.Length(v.Length, ParameterCount, "v");
        Guard.Length(product.Length, ParameterCount, "product");
        SymmetrizedProduct(x, v, product);
    }

    /// <summary>
    /// A symmetric sensing matrix <c>A = (Z + Zᵀ)/2</c> from a <c>d × d</c> row-major Z (docs/theory.md §4.1; with iid
    /// <c>N(0,1)</c> entries of Z this is the suite's sensing law).
    /// </summary>
    public static double[] SensingMatrix(ReadOnlySpan<double> z, int d)
    {
        Guard.Positive(d, "d");
        CheckSquare(z.Length, d, "z");
        Guard.Finite(z, "z");
        var a = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++) a[i * d + j] = 0.5 * (z[i * d + j] + z[j * d + i]);
        }
        return a;
    }

    /// <summary>The label <c>y = ⟨A, X*⟩ = Σ_{ab} A_ab X*_ab</c> of a sensing matrix (docs/theory.md §4.1); both row-major d × d.</summary>
    public static double Label(ReadOnlySpan<double> a, ReadOnlySpan<double> xStar, int d)
    {
        Guard.Positive(d, "d");
        CheckSquare(a.Length, d, "a");
        CheckSquare(xStar.Length, d, "xStar");
        return TensorPrimitives.Dot(a, xStar);
    }

    /// <summary>Writes <c>(A + Aᵀ) M</c> for a <c>d × k</c> row-major M.</summary>
    private void SymmetrizedProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> m, Span<double> result)
    {
        int d = Size, k = Width;
        result.Clear();
        for (int i = 0; i < d; i++)
        {
            var row = result.Slice(i * k, k);
            for (int j = 0; j < d; j++)
            {
                double s = a[i * d + j] + a[j * d + i];
                if (s != 0) TensorPrimitives.MultiplyAdd(m.Slice(j * k, k), s, row, row);
            }
        }
    }

    private static void CheckSquare(int length, int d, string field)
    {
        if (length != (long)d * d)
            throw new InvalidInputException(field, $"has length {length}, expected d² = {(long)d * d} for d = {d}");
    }

    private void CheckShapes(ReadOnlySpan<double> theta, ReadOnlySpan<double> x)
    {
        Guard.Length(theta.Length, ParameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        Guard.Length(x.Length, InputDimension, "x");
        Guard.FiniteFast(x, "x");
    }
}

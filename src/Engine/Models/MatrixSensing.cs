using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// The entry points check lengths, and θ and x for NaN or ∞ (<see cref="Guard.FiniteFast"/>); the loss gradients
/// check θ and the rows once per batch (<see cref="CheckRows"/>), not once per row.
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
        return RowGradient(theta, x, gradient, ws);
    }

    /// <summary><see cref="Gradient"/> without its checks, which <see cref="CheckRows"/> makes once per batch.</summary>
    protected override double RowGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        SymmetrizedProduct(x, theta, gradient);
        return 0.5 * TensorPrimitives.Dot(theta, gradient);
    }

    /// <summary><see cref="Gradient"/>'s checks for a batch: θ, every row of x (length d² by slicing) and the row gradient.</summary>
    protected override void CheckRows(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> rowGradient)
    {
        Guard.Length(theta.Length, ParameterCount, "theta");
        Guard.FiniteFast(theta, "theta");
        Guard.FiniteRows(x, InputDimension, "x");
        Guard.Length(rowGradient.Length, ParameterCount, "gradient");
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

    /// <summary>
    /// Writes <c>(A + Aᵀ) M</c> for a <c>d × k</c> row-major M: entry (i, c) is <c>Σ_j s_ij M_jc</c> with
    /// <c>s_ij = A_ij + A_ji</c>, accumulated from +0 in ascending j, one multiply and one add per term, terms with
    /// <c>s_ij = 0</c> skipped. Each entry's sum runs in a register: two rows side by side, each two vectors of its entries
    /// (k = 8 is one such block with 256-bit vectors), so the independent sums overlap and each <c>s_ij</c> serves a whole
    /// block; the lanes never mix, so the bits are the same at every vector width. Allocation-free.
    /// </summary>
    private void SymmetrizedProduct(ReadOnlySpan<double> a, ReadOnlySpan<double> m, Span<double> result)
    {
        int d = Size, k = Width, c = 0, w = Vector<double>.Count;
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rm = ref MemoryMarshal.GetReference(m);
        ref double rr = ref MemoryMarshal.GetReference(result);
        if (Vector.IsHardwareAccelerated)
        {
            for (; c <= k - 2 * w; c += 2 * w)
            {
                int i = 0;
                for (; i <= d - 2; i += 2)
                {
                    Vector<double> s00 = Vector<double>.Zero, s01 = s00, s10 = s00, s11 = s00;
                    for (int j = 0; j < d; j++)
                    {
                        var low = Vector.LoadUnsafe(ref rm, (nuint)(j * k + c));
                        var high = Vector.LoadUnsafe(ref rm, (nuint)(j * k + c + w));
                        double t0 = Unsafe.Add(ref ra, i * d + j) + Unsafe.Add(ref ra, j * d + i);
                        double t1 = Unsafe.Add(ref ra, (i + 1) * d + j) + Unsafe.Add(ref ra, j * d + i + 1);
                        if (t0 != 0)
                        {
                            var v = new Vector<double>(t0);
                            s00 = low * v + s00;
                            s01 = high * v + s01;
                        }
                        if (t1 != 0)
                        {
                            var v = new Vector<double>(t1);
                            s10 = low * v + s10;
                            s11 = high * v + s11;
                        }
                    }
                    s00.StoreUnsafe(ref rr, (nuint)(i * k + c));
                    s01.StoreUnsafe(ref rr, (nuint)(i * k + c + w));
                    s10.StoreUnsafe(ref rr, (nuint)((i + 1) * k + c));
                    s11.StoreUnsafe(ref rr, (nuint)((i + 1) * k + c + w));
                }
                if (i < d) Row(ref ra, ref rm, ref rr, d, k, i, c, w);
            }
            for (; c <= k - w; c += w)
            {
                for (int i = 0; i < d; i++) Row(ref ra, ref rm, ref rr, d, k, i, c, 0);
            }
        }
        for (; c < k; c++)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    double s = Unsafe.Add(ref ra, i * d + j) + Unsafe.Add(ref ra, j * d + i);
                    if (s != 0) sum = Unsafe.Add(ref rm, j * k + c) * s + sum;
                }
                Unsafe.Add(ref rr, i * k + c) = sum;
            }
        }
    }

    /// <summary>
    /// <see cref="SymmetrizedProduct"/>'s row i at the vector of columns c, and, when <paramref name="next"/> is not 0, also
    /// at c + next.
    /// </summary>
    private static void Row(ref double a, ref double m, ref double result, int d, int k, int i, int c, int next)
    {
        Vector<double> low = Vector<double>.Zero, high = low;
        for (int j = 0; j < d; j++)
        {
            double s = Unsafe.Add(ref a, i * d + j) + Unsafe.Add(ref a, j * d + i);
            if (s == 0) continue;
            var v = new Vector<double>(s);
            low = Vector.LoadUnsafe(ref m, (nuint)(j * k + c)) * v + low;
            if (next != 0) high = Vector.LoadUnsafe(ref m, (nuint)(j * k + c + next)) * v + high;
        }
        low.StoreUnsafe(ref result, (nuint)(i * k + c));
        if (next != 0) high.StoreUnsafe(ref result, (nuint)(i * k + c + next));
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

using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// Matrix sensing (docs/theory.md §4.1) in closed form: <c>h(A; U) = ⟨A, UUᵀ⟩</c>, <c>g_i = 2A_iU</c>,
/// <c>H_i[V] = 2A_iV</c>, <c>reg = 4 tr(UᵀMU)</c> and <c>∇reg = 8MU</c> with <c>M = (1/n) Σ A_i²</c>, plus the
/// nuclear-norm link <c>reg ≈ 2(d+1) tr(UUᵀ)</c>.
/// <para>
/// θ = U, <c>d × k</c>, row-major; each data row is a sensing matrix A (<c>d × d</c>, row-major), the engine's
/// <see cref="Engine.Models.MatrixSensing"/> layout. A non-symmetric A enters through its symmetric part
/// <c>(A + Aᵀ)/2</c>, since <c>⟨A, UUᵀ⟩</c> only sees that part.
/// </para>
/// </summary>
public sealed class MatrixSensingSetting : SymbolicSetting
{
    private readonly Matrix<double> _u;
    private readonly Matrix<double>[] _sensing;

    /// <summary>U (row-major d × k) on sensing matrices <paramref name="data"/> (rows of length d²).</summary>
    public MatrixSensingSetting(int d, int k, double[] theta, Dataset data)
        : base(theta, data, Checked(d, k, data))
    {
        Size = d;
        Width = k;
        _u = Matrix<double>.Build.DenseOfRowMajor(d, k, theta);
        _sensing = Enumerable.Range(0, data.Count).Select(i =>
        {
            var a = Matrix<double>.Build.DenseOfRowMajor(d, d, data.Row(i).ToArray());
            return (a + a.Transpose()) / 2;
        }).ToArray();
        SquareMean = _sensing.Aggregate(Matrix<double>.Build.Dense(d, d), (sum, a) => sum + a * a) / data.Count;
    }

    /// <summary>d: A and UUᵀ are d × d.</summary>
    public int Size { get; }

    /// <summary>k: the number of columns of U.</summary>
    public int Width { get; }

    /// <summary>U (d × k).</summary>
    public Matrix<double> U => _u.Clone();

    /// <summary><c>M = (1/n) Σ A_i²</c> (docs/theory.md §4.1).</summary>
    public Matrix<double> SquareMean { get; }

    /// <summary><c>E[A²] = ((d+1)/2) I</c> for <c>A = (Z + Zᵀ)/2</c> with iid <c>N(0,1)</c> Z: the scalar (d+1)/2 (docs/theory.md §4.1).</summary>
    public static double ExpectedSquareScale(int d) => (d + 1) / 2.0;

    /// <summary><c>⟨A_i, UUᵀ⟩</c>.</summary>
    public override double Output(int i) => (_sensing[i] * _u).PointwiseMultiply(_u).Enumerate().Sum();

    /// <summary><c>g_i = 2 A_i U</c> (docs/theory.md §4.1), row-major d × k.</summary>
    public override double[] ExampleGradient(int i) => (2 * _sensing[i] * _u).ToRowMajorArray();

    /// <summary><c>H_i[V] = 2 A_i V</c>, a constant operator (docs/theory.md §4.1).</summary>
    public override double[] HessianTimes(int i, ReadOnlySpan<double> v)
    {
        RequireParameterVector(v);
        return (2 * _sensing[i] * Matrix<double>.Build.DenseOfRowMajor(Size, Width, v.ToArray())).ToRowMajorArray();
    }

    /// <summary><c>reg = 4 tr(UᵀMU)</c> (docs/theory.md §4.1).</summary>
    public override double Reg() => 4 * (_u.Transpose() * SquareMean * _u).Trace();

    /// <summary><c>∇reg = 8 M U</c> (docs/theory.md §4.1), row-major d × k.</summary>
    public override double[] RegGradient() => (8 * SquareMean * _u).ToRowMajorArray();

    /// <summary><c>tr(UUᵀ) = ||U||_F²</c>, the nuclear norm of the PSD product UUᵀ (docs/theory.md §4.1).</summary>
    public double Trace => _u.FrobeniusNorm() * _u.FrobeniusNorm();

    /// <summary>The large-n limit <c>2(d+1) tr(UUᵀ)</c> of <c>reg</c> (docs/theory.md §4.1).</summary>
    public double NuclearNormReg => 2 * (Size + 1) * Trace;

    /// <summary>
    /// The finite-n gap <c>reg − 2(d+1) tr(UUᵀ) = 4 tr(Uᵀ(M − E[A²])U)</c> (docs/theory.md §4.1), computed from M, not as the
    /// difference.
    /// </summary>
    public double FiniteSampleGap
    {
        get
        {
            var deviation = SquareMean - Matrix<double>.Build.DenseIdentity(Size) * ExpectedSquareScale(Size);
            return 4 * (_u.Transpose() * deviation * _u).Trace();
        }
    }

    /// <summary><c>reg / tr(UUᵀ)</c>, which tends to <c>2(d+1)</c> as n grows (docs/theory.md §4.1).</summary>
    public double RegToNuclearNormRatio => Reg() / Trace;

    /// <summary><c>||UUᵀ − X*||_F</c>, the test error against a ground truth X* (row-major d × d, docs/theory.md §4.1).</summary>
    public double GroundTruthError(ReadOnlySpan<double> groundTruth)
    {
        Guard.Length(groundTruth.Length, Size * Size, "ground_truth");
        var x = Matrix<double>.Build.DenseOfRowMajor(Size, Size, groundTruth.ToArray());
        return (_u * _u.Transpose() - x).FrobeniusNorm();
    }

    private static int Checked(int d, int k, Dataset data)
    {
        Guard.Positive(d, "d");
        Guard.Positive(k, "k");
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimension != d * d)
            throw new InvalidInputException("x", $"rows have {data.Dimension} entries, expected d² = {d * d}");
        return d * k;
    }
}

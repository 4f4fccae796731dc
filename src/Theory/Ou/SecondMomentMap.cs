using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Theory.Geometry;

namespace NoiseDrift.Theory.Ou;

/// <summary>
/// The linear map <c>T(S) = E[(I − ηA) S (I − ηA)]</c> of docs/theory.md §2 on symmetric n × n matrices in normal
/// coordinates, with <c>A = (1/B) Σ_{i∈batch} a_i a_iᵀ</c> and <c>a_i</c> the coordinates of <c>g_i</c>.
/// Batches are B distinct indices drawn uniformly, so <c>P(i ∈ batch) = B/n</c> and
/// <c>P(i, j ∈ batch) = B(B−1)/(n(n−1))</c> for i ≠ j. Then <c>E A = G</c> and
/// <c>E[A S A] = (1/B²) [ (B/n) D(S) + q (M S M − D(S)) ]</c> with <c>M = Σ_i a_i a_iᵀ = n G</c>,
/// <c>D(S) = Σ_i (a_iᵀ S a_i) a_i a_iᵀ</c> and <c>q = B(B−1)/(n(n−1))</c>. For B = n this is <c>G S G</c>.
/// T is self-adjoint in the Frobenius inner product and maps PSD matrices to PSD matrices, so its spectral radius is
/// its largest eigenvalue.
/// </summary>
public sealed class SecondMomentMap
{
    private readonly Matrix<double> _g;
    private readonly Matrix<double> _m;
    private readonly Vector<double>[] _a;
    private readonly double _eta;
    private readonly double _single;
    private readonly double _pair;

    /// <summary>The map for the frame's G and the SGD's η and B (docs/theory.md §2).</summary>
    public SecondMomentMap(NormalFrame frame, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sgd);
        sgd.Validate(frame.Count);
        int n = frame.Count, b = sgd.Batch;
        _g = frame.NormalHessian;
        _m = _g * n;
        _a = Enumerable.Range(0, n).Select(frame.GradientCoordinates).ToArray();
        _eta = sgd.Eta;
        _single = (double)b / n / ((double)b * b);
        _pair = n > 1 ? (double)b * (b - 1) / ((double)n * (n - 1)) / ((double)b * b) : 0;
    }

    /// <summary><c>E[A S A]</c> over the batch (docs/theory.md §2).</summary>
    public Matrix<double> ExpectedASA(Matrix<double> s)
    {
        var diagonal = Matrix<double>.Build.Dense(s.RowCount, s.RowCount);
        foreach (var a in _a) diagonal += a.OuterProduct(a) * (a * (s * a));
        return diagonal * (_single - _pair) + _m * s * _m * _pair;
    }

    /// <summary><c>T(S) = S − η (G S + S G) + η² E[A S A]</c> (docs/theory.md §2).</summary>
    public Matrix<double> Apply(Matrix<double> s) =>
        s - (_g * s + s * _g) * _eta + ExpectedASA(s) * (_eta * _eta);
}

using MathNet.Numerics.LinearAlgebra;

namespace NoiseDrift.Theory.Ou;

/// <summary>
/// The Frobenius-orthonormal basis of symmetric n × n matrices, <c>E_kk</c> and <c>(E_kl + E_lk)/√2</c> for k &lt; l,
/// used to solve the minibatch OU fixed point of docs/theory.md §2 as a symmetric linear system of size n(n+1)/2.
/// </summary>
public sealed class SymmetricBasis
{
    private readonly (int Row, int Column)[] _pairs;

    public SymmetricBasis(int n)
    {
        Size = n;
        _pairs = [.. from k in Enumerable.Range(0, n) from l in Enumerable.Range(k, n - k) select (k, l)];
    }

    public int Size { get; }

    public int Dimension => _pairs.Length;

    public Vector<double> Coordinates(Matrix<double> s) => Vector<double>.Build.Dense(Dimension, alpha =>
    {
        var (k, l) = _pairs[alpha];
        return k == l ? s[k, k] : (s[k, l] + s[l, k]) / Math.Sqrt(2);
    });

    public Matrix<double> Matrix(Vector<double> c)
    {
        var s = Matrix<double>.Build.Dense(Size, Size);
        for (int alpha = 0; alpha < Dimension; alpha++)
        {
            var (k, l) = _pairs[alpha];
            if (k == l) s[k, k] = c[alpha];
            else s[k, l] = s[l, k] = c[alpha] / Math.Sqrt(2);
        }
        return s;
    }

    /// <summary>The matrix of a linear map on symmetric matrices in this basis.</summary>
    public Matrix<double> MatrixOf(Func<Matrix<double>, Matrix<double>> map)
    {
        var result = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int beta = 0; beta < Dimension; beta++)
        {
            var unit = Vector<double>.Build.Dense(Dimension);
            unit[beta] = 1;
            result.SetColumn(beta, Coordinates(map(Matrix(unit))));
        }
        return result;
    }
}

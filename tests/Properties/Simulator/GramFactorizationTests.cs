using NoiseDrift.Engine.LinearAlgebra;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The Gauss–Newton iterations' reused <see cref="GramFactorization"/> (docs/theory.md §1, §3.11) gives, at every θ it
/// is refactored at, the bits of a fresh <see cref="TangentProjector"/> there: J, h, r, the smallest pivot, the
/// minimum-norm solution and the normal coordinates (which read L) — whatever its buffers held from the θ before,
/// a factorization that failed halfway included.
/// </summary>
public class GramFactorizationTests
{
    private static readonly SimulatorCase Case = SimulatorCase.Tanh;

    [Fact]
    public void A_refactored_gram_matrix_has_the_bits_of_a_fresh_projector()
    {
        var model = Case.Model;
        int n = Case.Data.Count, p = model.ParameterCount;
        var gram = new GramFactorization(model, Case.Data);
        var rank1 = new double[p]; // every g_i = (0, …, 0, 1): the Cholesky factorization stops at row 1
        var thetas = new[] { Case.Start, Offset(Case.ThetaStar, 0.05, 1), rank1, Case.ThetaStar, Offset(Case.Start, 0.3, 2) };
        var rhs = Enumerable.Range(0, n).Select(i => CounterRandom.Gaussian(41, 0, 0, i)).ToArray();
        var v = Enumerable.Range(0, p).Select(q => CounterRandom.Gaussian(41, 1, 0, q)).ToArray();
        foreach (var theta in thetas)
        {
            if (ReferenceEquals(theta, rank1))
            {
                Assert.Throws<InvalidInputException>(() => gram.Factor(theta));
                continue;
            }
            gram.Factor(theta);
            var fresh = new TangentProjector(model, Case.Data, theta);
            Assert.Equal(Bits(fresh.Jacobian), Bits(gram.Jacobian));
            Assert.Equal(Bits(fresh.Outputs), Bits(gram.Outputs));
            Assert.Equal(Bits(fresh.Residuals), Bits(gram.Residuals));
            Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.SmallestPivot), BitConverter.DoubleToInt64Bits(gram.SmallestPivot));
            var expected = new double[p];
            var actual = new double[p];
            fresh.MinimumNormSolution(rhs, expected);
            gram.MinimumNormSolution(rhs, actual);
            Assert.Equal(Bits(expected), Bits(actual));
            var coordinates = new double[n];
            fresh.ToNormalCoordinates(v, coordinates);
            var fromLower = new double[n];
            GramMatrix.Times(gram.Jacobian, n, p, v, fromLower);
            Cholesky.ForwardSubstitute(gram.Lower, n, fromLower);
            Assert.Equal(Bits(coordinates), Bits(fromLower));
        }
    }

    private static double[] Offset(double[] theta, double scale, long stream) =>
        theta.Select((t, q) => t + scale * CounterRandom.Gaussian(43, stream, 0, q)).ToArray();

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int i = 0; i < values.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        return bits;
    }
}

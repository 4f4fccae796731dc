using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Activations;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Manifold;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Random;
using NoiseDrift.Engine.Validation;
using Xunit;

namespace NoiseDrift.Properties.Simulator;

/// <summary>
/// The zero-loss manifold tools (docs/theory.md §1): P and Π_N are complementary orthogonal projections that match the
/// explicit formula <c>Jᵀ (J Jᵀ)⁻¹ J</c>, the normal coordinates are orthonormal, Gauss–Newton reaches
/// <c>max|r| &lt; 1e-12</c>, and data no model can interpolate is refused with a reason.
/// </summary>
public class ManifoldTests
{
    private static readonly SimulatorCase Case = SimulatorCase.Tanh;

    private static double[] RandomVector(int p, long stream) =>
        Enumerable.Range(0, p).Select(t => CounterRandom.Gaussian(31, stream, 0, t)).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    [Fact]
    public void Find_interpolant_reaches_zero_loss()
    {
        Assert.True(Case.MaxResidual(Case.ThetaStar) < 1e-12);
        Assert.True(Case.MaxResidual(Case.Start) > 0.1);
    }

    [Fact]
    public void Tangent_and_normal_projections_are_complementary_orthogonal_and_idempotent()
    {
        var projector = new TangentProjector(Case.Model, Case.Data, Case.ThetaStar);
        int n = projector.Count, p = projector.ParameterCount;
        var v = RandomVector(p, 0);
        var tangent = new double[p];
        var normal = new double[p];
        projector.Tangent(v, tangent);
        projector.Normal(v, normal);
        double scale = Norm(v);
        for (int t = 0; t < p; t++) Assert.Equal(v[t], tangent[t] + normal[t], 1e-13 * scale);
        Assert.True(Math.Abs(Dot(tangent, normal)) < 1e-12 * scale * scale);
        var twice = (double[])tangent.Clone();
        projector.Tangent(twice, twice); // in place
        for (int t = 0; t < p; t++) Assert.Equal(tangent[t], twice[t], 1e-13 * scale);
        var j = Matrix<double>.Build.Dense(n, p, (i, t) => projector.Jacobian[i * p + t]);
        Assert.True((j * Vector<double>.Build.DenseOfArray(tangent)).AbsoluteMaximum() < 1e-12 * j.FrobeniusNorm() * scale);
        var explicitNormal = j.Transpose() * (j * j.Transpose()).Solve(j * Vector<double>.Build.DenseOfArray(v));
        for (int t = 0; t < p; t++) Assert.Equal(explicitNormal[t], normal[t], 1e-12 * scale);
    }

    [Fact]
    public void Normal_coordinates_are_orthonormal()
    {
        var projector = new TangentProjector(Case.Model, Case.Data, Case.ThetaStar);
        int n = projector.Count, p = projector.ParameterCount;
        var basis = new double[n][];
        for (int a = 0; a < n; a++)
        {
            var e = new double[n];
            e[a] = 1;
            basis[a] = new double[p];
            projector.FromNormalCoordinates(e, basis[a]);
        }
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                Assert.Equal(a == b ? 1.0 : 0.0, Dot(basis[a], basis[b]), 1e-10);

        var v = RandomVector(p, 1);
        var c = new double[n];
        var back = new double[p];
        var normal = new double[p];
        projector.ToNormalCoordinates(v, c);
        projector.FromNormalCoordinates(c, back);
        projector.Normal(v, normal);
        for (int t = 0; t < p; t++) Assert.Equal(normal[t], back[t], 1e-12 * Norm(v));
        Assert.Equal(Norm(normal), Norm(c), 1e-12 * Norm(v));
    }

    [Fact]
    public void Project_returns_to_the_manifold_and_fixes_its_points()
    {
        var u = RandomVector(Case.Model.ParameterCount, 2);
        var off = Case.ThetaStar.Zip(u, (a, b) => a + 0.03 * b).ToArray();
        Assert.True(Case.MaxResidual(off) > 1e-3);
        var projected = ZeroLossProjection.Project(Case.Model, Case.Data, off);
        Assert.True(Case.MaxResidual(projected) < 1e-12);
        Assert.True(Norm(projected.Zip(off, (a, b) => a - b).ToArray()) < 0.03 * Norm(u));
        Assert.Equal(projected, ZeroLossProjection.Project(Case.Model, Case.Data, projected));
    }

    [Fact]
    public void Matrix_sensing_projects_onto_its_manifold()
    {
        var model = new MatrixSensing(3, 3);
        const int n = 5;
        var x = new double[n * 9];
        for (int i = 0; i < n; i++)
            MatrixSensing.SensingMatrix(RandomVector(9, 10 + i), 3).CopyTo(x, i * 9);
        var truth = RandomVector(9, 20); // U* (d × k), so the labels ⟨A_i, U*U*ᵀ⟩ have an interpolant
        var y = new double[n];
        for (int i = 0; i < n; i++) y[i] = model.Value(truth, x.AsSpan(i * 9, 9), model.CreateWorkspace(1));
        var data = new Dataset(x, y, 9);
        var theta = ZeroLossProjection.FindInterpolant(model, data, RandomVector(9, 21));
        var h = new double[n];
        model.Forward(theta, x, h, model.CreateWorkspace(n));
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(h[i] - data.Y[i]) < 1e-12);
        var projector = new TangentProjector(model, data, theta);
        var tangent = new double[9];
        projector.Tangent(RandomVector(9, 22), tangent);
        var jt = new double[n];
        for (int i = 0; i < n; i++) jt[i] = Dot(projector.Jacobian.Slice(i * 9, 9).ToArray(), tangent);
        Assert.True(jt.Max(Math.Abs) < 1e-12 * 100);
    }

    [Fact]
    public void A_rank_deficient_jacobian_is_named_with_its_pivot()
    {
        // θ = 0: every hidden unit is tanh(0) = 0, so every g_i = (0, …, 0, 1) and J has rank 1.
        var e = Assert.Throws<InvalidInputException>(() =>
            new TangentProjector(Case.Model, Case.Data, new double[Case.Model.ParameterCount]));
        Assert.Equal("theta", e.Field);
        Assert.Contains("rank-deficient", e.Message);
        Assert.Contains("pivot", e.Message);
    }

    [Fact]
    public void Data_the_model_cannot_interpolate_is_refused_with_sizes()
    {
        var small = new Mlp(2, [1], [ActivationKind.Tanh]); // p = 5
        var many = SimulatorCase.Create(3, n: 6, width: 1);
        var e = Assert.Throws<InvalidInputException>(() =>
            ZeroLossProjection.FindInterpolant(small, many.Data, many.Start));
        Assert.Equal("data", e.Field);
        Assert.Contains("n = 6", e.Message);
        Assert.Contains("p = 5", e.Message);

        var x = (double[])Case.Data.X.Clone();
        x[2] = x[0];
        x[3] = x[1]; // x_1 = x_0
        var conflicting = new Dataset(x, Case.Data.Y, 2);
        Assert.Equal("y[1]", Assert.Throws<InvalidInputException>(() =>
            ZeroLossProjection.FindInterpolant(Case.Model, conflicting, Case.Start)).Field);
        var y = (double[])Case.Data.Y.Clone();
        y[1] = y[0];
        Assert.Equal("x[1]", Assert.Throws<InvalidInputException>(() =>
            ZeroLossProjection.FindInterpolant(Case.Model, new Dataset(x, y, 2), Case.Start)).Field);
    }
}

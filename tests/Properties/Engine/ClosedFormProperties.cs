using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Checks;

namespace NoiseDrift.Properties.Engine;

/// <summary>
/// The closed forms of docs/theory.md §4 equal the engine: matrix sensing (§4.1) <c>g_i = 2A_iU</c>,
/// <c>reg = 4 tr(UᵀMU)</c>, <c>∇reg = 8MU</c> with <c>M = (1/n) Σ A_i²</c> (computed with MathNet); the 1-D ReLU
/// <c>reg</c> (§4.2); the two-layer sigmoid single-point <c>reg</c> (§4.3). Tolerance: rounding,
/// <c>Safety · RoundingFactor · ε</c> relative to the size of the terms.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class ClosedFormProperties
{
    [Property(Arbitrary = [typeof(SensingCases)])]
    public void Matrix_sensing_gradient_reg_and_reg_gradient(NetworkCase c)
    {
        var model = (MatrixSensing)c.Model;
        int d = model.Size, k = model.Width, n = c.Data.Count, p = model.ParameterCount;
        var u = Matrix<double>.Build.DenseOfRowMajor(d, k, c.Theta);
        var sensing = Enumerable.Range(0, n).Select(i => Matrix<double>.Build.DenseOfRowMajor(d, d, c.Data.Row(i).ToArray())).ToArray();
        var m = sensing.Aggregate(Matrix<double>.Build.Dense(d, d), (sum, a) => sum + a * a) / n;
        double scale = u.FrobeniusNorm() * u.FrobeniusNorm() * sensing.Max(a => a.FrobeniusNorm() * a.FrobeniusNorm());

        var ws = model.CreateWorkspace(n);
        var g = new double[p];
        for (int i = 0; i < n; i++)
        {
            model.Gradient(c.Theta, c.Data.Row(i), g, ws);
            Close(2 * sensing[i] * u, g, $"g_{i} = 2 A_{i} U", Math.Sqrt(scale));
        }
        Close(4 * (u.Transpose() * m * u).Trace(), model.Reg(c.Theta, c.Data.X, ws), "reg = 4 tr(U^T M U)", scale);
        var gradReg = new double[p];
        model.RegGradient(c.Theta, c.Data.X, gradReg, ws);
        Close(8 * m * u, gradReg, "grad reg = 8 M U", scale);
    }

    [Property(Arbitrary = [typeof(Relu1DCases)])]
    public void Relu_1d_reg_closed_form(NetworkCase c)
    {
        int m = c.Theta.Length / 3;
        double expected = 0, scale = 0;
        for (int i = 0; i < c.Data.Count; i++)
        {
            double x = c.Data.X[i], term = 1;
            for (int j = 0; j < m; j++)
            {
                double z = c.Theta[j] * x + c.Theta[m + j], a = c.Theta[2 * m + j];
                term += Math.Max(z, 0) * Math.Max(z, 0) + (z > 0 ? a * a * (x * x + 1) : 0);
            }
            expected += term / c.Data.Count;
            scale += term;
        }
        Close(expected, c.Model.Reg(c.Theta, c.Data.X, c.Model.CreateWorkspace(c.Data.Count)), "1-D ReLU reg (§4.2)", scale);
    }

    [Property(Arbitrary = [typeof(SigmoidCases)])]
    public void Two_layer_sigmoid_single_point_reg_closed_form(NetworkCase c)
    {
        var mlp = (Mlp)c.Model;
        int d = mlp.InputDimension, m = mlp.Hidden[0];
        var ws = mlp.CreateWorkspace(1);
        for (int i = 0; i < c.Data.Count; i++)
        {
            var x = c.Data.Row(i);
            double cx = 1, expected = 0;
            for (int q = 0; q < d; q++) cx += x[q] * x[q];
            for (int j = 0; j < m; j++)
            {
                double z = c.Theta[m * d + j];
                for (int q = 0; q < d; q++) z += c.Theta[j * d + q] * x[q];
                double s = 1 / (1 + Math.Exp(-z)), ds = s * (1 - s), a = c.Theta[m * (d + 1) + j];
                expected += s * s + a * a * ds * ds * cx;
            }
            var single = new Dataset(x.ToArray(), [c.Data.Y[i]], d);
            Close(expected, mlp.Reg(c.Theta, single.X, ws), $"sigmoid reg at point {i} (§4.3)", expected);
        }
    }

    private static void Close(Matrix<double> expected, double[] actual, string what, double scale)
    {
        var flat = expected.ToRowMajorArray();
        for (int k = 0; k < flat.Length; k++) Close(flat[k], actual[k], $"{what} [{k}]", scale);
    }

    private static void Close(double expected, double actual, string what, double scale)
    {
        double tolerance = FiniteDifference.Safety * FiniteDifference.RoundingFactor * FiniteDifference.Epsilon *
                           Math.Max(1, scale);
        if (!(Math.Abs(expected - actual) <= tolerance))
            throw new CheckFailedException($"{what}: closed form {expected:R}, engine {actual:R}, tolerance {tolerance:G3}");
    }
}

using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Theory.Unit;

/// <summary>The linear model <c>h(x; w) = w · x</c>: H = 0, so reg is constant and every drift is 0.</summary>
internal sealed class LinearModel(int d) : Model
{
    public override int ParameterCount => d;
    public override int InputDimension => d;
    public override string Describe() => $"linear d={d}";

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws) => Dot(theta, x);

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        x.CopyTo(gradient);
        return Dot(theta, x);
    }

    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws) => product.Clear();

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}

/// <summary>
/// The diagonal product model <c>h(x; a, w) = Σ_j a_j w_j x_j</c>, θ = (a_1..a_d, w_1..w_d):
/// <c>g = (w∘x, a∘x)</c> and <c>H v = (x∘v_w, x∘v_a)</c>.
/// </summary>
internal sealed class ProductModel(int d) : Model
{
    public override int ParameterCount => 2 * d;
    public override int InputDimension => d;
    public override string Describe() => $"product d={d}";

    public override double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Workspace ws)
    {
        double s = 0;
        for (int j = 0; j < d; j++) s += theta[j] * theta[d + j] * x[j];
        return s;
    }

    public override double Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> gradient, Workspace ws)
    {
        for (int j = 0; j < d; j++)
        {
            gradient[j] = theta[d + j] * x[j];
            gradient[d + j] = theta[j] * x[j];
        }
        return Value(theta, x, ws);
    }

    public override void HessianVector(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Workspace ws)
    {
        for (int j = 0; j < d; j++)
        {
            product[j] = x[j] * v[d + j];
            product[d + j] = x[j] * v[j];
        }
    }
}

internal static class HandData
{
    /// <summary>A fixed pseudo-random n × p Jacobian of full row rank.</summary>
    public static double[] Jacobian(int n, int p, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n * p).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>One data point x = 1, y = 1 for the scalar product model h = a w.</summary>
    public static Dataset SinglePoint() => new([1.0], [1.0], 1);
}

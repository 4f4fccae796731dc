using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The two-layer sigmoid network without output bias (docs/theory.md §4.3) in closed form: <c>h(x) = Σ_j a_j s(z_j)</c>,
/// <c>z_j = w_j·x + b_j</c>, logistic s with <c>s' = s(1 − s)</c>, <c>s'' = s'(1 − 2s)</c>;
/// <c>reg = (1/n) Σ_i Σ_j [s(z_ij)² + a_j² s'(z_ij)² C_i]</c> with <c>C_i = ||x_i||² + 1</c> (the paper's setting is
/// n = 1), and <c>∇reg</c>: <c>∂/∂z_j = 2 s s' + 2 a_j² s' s'' C</c> (times x for w_j), <c>∂/∂a_j = 2 a_j s'² C</c>.
/// <para>θ = (W (m × d, row-major), b (m), a (m)): the MLP order without output bias (<see cref="Engine.Models.Mlp.TwoLayerSigmoid"/>).</para>
/// </summary>
public sealed class Sigmoid2Setting : SymbolicSetting
{
    /// <summary>A network with <paramref name="input"/> inputs and width m at θ (length m(d + 2)).</summary>
    public Sigmoid2Setting(int input, int width, double[] theta, Dataset data)
        : base(theta, data, Checked(input, width, data))
    {
        Input = input;
        Width = width;
    }

    /// <summary>d, the input dimension.</summary>
    public int Input { get; }

    /// <summary>m, the number of hidden neurons.</summary>
    public int Width { get; }

    /// <summary><c>a_j</c>.</summary>
    public double A(int j) => Theta[Width * (Input + 1) + j];

    /// <summary><c>z_ij = w_j·x_i + b_j</c>.</summary>
    public double PreActivation(int i, int j)
    {
        var x = Data.Row(i);
        double z = Theta[Width * Input + j];
        for (int q = 0; q < Input; q++) z += Theta[j * Input + q] * x[q];
        return z;
    }

    /// <summary><c>C_i = ||x_i||² + 1</c> (docs/theory.md §4.3).</summary>
    public double PointCost(int i)
    {
        double c = 1;
        foreach (double v in Data.Row(i)) c += v * v;
        return c;
    }

    /// <summary>The logistic function <c>s(z) = 1/(1 + e^{−z})</c>.</summary>
    public static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>The shares <c>v_j = a_j s(z_j)</c> at point i, with <c>Σ_j v_j = h(x_i)</c> (docs/theory.md §4.3).</summary>
    public double[] Shares(int i = 0) => Enumerable.Range(0, Width).Select(j => A(j) * Logistic(PreActivation(i, j))).ToArray();

    /// <inheritdoc/>
    public override double Output(int i) => Shares(i).Sum();

    /// <summary><c>∂h/∂w_jq = a_j s' x_q</c>, <c>∂h/∂b_j = a_j s'</c>, <c>∂h/∂a_j = s</c>.</summary>
    public override double[] ExampleGradient(int i)
    {
        int m = Width, d = Input;
        var x = Data.Row(i);
        var g = new double[ParameterCount];
        for (int j = 0; j < m; j++)
        {
            double s = Logistic(PreActivation(i, j)), ds = s * (1 - s), a = A(j);
            for (int q = 0; q < d; q++) g[j * d + q] = a * ds * x[q];
            g[m * d + j] = a * ds;
            g[m * (d + 1) + j] = s;
        }
        return g;
    }

    /// <summary>
    /// With <c>δz_j = v_{w_j}·x + v_{b_j}</c>: <c>(Hv)_{w_j} = x (s' v_{a_j} + a_j s'' δz_j)</c>,
    /// <c>(Hv)_{b_j} = s' v_{a_j} + a_j s'' δz_j</c>, <c>(Hv)_{a_j} = s' δz_j</c>.
    /// </summary>
    public override double[] HessianTimes(int i, ReadOnlySpan<double> v)
    {
        RequireParameterVector(v);
        int m = Width, d = Input;
        var x = Data.Row(i);
        var product = new double[ParameterCount];
        for (int j = 0; j < m; j++)
        {
            double s = Logistic(PreActivation(i, j)), ds = s * (1 - s), dds = ds * (1 - 2 * s), a = A(j);
            double dz = v[m * d + j];
            for (int q = 0; q < d; q++) dz += v[j * d + q] * x[q];
            double va = v[m * (d + 1) + j], inner = ds * va + a * dds * dz;
            for (int q = 0; q < d; q++) product[j * d + q] = x[q] * inner;
            product[m * d + j] = inner;
            product[m * (d + 1) + j] = ds * dz;
        }
        return product;
    }

    /// <summary>The closed-form <c>reg</c> of docs/theory.md §4.3, averaged over the points.</summary>
    public override double Reg()
    {
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            double c = PointCost(i);
            for (int j = 0; j < Width; j++)
            {
                double s = Logistic(PreActivation(i, j)), ds = s * (1 - s), a = A(j);
                sum += s * s + a * a * ds * ds * c;
            }
        }
        return sum / Count;
    }

    /// <summary>The derivative of the closed-form <c>reg</c> (docs/theory.md §4.3).</summary>
    public override double[] RegGradient()
    {
        int m = Width, d = Input, n = Count;
        var gradient = new double[ParameterCount];
        for (int i = 0; i < n; i++)
        {
            var x = Data.Row(i);
            double c = PointCost(i);
            for (int j = 0; j < m; j++)
            {
                double s = Logistic(PreActivation(i, j)), ds = s * (1 - s), dds = ds * (1 - 2 * s), a = A(j);
                double dz = (2 * s * ds + 2 * a * a * ds * dds * c) / n;
                for (int q = 0; q < d; q++) gradient[j * d + q] += dz * x[q];
                gradient[m * d + j] += dz;
                gradient[m * (d + 1) + j] += 2 * a * ds * ds * c / n;
            }
        }
        return gradient;
    }

    private static int Checked(int input, int width, Dataset data)
    {
        Guard.Positive(input, "input");
        Guard.Positive(width, "width");
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimension != input)
            throw new InvalidInputException("x", $"rows have {data.Dimension} features; the network takes {input}");
        return width * (input + 2);
    }
}

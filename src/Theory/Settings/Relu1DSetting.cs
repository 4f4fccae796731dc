using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// The two-layer ReLU network on 1-D data (docs/theory.md §4.2) in closed form: <c>h(x) = Σ_j a_j relu(w_j x + b_j) + c</c>,
/// <c>reg = (1/n) Σ_i [1 + Σ_j (relu(z_ij)² + a_j² (x_i² + 1) 1[z_ij &gt; 0])]</c> with <c>z_ij = w_j x_i + b_j</c>,
/// and its gradient on the side of each kink where the data lie (the indicators held fixed):
/// <c>∂reg/∂w_j = (2/n) Σ_{i active} z_ij x_i</c>, <c>∂reg/∂b_j = (2/n) Σ_{i active} z_ij</c>,
/// <c>∂reg/∂a_j = (2/n) a_j Σ_{i active} (x_i² + 1)</c>, <c>∂reg/∂c = 0</c>.
/// <para>
/// θ = (w (m), b (m), a (m), c): the MLP order with input 1 (<see cref="Engine.Models.Mlp.Relu1D"/>). relu'(0) = 0, as
/// in the engine; the forms hold where no data point sits on a kink.
/// </para>
/// </summary>
public sealed class Relu1DSetting : SymbolicSetting
{
    /// <summary>A network of width m at θ (length 3m + 1) on 1-D data.</summary>
    public Relu1DSetting(int width, double[] theta, Dataset data)
        : base(theta, data, Checked(width, data))
    {
        Width = width;
    }

    /// <summary>m, the number of hidden neurons.</summary>
    public int Width { get; }

    /// <summary><c>w_j</c>.</summary>
    public double W(int j) => Theta[j];

    /// <summary><c>b_j</c>.</summary>
    public double B(int j) => Theta[Width + j];

    /// <summary><c>a_j</c>.</summary>
    public double A(int j) => Theta[2 * Width + j];

    /// <summary>The output bias c.</summary>
    public double C => Theta[3 * Width];

    /// <summary><c>x_i</c>.</summary>
    public double X(int i) => Data.X[i];

    /// <summary><c>z_ij = w_j x_i + b_j</c>, the pre-activation of neuron j at point i.</summary>
    public double PreActivation(int i, int j) => W(j) * X(i) + B(j);

    /// <summary>Whether neuron j is active at point i, <c>z_ij &gt; 0</c>.</summary>
    public bool Active(int i, int j) => PreActivation(i, j) > 0;

    /// <inheritdoc/>
    public override double Output(int i) => At(X(i));

    /// <summary><c>h(x) = Σ_j a_j relu(w_j x + b_j) + c</c> at any x (to compare h with the linear spline).</summary>
    public double At(double x)
    {
        double h = C;
        for (int j = 0; j < Width; j++) h += A(j) * Math.Max(W(j) * x + B(j), 0);
        return h;
    }

    /// <summary><c>∂h/∂w_j = a_j 1 x</c>, <c>∂h/∂b_j = a_j 1</c>, <c>∂h/∂a_j = relu(z)</c>, <c>∂h/∂c = 1</c>.</summary>
    public override double[] ExampleGradient(int i)
    {
        int m = Width;
        var g = new double[ParameterCount];
        double x = X(i);
        for (int j = 0; j < m; j++)
        {
            if (!Active(i, j)) continue;
            g[j] = A(j) * x;
            g[m + j] = A(j);
            g[2 * m + j] = PreActivation(i, j);
        }
        g[3 * m] = 1;
        return g;
    }

    /// <summary>The only second derivatives are <c>∂²h/∂a_j∂w_j = 1 x</c> and <c>∂²h/∂a_j∂b_j = 1</c>.</summary>
    public override double[] HessianTimes(int i, ReadOnlySpan<double> v)
    {
        RequireParameterVector(v);
        int m = Width;
        var product = new double[ParameterCount];
        double x = X(i);
        for (int j = 0; j < m; j++)
        {
            if (!Active(i, j)) continue;
            product[j] = x * v[2 * m + j];
            product[m + j] = v[2 * m + j];
            product[2 * m + j] = x * v[j] + v[m + j];
        }
        return product;
    }

    /// <summary>The closed-form <c>reg</c> of docs/theory.md §4.2.</summary>
    public override double Reg()
    {
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            double x = X(i), term = 1;
            for (int j = 0; j < Width; j++)
            {
                double z = PreActivation(i, j);
                if (z > 0) term += z * z + A(j) * A(j) * (x * x + 1);
            }
            sum += term;
        }
        return sum / Count;
    }

    /// <summary>The derivative of the closed-form <c>reg</c>, the indicators held fixed (docs/theory.md §4.2).</summary>
    public override double[] RegGradient()
    {
        int m = Width, n = Count;
        var gradient = new double[ParameterCount];
        for (int i = 0; i < n; i++)
        {
            double x = X(i);
            for (int j = 0; j < m; j++)
            {
                double z = PreActivation(i, j);
                if (z <= 0) continue;
                gradient[j] += 2.0 / n * z * x;
                gradient[m + j] += 2.0 / n * z;
                gradient[2 * m + j] += 2.0 / n * A(j) * (x * x + 1);
            }
        }
        return gradient;
    }

    /// <summary>
    /// The tangent of the rescaling curve <c>(a_j, w_j, b_j) → (a_j/s, s w_j, s b_j)</c> at s = 1: <c>δw_j = w_j</c>,
    /// <c>δb_j = b_j</c>, <c>δa_j = −a_j</c> (docs/theory.md §4.2). h is constant along it, so it lies in <c>T = ker J</c>.
    /// </summary>
    public double[] RescalingDirection(int j)
    {
        var t = new double[ParameterCount];
        t[j] = W(j);
        t[Width + j] = B(j);
        t[2 * Width + j] = -A(j);
        return t;
    }

    private static int Checked(int width, Dataset data)
    {
        Guard.Positive(width, "width");
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimension != 1)
            throw new InvalidInputException("x", $"rows have {data.Dimension} features; the 1-D ReLU network takes 1");
        return 3 * width + 1;
    }
}

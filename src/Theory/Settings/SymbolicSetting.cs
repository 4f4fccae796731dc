using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;
using NoiseDrift.Theory.Geometry;
using NoiseDrift.Theory.Ou;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// One of the paper's settings (docs/theory.md §4) at θ on its data, through its own closed forms: outputs <c>h_i</c>,
/// gradients <c>g_i</c>, Hessian actions <c>H_i v</c>, <c>reg</c> and <c>∇reg</c>. This is the symbolic route, an
/// independent check on the engine: nothing here calls a <see cref="Engine.Models.Model"/> derivative.
/// <see cref="Predict"/> turns the closed forms into the drift of §3, with P built from the closed-form <c>g_i</c>
/// (<c>P v = v − Jᵀ (J Jᵀ)⁻¹ J v</c>, never a p × p matrix).
/// </summary>
public abstract class SymbolicSetting
{
    /// <summary>A setting at <paramref name="theta"/> (length <paramref name="parameterCount"/>, finite) on <paramref name="data"/>.</summary>
    protected SymbolicSetting(double[] theta, Dataset data, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(data);
        Guard.Length(theta.Length, parameterCount, "theta");
        Guard.Finite(theta, "theta");
        Guard.Finite(data.X, "x");
        Theta = theta;
        Data = data;
    }

    /// <summary>θ, in the engine model's parameter order.</summary>
    public double[] Theta { get; }

    /// <summary>The data <c>(x_i, y_i)</c>.</summary>
    public Dataset Data { get; }

    /// <summary>The number of examples n.</summary>
    public int Count => Data.Count;

    /// <summary>The number of parameters p.</summary>
    public int ParameterCount => Theta.Length;

    /// <summary><c>h(x_i; θ)</c> from the closed form.</summary>
    public abstract double Output(int i);

    /// <summary><c>g_i = ∇_θ h(x_i; θ)</c> from the closed form (docs/theory.md §1).</summary>
    public abstract double[] ExampleGradient(int i);

    /// <summary><c>H_i v = ∇²_θ h(x_i; θ) v</c> from the closed form (docs/theory.md §1).</summary>
    public abstract double[] HessianTimes(int i, ReadOnlySpan<double> v);

    /// <summary><c>reg(θ)</c> from the setting's closed form (docs/theory.md §4).</summary>
    public abstract double Reg();

    /// <summary><c>∇reg(θ)</c> from the setting's closed form (docs/theory.md §4).</summary>
    public abstract double[] RegGradient();

    /// <summary>J (row-major n × p, rows the closed-form <c>g_i</c>).</summary>
    public double[] Jacobian()
    {
        int n = Count, p = ParameterCount;
        var j = new double[n * p];
        for (int i = 0; i < n; i++) ExampleGradient(i).CopyTo(j.AsSpan(i * p, p));
        return j;
    }

    /// <summary>The normal frame of the closed-form J, with residuals <c>h_i − y_i</c> from the closed-form outputs.</summary>
    public NormalFrame Frame()
    {
        var residuals = Enumerable.Range(0, Count).Select(i => Output(i) - Data.Y[i]).ToArray();
        return NormalFrame.FromJacobian(Jacobian(), Count, ParameterCount, residuals);
    }

    /// <summary>
    /// <c>reg</c>, <c>∇reg</c>, <c>P ∇reg</c>, the leading drift <c>−(η²σ²/(4B)) P ∇reg</c> and the exact-S drift
    /// <c>−η (1/n) Σ_i P H_i (Q S a_i)</c> (docs/theory.md §3), all from the closed forms. Refuses θ off M (on field
    /// <c>theta</c>), rank-deficient J and <c>η λ_max ≥ 2</c>.
    /// </summary>
    public ClosedFormPrediction Predict(SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        var frame = Frame();
        ManifoldStart.Require(frame, Data);
        var covariance = StationaryCovariance.Exact(frame, sgd);
        var gradReg = RegGradient();
        var pGradReg = frame.ProjectTangent(gradReg);
        double leadingScale = -sgd.Eta * sgd.Eta * sgd.Sigma * sgd.Sigma / (4.0 * sgd.Batch);
        var leading = pGradReg.Select(v => leadingScale * v).ToArray();
        var sum = new double[ParameterCount];
        for (int i = 0; i < Count; i++)
        {
            var direction = frame.Embed((covariance.Matrix * frame.GradientCoordinates(i)).ToArray());
            Vectors.AddScaled(sum, HessianTimes(i, direction), -sgd.Eta / Count);
        }
        return new ClosedFormPrediction(Reg(), gradReg, pGradReg, leading, frame.ProjectTangent(sum));
    }

    /// <summary>Throws unless <paramref name="v"/> has length p.</summary>
    protected void RequireParameterVector(ReadOnlySpan<double> v) => Guard.Length(v.Length, ParameterCount, "v");
}

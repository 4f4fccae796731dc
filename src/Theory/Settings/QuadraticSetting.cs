using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// Quadratically parametrised sparse regression (docs/theory.md §7) in closed form: <c>h(x; θ) = ⟨β, x⟩</c> with
/// <c>β = θ ⊙ θ</c>, or the signed form <c>β = u ⊙ u − v ⊙ v</c> with θ = (u, v). Then <c>g_i = 2θ ⊙ x_i</c>
/// (signed: <c>(2u ⊙ x_i, −2v ⊙ x_i)</c>), <c>H_i v = 2x_i ⊙ v</c> (signed: <c>(2x_i ⊙ v_u, −2x_i ⊙ v_v)</c>), and with
/// <c>h̄ = diag(XᵀX)/n</c>: <c>reg = 4⟨h̄, θ ⊙ θ⟩</c> (summed over both halves for the signed form) and
/// <c>∇reg = 8 h̄ ⊙ θ</c>. For the unsigned form <c>reg = 4⟨h̄, β⟩</c>, a weighted ℓ1 norm of β ≥ 0; for the signed
/// form <c>reg ≥ 4⟨h̄, |β|⟩</c>, with equality where <c>u ⊙ v = 0</c>.
/// <para>θ in the engine's <see cref="Engine.Models.QuadraticLinear"/> order (u, then v); data rows have d entries.</para>
/// </summary>
public sealed class QuadraticSetting : SymbolicSetting
{
    private readonly double[] _hbar;

    /// <summary>The setting on d features at θ (length d, or 2d when <paramref name="difference"/>).</summary>
    public QuadraticSetting(int d, bool difference, double[] theta, Dataset data)
        : base(theta, data, Checked(d, difference, data))
    {
        Dimension = d;
        IsDifference = difference;
        _hbar = WeightsOf(data);
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>Whether θ = (u, v) and <c>β = u⊙u − v⊙v</c>.</summary>
    public bool IsDifference { get; }

    /// <summary>The spec kind: <c>quadratic</c> or <c>quadratic_signed</c>.</summary>
    public string Kind => IsDifference ? "quadratic_signed" : "quadratic";

    /// <summary><c>h̄ = diag(XᵀX)/n</c>, the weights of the ℓ1 norm (docs/theory.md §7).</summary>
    public IReadOnlyList<double> Weights => _hbar;

    /// <summary>β = θ ⊙ θ, or <c>u ⊙ u − v ⊙ v</c>.</summary>
    public double[] Beta => [.. Enumerable.Range(0, Dimension).Select(j => Theta[j] * Theta[j] - (IsDifference ? Theta[Dimension + j] * Theta[Dimension + j] : 0))];

    /// <summary><c>h̄_j = (1/n) Σ_i x_ij²</c> of a data set.</summary>
    public static double[] WeightsOf(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = data.Dimension;
        var hbar = new double[d];
        for (int i = 0; i < data.Count; i++)
        {
            var x = data.Row(i);
            for (int j = 0; j < d; j++) hbar[j] += x[j] * x[j];
        }
        for (int j = 0; j < d; j++) hbar[j] /= data.Count;
        return hbar;
    }

    /// <summary>The <c>h̄</c>-weighted ℓ1 norm <c>⟨h̄, |β|⟩</c> (docs/theory.md §7).</summary>
    public static double WeightedL1(IReadOnlyList<double> hbar, IReadOnlyList<double> beta)
    {
        ArgumentNullException.ThrowIfNull(hbar);
        ArgumentNullException.ThrowIfNull(beta);
        Guard.Length(beta.Count, hbar.Count, "beta");
        double sum = 0;
        for (int j = 0; j < beta.Count; j++) sum += hbar[j] * Math.Abs(beta[j]);
        return sum;
    }

    /// <summary><c>⟨h̄, |β|⟩</c> at θ; <c>reg = 4</c> times it for the unsigned form.</summary>
    public double WeightedL1Norm => WeightedL1(_hbar, Beta);

    /// <summary><c>⟨β, x_i⟩</c>.</summary>
    public override double Output(int i)
    {
        var x = Data.Row(i);
        var beta = Beta;
        double h = 0;
        for (int j = 0; j < Dimension; j++) h += beta[j] * x[j];
        return h;
    }

    /// <summary><c>g_i = 2θ ⊙ x_i</c>; signed <c>(2u ⊙ x_i, −2v ⊙ x_i)</c> (docs/theory.md §7).</summary>
    public override double[] ExampleGradient(int i) => Diagonal(i, Theta);

    /// <summary><c>H_i v = 2x_i ⊙ v</c>; signed <c>(2x_i ⊙ v_u, −2x_i ⊙ v_v)</c>, a constant operator.</summary>
    public override double[] HessianTimes(int i, ReadOnlySpan<double> v)
    {
        RequireParameterVector(v);
        return Diagonal(i, v);
    }

    /// <summary><c>reg = 4 Σ_k h̄_{j(k)} θ_k²</c> (docs/theory.md §7; <c>4⟨h̄, β⟩</c> for the unsigned form).</summary>
    public override double Reg()
    {
        double sum = 0;
        for (int k = 0; k < ParameterCount; k++) sum += _hbar[k % Dimension] * Theta[k] * Theta[k];
        return 4 * sum;
    }

    /// <summary><c>∇reg = 8 h̄ ⊙ θ</c> (both halves for the signed form).</summary>
    public override double[] RegGradient() => [.. Enumerable.Range(0, ParameterCount).Select(k => 8 * _hbar[k % Dimension] * Theta[k])];

    /// <summary><c>2 x_i ⊙ w</c> on the first d entries and <c>−2 x_i ⊙ w</c> on the second (signed form).</summary>
    private double[] Diagonal(int i, ReadOnlySpan<double> w)
    {
        var x = Data.Row(i);
        var result = new double[ParameterCount];
        for (int k = 0; k < ParameterCount; k++) result[k] = (k < Dimension ? 2 : -2) * x[k % Dimension] * w[k];
        return result;
    }

    private static int Checked(int d, bool difference, Dataset data)
    {
        Guard.Positive(d, "d");
        ArgumentNullException.ThrowIfNull(data);
        if (data.Dimension != d)
            throw new InvalidInputException("data.x", $"rows have {data.Dimension} entries, expected d = {d}");
        return difference ? 2 * d : d;
    }
}

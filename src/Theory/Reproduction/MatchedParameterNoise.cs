using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// The scale τ of the isotropic control <c>θ += τξ</c>, <c>ξ ~ N(0, I_p)</c> (docs/theory.md §3, "Controls"), chosen so that
/// its per-step mean-square displacement equals that of the label-noise kick <c>(η/B) Σ_{i∈S} ε_i g_i</c> at θ:
/// <c>E||(η/B) Σ ε_i g_i||² = (η²σ²/B) reg(θ)</c>, so <c>τ² p = η²σ² reg(θ)/B</c>.
/// </summary>
public static class MatchedParameterNoise
{
    /// <summary><c>τ = ησ √(reg(θ) / (B p))</c> (docs/theory.md §3).</summary>
    public static double Scale(Model model, ReadOnlySpan<double> theta, Dataset data, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sgd);
        double reg = model.Reg(theta, data.X, model.CreateWorkspace(data.Count));
        return sgd.Eta * sgd.Sigma * Math.Sqrt(reg / (sgd.Batch * (double)model.ParameterCount));
    }
}

using NoiseDrift.Engine.Models;

namespace NoiseDrift.Bench;

/// <summary>
/// Floating-point operations of one benchmarked operation on an MLP, counting its matrix products (2·m·k·n each; the
/// elementwise work is a lower-order term). With <c>F = Σ_ℓ 2 m s_ℓ s_{ℓ+1}</c> (forward products) and
/// <c>B = Σ_{ℓ≥1} 2 m s_ℓ s_{ℓ+1}</c> (backward signal products): <c>reg = F + B</c> (forward, backward, per-example
/// norms), <c>grad_reg = 2F + 4B</c> (plus the hand-written double backward: two products per backward layer and the
/// forward adjoint), <c>sgd_step = 2F + B</c> (forward, backward, parameter gradient).
/// </summary>
public static class OpFlops
{
    public static double For(Mlp model, int rows, string op)
    {
        ArgumentNullException.ThrowIfNull(model);
        double forward = 0, backward = 0;
        for (int l = 0; l < model.Depth; l++)
        {
            int inSize = l == 0 ? model.InputDimension : model.Hidden[l - 1];
            double product = 2.0 * rows * inSize * model.Hidden[l];
            forward += product;
            if (l > 0) backward += product;
        }
        return op switch
        {
            "reg" => forward + backward,
            "grad_reg" => 2 * forward + 4 * backward,
            "sgd_step" => 2 * forward + backward,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operation"),
        };
    }
}

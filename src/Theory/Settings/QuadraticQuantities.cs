namespace NoiseDrift.Theory.Settings;

/// <summary>What <c>noisedrift predict</c> reports on the quadratic model (docs/theory.md §7): β, the weights h̄ and the weighted ℓ1 link.</summary>
internal static class QuadraticQuantities
{
    /// <summary>β, h̄, <c>⟨h̄, |β|⟩</c> and <c>reg / ⟨h̄, |β|⟩</c> (4 for the unsigned form; at least 4 for the signed form).</summary>
    public static List<SettingQuantity> Of(QuadraticSetting s)
    {
        double l1 = s.WeightedL1Norm;
        return
        [
            SettingQuantity.Vector("beta", s.Beta, s.IsDifference ? "β = u⊙u − v⊙v" : "β = θ⊙θ"),
            SettingQuantity.Vector("hbar", s.Weights, "h̄ = diag(XᵀX)/n, the ℓ1 weights"),
            SettingQuantity.Scalar("weighted_l1", l1, "⟨h̄, |β|⟩"),
            SettingQuantity.Scalar("reg_over_weighted_l1", s.Reg() / l1, s.IsDifference ? "reg / ⟨h̄, |β|⟩ ≥ 4, = 4 where u⊙v = 0" : "reg / ⟨h̄, β⟩ = 4"),
        ];
    }
}

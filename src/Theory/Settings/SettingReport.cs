using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;
using NoiseDrift.Engine.Sgd;

namespace NoiseDrift.Theory.Settings;

/// <summary>
/// What <c>noisedrift predict</c> adds on the paper's settings (docs/theory.md §4): the symbolic route's predictions and
/// the setting's own quantities.
/// </summary>
/// <param name="Kind">The spec's model kind: <c>matrix_sensing</c>, <c>relu1d</c>, <c>sigmoid2</c>, <c>quadratic</c> or
/// <c>quadratic_signed</c>.</param>
/// <param name="ClosedForm">reg, ∇reg, P∇reg and both drifts from the closed forms.</param>
/// <param name="Quantities">The setting's own quantities (§4.1: trace, reg/nuclear-norm ratio, test error; §4.2: kinks,
/// balance, slope changes; §4.3: shares, predicted allocation, reg lower bound).</param>
public sealed record SettingReport(string Kind, ClosedFormPrediction ClosedForm, IReadOnlyList<SettingQuantity> Quantities)
{
    /// <summary>
    /// The report at θ* for a model of one of the three settings, or null for any other model. A ground truth X*
    /// (row-major d × d) adds the matrix-sensing test error. Refuses what <see cref="SymbolicSetting.Predict"/> refuses.
    /// </summary>
    public static SettingReport? Of(Model model, double[] theta, Dataset data, SgdProblem sgd, double[]? groundTruth = null)
    {
        var setting = SettingOf.Try(model, theta, data);
        if (setting is null) return null;
        var closedForm = setting.Predict(sgd);
        return setting switch
        {
            MatrixSensingSetting ms => new("matrix_sensing", closedForm, MatrixSensing(ms, groundTruth)),
            Relu1DSetting relu => new("relu1d", closedForm, Relu1D(relu)),
            Sigmoid2Setting sigmoid => new("sigmoid2", closedForm, Sigmoid2(sigmoid)),
            QuadraticSetting quadratic => new(quadratic.Kind, closedForm, QuadraticQuantities.Of(quadratic)),
            _ => null,
        };
    }

    private static List<SettingQuantity> MatrixSensing(MatrixSensingSetting s, double[]? groundTruth)
    {
        var list = new List<SettingQuantity>
        {
            SettingQuantity.Scalar("trace_uut", s.Trace, "tr(UUᵀ), the nuclear norm of UUᵀ"),
            SettingQuantity.Scalar("reg_over_trace", s.RegToNuclearNormRatio, "reg / tr(UUᵀ)"),
            SettingQuantity.Scalar("reg_over_trace_limit", 2.0 * (s.Size + 1), "2(d+1), its large-n limit"),
            SettingQuantity.Scalar("finite_n_gap", s.FiniteSampleGap, "reg − 2(d+1) tr(UUᵀ) = 4 tr(Uᵀ(M − E[A²])U)"),
        };
        if (groundTruth is not null)
            list.Add(SettingQuantity.Scalar("ground_truth_error", s.GroundTruthError(groundTruth), "||UUᵀ − X*||_F"));
        return list;
    }

    private static List<SettingQuantity> Relu1D(Relu1DSetting s)
    {
        var neurons = Relu1DShape.Neurons(s);
        var kinks = Relu1DShape.FunctionKinks(s);
        var spline = new LinearSpline(s.Data.X, s.Data.Y);
        return
        [
            SettingQuantity.Vector("kinks", neurons.Select(n => n.Kink), "per neuron, −b_j/w_j"),
            SettingQuantity.Vector("slope_changes", neurons.Select(n => n.SlopeChange), "per neuron, jump of h' a_j|w_j|"),
            SettingQuantity.Vector("balance_ratios", neurons.Select(n => n.BalanceRatio), "Σrelu² / (a_j² Σ_active(x²+1)); 1 = balanced"),
            SettingQuantity.Vector("kink_costs", neurons.Select(n => n.KinkCost), "C(κ_j)"),
            SettingQuantity.Scalar("balanced_reg", Relu1DShape.BalancedReg(s), "1 + Σ 2|a_j w_j| C(κ_j) ≤ reg"),
            SettingQuantity.Vector("function_kinks", kinks.Select(k => k.Position), "kinks of h (neurons merged)"),
            SettingQuantity.Vector("function_slope_changes", kinks.Select(k => k.SlopeChange), "jump of h' at each"),
            SettingQuantity.Scalar("spline_distance", spline.MaxDistance(s.At), "max |h − linear spline| on the hull"),
        ];
    }

    private static List<SettingQuantity> Sigmoid2(Sigmoid2Setting s)
    {
        var shares = s.Shares(0);
        double c = s.PointCost(0), y = s.Data.Y[0];
        var list = new List<SettingQuantity>
        {
            SettingQuantity.Vector("shares", shares, "v_j = a_j s(z_j) at point 0"),
            SettingQuantity.Scalar("point_cost", c, "C = ||x||² + 1"),
            SettingQuantity.Scalar("shares_cost", SigmoidAllocation.SharesCost(shares, c), "Σ φ(v_j) ≤ reg at these shares"),
        };
        if (s.Count != 1) return list;
        var optimal = SigmoidAllocation.Optimal(y, c, s.Width);
        list.AddRange(
        [
            SettingQuantity.Scalar("q", optimal.Q, "y²C"),
            SettingQuantity.Vector("allocation", optimal.Shares, "predicted optimal shares v_j*"),
            SettingQuantity.Scalar("allocation_carriers", optimal.Carriers, "neurons carrying y"),
            SettingQuantity.Scalar("reg_lower_bound", optimal.Cost, "Σ φ(v_j*), the least reg on M"),
            SettingQuantity.Scalar("equal_split_cost", SigmoidAllocation.EqualSplit(y, c, s.Width).Cost, "m q/(m² + q)"),
            SettingQuantity.Scalar("equal_split_u", Math.Abs(y) * Math.Sqrt(c) / s.Width, "y√C/m; < 1/√3 ≈ 0.577: equal split is a local minimum"),
        ]);
        return list;
    }
}

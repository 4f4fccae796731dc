using FsCheck;
using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The symbolic route of each setting (docs/theory.md §4.1–§4.3) equals the engine to 1e-10 relative: outputs, <c>g_i</c>,
/// <c>H_i v</c>, <c>reg</c> and <c>∇reg</c> against the model's own derivatives, and <c>reg</c>, <c>∇reg</c>,
/// <c>P∇reg</c>, the leading and the exact-S drift against the general route (<see cref="NoiseDrift.Theory.PredictionSummary"/>,
/// i.e. <see cref="NoiseDrift.Theory.Drift.TangentDrift"/>).
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]
public class ClosedFormAgreementProperties
{
    [Property(Arbitrary = [typeof(MatrixSensingInstances)])]
    public void Matrix_sensing_closed_forms_equal_the_engine(SettingInstance s) => AgreesWithEngine(s);

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void Relu_1d_closed_forms_equal_the_engine(SettingInstance s) => AgreesWithEngine(s);

    [Property(Arbitrary = [typeof(Sigmoid2Instances)])]
    public void Sigmoid_closed_forms_equal_the_engine(SettingInstance s) => AgreesWithEngine(s);

    [Property(Arbitrary = [typeof(QuadraticInstances)])]
    public void Quadratic_closed_forms_equal_the_engine(SettingInstance s) => AgreesWithEngine(s);

    [Property(Arbitrary = [typeof(QuadraticInstances)])]
    public void Quadratic_drift_equals_the_general_route(SettingInstance s) => AgreesWithGeneralRoute(s);

    [Property(Arbitrary = [typeof(MatrixSensingInstances)])]
    public void Matrix_sensing_drift_equals_the_general_route(SettingInstance s) => AgreesWithGeneralRoute(s);

    [Property(Arbitrary = [typeof(Relu1DInstances)])]
    public void Relu_1d_drift_equals_the_general_route(SettingInstance s) => AgreesWithGeneralRoute(s);

    [Property(Arbitrary = [typeof(Sigmoid2Instances)])]
    public void Sigmoid_drift_equals_the_general_route(SettingInstance s) => AgreesWithGeneralRoute(s);

    /// <summary>Outputs, g_i, H_i v (v = g_i and a fixed pattern), reg, ∇reg: symbolic versus the engine model.</summary>
    internal static void AgreesWithEngine(SettingInstance s)
    {
        var (model, theta, data) = (s.Case.Model, s.Case.Theta, s.Case.Data);
        var symbolic = s.Symbolic;
        int p = model.ParameterCount;
        var ws = model.CreateWorkspace(data.Count);
        var g = new double[p];
        var hv = new double[p];
        var pattern = Enumerable.Range(0, p).Select(k => Math.Sin(k + 1.0)).ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            double h = model.Gradient(theta, data.Row(i), g, ws);
            var gi = symbolic.ExampleGradient(i);
            Agreement.Close([symbolic.Output(i)], [h], Math.Abs(h) + Agreement.Norm(g), $"h_{i}");
            Agreement.Close(gi, g, Agreement.Norm(g), $"g_{i}");
            foreach (var v in new[] { gi, pattern })
            {
                model.HessianVector(theta, data.Row(i), v, hv, ws);
                Agreement.Close(symbolic.HessianTimes(i, v), hv, Math.Max(Agreement.Norm(hv), Scale(symbolic, i, v)), $"H_{i} v");
            }
        }
        double reg = model.Reg(theta, data.X, ws);
        Agreement.Close([symbolic.Reg()], [reg], reg, "reg");
        var gradReg = new double[p];
        model.RegGradient(theta, data.X, gradReg, ws);
        Agreement.Close(symbolic.RegGradient(), gradReg, Agreement.Norm(gradReg), "grad reg");
    }

    /// <summary>reg, ∇reg, P∇reg, leading and exact-S drift: symbolic versus the general route.</summary>
    internal static void AgreesWithGeneralRoute(SettingInstance s)
    {
        var symbolic = s.Symbolic.Predict(s.Sgd);
        var general = Agreement.General(s);
        foreach (var (name, sym, gen, scale) in Agreement.Fields(symbolic, general, s.Sgd))
            Agreement.Close(sym, gen, scale, name);
    }

    /// <summary>A scale for H v that does not vanish when H v happens to: ||H_i|| ||v|| estimated from the product with |v|.</summary>
    private static double Scale(NoiseDrift.Theory.Settings.SymbolicSetting symbolic, int i, double[] v)
    {
        var abs = v.Select(Math.Abs).ToArray();
        return Agreement.Norm(symbolic.HessianTimes(i, abs));
    }
}

/// <summary>Generated matrix-sensing instances on M (docs/theory.md §4.1).</summary>
public static class MatrixSensingInstances
{
    public static Arbitrary<SettingInstance> Instances() => SettingInstanceGen.Arbitrary(SettingInstanceGen.MatrixSensing);
}

/// <summary>Generated 1-D ReLU instances on M, kinks away from the data (docs/theory.md §4.2).</summary>
public static class Relu1DInstances
{
    public static Arbitrary<SettingInstance> Instances() => SettingInstanceGen.Arbitrary(SettingInstanceGen.Relu1D);
}

/// <summary>Generated sigmoid instances on M, one or two points (docs/theory.md §4.3).</summary>
public static class Sigmoid2Instances
{
    public static Arbitrary<SettingInstance> Instances() => SettingInstanceGen.Arbitrary(SettingInstanceGen.Sigmoid2);
}

/// <summary>Generated quadratic instances on M, both forms (docs/theory.md §7).</summary>
public static class QuadraticInstances
{
    public static Arbitrary<SettingInstance> Instances() => SettingInstanceGen.Arbitrary(SettingInstanceGen.Quadratic);
}

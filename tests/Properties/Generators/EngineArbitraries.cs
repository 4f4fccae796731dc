using FsCheck;
using FsCheck.Fluent;

namespace NoiseDrift.Properties.Generators;

// Arbitraries for [Property(Arbitrary = ...)]: each class registers one family of NetworkCase, with shrinking.

/// <summary>MLPs over all ten activations, away from kinks.</summary>
public static class MlpCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(MlpGen.Any, CaseShrinker.Shrink).Filter(MlpGen.AwayFromKinks);
}

/// <summary>MLPs with smooth activations (second-derivative checks).</summary>
public static class SmoothMlpCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(MlpGen.Smooth, CaseShrinker.Shrink);
}

/// <summary>DAG networks with skip connections over all ten activations, away from kinks.</summary>
public static class DagCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(DagGen.Any, CaseShrinker.Shrink).Filter(DagGen.AwayFromKinks);
}

/// <summary>DAG networks with smooth activations.</summary>
public static class SmoothDagCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(DagGen.Smooth, CaseShrinker.Shrink);
}

/// <summary>Matrix sensing (docs/theory.md §4.1).</summary>
public static class SensingCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(SettingGen.MatrixSensing, CaseShrinker.Shrink);
}

/// <summary>The quadratic model in both forms (docs/theory.md §7).</summary>
public static class QuadraticCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(SettingGen.Quadratic, CaseShrinker.Shrink);
}

/// <summary>Two-layer 1-D ReLU (docs/theory.md §4.2), away from kinks.</summary>
public static class Relu1DCases
{
    public static Arbitrary<NetworkCase> Cases() =>
        Arb.From(SettingGen.Relu1D, CaseShrinker.Shrink).Filter(MlpGen.AwayFromKinks);
}

/// <summary>Two-layer sigmoid without output bias (docs/theory.md §4.3).</summary>
public static class SigmoidCases
{
    public static Arbitrary<NetworkCase> Cases() => Arb.From(SettingGen.TwoLayerSigmoid(), CaseShrinker.Shrink);
}

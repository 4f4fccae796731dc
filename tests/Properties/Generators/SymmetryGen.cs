using FsCheck;
using FsCheck.Fluent;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Generators;

/// <summary>A case with a permutation of the units of one hidden layer.</summary>
public sealed record PermutationCase(NetworkCase Case, int Layer, int[] Permutation)
{
    public override string ToString() => $"layer {Layer}, permutation [{string.Join(",", Permutation)}], {Case}";
}

/// <summary>A 1-D ReLU case with one positive rescaling factor per hidden unit (docs/theory.md §4.2).</summary>
public sealed record RescalingCase(NetworkCase Case, double[] Scales)
{
    public override string ToString() => $"scales [{string.Join(", ", Scales.Select(s => s.ToString("R")))}], {Case}";
}

/// <summary>Generators for the symmetries of the parameterisation.</summary>
public static class SymmetryGen
{
    /// <summary>Any MLP case, a hidden layer, and a uniform permutation of its units.</summary>
    public static Gen<PermutationCase> Permutations { get; } =
        from c in MlpGen.Any
        let hidden = ((Mlp)c.Model).Hidden
        from layer in Gen.Choose(0, hidden.Count - 1)
        from perm in Gen.Shuffle(Enumerable.Range(0, hidden[layer]))
        select new PermutationCase(c, layer, perm);

    /// <summary>Any 1-D ReLU case and log-uniform scales in [1/10, 10].</summary>
    public static Gen<RescalingCase> Rescalings { get; } =
        from c in SettingGen.Relu1D
        from scales in Gen.ArrayOf(NumberGen.Uniform(-Math.Log(10), Math.Log(10)).Select(Math.Exp), c.Theta.Length / 3)
        select new RescalingCase(c, scales);
}

/// <summary>Arbitrary for <see cref="PermutationCase"/> (no shrinking: the permutation is tied to the widths).</summary>
public static class PermutationCases
{
    public static Arbitrary<PermutationCase> Cases() => Arb.From(SymmetryGen.Permutations);
}

/// <summary>Arbitrary for <see cref="RescalingCase"/>; shrinks by dropping examples.</summary>
public static class RescalingCases
{
    public static Arbitrary<RescalingCase> Cases() => Arb.From(SymmetryGen.Rescalings,
        r => CaseShrinker.Shrink(r.Case).Where(c => c.Theta.Length == r.Case.Theta.Length).Select(c => r with { Case = c }));
}

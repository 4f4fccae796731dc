using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NoiseDrift.Properties.Generators;
using NoiseDrift.Properties.TestSupport;
using NoiseDrift.Theory.Judging;
using NoiseDrift.Theory.Settings;

namespace NoiseDrift.Properties.Theory.Settings;

/// <summary>
/// The nuclear-norm link of matrix sensing (docs/theory.md §4.1): <c>reg = 2(d+1) tr(UUᵀ) + 4 tr(Uᵀ(M − E[A²])U)</c>
/// exactly (rounding), and as n grows the gap is a mean of n iid terms <c>4 tr(UᵀA_i²U) − 2(d+1) tr(UUᵀ)</c> with mean 0,
/// so <c>|reg − 2(d+1) tr(UUᵀ)| ≤ z·SE</c> with SE their sample standard deviation over √n and z from the suite budget
/// (docs/theory.md §5; no bias term: the identity <c>E[A²] = ((d+1)/2) I</c> is exact). Power: the constant 2d for 2(d+1)
/// is rejected at n = 4000.
/// </summary>
[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.FewCases)]
public class MatrixSensingNuclearNormProperties
{
    private static readonly Gen<(int D, int K, double[] U, ulong Seed)> Factors =
        from d in Gen.Choose(1, 4)
        from k in Gen.Choose(1, d)
        from u in Gen.ArrayOf(NumberGen.StandardNormal.Select(z => z / Math.Sqrt(d)), d * k)
        from seed in Gen.Choose(1, 1 << 30)
        select (d, k, u, (ulong)seed);

    [Property(Arbitrary = [typeof(MatrixSensingInstances)])]
    public void Reg_is_the_nuclear_norm_term_plus_the_finite_n_gap(SettingInstance s)
    {
        var setting = (MatrixSensingSetting)s.Symbolic;
        double scale = setting.Reg() + setting.NuclearNormReg + Math.Abs(setting.FiniteSampleGap);
        Agreement.Close([setting.NuclearNormReg + setting.FiniteSampleGap], [setting.Reg()], scale, "reg = 2(d+1)tr(UUᵀ) + gap");
    }

    [Property]
    public Property Reg_approaches_the_nuclear_norm_term_as_n_grows() =>
        Prop.ForAll(Factors.ToArbitrary(), f =>
        {
            var (gap, se) = Gap(f, 4000, 2 * (f.D + 1));
            double z = SuiteBudget.Budget.Z;
            return (Math.Abs(gap) <= z * se).Label($"d {f.D} k {f.K}: gap {gap:G4}, SE {se:G3}, z {z:G3}");
        });

    [Property]
    public Property Power_the_constant_2d_is_rejected() =>
        Prop.ForAll(Factors.ToArbitrary(), f =>
        {
            var (gap, se) = Gap(f, 4000, 2 * f.D);
            double trace = f.U.Sum(v => v * v);
            // The wrong limit is off by 2 tr(UUᵀ); only a U too small to resolve at n = 4000 could hide that.
            bool resolvable = 2 * trace > 2 * SuiteBudget.Budget.Z * se;
            return (!resolvable || Math.Abs(gap) > SuiteBudget.Budget.Z * se).Label($"wrong-constant gap {gap:G4}, SE {se:G3}")
                .Classify(resolvable, "resolvable");
        });

    /// <summary>reg − factor·tr(UUᵀ) on n fresh sensing matrices, and the standard error of the mean of its iid terms.</summary>
    private static (double Gap, double StdErr) Gap((int D, int K, double[] U, ulong Seed) f, int n, double factor)
    {
        var problem = MatrixSensingProblem.Draw(f.D, 1, n, f.Seed);
        double trace = f.U.Sum(v => v * v);
        var terms = new double[n];
        for (int i = 0; i < n; i++)
        {
            var one = new NoiseDrift.Engine.Data.Dataset(problem.Data.Row(i).ToArray(), [0.0], f.D * f.D);
            terms[i] = new MatrixSensingSetting(f.D, f.K, f.U, one).Reg() - factor * trace;
        }
        double mean = terms.Average(), variance = terms.Sum(t => (t - mean) * (t - mean)) / (n - 1);
        return (mean, Math.Sqrt(variance / n));
    }
}

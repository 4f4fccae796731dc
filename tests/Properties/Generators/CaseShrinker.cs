using NoiseDrift.Engine.Data;
using NoiseDrift.Engine.Models;

namespace NoiseDrift.Properties.Generators;

/// <summary>
/// Shrinks a failing case towards a minimal counterexample: fewer examples, fewer hidden units (MLP; a §4 network stays in its family), then simpler
/// numbers in θ. Filters on the arbitrary (e.g. the kink margin) are re-applied by FsCheck to every candidate.
/// </summary>
public static class CaseShrinker
{
    public static IEnumerable<NetworkCase> Shrink(NetworkCase c)
    {
        for (int i = c.Data.Count - 1; c.Data.Count > 1 && i >= 0; i--)
            yield return c with { Data = Without(c.Data, i) };

        if (c.Model is Mlp mlp)
        {
            var arch = MlpArchitecture.Of(mlp);
            for (int l = 0; l < arch.Layout.Hidden.Length; l++)
            {
                if (arch.Layout.Hidden[l] == 1) continue;
                var (layout, theta) = arch.Layout.RemoveUnit(c.Theta, l, arch.Layout.Hidden[l] - 1);
                yield return c with { Model = (arch with { Layout = layout }).Build(), Theta = theta };
            }
        }

        foreach (int digits in new[] { 0, 1 })
        {
            var rounded = c.Theta.Select(t => Math.Round(t, digits)).ToArray();
            if (!rounded.SequenceEqual(c.Theta)) yield return c with { Theta = rounded };
        }
    }

    private static Dataset Without(Dataset data, int example) =>
        Dataset.FromRows(
            Enumerable.Range(0, data.Count).Where(i => i != example).Select(i => data.Row(i).ToArray()).ToArray(),
            data.Y.Where((_, i) => i != example).ToArray());
}

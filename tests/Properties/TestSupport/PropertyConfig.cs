using FsCheck;
using Microsoft.FSharp.Core;

namespace NoiseDrift.Properties.TestSupport;

/// <summary>
/// The shared FsCheck configuration of the engine properties (docs/design.md "Tests"): a fixed Replay seed so CI is
/// deterministic, and case budgets. FsCheck.Xunit 3.6 spells the seed <c>Replay = "seed,gamma"</c> (gamma odd);
/// on failure it prints the counterexample and the seed to paste back as Replay.
/// Use as <c>[Properties(Replay = PropertyConfig.Replay, MaxTest = PropertyConfig.Cases)]</c> on a class.
/// </summary>
public static class PropertyConfig
{
    /// <summary>The fixed seed of every engine property.</summary>
    public const string Replay = "1904080917,20200701";

    /// <summary>
    /// A configuration for a property run from code (<c>Check.One</c>) that replays <see cref="Replay"/>, runs
    /// <paramref name="maxTest"/> cases and throws on failure.
    /// </summary>
    public static Config Checked(int maxTest) =>
        Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithReplay(
            FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(new Rnd(1904080917UL, 20200701UL), FSharpOption<int>.None)));

    /// <summary>Cases per property for cheap properties.</summary>
    public const int Cases = 40;

    /// <summary>Cases per property for expensive ones (coordinate-wise finite differences of reg, deep nets).</summary>
    public const int FewCases = 15;
}

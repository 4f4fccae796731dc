namespace NoiseDrift.Cli.SpecRun;

/// <summary>Where the θ* of a spec came from (reported as <c>theta_source</c>).</summary>
public enum ThetaSource
{
    /// <summary>The spec's <c>theta</c>, on M as given.</summary>
    Spec,

    /// <summary>The spec's <c>theta</c> was off M and was projected onto it by Gauss–Newton.</summary>
    Projected,

    /// <summary>The spec had no <c>theta</c>; θ* was found by training from <c>sgd.seed</c>.</summary>
    Found,
}

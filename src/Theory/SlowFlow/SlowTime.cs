using NoiseDrift.Engine.Sgd;
using NoiseDrift.Engine.Validation;

namespace NoiseDrift.Theory.SlowFlow;

/// <summary>The time map of the slow flow, <c>t = η²σ² k / B</c> (THEORY.md §3, "Slow flow").</summary>
public static class SlowTime
{
    /// <summary>The flow time t after k SGD steps: <c>t = η²σ² k / B</c>.</summary>
    public static double FromSteps(double steps, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        Guard.NonNegative(steps, "steps");
        return sgd.Eta * sgd.NoiseScale * steps;
    }

    /// <summary>The number of SGD steps k that cover flow time t: <c>k = t B / (η²σ²)</c>; needs σ &gt; 0.</summary>
    public static double ToSteps(double time, SgdProblem sgd)
    {
        ArgumentNullException.ThrowIfNull(sgd);
        Guard.NonNegative(time, "time");
        Guard.Positive(sgd.Sigma, "sigma");
        return time / (sgd.Eta * sgd.NoiseScale);
    }
}

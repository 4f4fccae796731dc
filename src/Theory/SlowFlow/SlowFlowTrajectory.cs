namespace NoiseDrift.Theory.SlowFlow;

/// <summary>A sampled trajectory of the slow flow on M (docs/theory.md §3, "Slow flow").</summary>
/// <param name="Times">Flow times t (map to SGD steps with <see cref="Engine.Sgd.SgdProblem.StepsFor"/>).</param>
/// <param name="Thetas">θ(t), each on M to the retraction tolerance.</param>
/// <param name="Regs"><c>reg(θ(t))</c>, non-increasing along the flow.</param>
public sealed record SlowFlowTrajectory(double[] Times, double[][] Thetas, double[] Regs)
{
    /// <summary>The final point.</summary>
    public double[] Final => Thetas[^1];
}

namespace NoiseDrift.Theory.Reproduction;

/// <summary>Reports a sub-task's completed fraction f as <c>offset + share · f</c> of the whole, synchronously.</summary>
internal sealed class ScaledProgress(IProgress<double> whole, double offset, double share) : IProgress<double>
{
    public void Report(double value) => whole.Report(offset + share * value);
}

namespace NoiseDrift.Theory.Reproduction;

/// <summary>
/// Progress of sub-tasks that run at the same time: part i reports its own completed fraction, the whole receives the
/// mean over parts. Thread-safe.
/// </summary>
internal sealed class SummedProgress(IProgress<double> whole, int parts)
{
    private readonly double[] _fractions = new double[parts];
    private readonly Lock _gate = new();

    /// <summary>The progress of part <paramref name="index"/>.</summary>
    public IProgress<double> Part(int index) => new PartProgress(this, index);

    private void Report(int index, double value)
    {
        double mean;
        lock (_gate)
        {
            _fractions[index] = value;
            mean = _fractions.Average();
        }
        whole.Report(mean);
    }

    private sealed class PartProgress(SummedProgress owner, int index) : IProgress<double>
    {
        public void Report(double value) => owner.Report(index, value);
    }
}
